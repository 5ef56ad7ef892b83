/**
 * Parser plugin `pdf`: a PDF's text layer (pdfjs-dist) → the same tree of `line` nodes as the text
 * and Markdown parsers (parse/tree.ts), so the line-based stages and coverage work unchanged.
 *
 * Two steps, because pdfjs is asynchronous and unified's parser is not:
 *
 *   readPdf(file, bytes)  async: every text item of every page, placed (parse/pdf/items.ts), and the
 *                         tables read from their positions (parse/pdf/tables.ts) and, on the pages
 *                         tables are on, from the ruling lines drawn there (parse/pdf/rules.ts).
 *                         An encrypted or corrupt file is an IngestError naming it.
 *   pdfParser             the unified parser: `file.data.pdf` (what readPdf gave) → line nodes in
 *                         reading order (pages top to bottom, each line's items left to right), one
 *                         global line number n across the PDF, `data.page` / `data.pageLine` on
 *                         each; a table row is one line whose cells are joined by tabs, `data.cells`
 *                         keeping each cell's position, as a Markdown table row.
 *
 * Running headers, footers and page numbers are marked on their line (`data.noise`), and the noise
 * stage counts them as named noise. Spaces inside justified CJK runs ("能 够 理 解") are removed,
 * spaces between Latin words kept (removeLetterSpacing, shared with the site); wrapped lines are
 * NOT joined here: the structure stage does that as for text sources. Control characters are
 * removed and reported with their line, as for text sources (parse/text.ts).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { NoiseReason } from '../../../src/schema/corpus.ts';
import { removeLetterSpacing } from '../../../src/lib/text/normalize.ts';
import { IngestError } from '../context.ts';
import type { PdfItem, PdfRead, PdfRule, PdfTable, PdfTableRow } from './pdf/items.ts';
import { rulesFromOperators } from './pdf/rules.ts';
import { readTables } from './pdf/tables.ts';
import { normaliseMapped, stripControls } from './text.ts';
import { type CellNode, type LineNode, type SourceRoot, lineNode } from './tree.ts';

declare module 'vfile' {
  interface DataMap {
    /** A PDF source's text items (readPdf), handed to the pdf parser. */
    pdf: PdfRead;
  }
}

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;

/** Is this source a PDF (by its name)? */
export function isPdf(file: string): boolean {
  return /\.pdf$/iu.test(file);
}

/** A PDF's text items, placed, and its tables. Encrypted, corrupt or not a PDF: an IngestError naming the file. */
export type { PdfRead } from './pdf/items.ts';

export async function readPdf(file: string, bytes: Uint8Array): Promise<PdfRead> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument, OPS } = await pdfjs;
  const task = getDocument({
    // pdfjs takes the buffer over (transfers it): hand it a copy.
    data: new Uint8Array(bytes),
    // Paths, not file: URLs: pdfjs in Node reads them with fs.readFile(`${base}${name}`), which takes a
    // URL string for a path. Without the CMaps a Chinese font with a predefined CMap gives no text.
    cMapUrl: `${join(PDFJS_DIR, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(PDFJS_DIR, 'standard_fonts')}/`,
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    if ((e as { name?: string }).name === 'PasswordException') {
      throw new IngestError(file, null, 'PDF 已加密（需要密码），无法读取其文字；请提供未加密的文件 · encrypted PDF');
    }
    throw new IngestError(file, null, `不是可读的 PDF（文件已损坏或不是 PDF：${(e as Error).message}）· corrupt PDF`);
  }
  const items: PdfItem[] = [];
  const numPages = doc.numPages;
  const corrupt = (e: unknown) => new IngestError(file, null, `PDF 的内容无法读取（文件已损坏：${(e as Error).message}）· corrupt PDF`);
  try {
    // All pages asked for at once: pdfjs (no worker) then works through them without a round trip
    // per page (about twice as fast as one after the other on a 100-page file).
    const pages = await Promise.all(
      Array.from({ length: numPages }, async (_v, k) => {
        const page = await doc.getPage(k + 1);
        const content = await page.getTextContent();
        const placed: PdfItem[] = [];
        const [x0, , , y1] = page.view as [number, number, number, number];
        for (const raw of content.items) {
          if (!('str' in raw) || raw.str.trim() === '') continue;
          const [a, b, c, d, e, f] = raw.transform as number[];
          const fontSize = Math.hypot(c!, d!) || Math.hypot(a!, b!) || raw.height;
          const height = raw.height || fontSize;
          placed.push({ str: raw.str, page: k + 1, x: e! - x0, y: y1 - f! - height, width: raw.width, height, fontSize });
        }
        page.cleanup();
        return placed;
      }),
    ).catch((e: unknown) => {
      throw corrupt(e);
    });
    for (const p of pages) items.push(...p);
    // Tables from the items' positions (parse/pdf/tables.ts): their items are not read again as lines.
    // The ruling lines of the pages a table is on (and of the page after, where it may go on) part
    // its cells and rows when it is ruled: a table read further with them asks for more pages.
    if (items.length === 0) return { pages: numPages, items, tables: [], used: new Set<PdfItem>() };
    let read = readTables(items);
    const rules: PdfRule[] = [];
    const asked = new Set<number>();
    for (;;) {
      const want = [...new Set(read.tables.flatMap((t) => t.rows.flatMap((r) => [r.page, r.page + 1])))].filter((p) => p <= numPages && !asked.has(p));
      if (want.length === 0) break;
      for (const p of want) asked.add(p);
      const more = await Promise.all(
        want.map(async (p) => {
          const page = await doc.getPage(p);
          const ops = await page.getOperatorList();
          const found = rulesFromOperators(ops.fnArray, ops.argsArray, OPS, p, page.view as [number, number, number, number]);
          page.cleanup();
          return found;
        }),
      ).catch((e: unknown) => {
        throw corrupt(e);
      });
      const before = rules.length;
      for (const r of more) rules.push(...r);
      if (rules.length === before) continue;
      read = readTables(items, rules);
    }
    return { pages: numPages, items, tables: read.tables, used: read.used };
  } finally {
    await doc.destroy();
  }
}

