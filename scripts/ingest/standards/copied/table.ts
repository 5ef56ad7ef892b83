/** The cells of a copied table as a table the coded-table reader (../coded-table.ts) takes. */
import type { Position, Table, TableCell, TableRow } from '../../../../src/schema/corpus.ts';
import { standardText } from '../model.ts';
import type { Cell } from './codes.ts';

/**
 * The cells as a table the coded-table reader takes: one row per cell, so that every row points
 * at the line that prints its code; a 工作领域 name is a row's uncoded first cell, as in a tab table.
 */
export function tableOf(cells: Cell[]): Table {
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
