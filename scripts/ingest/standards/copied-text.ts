/**
 * A skill table from text copied out of a standard's PDF (no tabs): the cells come one after
 * another, each broken over several lines (`1-1 静` / `态 网 页` / `开发`), with the table header
 * printed again after every page break (`工 作 任` / `务 职业技能 技能要求 知识要求`), letter
 * spacing (`能 够 理 解`) and codes glued to their text (`1.2Java 面 向`).
 *
 * The codes carry the hierarchy (1-1 task → 1-1-1 skill → 1-1-1-S1/K1; 1. → 1.1 → 1.1.1), so
 * the reading is code-driven: a code opens a cell and the text up to the next code is that
 * cell's. The only text without a code is a 工作领域 name: the lines printed just before a task
 * code, once the cell before them is finished (its last line shorter than the lines of its
 * column), or after a repeated header. The cells found are handed to the coded-table reader
 * (coded-table.ts) as a table, so rows, anchors, flags and pages are those of tab tables.
 *
 * A copy by position (pdftotext without -raw) interleaves the columns: blocks (ended by an empty
 * line) in column order within bands of rows, two or three columns on one line, a merged name
 * beside the middle of its rows. It is read by column (cellsOfColumns): a line without a code goes
 * on the open cell whose last line was full and whose column it fits; a line wider than any column
 * is cut where its pieces fill their columns best; under such a line the block's lines go on its
 * cells in turn, left to right; a 工作任务 name printed as a block of two lines or more ends with
 * its block; of several cells a line fits, one that makes a pair of characters the document prints
 * elsewhere (`量图|形`) is preferred to one that makes a pair it never prints; a cell left ending
 * with 、 or ， takes back the block of lines that is its rest. The cells are then put back in code
 * order (inCodeOrder), 工作领域 names placed among their tasks' names, or at the top of a span
 * that crosses a page break. On the 9 pt fixture every text comes out whole; on the same tables at
 * 10 pt (web-qianduan-standard-10pt) the codes do, about two texts in three do.
 *
 * Input is the clause tree the structure stage made (it joins such lines into paragraphs, or
 * numbered paragraphs for dotted codes): each clause's source map (`lineStarts`) gives back the
 * printed lines with their positions; the raw source is never read again.
 */
import type { Clause, Position, Table, TableCell, TableRow } from '../../../src/schema/corpus.ts';
import type { SkillLevel } from '../../../src/schema/skills.ts';
import type { Report } from '../diagnostics.ts';
import type { CodeStyle } from './codes.ts';
import { type ColumnRole, columnRoles, findLevel, isSkillTable, standardText } from './model.ts';

/** A printed line of the level's section, rebuilt from the clauses' source maps. */
export interface CopiedLine {
  line: number;
  column: number;
  text: string;
}

export interface CopiedLevel {
  level: SkillLevel;
  levelClause: Clause;
  table: Table;
  roles: ColumnRole[];
  style: CodeStyle;
  /** Clauses whose text is part of the table (left out of the front matter). */
  clauses: Set<Clause>;
}

/** The header rows skill tables print (the copy may break and interleave them). */
const HEADERS = [
  ['工作领域', '工作任务', '职业技能', '技能要求', '知识要求'],
  ['工作领域', '工作任务', '职业技能要求'],
  ['工作领域', '工作任务', '职业技能', '技能要求'],
  ['工作领域', '工作任务', '技能要求', '知识要求'],
  ['职业功能', '工作内容', '技能要求', '相关知识'],
];

const HEADER_WORDS = new Set(HEADERS.flat());

/** A line that ends a table copied with the text after it. */
const TABLE_END = /^(?:附件|附录|附表|名词解释|术语和定义|参考文献|注[:：])/u;

// A code at the start of a line or after a space; it may be glued to its text (`1.2Java`, `1-1-1能`).
// `2-` is a task code printed without its number (kept as printed, read by coded-table.ts).
const HYPHEN_CODE = /(?<=^|\s)(\d{1,2}(?:-\d{1,2}){1,2}(?:\s?-\s?[SK]\d*)?(?![\d-])|\d{1,2}-(?=\s*\p{Script=Han}))/gu;
const DOTTED_CODE = /(?<=^|\s)(\d{1,2}(?:\.\d{1,2}){1,3})\.?(?![\d.])/gu;
const DOTTED_AREA = /^(\d{1,2})[.．、]\s*(?=[\p{Script=Han}A-Za-z])|^(\d{1,2})[.．、]?$/u;

/**
 * The levels of a standard whose skill tables are copied text: a level section (Web 前端开发（初级）)
 * with no tab table, and a header and coded lines after it. A level's lines are those printed
 * after its heading and before the next level's, whichever clauses the structure stage put them
 * in (it reads `1.1 开发环` as a division and may hoist it out of the level's section).
 */
export function readCopiedLevels(clauses: Clause[], file: string, report: Report): CopiedLevel[] {
  const all = printedLines(flatten(clauses));
  // a level's heading: the first line of a section that names a level, or a short line such as
  // `8Web前端开发（初级）` that the structure stage left in a paragraph (or joined to the line before)
  const levels: { at: number; clause: Clause; level: SkillLevel }[] = [];
  all.forEach((l, i) => {
    const c = l.clause;
    const sectionLevel = c.kind === 'section' && !hasTable(c) && l.line === c.position.start.line ? findLevel(c.heading ?? c.text) : null;
    const lineLevel = LEVEL_LINE.test(squeeze(l.text)) ? findLevel(l.text) : null;
    const level = sectionLevel ?? lineLevel;
    if (level) levels.push({ at: i, clause: c, level });
  });
  const found = levels.map(({ at, clause, level }, k) => readLevel(clause, level, all.slice(at + 1, levels[k + 1]?.at ?? all.length), file, report));
  // the tables of one standard share their layout: column widths are measured over all of them
  const pool = found.flatMap((f) => f?.lines ?? []);
  return found.map((f) => f?.finish(pool) ?? null).filter((l): l is CopiedLevel => l !== null);
}

