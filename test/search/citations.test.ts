/**
 * A pasted citation opens its clause (issue 14): every clause of every document of the real corpus, cited with the
 * site's own citation functions (src/lib/citation.ts, what the 引用 menu copies: memo, GB/T 7714, Markdown) and as a
 * reader types a 文号 with a locator, searched through the engine (src/lib/search/engine.ts) with the lookup table
 * the index step writes (docEntries + lookup-data.ts); the clause's permalink must be the first hit.
 * Full text is a stub that finds nothing: these queries must be answered by the exact lookups alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docEntries } from '../../scripts/search/build-index.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lookupData, notHeldNumbers } from '../../scripts/search/lookup-data.ts';
import { type ClausePath, clauseHref, clauseLocator, gbt7714, markdownLink, memoCitation, versionNote, walkClauses } from '../../src/lib/citation.ts';
import { type PagefindResultLike, type SearchDeps, search } from '../../src/lib/search/engine.ts';
import { type LookupTable, parseCitation, parseVersionNote } from '../../src/lib/search/lookup.ts';
import { factsOf } from '../../src/lib/search/present.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import { ROOT, ingestText, realCorpus } from '../helpers/corpus.ts';

const corpus = realCorpus();
const documents: PolicyDocument[] = corpus.documents as PolicyDocument[];
// The table as the index step writes it to lookup.json (citation tables beside the entries), through JSON and back.
const table: LookupTable = JSON.parse(JSON.stringify(lookupData(docEntries(documents), documents, join(tmpdir(), 'no-generated-here'))));
let lookupLoads = 0;
const deps: SearchDeps = {
  pagefind: async () => ({ search: async () => ({ results: [] }) }),
  data: async () => ({ pages: {}, names: [] }),
  lookup: async () => (lookupLoads++, table),
  codes: async () => [],
};
const ORIGIN = 'https://1x.example.org';

/** The clauses a citation can name: not the enclosure itself (its citation is the document's). */
function citable(doc: PolicyDocument): ClausePath[] {
  return walkClauses(doc).filter((p) => p.clause.kind !== 'enclosure' && clauseLocator(p));
}

/**
 * Each citation text → the clause it must open. Two clauses printed with the same citation (the corpus numbers a few
 * twice) open the first in reading order; a 文号 + locator typed without the title cannot tell a 通知's 第1段 from its
 * enclosed 方案's 第1段 and opens the 通知's (the document's own) first.
 */
function expectations(forms: (doc: PolicyDocument, p: ClausePath) => string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const doc of documents) {
    for (const p of citable(doc)) {
      const own = !p.ancestors.some((a) => a.kind === 'enclosure');
      for (const text of forms(doc, p)) {
        const url = clauseHref(doc.id, p.clause.anchor);
        const prev = out.get(text);
        // The document's own clause wins over the enclosure's for a title-less form (see above); else the first.
        if (prev === undefined || (own && prev !== url && prev.includes('#e-') && !url.includes('#e-'))) out.set(text, url);
      }
    }
  }
  return out;
}

async function firstHits(cases: Map<string, string>): Promise<{ text: string; want: string; got: string | undefined }[]> {
  const misses: { text: string; want: string; got: string | undefined }[] = [];
  for (const [text, want] of cases) {
    const r = await search(text, deps, { limit: 5 });
    if (r.hits[0]?.url !== want) misses.push({ text, want, got: r.hits[0]?.url });
  }
  return misses;
}

describe('the corpus the citations come from', () => {
  it('has documents with clauses, enclosures, a law cited by title, and no 第X条 clause', () => {
    expect(documents.length).toBe(22);
    expect(documents.reduce((n, d) => n + citable(d).length, 0)).toBe(847);
    expect(documents.filter((d) => d.enclosedTitle).map((d) => d.id)).toEqual(['gf-2019-4', 'jzc-2019-6', 'rsbf-2019-34', 'gbf-2019-24']);
    // The two laws are excerpts without 文号 and without articles: a title-only citation is what reaches them.
    const laws = documents.filter((d) => /^《中华人民共和国.+法》节选$/u.test(d.title));
    expect(laws.map((d) => [d.id, d.docNumber, citable(d).length])).toEqual([
      ['1996-09-01-zhrmghgzyjyfjx', null, 1],
      ['2018-12-29-zhrmghgldfjx', null, 1],
    ]);
    expect(documents.flatMap((d) => walkClauses(d)).filter((p) => /^第.+条$/u.test(p.clause.label ?? ''))).toEqual([]);
  });
});

