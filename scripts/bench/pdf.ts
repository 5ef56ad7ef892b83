/**
 * `npm run bench:pdf [-- --pages 100] [--runs 3] [--keep]`
 *
 * What a PDF source costs (issue 13: a 100-page PDF must ingest in ≤ 5 s on this machine). Two
 * measurements, each `npm run ingest -- --no-cache --timings` as a child process over a folder that
 * holds only the PDF(s) measured, best of `--runs` runs (wall time, including Node's start-up):
 *
 *   1. a PDF of at least `--pages` pages: the fixture PDFs of test/fixtures/pdf put one after another
 *      with `pdfunite` (poppler-utils) until there are enough pages;
 *   2. each fixture PDF alone.
 *
 * Prints, per case: pages, wall time, and the ingest's own figures for reading the text layer
 * (read-pdf), the per-source stages and the whole pipeline. A measurement, not a test: no time limit
 * is asserted anywhere.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readPdf } from '../ingest/parse/pdf.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'pdf');
const CLI = join(ROOT, 'scripts', 'ingest', 'cli.ts');
/** The fixtures with a text layer that reads (the scan, corrupt and encrypted ones are left out). */
const READABLE = ['web-qianduan-standard.pdf', 'wuliu-standard.pdf', 'notice-jzc-2019-6.pdf', 'regulation.pdf'];

const { values } = parseArgs({ options: { pages: { type: 'string', default: '100' }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false } } });
const wantPages = Number(values.pages);
const runs = Math.max(1, Number(values.runs));
const work = mkdtempSync(join(tmpdir(), 'bench-pdf-'));

async function pagesOf(file: string): Promise<number> {
  return (await readPdf(file, new Uint8Array(readFileSync(file)))).pages;
}

interface Result {
  name: string;
  pages: number;
  bytes: number;
  wallMs: number;
  stages: Record<string, number>;
}

/** Best of `runs` ingests of a folder holding these PDFs. */
function measure(name: string, files: string[], pages: number): Result {
  const dir = join(work, name);
  mkdirSync(join(dir, 'sources'), { recursive: true });
  for (const f of files) copyFileSync(f, join(dir, 'sources', f.split('/').pop()!));
  let best: Result | null = null;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const out = execFileSync(process.execPath, [CLI, '--no-cache', '--quiet', '--timings', '--sources', join(dir, 'sources'), '--out', join(dir, 'out'), '--overrides', join(dir, 'none')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const wallMs = performance.now() - t0;
    const stages: Record<string, number> = {};
    for (const m of out.matchAll(/^ {2}(\S.*?)\s+([\d.]+)$/gmu)) stages[m[1]!.trim()] = Number(m[2]);
    if (!best || wallMs < best.wallMs) best = { name, pages, bytes: files.reduce((s, f) => s + readFileSync(f).length, 0), wallMs, stages };
  }
  return best!;
}

const results: Result[] = [];
try {
  // 1. The long PDF, made from the fixtures.
  const parts: string[] = [];
  let pages = 0;
  const counts = new Map<string, number>();
  for (const f of READABLE) counts.set(f, await pagesOf(join(FIXTURES, f)));
  for (let k = 0; pages < wantPages; k++) {
    const f = READABLE[k % READABLE.length]!;
    parts.push(join(FIXTURES, f));
    pages += counts.get(f)!;
  }
  const long = join(work, `long-${pages}.pdf`);
  execFileSync('pdfunite', [...parts, long]);
  results.push(measure(`long-${pages}`, [long], await pagesOf(long)));
  // 2. Each fixture alone.
  for (const f of READABLE) results.push(measure(f.replace(/\.pdf$/u, ''), [join(FIXTURES, f)], counts.get(f)!));
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

const perSource = ['parse', 'noise', 'split', 'elements', 'structure'];
console.log(`PDF ingest, best of ${runs} (ms; wall = the whole \`npm run ingest\` process, Node start-up included)`);
console.log(`${'source'.padEnd(26)}${'pages'.padStart(6)}${'KB'.padStart(8)}${'wall'.padStart(8)}${'read-pdf'.padStart(10)}${'per-source'.padStart(12)}${'pipeline'.padStart(10)}`);
for (const r of results) {
  const src = perSource.reduce((s, k) => s + (r.stages[k] ?? 0), 0);
  console.log(
    `${r.name.padEnd(26)}${String(r.pages).padStart(6)}${String(Math.round(r.bytes / 1024)).padStart(8)}${r.wallMs.toFixed(0).padStart(8)}${(r.stages['read-pdf'] ?? 0).toFixed(0).padStart(10)}${src.toFixed(0).padStart(12)}${(r.stages['(pipeline total)'] ?? 0).toFixed(0).padStart(10)}`,
  );
}
if (values.keep) console.log(`kept: ${work}`);