/** A heading line that names a level: `8 Web 前端开发（初级）`, `2.1 初级`, `5.1 一般要求`. */
const LEVEL_LINE = /^(?:\d{1,2}(?:\.\d{1,2})*)?[^，。；：:]{0,30}(?:[（(][初中高]级[)）]|^(?:\d{1,2}(?:\.\d{1,2})*)?[初中高]级)$/u;

function hasTable(c: Clause): boolean {
  return !!c.table || c.children.some(hasTable);
}

function flatten(cs: Clause[]): Clause[] {
  return cs.flatMap((c) => [c, ...flatten(c.children)]);
}

/** The printed lines of some clauses, rebuilt from their source maps, each with the clause it came from. */
export function printedLines(clauses: Clause[]): (CopiedLine & { clause: Clause })[] {
  const frags: { line: number; column: number; text: string; clause: Clause }[] = [];
  for (const c of clauses) {
    const start = c.position.start;
    const head = [c.label, c.text ? c.heading : null].filter((t): t is string => !!t).join(' ');
    if (head) frags.push({ line: start.line, column: start.column, text: head, clause: c });
    const body = c.text || c.heading || '';
    const starts = c.lineStarts;
    starts.forEach(([at, line, column], k) => {
      const end = starts[k + 1]?.[0] ?? body.length;
      const text = body.slice(at, end);
      if (text.trim()) frags.push({ line, column: head && line === start.line && column <= start.column ? start.column + head.length + 1 : column, text, clause: c });
    });
  }
  frags.sort((a, b) => a.line - b.line || a.column - b.column);
  const lines: (CopiedLine & { clause: Clause })[] = [];
  for (const f of frags) {
    const last = lines.at(-1);
    if (last && last.line === f.line) last.text += f.column > last.column + last.text.length ? ` ${f.text}` : f.text;
    else lines.push({ ...f });
  }
  return lines.map((l) => ({ ...l, text: l.text.trim() }));
}

/**
 * Widths of Latin letters, digits and signs in a proportional sans-serif, in thousandths of an em
 * (the common Helvetica/Arial metrics: CJK fonts' Latin glyphs are drawn about as wide).
 */
const LATIN: Record<string, number> = Object.fromEntries([
  ...[...'abdeghnopqu0123456789'].map((c) => [c, 556]), ...[...'cksvxyz'].map((c) => [c, 500]),
  ...[...'ijl'].map((c) => [c, 222]), ['f', 278], ['t', 278], ['r', 333], ['m', 833], ['w', 722],
  ...[...'ABEKPSVXY'].map((c) => [c, 667]), ...[...'CDHNRU'].map((c) => [c, 722]), ...[...'GOQ'].map((c) => [c, 778]),
  ['F', 611], ['T', 611], ['Z', 611], ['I', 278], ['J', 500], ['L', 556], ['M', 833], ['W', 944],
  ['-', 333], ['.', 278], [',', 278], ['/', 278], [':', 278], ['(', 333], [')', 333], [' ', 278],
]);

/** Width of a printed line in half-width units (a Chinese character counts two, Latin as a proportional font prints it). */
function width(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch)) w += 2;
    else w += ((LATIN[ch] ?? 556) / 1000) * 2;
  }
  return w;
}

const squeeze = (t: string) => t.replace(/\s+/gu, '');

/** The multiset of a string's characters. */
function bag(t: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of squeeze(t)) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

/** The header printed from line i (possibly broken over lines and interleaved): how many lines and its words, or null. */
function headerAt(lines: CopiedLine[], i: number): { length: number; words: string[] } | null {
  for (const words of HEADERS) {
    const want = bag(words.join(''));
    const have = new Map<string, number>();
    let total = 0;
    const size = [...want.values()].reduce((a, b) => a + b, 0);
    for (let j = i; j < lines.length; j++) {
      let fits = true;
      for (const ch of squeeze(lines[j]!.text)) {
        const n = (have.get(ch) ?? 0) + 1;
        if (n > (want.get(ch) ?? 0)) fits = false;
        have.set(ch, n);
        total++;
      }
      if (!fits) break;
      if (total === size) return { length: j - i + 1, words };
    }
  }
  return null;
}

interface Cell {
  /** The code that opens the cell, or null for a 工作领域 name. */
  code: string | null;
  type: 'area' | 'task' | 'skill' | 'requirement' | 'knowledge';
  lines: CopiedLine[];
  /** Pages (repeated headers) passed before the cell's code: set by the reading by column. */
  page?: number;
}

function codeType(code: string, style: CodeStyle): Cell['type'] {
  const t = squeeze(code);
  if (style === 'hyphen') {
    if (/-S\d*$/u.test(t)) return 'requirement';
    if (/-K\d*$/u.test(t)) return 'knowledge';
    return t.split('-').length >= 3 ? 'skill' : 'task';
  }
  const n = t.replace(/\.$/u, '').split('.').length;
  return n >= 4 ? 'requirement' : n === 3 ? 'skill' : n === 2 ? 'task' : 'area';
}

/** The task a code belongs to by its numbers (1-1-2-S3 → 1-1, 1.2.3 → 1.2), or null for an area or a truncated code. */
function taskOf(code: string, style: CodeStyle): string | null {
  const parts = squeeze(code).split(style === 'hyphen' ? '-' : '.');
  return parts.length >= 2 && parts[1] !== '' ? parts.slice(0, 2).join('-') : null;
}

/** A level's table lines, and what reads them once the lines of all levels are known. */
interface PendingLevel {
  lines: CopiedLine[];
  finish: (pool: CopiedLine[]) => CopiedLevel | null;
}

