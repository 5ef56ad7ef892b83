/** /data/documents.csv: one row per document, with its statuses and reference counts (columns: src/lib/open-data.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { toCsv } from '../../lib/csv.ts';
import { DOCUMENT_COLUMNS } from '../../lib/open-data.ts';
import { byDateDesc } from '../../lib/format.ts';
import { citedBy, isInternal } from '../../lib/references.ts';

export const GET: APIRoute = async () => {
  const docs = (await getCollection('documents')).map((e) => e.data).sort(byDateDesc);
  const refs = (await getCollection('references')).map((e) => e.data);
  const statuses = (await getCollection('statuses')).map((e) => e.data);
  const rows = docs.map((doc) => ({
    doc,
    statuses: statuses.filter((s) => s.document === doc.id),
    cites: refs.filter((r) => r.from === doc.id && !isInternal(r)).length,
    citedBy: citedBy(refs, doc.id).length,
  }));
  return new Response(toCsv(DOCUMENT_COLUMNS, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
