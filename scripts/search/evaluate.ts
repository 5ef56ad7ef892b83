/**
 * `node scripts/search/evaluate.ts [--dist dist] [--judged test/search/judged.json] [--json] [--misses]`
 *
 * Quality over the judged query set, per kind and per set (old / fresh / all), ours beside plain Pagefind:
 * - ours:  dist/pagefind (prepared pages) + lookups + re-ranking, through the engine;
 * - plain: Pagefind's defaults over the same pages (`--plain` index), the raw query passed to pagefind.search.
 * Each system is loaded once (one Pagefind instance, data.json and lookup.json read once) and answers every query.
 *
 * Measures:
 * - page level, every entry: recall@5 (share of `expect` among the first five hits) and MRR (1 / rank of the first
 *   expected hit). A judged URL with #anchor must match exactly; without, any anchor of that page counts;
 * - clause level, entries with `clause`: recall@5, the clause found when its anchored URL (or one of the judged
 *   alternatives, listed best first: a paragraph and its enclosing item) is one of the first five hits or one of
 *   their sub-results;
 * - a `notHeld` entry (a 文号 the corpus does not hold) counts as found when the response's notHeld names that 文号;
 *   its recall is the share of `expect` (the citing documents) its citedBy covers, its reciprocal rank that of the
 *   first expected document in citedBy (1 when `expect` is empty); its `clause` counts when citedBy holds that permalink
 *   (the clause that cites the 文号). Plain Pagefind has no notHeld: 0.
 * Expected catalog pages that do not exist in dist/ yet are replaced by the entry's `fallback`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type SearchDeps, type SearchOptions, type SearchResponse, pageUrl, search } from '../../src/lib/search/engine.ts';
import { splitDocNumber } from '../../src/lib/search/lookup.ts';
import { normalizeQuery } from '../../src/lib/search/normalize.ts';
import { buildPlainIndex } from './build-index.ts';
import { nodeDeps } from './node-pagefind.ts';

export interface Judged {
  q: string;
  kind: string;
  expect: string[];
  fallback?: string[];
  /** The clause that answers it: anchored URL(s), best first (/docs/jzc-2019-6/#s2-5-p1, /docs/jzc-2019-6/#s2-5). */
  clause?: string | string[];
  /** The 文号 the corpus does not hold (true: the one in the query); `expect` then lists the documents citing it. */
  notHeld?: string | boolean;
  /** Written blind, after the engine was tuned on the old entries. */
  set?: 'fresh';
  /** The query is a quoted phrase. */
  quoted?: true;
}

export type SetName = 'old' | 'fresh';
export const SETS = ['old', 'fresh', 'all'] as const;
export type SetOrAll = (typeof SETS)[number];

export interface QueryScore {
  q: string;
  kind: string;
  set: SetName;
  expected: string[];
  got: string[];
  recall: number;
  rr: number;
  /** Clause-level recall@5, for entries with `clause`. */
  clauseRecall?: number;
  clauses?: string[];
  /** For notHeld entries: what the response said. */
  notHeld?: { number: string; citedBy: string[] } | null;
}

export interface Cell {
  n: number;
  recall5: number;
  mrr: number;
  /** Entries with `clause`, and their clause-level recall@5 (null when there are none). */
  clauseN: number;
  clauseRecall5: number | null;
}

export interface SystemScore {
  recall5: number;
  mrr: number;
  /** kind → set → cell; kind '*' is every kind. */
  cells: Record<string, Partial<Record<SetOrAll, Cell>>>;
  /** Older callers: per kind over all sets. */
  byKind: Record<string, { n: number; recall5: number; mrr: number }>;
  queries: QueryScore[];
}

export function readJudged(path = 'test/search/judged.json'): Judged[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { queries: Judged[] }).queries;
}

/** The expected URLs for this build: catalog pages that do not exist yet fall back. */
export function expectedFor(j: Judged, dist: string): string[] {
  const exists = (u: string) => existsSync(join(dist, pageUrl(u), 'index.html'));
  return j.expect.every(exists) ? j.expect : (j.fallback ?? j.expect);
}

const matches = (got: string, want: string) => (want.includes('#') ? got === want : pageUrl(got) === want);

const clausesOf = (j: Judged): string[] => (j.clause === undefined ? [] : Array.isArray(j.clause) ? j.clause : [j.clause]);