function readLevel(levelClause: Clause, level: SkillLevel, all: (CopiedLine & { clause: Clause })[], file: string, report: Report): PendingLevel | null {
  // the table starts at its header (or, with none printed, at the first coded line)
  let start = -1;
  let words: string[] | null = null;
  for (let i = 0; i < all.length && start < 0; i++) {
    const h = headerAt(all, i);
    if (h) {
      start = i + h.length;
      words = h.words;
    } else if (HEADER_WORDS.has(squeeze(all[i]!.text))) {
      // the header's cells printed apart, with the first names of the table between them
      start = i;
      const seen = all.slice(i, i + 16).map((l) => squeeze(l.text)).filter((t) => HEADER_WORDS.has(t));
      words = HEADERS.find((hs) => hs.every((w) => seen.includes(w))) ?? seen;
    }
  }
  const style = detectCopiedStyle(all.slice(Math.max(0, start)).map((l) => l.text));
  if (!style) {
    // a skill table's header with no codes under it (物流管理: numbered items): said, not guessed
    if (start >= 0 && words && isSkillTable(columnRoles(words))) {
      const at = all[start - 1] ?? all[start]!;
      report({ file, line: at.line, column: at.column }, 'skill-table-copied-uncoded',
        `${level}技能表没有列分隔（从 PDF 复制的文本），表中也没有代码，无法分出各列，未读出技能行；请提供带列分隔（制表符）的文本或 PDF 原件`);
    }
    return null;
  }
  if (start < 0) {
    start = all.findIndex((l) => (style === 'hyphen' ? /^\d{1,2}-\d/u : /^\d{1,2}\.\d/u).test(l.text));
    // uncoded lines just before the first code, after the last clause that ends with a colon, name the first 工作领域
    while (start > 0 && !/[：:]$/u.test(all[start - 1]!.text) && !(all[start - 1]!.clause.label && all[start - 1]!.clause !== all[start]!.clause)) start--;
  }
  const roles = columnRoles(words ?? HEADERS[0]!);
  if (!isSkillTable(roles)) return null;

  // lines of the table: repeated headers and bare page numbers left out
  const lines: (CopiedLine & { afterHeader: boolean })[] = [];
  const used = new Set<Clause>();
  let afterHeader = true;
  for (let i = start; i < all.length; i++) {
    // the table ends where an attachment, an appendix or a glossary begins
    const c = all[i]!.clause;
    if (TABLE_END.test(squeeze(all[i]!.text)) || c.kind === 'attachment' || c.kind === 'enclosure') break;
    // numbered items after a hyphen-coded table (1.HTML：…, a glossary) are not in it
    if (style === 'hyphen' && c.label !== null && !/^\d{1,2}-/u.test(c.label)) break;
    const h = headerAt(all, i);
    if (h) {
      for (let k = i; k < i + h.length; k++) used.add(all[k]!.clause);
      i += h.length - 1;
      afterHeader = true;
      continue;
    }
    used.add(all[i]!.clause);
    // a header word on a line of its own (an interleaved copy prints the header's cells apart)
    if (HEADER_WORDS.has(squeeze(all[i]!.text))) {
      afterHeader = true;
      continue;
    }
    if (/^\d{1,4}$/u.test(all[i]!.text) || /^[—–-]\s*\d{1,4}\s*[—–-]$/u.test(all[i]!.text)) continue;
    lines.push({ ...all[i]!, afterHeader });
    afterHeader = false;
  }
  for (let i = 0; i < start; i++) if (all[i]!.line >= (lines[0]?.line ?? Infinity)) used.add(all[i]!.clause);

  const finish = (pool: CopiedLine[]): CopiedLevel | null => {
    const cells = interleaved(lines, style) ? inCodeOrder(cellsOfColumns(lines, style, pool), style) : cellsOf(lines, style);
    if (!cells.some((c) => c.code)) return null;
    const table = tableOf(cells);
    const first = lines[0]!;
    report({ file, line: first.line, column: first.column }, 'skill-table-copied-text',
      `${level}技能表没有列分隔（从 PDF 复制的文本），按代码读取：${cells.filter((c) => c.code).length} 个代码，${cells.filter((c) => !c.code).length} 个工作领域名称`);
    return { level, levelClause, table, roles, style, clauses: used };
  };
  return { lines, finish };
}

function detectCopiedStyle(texts: string[]): CodeStyle | null {
  let hyphen = 0;
  let dotted = 0;
  for (const t of texts) {
    if (/^\d{1,2}-\d{1,2}(?:\D|$)/u.test(t)) hyphen++;
    else if (/^\d{1,2}\.\d{1,2}(?:[.\s]|\D|$)/u.test(t)) dotted++;
  }
  if (hyphen + dotted < 2) return null;
  return hyphen >= dotted ? 'hyphen' : 'dotted';
}

