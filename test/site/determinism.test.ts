/**
 * Two builds of the same sources give byte-identical output (issue 6 §3): the ingest twice into
 * two folders, then `astro build` and the search index step twice into two temporary dist folders,
 * compared file by file. Runs under the same lock as ensureSite(), so it never races a shared build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/corpus.ts';
import { withSiteBuildLock } from '../helpers/site.ts';

const tmp = mkdtempSync(join(tmpdir(), 'determinism-'));

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

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('determinism', () => {
  it('the ingest writes the same bytes twice', () => {
    for (const k of ['1', '2']) node(['scripts/ingest/cli.ts', '--no-cache', '--quiet', '--out', join(tmp, `gen${k}`)]);
    const r = compare(join(tmp, 'gen1'), join(tmp, 'gen2'));
    expect(r.count).toBeGreaterThan(10);
    expect(r.only).toEqual([]);
    expect(r.differ).toEqual([]);
  }, 120_000);

  it('two builds of the site give byte-identical dist folders', () => {
    withSiteBuildLock(() => {
      node(['scripts/ingest/cli.ts', '--quiet']);
      for (const k of ['1', '2']) {
        const out = join(tmp, `dist${k}`);
        // --force and --no-cache: every page rendered and indexed each time, nothing copied from a cache.
        node([join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--force', '--outDir', out]);
        node(['scripts/search/build-index.ts', '--dist', out, '--no-cache']);
        expect(existsSync(join(out, 'pagefind', 'pagefind.js'))).toBe(true);
      }
    });
    const r = compare(join(tmp, 'dist1'), join(tmp, 'dist2'));
    console.log(`determinism: ${r.count} files compared, ${r.only.length} in one build only, ${r.differ.length} differ${r.differ.length ? `: ${r.differ.slice(0, 10).join(', ')}` : ''}`);
    expect(r.count).toBeGreaterThan(800);
    expect(r.only).toEqual([]);
    expect(r.differ).toEqual([]);
  }, 600_000);
});
