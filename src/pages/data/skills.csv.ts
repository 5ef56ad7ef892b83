/**
 * /data/skills.csv: every skill-standard row, from the skills collection, in the project's CSV form
 * (UTF-8 with a BOM, RFC 4180; columns described in src/lib/open-data.ts).
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { toCsv } from '../../lib/csv.ts';
import { inFileOrder, SKILL_COLUMNS } from '../../lib/open-data.ts';

export const GET: APIRoute = async () => {
  const rows = inFileOrder((await getCollection('skills')).map((e) => e.data));
  return new Response(toCsv(SKILL_COLUMNS, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