/** The cells of the copied table, in printed order: each code with the lines up to the next code; 工作领域 names between them. */
function cellsOf(lines: (CopiedLine & { afterHeader: boolean })[], style: CodeStyle): Cell[] {
  const cells: Cell[] = [];
  const re = style === 'hyphen' ? HYPHEN_CODE : DOTTED_CODE;
  /** Uncoded lines waiting for the next code to say whose they are. */
  let pending: (CopiedLine & { afterHeader: boolean })[] = [];
  /** Widths of the lines that a cell of each column goes on below (lines that fill their column). */
  const fullWidths = new Map<Cell['type'], number[]>();
  const noteWidth = (c: Cell) => {
    const ws = fullWidths.get(c.type) ?? [];
    for (const l of c.lines.slice(0, -1)) ws.push(width(l.text));
    fullWidths.set(c.type, ws);
  };
  const median = (ws: number[]) => [...ws].sort((a, b) => a - b)[Math.floor(ws.length / 2)] ?? 0;
  /** The widest line of a 工作领域 name seen so far (names are printed in a narrow column). */
  let areaWidth = Infinity;
  const noteArea = (c: Cell) => {
    const w = Math.max(...c.lines.map((l) => width(l.text)));
    areaWidth = areaWidth === Infinity ? w : Math.max(areaWidth, w);
  };
  /** A line that fills its column (so the cell goes on below it). */
  const full = (text: string, type: Cell['type']) => width(text) >= 0.85 * median(fullWidths.get(type) ?? []);
  /**
   * Where the pending lines stop continuing the cell before them: the largest k such that the
   * cell's last line and pending[0..k-1] (but the last) fill their column, and pending[k..] fit the
   * 工作领域 column. k = pending.length when all continue the cell.
   */
  const split = (last: Cell | null): number => {
    const n = pending.length;
    if (!last || last.code === null) return 0;
    const seq = [last.lines.at(-1)!.text, ...pending.map((l) => l.text)];
    const fits = (k: number) => k === n || pending.slice(k).every((l) => width(l.text) <= areaWidth + 2);
    // a cell rarely goes on over a page break into lines as narrow as a 工作领域 name
    const header = pending.findIndex((l) => l.afterHeader);
    const limit = header >= 0 && fits(header) ? header : n;
    let best = -1;
    for (let k = 0; k <= limit && (k === 0 || full(seq[k - 1]!, last.type)); k++) if (fits(k)) best = k;
    if (best >= 0) return best;
    // no split fills the cell's lines: the first one after which the rest fits the 工作领域 column
    for (let k = 0; k <= n; k++) if (fits(k)) return k;
    return n;
  };

  /** Give the pending lines to the cell before them, or to a 工作领域 name, now that the next code (or the end) is known. */
  const settle = (next: Cell['type'] | 'end', newTask = false) => {
    if (pending.length === 0) return;
    const last = cells.at(-1) ?? null;
    const area = [...cells].reverse().find((c) => c.type === 'area') ?? null;
    // dotted codes number the 工作领域 too (1.): uncoded text is always the cell before
    if ((next === 'end' || style === 'dotted') && last) last.lines.push(...pending);
    else if (next === 'task' || next === 'area' || newTask || !last) {
      // before a task (or a skill of a task not printed yet): the end of the cell before, then the name of a new 工作领域
      const k = split(last);
      last?.lines.push(...pending.slice(0, k));
      const rest = pending.slice(k);
      if (rest.length) {
        const cell: Cell = { code: null, type: 'area', lines: rest };
        cells.push(cell);
        noteArea(cell);
      }
    } else {
      // before a skill, S or K: the cell before; after a repeated header, the rest of a 工作领域 name split by the page break
      const k = split(last);
      if (area && k < pending.length && pending.slice(k).every((l) => l.afterHeader || pending[k]!.afterHeader)) {
        last.lines.push(...pending.slice(0, k));
        area.lines.push(...pending.slice(k));
      } else last.lines.push(...pending);
    }
    pending = [];
  };

  /** The task of the last code read (1-1 for 1-1-2-S3). */
  let lastTask: string | null = null;
  for (const l of lines) {
    const text = l.text;
    const codes = [...text.matchAll(new RegExp(re))];
    const area = style === 'dotted' && codes.length === 0 ? DOTTED_AREA.exec(text) : null;
    if (codes.length === 0 && !area) {
      pending.push(l);
      continue;
    }
    if (area) {
      settle('area');
      cells.push({ code: area[1] ?? area[2]!, type: 'area', lines: [{ ...l, text: text.slice(area[0].length).trim() }] });
      continue;
    }
    let at = 0;
    const head = text.slice(0, codes[0]!.index).trim();
    if (head) {
      const last = cells.at(-1);
      if (last) last.lines.push({ ...l, text: head });
      else pending.push({ ...l, text: head });
    }
    codes.forEach((m, k) => {
      const type = codeType(m[1]!, style);
      const task = taskOf(m[1]!, style);
      settle(type, type === 'skill' && task !== null && lastTask !== null && task !== lastTask);
      if (task !== null) lastTask = task;
      const last = cells.at(-1);
      if (last) noteWidth(last);
      at = m.index + m[0].length;
      const end = codes[k + 1]?.index ?? text.length;
      const rest = text.slice(at, end).trim();
      cells.push({ code: m[1]!, type, lines: [{ ...l, column: l.column + m.index, text: m[1]!.endsWith('-') ? `${m[1]}${rest}` : `${m[1]} ${rest}`.trim() }] });
    });
    void at;
  }
  settle('end');
  return cells;
}

/**
 * The cells as a table the coded-table reader takes: one row per cell, so that every row points
 * at the line that prints its code; a 工作领域 name is a row's uncoded first cell, as in a tab table.
 */
function tableOf(cells: Cell[]): Table {
  const rows: TableRow[] = cells.map((c) => {
    const first = c.lines[0]!;
    const last = c.lines.at(-1)!;
    const text = standardText(c.lines.map((l) => l.text).join(' '));
    const position: Position = { start: { line: first.line, column: first.column }, end: { line: last.line, column: last.column + last.text.length } };
    const cell: TableCell = { text: c.type === 'area' && c.code ? `${c.code}. ${text.replace(/^\d{1,2}[.．、]?\s*/u, '')}` : text, position };
    return { cells: [cell], line: first.line, position };
  });
  return { header: null, rows };
}

/**
 * Whether the copy interleaves the columns (`pdftotext` without -raw, a viewer copying by
 * position): a line holding codes of two columns, or several 技能要求/知识要求 printed before
 * the 职业技能 they belong to.
 */
