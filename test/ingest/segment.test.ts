import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { buildDictionary, cut, extractKeywords, jiebaLoads } from '../../scripts/ingest/segment.ts';
import { ROOT, realCorpus } from '../helpers/corpus.ts';
const { documents, catalog, standards } = realCorpus();
const dict = buildDictionary({ documents, certificates: catalog.certificates, organizations: catalog.organizations, standards: standards.standards });
const keywords = extractKeywords(documents, dict);
const of = (id: string) => keywords.find((k) => k.id === id)!;

describe('segment', () => {
  it('loads nothing when imported: the native module and its dictionaries wait for the segment stage', () => {
    // A fresh process (test workers may share modules): import the stage, look for a loaded native module.
    const script = `const m = await import('./scripts/ingest/segment.ts');
      const native = Object.keys((await import('node:module')).createRequire(import.meta.url).cache).filter((k) => k.endsWith('.node'));
      console.log(JSON.stringify({ loads: m.jiebaLoads(), native }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ loads: 0, native: [] });
  });
  it('does not load the dictionaries again for the same corpus', () => {
    expect(jiebaLoads()).toBeGreaterThanOrEqual(1); // the segment stage of realCorpus()
    const before = jiebaLoads();
    extractKeywords(documents, dict);
    expect(jiebaLoads()).toBe(before);
  });
  it('builds the domain dictionary from the corpus', () => {
    expect(dict.terms).toEqual(expect.arrayContaining(['培训评价组织', '失智老年人照护职业技能等级证书', '教职成司函', '学分银行']));
    expect(dict.counts.certificates).toBeGreaterThanOrEqual(93);
  });
  it('keeps domain terms whole', () => {
    expect(cut('职业教育培训评价组织负责书证融通')).toEqual(['职业教育培训评价组织', '负责', '书证融通']);
    expect(cut('Web前端开发职业技能等级证书')).toContain('Web前端开发职业技能等级证书');
  });
  it('gives every document keywords, and related documents that share at least two', () => {
    expect(keywords).toHaveLength(documents.length);
    expect(of('jzc-2019-6').keywords.length).toBeGreaterThanOrEqual(8);
    for (const k of keywords) for (const r of k.related) expect(r.shared.length).toBeGreaterThanOrEqual(2);
  });
  it('relates the batch notices to each other', () => {
    const first = of('jzcsh-2019-36').related.map((r) => r.document);
    expect(first).toContain('jzcsh-2019-89');
  });
  it('is deterministic', () => {
    expect(JSON.stringify(extractKeywords(documents, dict))).toBe(JSON.stringify(keywords));
  });
});
