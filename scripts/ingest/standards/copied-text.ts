/**
 * A skill table from text copied out of a standard's PDF (no tabs): the cells come one after
 * another, each broken over several lines (`1-1 静` / `态 网 页` / `开发`), with the table header
 * printed again after every page break (`工 作 任` / `务 职业技能 技能要求 知识要求`), letter
 * spacing (`能 够 理 解`) and codes glued to their text (`1.2Java 面 向`).
 *
 * The codes carry the hierarchy (1-1 task → 1-1-1 skill → 1-1-1-S1/K1; 1. → 1.1 → 1.1.1), so
 * the reading is code-driven: a code opens a cell and the text around it is gathered into cells.
 * This module finds each level's table in the printed lines and hands its cells to the coded-table
 * reader (coded-table.ts) as a table, so rows, anchors, flags and pages are those of tab tables; a
 * table with no codes (numbered items) is handed to the uncoded reader when a copy in reading order
 * splits into columns by numbering and widths, or when a copy by position does (its items by
 * numbering and widths, its names by widths and by where they are printed), and is otherwise said,
 * not guessed.
 * The reading itself is in copied/:
 *
 *   copied/lines.ts          printed lines rebuilt with positions from the clause tree; header rows
 *   copied/captions.ts       table captions (`表 N …`): no level heading again, no row (printed among the header's cells)
 *   copied/codes.ts          codes in lines, the cells they open, which reading a copy needs
 *   copied/widths.ts         text-width metrics; column widths measured from the lines that open cells
 *   copied/reading-order.ts  a copy in reading order (pdftotext -raw): a code's cell runs to the next code
 *   copied/dotted.ts         a dotted table (every column coded) in either copy: read in order, put in code order
 *   copied/cells.ts          a copy by position (pdftotext): lines assigned to cells by column; unfinished cells repaired
 *   copied/cut.ts            a line holding several columns cut into their pieces
 *   copied/pairs.ts          the pairs of characters the document prints (which line break a word crosses)
 *   copied/names.ts          cells back in code order, 工作领域 names placed beside their tasks
 *   copied/table.ts          the cells as a table for the coded-table reader
 *   copied/uncoded.ts        an uncoded table (物流管理) in reading order: columns by numbering and widths
 *   copied/uncoded-by-position.ts  an uncoded table copied by position (pdftotext): the two readings below
 *   copied/numbered-items.ts the numbered items of such a copy: columns by numbering and widths, continuations by fullness
 *   copied/centred-names.ts  its 职业功能/工作内容 names: fragments joined by widths, 职业功能 spans by where they are printed
 *
 * On the 9 pt fixture every text comes out whole; on the same tables at 10 pt
 * (web-qianduan-standard-10pt) see test/fixtures/copied/README.md for the figures reached.
 *
 * Input is the clause tree the structure stage made (it joins such lines into paragraphs, or
 * numbered paragraphs for dotted codes): each clause's source map (`lineStarts`) gives back the
 * printed lines with their positions; the raw source is never read again.
 */
import { removeAllWhitespace } from '../../../src/lib/text/normalize.ts';
import type { Clause, Table } from '../../../src/schema/corpus.ts';
import type { SkillLevel } from '../../../src/schema/skills.ts';
import type { Report } from '../diagnostics.ts';
import type { CodeStyle } from './codes.ts';
import { isCaption } from './copied/captions.ts';
import { cellsOfColumns } from './copied/cells.ts';
import { detectCopiedStyle, interleaved } from './copied/codes.ts';
import { dottedCells, sideBySide } from './copied/dotted.ts';
import { type CopiedLine, HEADERS, HEADER_WORDS, flatten, hasTable, headerAt, isHeaderLine, printedLines } from './copied/lines.ts';
import { inCodeOrder } from './copied/names.ts';
import { cellsOf } from './copied/reading-order.ts';
import { tableOf } from './copied/table.ts';
import { uncodedTable } from './copied/uncoded.ts';
import { uncodedTableByPosition } from './copied/uncoded-by-position.ts';
import { printedPairs } from './copied/pairs.ts';

import { type ColumnRole, columnRoles, findLevel, isSkillTable } from './model.ts';

export type { CopiedLine } from './copied/lines.ts';
export { printedLines } from './copied/lines.ts';

export interface CopiedLevel {
  level: SkillLevel;
  levelClause: Clause;
  table: Table;
  roles: ColumnRole[];
  /** Null for an uncoded table (numbered items). */
  style: CodeStyle | null;
  /** Clauses whose text is part of the table (left out of the front matter). */
  clauses: Set<Clause>;
}

