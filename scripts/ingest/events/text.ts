/**
 * Helpers the events and fees stages share: walking a clause tree with its ancestors,
 * sentences around a position, masking book titles (《…》), and the place in the source of a
 * date or figure — read from the clause's source map (`pointAt`), never searched for again.
 */
import type { Clause, PolicyDocument } from '../../../src/schema/corpus.ts';
import type { Place } from '../diagnostics.ts';
import { pointAt } from '../positions.ts';

import type { ClausePath as Walked } from '../../../src/lib/citation.ts';

/** Every clause with its ancestors (the walker the citations use). */
export { walkClauses as walk } from '../../../src/lib/citation.ts';
export type { Walked };

/** Headings of a clause's ancestors and its own, innermost last. */
export function headings(w: Walked): string[] {
  return [...w.ancestors, w.clause].map((c) => c.heading ?? '').filter(Boolean);
}

const STOPS = ['。', '；', '！', '？', ';'];

/**
 * How far from a position a sentence is looked for. A real sentence is shorter; a bound keeps a
 * line with no full stop at all (a 5 MB extraction accident) linear instead of quadratic.
 */
export const REACH = 400;

/** The span around `index` between the nearest `marks` on each side, within REACH. */
function spanAt(text: string, index: number, marks: string[]): { start: number; end: number } {
  const lo = Math.max(0, index - REACH);
  const hi = Math.min(text.length, index + REACH);
  const left = text.slice(lo, index);
  const right = text.slice(index, hi);
  const before = Math.max(...marks.map((p) => left.lastIndexOf(p)));
  const after = marks.map((p) => right.indexOf(p)).filter((x) => x >= 0);
  return { start: before >= 0 ? lo + before + 1 : lo, end: after.length ? index + Math.min(...after) : hi };
}

/** The sentence around a position (between 。；！？ marks). */
export function sentenceAt(text: string, index: number): { start: number; end: number; text: string } {
  const span = spanAt(text, index, STOPS);
  const end = span.end < text.length && STOPS.includes(text[span.end]!) ? span.end + 1 : span.end;
  return { start: span.start, end, text: text.slice(span.start, end).trim() };
}

/** The comma-delimited phrase around a position. */
export function phraseAt(text: string, index: number): { start: number; end: number } {
  return spanAt(text, index, [...STOPS, '，', ',', '：', ':']);
}

/** 《…》 contents replaced by spaces (same length), so a title's dates and figures are not read as the text's own. */
export function maskTitles(text: string): string {
  return text.replace(/《[^《》]*》/gu, (m) => `《${' '.repeat(m.length - 2)}》`);
}

/** Where the characters [offset, offset + length) of a clause's text stand in its source. */
export function placeIn(clause: Clause, offset: number, length = 0): Place {
  const start = pointAt(clause, offset);
  const end = pointAt(clause, offset + Math.max(0, length));
  return { file: clause.source.file, line: start.line, column: start.column, end };
}