/** 教职成[2019]6 → 教职成〔2019〕6号 (for comparing the judged 文号 with the response's). */
function sameNumber(a: string, b: string): boolean {
  const x = splitDocNumber(normalizeQuery(a));
  const y = splitDocNumber(normalizeQuery(b));
  return x && y ? x.agency === y.agency && x.year === y.year && x.serial === y.serial : normalizeQuery(a) === normalizeQuery(b);
}

/** The parts of a response the scores read. */
export type Answer = Pick<SearchResponse, 'hits' | 'notHeld'>;

/** `res` may be the hits' URLs only (older callers): no sub-results, no notHeld. */
export function score(j: Judged, expected: string[], answer: Answer | string[]): QueryScore {
  const res: Answer = Array.isArray(answer) ? { hits: answer.map((url) => ({ kind: 'text', url, title: '', excerpt: [], sub: [] })) } : answer;
  const got = res.hits.map((h) => h.url);
  const top = got.slice(0, 5);
  const base = { q: j.q, kind: j.kind, set: (j.set === 'fresh' ? 'fresh' : 'old') as SetName, expected, got: top };
  let recall: number;
  let rr: number;
  let notHeld: QueryScore['notHeld'];
  if (j.notHeld) {
    const n = res.notHeld;
    const named = !!n && (j.notHeld === true || sameNumber(String(j.notHeld), n.number));
    const cited = named ? n!.citedBy.map((c) => c.url) : [];
    notHeld = n ? { number: n.number, citedBy: n.citedBy.map((c) => c.url) } : null;
    if (!named) {
      recall = 0;
      rr = 0;
    } else if (!expected.length) {
      recall = 1;
      rr = 1;
    } else {
      recall = expected.filter((e) => cited.some((c) => matches(c, e))).length / expected.length;
      const first = cited.findIndex((c) => expected.some((e) => matches(c, e)));
      rr = first >= 0 ? 1 / (first + 1) : 0;
    }
  } else {
    recall = expected.length ? expected.filter((e) => top.some((g) => matches(g, e))).length / expected.length : 0;
    const first = got.findIndex((g) => expected.some((e) => matches(g, e)));
    rr = first >= 0 ? 1 / (first + 1) : 0;
  }
  const clauses = clausesOf(j);
  const out: QueryScore = { ...base, recall, rr, ...(notHeld !== undefined ? { notHeld } : {}) };
  if (clauses.length) {
    // A not-held 文号's clause is where a held document cites it: its notHeld.citedBy permalinks count as reached.
    const reached = new Set([...res.hits.slice(0, 5).flatMap((h) => [h.url, ...h.sub.map((s) => s.url)]), ...(j.notHeld ? (res.notHeld?.citedBy ?? []).map((c) => c.url) : [])]);
    out.clauses = clauses;
    // judged.json: `clause` is the permalink(s) of the clause that answers, best first (a paragraph and, just as right,
    // its enclosing item): the clause is found when any of them is reached.
    out.clauseRecall = clauses.some((c) => reached.has(c)) ? 1 : 0;
  }
  return out;
}

function cell(qs: QueryScore[]): Cell {
  const n = qs.length;
  const withClause = qs.filter((q) => q.clauseRecall !== undefined);
  return {
    n,
    recall5: n ? qs.reduce((s, q) => s + q.recall, 0) / n : 0,
    mrr: n ? qs.reduce((s, q) => s + q.rr, 0) / n : 0,
    clauseN: withClause.length,
    clauseRecall5: withClause.length ? withClause.reduce((s, q) => s + q.clauseRecall!, 0) / withClause.length : null,
  };
}

export function summarise(queries: QueryScore[]): SystemScore {
  const cells: SystemScore['cells'] = {};
  const kinds = ['*', ...new Set(queries.map((q) => q.kind))];
  for (const k of kinds) {
    const ofKind = k === '*' ? queries : queries.filter((q) => q.kind === k);
    const row: Partial<Record<SetOrAll, Cell>> = {};
    for (const set of SETS) {
      const qs = set === 'all' ? ofKind : ofKind.filter((q) => q.set === set);
      if (qs.length) row[set] = cell(qs);
    }
    cells[k] = row;
  }
  const byKind: SystemScore['byKind'] = {};
  for (const k of kinds.slice(1)) byKind[k] = { n: cells[k]!.all!.n, recall5: cells[k]!.all!.recall5, mrr: cells[k]!.all!.mrr };
  const all = cells['*']!.all ?? cell([]);
  return { recall5: all.recall5, mrr: all.mrr, cells, byKind, queries };
}

