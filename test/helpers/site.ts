/**
 * The built site for test/site: builds it (`npm run -s build`: ingest + astro build + whatever the
 * build script adds) at most once per test run, however many test files ask, and reads its pages
 * (each page parsed once per worker). Tests that need another build start from this one where they
 * can: determinism compares one more build with it, incremental starts from a copy of its ingest.
 *
 * ensureSite() rebuilds when dist/ is missing or older than anything the build reads (sources,
 * overrides, src/, scripts/, config). Test files run in parallel forks, so a lock directory makes the
 * others wait for the one that builds, then find dist/ fresh.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { copyProjectTo } from '../../scripts/bench/project-copy.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
const LOCK = join(ROOT, 'node_modules', '.cache', 'site-build.lock');
/** The file in the lock naming the process that holds it. */
const OWNER = join(LOCK, 'pid');

/** What the build reads: a change to any of these makes dist/ stale. */
const INPUTS = ['content/sources', 'content/overrides', 'src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)));
  return newest;
}

/** Whether dist/ holds a complete build newer than every input. */
export function siteIsFresh(): boolean {
  const marker = join(DIST, 'index.html');
  if (!existsSync(marker)) return false;
  const built = statSync(marker).mtimeMs;
  return INPUTS.every((p) => newestMtime(join(ROOT, p)) <= built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Whether a lock left in place belongs to no running process (a killed run): however long a build takes under load, its lock is never taken from it. */
function stale(): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(OWNER, 'utf8'));
  } catch {
    // Just made, its owner not written yet; or made by a run killed in between (then it is old).
    return existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 60_000;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function acquire(): void {
  mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(OWNER, String(process.pid));
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (stale()) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // removed meanwhile
      }
      sleep(250);
    }
  }
}

/** Runs `f` holding the site-build lock: no other build of this project (in any test file) runs meanwhile. */
export function withSiteBuildLock<T>(f: () => T): T {
  acquire();
  try {
    return f();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface ProjectCopy {
  dir: string;
  /** Runs node with these arguments in the copy (ingest, astro, index …); returns stdout. */
  node(args: string[]): string;
  /** Runs `astro build` in the copy with extra arguments; returns stdout. */
  astroBuild(args?: string[]): string;
  remove(): void;
}

/** Runs node and Astro in a copy of the project, with the copy's own Astro cache. */
function projectCopy(dir: string): ProjectCopy {
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: join(dir, '.astro-cache') };
  const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: dir, env, stdio: 'pipe', maxBuffer: 256 * 1024 * 1024 }).toString();
  return {
    dir,
    node,
    astroBuild: (args = []) => node([join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...args]),
    remove: () => {
      if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A copy of the project in a temporary folder (scripts/bench/project-copy.ts) with the given sources and
 * (unless told not to) the real overrides, building with its own Astro cache: Astro's default cache lies in
 * the shared node_modules, and the project's own builds must not read a copy's data store.
 */
export function copyProject(prefix: string, sources: Record<string, string>, { overrides = true } = {}): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  copyProjectTo(dir, { overrides });
  for (const [name, body] of Object.entries(sources)) writeFileSync(join(dir, 'content', 'sources', name), body);
  return projectCopy(dir);
}

/**
 * A copy of the project with the real sources and overrides, and the ingest as the shared build
 * (ensureSite) left it: content/generated/ and the ingest's source cache, so the copy needs no ingest of
 * its own until a source changes, and then parses only that source again. Astro's cache is not copied:
 * the incremental build keys a page's code by absolute module paths, so a copy's build starts afresh.
 */
export function copyIngestedProject(prefix: string): ProjectCopy {
  ensureSite();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  withSiteBuildLock(() => {
    copyProjectTo(dir);
    for (const p of ['content/sources', 'content/generated', '.cache/ingest']) {
      if (existsSync(join(ROOT, p))) cpSync(join(ROOT, p), join(dir, p), { recursive: true });
    }
  });
  return projectCopy(dir);
}

/**
 * The benchmark's 1× build as the shared build. The benchmark (test/bench) builds the real corpus in a
 * copy of the project, exactly as `npm run build` does; run with --publish it copies that build here,
 * one folder per test run (named by the Vitest process, the workers' parent), and writes `ready`. A
 * build in another folder gives the same bytes (test/site/determinism.test.ts compares the two).
 */
const PUBLISHED = join(ROOT, 'node_modules', '.cache', 'bench-site');

/** Called by the benchmark test before it runs `npm run bench`: where to publish (any earlier run's folder is gone). */
export function benchPublishStart(): string {
  rmSync(PUBLISHED, { recursive: true, force: true });
  const dir = join(PUBLISHED, String(process.ppid));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'started'), String(process.pid));
  return dir;
}

/** Called by the benchmark test when the benchmark has ended, published or not: nobody waits for it any more. */
export function benchPublishEnd(dir: string): void {
  if (existsSync(dir) && !existsSync(join(dir, 'ready'))) writeFileSync(join(dir, 'failed'), '');
}