describe('pasted citations open their clause (every clause of all 22 documents)', () => {
  it('memo citation 《标题》（文号）locator, incl. 第N段 and tables, and the laws by title', async () => {
    const cases = expectations((doc, p) => [memoCitation(doc, p)]);
    expect(cases.size).toBe(843);
    expect([...cases.keys()].filter((t) => t.includes('第1段')).length).toBeGreaterThan(100);
    expect(await firstHits(cases)).toEqual([]);
  });

  it('Markdown link and GB/T 7714 reference (both carry the permalink)', async () => {
    const cases = new Map<string, string>();
    for (const doc of documents) {
      for (const p of citable(doc)) {
        const href = clauseHref(doc.id, p.clause.anchor);
        cases.set(markdownLink(memoCitation(doc, p), `${ORIGIN}${href}`), href);
        cases.set(gbt7714(doc, `${ORIGIN}${href}`, '2026-11-30'), href);
      }
    }
    expect(cases.size).toBe(847 * 2);
    expect(await firstHits(cases)).toEqual([]);
  });

  it('文号 plus locator as typed: 教职成〔2019〕6号 二、（五） / 第1段, with a space, without brackets', async () => {
    const cases = expectations((doc, p) => {
      if (!doc.docNumber) return [];
      const loc = clauseLocator(p);
      const n = doc.docNumber;
      return [`${n} ${loc}`, `${n}${loc}`, `${n.replace('〔', '[').replace('〕', ']').replace(/号$/u, '')} ${loc}`, `${n.replace(/〔(\d{4})〕/u, '$1年')} ${loc}`];
    });
    expect(cases.size).toBeGreaterThan(3000);
    expect(await firstHits(cases)).toEqual([]);
  });

  it('lookup.json keeps the citation tables beside the entries: 22 documents, 425 paragraph and table locators', () => {
    expect(table.docs.length).toBe(22);
    expect(table.docs.every((d) => d.paras === undefined)).toBe(true);
    expect(Object.values(table.paras ?? {}).reduce((n, p) => n + Object.keys(p).length, 0)).toBe(425);
    expect(Object.keys(table.enclosedTitles ?? {})).toEqual(['gf-2019-4', 'jzc-2019-6', 'rsbf-2019-34', 'gbf-2019-24']);
    expect(table.anchors).toEqual({ 'zjs-2019-67': ['a2-2-s7-1-2', 'a2-2-s7-2-2', 'a2-2-s7-3-2', 'a2-2-s7-4-2'] });
  });

  it('a title-only citation without 文号 for the two laws', async () => {
    const r = await search('《中华人民共和国职业教育法》节选第1段', deps);
    expect(r.hits.map((h) => h.url)).toEqual(['/docs/1996-09-01-zhrmghgzyjyfjx/#p1', '/docs/1996-09-01-zhrmghgzyjyfjx/']);
    expect(r.hits[0]!.kind).toBe('citation');
  });

  it('the exact answer stands alone (no full text for a resolved citation), and lookup.json is what was read', async () => {
    const before = lookupLoads;
    const r = await search('《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》（教职成〔2019〕6号）二、（五）第1段', deps);
    expect(r.hits.map((h) => h.url)).toEqual(['/docs/jzc-2019-6/#s2-5-p1', '/docs/jzc-2019-6/']);
    expect(lookupLoads).toBe(before + 1);
    await search('学分银行', deps);
    expect(lookupLoads).toBe(before + 1);
  });
});

