/**
 * How the index step scales (issue 7): skill rows are sub-results of their certificate page, not
 * pages of their own, and past SHARD_BYTES of prepared pages the index is written in shards that the
 * search merges. Checked on the real site, and on a copy of it indexed with a tiny shard size.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, certificateRecords, SHARDS_DIR, sitePages } from '../../scripts/search/build-index.ts';
import { type SystemScore, expectedFor, readJudged, score, summarise } from '../../scripts/search/evaluate.ts';
import { nodeDeps } from '../../scripts/search/node-pagefind.ts';
import { rowPage, search } from '../../src/lib/search/engine.ts';
import { WORD_SEPARATOR, squeezeHanSpaces } from '../../src/lib/search/normalize.ts';
import { codeBucket } from '../../src/lib/search/lookup.ts';
import type { SearchData } from '../../src/lib/search/engine.ts';
import { DIST, ROOT, ensureSite } from '../helpers/site.ts';
import { parseHTML } from 'linkedom';

const tmp = mkdtempSync(join(tmpdir(), 'search-scale-'));

/**
 * The judged queries scored on our engine over a built site, as scripts/search/evaluate.ts scores it
 * (without its plain-Pagefind comparison, which builds another index and is checked in site.test.ts).
 */
async function ours(dist: string): Promise<SystemScore> {
  const deps = nodeDeps(dist);
  const scores = [];
  for (const j of readJudged(join(ROOT, 'test', 'search', 'judged.json'))) {
    const res = await search(j.q, deps, { limit: 10 });
    scores.push(score(j, expectedFor(j, dist), res.hits.map((h) => h.url)));
  }
  return summarise(scores);
}
beforeAll(() => {
  ensureSite();
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('skill rows as records of the certificate page', () => {
  it('a certificate page gives one record per row of its matrix, at the row’s anchor, labelled by its printed code', () => {
    const page = sitePages(DIST).find((p) => p.url === '/certificates/web-qdkf/')!;
    const html = readFileSync(page.file, 'utf8');
    const rowsShown = parseHTML(html).document.querySelectorAll('.skill-matrix li.skill-node[id]').length;
    const records = certificateRecords(html, page, { type: 'certificate', filters: {}, meta: {}, names: [] });
    expect(rowsShown).toBeGreaterThan(100);
    expect(records).toHaveLength(rowsShown + 1);
    expect(records[0]!.url).toBe('/certificates/web-qdkf/');
    // The page's own record holds no matrix.
    expect(parseHTML(records[0]!.content).document.querySelector('.skill-matrix')).toBeNull();
    const s5 = records.find((r) => r.url === '/certificates/web-qdkf/#2-3-4-S5')!;
    const meta = (name: string, content: string) => parseHTML(content).document.querySelector(`[data-pagefind-meta="${name}"]`)?.textContent;
    expect(meta('label', s5.content)).toBe('2-3-4-S5');
    expect(meta('kind', s5.content)).toBe('技能要求');
    // Segmented for the indexer (U+2009 between words), shown without the separators.
    const text = parseHTML(s5.content).document.querySelector('main')!.textContent;
    expect(text).toContain(WORD_SEPARATOR);
    expect(squeezeHanSpaces(text.trim())).toMatch(/^中级技能要求2-3-4-S5能根据HTTP协议方法/u);
    // A position code is not printed text: neither in the row's text nor its label.
    const wlgl = sitePages(DIST).find((p) => p.url === '/certificates/wlgl/')!;
    const pos = certificateRecords(readFileSync(wlgl.file, 'utf8'), wlgl, { type: 'certificate', filters: {}, meta: {}, names: [] }).find((r) => r.url.endsWith('#l1-f2-w2-s1'))!;
    expect(squeezeHanSpaces(parseHTML(pos.content).document.querySelector('main')!.textContent)).toContain('货物堆码技术');
    expect(pos.content).not.toContain('l1-f2-w2-s1');
    // an uncoded row (物流管理) is labelled by its printed item number, as the page prints it
    expect(meta('label', pos.content)).toBe('1.');
  });

  it('skill pages are not indexed one by one; a row found in full text leads to its own page', async () => {
    const data = JSON.parse(readFileSync(join(DIST, 'search', 'data.json'), 'utf8')) as SearchData;
    expect(Object.values(data.pages).some((p) => p.url.includes('/skills/'))).toBe(false);
    const res = await search('货物堆码技术', nodeDeps(DIST), { limit: 10 });
    const skillHits = res.hits.filter((h) => /^\/certificates\/wlgl\/skills\/l\d-f\d-w\d-[sk]\d+\/$/u.test(h.url));
    expect(skillHits.length).toBeGreaterThan(0);
    expect(skillHits[0]!.title).toContain('货物堆码技术');
  });

  it('rowPage maps only a certificate page’s own anchors', () => {
    expect(rowPage('/certificates/web-qdkf/', '/certificates/web-qdkf/#2-3-4-S5')).toBe('/certificates/web-qdkf/skills/2-3-4-S5/');
    expect(rowPage('/docs/jzc-2019-6/', '/docs/jzc-2019-6/#s2-5')).toBeNull();
    expect(rowPage('/certificates/web-qdkf/', '/certificates/wlgl/#l1-f2')).toBeNull();
    expect(rowPage('/certificates/web-qdkf/', '/certificates/web-qdkf/')).toBeNull();
  });
});

/** Shard size that splits the built site's indexed pages (skill pages are not: build-index.ts) into three shards, with room for a page to grow (the site is built by then). */
const threeShards = () => Math.ceil(sitePages(DIST).filter((p) => p.type !== 'skill').reduce((sum, p) => sum + statSync(p.file).size, 0) / 2.5);

describe('an index in shards', () => {
  let site = '';
  let shards = 0;
  /** URL → the shard its fragment is in. */
  const shardOf = new Map<string, number>();
  beforeAll(async () => {
    site = join(tmp, 'site');
    cpSync(DIST, site, { recursive: true });
    // Three shards whatever the pages weigh (their HTML grew with the page tools of issue 15: 1 MB shards had
    // become five, and the judged scores below are about merging shards, not about how small they are);
    // its 266 codes in files of 50 make six.
    const r = await buildIndex(site, join(ROOT, 'content', 'generated'), { shardBytes: threeShards(), codesPerBucket: 50 });
    shards = r.shards;
    const data = JSON.parse(readFileSync(join(site, 'search', 'data.json'), 'utf8')) as SearchData;
    const dirs = [join(site, 'pagefind'), ...(data.shards ?? []).map((s) => join(site, `.${s}`))];
    dirs.forEach((d, k) => {
      for (const f of readdirSync(join(d, 'fragment'))) {
        const raw = gunzipSync(readFileSync(join(d, 'fragment', f))).toString('utf8');
        const url = (JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string }).url;
        expect(shardOf.has(url), url).toBe(false);
        shardOf.set(url, k);
      }
    });
  }, 300_000);

  it('writes each page into exactly one shard and lists the further shards in data.json', () => {
    expect(shards).toBeGreaterThanOrEqual(3);
    const data = JSON.parse(readFileSync(join(site, 'search', 'data.json'), 'utf8')) as SearchData;
    expect(data.shards).toHaveLength(shards - 1);
    expect(data.shards!.every((s) => s.startsWith(`/${SHARDS_DIR}/`) && existsSync(join(site, `.${s}`, 'pagefind-entry.json')))).toBe(true);
    const indexed = sitePages(site).filter((p) => p.type !== 'skill');
    // A document's clause records (its URL with the clause's anchor) are in its page's shard.
    const pages = new Set([...shardOf.keys()].filter((u) => !u.includes('#')));
    expect(pages).toEqual(new Set(indexed.map((p) => p.url)));
    for (const [u, k] of shardOf) if (u.includes('#')) expect(shardOf.get(u.replace(/#.*$/u, '')), u).toBe(k);
    expect(new Set(shardOf.values()).size).toBe(shards);
  });

  it('searches all shards as one index', async () => {
    const pf = await nodeDeps(site).pagefind();
    const found = (await pf.search('证书'))!.results;
    const urls = await Promise.all(found.map(async (r) => (await r.data()).url));
    const from = new Set(urls.map((u) => shardOf.get(u)));
    console.log(`shards: ${shards}; “证书” found in ${urls.length} pages from ${from.size} shards`);
    expect(from.size).toBe(shards);
    expect(from.has(undefined)).toBe(false);
  });

  it('a code query fetches the one code file holding its code', async () => {
    const deps = nodeDeps(site);
    const fetched: number[] = [];
    const res = await search('2-3-4-S5', { ...deps, codes: (b) => (fetched.push(b), deps.codes(b)) }, { limit: 5 });
    expect(res.hits[0]!.url).toBe('/certificates/web-qdkf/skills/2-3-4-S5/');
    expect(fetched).toEqual([codeBucket('2-3-4-S5', 6)]);
    expect(readdirSync(join(site, 'search', 'codes')).sort()).toEqual(['0.json', '1.json', '2.json', '3.json', '4.json', '5.json']);
    const lookup = JSON.parse(readFileSync(join(site, 'search', 'lookup.json'), 'utf8')) as Record<string, unknown>;
    // lookup.json holds the 文号 and citation tables only: the codes live in their buckets
    expect(Object.keys(lookup).sort()).toEqual(['anchors', 'docs', 'enclosedTitles', 'notHeld', 'paras']);
  });

  it('the judged queries score as on the single index', async () => {
    const one = await ours(DIST);
    const many = await ours(site);
    console.log(`shards: ${shards}; recall@5 ${many.recall5.toFixed(3)} (one index ${one.recall5.toFixed(3)}), MRR ${many.mrr.toFixed(3)} (one index ${one.mrr.toFixed(3)})`);
    expect(many.queries.length).toBeGreaterThan(50);
    expect(many.recall5).toBeGreaterThanOrEqual(one.recall5 - 0.05);
    expect(many.mrr).toBeGreaterThanOrEqual(one.mrr - 0.05);
  }, 300_000);

  it('copies unchanged shards from the cache and indexes again only the shard of a changed page', async () => {
    // A second copy of the site beside the first shares its cache (<dist>/../.cache/search); a fresh folder, so the
    // Node loader does not reuse the Pagefind module it loaded for the first.
    const options = { shardBytes: threeShards(), codesPerBucket: 50 };
    const site2 = join(tmp, 'site2');
    cpSync(site, site2, { recursive: true });
    const again = await buildIndex(site2, join(ROOT, 'content', 'generated'), options);
    expect(again.reusedShards).toBe(shards);
    expect(readFileSync(join(site2, 'search', 'data.json')).equals(readFileSync(join(site, 'search', 'data.json')))).toBe(true);
    const file = join(site2, 'docs', 'jzc-2019-6', 'index.html');
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('严格职业技能等级考核与证书发放');
    writeFileSync(file, html.replaceAll('严格职业技能等级考核与证书发放', '严格职业技能等级考核与证书发放 zzshardprobe'));
    const changed = await buildIndex(site2, join(ROOT, 'content', 'generated'), options);
    expect(changed.reusedShards).toBe(shards - 1);
    const res = await search('zzshardprobe', nodeDeps(site2), { limit: 5 });
    expect(res.hits.map((h) => h.url.replace(/#.*$/u, ''))).toContain('/docs/jzc-2019-6/');
  }, 300_000);
});
