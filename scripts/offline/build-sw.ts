/**
 * The offline step of `npm run build` (issue 15), after the search index: writes into dist/
 * - `sw.js`: the service worker (src/scripts/offline-sw.ts, types stripped) with its build id and the
 *   precache manifest that @serwist/build's injectManifest generates from the built files: the shell
 *   pages (home, /search/, /memo/ when it exists, /offline/), all CSS and JS, the icons and the web app
 *   manifest, and the search index's entry files (pagefind.js, pagefind-entry.json, the .pf_meta, the
 *   WebAssembly core, the filter chunks, /search/*.json);
 * - `offline/files.json`: every file “下载全部内容” stores (/offline/), with its size, and the total.
 *
 * The build id is a hash of every file's URL and revision (@serwist/build's getManifest over all of
 * dist/) and of the worker's code: the same build gives the same id (and the same sw.js), any change a
 * new one, so the worker's caches (named for the id) never hold two builds.
 *
 * Usage: node scripts/offline/build-sw.ts [distDir]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ManifestTransform, getManifest, injectManifest } from '@serwist/build';

const ROOT = join(import.meta.dirname, '..', '..');
const SW_SOURCE = join(ROOT, 'src', 'scripts', 'offline-sw.ts');
export const INJECTION_POINT = '__ONEX_PRECACHE__';
const BUILD_TOKEN = "'__ONEX_BUILD__'";

/** What the worker precaches on install (globs over dist/); a pattern matching nothing (no /memo/ yet) adds nothing. */
export const PRECACHE_PATTERNS = [
  'index.html',
  'search/index.html',
  'memo/index.html',
  'offline/index.html',
  '_astro/**/*.{js,css}',
  'favicon.svg',
  'manifest.webmanifest',
  'icons/*.png',
  'pagefind/pagefind.js',
  'pagefind/pagefind-entry.json',
  'pagefind/*.pf_meta',
  'pagefind/wasm.*',
  'pagefind/filter/*',
  'pagefind-shards/*/pagefind.js',
  'pagefind-shards/*/pagefind-entry.json',
  'pagefind-shards/*/*.pf_meta',
  'pagefind-shards/*/wasm.*',
  'pagefind-shards/*/filter/*',
  'search/**/*.json',
];

/** Never stored for offline use: the worker itself, the download list, and Pagefind's UI bundles and worker, which the site never loads. */
export const NOT_DOWNLOADED = ['sw.js', 'offline/files.json', '**/pagefind-ui.*', '**/pagefind-component-ui.*', '**/pagefind-modular-ui.*', '**/pagefind-highlight.js', '**/pagefind-worker.js'];

/** dist-relative file → the URL the site serves it at (directory pages end in /). */
export function urlOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/** Content-hashed files: their URL changes with their bytes, so they need no revision. */
export function hashedUrl(url: string): boolean {
  return /^\/_astro\//u.test(url) || /^\/pagefind(?:-shards\/\d+)?\/(?:index|fragment|filter)\//u.test(url) || /\.pf_meta$/u.test(url);
}

export interface OfflineFiles {
  build: string;
  /** Bytes and count of every file listed. */
  bytes: number;
  count: number;
  /** What the worker precaches on the first visit (a subset of `files`). */
  precache: { bytes: number; count: number };
  files: { url: string; size: number }[];
}

export async function buildServiceWorker(dist: string): Promise<OfflineFiles> {
  const sizes = new Map<string, number>();
  const toUrls: ManifestTransform = (entries) => ({
    manifest: entries
      .map((e) => {
        const url = urlOf(e.url);
        sizes.set(url, e.size);
        return { ...e, url, revision: hashedUrl(url) ? null : e.revision };
      })
      .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
  });

  // 1. Every file of the build, with its revision (md5 of its bytes) and size.
  const all = await getManifest({
    globDirectory: dist,
    globPatterns: ['**/*'],
    globIgnores: NOT_DOWNLOADED,
    maximumFileSizeToCacheInBytes: 1024 * 1024 * 1024,
    manifestTransforms: [toUrls],
  });
  const entries = all.manifestEntries ?? [];
  // 2. The worker's code, types stripped; it is part of the build id, so a new worker gets new caches too.
  const js = stripTypeScriptTypes(readFileSync(SW_SOURCE, 'utf8'), { mode: 'strip' });
  if (js.split(BUILD_TOKEN).length !== 2 || js.split(INJECTION_POINT).length !== 2) throw new Error(`${SW_SOURCE}: expected ${BUILD_TOKEN} and ${INJECTION_POINT} once each`);
  const build = createHash('sha256')
    .update(entries.map((e) => `${typeof e === 'string' ? e : `${e.url} ${e.revision ?? ''}`}\n`).join(''))
    .update(js)
    .digest('hex')
    .slice(0, 12);
  const files = entries.map((e) => {
    const url = typeof e === 'string' ? e : e.url;
    return { url, size: sizes.get(url) ?? 0 };
  });

  // 3. sw.js: the build id set, then the precache manifest injected by @serwist/build.
  const tmp = mkdtempSync(join(tmpdir(), 'onex-sw-'));
  let precache: OfflineFiles['precache'];
  try {
    const swSrc = join(tmp, 'sw.js');
    writeFileSync(swSrc, `// 1+X 政策知识库 service worker, build ${build}. Generated by scripts/offline/build-sw.ts from src/scripts/offline-sw.ts.\n${js.replace(BUILD_TOKEN, JSON.stringify(build))}`);
    const result = await injectManifest({
      swSrc,
      swDest: join(dist, 'sw.js'),
      globDirectory: dist,
      globPatterns: PRECACHE_PATTERNS,
      globIgnores: NOT_DOWNLOADED,
      injectionPoint: INJECTION_POINT,
      maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
      manifestTransforms: [toUrls],
    });
    for (const w of result.warnings) console.warn(`offline: ${w}`);
    precache = { bytes: result.size, count: result.count };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const out: OfflineFiles = { build, bytes: files.reduce((s, f) => s + f.size, 0), count: files.length, precache, files };
  mkdirSync(join(dist, 'offline'), { recursive: true });
  writeFileSync(join(dist, 'offline', 'files.json'), `${JSON.stringify(out)}\n`);
  return out;
}

if (import.meta.main) {
  const dist = resolve(process.argv[2] ?? join(ROOT, 'dist'));
  const t0 = performance.now();
  const r = await buildServiceWorker(dist);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  console.log(
    `offline: build ${r.build}: sw.js precaches ${r.precache.count} files (${mb(r.precache.bytes)} MB); 下载全部 stores ${r.count} files (${mb(r.bytes)} MB) [${Math.round(performance.now() - t0)} ms]`,
  );
}
