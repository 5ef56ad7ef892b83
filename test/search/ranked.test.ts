/**
 * Huge result lists (engine.ts RANKED_MAX): of a Pagefind search returning more records than RANKED_MAX, only the best
 * by Pagefind's score are ranked and grouped; every record found is still counted in `total`.
 */
import { describe, expect, it } from 'vitest';
import { type PagefindLike, RANKED_MAX, type SearchDeps, search } from '../../src/lib/search/engine.ts';

/** `n` records holding 试点 (and every third also 院校), the record `i` scored n − i; listed best first or, `reversed`, worst first. */
function manyDeps(n: number, reversed = false, named?: number): { deps: SearchDeps; read: Set<string> } {
  const read = new Set<string>();
  const records = Array.from({ length: n }, (_, i) => ({ id: `r_${String(i).padStart(5, '0')}`, url: `/docs/d${i}/`, words: i % 3 === 0 ? ['试点', '院校'] : ['试点'], score: n - i }));
  const pf: PagefindLike = {
    search: async (term) => {
      const words = term.split(' ');
      const hits = records.filter((r) => words.every((w) => r.words.includes(w)));
      const list = hits.map((r) => ({
        id: r.id,
        score: r.score,
        data: async () => {
          read.add(r.id);
          return { url: r.url, content: r.words.join(' '), excerpt: r.words.join(' '), meta: { title: r.url } };
        },
      }));
      return { results: reversed ? list.reverse() : list };
    },
  };
  const deps: SearchDeps = {
    pagefind: async () => pf,
    // `named`: that record's page is named 试点 (the re-rank's names and keywords).
    data: async () => ({ pages: Object.fromEntries(records.map((r, i) => [r.id, i === named ? { url: r.url, names: ['试点'], keywords: ['试点'] } : { url: r.url }])), names: [], words: ['试点', '院校'] }),
    lookup: async () => ({ docs: [] }),
    codes: async () => [],
  };
  return { deps, read };
}

describe('huge result lists', () => {
  it('the best records by Pagefind score are the hits; every record found is counted', async () => {
    const n = RANKED_MAX + 700;
    const { deps, read } = manyDeps(n);
    const r = await search('试点', deps, { limit: 10 });
    expect(r.hits.map((h) => h.url)).toEqual(Array.from({ length: 10 }, (_, i) => `/docs/d${i}/`));
    expect(r.total).toBe(n);
    // Fragments are read for the hits only.
    expect(read.size).toBe(10);
  });

  it('a list not sorted by score is sorted before the best are taken', async () => {
    const n = RANKED_MAX + 50;
    const { deps } = manyDeps(n, true);
    const r = await search('试点', deps, { limit: 5 });
    expect(r.hits.map((h) => h.url)).toEqual(['/docs/d0/', '/docs/d1/', '/docs/d2/', '/docs/d3/', '/docs/d4/']);
    expect(r.total).toBe(n);
  });

  it('below RANKED_MAX nothing is left out: the last record is ranked too', async () => {
    const n = 30;
    const { deps } = manyDeps(n);
    const r = await search('试点', deps, { limit: 40 });
    expect(r.hits).toHaveLength(Math.min(n, 40));
    expect(r.hits.at(-1)!.url).toBe(`/docs/d${n - 1}/`);
    expect(r.total).toBe(n);
  });

  it('a record past RANKED_MAX is not ranked, whatever its page’s re-rank; within RANKED_MAX the re-rank lifts it first', async () => {
    const n = RANKED_MAX + 100;
    const past = await search('试点', manyDeps(n, false, n - 1).deps, { limit: 5 });
    expect(past.hits.map((h) => h.url)).not.toContain(`/docs/d${n - 1}/`);
    const within = await search('试点', manyDeps(n, false, RANKED_MAX - 1).deps, { limit: 5 });
    expect(within.hits[0]!.url).toBe(`/docs/d${RANKED_MAX - 1}/`);
  });
});