/** Moves the benchmark's 1× build of this test run into dist/ and content/generated/, waiting for it while the benchmark runs; false when there is none. */
function adoptBenchBuild(): boolean {
  const dir = join(PUBLISHED, String(process.ppid));
  const started = join(dir, 'started');
  if (!existsSync(started)) return false;
  const bench = Number(readFileSync(started, 'utf8'));
  const alive = () => {
    try {
      process.kill(bench, 0);
      return true;
    } catch {
      return false;
    }
  };
  while (!existsSync(join(dir, 'ready')) && !existsSync(join(dir, 'failed')) && alive()) sleep(250);
  if (!existsSync(join(dir, 'ready'))) return false;
  // Made from the code and sources as they were when the benchmark started (in watch mode, maybe long ago).
  const startedAt = statSync(started).mtimeMs;
  if (!INPUTS.every((p) => newestMtime(join(ROOT, p)) <= startedAt)) return false;
  for (const [from, to] of [['dist', DIST], ['generated', join(ROOT, 'content', 'generated')]] as const) {
    rmSync(to, { recursive: true, force: true });
    try {
      renameSync(join(dir, from), to);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      cpSync(join(dir, from), to, { recursive: true });
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return true;
}

/** Builds the site unless dist/ is fresh (or takes the benchmark's build of it); safe to call from every test file. */
export function ensureSite(): void {
  if (!siteIsFresh()) {
    withSiteBuildLock(() => {
      if (!siteIsFresh() && !adoptBenchBuild()) execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'pipe' });
    });
  }
  // Pages parsed from an earlier dist/ (kept per worker, vitest.config.ts) are forgotten.
  const built = statSync(join(DIST, 'index.html')).mtimeMs;
  if (built !== pagesBuilt) pages.clear();
  pagesBuilt = built;
}

const pages = new Map<string, Document>();
/** When the dist/ the parsed pages come from was built. */
let pagesBuilt = 0;

/** The parsed page for a site path such as `/certificates/` or `/certificates/web-qdkf/`. */
export function page(sitePath: string): Document {
  const key = sitePath.endsWith('/') ? sitePath : `${sitePath}/`;
  let doc = pages.get(key);
  if (!doc) {
    const file = join(DIST, key, 'index.html');
    if (!existsSync(file)) throw new Error(`no page for ${sitePath} (${relative(ROOT, file)})`);
    doc = parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
    pages.set(key, doc);
  }
  return doc;
}

/** Every .html file under a folder of dist/. */
export function htmlFiles(dir: string = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return htmlFiles(p);
    return e.name.endsWith('.html') ? [p] : [];
  });
}

/** The site path of a built HTML file: dist/docs/x/index.html → /docs/x/. */
export function sitePathOf(file: string): string {
  return `/${relative(DIST, file).replace(/index\.html$/u, '')}`;
}

/** An element's text with whitespace collapsed. */
export const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/gu, ' ').trim();

/** Reads a JSON file of content/generated/. */
export function generated<T>(name: string): T {
  return JSON.parse(readFileSync(join(ROOT, 'content', 'generated', name), 'utf8')) as T;
}

/**
 * In-site links of every page under `under` (default: all of dist/) that do not resolve: no page or
 * file for the path, or no element with the #id. Hrefs come from a[href] and [data-cite-href].
 */
export function brokenLinks(under = '/'): { broken: string[]; checked: number } {
  // Checked once per worker and dist/ (two files check all of it): a copy, so a caller's changes stay its own.
  const key = `${pagesBuilt} ${under}`;
  let result = linkChecks.get(key);
  if (!result) linkChecks.set(key, (result = checkLinks(under)));
  return { broken: [...result.broken], checked: result.checked };
}

const linkChecks = new Map<string, { broken: string[]; checked: number }>();

function checkLinks(under: string): { broken: string[]; checked: number } {
  const broken: string[] = [];
  let checked = 0;
  for (const file of htmlFiles(join(DIST, under))) {
    const from = sitePathOf(file);
    const html = page(from);
    const hrefs = [
      ...[...html.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
      ...[...html.querySelectorAll('[data-cite-href]')].map((m) => m.getAttribute('data-cite-href')!),
    ];
    for (const href of hrefs) {
      if (/^[a-z][a-z0-9+.-]*:/iu.test(href)) continue;
      const url = new URL(href, `http://site${from}`);
      const path = decodeURIComponent(url.pathname);
      const asPage = join(DIST, path, 'index.html');
      const asFile = join(DIST, path);
      if (!existsSync(asPage)) {
        if (!path.endsWith('/') && existsSync(asFile) && statSync(asFile).isFile()) {
          checked++;
          continue;
        }
        broken.push(`${from}: ${href} (no page)`);
        continue;
      }
      checked++;
      const id = decodeURIComponent(url.hash.slice(1));
      if (id && !page(path).getElementById(id)) broken.push(`${from}: ${href} (no id)`);
    }
  }
  return { broken, checked };
}