describe('not-held 文号 through the engine', () => {
  // notHeld from the in-process ingest's references (lookup-data.ts notHeldNumbers), not from a build's content/generated.
  const withRefs: LookupTable = { ...table, notHeld: notHeldNumbers(documents, corpus.references) };
  const d: SearchDeps = { ...deps, lookup: async () => withRefs };
  it('教职所〔2018〕144号 in four typed forms: no loose matches, notHeld names it and its three citing documents', async () => {
    for (const q of ['教职所〔2018〕144号', '教职所[2018]144', '教职所2018年144号', '《关于招募职业技能培训组织的公告》（教职所〔2018〕144号）']) {
      const r = await search(q, d);
      expect(r.hits, q).toEqual([]);
      expect(r.notHeld?.number, q).toBe('教职所〔2018〕144号');
      expect(r.notHeld!.citedBy.map((c) => c.url.replace(/#.*$/u, ''))).toEqual(['/docs/zjs-2019-67/', '/docs/jzs-2019-89/', '/docs/jzs-2019-219/']);
    }
  });
  it('教职成〔2019〕7号: not held, cited by none; 教职成〔2019〕6号 is held (no notHeld)', async () => {
    expect((await search('教职成〔2019〕7号', d)).notHeld).toEqual({ number: '教职成〔2019〕7号', citedBy: [] });
    const held = await search('教职成〔2019〕6号', d);
    expect(held.notHeld).toBeUndefined();
    expect(held.hits[0]!.url).toBe('/docs/jzc-2019-6/');
  });
});


/**
 * Laws as works with versions (issue 16): the real 职业教育法 in two versions (1996 from /work/shared/fixtures, 2022 from
 * test/fixtures/laws) and the hand-written 示例法 (目 under a 项, articles of one 款 with 项), ingested together by the
 * pipeline, whose laws stage sets `law` (src/schema/laws.ts: work, version, 时效性).
 */
describe('law citations: versions and 款/项/目', () => {
  const ZYJYF = '中华人民共和国职业教育法';
  // The laws stage (scripts/ingest, merged from wt-ingest) dates each version and sets `law`: work, version, status.
  const versions = ingestText({
    'zhiyejiaoyufa-1996-05-15.md': readFileSync('/work/shared/fixtures/laws/zhiyejiaoyufa-1996-05-15.md', 'utf8'),
    'zhiyejiaoyufa-2022-04-20.md': readFileSync(join(ROOT, 'test/fixtures/laws/zhiyejiaoyufa-2022-04-20.md'), 'utf8'),
    'shilifa.md': readFileSync(join(ROOT, 'test/fixtures/laws/shilifa.md'), 'utf8'),
  }).documents as PolicyDocument[];
  const excerpt = documents.find((d) => d.id === '1996-09-01-zhrmghgzyjyfjx')!;
  const laws = [
    ...versions,
    // The corpus's own 节选 (a compilation's copy of the 1996 text, one paragraph), as the laws stage marks a 节选 of a
    // held version (here the stage sees no whole text, so its version is null: set to the 1996 text it copies).
    { ...excerpt, law: { ...excerpt.law!, version: '1996-05-15', status: '已被修订' as const, current: '2022-04-20-zhrmghgzyjyf' } },
  ];
  const lawTable: LookupTable = JSON.parse(JSON.stringify(lookupData(docEntries(laws), laws, join(tmpdir(), 'no-generated-here'))));
  const lawDeps: SearchDeps = { ...deps, lookup: async () => lawTable };
  const first = async (q: string) => (await search(q, lawDeps, { limit: 5 })).hits[0];

  it('the fixtures hold what the cases below name (so the cases are not vacuous)', () => {
    const anchors = (id: string) => walkClauses(laws.find((d) => d.id === id)!).map((p) => p.clause.anchor);
    expect(anchors('2022-04-20-zhrmghgzyjyf')).toEqual(expect.arrayContaining(['art14', 'art14-2', 'art34', 'art34-1-4', 'art34-2']));
    expect(anchors('2022-04-20-zhrmghgzyjyf')).not.toContain('art14-3');
    // 1996: 第十四条 of three 款, 第三十四条 of one 款 without 项.
    expect(anchors('1996-05-15-zhrmghgzyjyf').filter((a) => /^art(14|34)(-|$)/u.test(a))).toEqual(['art14', 'art14-2', 'art14-3', 'art34']);
    expect(anchors('2020-01-01-zhrmghgzyjnslf')).toEqual(expect.arrayContaining(['art1', 'art3-1-3-2', 'art4-1-2']));
  });

  it('a pasted citation opens the clause in the version in force', async () => {
    const cases: Record<string, string> = {
      '《中华人民共和国职业教育法》第三十四条第一款第（四）项': '/docs/2022-04-20-zhrmghgzyjyf/#art34-1-4',
      '《中华人民共和国职业教育法》第三十四条第二款': '/docs/2022-04-20-zhrmghgzyjyf/#art34-2',
      '《中华人民共和国职业教育法》第十四条': '/docs/2022-04-20-zhrmghgzyjyf/#art14',
      '《职业教育法》第十四条第二款': '/docs/2022-04-20-zhrmghgzyjyf/#art14-2',
      '《中华人民共和国职业教育法》第34条第1款第4项': '/docs/2022-04-20-zhrmghgzyjyf/#art34-1-4',
      // 第（四）项 without 第一款, of an article of two 款.
      '《中华人民共和国职业教育法》第三十四条第（四）项': '/docs/2022-04-20-zhrmghgzyjyf/#art34-1-4',
    };
    const got: Record<string, string | undefined> = {};
    for (const q of Object.keys(cases)) got[q] = (await first(q))?.url;
    expect(got).toEqual(cases);
    const r = await search('《中华人民共和国职业教育法》第十四条', lawDeps, { limit: 5 });
    // The other version follows, its clause first; the reason says which version each is.
    expect(r.hits.map((h) => h.url)).toEqual(['/docs/2022-04-20-zhrmghgzyjyf/#art14', '/docs/2022-04-20-zhrmghgzyjyf/', '/docs/1996-05-15-zhrmghgzyjyf/#art14', '/docs/1996-05-15-zhrmghgzyjyf/', '/docs/1996-09-01-zhrmghgzyjyfjx/']);
    expect(r.hits[0]!.reason).toContain('2022年4月20日版本 · 现行有效');
    expect(r.hits[2]!.reason).toContain('1996年5月15日版本 · 已被修订');
  });

  it('a date in the query opens that version, or the one in force then', async () => {
    const cases: Record<string, string> = {
      '《中华人民共和国职业教育法》（2022年修订）第三十四条第一款第（四）项': '/docs/2022-04-20-zhrmghgzyjyf/#art34-1-4',
      '1996年版《中华人民共和国职业教育法》第十四条': '/docs/1996-05-15-zhrmghgzyjyf/#art14',
      '《中华人民共和国职业教育法》（1996年版）第十四条第三款': '/docs/1996-05-15-zhrmghgzyjyf/#art14-3',
      '《职业教育法》（1996年5月15日通过）第三十四条': '/docs/1996-05-15-zhrmghgzyjyf/#art34',
      // One 款 in 1996: 第一款 is the article.
      '《中华人民共和国职业教育法》1996年版 第三十四条第一款': '/docs/1996-05-15-zhrmghgzyjyf/#art34',
      // 2010: the 1996 text was in force.
      '《中华人民共和国职业教育法》（2010年）第十四条第二款': '/docs/1996-05-15-zhrmghgzyjyf/#art14-2',
    };
    const got: Record<string, string | undefined> = {};
    for (const q of Object.keys(cases)) got[q] = (await first(q))?.url;
    expect(got).toEqual(cases);
    expect((await first('《中华人民共和国职业教育法》（2010年）第十四条第二款'))!.reason).toContain('所查 2010 时的版本');
    // A date inside the cited title is the title's, not a version note.
    expect(parseCitation('《国家职业教育改革实施方案（2019年版）》二、（五）')?.version).toBeUndefined();
    expect(parseVersionNote('《职业教育法》（2022年4月20日修订）第三条')?.note).toEqual({ year: 2022, month: 4, day: 20 });
  });

  it('a citation of the 节选 opens the 节选; a clause only another version holds opens there', async () => {
    const r = await search('《中华人民共和国职业教育法》节选第1段', lawDeps, { limit: 8 });
    expect(r.hits[0]!.url).toBe('/docs/1996-09-01-zhrmghgzyjyfjx/#p1');
    expect(r.hits[0]!.reason).toContain('（节选） · 已被修订');
    // 第四十条 of the 1996 text: the 2022 text has 69 articles, so it holds one too; 第七十条 is in neither.
    expect((await first('《中华人民共和国职业教育法》第四十条'))!.url).toBe('/docs/2022-04-20-zhrmghgzyjyf/#art40');
    expect((await first('《中华人民共和国职业教育法》第七十条'))!.url).toBe('/docs/2022-04-20-zhrmghgzyjyf/');
    // The 1996 text's 第十四条第三款: the 2022 text has no 第三款 there (its 第十四条 has two), so the 1996 clause opens.
    expect((await first('《中华人民共和国职业教育法》第十四条第三款'))!.url).toBe('/docs/1996-05-15-zhrmghgzyjyf/#art14-3');
  });

  it('款, 项 and 目 as readers write them: 第一款 of a one-款 article, 第四项, 第二目', async () => {
    const cases: Record<string, string> = {
      '《中华人民共和国职业技能示例法》第一条': '/docs/2020-01-01-zhrmghgzyjnslf/#art1',
      '《中华人民共和国职业技能示例法》第一条第一款': '/docs/2020-01-01-zhrmghgzyjnslf/#art1',
      '《中华人民共和国职业技能示例法》第四条第（二）项': '/docs/2020-01-01-zhrmghgzyjnslf/#art4-1-2',
      '《中华人民共和国职业技能示例法》第四条第一款第（二）项': '/docs/2020-01-01-zhrmghgzyjnslf/#art4-1-2',
      '《中华人民共和国职业技能示例法》第三条第一款第（三）项第2目': '/docs/2020-01-01-zhrmghgzyjnslf/#art3-1-3-2',
      '《中华人民共和国职业技能示例法》第三条第一款第（三）项第二目': '/docs/2020-01-01-zhrmghgzyjnslf/#art3-1-3-2',
      '《中华人民共和国职业技能示例法》第三条第一款第四项': '/docs/2020-01-01-zhrmghgzyjnslf/#art3-1-4',
      '《中华人民共和国职业技能示例法》第三条第二款': '/docs/2020-01-01-zhrmghgzyjnslf/#art3-2',
      '《中华人民共和国职业技能示例法》第五条第二款第（一）项': '/docs/2020-01-01-zhrmghgzyjnslf/#art5-2-1',
    };
    const got: Record<string, string | undefined> = {};
    for (const q of Object.keys(cases)) got[q] = (await first(q))?.url;
    expect(got).toEqual(cases);
  });

  it('every clause of every version, cited as the site cites it (memoCitation) with its version date, opens it', async () => {
    const cases = new Map<string, string>();
    for (const doc of laws) {
      for (const p of walkClauses(doc).filter((x) => clauseLocator(x))) {
        const [y, m, d] = doc.law!.version!.split('-').map(Number);
        const memo = memoCitation(doc, p);
        const note = versionNote(doc);
        // The site's own citation: a revised text's names its version (《…》（1996年）第八条); the one in force none
        // (every work here has one version 现行有效), so without a date it opens the version in force.
        cases.set(memo, clauseHref(doc.id, p.clause.anchor));
        cases.set(memo.replace(`》${note}`, `》（${y}年${m}月${d}日版）`), clauseHref(doc.id, p.clause.anchor));
      }
    }
    expect(cases.size).toBeGreaterThan(250);
    const misses: string[] = [];
    for (const [q, want] of cases) if ((await first(q))?.url !== want) misses.push(`${q} → ${(await first(q))?.url} (want ${want})`);
    expect(misses).toEqual([]);
  });

  it("a law's hit says its 时效性: 已被修订 for the 1996 version, from lookup.json and from the index's meta", async () => {
    const old = await first('1996年版《中华人民共和国职业教育法》第十四条');
    expect(old!.meta?.status).toBe('已被修订');
    expect(factsOf(old!)).toContain('已被修订');
    expect((await first('《中华人民共和国职业教育法》第十四条'))!.meta?.status).toBe('现行有效');
    // Full text: the status comes with the record's fragment (build-index.ts pageFacts writes meta.status).
    const record: PagefindResultLike = {
      id: 'unknown_abc',
      score: 1,
      data: async () => ({ url: '/docs/1996-05-15-zhrmghgzyjyf/#art14', content: '国家 根据', excerpt: '国家 根据', meta: { kind: '法律', status: '已被修订', title: '第十四条', page: ZYJYF } }),
    };
    const text = await search('职业教育体系', { ...lawDeps, pagefind: async () => ({ search: async () => ({ results: [record] }) }) }, { limit: 5 });
    expect(text.hits[0]!.meta).toEqual({ kind: '法律', status: '已被修订' });
    expect(factsOf(text.hits[0]!)).toContain('已被修订');
    // Not a law: no status.
    expect(factsOf({ meta: { kind: '通知', docNumber: '教职成〔2019〕6号' } })).not.toContain('现行有效');
  });
});