/** One line of a page before numbering: its text, or a table row's cells. */
interface PageLine {
  page: number;
  /** Top of the line on its page. */
  y: number;
  /** Height (the largest item's), to tell a line from the next. */
  height: number;
  /** Font size (the largest item's): a running header is printed the same way on every page. */
  fontSize: number;
  /** Left and right edges of the line's text. */
  x: number;
  right: number;
  text: string;
  /** A table row's cells' texts, when the line is one. */
  cells?: string[];
  noise?: NoiseReason;
}

/** The items of one page not taken by a table → its lines, top to bottom, each left to right. */
function pageLines(items: PdfItem[]): PageLine[] {
  const sorted = [...items].sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2) || a.x - b.x);
  const lines: Array<{ mid: number; height: number; items: PdfItem[] }> = [];
  for (const it of sorted) {
    const mid = it.y + it.height / 2;
    const last = lines.at(-1);
    // Same line when the centres are within half a line height of each other.
    if (last && Math.abs(mid - last.mid) < Math.min(last.height, it.height) * 0.5) {
      last.items.push(it);
      last.height = Math.max(last.height, it.height);
    } else lines.push({ mid, height: it.height, items: [it] });
  }
  return lines.map((l) => {
    const its = l.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const it of its) {
      // A visible gap between two items is a space (a quarter of the font size).
      if (text && it.x - end > it.fontSize * 0.25 && !/\s$/u.test(text) && !/^\s/u.test(it.str)) text += ' ';
      text += it.str;
      end = it.x + it.width;
    }
    return {
      page: its[0]!.page,
      y: Math.min(...its.map((i) => i.y)),
      height: l.height,
      fontSize: Math.max(...its.map((i) => i.fontSize)),
      x: its[0]!.x,
      right: Math.max(...its.map((i) => i.x + i.width)),
      text: tidy(text),
    };
  });
}

/** White space but the control characters \v and \f (removed and reported when the line is numbered). */
const BLANKS = /(?:(?![\v\f])\s)+/gu;

/** White space collapsed, justified CJK runs closed up ("能 够 理 解" → "能够理解"), Latin words kept apart. */
function tidy(text: string): string {
  return removeLetterSpacing(text.replace(BLANKS, ' ').replace(/^ | $/gu, ''));
}

/** A table row as a line: its cells' texts. */
function rowLine(row: PdfTableRow): PageLine {
  const height = Math.max(1, ...row.cells.flatMap((c) => c.items.map((i) => i.height)));
  const x = Math.min(...row.cells.map((c) => c.x0));
  return { page: row.page, y: row.y, height, fontSize: height, x, right: Math.max(x, ...row.cells.map((c) => c.x1)), text: '', cells: row.cells.map((c) => tidy(c.text)) };
}

