/**
 * `npm run bench [-- --sizes 1,10,50] [--json] [--work DIR] [--keep] [--publish DIR]`
 *
 * The whole build at several corpus sizes, in one invocation so ratios are comparable on a
 * noisy machine. For each size N:
 *
 *   synth (scripts/bench/synth.ts: N× content/sources, every copy distinct documents)
 *   → a copy of the project in WORK/Nx (src, scripts, public, config; node_modules linked)
 *   → ingest (cold: no cache)          ┐
 *   → astro build                      ├ time and peak memory of each, as child processes
 *   → search index (Pagefind)          ┘
 *   → ingest again with the cache warm, and with one source changed (incremental), then
 *     astro build again (incremental: pages whose props did not change are copied) and the index
 *
 * and prints one table: time, peak RSS (the process tree's, sampled), pages, index size, the ratio
 * of each time to the 1× time; then the ingest stages per size; then the page weight at the
 * smallest size. `--json` prints the same as JSON (always also written to WORK/bench.json).
 * Nothing is written to the project's dist/ or content/generated/. `--publish DIR` copies the 1× build
 * (the real corpus: dist/ and content/generated/, before the incremental part changes a source) to
 * DIR/dist and DIR/generated and then writes DIR/ready: the tests read it as the project's build
 * (test/helpers/site.ts), so that a test run builds the real site once, not twice.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type Measured, measure } from './measure.ts';
import { copyProjectTo } from './project-copy.ts';
import { synthesize } from './synth.ts';
import { SHARDS_DIR } from '../search/build-index.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const NODE = process.execPath;
/**
 * How `npm run build` (package.json) runs each step: Astro with its old space capped at 1 GB (at 50× its RSS
 * peaked at 1.6–2.1 GB uncapped, 1.47 GB capped at 1 GB, 1.42 GB at 640 MB: most of the peak is garbage), the
 * index step with --expose-gc.
 */
const ASTRO = ['--max-old-space-size=1024', join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build'];
const INDEX = ['--expose-gc', 'scripts/search/build-index.ts', '--quiet'];
/** The last step of `npm run build`: the service worker and the offline file list (issue 15). Not timed here: run only on the 1× build that --publish hands to the site tests. */
const OFFLINE = ['scripts/offline/build-sw.ts'];
/** The page whose weight is reported (the 1+X pilot plan: long, with clauses and a table). */
const WEIGHT_PAGE = '/docs/jzc-2019-6/';

export interface Step {
  /** Wall time. */
  ms: number;
  /** CPU time (user + system, all processes): what the step costs, whatever else the machine runs. */
  cpuMs: number;
  peakRss: number;
  /** Wall time / the first size's; CPU time / the first size's. */
  ratio: number | null;
  cpuRatio: number | null;
}

export interface SizeResult {
  size: number;
  sources: number;
  documents: number;
  pages: number;
  indexBytes: number;
  distBytes: number;
  ingest: Step;
  astro: Step;
  pagefind: Step;
  total: Step;
  stages: Record<string, number>;
  incremental: { cold: number; warm: number; oneChanged: number; coldCpu: number; warmCpu: number; oneChangedCpu: number; cachedWarm: string; cachedOneChanged: string };
  /** After one source changed: ingest (cache), Astro's incremental build, the index again. */
  rebuild: { astro: Step; pagefind: Step; total: Step; pagesRestored: number; pagesRendered: number };
}

export interface PageWeight {
  page: string;
  htmlGzip: number;
  cssGzip: number;
  cssFiles: string[];
  jsGzip: number;
  jsFiles: string[];
}

function prepare(work: string, size: number): string {
  const dir = join(work, `${size}x`);
  copyProjectTo(dir);
  rmSync(join(dir, 'content', 'sources'), { recursive: true, force: true });
  synthesize(join(ROOT, 'content', 'sources'), join(dir, 'content', 'sources'), size);
  return dir;
}

function check(what: string, m: Measured): Measured {
  if (m.code !== 0) throw new Error(`${what} failed (exit ${m.code}):\n${m.stderr.slice(-3000)}\n${m.stdout.slice(-2000)}`);
  return m;
}

function sizeOf(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  let sum = 0;
  for (const e of readdirSync(path)) sum += sizeOf(join(path, e));
  return sum;
}

function countPages(dist: string): number {
  let n = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name !== 'pagefind' && e.name !== SHARDS_DIR && e.name !== '_astro') walk(join(d, e.name));
      } else if (e.name.endsWith('.html')) n++;
    }
  };
  walk(dist);
  return n;
}