/** A numbered item's first line (`2. 作业自动化和智能化的知识`). */
const ITEM_LINE = /^\d{1,2}[.．、]\s*\S/u;

/** A numbered item's first line, numbered as table items are (`1. 能…`, not a dotted `2.1 …`). */
const ITEM_ONLY = /^\d{1,2}[.．、](?!\d)\s*\S/u;

/** A line that ends a table copied with the text after it. */
const TABLE_END = /^(?:\d{1,2}(?:\.\d{1,2})*)?(?:附件|附录|附表|名词解释|术语和定义|参考文献|注[:：])/u;

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
  /** A table's header printed since the last level's heading: the lines after it are its table's, up to the next heading. */
  let inTable = false;
  all.forEach((l, i) => {
    const c = l.clause;
    if (isHeaderLine(l.text) || headerAt(all, i)) inTable = true;
    const sectionLevel = c.kind === 'section' && !hasTable(c) && l.line === c.position.start.line ? findLevel(c.heading ?? c.text) : null;
    const lineLevel = LEVEL_LINE.test(removeAllWhitespace(l.text)) ? findLevel(l.text) : null;
    const level = sectionLevel ?? lineLevel;
    // a table's caption that names the level whose section it is in is not that level's heading again
    // (pdftotext may print it among the table's header cells: captions.ts)
    if (level && isCaption(l.text) && levels.at(-1)?.level === level) return;
    // (inside a table a line numbered as its items are, `1. 能描述…的基本要求`, is an item, not a heading)
    if (level && inTable && ITEM_ONLY.test(l.text)) return;
    if (level) {
      levels.push({ at: i, clause: c, level });
      inTable = false;
    }
  });
  const found = levels.map(({ at, clause, level }, k) => readLevel(clause, level, all.slice(at + 1, levels[k + 1]?.at ?? all.length), file, report));
  // the tables of one standard share their layout: column widths are measured over all of them
  found.forEach((f, k) => {
    const before = found.slice(0, k).reverse().find((x) => x);
    if (f?.strays?.length && before) before.lines.push(...f.strays.map((l) => ({ ...l, sheet: (before.lines.at(-1) as { sheet?: number } | undefined)?.sheet ?? 0 })));
  });
  const pool = found.flatMap((f) => f?.lines ?? []);
  return found.map((f) => f?.finish(pool) ?? null).filter((l): l is CopiedLevel => l !== null);
}

/** A heading line that names a level: `8 Web 前端开发（初级）`, `2.1 初级`, `5.1 一般要求`. */
const LEVEL_LINE = /^(?:\d{1,2}(?:\.\d{1,2})*)?[^，。；：:]{0,30}(?:[（(][初中高]级[)）]|^(?:\d{1,2}(?:\.\d{1,2})*)?[初中高]级)$/u;

