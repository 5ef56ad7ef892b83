/**
 * /data/skills.csv: every skill-standard row (content/generated/skills.csv, written by ingest),
 * served as UTF-8 with a BOM so spreadsheet programs read the Chinese correctly.
 */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const GET: APIRoute = () => {
  const text = readFileSync(join(process.cwd(), 'content/generated/skills.csv'), 'utf8');
  const body = text.startsWith('\uFEFF') ? text : `\uFEFF${text}`;
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
