/**
 * The one search code path, used by the browser (src/scripts/search-*.ts) and by
 * `npm run search` (scripts/search/cli.ts) against the built dist/.
 *
 *   query ─ normalise ─┬─ exact lookups (文号, citation, code, name) ──────────────┐
 *                      └─ Pagefind full text ─ phrase filter ─ re-rank (title, keywords) ┴─► hits
 *
 * The engine knows Pagefind only through `PagefindLike` and its own data only
 * through the loaders in `SearchDeps`, so the same function runs in both places.
 */
import { type CodeEntry, type LookupHit, type LookupTable, type NameEntry, type NotHeldEntry, codeBucket, codesIn, exactLookups, isCodeQuery, isDocNumberQuery, notHeldFor, wantsDocNumbers } from './lookup.ts';
import { skillHref } from '../skills.ts';
import { searchKey, matchUnits, normalizeQuery, segmentQuery, squeezeHanSpaces } from './normalize.ts';

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: { weight: number; balanced_score: number; location: number }[];
  locations?: number[];
}

export interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
  sub_results?: PagefindSubResult[];
}

export interface PagefindResultLike {
  id: string;
  score: number;
  /** Word positions of the matches in the page. */
  words?: number[];
  data(): Promise<PagefindData>;
}

export type Filters = Record<string, string[]>;

export interface PagefindLike {
  search(term: string, options?: { filters?: Filters }): Promise<{ results: PagefindResultLike[] } | null>;
  filters?(): Promise<Record<string, Record<string, number>>>;
}

/** One indexed page, keyed by its Pagefind fragment id in SearchData.pages. */
export interface PageInfo {
  url: string;
  /** Not written by the index step since the title weight is 0 (measured; Pagefind already weights the h1). */
  title?: string;
  /** 文号, certificate or organisation name: what a reader may type to mean this page. */
  names?: string[];
  /** Keywords nodejieba extracted with the domain dictionary (build time). */
  keywords?: string[];
}

/** dist/search/data.json: loaded with the first query (kept small: it is on the cold path). */
export interface SearchData {
  /** Catalog pages (certificates, organisations) carry no `names` here: they are their entry in `names`. */
  pages: Record<string, PageInfo>;
  names: NameEntry[];
  /** How many files the skill codes are spread over (search/codes/<n>.json, by codeBucket). */
  codeBuckets?: number;
  /** Index shards after the first (dist/pagefind/), to merge into it: written only when the site outgrew one (build-index.ts SHARD_BYTES). */
  shards?: string[];
  /** Older data.json only: the suggestion terms now live in search/terms.json (SearchDeps.terms). */
  terms?: string[];
}

export interface SearchDeps {
  pagefind(): Promise<PagefindLike>;
  data(): Promise<SearchData>;
  /** dist/search/terms.json: dictionary terms and titles for “did you mean”, loaded only when nothing matched. */
  terms?(): Promise<string[]>;
  /** dist/search/filters.json: filter values and page counts over the whole index (written at build time), for the filter menus. */
  filters?(): Promise<Record<string, Record<string, number>>>;
  /** dist/search/lookup.json (文号, clause locators, cited-but-not-held 文号): loaded only when a query holds a 文号 or a pasted citation. */
  lookup(): Promise<LookupTable>;
  /** dist/search/codes/<bucket>.json: the skill codes of one bucket (codeBucket), loaded only for a code in the query. */
  codes(bucket: number): Promise<CodeEntry[]>;
}

/**
 * The page of a certificate page's sub-result: the index step makes each row of the certificate's skill matrix a
 * heading with the row's anchor, so `/certificates/<id>/#<anchor>` stands for `/certificates/<id>/skills/<anchor>/`.
 */
export function rowPage(pageUrl: string, subUrl: string): string | null {
  const m = /^\/certificates\/([^/]+)\/$/u.exec(pageUrl);
  const hash = subUrl.indexOf('#');
  if (!m || hash < 0 || subUrl.slice(0, hash) !== pageUrl || hash === subUrl.length - 1) return null;
  return skillHref(m[1]!, subUrl.slice(hash + 1));
}

/** Text with highlighted parts, never HTML: the UI builds nodes, the CLI prints brackets. */
export type Excerpt = { text: string; mark: boolean }[];

