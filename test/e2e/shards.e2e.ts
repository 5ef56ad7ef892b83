/**
 * The search page over an index in shards (scripts/search/build-index.ts SHARD_BYTES), in Chromium: a copy
 * of the built site indexed with 1 MB shards (3 for the real site), served, searched. The page must fetch
 * every shard, merge them into one result list, and report no CSP violation and no error.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../scripts/search/build-index.ts';
import { ROOT } from '../helpers/site.ts';
import { servedSite } from './served-site.ts';

const site = servedSite({
  // Indexed again with 1 MB shards before it is served.
  prepare: async (dir) => {
    shards = (await buildIndex(dir, join(ROOT, 'content', 'generated'), { shardBytes: 1024 * 1024, cacheDir: null })).shards;
  },
  timeout: 300_000,
});
let shards = 0;

describe('search over an index in shards, in Chromium', () => {
  it('fetches every shard and shows results from more than one', async () => {
    expect(shards).toBeGreaterThanOrEqual(3);
    const page = await site.session.browser.newPage();
    await page.goto(`${site.origin}/search/`);
    await page.fill('#search-q', '试点 培训');
    await page.press('#search-q', 'Enter');
    await page.waitForSelector('.search-hit', { timeout: 30_000 });
    const entries = site.server.requests.filter((r) => /^\/pagefind(-shards\/\d+)?\/pagefind-entry\.json/u.test(r));
    expect(new Set(entries).size).toBe(shards);
    // Result pages come from the shards' fragments: chunks and fragments were fetched from more than one shard.
    const fragmentsFrom = new Set(site.server.requests.filter((r) => r.includes('/fragment/')).map((r) => r.split('/fragment/')[0]));
    expect(fragmentsFrom.size).toBeGreaterThan(1);
    expect(await page.locator('.search-hit').count()).toBeGreaterThan(3);
    expect(site.session.violations).toEqual([]);
    expect(site.session.errors).toEqual([]);
    await page.close();
  });
});
