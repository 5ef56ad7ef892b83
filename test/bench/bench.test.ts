/**
 * `npm run bench` from this checkout, at 1× and 2× (the 10× and 50× runs take minutes and are run by
 * hand; their figures are in README): it prints the table, writes bench.json, and the figures in it
 * are the ones of the real corpus — 22 documents at 1×, twice as many at 2× (the synthetic copy adds
 * distinct documents), the ingest cache hit for unchanged sources, pages copied by the incremental build.
 * Its 1× build is published for the site tests, which then build no site of their own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageWeight, SizeResult } from '../../scripts/bench/run.ts';
import { ROOT, benchPublishEnd, benchPublishStart } from '../helpers/site.ts';

const work = mkdtempSync(join(tmpdir(), 'bench-test-'));
let printed = '';
let json: { sizes: SizeResult[]; pageWeight: PageWeight };

beforeAll(() => {
  // Its 1× build (the real corpus) is also the project build the site tests read (helpers/site.ts ensureSite).
  const publish = benchPublishStart();
  try {
    printed = execFileSync('npm', ['run', '-s', 'bench', '--', '--sizes', '1,2', '--work', work, '--publish', publish], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } finally {
    benchPublishEnd(publish);
  }
  json = JSON.parse(readFileSync(join(work, 'bench.json'), 'utf8')) as typeof json;
}, 900_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('prints one table per part and the goals', () => {
    for (const heading of ['Whole build by corpus size', 'Ingest stages', 'Incremental ingest', 'Rebuild after one source changed', 'Page weight at 1×', 'Goals:']) expect(printed).toContain(heading);
    expect(printed).toMatch(/^1×\s+5\s+22\s+818\s/mu);
    expect(printed).toMatch(/^2×\s+10\s+44\s/mu);
  });

  it('measures every step at every size, from the real corpus and its synthetic copy', () => {
    const [one, two] = json.sizes;
    expect([one!.size, two!.size]).toEqual([1, 2]);
    expect([one!.sources, two!.sources]).toEqual([5, 10]);
    expect([one!.documents, two!.documents]).toEqual([22, 44]);
    // 814 since issue 12 (correction 3): 廊坊市中科建筑产业化创新研究中心 is an organisation of its own, with its page;
    // 816 since issue 15's /memo/ (引用清单) and /offline/ pages; 818 since issue 16's work pages /docs/<work>/ of the two laws the 节选 quote.
    expect(one!.pages).toBe(818);
    // A synthetic copy adds its 22 documents, the two certificates with a standard (their names are tagged),
    // their 612 skill pages and the work pages of its two tagged law names (中华人民共和国甲子职业教育法 …,
    // scripts/bench/synth.ts); organisations and list pages are the same.
    expect(two!.pages - one!.pages).toBe(22 + 2 + 612 + 2);
    for (const r of json.sizes) {
      for (const step of [r.ingest, r.astro, r.pagefind]) {
        expect(step.ms).toBeGreaterThan(0);
        expect(step.peakRss).toBeGreaterThan(50 * 1024 * 1024);
      }
      expect(r.indexBytes).toBeGreaterThan(100 * 1024);
      expect(r.total.ratio).not.toBeNull();
    }
    expect(one!.total.ratio).toBe(1);
    expect(one!.stages['references']).toBeGreaterThan(0);
  });

  it('re-parses only the changed source, and the incremental build copies unchanged pages', () => {
    for (const r of json.sizes) {
      expect(r.incremental.cachedWarm).toBe(`${r.sources}/${r.sources}`);
      expect(r.incremental.cachedOneChanged).toBe(`${r.sources - 1}/${r.sources}`);
      expect(r.rebuild.pagesRestored).toBeGreaterThan(0);
      expect(r.rebuild.pagesRestored + r.rebuild.pagesRendered).toBe(r.pages);
    }
  });

  it('builds as `npm run build` does (scripts/bench/run.ts: ingest, astro build, index; the offline step before it publishes its 1× build), so its 1× build can stand for the project build', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.ingest).toBe('node scripts/ingest/cli.ts');
    expect(scripts.build).toBe('npm run ingest && node --max-old-space-size=1024 node_modules/astro/bin/astro.mjs build && node --expose-gc scripts/search/build-index.ts && node scripts/offline/build-sw.ts');
    expect(readFileSync(join(ROOT, 'scripts', 'bench', 'run.ts'), 'utf8')).toContain('scripts/offline/build-sw.ts');
  });

  it('reports the page weight of a document page within the goals', () => {
    expect(json.pageWeight.page).toBe('/docs/jzc-2019-6/');
    expect(json.pageWeight.htmlGzip + json.pageWeight.cssGzip).toBeLessThanOrEqual(40 * 1024);
    expect(json.pageWeight.jsGzip).toBeLessThanOrEqual(10 * 1024);
    expect(json.pageWeight.jsFiles.length).toBeGreaterThan(0);
  });
});