function timings(stdout: string): Record<string, number> {
  const out: Record<string, number> = {};
  let on = false;
  for (const line of stdout.split('\n')) {
    if (line.startsWith('ingest timings')) on = true;
    else if (on) {
      const m = /^\s+(.+?)\s+([\d.]+)$/u.exec(line);
      if (m) out[m[1]!] = Number(m[2]);
    }
  }
  return out;
}

async function ingestRun(dir: string, extra: string[] = []): Promise<Measured> {
  return check('ingest', await measure(NODE, ['scripts/ingest/cli.ts', '--quiet', '--timings', '--verbose', ...extra], dir));
}

/** Gzipped bytes of a page's HTML, of the CSS it links and of the JavaScript it loads (with static imports). */
export function pageWeight(dist: string, page: string): PageWeight {
  const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
  const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
  const cssFiles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/gu)].map((m) => m[1]!);
  const jsFiles = new Set<string>();
  const addJs = (src: string) => {
    if (jsFiles.has(src) || !src.startsWith('/')) return;
    const path = join(dist, src);
    if (!existsSync(path)) return;
    jsFiles.add(src);
    const code = readFileSync(path, 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/gu)) addJs(new URL(m[1]!, `http://x${src}`).pathname);
  };
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/gu)) addJs(m[1]!);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/gu)) addJs(m[1]!);
  return {
    page,
    htmlGzip: gz(html),
    cssGzip: cssFiles.reduce((s, f) => s + (existsSync(join(dist, f)) ? gz(readFileSync(join(dist, f))) : 0), 0),
    cssFiles,
    jsGzip: [...jsFiles].reduce((s, f) => s + gz(readFileSync(join(dist, f))), 0),
    jsFiles: [...jsFiles],
  };
}

/** The 1× build's dist/ and content/generated/ copied to `to`, then `to/ready` written (see --publish). */
function publish(dir: string, to: string): void {
  mkdirSync(to, { recursive: true });
  cpSync(join(dir, 'dist'), join(to, 'dist'), { recursive: true });
  cpSync(join(dir, 'content', 'generated'), join(to, 'generated'), { recursive: true });
  writeFileSync(join(to, 'ready'), '');
}

