/**
 * Skill tables read from the positions of a PDF's text items (issue 13). Pure: no pdfjs here; the
 * PDF parser (parse/pdf.ts) gives every text item of the document, placed (parse/pdf/items.ts), and
 * the ruling lines of its pages where it has them (parse/pdf/rules.ts), and gets back the tables and
 * the items they consumed (its lines leave those out).
 *
 *   0. Ruling: an item that a vertical cell border runs through is parted there (text of two cells
 *      that touch, given by pdfjs as one item: "运输管理 运输方").
 *   1. Lines: items grouped by page and baseline. Running headers/footers (small type at the top or
 *      bottom of a page) and page numbers are never table content.
 *   2. Header: a band of short, touching lines whose cells (fragments joined by horizontal overlap,
 *      so a header wrapped in a narrow column — 工作 / 领域 — is one cell) are 2–8 short words, at
 *      least two of them known header words (工作领域, 工作任务, 职业技能, 技能要求, 职业功能, …),
 *      spread across the text width.
 *   3. Columns: a boundary between two header cells lies in the space between them, at the leftmost
 *      start of a body line found there (cells are left aligned, headers are often centred), else at
 *      the next header cell's left edge. Body lines are looked at down to the first line across three
 *      header cells (a paragraph: the next table may follow it closely).
 *   4. Body: the lines under the header while they fit the columns (a line crossing a column boundary
 *      — a paragraph, a heading, a caption — ends the table; an item across one boundary with a space
 *      right at it is two cells that touch, parted there); at a page break the table goes on under a
 *      repeated header (kept as a `header` row) or with lines that fit the columns.
 *   5. Cells: in each column, lines at the table's own line spacing (its commonest, smallest gap; a
 *      paragraph's spacing allowed) make one block; a wider gap (padding and rule) starts a new one. So
 *      does a code where no gap shows (cells without padding): lines beginning at one height in two
 *      columns or more with codes of one branch (1-1-2 beside 1-1-2-S3; a misprint of a sibling
 *      branch, 1-5-1-S2 beside 1-5-2, too; a number beside codes of its own branch, 3. beside 3.1 and
 *      3.1.1, is that branch's root: a dotted 工作领域) or with first items (1. / 1.).
 *   6. Rows: cells of one row overlap one another (top-aligned ones share their top, centred ones their
 *      centre), cells of two rows do not; so a block beside two blocks that do not overlap each other
 *      (unless it holds them, the tallest cell of its row) is a merged cell and makes no row. The
 *      others, grouped by overlap, are the rows. A row broken by a page break goes on in the first band
 *      of the next page when its code-led columns (1-1-1, 1.) have text there that starts with none.
 *   7. Merged cells: each column's blocks tile its rows in order; which rows a block spans is the
 *      tiling that best fits every block to its span (text at the top of the span's first row, or
 *      centred in the span, as the column shows it — measured along the table as if its pages were
 *      one), so a 工作领域 centred beside its tasks, even across a page break, lands in the FIRST row of
 *      its span and the other rows get '' — as the tab-separated text sources print merged cells.
 *   5–7 with borders: a table whose borders part its rows (on every page it is on, a border across
 *      every column under the header, and one between two of its lines somewhere) is cut by them
 *      instead: a column's lines make one cell until a border crosses the column, the stretches
 *      between borders that hold text are the rows, and a cell starts in the row under the border
 *      above it. A row with no border under it at the foot of a page is broken by the page break: it
 *      goes on in the first row of the next page (instead of step 6's rule of codes), unless every cell
 *      there opens with a code (a cell of items broken between two items: those on the next page make a
 *      row of their own there, under the merged cells, so each item keeps its page). At the top of a
 *      page the table goes on to, where a cell is a new one or the rest of a merged cell broken by the
 *      page break (no border at the page's foot either), step 7 decides. Tables without such borders
 *      (三线表, no ruling lines given) are read from their text alone.
 *   8. Text: a cell's lines joined, CJK without a space, Latin (and Latin beside CJK) with one — at a wrap
 *      between Chinese and a Latin word as the cell spaces its other such words (joinWrapped) —, a word
 *      broken after a hyphen whole, an item on its own line (1-1-2-S3, 2. 能…) set apart by a space;
 *      spaces a justified line put between CJK characters removed.
 *
 * Known limits, without borders: a table whose rows have neither padding nor codes (word-processor
 * tables of names only, the 物流 tables) is read by gaps alone, and rows that touch run together; a
 * code misprinted beside a row's code is taken as a row start only in a sibling branch (1-5-1-S2
 * beside 1-5-2), and a cell shifted into another column (3-4-2-S3 in the first) hides one; cells that
 * touch side by side run together. Borders make those exact.
 */
import type { PdfCell, PdfItem, PdfRule, PdfTable, PdfTableRow } from './items.ts';

export interface TablesResult {
  tables: PdfTable[];
  /** Every item that is part of a table (header, body, repeated headers); the parser's lines leave them out. */
  used: Set<PdfItem>;
}

/** Words that head skill-table columns in 1+X standards (a cell's text without spaces contains one). */
const HEADER_WORD =
  /^(?:工作领域|工作任务|职业技能(?:要求)?|(?:专业|职业)?技能要求|(?:专业)?知识要求|职业功能|工作内容|相关知识|能力要求|职业能力(?:要求)?|技能点|知识点|培训内容|考核(?:内容|要求)|评价(?:内容|要求)|工作要求|(?:典型)?工作(?:项目|模块)|技能模块|项目|模块|任务|序号|等级|内容|要求|备注)$/u;
/** The strong ones: a header needs two cells with one of these. */
const STRONG_WORD = /工作领域|工作任务|职业技能|技能要求|知识要求|职业功能|工作内容|相关知识|能力要求|技能点|知识点|培训内容|考核内容|工作要求/u;
/** A cell that starts with a code or an item number: 1-1-1, 1.2, 1., （1）, 一、 */
const CELL_CODE = /^(?:\d|[（(]\s*[\d一二三四五六七八九十]|[一二三四五六七八九十]+\s*[、.．])/u;
const PAGE_NUMBER = /^(?:[-—–－―\s]*\d{1,4}[-—–－―\s]*|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|[IVXLCivxlc]{1,6})$/u;
const CJK_END = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]$/u;
const CJK_START = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

interface Line {
  page: number;
  y: number;
  bottom: number;
  x0: number;
  x1: number;
  fontSize: number;
  items: PdfItem[];
}