function interleaved(lines: CopiedLine[], style: CodeStyle): boolean {
  const re = style === 'hyphen' ? HYPHEN_CODE : DOTTED_CODE;
  const skills = new Set<string>();
  let early = 0;
  for (const l of lines) {
    const codes = [...l.text.matchAll(new RegExp(re))].map((m) => m[1]!);
    if (new Set(codes.map((c) => codeType(c, style))).size > 1) return true;
    for (const c of codes) {
      const t = codeType(c, style);
      const parts = squeeze(c).split(style === 'hyphen' ? '-' : '.');
      if (t === 'skill') skills.add(parts.slice(0, 3).join('-'));
      if ((t === 'requirement' || t === 'knowledge') && !skills.has(parts.slice(0, 3).join('-'))) early++;
    }
  }
  // one such code is a typo (3-8-3-S3 printed in 3-8-2's row); several are a copy by position
  return early >= 2;
}

const COLUMN: Record<Cell['type'], number> = { area: 0, task: 1, skill: 2, requirement: 3, knowledge: 4 };

/** The first thing a line prints: a Latin word or number, or one character. */
function firstUnit(text: string): string {
  return /^[A-Za-z0-9][\x21-\x7e]*/u.exec(text)?.[0] ?? [...text][0] ?? '';
}

/**
 * An interleaved copy, read by column: a code opens a cell in its column; a line without a code
 * goes on a cell whose last line was full (the line's first word would not have fitted after it)
 * and whose column is wide enough, the next such column to the right of the line before it
 * (pdftotext gives a band of rows column by column); a short run of lines that goes on no cell
 * is a 工作领域 name.
 */
