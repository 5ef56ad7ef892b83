/**
 * `npm run bench:search [-- --dist dist] [--json]`
 *
 * Headless Chromium (/usr/bin/chromium, or $CHROMIUM) against the built site served on
 * 127.0.0.1 by a tiny static server (gzip for text, as any host does; Pagefind's own files
 * are already compressed). Measures, through the real /search/ page:
 * - cold: a fresh browser context opens /search/, then the first query: bytes fetched
 *   (transferred and decoded) and time from submit to results on screen;
 * - warm: every judged query after that, submit → results, p50 / p95.
 * Bounded: gives up after 3 minutes, and always stops the browser and the server.
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

export interface BenchResult {
  cold: { query: string; ms: number; transferred: number; decoded: number; requests: string[] }[];
  warm: { n: number; p50: number; p95: number; max: number };
}

export async function bench(distDir: string, coldQueries: string[]): Promise<BenchResult> {
  const root = resolve(distDir);
  if (!existsSync(join(root, 'pagefind', 'pagefind.js'))) throw new Error(`${distDir}/pagefind is missing; run \`npm run build\` first`);
  const server = await serve(root);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const cold: BenchResult['cold'] = [];
    for (const q of coldQueries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}/search/`, { waitUntil: 'load' });
      let counting = true;
      const pending: Promise<void>[] = [];
      const requests: string[] = [];
      let transferred = 0;
      let decoded = 0;
      const onFinished = (req: import('playwright-core').Request) => {
        if (!counting) return;
        pending.push(
          (async () => {
            const sizes = await req.sizes().catch(() => null);
            const resp = await req.response();
            const body = resp ? await resp.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
            transferred += (sizes?.responseBodySize ?? 0) + (sizes?.responseHeadersSize ?? 0);
            decoded += body.length;
            requests.push(`${new URL(req.url()).pathname} ${sizes?.responseBodySize ?? '?'}`);
          })(),
        );
      };
      page.on('requestfinished', onFinished);
      const r = await timedQuery(page, q);
      await page.waitForTimeout(300);
      counting = false;
      await Promise.all(pending);
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
      if (r.hits === 0) throw new Error(`cold query ${q}: no results on the page`);
      cold.push({ query: q, ms: r.ms, transferred, decoded, requests });
      await context.close();
    }
    // Warm: one page, the judged set after a first query.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/search/`, { waitUntil: 'load' });
    await timedQuery(page, coldQueries[0]!);
    const times: number[] = [];
    for (const j of readJudged()) times.push((await timedQuery(page, j.q)).ms);
    await context.close();
    return { cold, warm: { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) } };
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}

export function benchTable(r: BenchResult): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const lines = [
    '| measure | value | goal |',
    '|---|---:|---:|',
    ...r.cold.flatMap((c) => [
      `| cold first query “${c.query}”: time | ${c.ms.toFixed(0)} ms | ≤ 150 ms |`,
      `| cold first query “${c.query}”: bytes transferred (gzip) | ${kb(c.transferred)} | ≤ 150 KB |`,
      `| cold first query “${c.query}”: bytes decoded | ${kb(c.decoded)} | |`,
      `| cold first query “${c.query}”: requests | ${c.requests.length} | |`,
    ]),
    `| warm, ${r.warm.n} judged queries: p50 | ${r.warm.p50.toFixed(1)} ms | |`,
    `| warm, ${r.warm.n} judged queries: p95 | ${r.warm.p95.toFixed(1)} ms | ≤ 20 ms |`,
    `| warm: max | ${r.warm.max.toFixed(1)} ms | |`,
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, json: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } } });
  const deadline = setTimeout(() => {
    console.error('bench:search: gave up after 3 minutes');
    process.exit(1);
  }, 180_000);
  try {
    const r = await bench(values.dist!, ['学分银行', '教职成〔2019〕6号 二（五）']);
    if (values.json) console.log(JSON.stringify(r, null, 2));
    else {
      console.log(benchTable(r));
      if (values.verbose) for (const c of r.cold) console.log(`\n${c.query}:\n  ${c.requests.join('\n  ')}`);
    }
    clearTimeout(deadline);
    process.exit(0);
  } catch (err) {
    console.error(`bench:search: ${(err as Error).message}`);
    process.exit(1);
  }
}
