/**
 * The props and cacheKeys of the generated pages (src/lib/page-props.ts) over the real corpus:
 * every page names only documents it was given, and a change to one document changes the keys
 * of the pages showing it and of no other page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheKey, keyOf } from '../../src/lib/cache-key.ts';
import { certificatePaths, documentPaths, organizationPaths, skillPaths } from '../../src/lib/page-props.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import type { IngestResult } from '../../scripts/ingest/pipeline.ts';
import { realCorpus } from '../helpers/corpus.ts';

let corpus: IngestResult;
beforeAll(() => {
  corpus = realCorpus();
}, 120_000);

const docInput = (documents: PolicyDocument[]) => ({ documents, references: corpus.references, statuses: corpus.statuses, keywords: corpus.keywords });

/** The corpus with one document's first paragraph text changed (a new object: keys are remembered per object). */
function withEdited(id: string): PolicyDocument[] {
  return corpus.documents.map((d) => {
    if (d.id !== id) return d;
    const copy = structuredClone(d);
    const walk = (cs: PolicyDocument['clauses']): boolean => cs.some((c) => (c.text ? ((c.text = `${c.text}（改）`), true) : walk(c.children)));
    expect(walk(copy.clauses)).toBe(true);
    return copy;
  });
}

describe('cache keys', () => {
  it('are equal for equal content and differ for different content, Maps included', () => {
    expect(keyOf({ a: [1, 2] })).toBe(keyOf({ a: [1, 2] }));
    expect(keyOf({ a: [1, 2] })).not.toBe(keyOf({ a: [2, 1] }));
    expect(keyOf(new Map([['a', 1]]))).not.toBe(keyOf(new Map([['a', 2]])));
    expect(cacheKey('a', 'b')).not.toBe(cacheKey('b', 'a'));
  });
});

describe('document pages', () => {
  it('one page per document, each given every document its references, statuses and related list name', () => {
    const paths = documentPaths(docInput(corpus.documents));
    expect(paths.map((p) => p.params.id).sort()).toEqual(corpus.documents.map((d) => d.id).sort());
    expect(new Set(paths.map((p) => p.cacheKey)).size).toBe(paths.length);
    for (const { props } of paths) {
      for (const r of props.refs) {
        expect(r.from === props.doc.id || r.target === props.doc.id).toBe(true);
        for (const id of [r.from, r.target]) if (id) expect(props.docs.has(id), `${props.doc.id} → ${id}`).toBe(true);
      }
      for (const s of props.statuses) if (s.evidence.document) expect(props.docs.has(s.evidence.document)).toBe(true);
      for (const r of props.keywords?.related ?? []) expect(props.titles.has(r.document)).toBe(true);
    }
    // 试点方案 is cited by 10 documents: its page carries their references into it.
    const plan = paths.find((p) => p.params.id === 'jzc-2019-6')!;
    expect(new Set(plan.props.refs.filter((r) => r.target === 'jzc-2019-6' && r.from !== 'jzc-2019-6').map((r) => r.from)).size).toBe(10);
  });

  it('editing one document changes its key and the keys of the documents citing or cited by it, no other', () => {
    const before = new Map(documentPaths(docInput(corpus.documents)).map((p) => [p.params.id, p.cacheKey]));
    const after = new Map(documentPaths(docInput(withEdited('jzc-2019-6'))).map((p) => [p.params.id, p.cacheKey]));
    const changed = [...before.keys()].filter((id) => before.get(id) !== after.get(id)).sort();
    const linked = new Set(corpus.references.flatMap((r) => (r.target === 'jzc-2019-6' ? [r.from] : r.from === 'jzc-2019-6' && r.target ? [r.target] : [])));
    linked.add('jzc-2019-6');
    expect(changed).toEqual([...linked].sort());
    // Documents only related by keywords show its title, not its text: unchanged.
    expect(changed.length).toBeLessThan(corpus.documents.length);
  });
});

describe('catalog and skill pages', () => {
  const catalogInput = (documents: PolicyDocument[]) => ({
    certificates: corpus.catalog.certificates,
    organizations: corpus.catalog.organizations,
    batches: corpus.catalog.batches,
    standards: corpus.standards.standards,
    skills: corpus.standards.rows,
    documents,
    anomalies: corpus.report.anomalies,
  });

  it('a certificate page gets its standard\'s rows and the documents listing it', () => {
    const paths = certificatePaths(catalogInput(corpus.documents));
    expect(paths).toHaveLength(93);
    const web = paths.find((p) => p.params.id === 'web-qdkf')!;
    expect(web.props.standard?.id).toBeTruthy();
    expect(web.props.rows.length).toBe(corpus.standards.rows.filter((r) => r.standard === web.props.standard!.id).length);
    for (const { props } of paths) for (const l of props.cert.listings) if (l.document) expect(props.docs.has(l.document)).toBe(true);
  });

  it('editing the document printing the standards changes the skill pages\' keys, not the organisations of other documents', () => {
    const std = corpus.standards.standards[0]!;
    const skillKeys = (docs: PolicyDocument[]) => new Map(skillPaths({ certificates: corpus.catalog.certificates, standards: corpus.standards.standards, skills: corpus.standards.rows, documents: docs }).map((p) => [`${p.params.id}/${p.params.anchor}`, p.cacheKey]));
    const a = skillKeys(corpus.documents);
    const b = skillKeys(withEdited(std.document));
    expect(a.size).toBe(612);
    expect([...a.keys()].every((k) => a.get(k) !== b.get(k))).toBe(true);
    const orgKeys = (docs: PolicyDocument[]) => new Map(organizationPaths({ organizations: corpus.catalog.organizations, certificates: corpus.catalog.certificates, documents: docs, anomalies: corpus.report.anomalies }).map((p) => [p.params.id, p.cacheKey]));
    const oa = orgKeys(corpus.documents);
    const ob = orgKeys(withEdited(std.document));
    const listing = corpus.catalog.organizations.filter((o) => o.listings.some((l) => l.document === std.document)).map((o) => o.id);
    const changed = [...oa.keys()].filter((k) => oa.get(k) !== ob.get(k)).sort();
    expect(changed).toEqual(listing.sort());
    expect(changed.length).toBeLessThan(oa.size);
  });
});
