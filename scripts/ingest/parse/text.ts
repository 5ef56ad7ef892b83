/**
 * Parser plugin `text`: a plain 公文 text source (bytes) → a tree of `line` nodes (parse/tree.ts).
 *
 * Decodes UTF-8 (a binary file, anything not UTF-8 is fatal and names the file; an empty one is
 * reported), strips a BOM and CRs, and applies a short list of *targeted* normalisations (never
 * NFKC over Chinese: it would turn full-width punctuation into ASCII and change the text). Each
 * line keeps its 1-based number and its columns in the source, so every later stage can point
 * back to file:line:column.
 */
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { type LineNode, type SourceRoot, lineNode } from './tree.ts';

/** Each rule: what the extraction broke, what it was, and why it is safe. All are reported. */
export const NORMALISATIONS: Array<{ kind: string; pattern: RegExp; replace: string; note: string }> = [
  {
    // PDF extraction maps the 六角括号 of 文号 to U+201E/U+201F: 教职成司函„2019‟36 号.
    kind: 'bracket-artifact',
    pattern: /„(\d{4})‟/g,
    replace: '〔$1〕',
    note: '„YYYY‟ 是提取时损坏的文号年份括号〔YYYY〕',
  },
  {
    // Extraction replaced 和 between two Chinese words with the English “and”: 指导思想 and 基本原则.
    kind: 'english-and',
    pattern: /(?<=\p{Script=Han}) and (?=\p{Script=Han})/gu,
    replace: '和',
    note: '中文词语之间的“ and ”是提取时被译成英文的“和”',
  },
  {
    // 1＋Ｘ in full-width letters: the same name as 1+X.
    kind: 'fullwidth-1x',
    pattern: /1\s*＋\s*[ＸX]/g,
    replace: '1+X',
    note: '全角 1＋Ｘ 统一为 1+X',
  },
];

/**
 * Control characters: C0 controls but tab and newline, the bidi embeddings and overrides U+202A–U+202E
 * and the isolates U+2066–U+2069 (U+202E turns the text after it around on screen). NUL is not here:
 * a NUL byte makes the file binary (decodeSource).
 */
const CONTROL = /[\u0001-\u0008\u000b-\u001f\u202a-\u202e\u2066-\u2069]/gu;
/** The same characters, for a global replace. */
export const CONTROL_CHARS = CONTROL;

/**
 * Line `n`'s text with its control characters removed, each line that had some reported once with
 * their code points, at the column of the first (rule `control-character`). The column map follows:
 * given (`columns`) or the identity from `column0`; none is returned when nothing was removed and
 * none was given.
 */
export function stripControls(file: VFile, n: number, text: string, columns?: number[], column0 = 1): MappedText {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return columns ? { text, columns } : { text };
  const cols = columns ?? identity(text.length, column0);
  let out = '';
  const map: number[] = [];
  const found: Array<{ ch: string; col: number }> = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    CONTROL.lastIndex = 0;
    if (CONTROL.test(ch)) found.push({ ch, col: cols[i]! });
    else {
      out += ch;
      map.push(cols[i]!);
    }
  }
  map.push(cols[text.length] ?? (cols[text.length - 1] ?? column0) + 1);
  const names = [...new Set(found.map((f) => `U+${f.ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`))].join('、');
  file.message(`已删除 ${found.length} 个控制字符（${names}）· control characters removed`, {
    place: { line: n, column: found[0]!.col },
    ruleId: 'control-character',
    source: 'read',
  });
  return { text: out, columns: map };
}

/** The bytes of a file as text: UTF-8 or a fatal message naming the file; BOM removed. */
export function decodeSource(file: VFile): string {
  const bytes = typeof file.value === 'string' ? new TextEncoder().encode(file.value) : (file.value ?? new Uint8Array());
  const name = file.basename ?? String(file.path);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    file.fail(`${name} 是二进制文件（偏移 ${nul} 处有 NUL 字节），来源须为 UTF-8 文本 · binary file, sources must be UTF-8 text`, {
      place: { line: lineOfOffset(bytes, nul), column: 1 },
      ruleId: 'binary',
      source: 'read',
    });
  }
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    file.fail(
      `${name} 不是 UTF-8 编码（偏移 ${at} 处的字节 0x${bytes[at]?.toString(16).padStart(2, '0')} 无效），请先转换，如 \`iconv -f GBK -t UTF-8\` · not UTF-8`,
      { place: { line: lineOfOffset(bytes, at), column: 1 }, ruleId: 'encoding', source: 'parse' },
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The physical lines of a decoded text (a final newline ends the last line, it does not add one). */
export function physicalLines(text: string): string[] {
  const raw = text.split(/\r?\n|\r/);
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  return raw;
}

/** Trailing white space off (full-width and no-break spaces too); inner no-break spaces become spaces. */
export function trimLine(t: string): string {
  return t.replace(/[\u00a0\u3000]+$/u, '').replace(/\s+$/u, '').replace(/\u00a0/g, ' ');
}

/**
 * A line's text and, when it is not the identity, its column map: `columns[i]` is the source column
 * of `text[i]`, `columns[text.length]` the column just after the text (structure/sourcemap.ts reads it).
 */
export interface MappedText {
  text: string;
  columns?: number[];
}

/** The identity map of a text starting at `column0`. */
function identity(length: number, column0: number): number[] {
  return Array.from({ length: length + 1 }, (_v, i) => column0 + i);
}

/**
 * Apply the targeted normalisations to the text of line `n`, reporting each at its source column.
 * `columns` is the text's column map (identity from `column0` when absent); the result keeps a map
 * only when a replacement changed the text's length or the map was given.
 */
export function normaliseMapped(file: VFile, n: number, text: string, columns?: number[], column0 = 1): MappedText {
  let out = text;
  let map = columns;
  for (const rule of NORMALISATIONS) {
    rule.pattern.lastIndex = 0;
    if (!rule.pattern.test(out)) continue;
    rule.pattern.lastIndex = 0;
    const cols = map ?? identity(out.length, column0);
    let next = '';
    const nextCols: number[] = [];
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.pattern.exec(out)) !== null) {
      file.message(`已规范化“${m[0]}”：${rule.note}`, {
        place: { line: n, column: cols[m.index]! },
        ruleId: rule.kind,
        source: 'read',
      });
      next += out.slice(last, m.index);
      nextCols.push(...cols.slice(last, m.index));
      const groups = m;
      const replaced = rule.replace.replace(/\$(\d)/gu, (_s, d: string) => groups[Number(d)] ?? '');
      next += replaced;
      // Same length: character for character; else each new character points into the match, from its first printed one.
      const lead = replaced.length === m[0].length ? 0 : Math.max(0, m[0].search(/\S/u));
      for (let k = 0; k < replaced.length; k++) nextCols.push(cols[m.index + Math.min(lead + k, m[0].length - 1)]!);
      last = m.index + m[0].length;
    }
    next += out.slice(last);
    nextCols.push(...cols.slice(last));
    out = next;
    map = nextCols;
  }
  if (map && !columns && map.every((c, i) => c === column0 + i)) map = undefined;
  return map ? { text: out, columns: map } : { text: out };
}

