/**
 * `npm run bench:search [-- --dist dist] [--scale N] [--runs N] [--json] [--verbose] [--settle]`
 *
 * Headless Chromium (/usr/bin/chromium, or $CHROMIUM) against the built site served on
 * 127.0.0.1 by a tiny static server (gzip for text, as any host does; Pagefind's own files
 * are already compressed). Measures, through the real /search/ page, each cold figure the
 * median of --runs fresh browser contexts (default 5):
 * - cold, typed: open /search/ (the page starts Pagefind while the reader types), submit the query:
 *   time submit → results on screen; search bytes (/pagefind/…, /pagefind-shards/…, /search/*.json, gzip as sent)
 *   from opening the page until 300 ms after the results, and all bytes;
 * - cold, linked: open /search/?q=… : navigation start → results on screen;
 * - warm: every judged query after a first one on one page, submit → results, p50 / p95.
 * “submit → results” is the query to the results in the DOM: the query is set and the form submitted
 * (requestSubmit: the page's submit handler cancels its 180 ms typing debounce and searches at once, so the
 * debounce is not counted), and the clock stops when the status line leaves 正在搜索…, which the page sets
 * after it has replaced the result list: the top results (the first 5 hits, each with its title, facts and excerpt)
 * are in the DOM. Not counted: painting them (the next frame), their sub-results (fetched after that frame and drawn
 * again), and the address bar and tab title, which the page writes in the task after the results (history.replaceState).
 * Warm queries run back to back: wherever a query yields to the event loop, the previous query's frame (style, layout,
 * paint of its results) can run inside its clock; `--settle` waits for a frame and a task between queries, outside the
 * clock, to measure without that (a diagnostic; the goal is measured without it).
 *
 * Goals (issue 14): warm p95 ≤ 20 ms at 1× and ≤ 100 ms at 50×; cold ≤ 150 KB and ≤ 150 ms at 1×.
 * `--scale N` says which site --dist is, for the goals column. The 50× site is the one `npm run bench` builds
 * (scripts/bench/synth.ts: 50 shifted copies of content/sources):
 *   npm run bench -- --sizes 50 --keep --work /tmp/onex-bench && npm run bench:search -- --dist /tmp/onex-bench/50x/dist --scale 50
 * Bounded: gives up after 5 minutes, and always stops the browser and the server.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type Page, chromium } from 'playwright-core';
import { readJudged } from './evaluate.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml']);

export function serve(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const cache = new Map<string, Buffer>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    const ext = extname(file);
    const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/u.test(String(req.headers['accept-encoding'] ?? ''))) {
      let body = cache.get(file);
      if (!body) cache.set(file, (body = gzipSync(readFileSync(file))));
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': String(body.length) });
      return void res.end(body);
    }
    res.writeHead(200, { ...headers, 'content-length': String(statSync(file).size) });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      ok({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

/** Submit a query on /search/ and wait until the status line leaves 正在搜索…; ms in the page's clock. */
async function timedQuery(page: Page, q: string): Promise<{ ms: number; hits: number }> {
  return page.evaluate(async (query) => {
    const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
    const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
    const status = document.querySelector<HTMLElement>('[data-search-status]')!;
    const list = document.querySelector<HTMLElement>('[data-search-results]')!;
    const t0 = performance.now();
    input.value = query;
    form.requestSubmit();
    await new Promise<void>((done) => {
      const check = () => {
        if (!status.textContent?.includes('正在搜索')) {
          obs.disconnect();
          done();
        }
      };
      const obs = new MutationObserver(check);
      obs.observe(status, { childList: true, characterData: true, subtree: true });
      check();
    });
    return { ms: performance.now() - t0, hits: list.children.length };
  }, q);
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export interface ColdRun {
  /** ms: typed = submit → results on screen; linked = navigation start → results on screen. */
  ms: number;
  /** Search assets (/pagefind/…, /pagefind-shards/…, /search/*.json) fetched from opening the page to results, gzip as sent. */
  searchBytes: number;
  /** Everything the browser fetched, the page itself included. */
  totalBytes: number;
  decoded: number;
  requests: string[];
}

export interface ColdResult {
  query: string;
  mode: 'typed' | 'linked';
  runs: ColdRun[];
  /** The median run (by time); bytes do not vary between runs. */
  median: ColdRun;
}

export interface BenchResult {
  /** Which site was measured: 1 (the real corpus) or N× (npm run bench's synthetic copies). */
  scale?: number;
  cold: ColdResult[];
  warm: { n: number; p50: number; p95: number; max: number; /** The slowest warm queries, slowest first. */ slowest?: { q: string; ms: number }[] };
}

/** The goals by scale (issue 14): warm p95 at 1× and 50×; cold time and bytes at 1× only. */
export function goals(scale: number): { warmP95: number | null; coldMs: number | null; coldBytes: number | null } {
  return {
    warmP95: scale === 1 ? 20 : scale === 50 ? 100 : null,
    coldMs: scale === 1 ? 150 : null,
    coldBytes: scale === 1 ? 150 * 1024 : null,
  };
}

const isSearchAsset = (path: string) => path.startsWith('/pagefind/') || path.startsWith('/pagefind-shards/') || /^\/search\/[^/]+\.json$/u.test(path);

/** Counts what a page fetches: search assets and everything, gzip bytes as sent, from the moment it is attached. */
function countBytes(page: Page) {
  const pending: Promise<void>[] = [];
  const acc = { searchBytes: 0, totalBytes: 0, decoded: 0, requests: [] as string[], counting: true };
  page.on('requestfinished', (req) => {
    if (!acc.counting) return;
    pending.push(
      (async () => {
        const sizes = await req.sizes().catch(() => null);
        const resp = await req.response();
        const body = resp ? await resp.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
        const bytes = (sizes?.responseBodySize ?? 0) + (sizes?.responseHeadersSize ?? 0);
        const path = new URL(req.url()).pathname;
        acc.totalBytes += bytes;
        if (isSearchAsset(path)) acc.searchBytes += bytes;
        acc.decoded += body.length;
        acc.requests.push(`${path} ${sizes?.responseBodySize ?? '?'}`);
      })(),
    );
  });
  return {
    async stop(): Promise<Omit<ColdRun, 'ms'>> {
      acc.counting = false;
      await Promise.all(pending);
      return { searchBytes: acc.searchBytes, totalBytes: acc.totalBytes, decoded: acc.decoded, requests: acc.requests };
    },
  };
}

/** In the page, before its scripts: the time (since navigation start) results are first on screen. */
function watchResults(): void {
  const w = window as unknown as { __searchDone?: number };
  document.addEventListener('DOMContentLoaded', () => {
    const status = document.querySelector('[data-search-status]');
    const list = document.querySelector('[data-search-results]');
    if (!status || !list) return;
    const check = () => {
      if (w.__searchDone === undefined && list.children.length > 0 && !status.textContent?.includes('正在搜索')) w.__searchDone = performance.now();
    };
    new MutationObserver(check).observe(document.body, { childList: true, characterData: true, subtree: true });
    check();
  });
}

export async function bench(distDir: string, coldQueries: string[], runs = 5, settle = false): Promise<BenchResult> {
  const root = resolve(distDir);
  if (!existsSync(join(root, 'pagefind', 'pagefind.js'))) throw new Error(`${distDir}/pagefind is missing; run \`npm run build\` first`);
  const server = await serve(root);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const median = (xs: ColdRun[]) => [...xs].sort((a, b) => a.ms - b.ms)[Math.floor((xs.length - 1) / 2)]!;
  try {
    const cold: ColdResult[] = [];
    for (const q of coldQueries) {
      // typed: a fresh browser context opens /search/ (the page starts Pagefind while the reader types),
      // then the query is submitted; bytes count from opening the page.
      const typed: ColdRun[] = [];
      const linked: ColdRun[] = [];
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ serviceWorkers: 'block' });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        const counter = countBytes(page);
        await page.goto(`${server.url}/search/`, { waitUntil: 'load' });
        await page.waitForLoadState('networkidle');
        const r = await timedQuery(page, q);
        await page.waitForTimeout(300);
        const bytes = await counter.stop();
        if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
        if (r.hits === 0) throw new Error(`cold query ${q}: no results on the page`);
        typed.push({ ms: r.ms, ...bytes });
        await context.close();

        // linked: a fresh context opens /search/?q=… (a shared search link): navigation start → results.
        const c2 = await browser.newContext({ serviceWorkers: 'block' });
        const p2 = await c2.newPage();
        await p2.addInitScript(watchResults);
        const counter2 = countBytes(p2);
        await p2.goto(`${server.url}/search/?q=${encodeURIComponent(q)}`, { waitUntil: 'load' });
        const ms = await p2.waitForFunction(() => (window as unknown as { __searchDone?: number }).__searchDone, null, { timeout: 20_000 }).then((h) => h.jsonValue() as Promise<number>);
        await p2.waitForTimeout(300);
        linked.push({ ms, ...(await counter2.stop()) });
        await c2.close();
      }
      cold.push({ query: q, mode: 'typed', runs: typed, median: median(typed) });
      cold.push({ query: q, mode: 'linked', runs: linked, median: median(linked) });
    }
    // Warm: one page, the judged set after a first query.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${server.url}/search/`, { waitUntil: 'load' });
    await timedQuery(page, coldQueries[0]!);
    const timed: { q: string; ms: number }[] = [];
    for (const j of readJudged()) {
      timed.push({ q: j.q, ms: (await timedQuery(page, j.q)).ms });
      // --settle (a diagnostic): outside the clock, wait for the page to render a frame and run its next task, so a query's
      // results are painted before the next query starts, as for a reader (back to back, that paint can land inside the
      // next query's clock wherever that query yields to the event loop).
      if (settle) await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    }
    await context.close();
    const times = timed.map((t) => t.ms);
    const slowest = [...timed].sort((a, b) => b.ms - a.ms).slice(0, 8);
    return { cold, warm: { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), slowest } };
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}