/** Both systems, each loaded once: the engine over our index, and plain Pagefind over the comparison index. */
export interface Systems {
  ours: SearchDeps;
  plain: SearchDeps;
}

export async function loadSystems(distDir = 'dist', plainDir = join('node_modules', '.cache', 'onex-search-plain')): Promise<Systems> {
  const dist = resolve(distDir);
  const plainSite = resolve(plainDir);
  await buildPlainIndex(dist, plainSite);
  const systems = { ours: nodeDeps(dist), plain: nodeDeps(dist, plainSite, null) };
  // Start both Pagefind instances (and data.json) now, once, before the first query.
  await Promise.all([systems.ours.pagefind(), systems.ours.data(), systems.plain.pagefind()]);
  return systems;
}

export async function evaluate(
  distDir = 'dist',
  plainDir = join('node_modules', '.cache', 'onex-search-plain'),
  judgedPath = 'test/search/judged.json',
  variant: SearchOptions = {},
  systems?: Systems,
): Promise<{ ours: SystemScore; plain: SystemScore }> {
  const dist = resolve(distDir);
  const { ours: oursDeps, plain: plainDeps } = systems ?? (await loadSystems(distDir, plainDir));
  const judged = readJudged(judgedPath);
  const ours: QueryScore[] = [];
  const plain: QueryScore[] = [];
  for (const j of judged) {
    const expected = expectedFor(j, dist);
    ours.push(score(j, expected, await search(j.q, oursDeps, { limit: 10, ...variant })));
    plain.push(score(j, expected, await search(j.q, plainDeps, { limit: 10, mode: 'plain' })));
  }
  return { ours: summarise(ours), plain: summarise(plain) };
}

/** A readable table: per kind, a row per set present (old, fresh, all), ours beside plain; the totals last. */
export function table(r: { ours: SystemScore; plain: SystemScore }): string {
  const f = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(3));
  const lines = [
    '| kind | set | n | recall@5 ours | recall@5 plain | MRR ours | MRR plain | n clause | clause recall@5 ours | clause recall@5 plain |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const kinds = Object.keys(r.ours.cells).filter((k) => k !== '*');
  const row = (k: string, label: string, bold: boolean) => {
    for (const set of SETS) {
      const o = r.ours.cells[k]?.[set];
      const p = r.plain.cells[k]?.[set];
      if (!o) continue;
      // A kind written in one set only: its 'all' row would repeat it.
      if (set === 'all' && k !== '*' && (!r.ours.cells[k]!.old || !r.ours.cells[k]!.fresh)) continue;
      const b = (s: string) => (bold && set === 'all' ? `**${s}**` : s);
      lines.push(
        `| ${b(label)} | ${set} | ${o.n} | ${b(f(o.recall5))} | ${f(p?.recall5)} | ${b(f(o.mrr))} | ${f(p?.mrr)} | ${o.clauseN || ''} | ${o.clauseN ? b(f(o.clauseRecall5)) : ''} | ${o.clauseN ? f(p?.clauseRecall5) : ''} |`,
      );
    }
  };
  for (const k of kinds) row(k, k, false);
  row('*', 'all kinds', true);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      judged: { type: 'string', default: 'test/search/judged.json' },
      json: { type: 'boolean', default: false },
      misses: { type: 'boolean', default: false },
    },
  });
  const r = await evaluate(values.dist!, undefined, values.judged!);
  if (values.json) {
    const strip = (s: SystemScore) => ({ recall5: s.recall5, mrr: s.mrr, cells: s.cells, ...(values.misses ? { queries: s.queries } : {}) });
    console.log(JSON.stringify({ judged: values.judged, ours: strip(r.ours), plain: strip(r.plain) }, null, 2));
  } else {
    console.log(table(r));
    if (values.misses) {
      for (const q of r.ours.queries) {
        if (q.recall < 1 || q.rr < 1 || (q.clauseRecall ?? 1) < 1) {
          const clause = q.clauseRecall !== undefined ? ` clause=${q.clauseRecall.toFixed(2)}` : '';
          const nh = q.notHeld !== undefined ? ` notHeld=${q.notHeld ? `${q.notHeld.number} ← ${q.notHeld.citedBy.join(' ')}` : 'none'}` : '';
          console.log(`ours  ${q.recall.toFixed(2)} rr=${q.rr.toFixed(2)}${clause}${nh} [${q.kind}/${q.set}] ${q.q} → ${q.got.join(' ')}`);
        }
      }
    }
  }
  process.exit(0);
}