export interface SearchHit {
  kind: LookupHit['kind'] | 'text';
  url: string;
  title: string;
  excerpt: Excerpt;
  /** For exact lookups: why it matched. */
  reason?: string;
  /** Clause-level hits inside the page (Pagefind sub-results at clause anchors). */
  sub: { url: string; title: string; excerpt: Excerpt }[];
  filters?: Record<string, string[]>;
  /** What a reader scans a result by: the page's kind and, for a document, its 文号, issuer and date. */
  meta?: HitMeta;
}

/** Facts shown with a hit (written at build time from the typed collections, not parsed from pages). */
export interface HitMeta {
  /** Chinese label of the page's kind: 通知, 意见, 证书, 技能要求, 培训评价组织, 名词, 收费, 时间线 … */
  kind: string;
  docNumber?: string;
  issuer?: string;
  /** ISO date (YYYY-MM-DD), for display and for sorting by date. */
  date?: string;
  /** A skill row's printed code or label (2-3-4-S5, 1.2.3) rather than its position code. */
  label?: string;
}

export interface SearchOptions {
  limit?: number;
  filters?: Filters;
  /** Ranking variant for measurement: 'ours' (default) or 'plain' (raw Pagefind, no lookups, no re-rank). */
  mode?: 'ours' | 'plain';
  /** Segment the query's Han runs before Pagefind (default true; false only to measure the old behaviour). */
  segment?: boolean;
  /** Override re-ranking weights (measurement only). */
  weights?: Partial<RankWeights>;
}