/** Page numbers: 8, — 3 —, - 3 -, 第 3 页 共 18 页, 3/18, Page 3 of 18. */
const PAGE_NUMBER =
  /^(?:[—–\-－]*\s*\d{1,4}\s*[—–\-－]*|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/iu;

/** A number alone is a page number when it is near the physical page's (a figure such as 2019 at a page's foot is text). */
function plausiblePage(l: PageLine): boolean {
  const bare = /^\d+$/u.exec(l.text.trim());
  return !bare || Math.abs(Number(bare[0]) - l.page) <= 10;
}

/** How many lines at the top and at the bottom of a page may be a header, footer or page number. */
const BAND = 2;

/**
 * Marks page numbers and running headers/footers: a line among the first or last BAND of its page
 * that is a page number, or whose text (digits aside) stands in the same band, at the same height of
 * the page and in the same font size, on at least half of the pages (and on two at least). A title
 * printed large on page 1 is not the running title of the pages after it.
 */
function markPageNoise(byPage: PageLine[][]): void {
  const band = (lines: PageLine[]) => {
    const top = lines.slice(0, BAND);
    const bottom = lines.slice(Math.max(BAND, lines.length - BAND));
    return { top, bottom };
  };
  const key = (l: PageLine) => `${l.text.replace(/\d+/gu, '#')}@${Math.round(l.fontSize)}@${Math.round(l.y / 12)}`;
  const pagesWith = { top: new Map<string, Set<number>>(), bottom: new Map<string, Set<number>>() };
  byPage.forEach((lines, p) => {
    const b = band(lines);
    for (const side of ['top', 'bottom'] as const) {
      for (const l of b[side]) if (!l.cells) (pagesWith[side].get(key(l)) ?? pagesWith[side].set(key(l), new Set()).get(key(l))!).add(p);
    }
  });
  const pages = byPage.filter((l) => l.length > 0).length;
  const repeated = (side: 'top' | 'bottom', l: PageLine) => {
    const n = pagesWith[side].get(key(l))?.size ?? 0;
    return n >= 2 && n * 2 >= pages;
  };
  for (const lines of byPage) {
    const b = band(lines);
    for (const side of ['top', 'bottom'] as const) {
      for (const l of b[side]) {
        if (l.cells) continue;
        if (PAGE_NUMBER.test(l.text) && plausiblePage(l)) l.noise = 'page-number';
        else if (repeated(side, l)) l.noise = 'running-header';
      }
    }
  }
}

/** The most frequent value (rounded to a point) of a list, or null. */
function mode(values: number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best: number | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && v < best)) best = v;
  return best;
}

/** The text block's left edge: the leftmost line start shared by a fair share of the lines (indented first lines are often the most frequent). */
function leftEdge(xs: number[]): number | null {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(Math.round(x), (counts.get(Math.round(x)) ?? 0) + 1);
  const enough = Math.max(2, xs.length * 0.05);
  const starts = [...counts].filter(([, n]) => n >= enough).map(([x]) => x);
  return starts.length ? Math.min(...starts) : null;
}

/**
 * What the print says about wrapping, for the structure stage (`wrap` on a line; see parse/lines.ts):
 * the text block's left edge is the leftmost common line start, its right edge the most frequent line end. A line that
 * starts at the left edge right after a line that ran to the right edge continues it (`wrap: true`,
 * even after a line ending in 。); a line indented by about two characters starts a paragraph
 * (`wrap: false`); anything else is left to the structure stage's rules. When a wrap fell on the
 * space between Chinese and a Latin word or number (选择 / X 证书, where the document prints "选择 X
 * 证书"), `space: true` says the space is to be put back.
 */
