/**
 * The engine's answers to the judged query set, for the tests that check a way of reading the index (fragment packs,
 * index packs) gives the answers reading the files gives: packs.test.ts, index-packs.test.ts.
 */
import { expect } from 'vitest';
import { readJudged } from '../../scripts/search/evaluate.ts';
import { type SearchDeps, type SearchResponse, search } from '../../src/lib/search/engine.ts';

/** The engine's answers to the judged queries through `deps`, in order (`loadSubs`, a function, left out). */
export async function judgedAnswers(deps: SearchDeps): Promise<SearchResponse[]> {
  const out: SearchResponse[] = [];
  for (const j of readJudged()) out.push({ ...(await search(j.q, deps, { limit: 10 })), loadSubs: undefined });
  return out;
}

/** A fetch request's URL. */
export const requestUrl = (input: RequestInfo | URL): string => String(input instanceof Request ? input.url : input);

/**
 * A fetch that refuses the requests `refused` picks (recording their URLs in `read`) and passes the others to `real`:
 * what a way of reading the index must never ask the network for.
 */
export function refusing(real: typeof fetch, refused: (url: string) => boolean, read: string[]): typeof fetch {
  return ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = requestUrl(input);
    if (!refused(url)) return real(input, init);
    read.push(url);
    return Promise.reject(new Error(`read from its file: ${url}`));
  }) as typeof fetch;
}

/**
 * The judged queries answered through `deps` while globalThis.fetch is `fetch` (restored after) are, query by query,
 * the `expected` ones; and the comparison is not vacuous: the expected answers hold more than 500 full-text hits.
 */
export async function expectSameAnswers(expected: SearchResponse[], deps: SearchDeps, fetch: typeof globalThis.fetch): Promise<void> {
  const real = globalThis.fetch;
  globalThis.fetch = fetch;
  try {
    const queries = readJudged().map((j) => j.q);
    const got = await judgedAnswers(deps);
    for (const [i, q] of queries.entries()) expect(got[i], q).toEqual(expected[i]);
  } finally {
    globalThis.fetch = real;
  }
  expect(expected.reduce((a, r) => a + r.hits.filter((h) => h.kind === 'text').length, 0)).toBeGreaterThan(500);
}
