/**
 * Where the parts of a document are printed, for messages that point at them (file:line:column).
 */
import type { SourceLocation } from '../../src/schema/corpus.ts';
import type { Draft } from './structure.ts';
import { positionOfLines } from './structure/sourcemap.ts';

/** Where a draft's 文号 is printed: its line, and the columns of the number from its 机关代字 on (the line's start when not found). */
export function docNumberPlace(d: Draft): { file: string; line: number; column: number; end?: { line: number; column: number } } {
  const line = d.elements.docNumberLines[0];
  const n = d.elements.docNumber;
  if (!line || !n) return { file: d.file, line: line?.n ?? d.startLine, column: 1 };
  const at = line.text.indexOf(n.agency);
  if (at < 0) return { file: d.file, line: line.n, column: 1 };
  const printed = /^[^〔\[［(（]*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号?/u.exec(line.text.slice(at))?.[0] ?? n.agency;
  return { file: d.file, line: line.n, column: at + 1, end: { line: line.n, column: at + 1 + printed.length } };
}

/** Where a draft prints its 成文日期: the date line the elements stage read, or null when it has none. */
export function dateSourceOf(d: Draft): SourceLocation | null {
  const line = d.elements.dateLines[0];
  if (!line) return null;
  return { file: d.file, line: line.n, position: positionOfLines([line]) };
}
