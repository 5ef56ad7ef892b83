/**
 * /data/certificates/<certificate id>/skills.csv and /level-<n>.csv: one certificate's skill matrix, all
 * levels or one (src/lib/export/certificate-skills.ts), through the one CSV writer (src/lib/csv.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { toCsv } from '../../../../lib/csv.ts';
import { CERTIFICATE_SKILL_COLUMNS, certificateSkillCsvRows, certificateSkillPaths, type CertificateSkillFile } from '../../../../lib/export/certificate-skills.ts';
import { inFileOrder } from '../../../../lib/open-data.ts';

export const getStaticPaths = (async () =>
  certificateSkillPaths({
    certificates: inFileOrder((await getCollection('certificates')).map((e) => e.data)),
    standards: inFileOrder((await getCollection('standards')).map((e) => e.data)),
    skills: inFileOrder((await getCollection('skills')).map((e) => e.data)),
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: CertificateSkillFile }> = ({ props, site }) =>
  new Response(toCsv(CERTIFICATE_SKILL_COLUMNS, certificateSkillCsvRows(props.file, site)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