function cellsOfColumns(lines: (CopiedLine & { afterHeader?: boolean })[], style: CodeStyle, pool: CopiedLine[] = lines): Cell[] {
  const re = style === 'hyphen' ? HYPHEN_CODE : DOTTED_CODE;
  const cells: Cell[] = [];
  // column widths: the widest line that starts with a code of the column (the first line of a cell is full when the cell goes on)
  // (the 工作任务 column from this table's lines, the wide columns from all tables of the standard:
  // a level with few rows may break its coded lines early, before long Latin words)
  const seen = new Map<Cell['type'], number[]>();
  const own = new Set(lines);
  for (const l of [...lines, ...pool.filter((x) => !own.has(x))]) {
    const mine = own.has(l);
    const ms = [...l.text.matchAll(new RegExp(re))];
    ms.forEach((m, j) => {
      const t = codeType(m[1]!, style);
      if (!mine && (t === 'task' || t === 'area')) return;
      seen.set(t, [...(seen.get(t) ?? []), width(l.text.slice(m.index, ms[j + 1]?.index ?? l.text.length).trim())]);
    });
  }
  const widths = new Map<Cell['type'], number>([...seen].map(([t, ws]) => [t, [...ws].sort((a, b) => a - b)[Math.floor((ws.length - 1) * 0.9)]!]));
  const W = (t: Cell['type']) => widths.get(t === 'area' ? 'task' : t) ?? widths.get('task') ?? 12;
  /** A line is full when the first word of the next would not have fitted after it. */
  const full = (line: string, next: string, t: Cell["type"]) => width(line) + width(firstUnit(next)) >= 0.92 * W(t);
  const open = new Map<Cell['type'], Cell>();
  /**
   * 工作任务 names printed as a block of two lines or more that has ended: a name's lines are read
   * as one block unless the lines of other columns at its heights come between them, one block
   * each, and then the name goes on in a later block (`2-1 静态网页` … `开发`).
   */
  const closed = new Set<Cell>();
  const goesOn = (c: Cell, text: string) => {
    const last = c.lines.at(-1)!.text;
    return !closed.has(c) && full(last, text, c.type) && width(text) <= W(c.type) + 2;
  };
  /** The uncoded lines printed right below line k (the rest of its block). */
  const below = (k: number): string[] => {
    const out: string[] = [];
    for (let j = k + 1; j < lines.length && lines[j]!.line === lines[j - 1]!.line + 1 && !new RegExp(re).test(lines[j]!.text); j++) out.push(lines[j]!.text);
    return out;
  };
  /** A run of lines can be one cell's of a column when each line but the last is full there. */
  const chain = (t: Cell['type'], run: string[]) => run.every((x, j) => width(x) <= W(t) + 2 && (j === run.length - 1 || full(x, run[j + 1]!, t)));
  // the pairs of characters printed side by side within a line: a cell's text goes on across a line
  // break into the next line where the pair at the break is one of them
  const pairs = new Set<string>();
  for (const l of lines) {
    const t = [...squeeze(l.text)];
    for (let j = 1; j < t.length; j++) pairs.add(t[j - 1]! + t[j]!);
  }
  /** The break between a cell's last line and a line: 1 a pair of Chinese characters printed elsewhere, -1 one never printed, 0 not judged (punctuation, a Latin word). */
  const joins = (c: Cell, text: string) => {
    const pair = [...squeeze(c.lines.at(-1)!.text)].at(-1)! + [...squeeze(text)][0]!;
    return !/^\p{Script=Han}{2}$/u.test(pair) ? 0 : pairs.has(pair) ? 1 : -1;
  };
  /**
   * Text cut at spaces into pieces for open cells of columns left to right (after the column given):
   * of all such cuts, the one whose pieces fill their columns best (the lines of a wrapped cell are full).
   */
  const cut = (text: string, after: number): { cell: Cell; text: string }[] | null => {
    const plans: { cell: Cell; text: string }[][] = [];
    const walk = (t: string, from: number, done: { cell: Cell; text: string }[]) => {
      if (plans.length > 200) return;
      const cands = (x: string) => [...open.values()].filter((c) => COLUMN[c.type] > from && goesOn(c, x));
      for (const c of cands(t)) plans.push([...done, { cell: c, text: t }]);
      for (const sp of [...t.matchAll(/ /gu)].map((x) => x.index)) {
        const left = t.slice(0, sp).trim();
        const right = t.slice(sp + 1).trim();
        if (left && right) for (const c of cands(left)) walk(right, COLUMN[c.type], [...done, { cell: c, text: left }]);
      }
    };
    walk(text, after, []);
    // (a piece that would make a pair of characters the document never prints counts as unfilled)
    const unfilled = (plan: { cell: Cell; text: string }[]) => plan.reduce((a, x) => a + (1 - Math.min(1, width(x.text) / W(x.cell.type))) ** 2 + (joins(x.cell, x.text) < 0 ? 1 : 0), 0);
    return plans.sort((a, b) => unfilled(a) - unfilled(b))[0] ?? null;
  };
  let prev: Cell | null = null;
  let prevLine = -1;
  /** The column the next uncoded line is looked for to the right of. */
  let pivot = -1;
  /** Whether the line before printed several columns (the lines under it go on them from the left). */
  let wide = false;
  /** Whether the block goes on under a line that printed several columns. */
  let banding = false;
  /** Lines still to come of a 工作领域 name found under a cell's last line. */
  let forceArea = 0;
  let page = 0;
  /** The first line of the block being read (pdftotext ends a block with an empty line). */
  let flowStart = -1;
  for (const [k, l] of lines.entries()) {
    if (l.afterHeader && k > 0) page++;
    if (l.line !== prevLine + 1) {
      flowStart = l.line;
      for (const c of open.values()) if (c.type === 'task' && c.lines.length >= 2 && c.lines.every((x, i) => i === 0 || x.line === c.lines[i - 1]!.line + 1)) closed.add(c);
    }
    const codes = [...l.text.matchAll(new RegExp(re))];
    const head = (codes.length ? l.text.slice(0, codes[0]!.index) : l.text).trim();
    const segments: Cell[] = [];
    // a line wider than any column prints two or three columns side by side: cut it at spaces into
    // pieces that go on open cells from left to right, each piece as long as its column allows
    const widest = Math.max(...[...widths.values()]);
    let pieces = head ? [head] : [];
    let placed: Cell[] = [];
    if (head && width(head) > widest + 2) {
      const plan = cut(head, -1);
      if (plan && plan.length > 1) {
        pieces = plan.map((x) => x.text);
        placed = plan.map((x) => x.cell);
      }
    }
    pieces.forEach((text, p) => {
      if (placed[p]) {
        placed[p]!.lines.push({ ...l, text });
        segments.push(placed[p]!);
        return;
      }
      const piece = { ...l, text };
      const run = codes.length || pieces.length > 1 ? [text] : [text, ...below(k)];
      const next = l.line === prevLine + 1;
      const newArea = () => {
        const area: Cell = { code: null, type: 'area', lines: [piece] };
        cells.push(area);
        open.set('area', area);
        segments.push(area);
      };
      if (forceArea > 0) {
        forceArea--;
        const area = open.get('area');
        if (area && next && prev === area) area.lines.push(piece);
        else newArea();
        segments.push(open.get('area')!);
        return;
      }
      const fitting = [...open.values()].filter((c) => goesOn(c, text)).sort((a, b) => COLUMN[a.type] - COLUMN[b.type]);
      // of several cells the line could go on, where one continues a word the document prints elsewhere
      // (`量图` + `形`), not those that would make a pair of characters it never prints (`应用` + `形`)
      const worded = fitting.some((c) => joins(c, text) > 0) ? fitting.filter((c) => joins(c, text) >= 0) : fitting;
      const fits = worded;
      // the same block goes on with the cell of the line before, if it can
      // (in a block that printed several columns side by side, the lines below go on them in turn, left to right)
      const same = p === 0 && prev && next && !wide && !banding && fits.includes(prev) ? prev : null;
      const after = p > 0 ? COLUMN[segments.at(-1)!.type] : pivot;
      const sweep = (cs: Cell[]) => cs.find((c) => COLUMN[c.type] > after) ?? cs[0] ?? null;
      let target: Cell | null = same;
      // in such a block, the cells with lines in it
      if (banding && next) target = sweep(fits.filter((c) => c.lines.at(-1)!.line >= flowStart));
      if (!target && next) target = sweep(fits);
      if (!target) {
        // a block of its own: one cell's lines, a 工作领域 name (lines as narrow as its column, the first
        // full, and not the rest of a word of a cell it fits: `1-3 动态网` + `页开发`), or a cell's last line above a name
        const whole = fits.filter((c) => chain(c.type, run));
        const name = chain('area', run) && (run[1] ? full(run[0]!, run[1], 'area') : width(run[0]!) >= W('area') - 3.5);
        const rest = run.slice(1);
        if (name && !whole.some((c) => COLUMN[c.type] >= COLUMN.skill || joins(c, text) > 0)) target = null;
        else if (whole.length) target = sweep(whole);
        else if (rest.length && chain('area', rest) && fits.length) {
          // the cell whose last line was fullest
          const fullness = (c: Cell) => (width(c.lines.at(-1)!.text) + width(firstUnit(text))) / W(c.type);
          target = [...fits].sort((a, b) => fullness(b) - fullness(a))[0]!;
          forceArea = rest.length;
        }
      }
      if (target) {
        target.lines.push(piece);
        segments.push(target);
      } else if (prev && prev.code === null && next) {
        prev.lines.push(piece);
        segments.push(prev);
      } else if (width(text) > W('area') + 2) {
        // too wide for a 工作领域 name: the open cell it fits best, though its last line looked short
        const roomy = [...open.values()].filter((c) => c.code !== null && width(text) <= W(c.type) + 2);
        const fullness = (c: Cell) => (width(c.lines.at(-1)!.text) + width(firstUnit(text))) / W(c.type);
        const best = roomy.sort((a, b) => fullness(b) - fullness(a))[0];
        if (best) {
          best.lines.push(piece);
          segments.push(best);
        } else newArea();
      } else newArea();
    });
    codes.forEach((m, j) => {
      const type = codeType(m[1]!, style);
      const end = codes[j + 1]?.index ?? l.text.length;
      let rest = l.text.slice(m.index + m[0].length, end).trim();
      const printed = (r: string) => (m[1]!.endsWith('-') ? `${m[1]}${r}` : `${m[1]} ${r}`.trim());
      // a coded line wider than its column prints the next column's line beside it (`2-3-3-S4 能使用
      // Session 的操作、 出、编码规范、`): cut at the last space that leaves the code's part in its column
      // and puts the rest on an open cell of a column to the right
      let beside: { cell: Cell; text: string } | null = null;
      if (j === codes.length - 1 && width(printed(rest)) > W(type) + 2) {
        for (const sp of [...rest.matchAll(/ /gu)].map((x) => x.index).reverse()) {
          const left = rest.slice(0, sp).trim();
          const right = rest.slice(sp + 1).trim();
          const to = [...open.values()].filter((c) => COLUMN[c.type] > COLUMN[type] && goesOn(c, right)).sort((a, b) => COLUMN[a.type] - COLUMN[b.type])[0];
          if (to && width(printed(left)) <= W(type) + 2) {
            rest = left;
            beside = { cell: to, text: right };
            break;
          }
        }
      }
      const cell: Cell = { code: m[1]!, type, lines: [{ ...l, column: l.column + m.index, text: printed(rest) }], page };
      cells.push(cell);
      open.set(type, cell);
      segments.push(cell);
      if (beside) {
        beside.cell.lines.push({ ...l, text: beside.text });
        segments.push(beside.cell);
      }
    });
    wide = segments.length > 1;
    banding = wide || (banding && codes.length === 0 && lines[k + 1]?.line === l.line + 1);
    prev = segments.at(-1) ?? prev;
    pivot = wide ? COLUMN[segments[0]!.type] - 1 : prev ? COLUMN[prev.type] : -1;
    prevLine = l.line;
  }
  unfinished(cells, (t) => W(t), full);
  return cells;
}

