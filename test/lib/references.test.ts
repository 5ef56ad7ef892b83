/** The reference graph helpers over the real corpus's references. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reference } from '../../src/schema/references.ts';
import {
  citationId,
  citedBy,
  forwarding,
  idFromDocNumber,
  mostCited,
  referencesOut,
  referenceStats,
  refHref,
  unresolvedGroups,
} from '../../src/lib/references.ts';
import { realCorpus } from '../helpers/corpus.ts';

let refs: Reference[] = [];
beforeAll(() => {
  refs = realCorpus().references;
});

describe('figures', () => {
  it('counts found = resolved + unresolved, by kind too', () => {
    const s = referenceStats(refs);
    expect(s.found).toBe(refs.length);
    expect(s.resolved + s.unresolved).toBe(s.found);
    expect(s.unresolved).toBe(refs.filter((r) => r.target === null).length);
    expect(Object.values(s.byKind).reduce((n, k) => n + k.found, 0)).toBe(s.found);
    expect(s.byKind.attachment.unresolved).toBe(0);
  });

  it('ranks the 试点方案 jzc-2019-6 first, cited by at least five other documents', () => {
    const ranked = mostCited(refs);
    expect(ranked[0]!.target).toBe('jzc-2019-6');
    const citing = new Set(refs.filter((r) => r.target === 'jzc-2019-6' && r.from !== 'jzc-2019-6').map((r) => r.from));
    expect(ranked[0]!.documents.length).toBe(citing.size);
    expect(citing.size).toBeGreaterThanOrEqual(5);
    for (let k = 1; k < ranked.length; k++) expect(ranked[k]!.documents.length).toBeLessThanOrEqual(ranked[k - 1]!.documents.length);
  });
});

describe('cited by, references out, forwarding', () => {
  it('lists each citing document once, never the document itself', () => {
    const by = citedBy(refs, 'jzc-2019-6');
    expect(by.map((c) => c.from)).toContain('jzcsh-2019-36');
    expect(new Set(by.map((c) => c.from)).size).toBe(by.length);
    expect(by.every((c) => c.from !== 'jzc-2019-6')).toBe(true);
    expect(by.reduce((n, c) => n + c.refs.length, 0)).toBe(refs.filter((r) => r.target === 'jzc-2019-6' && r.from !== 'jzc-2019-6').length);
  });

  it('groups a document’s references by cited document and leaves out its own 附件', () => {
    const out = referencesOut(refs, 'jzcsh-2019-36');
    expect(out.map((g) => g.target)).toEqual(['jzc-2019-6']);
    expect(out[0]!.refs).toHaveLength(2);
  });

  it('knows 002 forwards the batch-1 notice, on both sides', () => {
    expect(forwarding(refs, '2019-04-23-scsjytzfjybzcsgyzhsp')).toEqual({ forwards: ['jzcsh-2019-36'], forwardedBy: [] });
    expect(forwarding(refs, 'jzcsh-2019-36')).toEqual({ forwards: [], forwardedBy: ['2019-04-23-scsjytzfjybzcsgyzhsp'] });
  });

  it('links resolved references to documents or clauses, internal ones to #anchor, unresolved ones to their entry', () => {
    const byId = (id: string) => refs.find((r) => r.id === id)!;
    expect(refHref(byId('jzcsh-2019-36/r1'))).toBe('/docs/jzc-2019-6/');
    expect(refHref(byId('jzcsh-2019-36/r2'))).toBe('#a2');
    const third = refs.find((r) => r.docNumber === '教职所〔2020〕21号')!;
    expect(refHref(third)).toBe(`/references/unresolved/#${citationId(third)}`);
    expect(citationId(third)).toMatch(/^c-[A-Za-z0-9-]+$/u);
  });
});

describe('unresolved groups', () => {
  it('groups by 文号: the 招募 notice 教职所〔2018〕144号, printed three ways, cited by three documents', () => {
    const groups = unresolvedGroups(refs);
    const g = groups.find((x) => x.docNumber === '教职所〔2018〕144号')!;
    expect(g.id).toBe('jzs-2018-144');
    expect(g.documents.sort()).toEqual(['jzs-2019-219', 'jzs-2019-89', 'zjs-2019-67']);
    expect(g.printed.length).toBeGreaterThan(1);
    expect(groups[0]).toBe(g);
    expect(groups.reduce((n, x) => n + x.refs.length, 0)).toBe(refs.filter((r) => r.target === null).length);
    expect(new Set(groups.map((x) => x.id)).size).toBe(groups.length);
  });

  it('a bare title joins the group of the 文号 it is printed with elsewhere', () => {
    const mk = (id: string, title: string, docNumber: string | null): Reference => ({
      id, from: id.split('/')[0]!, anchor: 'p1', source: { file: 'x.txt', line: 1 }, field: 'text', offset: 0, kind: 'title',
      printed: `《${title}》`, title, docNumber, target: null, targetAnchor: null, relation: '引用',
    });
    const groups = unresolvedGroups([mk('a/r1', '关于 某事 的通知', '某发〔2020〕1号'), mk('b/r1', '关于某事的通知', null), mk('c/r1', '另一个办法', null)]);
    expect(groups.map((g) => [g.docNumber, g.refs.length])).toEqual([
      ['某发〔2020〕1号', 2],
      [null, 1],
    ]);
    expect(groups[1]!.id).toMatch(/^t-[0-9a-f]{8}$/u);
  });

  it('gives a 文号 the id its document would get', () => {
    expect(idFromDocNumber('教职所〔2020〕21号')).toBe('jzs-2020-21');
    expect(idFromDocNumber('项目办函〔2022〕8号')).toBe('xmbh-2022-8');
    expect(idFromDocNumber('not a number')).toBeNull();
  });
});