interface Column {
  x0: number;
  x1: number;
}

interface Block {
  col: number;
  page: number;
  top: number;
  bottom: number;
  lines: Line[];
  /** Top and bottom along the table as if its pages were one (for centred merged cells). */
  ctop: number;
  cbottom: number;
}

interface Band {
  page: number;
  top: number;
  bottom: number;
  ctop: number;
  cbottom: number;
  /** A ruled row with no border under it: broken by the page break, it goes on on the next page. */
  open?: boolean;
}

export function readTables(items: PdfItem[], rules: readonly PdfRule[] = []): TablesResult {
  const used = new Set<PdfItem>();
  const tables: PdfTable[] = [];
  const whole = new Map<PdfItem, PdfItem>();
  const content = splitAtRules(
    items.filter((it) => it.str.trim() !== ''),
    rules,
    whole,
  );
  if (content.length === 0) return { tables, used };
  const bodySize = medianSize(content);
  const pages = linesByPage(content, bodySize);
  let at: Cursor | null = { page: 0, line: 0 };
  while (at) {
    const lines = pages[at.page]!;
    if (at.line >= lines.length) {
      at = at.page + 1 < pages.length ? { page: at.page + 1, line: 0 } : null;
      continue;
    }
    const header = lines[at.line]!.noise ? null : headerAt(lines, at.line, bodySize);
    if (!header) {
      at = { page: at.page, line: at.line + 1 };
      continue;
    }
    const read = readTable(pages, at.page, header, bodySize, rules, whole);
    if (read.table) {
      tables.push(read.table);
      for (const it of read.items) used.add(whole.get(it) ?? it);
    }
    at = read.next;
  }
  return { tables, used };
}

/** Full-width characters: one em each in the CJK fonts standards use. */
const FULL = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Items split where a cell border crosses them. Without padding, the text of two cells side by side
 * can touch, and pdfjs then gives them as one item ("运输管理 运输方": a 职业功能 and the 工作内容
 * beside it). A vertical rule that runs through an item's middle parts it: at the space nearest the
 * rule, or, in a run of full-width characters one em each, at the character the rule falls before.
 * `whole` maps each piece to the item it came from.
 */
function splitAtRules(items: PdfItem[], rules: readonly PdfRule[], whole: Map<PdfItem, PdfItem>): PdfItem[] {
  const vertical = new Map<number, PdfRule[]>();
  for (const r of rules) if (r.y1 - r.y0 > r.x1 - r.x0) (vertical.get(r.page) ?? vertical.set(r.page, []).get(r.page)!).push(r);
  if (vertical.size === 0) return items;
  const out: PdfItem[] = [];
  for (const it of items) {
    let rest = it;
    for (;;) {
      const m = rest.y + rest.height / 2;
      const em = rest.fontSize;
      const cut = (vertical.get(rest.page) ?? [])
        .filter((r) => r.y0 <= m && r.y1 >= m)
        .map((r) => (r.x0 + r.x1) / 2)
        .filter((x) => x > rest.x + 0.3 * em && x < rest.x + rest.width - 0.3 * em)
        .sort((a, b) => a - b)[0];
      const pieces = cut === undefined ? null : part(rest, cut, splitIndex(rest, cut), whole);
      if (!pieces) break;
      out.push(pieces[0]);
      rest = pieces[1];
    }
    out.push(rest);
  }
  return out;
}

/** An item parted at string index `at`, the first piece ending at page position `cut`; null if a piece would be empty. */
function part(it: PdfItem, cut: number, at: number, whole: Map<PdfItem, PdfItem>): [PdfItem, PdfItem] | null {
  if (at <= 0 || at >= it.str.length) return null;
  const leftStr = it.str.slice(0, at).trimEnd();
  const rightStr = it.str.slice(at).trimStart();
  if (!leftStr || !rightStr) return null;
  const x1 = it.x + it.width;
  const left: PdfItem = { ...it, str: leftStr, width: Math.min(cut - it.x, it.width) };
  const right: PdfItem = { ...it, str: rightStr, x: Math.max(cut, x1 - weight(rightStr) * (it.width / weight(it.str))), width: 0 };
  right.width = x1 - right.x;
  whole.set(left, whole.get(it) ?? it);
  whole.set(right, whole.get(it) ?? it);
  return [left, right];
}

/** A string's width in ems, roughly: full-width characters one, others a half. */
function weight(s: string): number {
  let w = 0;
  for (const ch of s) w += FULL.test(ch) ? 1 : 0.5;
  return w || 1;
}

/** Where to part an item at page position x: the space nearest x, else the full-width character x falls before. */
function splitIndex(it: PdfItem, x: number, spaceWithin = 3 * it.fontSize): number {
  const chars = [...it.str];
  const per = it.width / weight(it.str);
  let best = -1;
  let bestD = Infinity;
  let pos = it.x;
  let index = 0;
  for (const ch of chars) {
    const w = (FULL.test(ch) ? 1 : 0.5) * per;
    if (/\s/u.test(ch) && Math.abs(pos + w / 2 - x) < bestD) {
      bestD = Math.abs(pos + w / 2 - x);
      best = index;
    }
    pos += w;
    index += ch.length;
  }
  if (best >= 0 && bestD <= spaceWithin) return best;
  if (spaceWithin < 3 * it.fontSize) return -1;
  // all full-width, one em each: the character boundary at x
  if (chars.every((ch) => FULL.test(ch)) && Math.abs(it.width - chars.length * it.fontSize) <= 0.15 * it.fontSize) {
    const k = Math.round((x - it.x) / it.fontSize);
    return k > 0 && k < chars.length ? k : -1;
  }
  return -1;
}

interface Cursor {
  page: number;
  line: number;
}

interface PageLine extends Line {
  /** A running header/footer or page number: never table content. */
  noise: boolean;
}

interface Header {
  /** Index of the band's first and last line on its page. */
  first: number;
  last: number;
  cells: { text: string; x0: number; x1: number; items: PdfItem[] }[];
}

function medianSize(items: PdfItem[]): number {
  const sizes: number[] = [];
  for (const it of items) for (let k = 0; k < Math.min(it.str.length, 50); k++) sizes.push(it.fontSize);
  sizes.sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 10;
}

