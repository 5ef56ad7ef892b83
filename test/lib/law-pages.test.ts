/**
 * What the law pages are given (src/lib/laws/pages.ts): versions, pairs for the diff pages, a version's
 * context (the current text, its articles' successors, a 节选's whole text). The two real 职业教育法
 * texts, ingested on their own, with hand-made `law` as the laws stage writes it (src/schema/laws.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesPaths, lawContext, shownVersion, versionPairs, workPaths } from '../../src/lib/laws/pages.ts';
import { documentPaths } from '../../src/lib/page-props.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import type { LawVersionInfo, LawWork } from '../../src/schema/laws.ts';
import { ROOT, ingestText, paragraphDoc } from '../helpers/corpus.ts';

const WORK = 'zhrmghgzyjyf';
const NAME = '中华人民共和国职业教育法';

function version(path: string, id: string, law: Partial<LawVersionInfo>): PolicyDocument {
  const doc = ingestText({ [path.split('/').pop()!]: readFileSync(path, 'utf8') }).documents[0]!;
  return { ...doc, id, law: { work: WORK, name: NAME, version: null, excerpt: false, history: [], effective: null, status: '现行有效', statusNote: '', current: null, repealedBy: null, ...law } };
}

const v1996 = version('/work/shared/fixtures/laws/zhiyejiaoyufa-1996-05-15.md', '1996-05-15-zhrmghgzyjyf', {
  version: '1996-05-15', status: '已被修订', statusNote: '已被2022年4月20日修订的版本取代', current: '2022-04-20-zhrmghgzyjyf',
  history: [{ date: '1996-05-15', action: '通过', text: '1996年5月15日 第八届全国人民代表大会常务委员会第十九次会议通过', source: { file: 'a.md', line: 3 }, anchor: null }],
});
const v2022 = version(join(ROOT, 'test/fixtures/laws/zhiyejiaoyufa-2022-04-20.md'), '2022-04-20-zhrmghgzyjyf', {
  version: '2022-04-20', effective: '2022-05-01', statusNote: '自2022年5月1日起施行',
  history: [{ date: '2022-04-20', action: '修订', text: '2022年4月20日 第十三届全国人民代表大会常务委员会第三十四次会议修订', source: { file: 'b.md', line: 5 }, anchor: null }],
});
// A 节选 of 1996 holding its 第八条 (as a compilation copies it).
const art8 = v1996.clauses.flatMap((c) => c.children).find((c) => c.anchor === 'art8')!;
const excerpt: PolicyDocument = { ...paragraphDoc('x'), id: 'jx', title: '《中华人民共和国职业教育法》节选', clauses: [art8], law: { ...v1996.law!, excerpt: true } };
const work: LawWork = {
  id: WORK, name: NAME, current: v2022.id, status: '现行有效', asOf: '2026-11-30',
  versions: [
    { document: v1996.id, version: '1996-05-15', excerpt: false, status: '已被修订' },
    { document: 'jx', version: '1996-05-15', excerpt: true, status: '已被修订' },
    { document: v2022.id, version: '2022-04-20', excerpt: false, status: '现行有效' },
  ],
};
const documents = [v1996, excerpt, v2022];
const byId = new Map(documents.map((d) => [d.id, d]));
const works = new Map([[WORK, work]]);

describe('law pages', () => {
  it('pairs whole versions only, older first: one diff page for 职业教育法', () => {
    expect(versionPairs(work, byId).map((p) => p.href)).toEqual([`/docs/${WORK}/changes/1996-05-15_2022-04-20/`]);
    const [page] = changesPaths({ documents, works: [work] });
    expect(page!.params).toEqual({ work: WORK, pair: '1996-05-15_2022-04-20' });
    expect(page!.props.diff.counts).toEqual({ unchanged: 1, renumbered: 0, changed: 26, added: 42, removed: 13 });
  });

  it('gives the superseded 1996 text the current one and its articles’ successors (27 of 40)', () => {
    const ctx = lawContext(v1996, works, byId)!;
    expect(ctx.current).toMatchObject({ id: v2022.id, version: '2022-04-20', excerpt: false });
    expect(ctx.successors.art8).toEqual({ anchor: 'art11', label: '第十一条' });
    expect(ctx.successors.art9).toBeUndefined();
    expect(Object.keys(ctx.successors)).toHaveLength(27);
    expect(ctx.versions.map((v) => [v.version, v.action, v.excerpt, v.status])).toEqual([
      ['1996-05-15', '通过', false, '已被修订'],
      ['1996-05-15', '通过', true, '已被修订'],
      ['2022-04-20', '修订', false, '现行有效'],
    ]);
    expect(ctx.pairs).toHaveLength(1);
  });

  it('gives the text in force no current and no successors; a 节选 its whole text and the articles held there', () => {
    const now = lawContext(v2022, works, byId)!;
    expect([now.current, now.successors]).toEqual([null, {}]);
    const ex = lawContext(excerpt, works, byId)!;
    expect(ex.whole).toEqual({ id: v1996.id, title: NAME, anchors: ['art8', 'art8-2'], quoted: [] });
    expect(ex.pairs).toEqual([]);
  });

  it('gives a document that is no law no context, and the work page the current text and the pair’s counts', () => {
    expect(lawContext(paragraphDoc('通知'), works, byId)).toBeNull();
    const [page] = workPaths({ documents, works: [work] });
    expect(page!.params.work).toBe(WORK);
    expect(page!.props.current!.id).toBe(v2022.id);
    expect(page!.props.pairs[0]!.counts.added).toBe(42);
    // documentPaths passes the context to the version pages, and it keys their cache.
    const paths = documentPaths({ documents, references: [], statuses: [], keywords: [], works: [work] });
    expect(paths.find((p) => p.params.id === v1996.id)!.props.law!.current!.id).toBe(v2022.id);
    const without = documentPaths({ documents, references: [], statuses: [], keywords: [] });
    expect(without.every((p) => p.props.law === null)).toBe(true);
    expect(without[0]!.cacheKey).not.toBe(paths[0]!.cacheKey);
  });
});

describe('a repealed 办法 (blind fixtures, test/fixtures/laws/versions)', () => {
  it('names the clause that repeals it, with its document’s title', () => {
    const V = join(ROOT, 'test', 'fixtures', 'laws', 'versions');
    const r = ingestText(Object.fromEntries(['banfa-2018.md', 'banfa-2022.md'].map((f) => [f, readFileSync(join(V, f), 'utf8')])));
    const old = r.documents.find((d) => d.law?.status === '已废止')!;
    const ctx = lawContext(old, new Map(r.works.map((w) => [w.id, w])), new Map(r.documents.map((d) => [d.id, d])))!;
    expect(ctx.repealer).toEqual({ href: `/docs/${old.law!.repealedBy!.document}/#art7`, title: '职业技能评价示例监督管理办法' });
    expect([ctx.current, ctx.successors, ctx.pairs]).toEqual([null, {}, []]);
    // No version of the repealed 办法 is in force: its work page shows the newest it holds, the repealed text.
    const work = r.works.find((w) => w.id === old.law!.work)!;
    expect(work.current).toBeNull();
    expect(shownVersion(work, new Map(r.documents.map((d) => [d.id, d])))!.id).toBe(old.id);
  });
});

describe('a 节选 citing the article it copies (blind fixtures: the 摘编 of 2020 quoting v1 第十三条)', () => {
  it('links the whole 2019 text at 第十三条, and its successor in the 2023 text in force', () => {
    const V = join(ROOT, 'test', 'fixtures', 'laws', 'versions');
    const r = ingestText(Object.fromEntries(['pingjiafa-2019.md', 'pingjiafa-2023.md', 'jiexuan-notice.txt'].map((f) => [f, readFileSync(join(V, f), 'utf8')])));
    const excerpt = r.documents.find((d) => d.law?.excerpt)!;
    const ctx = lawContext(excerpt, new Map(r.works.map((w) => [w.id, w])), new Map(r.documents.map((d) => [d.id, d])), r.references)!;
    expect(ctx.whole!.id).toBe(r.documents.find((d) => d.law?.version === '2019-03-01' && !d.law.excerpt)!.id);
    expect(ctx.whole!.quoted).toEqual([{ anchor: 'art13', label: '第十三条', successor: { anchor: 'art13', label: '第十三条' } }]);
    // Without its references the 节选 still links the whole text, citing no article.
    expect(lawContext(excerpt, new Map(r.works.map((w) => [w.id, w])), new Map(r.documents.map((d) => [d.id, d])))!.whole!.quoted).toEqual([]);
  });
});
