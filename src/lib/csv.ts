/**
 * CSV for spreadsheets: UTF-8 with a BOM (so Excel and WPS read Chinese as UTF-8), RFC 4180
 * (CRLF line ends; a field holding a comma, quote or line break is quoted, quotes doubled), one
 * header row. Columns are data: a name for the header, a description for /data/, a getter.
 */

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  /** Header: the Chinese name and the key, `标题 title`. */
  name: string;
  /** One line for the field table on /data/. */
  description: string;
  get: (row: T) => CsvValue;
}

export function csvField(value: CsvValue): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => csvField(c.name)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(c.get(r))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Several values in one cell. */
export const joinValues = (values: readonly CsvValue[]): string => values.filter((v) => v !== null && v !== undefined && v !== '').join('; ');