/** A level's table lines, and what reads them once the lines of all levels are known. */
interface PendingLevel {
  lines: CopiedLine[];
  /** Numbered items printed before this table's header, after the previous page's number: the previous table's (pdftotext printed them late). */
  strays?: CopiedLine[];
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
    } else if (HEADER_WORDS.has(removeAllWhitespace(all[i]!.text))) {
      // the header's cells printed apart, with the first names of the table between them
      start = i;
      const seen = all.slice(i, i + 16).map((l) => removeAllWhitespace(l.text)).filter((t) => HEADER_WORDS.has(t));
      // (the words seen may be some of one header's: the others printed further down, beside the first rows)
      words = HEADERS.find((hs) => hs.every((w) => seen.includes(w))) ?? (seen.length >= 3 ? HEADERS.find((hs) => seen.every((w) => hs.includes(w))) : undefined) ?? seen;
    }
  }
  const style = detectCopiedStyle(all.slice(Math.max(0, start)).map((l) => l.text));
  if (!style) {
    // a skill table's header with no codes under it (物流管理: numbered items): read by numbering and
    // widths when the copy is in reading order, else said, not guessed
    if (start >= 0 && words && isSkillTable(columnRoles(words))) {
      const { lines, used } = tableLines(all, start, null);
      const table = uncodedTable(lines);
      if (table) {
        const roles = columnRoles(words);
        const first = lines[0]!;
        return {
          lines: [],
          finish: () => {
            report({ file, line: first.line, column: first.column }, 'skill-table-copied-text',
              `${level}技能表没有列分隔（从 PDF 复制的文本），按编号与列宽读取：${table.rows.length} 行`);
            return { level, levelClause, table, roles, style: null, clauses: used };
          },
        };
      }
      // a copy by position (pdftotext): items by numbering and widths, names by where they are printed;
      // the document's own pairs of characters are taken from all its tables
      const at = all[start - 1] ?? all[start]!;
      // numbered items between the last page number and the header (an item never precedes its own header)
      const lastPage = all.slice(0, start).findLastIndex((l) => /^\d{1,4}$/u.test(l.text));
      // (with the lines stacked under them in their block: their continuations)
      const strays: (CopiedLine & { clause: Clause })[] = [];
      for (const l of lastPage < 0 ? [] : all.slice(lastPage + 1, start))
        if (!isHeaderLine(l.text) && (ITEM_LINE.test(l.text) || strays.at(-1)?.line === l.line - 1)) strays.push(l);
      // (their text is a table's, not this level's front matter)
      for (const l of strays) used.add(l.clause);
      return {
        lines,
        strays: strays.map((l) => ({ ...l, afterHeader: false })),
        finish: (pool) => {
          const table = uncodedTableByPosition(lines, printedPairs(pool));
          if (table) {
            const first = lines[0]!;
            report({ file, line: first.line, column: first.column }, 'skill-table-copied-text',
              `${level}技能表没有列分隔（从 PDF 复制的文本，各列交错），按编号、列宽与名称位置读取：${table.rows.length} 行`);
            return { level, levelClause, table, roles: columnRoles(words!), style: null, clauses: used };
          }
          report({ file, line: at.line, column: at.column }, 'skill-table-copied-uncoded',
            `${level}技能表没有列分隔（从 PDF 复制的文本），表中也没有代码，无法分出各列，未读出技能行；请提供带列分隔（制表符）的文本或 PDF 原件`);
          return null;
        },
      };
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
  const { lines, used } = tableLines(all, start, style);

  const finish = (pool: CopiedLine[]): CopiedLevel | null => {
    const cells =
      style === 'dotted' && !sideBySide(lines) ? dottedCells(lines, pool)
      : interleaved(lines, style) ? inCodeOrder(cellsOfColumns(lines, style, pool), style)
      : cellsOf(lines, style);
    if (!cells.some((c) => c.code)) return null;
    const table = tableOf(cells);
    const first = lines[0]!;
    report({ file, line: first.line, column: first.column }, 'skill-table-copied-text',
      `${level}技能表没有列分隔（从 PDF 复制的文本），按代码读取：${cells.filter((c) => c.code).length} 个代码，${cells.filter((c) => !c.code).length} 个工作领域名称`);
    return { level, levelClause, table, roles, style, clauses: used };
  };
  return { lines, finish };
}

/** The lines of a table from its first line: repeated headers and bare page numbers left out; and the clauses they are in. */
function tableLines(all: (CopiedLine & { clause: Clause })[], start: number, style: CodeStyle | null): { lines: (CopiedLine & { afterHeader: boolean; sheet: number })[]; used: Set<Clause> } {
  const lines: (CopiedLine & { afterHeader: boolean; sheet: number })[] = [];
  /** Page numbers passed since the table began. */
  let sheet = 0;
  const used = new Set<Clause>();
  let afterHeader = true;
  for (let i = start; i < all.length; i++) {
    // the table ends where an attachment, an appendix or a glossary begins
    const c = all[i]!.clause;
    if (TABLE_END.test(removeAllWhitespace(all[i]!.text)) || c.kind === 'attachment' || c.kind === 'enclosure') break;
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
    // a caption is no row of the table (pdftotext may print it among the header's cells)
    if (isCaption(all[i]!.text)) continue;
    // header words on a line of their own (an interleaved copy prints the header's cells apart)
    if (isHeaderLine(all[i]!.text)) {
      afterHeader = true;
      continue;
    }
    if (/^\d{1,4}$/u.test(all[i]!.text) || /^[—–-]\s*\d{1,4}\s*[—–-]$/u.test(all[i]!.text)) {
      sheet++;
      continue;
    }
    lines.push({ ...all[i]!, afterHeader, sheet });
    afterHeader = false;
  }
  for (let i = 0; i < start; i++) if (all[i]!.line >= (lines[0]?.line ?? Infinity)) used.add(all[i]!.clause);
  return { lines, used };
}