export function benchTable(r: BenchResult): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const scale = r.scale ?? 1;
  const g = goals(scale);
  const goal = (limit: number | null, value: number, unit: (n: number) => string) => (limit === null ? '' : `≤ ${unit(limit)} ${value <= limit ? '✓' : '✗'}`);
  const ms = (n: number) => `${n} ms`;
  const kbGoal = (n: number) => `${n / 1024} KB`;
  const spread = (c: ColdResult) => {
    const ms = c.runs.map((x) => x.ms).sort((a, b) => a - b);
    return `${ms[0]!.toFixed(0)}–${ms.at(-1)!.toFixed(0)}`;
  };
  const lines = [
    `| measure (${scale}× site) | value | goal |`,
    '|---|---:|---:|',
    ...r.cold.flatMap((c) =>
      c.mode === 'typed'
        ? [
            `| cold “${c.query}”, typed on a fresh /search/: submit → results (median of ${c.runs.length}; range ${spread(c)} ms) | ${c.median.ms.toFixed(0)} ms | ${goal(g.coldMs, c.median.ms, ms)} |`,
            `| cold “${c.query}”: search bytes from opening the page (gzip; ${c.median.requests.filter((x) => isSearchAsset(x.split(' ')[0]!)).length} requests) | ${kb(c.median.searchBytes)} | ${goal(g.coldBytes, c.median.searchBytes, kbGoal)} |`,
            `| cold “${c.query}”: all bytes incl. the page (decoded ${kb(c.median.decoded)}) | ${kb(c.median.totalBytes)} | |`,
          ]
        : [`| cold “${c.query}”, opened as /search/?q=…: navigation → results (median of ${c.runs.length}; range ${spread(c)} ms) | ${c.median.ms.toFixed(0)} ms | |`],
    ),
    `| warm, ${r.warm.n} judged queries: p50 | ${r.warm.p50.toFixed(1)} ms | |`,
    `| warm, ${r.warm.n} judged queries: p95 | ${r.warm.p95.toFixed(1)} ms | ${goal(g.warmP95, r.warm.p95, ms)} |`,
    `| warm: max | ${r.warm.max.toFixed(1)} ms | |`,
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      scale: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      runs: { type: 'string', default: '5' },
      settle: { type: 'boolean', default: false },
    },
  });
  const deadline = setTimeout(() => {
    console.error('bench:search: gave up after 5 minutes');
    process.exit(1);
  }, 300_000);
  try {
    const r: BenchResult = { scale: Math.max(1, Number(values.scale) || 1), ...(await bench(values.dist!, ['学分银行', '教职成〔2019〕6号 二（五）'], Math.max(1, Number(values.runs) || 5), values.settle)) };
    if (values.json) console.log(JSON.stringify(r, null, 2));
    else {
      console.log(benchTable(r));
      if (values.verbose) {
        for (const c of r.cold) console.log(`\n${c.query} (${c.mode}):\n  ${c.median.requests.join('\n  ')}`);
        console.log(`\nslowest warm queries:\n  ${(r.warm.slowest ?? []).map((t) => `${t.ms.toFixed(0)} ms  ${t.q}`).join('\n  ')}`);
      }
    }
    clearTimeout(deadline);
    process.exit(0);
  } catch (err) {
    console.error(`bench:search: ${(err as Error).message}`);
    process.exit(1);
  }
}