/** Items grouped into lines per page (index = page order), top to bottom; noise marked. */
function linesByPage(items: PdfItem[], bodySize: number): PageLine[][] {
  const byPage = new Map<number, PdfItem[]>();
  for (const it of items) {
    const list = byPage.get(it.page);
    if (list) list.push(it);
    else byPage.set(it.page, [it]);
  }
  const out: PageLine[][] = [];
  for (const page of [...byPage.keys()].sort((a, b) => a - b)) {
    const its = byPage.get(page)!.sort((a, b) => a.y - b.y || a.x - b.x);
    const lines: PageLine[] = [];
    for (const it of its) {
      const tol = 0.35 * Math.min(it.height || it.fontSize, it.fontSize);
      const line = lines.find((l) => Math.abs(l.y - it.y) <= tol && l.items.every((o) => o.x + o.width <= it.x + 0.5 || it.x + it.width <= o.x + 0.5));
      if (line) {
        line.items.push(it);
        line.x0 = Math.min(line.x0, it.x);
        line.x1 = Math.max(line.x1, it.x + it.width);
        line.bottom = Math.max(line.bottom, it.y + (it.height || it.fontSize));
      } else {
        lines.push({ page, y: it.y, bottom: it.y + (it.height || it.fontSize), x0: it.x, x1: it.x + it.width, fontSize: it.fontSize, items: [it], noise: false });
      }
    }
    for (const l of lines) l.items.sort((a, b) => a.x - b.x);
    lines.sort((a, b) => a.y - b.y || a.x0 - b.x0);
    // running headers/footers: small type; page numbers: the first or last line of the page
    for (const l of lines) if (l.items.every((it) => it.fontSize < 0.85 * bodySize)) l.noise = true;
    const real = lines.filter((l) => !l.noise);
    for (const l of [real[0], real[real.length - 1]]) if (l && PAGE_NUMBER.test(lineText(l).trim())) l.noise = true;
    out.push(lines);
  }
  return out;
}

const noSpace = (s: string) => s.replace(/\s+/gu, '');

/** The header band that line `at` belongs to, if it is one. */
function headerAt(lines: PageLine[], at: number, bodySize: number): Header | null {
  const short = (l: PageLine) => !l.noise && l.items.every((it) => noSpace(it.str).length <= 8);
  const touching = (a: PageLine, b: PageLine) => b.y - a.bottom <= 0.5 * Math.max(a.fontSize, b.fontSize);
  if (!short(lines[at]!)) return null;
  // only start at the band's first line
  if (at > 0 && short(lines[at - 1]!) && touching(lines[at - 1]!, lines[at]!)) return null;
  let last = at;
  while (last + 1 < lines.length && short(lines[last + 1]!) && touching(lines[last]!, lines[last + 1]!)) last++;
  // the band may have taken in a short first body line: the header is the longest band that reads as one
  for (let end = Math.min(last, at + 8); end >= at; end--) {
    const h = readHeader(lines, at, end);
    if (h) return h;
  }
  void bodySize;
  return null;
}

function readHeader(lines: PageLine[], at: number, last: number): Header | null {
  const frags = lines.slice(at, last + 1).flatMap((l) => l.items);
  // cells: fragments joined by horizontal overlap
  const cells: { x0: number; x1: number; items: PdfItem[] }[] = [];
  for (const it of [...frags].sort((a, b) => a.x - b.x)) {
    const c = cells.find((c) => it.x < c.x1 - 0.5 && it.x + it.width > c.x0 + 0.5);
    if (c) {
      c.items.push(it);
      c.x0 = Math.min(c.x0, it.x);
      c.x1 = Math.max(c.x1, it.x + it.width);
    } else cells.push({ x0: it.x, x1: it.x + it.width, items: [it] });
  }
  if (cells.length < 2 || cells.length > 8) return null;
  const texts = cells.map((c) => noSpace([...c.items].sort((a, b) => a.y - b.y || a.x - b.x).map((it) => it.str).join('')));
  if (texts.some((t) => t.length > 12)) return null;
  if (texts.filter((t) => STRONG_WORD.test(t)).length < 2) return null;
  if (texts.filter((t) => HEADER_WORD.test(t) || t.length <= 6).length < texts.length) return null;
  const page = lines.filter((l) => !l.noise);
  const width = Math.max(...page.map((l) => l.x1)) - Math.min(...page.map((l) => l.x0));
  if (cells[cells.length - 1]!.x1 - cells[0]!.x0 < 0.4 * width) return null;
  return { first: at, last, cells: cells.map((c, k) => ({ ...c, text: texts[k]! })) };
}

function lineText(l: Line): string {
  let s = '';
  let prev: PdfItem | null = null;
  for (const it of l.items) {
    const t = it.str.replace(/\s+/gu, ' ');
    if (prev) {
      const gap = it.x - (prev.x + prev.width);
      s = joinPiece(s, t, gap > 0.2 * it.fontSize);
    } else s = t;
    prev = it;
  }
  return s;
}

/** Join two pieces of a cell: CJK without spaces, Latin with one; a word broken after a hyphen stays whole. */
function joinPiece(a: string, b: string, spaced: boolean): string {
  const left = a.replace(/\s+$/u, '');
  const right = b.replace(/^\s+/u, '');
  if (!left) return right;
  if (!right) return left;
  // the sources keep a space between a Chinese word and a Latin one or a code (能使用 HTML, 1-1 静态网页开发)
  if ((/\p{Script=Han}$/u.test(left) && /^[A-Za-z0-9]/u.test(right)) || (/[A-Za-z0-9]$/u.test(left) && /^\p{Script=Han}/u.test(right))) return `${left} ${right}`;
  if (CJK_END.test(left) || CJK_START.test(right)) return left + right;
  if (/[-/.]$/u.test(left) && /^[\p{L}\p{N}]/u.test(right) && !spaced) return left + right;
  if (/-$/u.test(left) && /^[\p{L}\p{N}]/u.test(right)) return left + right;
  return `${left} ${right}`;
}

