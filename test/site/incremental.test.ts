/**
 * Astro's incremental build (astro.config.mjs experimental.incrementalBuild; a page's cacheKey is the
 * content key of its props, src/lib/page-props.ts). In a copy of the project (with the ingest output
 * of the build every site test reads, copyIngestedProject): a full build, then two edits in one
 * source (a sentence of the 试点方案 and a row of the 物流管理 standard), then an incremental build
 * and a forced full build. The incremental build must render the pages that show the edits, copy
 * pages whose data did not change, and give the same bytes as the full build.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Certificate, Organization } from '../../src/schema/catalog.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import { C001 } from '../helpers/corpus.ts';
import { type ProjectCopy, copyIngestedProject } from '../helpers/site.ts';

/** Printed once each in 001 (checked below), so each edit touches one line. */
const PLAN_SENTENCE = '严格职业技能等级考核与证书发放';
const PLAN_EDITED = '严格职业技能等级考核与证书颁发';
const ROW = '能根据作业要求选择货物堆码技术';
const ROW_EDITED = '能根据作业要求选定货物堆码技术';

let site: ProjectCopy | null = null;
let incremental = '';
interface Generated {
  documents: Map<string, string>;
  organizations: Map<string, Organization & { json: string }>;
  certificates: Map<string, Certificate & { json: string }>;
}
let before: Generated;
let after: Generated;
/** Documents and organisations as the ingest wrote them, each with its JSON. */
function readGenerated(): Generated {
  const read = <T extends { id: string }>(name: string) => JSON.parse(readFileSync(join(site!.dir, 'content', 'generated', `${name}.json`), 'utf8')) as T[];
  return {
    documents: new Map(read<PolicyDocument>('documents').map((d) => [d.id, JSON.stringify(d)])),
    organizations: new Map(read<Organization>('organizations').map((o) => [o.id, { ...o, json: JSON.stringify(o) }])),
    certificates: new Map(read<Certificate>('certificates').map((c) => [c.id, { ...c, json: JSON.stringify(c) }])),
  };
}
/** Pages Astro's log lists as restored (copied) and as rendered; colours stripped (Astro colours its log when CI is set). */
const pagesOf = (colored: string) => {
  const log = stripVTControlCharacters(colored);
  return {
    restored: [...log.matchAll(/(\/\S*index\.html) \(restored\)/gu)].map((m) => m[1]!),
    rendered: [...log.matchAll(/(\/\S*index\.html)(?! \(restored\))/gu)].map((m) => m[1]!),
  };
};

function files(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), root) : [relative(root, join(dir, e.name))]))
    .sort();
}

beforeAll(() => {
  site = copyIngestedProject('incremental-');
  site.astroBuild();
  before = readGenerated();
  const text = readFileSync(join(site.dir, 'content', 'sources', C001), 'utf8');
  expect(text.split(PLAN_SENTENCE)).toHaveLength(2);
  expect(text.split(ROW)).toHaveLength(2);
  writeFileSync(join(site.dir, 'content', 'sources', C001), text.replace(PLAN_SENTENCE, PLAN_EDITED).replace(ROW, ROW_EDITED));
  site.node(['scripts/ingest/cli.ts', '--quiet']);
  after = readGenerated();
  incremental = site.astroBuild();
  site.astroBuild(['--force', '--outDir', join(site.dir, 'dist-full')]);
}, 300_000);

afterAll(() => site?.remove());

describe('incremental build after one source changed', () => {
  it('renders the pages showing the edits and copies the others', () => {
    const { restored, rendered } = pagesOf(incremental);
    console.log(`incremental: ${rendered.length} pages rendered, ${restored.length} copied from the previous build`);
    expect(rendered).toContain('/docs/jzc-2019-6/index.html');
    expect(rendered).toContain('/certificates/wlgl/skills/l1-f2-w2-s1/index.html');
    expect(rendered).toContain('/certificates/wlgl/index.html');
    // An organisation whose data and listing documents the edits left as they were keeps its page.
    const same = (id: string) => before.documents.get(id) === after.documents.get(id);
    const untouched = [...after.organizations.values()].filter((o) => before.organizations.get(o.id)?.json === o.json && o.listings.every((l) => !l.document || same(l.document)));
    console.log(`incremental: ${untouched.length} of ${after.organizations.size} organisations untouched; documents changed: ${[...after.documents.keys()].filter((id) => !same(id)).join(', ')}`);
    expect(untouched.length).toBeGreaterThan(10);
    for (const o of untouched) expect(restored, o.id).toContain(`/organizations/${o.id}/index.html`);
    // The same for certificates (listing and contact documents; those with a standard are printed in a changed document).
    const certs = [...after.certificates.values()].filter((c) => before.certificates.get(c.id)?.json === c.json && [...c.listings, ...c.contacts].every((l) => !l.document || same(l.document)) && !c.standard);
    console.log(`incremental: ${certs.length} of ${after.certificates.size} certificates untouched`);
    expect(certs.length).toBeGreaterThan(10);
    for (const c of certs) expect(restored, c.id).toContain(`/certificates/${c.id}/index.html`);
    const plan = readFileSync(join(site!.dir, 'dist', 'docs', 'jzc-2019-6', 'index.html'), 'utf8');
    expect(plan).toContain(PLAN_EDITED);
    expect(readFileSync(join(site!.dir, 'dist', 'certificates', 'wlgl', 'skills', 'l1-f2-w2-s1', 'index.html'), 'utf8')).toContain(ROW_EDITED);
  });

  it('gives the same files, byte for byte, as a full build', () => {
    const a = join(site!.dir, 'dist');
    const b = join(site!.dir, 'dist-full');
    const fa = files(a);
    expect(fa).toEqual(files(b));
    const differ = fa.filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
    console.log(`incremental vs full: ${fa.length} files compared, ${differ.length} differ`);
    expect(fa.length).toBeGreaterThan(800);
    expect(differ).toEqual([]);
  });
});
