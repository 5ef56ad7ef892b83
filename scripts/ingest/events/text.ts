/**
 * Helpers the events and fees stages share: walking a clause tree with its ancestors, masking
 * book titles (《…》), and the place in the source of a date or figure — read from the clause's
 * source map (`pointAt`), never searched for again. Sentences around a position: text/sentences.ts.
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
