/**
 * Text-width metrics of a copied line, and the column widths of a copied table measured from the
 * lines that open its cells (a cell's first line is full when the cell goes on below it).
 */
import { removeAllWhitespace } from '../../../../src/lib/text/normalize.ts';
import type { CodeStyle } from '../codes.ts';
import { type Cell, type CellType, codeRegExp, codeType } from './codes.ts';
import type { CopiedLine } from './lines.ts';

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

/**
 * Width of a printed line in half-width units (a Chinese character counts two, Latin as a
 * proportional font prints it). With `fontGaps`, a space beside a Chinese character counts
 * nothing: it is pdftotext's mark of a change of font (`使用 PHP 的`), not a printed space (the
 * reading by position measures so; the reading in order keeps the plain count it was set with).
 */
export function width(text: string, fontGaps = false): number {
  let w = 0;
  const cs = [...text];
  const wide = (ch: string | undefined) => !!ch && /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch);
  cs.forEach((ch, i) => {
    if (wide(ch)) w += 2;
    else if (fontGaps && ch === ' ' && (wide(cs[i - 1]) || wide(cs[i + 1]))) w += 0;
    else w += ((LATIN[ch] ?? 556) / 1000) * 2;
  });
  return w;
}

/** The width of a line as the reading by position measures it (spaces at a change of font count nothing). */
export const printedWidth = (text: string): number => width(text, true);

/** The first thing a line prints: a Latin word or number, or one character. */
export function firstUnit(text: string): string {
  // (with the punctuation that may not begin a line: `库，` moves to the next line together)
  return /^(?:[A-Za-z0-9][\x21-\x7e]*|.)[，。、；：！？）」』”’》〉]*/u.exec(text)?.[0] ?? '';
}

/** The widths of a copied table's columns, and what follows from them. */
export interface ColumnWidths {
  /** Width of a column (a 工作领域 name's column is measured as the 工作任务 one). */
  W: (t: CellType) => number;
  /** The widest column. */
  widest: number;
  /** The 工作领域 column, measured from the names printed as blocks of their own (the 工作任务 one when none is). */
  nameWidth: number;
  /** A line is full when the first word of the next would not have fitted after it. */
  full: (line: string, next: string, t: CellType) => boolean;
}

/**
 * Column widths: the widest line that starts with a code of the column (the first line of a cell
 * is full when the cell goes on), at the 90th percentile. The 工作任务 column from this table's
 * lines, the wide columns from all tables of the standard (`pool`): a level with few rows may break
 * its coded lines early, before long Latin words.
 */
export function measureColumns(lines: CopiedLine[], style: CodeStyle, pool: CopiedLine[]): ColumnWidths {
  const re = codeRegExp(style);
  const seen = new Map<Cell['type'], number[]>();
  const own = new Set(lines);
  for (const l of [...lines, ...pool.filter((x) => !own.has(x))]) {
    const mine = own.has(l);
    const ms = [...l.text.matchAll(new RegExp(re))];
    ms.forEach((m, j) => {
      const t = codeType(m[1]!, style);
      if (!mine && (t === 'task' || t === 'area')) return;
      seen.set(t, [...(seen.get(t) ?? []), printedWidth(l.text.slice(m.index, ms[j + 1]?.index ?? l.text.length).trim())]);
    });
  }
  const widths = new Map<Cell['type'], number>([...seen].map(([t, ws]) => [t, [...ws].sort((a, b) => a - b)[Math.floor((ws.length - 1) * 0.9)]!]));
  const task = widths.get('task') ?? 12;
  // the 工作领域 column has no codes: measured from the names pdftotext prints as blocks of their own
  const names = nameBlocks(lines, re, task).map((b) => printedWidth(b[0]!.text)).sort((a, b) => a - b);
  const area = names.length ? Math.min(task, names[Math.floor((names.length - 1) / 2)]!) : task;
  const W = (t: Cell['type']) => (t === 'area' ? task : widths.get(t) ?? task);
  // (a name's lines are Chinese characters only, measured exactly: full when the next character would not fit)
  const full = (line: string, next: string, t: Cell['type']) => (t === 'area' ? printedWidth(line) + printedWidth(firstUnit(next)) > area : printedWidth(line) + printedWidth(firstUnit(next)) >= 0.92 * W(t));
  return { W, widest: Math.max(...[...widths.values()]), nameWidth: area, full };
}

/**
 * Blocks (runs of consecutive lines; pdftotext ends a block with an empty line) that can only be a
 * wrapped 工作领域 name: two lines or more, no code, Chinese characters only, each line no wider than
 * the 工作任务 column and none wider than the first (a name wraps where its column is full).
 */
export function nameBlocks(lines: CopiedLine[], re: RegExp, task: number): CopiedLine[][] {
  const blocks: CopiedLine[][] = [];
  for (const l of lines) {
    const last = blocks.at(-1);
    if (last && l.line === last.at(-1)!.line + 1) last.push(l);
    else blocks.push([l]);
  }
  return blocks.filter((b) => b.length >= 2 && b.every((l) => /^[\p{Script=Han}]+$/u.test(removeAllWhitespace(l.text)) && !new RegExp(re).test(l.text) && printedWidth(l.text) <= Math.min(task + 2, printedWidth(b[0]!.text))));
}