/** The normalised text of line `n` (its column map dropped). */
export function normalise(file: VFile, n: number, text: string, column0 = 1): string {
  return normaliseMapped(file, n, text, undefined, column0).text;
}

/** Reported when a source holds no text at all. */
export function reportEmpty(file: VFile, lines: LineNode[]): void {
  if (lines.every((l) => l.value.trim() === '')) {
    const name = file.basename ?? String(file.path);
    file.message(`${name} 没有文字内容 · no text`, { place: { line: 1, column: 1 }, ruleId: 'empty-source', source: 'parse' });
  }
}

/** The form feeds opening a line: pdftotext puts one before each page's first line. */
function pageBreaksAt(raw: string): number {
  return /^\f+/u.exec(raw)?.[0].length ?? 0;
}

/**
 * A form feed at the start of a line is a page break, not a control character to warn about. It is
 * taken off with its column kept in the map.
 */
function withoutPageBreaks(raw: string): [string, number[] | undefined] {
  const breaks = pageBreaksAt(raw);
  if (!breaks) return [raw, undefined];
  return [raw.slice(breaks), Array.from({ length: raw.length - breaks + 1 }, (_v, k) => breaks + k + 1)];
}

/**
 * The pages of a text copied out of a PDF (`pdftotext`): each line's page, counted by the form feeds
 * before it, and its line within that page; null when the text has no page break (the final form feed
 * pdftotext writes after the last page does not open a page). A place in such a copy is then cited by
 * the PDF's page, as a place in the PDF itself is (the `pages` stage).
 */
function textPages(raws: string[]): { pages: Array<[page: number, line: number]>; count: number } | null {
  let page = 1;
  let line = 0;
  let count = 0;
  const pages = raws.map((raw) => {
    const breaks = pageBreaksAt(raw);
    if (breaks) {
      page += breaks;
      line = 0;
    }
    line++;
    if (raw.slice(breaks).trim()) count = page;
    return [page, line] as [number, number];
  });
  return count > 1 ? { pages, count } : null;
}

/** A 公文 text → its line nodes. */
export function parseText(file: VFile): SourceRoot {
  const raws = physicalLines(decodeSource(file));
  const paged = textPages(raws);
  const children = raws.map((raw, i) => {
    const clean = stripControls(file, i + 1, ...withoutPageBreaks(raw));
    const trimmed = trimLine(clean.text);
    const { text, columns } = normaliseMapped(file, i + 1, trimmed, clean.columns?.slice(0, trimmed.length + 1));
    const end = clean.columns && trimmed.length ? clean.columns[trimmed.length - 1]! + 1 : trimmed.length + 1;
    const mapped = columns && !columns.every((c, k) => c === k + 1) ? columns : undefined;
    const page = paged ? { page: paged.pages[i]![0], pageLine: paged.pages[i]![1] } : undefined;
    return lineNode(i + 1, text, 1, end, mapped || page ? { ...(mapped ? { columns: mapped } : {}), ...page } : undefined);
  });
  reportEmpty(file, children);
  return paged ? { type: 'root', children, data: { pageCount: paged.count } } : { type: 'root', children };
}

/** The unified parser plugin: `unified().use(textParser)`; the file's value is its bytes. */
export function textParser(this: Processor): void {
  // unified hands the parser String(file); we need the bytes to tell binary and non-UTF-8 apart.
  (this as unknown as { parser: (doc: string, file: VFile) => SourceRoot }).parser = (_doc, file) => parseText(file);
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Binary search on prefixes would mis-handle a truncated sequence; walk the bytes instead.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    try {
      decoder.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return Math.max(0, bytes.length - 1);
}