/**
 * A cell never ends with 、 or ，: one that does was left without its last lines, which pdftotext
 * printed as a block of their own (before the cell's code, or among other columns' lines) and the
 * reading put on other cells. It takes the nearest block of lines that can be its rest: lines as
 * wide as its column, each but the last full, taken from the ends of the cells that had them (not
 * from right under a line of theirs: a block holds one column's lines), and leaving none of those
 * cells unfinished in turn.
 */
function unfinished(cells: Cell[], W: (t: Cell['type']) => number, full: (line: string, next: string, t: Cell['type']) => boolean): void {
  const open = (c: Cell) => /[、，,]$/u.test(c.lines.at(-1)!.text);
  for (const h of cells) {
    if (!h.code || !open(h)) continue;
    // the continuation lines of coded cells, one a printed line, in printed order
    const owner = new Map<number, { cell: Cell; at: number }[]>();
    for (const c of cells) c.lines.forEach((l, at) => owner.set(l.line, [...(owner.get(l.line) ?? []), { cell: c, at }]));
    const single = [...owner].filter(([, os]) => os.length === 1 && os[0]!.at > 0 && os[0]!.cell.code !== null && os[0]!.cell.type !== 'task').sort((a, b) => a[0] - b[0]);
    const blocks: { line: number; cell: Cell; at: number }[][] = [];
    for (const [line, [o]] of single) {
      const last = blocks.at(-1)?.at(-1);
      if (last && last.line === line - 1) blocks.at(-1)!.push({ line, ...o! });
      else blocks.push([{ line, ...o! }]);
    }
    const fits = (b: { cell: Cell; at: number }[]) => {
      const texts = [h.lines.at(-1)!.text, ...b.map((x) => x.cell.lines[x.at]!.text)];
      if (b.some((x) => x.cell === h || width(x.cell.lines[x.at]!.text) > W(h.type) + 2)) return false;
      if (!texts.every((t, j) => j === texts.length - 1 || full(t, texts[j + 1]!, h.type))) return false;
      // each cell gives up lines at its end only, and is not left unfinished
      const donors = new Set(b.map((x) => x.cell));
      return [...donors].every((d) => {
        const taken = b.filter((x) => x.cell === d).map((x) => x.at);
        const from = Math.min(...taken);
        // lines printed right under a cell's line, in the same block, are that cell's
        const kept = d.lines[from - 1];
        return taken.length === d.lines.length - from && !!kept && !/[、，,]$/u.test(kept.text) && kept.line !== d.lines[from]!.line - 1;
      });
    };
    const here = h.lines[0]!.line;
    const best = blocks.filter(fits).sort((a, b) => Math.abs(a[0]!.line - here) - Math.abs(b[0]!.line - here))[0];
    if (!best) continue;
    const moved = best.map((x) => x.cell.lines[x.at]!);
    for (const d of new Set(best.map((x) => x.cell))) d.lines = d.lines.slice(0, Math.min(...best.filter((x) => x.cell === d).map((x) => x.at)));
    h.lines.push(...moved);
  }
}

/**
 * Cells read by column, put in the order of a table: each task with its skills, each skill with
 * its 技能要求 and 知识要求 (by code: 1-1-2-S3 under 1-1-2; under the skill printed before it
 * when its own is not printed). A 工作领域 name is printed beside the middle of its rows: the
 * tasks before it that have no 工作领域 yet are its own, and so are the tasks after it until it has
 * about as many skills below its name as above.
 */