async function runSize(work: string, size: number, log: (s: string) => void, publishTo?: string): Promise<SizeResult & { dir: string }> {
  const dir = prepare(work, size);
  const sources = readdirSync(join(dir, 'content', 'sources')).filter((f) => /\.(txt|md)$/u.test(f)).sort();
  log(`${size}×: ${sources.length} sources → ingest`);
  const ingest = await ingestRun(dir);
  const documents = Number(/(\d+) documents/u.exec(ingest.stdout)?.[1] ?? 0);
  log(`${size}×: ${documents} documents (${(ingest.ms / 1000).toFixed(1)} s) → astro build`);
  const astroEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: join(dir, '.astro-cache') };
  const astro = check('astro build', await measure(NODE, ASTRO, dir, astroEnv));
  log(`${size}×: astro ${(astro.ms / 1000).toFixed(1)} s → search index`);
  const pagefind = check('search index', await measure(NODE, INDEX, dir));
  log(`${size}×: index ${(pagefind.ms / 1000).toFixed(1)} s → incremental ingest`);
  if (publishTo && size === 1) {
    check('offline step', await measure(NODE, OFFLINE, dir));
    publish(dir, publishTo);
  }

  // Incremental: the cache the cold run filled, then one source changed (a sentence appended to the middle one),
  // then Astro's incremental build (pages whose props did not change are copied) and the index again.
  const warm = await ingestRun(dir);
  const touched = join(dir, 'content', 'sources', sources[Math.floor(sources.length / 2)]!);
  writeFileSync(touched, `${readFileSync(touched, 'utf8')}\n本句为基准测试追加的文字。\n`);
  const one = await ingestRun(dir);
  const cachedLine = (m: Measured) => /cached (\d+\/\d+)/u.exec(m.stdout)?.[1] ?? '?';
  log(`${size}×: incremental astro build`);
  const astroAgain = check('astro build (incremental)', await measure(NODE, ASTRO, dir, astroEnv));
  const indexAgain = check('search index (again)', await measure(NODE, INDEX, dir));
  // Astro colours its log when CI is set: colours stripped before counting.
  const restored = (stripVTControlCharacters(astroAgain.stdout).match(/index\.html \(restored\)/gu) ?? []).length;

  const step = (m: Measured): Step => ({ ms: m.ms, cpuMs: m.cpuMs, peakRss: m.peakTreeRss, ratio: null, cpuRatio: null });
  return {
    dir,
    size,
    sources: sources.length,
    documents,
    pages: countPages(join(dir, 'dist')),
    indexBytes: sizeOf(join(dir, 'dist', 'pagefind')) + sizeOf(join(dir, 'dist', SHARDS_DIR)),
    distBytes: sizeOf(join(dir, 'dist')),
    ingest: step(ingest),
    astro: step(astro),
    pagefind: step(pagefind),
    total: { ms: ingest.ms + astro.ms + pagefind.ms, cpuMs: ingest.cpuMs + astro.cpuMs + pagefind.cpuMs, peakRss: Math.max(ingest.peakTreeRss, astro.peakTreeRss, pagefind.peakTreeRss), ratio: null, cpuRatio: null },
    stages: timings(ingest.stdout),
    incremental: { cold: ingest.ms, warm: warm.ms, oneChanged: one.ms, coldCpu: ingest.cpuMs, warmCpu: warm.cpuMs, oneChangedCpu: one.cpuMs, cachedWarm: cachedLine(warm), cachedOneChanged: cachedLine(one) },
    rebuild: {
      astro: step(astroAgain),
      pagefind: step(indexAgain),
      total: { ms: one.ms + astroAgain.ms + indexAgain.ms, cpuMs: one.cpuMs + astroAgain.cpuMs + indexAgain.cpuMs, peakRss: Math.max(one.peakTreeRss, astroAgain.peakTreeRss, indexAgain.peakTreeRss), ratio: null, cpuRatio: null },
      pagesRestored: restored,
      pagesRendered: countPages(join(dir, 'dist')) - restored,
    },
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const ratio = (r: number | null) => (r === null ? '' : ` ×${r.toFixed(1)}`);
const cell = (st: Step) => `${s(st.ms)} / ${s(st.cpuMs)}${ratio(st.cpuRatio)}`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, k) => Math.max(...rows.map((r) => [...(r[k] ?? '')].length)));
  return rows.map((r) => r.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1,10,50' },
      json: { type: 'boolean', default: false },
      work: { type: 'string', default: join(tmpdir(), 'onex-bench') },
      keep: { type: 'boolean', default: false },
      publish: { type: 'string' },
    },
  });
  const sizes = values.sizes!.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const work = resolve(values.work!);
  mkdirSync(work, { recursive: true });
  const log = (m: string) => process.stderr.write(`bench: ${m}\n`);
  const results: Array<SizeResult & { dir: string }> = [];
  for (const n of sizes) results.push(await runSize(work, n, log, values.publish && resolve(values.publish)));

  const base = results[0]!;
  for (const r of results) {
    for (const k of ['ingest', 'astro', 'pagefind', 'total'] as const) {
      r[k].ratio = r[k].ms / base[k].ms;
      r[k].cpuRatio = base[k].cpuMs ? r[k].cpuMs / base[k].cpuMs : null;
    }
  }
  const weight = pageWeight(join(base.dir, 'dist'), WEIGHT_PAGE);
  if (!values.keep) for (const r of results) rmSync(r.dir, { recursive: true, force: true });

  const json = JSON.stringify({ machine: { cpus: cpus().length, node: process.version, loadavg: loadavg() }, sizes: results.map(({ dir: _dir, ...r }) => r), pageWeight: weight }, null, 2);
  writeFileSync(join(work, 'bench.json'), `${json}\n`);
  if (values.json) {
    console.log(json);
    return;
  }
  console.log(`\nWhole build by corpus size: wall time / CPU time (user+sys) ×CPU-time ratio to ${base.size}×; peak RSS of the process tree\n`);
  console.log(
    table([
      ['size', 'sources', 'docs', 'pages', 'ingest', 'RSS', 'astro build', 'RSS', 'pagefind', 'RSS', 'index', 'total'],
      ...results.map((r) => [
        `${r.size}×`,
        String(r.sources),
        String(r.documents),
        String(r.pages),
        cell(r.ingest),
        mb(r.ingest.peakRss),
        cell(r.astro),
        mb(r.astro.peakRss),
        cell(r.pagefind),
        mb(r.pagefind.peakRss),
        mb(r.indexBytes),
        cell(r.total),
      ]),
    ]),
  );
  console.log('\nIngest stages (ms; per-source stages summed over sources)\n');
  const stageNames = [...new Set(results.flatMap((r) => Object.keys(r.stages)))];
  console.log(table([['stage', ...results.map((r) => `${r.size}×`), ...(results.length > 1 ? [`${results.at(-1)!.size}×/${base.size}×`] : [])], ...stageNames.map((st) => [st, ...results.map((r) => (r.stages[st] ?? 0).toFixed(0)), ...(results.length > 1 ? [`×${((results.at(-1)!.stages[st] ?? 0) / Math.max(1, base.stages[st] ?? 0)).toFixed(1)}`] : [])])]));
  console.log('\nIncremental ingest (cache in .cache/ingest)\n');
  console.log('(wall / CPU time of the whole ingest command, Node start-up and writing included)\n');
  const inc = (r: SizeResult) => r.incremental;
  console.log(table([['size', 'cold', 'warm (unchanged)', 'one source changed', 'CPU saved'], ...results.map((r) => [`${r.size}×`, `${s(inc(r).cold)} / ${s(inc(r).coldCpu)}`, `${s(inc(r).warm)} / ${s(inc(r).warmCpu)} (cached ${inc(r).cachedWarm})`, `${s(inc(r).oneChanged)} / ${s(inc(r).oneChangedCpu)} (cached ${inc(r).cachedOneChanged})`, s(inc(r).coldCpu - inc(r).oneChangedCpu)])]));
  console.log('\nRebuild after one source changed: ingest with its cache, Astro incremental build (unchanged pages copied), index again\n');
  console.log(
    table([
      ['size', 'pages rendered', 'pages copied', 'astro build', 'index', 'total', 'full build', 'saved'],
      ...results.map((r) => [
        `${r.size}×`,
        String(r.rebuild.pagesRendered),
        String(r.rebuild.pagesRestored),
        `${s(r.rebuild.astro.ms)} / ${s(r.rebuild.astro.cpuMs)}`,
        `${s(r.rebuild.pagefind.ms)} / ${s(r.rebuild.pagefind.cpuMs)}`,
        `${s(r.rebuild.total.ms)} / ${s(r.rebuild.total.cpuMs)}`,
        `${s(r.total.ms)} / ${s(r.total.cpuMs)}`,
        `${s(r.total.ms - r.rebuild.total.ms)} (${Math.round((100 * (r.total.ms - r.rebuild.total.ms)) / r.total.ms)}%)`,
      ]),
    ]),
  );
  console.log(`\nPage weight at ${base.size}× (gzip -9): ${weight.page} HTML ${kb(weight.htmlGzip)} + CSS ${kb(weight.cssGzip)} = ${kb(weight.htmlGzip + weight.cssGzip)} (goal ≤ 40 KB); JavaScript ${kb(weight.jsGzip)} in ${weight.jsFiles.length} files (goal ≤ 10 KB)`);
  const peakOf = (r: SizeResult) => Math.max(r.total.peakRss, r.rebuild.total.peakRss);
  const goals = [
    [`full build at ${base.size}× ≤ 30 s (wall ${s(base.total.ms)}, CPU ${s(base.total.cpuMs)})`, base.total.ms <= 30_000],
    ...results.filter((r) => r.size === 50).map((r) => [`50× ≤ 60 × the 1× time (wall ×${r.total.ratio!.toFixed(1)}, CPU ×${(r.total.cpuRatio ?? 0).toFixed(1)})`, (r.total.cpuRatio ?? r.total.ratio!) <= 60] as const),
    [`peak RSS ≤ 2 GB (max ${mb(Math.max(...results.map(peakOf)))})`, results.every((r) => peakOf(r) <= 2 * 1024 ** 3)],
    ['document page HTML+CSS ≤ 40 KB gzipped', weight.htmlGzip + weight.cssGzip <= 40 * 1024],
    ['JavaScript on a document page ≤ 10 KB gzipped', weight.jsGzip <= 10 * 1024],
  ] as const;
  console.log(`\nGoals: ${goals.map(([g, ok]) => `${ok ? '✓' : '✗'} ${g}`).join('; ')}`);
}

await main();