/** A Latin word (CSS3, MySQL, jQuery) beside a Chinese character, with or without a space; codes (1-1, K1) are not words. */
const HAN_LATIN = /\p{Script=Han}( ?)(?<![A-Za-z0-9-])[A-Za-z][A-Za-z0-9.+#]*|(?<![A-Za-z0-9-])[A-Za-z][A-Za-z0-9.+#]*( ?)\p{Script=Han}/gu;

/**
 * Join a cell's line with the next one it wraps to. Where the wrap falls between a Chinese character
 * and a Latin word, the print shows no space either way (a space at a line's end is not drawn), so
 * the cell's own spacing decides: the writer who put `CSS3特性` without a space inside the cell did not
 * put one at the wrap either (能熟练使用 / CSS3特性…), the one who wrote `HTML 编写` did. A cell with no
 * other such boundary gets the genre's usual space.
 */
function joinWrapped(a: string, b: string): string {
  const left = a.replace(/\s+$/u, '');
  const right = b.replace(/^\s+/u, '');
  const atBoundary = (/\p{Script=Han}$/u.test(left) && /^[A-Za-z]/u.test(right)) || (/(?<![A-Za-z0-9-])[A-Za-z][A-Za-z0-9.+#]*$/u.test(left) && /^\p{Script=Han}/u.test(right));
  if (!atBoundary) return joinPiece(a, b, true);
  let spaced = 0;
  let tight = 0;
  for (const side of [left, right]) for (const m of side.matchAll(HAN_LATIN)) (m[1] || m[2] ? spaced++ : tight++);
  return tight > spaced ? left + right : `${left} ${right}`;
}

/** Spaces a justified line put between CJK characters are not text. */
function tidy(s: string): string {
  return s
    .replace(/\s+/gu, ' ')
    .replace(/(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])\s+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu, '')
    .trim();
}

interface Read {
  table: PdfTable | null;
  items: PdfItem[];
  next: Cursor | null;
}

interface BodyLine extends Line {
  pageIndex: number;
}

function readTable(pages: PageLine[][], pageIndex: number, header: Header, bodySize: number, rules: readonly PdfRule[], whole: Map<PdfItem, PdfItem>): Read {
  const lines = pages[pageIndex]!;
  const hcells = header.cells;
  const n = hcells.length;
  const headerBottom = Math.max(...lines.slice(header.first, header.last + 1).map((l) => l.bottom));
  const maxGap = 2 * bodySize;

  // column boundaries: where body lines start between two header cells
  const probe: Line[] = [];
  let prevBottom = headerBottom;
  for (let k = header.last + 1; k < lines.length; k++) {
    const l = lines[k]!;
    if (l.noise) continue;
    if (l.y - prevBottom > maxGap) break;
    // a line across three header cells (or both of two) is no table line: a paragraph after the table,
    // which the next table, with other columns, may follow without a gap when nothing pads the cells
    // (two cells that touch may come as one item across two)
    if (l.items.some((it) => hcells.filter((h) => it.x < h.x1 && it.x + it.width > h.x0).length >= Math.min(3, n))) break;
    probe.push(l);
    prevBottom = Math.max(prevBottom, l.bottom);
  }
  const bounds: number[] = [-Infinity];
  for (let c = 1; c < n; c++) {
    const lo = hcells[c - 1]!.x1;
    const hi = hcells[c]!.x0;
    let b = hi;
    for (const l of probe) for (const it of l.items) if (it.x > lo && it.x <= hi + 0.5) b = Math.min(b, it.x);
    bounds.push(b - 0.5);
  }
  bounds.push(Infinity);
  const colOf = (x: number) => {
    for (let c = n - 1; c >= 0; c--) if (x >= bounds[c]!) return c;
    return 0;
  };
  const fits = (l: Line) =>
    l.items.every((it) => {
      const c = colOf(it.x);
      return it.x + it.width <= bounds[c + 1]! + Math.max(1.5, 0.15 * it.fontSize);
    });

  // Cells that touch (no padding, no border given) may come as one item across a column boundary
  // ("设计 环境": a task's last line and the skill beside it): parted where a space falls right at the
  // boundary, when that is the one boundary it crosses and the line then fits.
  const touching = (l: PageLine): PageLine => {
    if (fits(l)) return l;
    const its = l.items.flatMap((it) => {
      const c = colOf(it.x);
      const b = bounds[c + 1]!;
      const end = it.x + it.width;
      if (!Number.isFinite(b) || end <= b + 1.5 || end > bounds[c + 2]!) return [it];
      return part(it, b, splitIndex(it, b, 0.6 * it.fontSize), whole) ?? [it];
    });
    const parted = { ...l, items: its };
    return fits(parted) ? parted : l;
  };

  // body lines, across pages under a repeated header
  const body: BodyLine[] = [];
  const headers: { pageIndex: number; header: Header }[] = [{ pageIndex, header }];
  const items: PdfItem[] = hcells.flatMap((c) => c.items);
  let p = pageIndex;
  let k = header.last + 1;
  prevBottom = headerBottom;
  let next: Cursor | null = null;
  for (;;) {
    const ls = pages[p]!;
    if (k >= ls.length) {
      // page break: the table goes on under a repeated header, or with lines that fit
      if (p + 1 >= pages.length) break;
      const nls = pages[p + 1]!;
      let f = 0;
      while (f < nls.length && nls[f]!.noise) f++;
      if (f >= nls.length) {
        next = { page: p + 1, line: f };
        break;
      }
      const h = headerAt(nls, f, bodySize);
      if (h) {
        const same = h.cells.length === n && h.cells.every((c, i) => c.text === hcells[i]!.text);
        if (!same) {
          next = { page: p + 1, line: f };
          break;
        }
        headers.push({ pageIndex: p + 1, header: h });
        items.push(...h.cells.flatMap((c) => c.items));
        p += 1;
        k = h.last + 1;
        prevBottom = Math.max(...nls.slice(h.first, h.last + 1).map((l) => l.bottom));
        continue;
      }
      nls[f] = touching(nls[f]!);
      if (!fits(nls[f]!)) {
        next = { page: p + 1, line: f };
        break;
      }
      p += 1;
      k = f;
      prevBottom = nls[f]!.y;
      continue;
    }
    ls[k] = touching(ls[k]!);
    const l = ls[k]!;
    if (l.noise) {
      k++;
      continue;
    }
    if (l.y - prevBottom > maxGap || !fits(l) || headerAt(ls, k, bodySize)) {
      next = { page: p, line: k };
      break;
    }
    body.push({ ...l, pageIndex: p });
    items.push(...l.items);
    prevBottom = Math.max(prevBottom, l.bottom);
    k++;
  }
  if (body.length === 0) return { table: null, items: [], next: next ?? { page: pageIndex, line: header.last + 1 } };

  const columns: Column[] = hcells.map((h, c) => ({
    x0: Number.isFinite(bounds[c]!) ? bounds[c]! : Math.min(h.x0, ...body.flatMap((l) => l.items.filter((it) => colOf(it.x) === c).map((it) => it.x))),
    x1: Number.isFinite(bounds[c + 1]!) ? bounds[c + 1]! : Math.max(h.x1, ...body.flatMap((l) => l.items.filter((it) => colOf(it.x) === c).map((it) => it.x + it.width))),
  }));
  const rows = buildRows(body, headers, pages, columns, colOf, bodySize, ruling(rules, body, columns));
  return { table: { rows }, items, next };
}

/** A cell line's leading code: hierarchical (1-1-2, 1.1.2, 1-1-2-S3 → its numbers) or an item number (1. → item 1). */
function leadingCode(text: string): { path: string[] } | { item: number } | null {
  const t = text.trim();
  const h = /^(\d+(?:\s?[-.．]\s?[A-Z]?\d+)+)(?![\d.．])/u.exec(t);
  if (h) return { path: h[1]!.split(/\s?[-.．]\s?/u) };
  const i = /^(?:(\d+)\s*[.．、)）]|[（(]\s*(\d+)\s*[)）])/u.exec(t);
  if (i) return { item: Number(i[1] ?? i[2]) };
  return null;
}

/**
 * Where rows start though no gap shows it (cells without padding, as word processors print them):
 * lines beginning at one height in two or more columns with codes of one branch (1-1-2 beside
 * 1-1-2-S3), or all with a first item (1. beside 1.). The shallowest code of a branch starts a row
 * ('row'); a deeper one (1-1-2-S3) starts one only where its column's cell so far is of another
 * branch (its path is given), since cells hold several items (1-1-2-S3, 1-1-2-S4).
 */
function rowStarts(pieces: BodyLine[][]): Map<BodyLine, 'row' | string[]> {
  const coded: { pc: BodyLine; col: number; code: NonNullable<ReturnType<typeof leadingCode>> }[] = [];
  pieces.forEach((ps, col) => {
    for (const pc of ps) {
      const code = leadingCode(lineText(pc));
      if (code) coded.push({ pc, col, code });
    }
  });
  coded.sort((a, b) => a.pc.page - b.pc.page || a.pc.y - b.pc.y);
  const out = new Map<BodyLine, 'row' | string[]>();
  for (let k = 0; k < coded.length; ) {
    let e = k + 1;
    while (e < coded.length && coded[e]!.pc.page === coded[k]!.pc.page && coded[e]!.pc.y - coded[k]!.pc.y <= 2) e++;
    const group = coded.slice(k, e);
    k = e;
    if (new Set(group.map((g) => g.col)).size < 2) continue;
    if (group.every((g) => 'item' in g.code && g.code.item === 1)) {
      for (const g of group) out.set(g.pc, 'row');
      continue;
    }
    const paths = group.map((g) => ('path' in g.code ? g.code.path : null));
    // a number beside codes of its own branch (3. beside 3.1 and 3.1.1: a dotted 工作领域 code) is that
    // branch's root, not an item number
    group.forEach((g, i) => {
      const n = 'item' in g.code ? String(g.code.item) : null;
      if (n !== null && paths.some((p) => p !== null && p.length >= 2 && p[0] === n)) paths[i] = [n];
    });
    const under = (a: string[], b: string[]) => b.length > a.length && a.every((x, q) => b[q] === x);
    let roots = paths.filter((a): a is string[] => !!a && paths.some((b) => b !== null && under(a, b)));
    // a code misprinted in a sibling branch (1-5-1-S2 beside 1-5-2): the shallowest code leads when
    // every deeper one of the group is of its parent's branch
    if (roots.length === 0) {
      const coded = paths.filter((a): a is string[] => !!a);
      const d = Math.min(...coded.map((a) => a.length));
      const top = coded.filter((a) => a.length === d);
      const deeper = coded.filter((a) => a.length > d);
      if (top.length === 1 && d >= 2 && deeper.length > 0 && deeper.every((b) => under(top[0]!.slice(0, -1), b) && b.length === d + 1)) roots = top;
    }
    if (roots.length === 0) continue;
    const depth = Math.min(...roots.map((r) => r.length));
    group.forEach((g, i) => {
      const p = paths[i];
      if (!p) return;
      if (p.length === depth && roots.includes(p)) out.set(g.pc, 'row');
      else if (roots.some((r) => under(r, p))) out.set(g.pc, p);
      // a code of a sibling branch beside the row's code (1-4-1-K2 beside 1-4-2): a misprint, at the row's start
      else if (roots.some((r) => under(r.slice(0, -1), p))) out.set(g.pc, 'row');
    });
  }
  return out;
}

const mid = (l: Line) => (l.y + l.bottom) / 2;

/** What a ruled table's borders say: where a column's cells part, and the rows of each page. */
interface Ruling {
  /** Is there a border across column `col` between heights `a` and `b` (a < b) of `page`? */
  between(col: number, page: number, a: number, b: number): boolean;
  /** The rows: each stretch between two borders, on each page, that holds text. */
  rows(blocks: Block[]): Band[];
  /**
   * The row a block starts in: the first row under the border above it. Null at the top of a page the
   * table goes on to, where the block may go on with a cell of the page before (a cell broken by the
   * page break has no border there); the text decides (tile).
   */
  startRow(b: Block, bands: Band[]): number | null;
}

/**
 * The table's ruling, when its borders part its rows: on its first page, a border across every column
 * above its first line (under the header), and a border between two of its lines somewhere. (A cell
 * that goes on over a page break has no border at the foot of the page, nor, without a repeated
 * header, at the top of the next.) A table with fewer
 * rules (三线表, frames without row lines) is read from its text alone.
 */
function ruling(rules: readonly PdfRule[], body: BodyLine[], columns: Column[]): Ruling | null {
  if (rules.length === 0 || body.length === 0) return null;
  const centre = columns.map((c) => (c.x0 + c.x1) / 2);
  const cuts = new Map<string, number[]>();
  const pages = [...new Set(body.map((l) => l.page))];
  for (const page of pages) {
    const hs = rules.filter((r) => r.page === page && r.x1 - r.x0 > r.y1 - r.y0);
    columns.forEach((_, c) => {
      const ys = hs
        .filter((r) => r.x0 <= centre[c]! && r.x1 >= centre[c]!)
        .map((r) => (r.y0 + r.y1) / 2)
        .sort((a, b) => a - b)
        .filter((y, k, all) => k === 0 || y - all[k - 1]! > 1);
      cuts.set(`${page}:${c}`, ys);
    });
  }
  const cutsOf = (c: number, page: number) => cuts.get(`${page}:${c}`) ?? [];
  let inside = false;
  for (const page of pages) {
    const ls = body.filter((l) => l.page === page);
    const top = Math.min(...ls.map(mid));
    const bottom = Math.max(...ls.map(mid));
    for (let c = 0; c < columns.length; c++) {
      const ys = cutsOf(c, page);
      if (page === pages[0] && !ys.some((y) => y < top)) return null;
      if (ys.some((y) => y > top && y < bottom)) inside = true;
    }
  }
  if (!inside) return null;
  return {
    between: (col, page, a, b) => cutsOf(col, page).some((y) => y > a && y < b),
    startRow: (b, bands) => {
      const m = mid(b.lines[0]!);
      const above = cutsOf(b.col, b.page).filter((y) => y < m);
      const top = above[above.length - 1];
      if (top === undefined) return null;
      const r = bands.findIndex((x) => x.page === b.page && x.bottom > top + 0.5);
      if (r < 0) return null;
      if (bands[r - 1]?.page !== b.page && r > 0 && !body.some((l) => l.page === b.page && mid(l) < top)) return null;
      return r;
    },
    rows: (blocks) => {
      const out: Band[] = [];
      for (const page of pages) {
        const ys = [...new Set(columns.flatMap((_, c) => cutsOf(c, page)))].sort((a, b) => a - b).filter((y, k, all) => k === 0 || y - all[k - 1]! > 1);
        const mids = blocks.filter((b) => b.page === page).flatMap((b) => b.lines.map(mid));
        // the foot of a page where cells go on to the next has no border: its row ends with its text;
        // so may the top of the next page, when no header is repeated there
        const on = blocks.filter((b) => b.page === page);
        const first = Math.min(...on.map((b) => b.top)) - 0.5;
        const last = Math.max(...on.map((b) => b.bottom)) + 0.5;
        const ends = [...(ys.length && ys[0]! < first + 0.5 ? [] : [Math.min(first, ys[0] ?? first)]), ...ys];
        ends.push(Math.max(last, ends[ends.length - 1]!));
        for (let k = 1; k < ends.length; k++) {
          if (mids.some((m) => m > ends[k - 1]! && m < ends[k]!)) out.push({ page, top: ends[k - 1]!, bottom: ends[k]!, ctop: 0, cbottom: 0, ...(k === ends.length - 1 ? { open: true } : {}) });
        }
      }
      return out;
    },
  };
}

/** Blocks grouped by vertical overlap on a page: the bands of text that make rows. */
function bandsOf(blocks: Block[], minOverlap: number): Block[][] {
  const out: Block[][] = [];
  let bottom = -Infinity;
  for (const b of [...blocks].sort((a, b) => a.page - b.page || a.top - b.top)) {
    const last = out[out.length - 1];
    if (last && last[0]!.page === b.page && b.top < bottom - minOverlap) {
      last.push(b);
      bottom = Math.max(bottom, b.bottom);
    } else {
      out.push([b]);
      bottom = b.bottom;
    }
  }
  return out;
}

function buildRows(
  body: BodyLine[],
  headers: { pageIndex: number; header: Header }[],
  pages: PageLine[][],
  columns: Column[],
  colOf: (x: number) => number,
  bodySize: number,
  ruled: Ruling | null,
): PdfTableRow[] {
  const n = columns.length;
  // pieces of lines per column
  const pieces: BodyLine[][] = columns.map(() => []);
  for (const l of body) {
    for (let c = 0; c < n; c++) {
      const its = l.items.filter((it) => colOf(it.x) === c);
      if (its.length === 0) continue;
      pieces[c]!.push({
        page: l.page,
        pageIndex: l.pageIndex,
        y: Math.min(...its.map((it) => it.y)),
        bottom: Math.max(...its.map((it) => it.y + (it.height || it.fontSize))),
        x0: Math.min(...its.map((it) => it.x)),
        x1: Math.max(...its.map((it) => it.x + it.width)),
        fontSize: Math.max(...its.map((it) => it.fontSize)),
        items: its,
      });
    }
  }
  // blocks: the lines of a column at the table's line spacing (the commonest, smallest gap), a
  // paragraph's spacing allowed; a wider gap is the padding and rule between two cells
  const gaps: number[] = [];
  for (const ps of pieces) for (let k = 1; k < ps.length; k++) if (ps[k]!.page === ps[k - 1]!.page) gaps.push(ps[k]!.y - ps[k - 1]!.bottom);
  gaps.sort((a, b) => a - b);
  const lineGap = Math.max(0, gaps[Math.floor(gaps.length * 0.1)] ?? 0);
  const starts = rowStarts(pieces);
  const blocks: Block[] = [];
  for (let c = 0; c < n; c++) {
    let cur: Block | null = null;
    // the last hierarchical code of the current block: a line of the same branch goes on in it
    let lastPath: string[] | null = null;
    for (const pc of pieces[c]!) {
      const gap: number = cur ? pc.y - cur.bottom : Infinity;
      const start = starts.get(pc);
      const parent = (p: string[]) => p.slice(0, -1).join('-');
      const newRow = start !== undefined && (start === 'row' || !lastPath || parent(lastPath) !== parent(start));
      const code = leadingCode(lineText(pc));
      if (code && 'path' in code) lastPath = code.path;
      const same = ruled ? cur !== null && cur.page === pc.page && !ruled.between(c, pc.page, mid(cur.lines[cur.lines.length - 1]!), mid(pc)) : cur !== null && cur.page === pc.page && gap <= lineGap + 0.5 * pc.fontSize && !newRow;
      if (cur && same) {
        cur.lines.push(pc);
        cur.bottom = Math.max(cur.bottom, pc.bottom);
      } else {
        cur = { col: c, page: pc.page, top: pc.y, bottom: pc.bottom, lines: [pc], ctop: 0, cbottom: 0 };
        blocks.push(cur);
        lastPath = code && 'path' in code ? code.path : null;
      }
    }
  }
  // text of one row overlaps by a line or so; a centred merged cell may graze a row beside its own
  const sizes = blocks.map((b) => b.lines[0]!.fontSize).sort((a, b) => a - b);
  const minOverlap = 0.4 * (sizes[Math.floor(sizes.length / 2)] ?? bodySize);
  const overlaps = (a: { page: number; top: number; bottom: number }, b: { page: number; top: number; bottom: number }) =>
    a.page === b.page && a.top < b.bottom - minOverlap && b.top < a.bottom - minOverlap;
  // Cells of one row overlap one another (top-aligned ones share their top, centred ones their
  // centre); cells of two rows do not. So a block beside two blocks that do not overlap each other
  // spans rows: a merged cell, it makes no band. Unless it holds them both: the tallest cell of a row,
  // top-aligned, beside a short top-aligned cell and a short centred one. Blocks aligned with nothing
  // beside them (merged names, centred over their span) are judged last, by the others.
  const besideOf = (x: Block) => blocks.filter((o) => o.col !== x.col && overlaps(o, x));
  const floating = new Set(
    blocks.filter((x) => !besideOf(x).some((o) => Math.abs(o.top - x.top) <= 2 || Math.abs(o.top + o.bottom - x.top - x.bottom) <= 4)),
  );
  const spanning = new Set<Block>();
  const spans = (x: Block, beside: Block[]) => {
    const apart = beside.some((a, i) => beside.some((b, j) => j > i && !overlaps(a, b)));
    return apart && !beside.every((o) => o.top >= x.top - 1 && o.bottom <= x.bottom + 1);
  };
  for (const x of blocks) if (!floating.has(x) && spans(x, besideOf(x).filter((o) => !floating.has(o)))) spanning.add(x);
  for (const x of floating) if (spans(x, besideOf(x).filter((o) => !spanning.has(o)))) spanning.add(x);
  const bands: Band[] = ruled
    ? ruled.rows(blocks)
    : bandsOf(blocks.filter((x) => !spanning.has(x)), minOverlap).map((g) => ({
        page: g[0]!.page,
        top: Math.min(...g.map((b) => b.top)),
        bottom: Math.max(...g.map((b) => b.bottom)),
        ctop: 0,
        cbottom: 0,
      }));
  if (ruled) {
    // a block is merged when it lies in two rows or more
    spanning.clear();
    for (const x of blocks) if (bands.filter((b) => overlaps(b, x)).length > 1) spanning.add(x);
  }
  // spanning blocks that overlap no band make their own (a lone merged cell with nothing beside it)
  for (const b of spanning) {
    if (!bands.some((x) => overlaps(x, b))) {
      bands.push({ page: b.page, top: b.top, bottom: b.bottom, ctop: 0, cbottom: 0 });
    }
  }
  bands.sort((a, b) => a.page - b.page || a.top - b.top);
  // a row broken by a page break: the first band of the next page goes on with the last one's cells
  // when the columns whose cells start with a code (1-1-1, 1.) have text there but none starts with one
  const forced = new Map<Block, Band>();
  const codeLed = columns.map((_, c) => {
    const bs = blocks.filter((b) => b.col === c);
    return bs.length > 0 && bs.filter((b) => CELL_CODE.test(blockText(b))).length >= 0.7 * bs.length;
  });
  for (let r = bands.length - 1; r > 0; r--) {
    const band = bands[r]!;
    const prev = bands[r - 1]!;
    if (band.page === prev.page) continue;
    // the cells of the broken row start in the first band (a cell goes on at the top of the page)
    const own = blocks.filter((b) => b.page === band.page && b.top < band.bottom - 0.5);
    const led = own.filter((b) => codeLed[b.col]);
    // a ruled row says it itself: no border under it at the foot of the page; but where every cell at the
    // top of the next page opens with a code (a cell of items, 1.1.2 … 1.1.3 …, broken between two of
    // them), the items there are printed on that page and make a row of their own, under merged cells
    const opensItems = own.length > 0 && own.every((b) => codeLed[b.col] && CELL_CODE.test(blockText(b)));
    if (ruled ? !prev.open || opensItems : led.length === 0 || led.some((b) => CELL_CODE.test(blockText(b)))) continue;
    for (const b of own) forced.set(b, prev);
    bands.splice(r, 1);
  }
  // the gap between rows, and the table along its pages as one
  const rowGaps: number[] = [];
  for (let r = 1; r < bands.length; r++) if (bands[r]!.page === bands[r - 1]!.page) rowGaps.push(bands[r]!.top - bands[r - 1]!.bottom);
  rowGaps.sort((a, b) => a - b);
  const half = Math.max(0.5, (rowGaps[Math.floor(rowGaps.length / 2)] ?? 0.5 * bodySize) / 2);
  const offset = new Map<number, number>();
  let run = 0;
  for (const page of [...new Set(bands.map((b) => b.page))]) {
    const on = bands.filter((b) => b.page === page);
    const top = on[0]!.top - half;
    const bottom = on[on.length - 1]!.bottom + half;
    offset.set(page, run - top);
    run += bottom - top;
  }
  for (const b of bands) {
    b.ctop = b.top + offset.get(b.page)!;
    b.cbottom = b.bottom + offset.get(b.page)!;
  }
  for (const b of blocks) {
    b.ctop = b.top + (offset.get(b.page) ?? 0);
    b.cbottom = b.bottom + (offset.get(b.page) ?? 0);
  }
  const R = bands.length;
  const rowTop = bands.map((b, r) => (r > 0 && bands[r - 1]!.page === b.page ? (bands[r - 1]!.cbottom + b.ctop) / 2 : b.ctop - half));
  const rowBottom = bands.map((b, r) => (r + 1 < R && bands[r + 1]!.page === b.page ? (b.cbottom + bands[r + 1]!.ctop) / 2 : b.cbottom + half));

  // each column's blocks tile its rows: the first row of each block's span
  const first = new Map<Block, number>();
  for (let c = 0; c < n; c++) {
    const bs = blocks.filter((b) => b.col === c && !forced.has(b)).sort((a, b) => a.ctop - b.ctop);
    // where each row's text starts beside this column (a merged cell's own text says nothing of its row)
    const topBeside = bands.map((band) => Math.min(...blocks.filter((o) => o.col !== c && !spanning.has(o) && overlaps(o, band)).map((o) => o.ctop)));
    const fixed = ruled ? bs.map((b) => ruled.startRow(b, bands)) : [];
    for (const [b, r] of tile(bs, bands, topBeside, rowTop, rowBottom, overlaps, fixed)) first.set(b, r);
  }
  for (const [b, band] of forced) first.set(b, bands.indexOf(band));

  // rows
  const rows: PdfTableRow[] = [];
  const cellsOf = (r: number): PdfCell[] =>
    columns.map((col, c) => {
      const bs = blocks.filter((x) => x.col === c && first.get(x) === r).sort((a, b) => a.page - b.page || a.top - b.top);
      const its = bs.flatMap((b) => b.lines.flatMap((l) => l.items));
      return { text: tidy(bs.reduce((s, b) => joinWrapped(s, blockText(b)), '')), x0: col.x0, x1: col.x1, items: its };
    });
  const headerRow = (h: { pageIndex: number; header: Header }): PdfTableRow => {
    const page = pages[h.pageIndex]![h.header.first]!;
    return {
      page: page.page,
      y: page.y,
      header: true,
      cells: columns.map((col, c) => {
        const hc = h.header.cells[c]!;
        return { text: hc.text, x0: col.x0, x1: col.x1, items: hc.items };
      }),
    };
  };
  const pending = [...headers];
  for (let r = 0; r < R; r++) {
    const band = bands[r]!;
    while (pending.length && pages[pending[0]!.pageIndex]![pending[0]!.header.first]!.page <= band.page) rows.push(headerRow(pending.shift()!));
    rows.push({ page: band.page, y: band.top, header: false, cells: cellsOf(r) });
  }
  for (const h of pending) rows.push(headerRow(h));
  return rows;
}

/**
 * Which row each block of one column starts in. The blocks tile the rows in order (a merged cell
 * spans the rows up to the next block); the tiling chosen fits each block best to its span: its text
 * at the top of the span's first row, or centred in the span.
 */
function tile(
  bs: Block[],
  bands: Band[],
  topBeside: number[],
  rowTop: number[],
  rowBottom: number[],
  overlaps: (a: Band | Block, b: Band | Block) => boolean,
  fixed: (number | null)[] = [],
): Map<Block, number> {
  const out = new Map<Block, number>();
  const R = bands.length;
  const m = bs.length;
  if (m === 0 || R === 0) return out;
  // the rows a block must lie in
  const lo: number[] = [];
  const hi: number[] = [];
  for (const b of bs) {
    const over = bands.map((x, r) => (overlaps(x, b) ? r : -1)).filter((r) => r >= 0);
    if (over.length) {
      lo.push(over[0]!);
      hi.push(over[over.length - 1]!);
    } else {
      const centre = (b.ctop + b.cbottom) / 2;
      let best = 0;
      for (let r = 0; r < R; r++) if (Math.abs((rowTop[r]! + rowBottom[r]!) / 2 - centre) < Math.abs((rowTop[best]! + rowBottom[best]!) / 2 - centre)) best = r;
      lo.push(best);
      hi.push(best);
    }
  }
  // how this column sets its merged cells: a cell over two rows or more shows it (its text at the top
  // of the first row it lies in, or not); a column that shows nothing may do either
  const multi = bs.map((_, k) => k).filter((k) => hi[k]! > lo[k]!);
  const atTop = multi.filter((k) => Math.abs(bs[k]!.ctop - topBeside[lo[k]!]!) <= 2).length;
  const align = multi.length === 0 ? 'any' : atTop * 2 >= multi.length ? 'top' : 'middle';
  const cost = (k: number, i: number, j: number) => {
    const b = bs[k]!;
    // text at the top of the span's first row (top-aligned cells; Chromium draws a merged cell that
    // crosses a page break at the top of its first part): exact, or not at all
    const dt = Math.abs(b.ctop - topBeside[i]!);
    const topFits = align !== 'middle' || bands[i]!.page !== bands[j]!.page;
    const top = topFits && bands[i]!.page === b.page && dt <= 2 ? dt : Infinity;
    // text centred in the span
    const mid = Math.abs((b.ctop + b.cbottom) / 2 - (rowTop[i]! + rowBottom[j]!) / 2);
    return Math.min(top, mid, CAP);
  };
  const UNCOVERED = 1000;
  const CAP = 60;
  // dp[k][i]: best cost of blocks 0..k-1 with block k starting at row i
  const dp: number[][] = Array.from({ length: m }, () => new Array<number>(R).fill(Infinity));
  const from: number[][] = Array.from({ length: m }, () => new Array<number>(R).fill(-1));
  // a block whose row the borders give starts there
  const may = (k: number, i: number) => fixed[k] == null || fixed[k] === i;
  for (let i = 0; i <= Math.min(lo[0]!, R - 1); i++) if (may(0, i)) dp[0]![i] = i * UNCOVERED;
  for (let k = 1; k < m; k++) {
    for (let i = 0; i <= lo[k]!; i++) {
      if (!may(k, i)) continue;
      // block k-1 spans i'..i-1
      const j = i - 1;
      if (j < hi[k - 1]!) continue;
      for (let ip = 0; ip <= Math.min(lo[k - 1]!, j); ip++) {
        if (!Number.isFinite(dp[k - 1]![ip]!)) continue;
        const v = dp[k - 1]![ip]! + cost(k - 1, ip, j);
        if (v < dp[k]![i]!) {
          dp[k]![i] = v;
          from[k]![i] = ip;
        }
      }
    }
  }
  let best = -1;
  let bestV = Infinity;
  for (let i = 0; i <= lo[m - 1]!; i++) {
    if (!may(m - 1, i)) continue;
    if (!Number.isFinite(dp[m - 1]![i]!)) continue;
    const v = dp[m - 1]![i]! + cost(m - 1, i, R - 1);
    if (v < bestV) {
      bestV = v;
      best = i;
    }
  }
  if (best < 0) {
    // no consistent tiling (blocks out of order): each block in the first row it lies in
    bs.forEach((b, k) => out.set(b, lo[k]!));
    return out;
  }
  for (let k = m - 1; k >= 0; k--) {
    out.set(bs[k]!, best);
    best = from[k]![best]!;
  }
  return out;
}

/** A line that opens an item of its cell: a code of three parts or more (1-1-2, 1.1.2, 1-1-2-S3) or a number (2. 能…). */
const ITEM_START = /^(?:\d+(?:\s?[-.．]\s?\d+){2,}|\d+(?:-\d+)+\s?-\s?[SK]\d*|\d+[.．]\s)/u;

function blockText(b: Block): string {
  let s = '';
  for (const l of b.lines) {
    const t = lineText(l);
    // an item set on its own line is set apart as the text sources print it (…开发。 2-3-3-S4 能…)
    s = s && ITEM_START.test(t.trim()) ? `${s.trimEnd()} ${t.trim()}` : joinWrapped(s, t);
  }
  return tidy(s);
}
