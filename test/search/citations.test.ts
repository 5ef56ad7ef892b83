/**
 * A pasted citation opens its clause (issue 14): every clause of every document of the real corpus, cited with the
 * site's own citation functions (src/lib/citation.ts, what the 引用 menu copies: memo, GB/T 7714, Markdown) and as a
 * reader types a 文号 with a locator, searched through the engine (src/lib/search/engine.ts) with the lookup table
 * the index step writes (docEntries + lookup-data.ts); the clause's permalink must be the first hit.
 * Full text is a stub that finds nothing: these queries must be answered by the exact lookups alone.
 */
import { describe, expect, it } from 'vitest';
import { docEntries } from '../../scripts/search/build-index.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lookupData, notHeldNumbers } from '../../scripts/search/lookup-data.ts';
import { type ClausePath, clauseHref, clauseLocator, gbt7714, markdownLink, memoCitation, walkClauses } from '../../src/lib/citation.ts';
import { type SearchDeps, search } from '../../src/lib/search/engine.ts';
import type { LookupTable } from '../../src/lib/search/lookup.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import { realCorpus } from '../helpers/corpus.ts';

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

