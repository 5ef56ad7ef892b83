/**
 * Positions instead of re-finding: the point in the source of a character of a clause's text,
 * read from the clause's source map (`lineStarts`, filled by the structure stage).
 */
import type { Clause, Point } from '../../src/schema/corpus.ts';

/**
 * The source line and column of `offset` in the clause's `text` (or `heading` when `text` is
 * empty). Text joined from wrapped lines maps each character back to the line it was printed on.
 * A clause without a source map (none should be left once the structure stage fills them) gives
 * its first line.
 */
export function pointAt(clause: Clause, offset: number): Point {
  const starts = clause.lineStarts;
  if (!starts || starts.length === 0) return clause.position?.start ?? { line: clause.source.line, column: 1 };
  let k = 0;
  while (k + 1 < starts.length && starts[k + 1]![0] <= offset) k++;
  const [at, line, column] = starts[k]!;
  return { line, column: column + Math.max(0, offset - at) };
}
