/**
 * skills.csv: the rows of skills.json for spreadsheets, in the project's CSV form (src/lib/csv.ts:
 * UTF-8 with a BOM, RFC 4180, CRLF). The columns are described once, in src/lib/open-data.ts, which
 * /data/ shows and /data/skills.csv uses too.
 */
import type { SkillRow } from '../../src/schema/skills.ts';
import { toCsv } from '../../src/lib/csv.ts';
import { SKILL_COLUMNS } from '../../src/lib/open-data.ts';

export { csvField } from '../../src/lib/csv.ts';

export function skillsCsv(rows: SkillRow[]): string {
  return toCsv(SKILL_COLUMNS, rows);
}
