/** /data/certificates.csv: one row per certificate, with its organisations' names (columns: src/lib/open-data.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { toCsv } from '../../lib/csv.ts';
import { CERTIFICATE_COLUMNS, inFileOrder } from '../../lib/open-data.ts';

export const GET: APIRoute = async () => {
  const certs = inFileOrder((await getCollection('certificates')).map((e) => e.data));
  const orgs = new Map((await getCollection('organizations')).map((e) => [e.data.id, e.data.name]));
  const rows = certs.map((cert) => ({ cert, organizationNames: cert.organizations.map((id) => orgs.get(id) ?? id) }));
  return new Response(toCsv(CERTIFICATE_COLUMNS, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
