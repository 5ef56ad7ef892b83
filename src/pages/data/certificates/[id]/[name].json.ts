/**
 * /data/certificates/<certificate id>/skills.json and /level-<n>.json: the same rows as the CSV files beside
 * them, as JSON with the certificate, standard, level and counts (src/lib/export/certificate-skills.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { certificateSkillJson, certificateSkillPaths, type CertificateSkillFile } from '../../../../lib/export/certificate-skills.ts';
import { inFileOrder } from '../../../../lib/open-data.ts';

export const getStaticPaths = (async () =>
  certificateSkillPaths({
    certificates: inFileOrder((await getCollection('certificates')).map((e) => e.data)),
    standards: inFileOrder((await getCollection('standards')).map((e) => e.data)),
    skills: inFileOrder((await getCollection('skills')).map((e) => e.data)),
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: CertificateSkillFile }> = ({ props, site }) =>
  new Response(`${JSON.stringify(certificateSkillJson(props.file, site), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
