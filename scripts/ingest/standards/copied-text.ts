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
  const out: CopiedLevel[] = [];
  levels.forEach(({ at, clause, level }, k) => {
    const to = levels[k + 1]?.at ?? all.length;
    const found = readLevel(clause, level, all.slice(at + 1, to), file, report);
    if (found) out.push(found);
  });
  return out;
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

/** Width of a printed line in half-width units (a Chinese character counts two). */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch) ? 2 : ch === ' ' ? 0.5 : 1;
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

function readLevel(levelClause: Clause, level: SkillLevel, all: (CopiedLine & { clause: Clause })[], file: string, report: Report): CopiedLevel | null {
  // the table starts at its header (or, with none printed, at the first coded line)
  let start = -1;
  let words: string[] | null = null;
  for (let i = 0; i < all.length && start < 0; i++) {
    const h = headerAt(all, i);
    if (h) {
      start = i + h.length;
      words = h.words;
    }
  }
  const style = detectCopiedStyle(all.slice(Math.max(0, start)).map((l) => l.text));
  if (!style) return null;
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
    if (/^\d{1,4}$/u.test(all[i]!.text) || /^[—–-]\s*\d{1,4}\s*[—–-]$/u.test(all[i]!.text)) continue;
    lines.push({ ...all[i]!, afterHeader });
    afterHeader = false;
  }
  for (let i = 0; i < start; i++) if (all[i]!.line >= (lines[0]?.line ?? Infinity)) used.add(all[i]!.clause);

  const cells = cellsOf(lines, style);
  if (!cells.some((c) => c.code)) return null;
  const table = tableOf(cells);
  const first = lines[0]!;
  report({ file, line: first.line, column: first.column }, 'skill-table-copied-text',
    `${level}技能表没有列分隔（从 PDF 复制的文本），按代码读取：${cells.filter((c) => c.code).length} 个代码，${cells.filter((c) => !c.code).length} 个工作领域名称`);
  return { level, levelClause, table, roles, style, clauses: used };
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