function markWraps(byPage: PageLine[][]): Map<PageLine, { wrap: boolean; space?: boolean }> {
  const body = byPage.flat().filter((l) => !l.cells && !l.noise);
  const out = new Map<PageLine, { wrap: boolean; space?: boolean }>();
  const left = leftEdge(body.map((l) => l.x));
  const right = mode(body.map((l) => l.right));
  if (left === null || right === null || right - left < 100) return out;
  let prev: PageLine | null = null;
  for (const l of byPage.flat()) {
    if (l.noise) continue;
    if (l.cells) {
      prev = null;
      continue;
    }
    const em = l.fontSize;
    const atLeft = Math.abs(l.x - left) < em * 0.3;
    const indent = (l.x - left) / em;
    if (prev && atLeft && prev.right >= right - em && Math.abs(prev.fontSize - em) < 0.5) {
      const space =
        (/\p{Script=Han}$/u.test(prev.text) && /^[A-Za-z0-9][A-Za-z0-9.+#\-]* \p{Script=Han}/u.test(l.text)) ||
        (/\p{Script=Han} [A-Za-z0-9][A-Za-z0-9.+#\-]*$/u.test(prev.text) && /^\p{Script=Han}/u.test(l.text));
      out.set(l, space ? { wrap: true, space: true } : { wrap: true });
    } else if (indent > 1.5 && indent < 2.5 && l.right <= right + em) out.set(l, { wrap: false });
    prev = l;
  }
  return out;
}

/** What readPdf read → line nodes (see the module comment). */
export function parsePdf(file: VFile): SourceRoot {
  const name = file.basename ?? String(file.path);
  const read = file.data.pdf;
  if (!read) throw new IngestError(name, null, 'PDF 未先读取（readPdf）· PDF not read before parsing');
  if (read.items.length === 0) {
    file.message(`${name} 无文字层，可能是扫描件，需要先做文字识别 · no text layer (scanned?), OCR needed`, {
      place: { line: 1, column: 1 },
      ruleId: 'pdf-no-text',
      source: 'parse',
    });
    return { type: 'root', children: [], data: { pageCount: read.pages } };
  }
  // A text layer of private-use or replacement characters: fonts without a ToUnicode map, text that reads as garbage.
  const chars = read.items.reduce((s, i) => s + i.str.length, 0);
  const garbled = read.items.reduce((s, i) => s + (i.str.match(/[\p{Co}\ufffd]/gu)?.length ?? 0), 0);
  if (garbled > chars * 0.3) {
    file.message(`${name} 的文字层无法解码（${garbled}/${chars} 个字符为私用区或替换字符，字体缺少 ToUnicode 映射），读出的文字不可用，需要先做文字识别 · undecodable text layer`, {
      place: { line: 1, column: 1 },
      ruleId: 'pdf-undecodable-text',
      source: 'parse',
    });
  }
  const byPage: PageLine[][] = Array.from({ length: read.pages }, () => []);
  const free = read.items.filter((i) => !read.used.has(i));
  const itemsOf: PdfItem[][] = Array.from({ length: read.pages }, () => []);
  for (const it of free) itemsOf[it.page - 1]!.push(it);
  itemsOf.forEach((its, p) => byPage[p]!.push(...pageLines(its)));
  for (const t of read.tables) for (const row of t.rows) byPage[row.page - 1]!.push(rowLine(row));
  for (const lines of byPage) lines.sort((a, b) => a.y - b.y);
  markPageNoise(byPage);
  const wraps = markWraps(byPage);

  const children: LineNode[] = [];
  byPage.forEach((lines, p) => {
    lines.forEach((l, k) => {
      const n = children.length + 1;
      const page = { page: p + 1, pageLine: k + 1, ...(l.noise ? { noise: l.noise } : {}), ...wraps.get(l) };
      if (l.cells) {
        // Each cell cleaned and normalised as a line of text is, reported at its column in the row.
        const cells: CellNode[] = [];
        let col = 1;
        for (const c of l.cells) {
          const clean = stripControls(file, n, c, undefined, col);
          const v = normaliseMapped(file, n, clean.text, clean.columns, col).text;
          cells.push({ type: 'cell', value: v, position: { start: { line: n, column: col }, end: { line: n, column: col + v.length } } });
          col += v.length + 1;
        }
        const values = cells.map((c) => c.value);
        const value = values.join('\t');
        children.push(lineNode(n, value, 1, value.length + 1, { ...page, cells }));
      } else {
        const clean = stripControls(file, n, l.text);
        // The targeted normalisations of text sources („2019‟ → 〔2019〕, 1＋Ｘ → 1+X …), reported.
        const { text, columns } = normaliseMapped(file, n, clean.text, clean.columns);
        const mapped = columns && !columns.every((c, i) => c === i + 1) ? { columns } : {};
        children.push(lineNode(n, text, 1, l.text.length + 1, { ...page, ...mapped }));
      }
    });
  });
  // A page with no text at all among pages with text: a scanned page (or a blank one), which is not read.
  const withText = new Set(read.items.map((i) => i.page));
  for (let p = 1; p <= read.pages; p++) {
    if (withText.has(p)) continue;
    const next = children.find((c) => c.data!.page! > p) ?? children.at(-1)!;
    file.message(`${name} 第 ${p} 页无文字层（扫描页或空白页），该页未读取 · page without text layer`, {
      place: { line: next.position.start.line, column: 1 },
      ruleId: 'pdf-page-no-text',
      source: 'parse',
    });
  }
  return { type: 'root', children, data: { pageCount: read.pages } };
}

/** The unified parser plugin: `unified().use(pdfParser)`; the file's `data.pdf` is what readPdf read. */
export function pdfParser(this: Processor): void {
  (this as unknown as { parser: (doc: string, file: VFile) => SourceRoot }).parser = (_doc, file) => parsePdf(file);
}