export interface SearchResponse {
  query: string;
  normalized: string;
  phrases: string[];
  hits: SearchHit[];
  /** How many full-text pages matched before the limit. */
  total: number;
  /** Close matches, when nothing matched. */
  suggestions: string[];
  /** The query is a skill code that exists nowhere. */
  unknownCode: string | null;
  /** [wt-tools, issue 14] The query names a 文号 the corpus does not hold: that 文号 and the documents here that cite it (lookup.ts notHeldMessage words it). */
  notHeld?: NotHeldEntry;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/** Pagefind's excerpt HTML (escaped text with <mark>) → parts; spaces inside Chinese squeezed. */
export function parseExcerpt(html: string): Excerpt {
  const parts: Excerpt = [];
  const re = /<mark>(.*?)<\/mark>/gsu;
  let last = 0;
  const push = (raw: string, mark: boolean) => {
    const text = squeezeHanSpaces(raw.replace(/<[^>]*>/gu, '').replace(/&(?:amp|lt|gt|quot|#39|#x27);/gu, (e) => ENTITIES[e]!));
    if (!text) return;
    const prev = parts.at(-1);
    if (prev && prev.mark === mark) prev.text += text;
    else parts.push({ text, mark });
  };
  for (const m of html.matchAll(re)) {
    push(html.slice(last, m.index), false);
    push(m[1]!, true);
    last = m.index! + m[0].length;
  }
  push(html.slice(last), false);
  return parts;
}

export function excerptText(e: Excerpt): string {
  return e.map((p) => p.text).join('');
}

/** Quoted phrases and the query without quotes. */
export function splitPhrases(normalized: string): { phrases: string[]; text: string } {
  const phrases: string[] = [];
  const text = normalized
    .replace(/"([^"]+)"/gu, (_, p: string) => {
      phrases.push(p.trim());
      return ` ${p} `;
    })
    .replace(/"/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  return { phrases: phrases.filter(Boolean), text };
}

/** Share of the query's units (Han bigrams, ASCII words) found in a text. */
export function coverage(units: string[], text: string): number {
  if (!units.length) return 0;
  const t = searchKey(text);
  return units.filter((u) => t.includes(u)).length / units.length;
}

/** An excerpt around the first occurrence of a phrase in a page's content. */
function phraseExcerpt(content: string, phrase: string, width = 60): Excerpt | null {
  const c = content.replace(/\s+/gu, ' ');
  const idx = c.indexOf(phrase);
  if (idx < 0) return null;
  const start = Math.max(0, idx - width / 2);
  const end = Math.min(c.length, idx + phrase.length + width / 2);
  return [
    { text: (start > 0 ? '…' : '') + c.slice(start, idx), mark: false },
    { text: phrase, mark: true },
    { text: c.slice(idx + phrase.length, end) + (end < c.length ? '…' : ''), mark: false },
  ].filter((p) => p.text);
}

/** Bigram Dice similarity, for suggestions. */
export function similarity(a: string, b: string): number {
  const A = matchUnits(a);
  const B = matchUnits(b);
  if (!A.length || !B.length) return 0;
  const setB = new Set(B);
  const shared = new Set(A.filter((u) => setB.has(u))).size;
  return (2 * shared) / (new Set(A).size + setB.size);
}

export function suggest(query: string, terms: string[], n = 5): string[] {
  const q = searchKey(query);
  return terms
    .map((t) => ({ t, s: similarity(q, t) }))
    .filter((x) => x.s >= 0.3 && searchKey(x.t) !== q)
    .sort((a, b) => b.s - a.s || a.t.length - b.t.length)
    .slice(0, n)
    .map((x) => x.t);
}

/** Re-ranking weights over Pagefind's normalised score (1.0); measured on the judged set (see scripts/search/README.md). */
// Ablation on the judged set (63 queries; recall@5 / MRR): all three with title 1.2 0.944 / 0.896;
// without title 0.960 / 0.906 (Pagefind already weights the h1); without names 0.921; without keywords 0.937.
export const RANK = { title: 0, names: 0.8, keywords: 0.4 };

/**
 * Pagefind's own ranking options for our index (pagefind.options({ ranking })). Skill pages are a
 * line long; with Pagefind's default length normalisation (pageLength 0.75) they outrank the
 * documents that hold a query as a phrase. Measured on the judged set (scripts/search/README.md).
 */
export const PAGEFIND_RANKING = { pageLength: 0.1, termFrequency: 1.0 };
export type RankWeights = typeof RANK;

/** data.json leaves out a certificate's alias “<name>职业技能等级证书” (its full name, nearly always): restored here. */
export const CERT_SUFFIX = '职业技能等级证书';
const expanded = new WeakMap<SearchData, { names: NameEntry[]; byUrl: Map<string, string[]> }>();
function catalog(data: SearchData): { names: NameEntry[]; byUrl: Map<string, string[]> } {
  let c = expanded.get(data);
  if (!c) {
    const names = data.names.map((n) =>
      n.kind === 'certificate' && !n.aliases.includes(n.name + CERT_SUFFIX) && !n.name.endsWith(CERT_SUFFIX) ? { ...n, aliases: [n.name + CERT_SUFFIX, ...n.aliases] } : n,
    );
    expanded.set(data, (c = { names, byUrl: new Map(names.map((n) => [n.url, [n.name, ...n.aliases]])) }));
  }
  return c;
}
/** A page's names: its own, or its catalog entry's name and aliases. */
function pageNames(data: SearchData, info: PageInfo): string[] | undefined {
  return info.names ?? catalog(data).byUrl.get(info.url);
}

function lookupToHit(h: LookupHit): SearchHit {
  return { kind: h.kind, url: h.url, title: h.title, reason: h.reason, excerpt: h.text ? [{ text: h.text, mark: false }] : [], sub: [] };
}

export async function search(query: string, deps: SearchDeps, options: SearchOptions = {}): Promise<SearchResponse> {
  const limit = options.limit ?? 10;
  const mode = options.mode ?? 'ours';
  const normalized = mode === 'plain' ? query.trim() : normalizeQuery(query);
  const { phrases, text } = mode === 'plain' ? { phrases: [], text: normalized } : splitPhrases(normalized);
  const response: SearchResponse = { query, normalized, phrases, hits: [], total: 0, suggestions: [], unknownCode: null };
  if (!normalized) return response;

  const pagefindP = deps.pagefind();
  const dataP = mode === 'ours' ? deps.data() : null;

  // 1. Exact lookups.
  let exact: SearchHit[] = [];
  const codeOnly = mode === 'ours' && isCodeQuery(normalized);
  if (mode === 'ours') {
    const data = await dataP!;
    const buckets = [...new Set(codesIn(normalized).map((c) => codeBucket(c, data.codeBuckets ?? 1)))];
    // ── [wt-tools, issue 14] 文号 / pasted-citation lookup: lookup.json (docs, notHeld) only for such queries ──
    const [table, codes] = await Promise.all([
      wantsDocNumbers(normalized) ? deps.lookup() : ({ docs: [] } as LookupTable),
      Promise.all(buckets.map((b) => deps.codes(b))).then((lists) => lists.flat()),
    ]);
    exact = exactLookups(normalized, { ...table, codes, names: catalog(data).names }).map(lookupToHit);
    const notHeld = table.docs.length && !exact.some((h) => h.kind === 'docnumber' || h.kind === 'citation') ? notHeldFor(normalized, table) : null;
    if (notHeld) {
      response.notHeld = notHeld;
      // A query that is only that 文号 (and perhaps a clause) gets no loose matches: notHeld says what the corpus knows.
      if (isDocNumberQuery(normalized)) return response;
    }
    // ── end wt-tools ──
    // A code-only query never falls back to full text: Pagefind splits 3-4-S1 into 3, 4, s1 and would match other codes.
    // A query that is only a 文号 (and perhaps a clause) and found its document needs no full text.
    if (!codeOnly && exact.length && isDocNumberQuery(normalized)) {
      response.hits = exact.slice(0, limit);
      return response;
    }
    if (codeOnly) {
      if (exact.length === 0) response.unknownCode = normalized;
      response.hits = exact.slice(0, limit);
      return response;
    }
  }

  // 2. Full text.
  const pagefind = await pagefindP;
  const pfOptions = options.filters ? { filters: options.filters } : {};
  const pfTerm = mode === 'ours' && options.segment !== false ? segmentQuery(text || normalized) : text || normalized;
  const found = await pagefind.search(pfTerm, pfOptions);
  const results = found?.results ?? [];
  let scored: { r: PagefindResultLike; score: number }[];
  if (mode === 'ours') {
    const data = await dataP!;
    const w = { ...RANK, ...options.weights };
    const units = matchUnits(text);
    const max = Math.max(1e-9, ...results.map((r) => r.score));
    scored = results.map((r) => {
      const info = data.pages[r.id];
      let score = r.score / max;
      if (info) {
        if (w.title && info.title) score += w.title * coverage(units, info.title);
        const names = pageNames(data, info);
        if (names) score += w.names * Math.max(0, ...names.map((n) => coverage(units, n)));
        if (info.keywords) score += w.keywords * coverage(units, info.keywords.join(' '));
      }
      return { r, score };
    });
    scored.sort((a, b) => b.score - a.score);
  } else {
    scored = results.map((r) => ({ r, score: r.score }));
  }

  // 3. Phrases: keep pages whose text holds every phrase (Pagefind cannot do exact Chinese phrases).
  const exactUrls = new Set(exact.map((h) => h.url.replace(/#.*$/u, '')));
  const hits: SearchHit[] = [];
  const wanted = Math.max(0, limit - exact.length);
  let total = 0;
  // Fragments (page text, ~2–13 KB each) are fetched only for the results shown: one batch of
  // `wanted`, more only when a phrase or an exact hit rejected some (measured: 8 per batch cost 37 KB on a cold query).
  for (let i = 0; i < scored.length && hits.length < wanted; ) {
    const batch = scored.slice(i, i + Math.max(1, wanted - hits.length));
    i += batch.length;
    const datas = await Promise.all(batch.map((s) => s.r.data()));
    for (const d of datas) {
      const url = d.url;
      if (phrases.length) {
        const content = d.content.replace(/\s+/gu, ' ');
        const squeezed = searchKey(d.content);
        if (!phrases.every((p) => content.includes(p) || squeezed.includes(searchKey(p)))) continue;
      }
      total++;
      if (exactUrls.has(url) || hits.length >= wanted) continue;
      const byLocations = [...(d.sub_results ?? [])].sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0));
      // Only our index gives certificate pages row headings (plain Pagefind's sub-results there are the page's sections).
      const rowOf = (sub: string) => (mode === 'ours' ? rowPage(url, sub) : null);
      const subs = byLocations
        .filter((s) => s.url !== url && s.url.includes('#'))
        .map((s) => ({ url: rowOf(s.url) ?? s.url, title: s.title, excerpt: parseExcerpt(s.excerpt) }));
      const excerpt = phrases.length ? (phraseExcerpt(d.content, phrases[0]!) ?? parseExcerpt(d.excerpt)) : parseExcerpt(d.excerpt);
      // A certificate page whose best match is one of its standard's rows is shown as that row's page.
      const best = byLocations[0];
      const row = best ? rowOf(best.url) : null;
      if (row && !phrases.length) {
        hits.push({ kind: 'text', url: row, title: best!.title, excerpt: parseExcerpt(best!.excerpt), sub: subs.slice(1, 4), filters: d.filters });
      } else {
        hits.push({ kind: 'text', url, title: d.meta.title ?? url, excerpt, sub: subs.slice(0, 3), filters: d.filters });
      }
    }
  }
  response.total = phrases.length ? total : results.length;
  response.hits = [...exact, ...hits].slice(0, limit);

  if (response.hits.length === 0 && mode === 'ours') {
    const terms = deps.terms ? await deps.terms() : ((await dataP!).terms ?? []);
    response.suggestions = suggest(text || normalized, terms);
  }
  return response;
}
