/**
 * The one message channel of the ingest: every diagnostic is a vfile message attached to the
 * source file it is about, with a rule id and the position of the text (file:line:column).
 *
 * Per-source stages call `file.message(reason, node|position, ruleId)` on their VFile directly.
 * Corpus-wide stages (catalog, standards, events, fees, …) work over many files at once: they get
 * a `Report` function, which the orchestrator binds to the right VFile by `place.file`.
 * report.json is built from the messages of all files (nothing else is an anomaly).
 */
import type { Position } from '../../src/schema/corpus.ts';

/** Where a corpus-wide diagnostic points: a source file and a position (or at least a line) in it. */
export interface Place {
  file: string;
  line: number;
  /** 1-based; 1 when the stage knows only the line. */
  column?: number;
  /** The end of the text the message is about, when known. */
  end?: { line: number; column: number };
}

/** Report one diagnostic: `report(place, 'rule-id', '中文说明')`. */
export type Report = (place: Place, ruleId: string, reason: string) => void;

/** A Place from a node's file and unist position. */
export function placeOf(file: string, position: Position): Place {
  return { file, line: position.start.line, column: position.start.column, end: position.end };
}
