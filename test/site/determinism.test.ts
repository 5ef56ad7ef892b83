/**
 * Two builds of the same sources give byte-identical output (issue 6 §3). The first build is the one
 * every site test reads, made once per test run by ensureSite(): `npm run build` into dist/ and
 * content/generated/, or the benchmark's 1× build of the same sources in a copy of the project (then
 * the two builds were even made in different folders). This file makes one more of each — the ingest into a
 * temporary folder, `astro build` and the search index step into a temporary dist — with every cache
 * off, and compares them file by file with the first. (On a fresh clone the first build has no cache
 * either; on a machine where dist/ reused cached pages or index shards, the comparison also checks that
 * what a cache gave back is what a fresh build makes.) Runs under the same lock as ensureSite(), so it
 * never races a shared build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/corpus.ts';
import { DIST, ensureSite, withSiteBuildLock } from '../helpers/site.ts';

const tmp = mkdtempSync(join(tmpdir(), 'determinism-'));
const GENERATED = join(ROOT, 'content', 'generated');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** Files only in one folder, and files whose bytes differ. */
function compare(a: string, b: string): { only: string[]; differ: string[]; count: number } {
  const fa = files(a).map((f) => relative(a, f));
  const fb = new Set(files(b).map((f) => relative(b, f)));
  const only = [...fa.filter((f) => !fb.has(f)), ...[...fb].filter((f) => !fa.includes(f))];
  const differ = fa.filter((f) => fb.has(f) && !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  return { only, differ, count: fa.length };
}

const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });

beforeAll(() => {
  ensureSite();
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('determinism', () => {
  it('the ingest writes the same bytes twice', () => {
    const gen = join(tmp, 'generated');
    // Under the lock: nothing rewrites content/generated/ meanwhile.
    const r = withSiteBuildLock(() => {
      node(['scripts/ingest/cli.ts', '--no-cache', '--quiet', '--out', gen]);
      return compare(GENERATED, gen);
    });
    expect(r.count).toBeGreaterThan(10);
    expect(r.only).toEqual([]);
    expect(r.differ).toEqual([]);
  });

  it('two builds of the site give byte-identical dist folders', () => {
    const out = join(tmp, 'dist');
    const r = withSiteBuildLock(() => {
      // --force and --no-cache: every page rendered and indexed, nothing copied from a cache.
      node([join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--force', '--outDir', out]);
      node(['scripts/search/build-index.ts', '--dist', out, '--no-cache']);
      node(['scripts/offline/build-sw.ts', out]);
      expect(existsSync(join(out, 'pagefind', 'pagefind.js'))).toBe(true);
      return compare(DIST, out);
    });
    console.log(`determinism: ${r.count} files compared, ${r.only.length} in one build only, ${r.differ.length} differ${r.differ.length ? `: ${r.differ.slice(0, 10).join(', ')}` : ''}`);
    expect(r.count).toBeGreaterThan(800);
    expect(r.only).toEqual([]);
    expect(r.differ).toEqual([]);
  }, 300_000);
});