function inCodeOrder(cells: Cell[], style: CodeStyle): Cell[] {
  const sep = style === 'hyphen' ? '-' : '.';
  const key = (c: Cell, n: number) => squeeze(c.code!).split(sep).slice(0, n).join(sep);
  const tasks = new Map<string, { task: Cell | null; skills: Map<string, Cell[]>; area: Cell | null; order: number; rowsAt: number | null }>();
  const areas: { cell: Cell; at: number; rows: number }[] = [];
  let rowsSeen = 0;
  let lastCoded: Cell | null = null;
  let lastSkill: string | null = null;
  const taskOfKey = (k: string) => {
    if (!tasks.has(k)) tasks.set(k, { task: null, skills: new Map(), area: null, order: tasks.size, rowsAt: null });
    return tasks.get(k)!;
  };
  const pending: Cell[] = [];
  cells.forEach((c) => {
    if (c.type === 'area') {
      // a run of text that fitted no cell and reads like a sentence (、，；) is not a name: it goes on the cell printed before it
      if (/[、，,；;。]|[A-Za-z]/u.test(c.lines.map((l) => l.text).join('')) && lastCoded) lastCoded.lines.push(...c.lines);
      else areas.push({ cell: c, at: tasks.size, rows: rowsSeen });
      return;
    }
    lastCoded = c;
    if (c.type === 'skill') rowsSeen++;
    if (c.code!.endsWith('-')) {
      pending.push(c); // a task code without its number: placed with the first skill printed after it
      return;
    }
    const t = taskOfKey(key(c, 2));
    if (c.type === 'task') {
      t.task = c;
      t.rowsAt = rowsSeen;
    }
    else if (c.type === 'skill') {
      const k = key(c, 3);
      t.skills.set(k, [c, ...(t.skills.get(k) ?? [])]);
      lastSkill = k;
      for (const p of pending.splice(0)) t.task ??= p;
    } else {
      let k = key(c, 3);
      let owner = t;
      if (!t.skills.has(k) && !cells.some((x) => x.type === 'skill' && key(x, 3) === k) && lastSkill) {
        k = lastSkill;
        owner = taskOfKey(k.split(sep).slice(0, 2).join(sep));
      }
      owner.skills.set(k, [...(owner.skills.get(k) ?? []), c]);
    }
  });
  // a skill printed with no 技能要求 (or 知识要求) of its own, beside a neighbour printed with several:
  // the neighbour's code is a typo for its own (1-4-1-K2 printed in 1-4-2's row), as the tab table reads it
  for (const t of tasks.values()) {
    const ks = [...t.skills.keys()];
    for (const letter of ['requirement', 'knowledge'] as const) {
      const has = (k: string) => (t.skills.get(k) ?? []).filter((c) => c.type === letter);
      ks.forEach((k, j) => {
        if (has(k).length || !(t.skills.get(k) ?? []).some((c) => c.type === 'skill')) return;
        const from = [...ks.slice(0, j)].reverse().find((n) => has(n).length >= 2) ?? (ks[j + 1] && has(ks[j + 1]!).length >= 2 ? ks[j + 1] : undefined);
        if (!from) return;
        const moved = ks.indexOf(from) < j ? has(from)[1]! : has(from)[0]!;
        t.skills.set(from, t.skills.get(from)!.filter((c) => c !== moved));
        t.skills.set(k, [...t.skills.get(k)!, moved]);
      });
    }
  }
  // 工作领域 by their place: each name is printed beside the middle of its tasks and rows, so the
  // tasks (in code order) are cut into runs, one per name, whose middles are nearest the names
  const order = [...tasks.values()].sort((a, b) => a.order - b.order);
  const size = (t: (typeof order)[number]) => Math.max(1, [...t.skills.values()].filter((cs) => cs.some((c) => c.type === 'skill')).length);
  const m = areas.length;
  if (m > 0 && order.length >= m) {
    const start = [0];
    for (const t of order) start.push(start.at(-1)! + size(t));
    // cost[j][i]: best cut of the first i tasks among the first j names
    const cost = Array.from({ length: m + 1 }, () => new Array<number>(order.length + 1).fill(Infinity));
    const from = Array.from({ length: m + 1 }, () => new Array<number>(order.length + 1).fill(0));
    cost[0]![0] = 0;
    for (let j = 1; j <= m; j++)
      for (let i = j; i <= order.length - (m - j); i++)
        for (let k = j - 1; k < i; k++) {
          // a name is centred beside its rows as its tasks' names are beside theirs: with one task the
          // two are printed together; a name far from its only task's name spans more (a page break)
          const named = order.slice(k, i).filter((t) => t.rowsAt !== null);
          const middle = named.length ? named.reduce((a, t) => a + t.rowsAt!, 0) / named.length + 0.5 : (start[k]! + start[i]!) / 2;
          const a = areas[j - 1]!;
          // among the task names (the narrow columns print as one flow), then among the rows
          const centred = ((k + i) / 2 - a.at) ** 2 + (middle - (a.rows + 0.5)) ** 2 / 30;
          // a span that crosses a page break has its name at the top of the first page's part, before its first row
          const pages = new Set(order.slice(k, i).flatMap((t) => [...t.skills.values()].flat().filter((c) => c.type === 'skill').map((c) => c.page)));
          const top = pages.size > 1 && a.rows === start[k] ? 0 : Infinity;
          const c = cost[j - 1]![k]! + Math.min(centred, top);
          if (c < cost[j]![i]!) {
            cost[j]![i] = c;
            from[j]![i] = k;
          }
        }
    let i = order.length;
    for (let j = m; j >= 1; j--) {
      const k = from[j]![i]!;
      for (let x = k; x < i; x++) order[x]!.area = areas[j - 1]!.cell;
      i = k;
    }
  }
  const out: Cell[] = [];
  let area: Cell | null = null;
  for (const t of order) {
    if (t.area && t.area !== area) out.push((area = t.area));
    if (t.task) out.push(t.task);
    for (const [, cs] of t.skills) out.push(...cs);
  }
  return out;
}
