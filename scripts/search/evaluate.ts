/**
 * `node scripts/search/evaluate.ts [--dist dist] [--json]`
 *
 * Quality over the judged query set (test/search/judged.json): recall@5 and MRR for
 * - ours:  dist/pagefind (prepared pages) + lookups + re-ranking, through the engine;
 * - plain: Pagefind's defaults over the same pages (`--plain` index), the raw query passed to pagefind.search.
 * A judged URL with #anchor must match exactly; without, any anchor of that page counts.
 * Expected catalog pages that do not exist in dist/ yet are replaced by the query's `fallback`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type SearchOptions, search } from '../../src/lib/search/engine.ts';
import { buildPlainIndex } from './build-index.ts';
import { nodeDeps } from './node-pagefind.ts';

export interface Judged {
  q: string;
  kind: string;
  expect: string[];
  fallback?: string[];
}

export interface QueryScore {
  q: string;
  kind: string;
  expected: string[];
  got: string[];
  recall: number;
  rr: number;
}

export interface SystemScore {
  recall5: number;
  mrr: number;
  byKind: Record<string, { n: number; recall5: number; mrr: number }>;
  queries: QueryScore[];
}

export function readJudged(path = 'test/search/judged.json'): Judged[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { queries: Judged[] }).queries;
}

/** The expected URLs for this build: catalog pages that do not exist yet fall back. */
export function expectedFor(j: Judged, dist: string): string[] {
  const exists = (u: string) => existsSync(join(dist, u.replace(/#.*$/u, ''), 'index.html'));
  return j.expect.every(exists) ? j.expect : (j.fallback ?? j.expect);
}

const matches = (got: string, want: string) => (want.includes('#') ? got === want : got.replace(/#.*$/u, '') === want);

export function score(j: Judged, expected: string[], got: string[]): QueryScore {
  // Distinct pages in rank order (a citation hit and its page count once).
  const top = got.slice(0, 5);
  const found = expected.filter((e) => top.some((g) => matches(g, e))).length;
  const first = got.findIndex((g) => expected.some((e) => matches(g, e)));
  return { q: j.q, kind: j.kind, expected, got: top, recall: found / expected.length, rr: first >= 0 ? 1 / (first + 1) : 0 };
}

export function summarise(queries: QueryScore[]): SystemScore {
  const byKind: SystemScore['byKind'] = {};
  for (const q of queries) {
    const k = (byKind[q.kind] ??= { n: 0, recall5: 0, mrr: 0 });
    k.n++;
    k.recall5 += q.recall;
    k.mrr += q.rr;
  }
  for (const k of Object.values(byKind)) {
    k.recall5 /= k.n;
    k.mrr /= k.n;
  }
  const n = Math.max(1, queries.length);
  return {
    recall5: queries.reduce((s, q) => s + q.recall, 0) / n,
    mrr: queries.reduce((s, q) => s + q.rr, 0) / n,
    byKind,
    queries,
  };
}

export async function evaluate(
  distDir = 'dist',
  plainDir = join('node_modules', '.cache', 'onex-search-plain'),
  judgedPath = 'test/search/judged.json',
  variant: SearchOptions = {},
): Promise<{ ours: SystemScore; plain: SystemScore }> {
  const dist = resolve(distDir);
  const plainSite = resolve(plainDir);
  await buildPlainIndex(dist, plainSite);
  const judged = readJudged(judgedPath);
  const oursDeps = nodeDeps(dist);
  const plainDeps = nodeDeps(dist, plainSite, null);
  const ours: QueryScore[] = [];
  const plain: QueryScore[] = [];
  for (const j of judged) {
    const expected = expectedFor(j, dist);
    const a = await search(j.q, oursDeps, { limit: 10, ...variant });
    ours.push(score(j, expected, a.hits.map((h) => h.url)));
    const b = await search(j.q, plainDeps, { limit: 10, mode: 'plain' });
    plain.push(score(j, expected, b.hits.map((h) => h.url)));
  }
  return { ours: summarise(ours), plain: summarise(plain) };
}

export function table(r: { ours: SystemScore; plain: SystemScore }): string {
  const kinds = [...new Set([...Object.keys(r.ours.byKind)])];
  const lines = ['| queries | n | recall@5 ours | recall@5 plain | MRR ours | MRR plain |', '|---|---:|---:|---:|---:|---:|'];
  const f = (x: number) => x.toFixed(3);
  for (const k of kinds) {
    const o = r.ours.byKind[k]!;
    const p = r.plain.byKind[k]!;
    lines.push(`| ${k} | ${o.n} | ${f(o.recall5)} | ${f(p.recall5)} | ${f(o.mrr)} | ${f(p.mrr)} |`);
  }
  lines.push(`| **all** | ${r.ours.queries.length} | **${f(r.ours.recall5)}** | **${f(r.plain.recall5)}** | **${f(r.ours.mrr)}** | **${f(r.plain.mrr)}** |`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, json: { type: 'boolean', default: false }, misses: { type: 'boolean', default: false } } });
  const r = await evaluate(values.dist!);
  if (values.json) console.log(JSON.stringify({ ours: { ...r.ours, queries: undefined }, plain: { ...r.plain, queries: undefined } }, null, 2));
  else console.log(table(r));
  if (values.misses) {
    for (const q of r.ours.queries) if (q.recall < 1 || q.rr < 1) console.log(`ours  ${q.recall.toFixed(2)} rr=${q.rr.toFixed(2)} [${q.kind}] ${q.q} → ${q.got.join(' ')}`);
  }
  process.exit(0);
}
