/**
 * The one CSV writer of the project: every CSV the site serves (/data/*.csv, the per-certificate files
 * under /data/certificates/) and the skills.csv ingest writes go through toCsv.
 *
 * - UTF-8 with a BOM (so Excel and WPS read Chinese as UTF-8), one header row;
 * - RFC 4180: CRLF line ends; a field holding a comma, quote or line break (CR or LF) is quoted, quotes doubled;
 * - formula-safe: a text cell starting with `=`, `+`, `-`, `@`, a tab or a CR is written with an apostrophe
 *   in front (`'=…`). A spreadsheet would otherwise run such a cell as a formula (CSV injection); with the
 *   apostrophe it shows the text. Source text is data, never a formula. Skill codes start with a digit
 *   (`1-1-1-S1`) or a letter (`l2-f1-w3-s2`) and are never touched; numbers the writer is given as numbers
 *   (line numbers, counts) are written as they are.
 *
 * Columns are data: a name for the header, a description for /data/, a getter.
 */

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  /** Header: the Chinese name and the key, `标题 title`. */
  name: string;
  /** One line for the field table on /data/. */
  description: string;
  get: (row: T) => CsvValue;
}

/** The characters that make a spreadsheet read a cell as a formula when they open it (OWASP, CSV injection). */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/** A text with an apostrophe in front when it starts with a formula trigger; any other text unchanged. */
export function formulaSafe(text: string): string {
  return text !== '' && FORMULA_TRIGGERS.includes(text[0]!) ? `'${text}` : text;
}

export function csvField(value: CsvValue): string {
  const s = value === null || value === undefined ? '' : typeof value === 'string' ? formulaSafe(value) : String(value);
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => csvField(c.name)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(c.get(r))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Several values in one cell. */
export const joinValues = (values: readonly CsvValue[]): string => values.filter((v) => v !== null && v !== undefined && v !== '').join('; ');
