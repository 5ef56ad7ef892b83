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
import { type CodeEntry, type DocEntry, type LookupHit, type LookupTable, type NameEntry, type NotHeldEntry, codeBucket, codesIn, docsOf, exactLookups, isCodeQuery, isDocNumberQuery, locatorKey, mentionedNames, notHeldFor, parseCitation, wantsDocNumbers } from './lookup.ts';
import { skillHref } from '../skills.ts';
import { perObject } from './memo.ts';
import { chineseToInt, intToChinese } from '../text/numerals.ts';
import { searchKey, matchUnits, normalizeQuery, segmentQuery, squeezeHanSpaces } from './normalize.ts';
import type { LawStatus } from '../../schema/laws.ts';
import { type HeldWords, mayHold } from './held.ts';
import { type Correction, type QueryPlan, type Vocab, type VocabCore, planQuery, suggestCorrections, vocabNeeds } from './query.ts';

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
  /** Loads the index chunks of a query's words without searching (Pagefind's preload). */
  preload?(term: string, options?: { filters?: Filters }): Promise<void>;
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
  /** The page's other records (clauses, skill rows): the first RECORD_KEY hex digits of each fragment id, concatenated. */
  r?: string;
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
  /** The words the segmenter merges (segmentWords), the same list on the index side: written by the index step. */
  words?: string[];
  /** VOC's vocabulary core (synonyms, aliases, droppable words; src/lib/search/query.ts): read by every query, so it travels here. */
  vocab?: VocabCore;
  /** A word of each index chunk, written when the whole index is small (build-index.ts WARM_MAX_BYTES): preloaded from the second query on (`warmUp`). */
  warm?: string[];
  /** How many records (pages and clauses) the index holds: the rarity weight of a word in the any-word fallback. */
  records?: number;
  /** The words most index records hold, most frequent first: dropped first when a query finds too little (dropOrder). */
  common?: string[];
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
  /** dist/search/vocab-<part>.json (VOCAB_FILES): traditional characters, terms (pinyin, corrections), pinyin keys; loaded only when a query needs them (vocabNeeds, weak results). Without it the core alone applies. */
  vocab?<P extends 't2s' | 'terms' | 'pinyin'>(part: P): Promise<NonNullable<Vocab[P]>>;
  /**
   * Loads the fragment packs (search/packs.json, src/lib/search/packs.ts) so that Pagefind's fragment requests are
   * answered from memory from then on. Called once the reader is warm (the second full-text query, with the index
   * preload); a site without packs (too large: 50×) resolves without loading anything.
   */
  packs?(): Promise<void>;
  /** dist/search/held.json (src/lib/search/held.ts): which Han words the index holds; loaded when the any-word ranking first runs. */
  held?(): Promise<HeldWords>;
}

/**
 * The page of a certificate page's sub-result: the index step makes each row of the certificate's skill matrix a
 * heading with the row's anchor, so `/certificates/<id>/#<anchor>` stands for `/certificates/<id>/skills/<anchor>/`.
 */
/** A URL without its #anchor: the page a hit or record is on. */
export const pageUrl = (url: string): string => url.replace(/#.*$/u, '');

export function rowPage(page: string, subUrl: string): string | null {
  const m = /^\/certificates\/([^/]+)\/$/u.exec(page);
  const hash = subUrl.indexOf('#');
  if (!m || hash < 0 || subUrl.slice(0, hash) !== page || hash === subUrl.length - 1) return null;
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
  /** A law's version: its 时效性 (现行有效, 已被修订, 已废止, 尚未施行; PolicyDocument.law.status, issue 16). */
  status?: LawStatus;
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
  /**
   * Fetch only each hit's target record before answering; its further clauses or rows (sub-results) are fetched when
   * the caller runs `response.loadSubs` (the search page: after the hits are on screen). The hits, their order and,
   * once loaded, their sub-results are those of a search without it.
   */
  deferSubs?: boolean;
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
  /** Slips of the query mended (VOC's corrections behind `suggestions`), with a page when the term has one. */
  corrections?: Correction[];
  /** With `deferSubs`: fetches the shown hits' sub-results and adds them to their `sub` lists. */
  loadSubs?: () => Promise<void>;
  /** [wt-tools, issue 14] The query names a 文号 the corpus does not hold: that 文号 and the documents here that cite it (lookup.ts notHeldMessage words it). */
  notHeld?: NotHeldEntry;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/**
 * Pagefind's excerpt HTML (escaped text with <mark>) → parts; the separators between words squeezed across part
 * boundaries too (<mark>学分</mark> <mark>银行</mark> → 学分银行: each part is squeezed between the nearest non-space
 * characters around it).
 */
export function parseExcerpt(html: string): Excerpt {
  const raw: Excerpt = [];
  const re = /<mark>(.*?)<\/mark>/gsu;
  let last = 0;
  const take = (text: string, mark: boolean) => {
    const t = text.replace(/<[^>]*>/gu, '').replace(/&(?:amp|lt|gt|quot|#39|#x27);/gu, (e) => ENTITIES[e]!);
    if (t) raw.push({ text: t, mark });
  };
  for (const m of html.matchAll(re)) {
    take(html.slice(last, m.index), false);
    take(m[1]!, true);
    last = m.index! + m[0].length;
  }
  take(html.slice(last), false);
  const parts: Excerpt = [];
  raw.forEach((p, i) => {
    const before = raw.slice(0, i).map((x) => x.text).join('').replace(/\s+$/u, '').slice(-1);
    const after = raw.slice(i + 1).map((x) => x.text).join('').replace(/^\s+/u, '').slice(0, 1);
    const squeezed = squeezeHanSpaces(before + p.text + after);
    const text = squeezed.slice(before.length, squeezed.length - after.length);
    if (!text) return;
    const prev = parts.at(-1);
    if (prev && prev.mark === p.mark) prev.text += text;
    else parts.push({ text, mark: p.mark });
  });
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
  return dice(matchUnits(a), matchUnits(b));
}

/** The terms' keys and units, once per loaded list (they were computed again for every weak query: ~1,000 terms). */
const termUnits = perObject((terms: readonly string[]) => terms.map((t) => ({ key: searchKey(t), units: matchUnits(t) })));
/** Bigram Dice similarity of a query's units against a term's precomputed ones. */
function dice(A: string[], B: readonly string[]): number {
  if (!A.length || !B.length) return 0;
  const setB = new Set(B);
  const shared = new Set(A.filter((u) => setB.has(u))).size;
  return (2 * shared) / (new Set(A).size + setB.size);
}

export function suggest(query: string, terms: string[], n = 5): string[] {
  const q = searchKey(query);
  const pre = termUnits(terms);
  const qUnits = matchUnits(q);
  return terms
    .map((t, i) => ({ t, s: dice(qUnits, pre[i]!.units), key: pre[i]!.key }))
    .filter((x) => x.s >= 0.3 && x.key !== q)
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
const catalog = perObject((data: SearchData): { names: NameEntry[]; byUrl: Map<string, string[]> } => {
  const names = data.names.map((n) =>
    n.kind === 'certificate' && !n.aliases.includes(n.name + CERT_SUFFIX) && !n.name.endsWith(CERT_SUFFIX) ? { ...n, aliases: [n.name + CERT_SUFFIX, ...n.aliases] } : n,
  );
  return { names, byUrl: new Map(names.map((n) => [n.url, [n.name, ...n.aliases]])) };
});
/** A page's names: its own, or its catalog entry's name and aliases. */
function pageNames(data: SearchData, info: PageInfo): string[] | undefined {
  return info.names ?? catalog(data).byUrl.get(info.url);
}

/** lookup.json's documents carry their hit facts (written by the index step next to TOOLS' DocEntry fields). */
type DocWithMeta = DocEntry & { meta?: HitMeta };

/** The facts of an exact-lookup hit: a document's from lookup.json, a code's from its entry, a catalog page's kind. */
export function lookupMeta(h: LookupHit, docs: readonly DocWithMeta[]): HitMeta | undefined {
  const page = pageUrl(h.url);
  if (page.startsWith('/docs/')) {
    const doc = docs.find((d) => d.url === page);
    if (doc?.meta) return doc.meta;
  }
  if (h.kind === 'code') {
    const label = h.title.split(' · ')[0]!.trim();
    return { kind: /-S\d*$/iu.test(label) ? '技能要求' : /-K\d*$/iu.test(label) ? '知识要求' : '职业技能', label };
  }
  if (page.startsWith('/certificates/')) return { kind: '证书' };
  if (page.startsWith('/organizations/')) return { kind: '培训评价组织' };
  return undefined;
}

function lookupToHit(h: LookupHit, docs: readonly DocWithMeta[]): SearchHit {
  const meta = lookupMeta(h, docs);
  return { kind: h.kind, url: h.url, title: h.title, reason: h.reason, excerpt: h.text ? [{ text: h.text, mark: false }] : [], sub: [], ...(meta ? { meta } : {}) };
}

/** How many further clauses of a page a hit lists (their fragments are fetched with the hit's). */
export const SUBS = 4;
/** Records of a page looked at for a quoted phrase. */
const PHRASE_RECORDS = 8;
/** Fewer pages than this with every query word: the engine searches again with fewer words (`fullText`). */
export const MIN_RESULTS = 5;
/** Words searched one by one when all of them together find too little (each is one more Pagefind search). */
export const MAX_TERMS = 6;

const searches = new WeakMap<PagefindLike, number>();
/**
 * From a reader's second full-text query on, the rest of the index is loaded in the background (Pagefind's preload of a
 * word from each chunk, data.json `warm`: the whole index is 0.27 MB gzip for the real corpus), so later queries need no
 * index chunk from the network. The first query stays small (the cold budget); a site too large to preload has no `warm`.
 */
function warmUp(pagefind: PagefindLike, data: SearchData, deps: SearchDeps): void {
  const n = (searches.get(pagefind) ?? 0) + 1;
  searches.set(pagefind, n);
  if (n !== 2) return;
  if (data.warm?.length && pagefind.preload) void pagefind.preload(data.warm.join(' ')).catch(() => {});
  // The fragments too (search/packs/, ~0.22 MB gzip for the real corpus): later hits render without a request each.
  if (deps.packs) void deps.packs().catch(() => {});
  // And the files a kind of query loads the first time it comes (lookup.json for a 文号 or citation, VOC's parts for
  // traditional characters, pinyin and corrections, terms.json for weak results: ~30 KB gzip): each cost its first
  // query a request (10–70 ms measured in the browser), and these first queries made up half of the warm p95's tail.
  void deps.lookup().catch(() => {});
  if (deps.terms) void deps.terms().catch(() => {});
  if (deps.held) void deps.held().catch(() => {});
  if (deps.vocab) for (const part of ['t2s', 'terms', 'pinyin'] as const) void deps.vocab(part).catch(() => {});
  // The skill codes too while they are one file (the real corpus: 266 codes; 50× has 27 files, each loaded by its code).
  if ((data.codeBuckets ?? 1) === 1) void deps.codes(0).catch(() => {});
}

/** The words the segmenter merges (data.json `words`, the same list the index step used). */
export const mergeSet = perObject((data: SearchData): ReadonlySet<string> => new Set(data.words ?? []));

/** data.json's pages by URL (records at an anchor left out). */
const pagesByUrl = perObject((data: SearchData): Map<string, PageInfo> => new Map(Object.values(data.pages).filter((p) => !p.url.includes('#')).map((p) => [p.url, p])));
function pageInfo(data: SearchData, url: string): PageInfo | undefined {
  return pagesByUrl(data).get(url);
}

/**
 * The order in which a query's words are dropped when all of them together find too little: single characters
 * first, then the words most records hold (data.json `common`, most frequent first), then the shortest, the last
 * typed first. Words the reader would not miss go first.
 */
export function dropOrder(terms: string[], common: readonly string[] = []): string[] {
  const rank = new Map(common.map((c, i) => [c, i]));
  const weight = (t: string) => (/^\p{Script=Han}$/u.test(t) ? -1e6 : rank.has(t.toLowerCase()) ? -1e5 + rank.get(t.toLowerCase())! : Math.min(t.length, 6));
  return terms
    .map((t, i) => ({ t, i, w: weight(t) }))
    .sort((a, b) => a.w - b.w || b.i - a.i)
    .map((x) => x.t);
}

interface RankedRecord {
  result: PagefindResultLike;
  /** Rank key: Pagefind's score over the best score of its search (0–1], minus 10 per query word it lacks, plus its page's re-rank when the record is a page in data.json. */
  key: number;
  /** The page re-rank already in `key`. */
  bonus: number;
  matched: number;
  /** The record's page (data.json), or null when it is not known (a fragment id data.json does not tell apart). */
  page: string | null;
}

/** Record key (RECORD_KEY hex digits) → its page, from data.json's `r`; null for a key two pages share. */
const recordPages = perObject((data: SearchData): Map<string, string | null> => {
  const m = new Map<string, string | null>();
  for (const p of Object.values(data.pages)) {
    for (let i = 0; p.r && i + RECORD_KEY <= p.r.length; i += RECORD_KEY) {
      const k = p.r.slice(i, i + RECORD_KEY);
      m.set(k, m.has(k) && m.get(k) !== p.url ? null : p.url);
    }
  }
  return m;
});
/**
 * A record's page: a page record's own URL, a clause's or row's from its page's `r` in data.json (the first
 * RECORD_KEY hex digits of each of its records' fragment ids; a prefix two records share tells nothing: null).
 */
export function recordPage(data: SearchData, id: string): string | null {
  const own = data.pages[id]?.url;
  if (own) return own;
  return recordPages(data).get(recordKey(id)) ?? null;
}
/**
 * Hex digits of a fragment id kept in data.json per record: 5 (20 bits; among 1,660 records about one pair shares a
 * prefix, and those two are grouped after their fragments are read). 6 digits cost 1 KB gzip more on the first query.
 */
export const RECORD_KEY = 5;
export function recordKey(id: string): string {
  return id.slice(id.lastIndexOf('_') + 1, id.lastIndexOf('_') + 1 + RECORD_KEY);
}
/**
 * Further records fetched with the target of each of the first SUBS_HITS hits (listed under the hit as `sub`): a
 * question's answer is often the page's second or third clause, not the one ranked first. 2 for each of the first
 * five hits (measured on the judged set: fresh clause recall@5 0.831 with 1 for the first two, 0.857 with 2 for the first
 * three and 1 for the next two, 0.883 with 2 for five); the cold query 学分银行 fetches 10 fragments (6.1 KB) instead of
 * 7 (3.8 KB), in the same round.
 */
export const SUBS_FETCHED = 2;
export const SUBS_HITS = 5;
/** Further records fetched with the target of the hit at `rank` (0-based). */
export function subsFetched(rank: number): number {
  return rank < SUBS_HITS ? SUBS_FETCHED : 0;
}

/** Fragments one query may fetch in all (a quoted phrase rejects the records without it: 930 fragments were fetched for one). */
export const MAX_FETCH = 40;

/**
 * The share of a name's weight that depends on how much of the name the query says: a query that is the whole name
 * (职业技能等级证书, the certificate list's name) outranks the pages whose longer names merely hold it (物流管理职业技能等级证书).
 */
export const NAME_LENGTH = 0.4;
/** How well the query names a page: the share of the query's units in the name, scaled by the share of the name's units in the query. */
export function nameMatch(units: string[], query: string, name: string): number {
  const c = coverage(units, name);
  return c && c * (1 - NAME_LENGTH + NAME_LENGTH * coverage(unitsOfName(name), query));
}
/** A name's match units, once per name (the same catalog names are re-ranked on every query). */
const nameUnits = new Map<string, string[]>();
function unitsOfName(name: string): string[] {
  let u = nameUnits.get(name);
  if (!u) nameUnits.set(name, (u = matchUnits(name)));
  return u;
}

/** The re-rank of a page by the query: its names (文号, certificate and organisation names) and nodejieba keywords. */
function pageBonus(data: SearchData, page: string, units: string[], w: RankWeights, query: string): number {
  const info = pageInfo(data, page);
  if (!info) return 0;
  let score = 0;
  if (w.title && info.title) score += w.title * coverage(units, info.title);
  const names = pageNames(data, info);
  if (names) score += w.names * Math.max(0, ...names.map((n) => nameMatch(units, query, n)));
  if (info.keywords) score += w.keywords * coverage(units, info.keywords.join(' '));
  return score;
}

/** Pagefind searches a reader's session keeps (the last SEARCH_CACHE term lists with their filters). */
export const SEARCH_CACHE = 64;
const searchCaches = new WeakMap<PagefindLike, Map<string, Promise<PagefindResultLike[]>>>();
/**
 * pagefind.search, remembered per Pagefind instance: the same words searched again — 显示更多结果 runs the query again
 * with a higher limit, a refined query repeats its words, the any-word fallback searches the words of the last query
 * alone again — cost no WebAssembly search. Results are Pagefind's own objects (their fragments are cached by
 * Pagefind once loaded). A failed search is not kept.
 */
export function cachedSearch(pagefind: PagefindLike, term: string, options: { filters?: Filters }): Promise<PagefindResultLike[]> {
  let cache = searchCaches.get(pagefind);
  if (!cache) searchCaches.set(pagefind, (cache = new Map()));
  const key = `${term}\u0000${options.filters ? JSON.stringify(options.filters) : ''}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const p = pagefind.search(term, options).then((r) => r?.results ?? []);
  cache.set(key, p);
  p.catch(() => cache.delete(key));
  while (cache.size > SEARCH_CACHE) cache.delete(cache.keys().next().value!);
  return p;
}

/**
 * Pagefind over the query's words. Pagefind returns only records holding every word. When fewer than MIN_RESULTS
 * records do, each word is searched alone (at most MAX_TERMS words, the least informative left out first: single
 * characters, common words; `dropOrder`; never a word the index does not hold: held.ts): the index chunks are those
 * the first search loaded, so each further search is WebAssembly work only. A record found so ranks by the share of the query it holds, each word weighted by its
 * rarity (log(1 + records / records holding it)), then by the sum over its words of
 * rarity × (Pagefind's score / the word's best score), so a word adds at most its weight (BM25-like saturation; the
 * raw sum let one word's long records outweigh the others; measured: fresh MRR 0.917 → 0.921), always below the records holding every word. A page record in data.json gets
 * its page's re-rank here; a clause record gets it once its fragment tells its page (search()).
 */
async function fullText(
  pagefind: PagefindLike,
  terms: string[],
  pfOptions: { filters?: Filters },
  data: SearchData,
  bonus: (page: string) => number,
  held: HeldTest,
): Promise<{ ranked: RankedRecord[]; found: number }> {
  if (!terms.length) return { ranked: [], found: 0 };
  const records = new Map<string, RankedRecord>();
  const add = (r: PagefindResultLike, key: number, matched: number) => {
    const page = recordPage(data, r.id);
    const b = page ? bonus(page) : 0;
    records.set(r.id, { result: r, key: key + b, bonus: b, matched, page });
  };
  /** Records found but not ranked (past RANKED_MAX), counted in `found`. */
  const unranked = new Set<string>();
  const all = await cachedSearch(pagefind, terms.join(' '), pfOptions);
  const max = Math.max(1e-9, maxScore(all));
  const best = bestOf(all, unranked);
  for (const r of best) add(r, r.score / max, terms.length);
  const distinct = [...new Set(terms)];
  const done = () => ({ ranked: [...records.values()].sort((a, b) => b.key - a.key), found: records.size + [...unranked].filter((id) => !records.has(id)).length });
  if (records.size >= MIN_RESULTS || distinct.length < 2) return done();

  for (const x of await anyWord(pagefind, distinct, pfOptions, data, await held(), unranked)) if (!records.has(x.r.id)) add(x.r, x.key, x.n);
  return done();
}

/**
 * Records of one Pagefind search that are ranked: its RANKED_MAX best by Pagefind's score. Pagefind returns every record
 * holding the words (at 50× a word such as 物流 is in 16,000 records), and ranking, grouping and re-ranking all of them
 * cost the engine tens of milliseconds a query; a record past the 2,000th has a relative score too low to reach the
 * first pages (the re-rank adds at most RANK.names + RANK.keywords). The real corpus has 1,660 records in all: none is
 * left out there. Those left out are still counted (`unranked`: the total shown).
 */
export const RANKED_MAX = 2000;
function bestOf(results: PagefindResultLike[], unranked?: Set<string>): PagefindResultLike[] {
  if (results.length <= RANKED_MAX) return results;
  // Pagefind's list is sorted by score (its merge of the shards sorts it); any other is sorted here.
  let sorted = true;
  for (let i = 1; i < results.length && sorted; i++) sorted = results[i - 1]!.score >= results[i]!.score;
  const list = sorted ? results : [...results].sort((a, b) => b.score - a.score);
  if (unranked) for (let i = RANKED_MAX; i < list.length; i++) unranked.add(list[i]!.id);
  return list.slice(0, RANKED_MAX);
}
function maxScore(results: PagefindResultLike[]): number {
  let max = 0;
  for (const r of results) if (r.score > max) max = r.score;
  return max;
}

/**
 * The any-word ranking (fullText): each word alone, a record keyed by the rarity-weighted share of the words it holds and
 * their relative scores, in [-3, -0.5], below every record holding all the words. Searches are cachedSearch's.
 */
async function anyWord(
  pagefind: PagefindLike,
  distinct: string[],
  pfOptions: { filters?: Filters },
  data: SearchData,
  held: ((word: string) => boolean) | undefined,
  unranked?: Set<string>,
): Promise<{ r: PagefindResultLike; key: number; n: number }[]> {
  // Any word: each alone. Not single characters, nor the words most records hold (data.json `common`: a search for
  // 证书 returns 885 of 1,050 records and costs 25 ms, for a word that tells no record from another), nor a word the
  // index does not hold (held.json: Pagefind would match a shorter word it begins with, 报考 → 报, in a few records
  // that its rarity then put first), unless the query has nothing else: then its two least common words.
  const single = (t: string) => /^\p{Script=Han}$/u.test(t);
  const common = new Map((data.common ?? []).map((c, i) => [c, i]));
  const rare = distinct.filter((t) => !single(t) && !common.has(t.toLowerCase()) && (!held || held(t)));
  const pool = rare.length ? rare : distinct.filter((t) => !single(t)).sort((a, b) => (common.get(b.toLowerCase()) ?? 0) - (common.get(a.toLowerCase()) ?? 0)).slice(0, 2);
  const drop = dropOrder(pool, data.common);
  const alone = pool.filter((t) => !drop.slice(0, Math.max(0, pool.length - MAX_TERMS)).includes(t));
  const hits = new Map<string, { r: PagefindResultLike; sum: number; weight: number; n: number }>();
  const total = Math.max(data.records ?? 0, Object.keys(data.pages).length, 1);
  let weights = 0;
  const results = await Promise.all(alone.map((t) => cachedSearch(pagefind, t, pfOptions)));
  for (const res of results) {
    if (!res.length) continue;
    const w = Math.log(1 + total / res.length);
    weights += w;
    const best = Math.max(1e-9, maxScore(res));
    // The word's RANKED_MAX best records (bestOf); its rarity is that of all it was found in.
    for (const r of bestOf(res, unranked)) {
      const h = hits.get(r.id) ?? { r, sum: 0, weight: 0, n: 0 };
      // Each word's Pagefind score relative to its best record, weighted by its rarity: a word adds at most its weight.
      h.sum += (w * r.score) / best;
      h.weight += w;
      h.n++;
      hits.set(r.id, h);
    }
  }
  const maxSum = Math.max(1e-9, ...[...hits.values()].map((h) => h.sum));
  return [...hits.values()].map((h) => ({ r: h.r, key: -3 + (2 * h.weight) / Math.max(weights, 1e-9) + (0.5 * h.sum) / maxSum, n: h.n }));
}

/** The index's held-word test (held.ts), asked for when the any-word ranking runs; undefined without held.json. */
type HeldTest = () => Promise<((word: string) => boolean) | undefined>;
/** deps load held.json once and mayHold decodes it once (perObject): nothing to keep here. */
function heldTest(deps: SearchDeps): ReturnType<HeldTest> {
  return deps.held ? deps.held().then(mayHold, () => undefined) : Promise.resolve(undefined);
}

/** Display text from the index: the segmenter's separators removed. */
const clean = (s: string | undefined) => squeezeHanSpaces((s ?? '').replace(/\s+/gu, ' ')).trim();

/** LawStatus's values (src/schema/laws.ts), without importing zod into the page. */
export const LAW_STATUSES = ['现行有效', '已被修订', '已废止', '尚未施行', '待核实'] as const satisfies readonly LawStatus[];

/** The facts a hit shows, from the record's Pagefind meta (written by the index step from the typed collections). */
function metaOf(d: PagefindData, label?: string): HitMeta | undefined {
  const m = d.meta;
  if (!m.kind) return label ? { kind: '技能', label } : undefined;
  const meta: HitMeta = { kind: m.kind };
  if (m.docnumber) meta.docNumber = m.docnumber;
  if (m.issuer) meta.issuer = m.issuer;
  if (m.date) meta.date = m.date;
  if (m.status && (LAW_STATUSES as readonly string[]).includes(m.status)) meta.status = m.status as LawStatus;
  if (label) meta.label = label;
  return meta;
}


/** Where a record leads: a certificate's row record (/certificates/<id>/#<anchor>) to the row's page, any other to its URL. */
export function recordTarget(url: string): string {
  return rowPage(pageUrl(url), url) ?? url;
}

/** A hit from its best record's fragment (and its page's further matching clauses or rows). */
function toHit(d: PagefindData, more: PagefindData[], phrases: string[]): SearchHit {
  const url = recordTarget(d.url);
  const subOf = (x: PagefindData) => ({ url: recordTarget(x.url), title: clean(x.meta.title), excerpt: parseExcerpt(x.excerpt) });
  const excerpt = phrases.length ? (phraseExcerpt(clean(d.content), phrases[0]!) ?? parseExcerpt(d.excerpt)) : parseExcerpt(d.excerpt);
  const title = d.meta.page ? `${clean(d.meta.page)} · ${clean(d.meta.title)}` : clean(d.meta.title) || url;
  return { kind: 'text', url, title, excerpt, sub: more.map(subOf), filters: d.filters, meta: metaOf(d, d.meta.label ? clean(d.meta.label) : undefined) };
}

/**
 * Whether the query is one of the page's names (Web前端开发证书 → /certificates/web-qdkf/): it holds the name whole,
 * and what is left besides it is at most NAME_REST characters (证书, 一览). Web前端高级 Vue组件封装 技能要求 names the
 * certificate but asks for a row: the row stays the target.
 */
function queryNames(data: SearchData, page: string, key: string): boolean {
  const info = pageInfo(data, page);
  const names = info ? pageNames(data, info) : undefined;
  return Boolean(
    names?.some((n) => {
      const k = searchKey(n);
      return k.length >= 2 && key.includes(k) && key.replace(k, '').replace(/职业技能等级证书|证书/gu, '').length <= NAME_REST;
    }),
  );
}
/** Characters a query may hold besides a page's name and still mean the page. */
export const NAME_REST = 2;

/** The vocabulary a query needs: the core (data.json) and the parts vocabNeeds asks for, when the deps can load them. */
async function loadVocab(query: string, core: VocabCore, deps: SearchDeps): Promise<Vocab> {
  const vocab: Vocab = { core };
  if (!deps.vocab) return vocab;
  const need = vocabNeeds(query, core);
  const [t2s, terms, pinyin] = await Promise.all([
    need.t2s ? deps.vocab('t2s').catch(() => undefined) : undefined,
    need.terms ? deps.vocab('terms').catch(() => undefined) : undefined,
    need.pinyin ? deps.vocab('pinyin').catch(() => undefined) : undefined,
  ]);
  if (t2s) vocab.t2s = t2s;
  if (terms) vocab.terms = terms;
  if (pinyin) vocab.pinyin = pinyin;
  return vocab;
}

/** Exact hits from the plan: a document named by an alias (职教20条), the pages a pinyin query spells; after the lookups', once per page. */
function withPlanHits(exact: SearchHit[], plan: QueryPlan): SearchHit[] {
  const out = [...exact];
  const seen = new Set(out.map((h) => h.url));
  for (const a of plan.aliases) {
    if (seen.has(a.url)) continue;
    seen.add(a.url);
    out.push({ kind: 'name', url: a.url, title: a.title, reason: `别名 ${a.alias}`, excerpt: [], sub: [], meta: { kind: '政策文件' } });
  }
  for (const p of plan.pinyin) {
    if (!p.url || seen.has(p.url) || p.strength < 0.6) continue;
    seen.add(p.url);
    out.push({ kind: 'name', url: p.url, title: p.term, reason: `拼音 ${p.term}`, excerpt: [], sub: [], meta: { kind: PINYIN_KIND[p.kind] ?? '名词' } });
  }
  return out;
}
const PINYIN_KIND: Record<string, string> = { certificate: '证书', organization: '培训评价组织', glossary: '名词', document: '政策文件', alias: '政策文件' };

/**
 * A clause locator as readers retell it rather than as the document prints it, for a document the lookup found by its
 * 文号 without a clause: 第二条 / 第3条 for the item printed 二、 or 3.; （十二） or 第十四条 for the one item numbered so
 * (printed 三、（十二）, the numbering running through the parts); 第二部分第五条 for 二、（五）. Each numeral of the
 * locator is one level; a level may be written as printed (二 / 2 / （二）) or as 第N条/第N部分/第N点. A locator whose
 * last level is an item found under several parts names none (教职成〔2019〕6号 （一）).
 */
export function retoldLocator(doc: Pick<DocEntry, 'clauses'>, locator: string): string | null {
  const key = locatorKey(locator);
  if (!key || !RETOLD.test(key)) return null;
  const found = [...key.matchAll(/(\()?([〇零一二三四五六七八九十百]+|\d+)/gu)];
  const levels = found.map((m) => chineseToInt(m[2]!) ?? Number.NaN);
  if (!levels.length || levels.some((n) => !Number.isFinite(n) || n <= 0)) return null;
  const keys = Object.keys(doc.clauses);
  const inBrackets = (i: number) => Boolean(found[i]![1]);
  // A level typed in brackets is a bracketed item; one typed bare or as 第N条 may be printed either way.
  const forms = (n: number, i: number) => [...(inBrackets(i) ? [] : [intToChinese(n), String(n)]), `(${intToChinese(n)})`, `(${n})`];
  // Every level as printed at its place: 二(五), 二5, 3.2 → the keys the lookup builds (locatorKey of the printed locator).
  const paths = levels.reduce<string[]>((acc, n, i) => acc.flatMap((a) => forms(n, i).map((f) => (i && /^\d/u.test(f) && /\d$/u.test(a) ? `${a}.${f}` : a + f))), ['']);
  const whole = paths.find((p) => p in doc.clauses);
  if (whole) return doc.clauses[whole]!;
  if (levels.length !== 1) return null;
  // One level: the one clause whose last level is printed so.
  const n = levels[0]!;
  const inner = [`(${intToChinese(n)})`, `(${n})`];
  const unique = [...new Set(keys.filter((k) => inner.some((f) => k.length > f.length && k.endsWith(f))).map((k) => doc.clauses[k]!))];
  return unique.length === 1 ? unique[0]! : null;
}
/** What a retold locator may hold: numerals, brackets, 第 … 条/款/项/点/部分/章/节. */
const RETOLD = /^[〇零一二三四五六七八九十百\d().第条款项点部分章节]+$/u;

/** The lookup's hits with a retold clause (retoldLocator) before a document found without one; `only`: the query is that 文号 and locator. */
function retoldClause(q: string, exact: SearchHit[], table: LookupTable): { hits: SearchHit[]; only: boolean } | null {
  const c = parseCitation(q);
  if (!c?.locator || exact.some((h) => h.kind === 'citation')) return null;
  const out: SearchHit[] = [];
  let found = false;
  for (const h of exact) {
    if (h.kind === 'docnumber') {
      const doc = docsOf(table).find((d) => d.url === h.url);
      const anchor = doc ? retoldLocator(doc, c.locator) : null;
      if (doc && anchor) {
        found = true;
        const printed = doc.clauseTitles[anchor];
        out.push({ ...h, kind: 'citation', url: `${doc.url}#${anchor}`, title: `${doc.title} ${printed ?? ''}`.trim(), reason: `${h.reason ?? ''} · 条款 ${printed?.split(' ')[0] ?? c.locator}`, excerpt: [], sub: [] });
      }
    }
    out.push(h);
  }
  return found ? { hits: out, only: c.leftover === '' } : null;
}

/** Fewer hits than this are weak results (VOC's contract), and so is a best hit that lacks a content word of the query. */
export const WEAK_HITS = 3;
/** A correction this strong (VOC's 0–1 strength: pinyin spelled in full 1, same-sound slips 0.9) is searched as well when results are weak. */
export const SURE_CORRECTION = 0.8;
/** A pilot batch named in a query (首批, 第三批, 四批, 第2批), and the page of the batches' timeline. */
const BATCH_MENTION = /(?:首|第?[一二三四五六七八九十\d]+)批/u;
const TIMELINE_URL = '/timeline/';
/** The rank (0-based) at which a catalog page the query mentions is shown when the text did not rank it higher. */
export const MENTION_RANK = 4;
/** A weaker correction (a one-character slip in a 4+ character term: 0.5) fills a page of fewer than MIN_RESULTS hits after them. */
export const FILL_CORRECTION = 0.5;
export function isWeak(hits: SearchHit[], plan: Pick<QueryPlan, 'content'>): boolean {
  if (hits.length < WEAK_HITS) return true;
  const best = searchKey(`${hits[0]!.title} ${excerptText(hits[0]!.excerpt)}`);
  return !plan.content.every((w) => best.includes(searchKey(w)));
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
  let plan: QueryPlan | null = null;
  let vocab: Vocab | null = null;
  if (mode === 'ours') {
    const data = await dataP!;
    // Query understanding (VOC, src/lib/search/query.ts): traditional → simplified, synonyms to their canonical word,
    // question and function words dropped, aliases and pinyin as exact lookups, corrections when results are weak.
    if (data.vocab) {
      vocab = await loadVocab(query, data.vocab, deps);
      plan = planQuery(query, vocab);
    }
    const q = plan?.folded ?? normalized;
    const buckets = [...new Set(codesIn(q).map((c) => codeBucket(c, data.codeBuckets ?? 1)))];
    // ── [wt-tools, issue 14] 文号 / pasted-citation lookup: lookup.json (docs, notHeld) only for such queries ──
    const [table, codes] = await Promise.all([
      wantsDocNumbers(q) ? deps.lookup() : ({ docs: [] } as LookupTable),
      Promise.all(buckets.map((b) => deps.codes(b))).then((lists) => lists.flat()),
    ]);
    exact = exactLookups(q, { ...table, codes, names: catalog(data).names }).map((h) => lookupToHit(h, table.docs));
    const retold = retoldClause(q, exact, table);
    if (retold) exact = retold.hits;
    const notHeld = table.docs.length && !exact.some((h) => h.kind === 'docnumber' || h.kind === 'citation') ? notHeldFor(q, table) : null;
    if (notHeld) {
      response.notHeld = notHeld;
      // A query that is only that 文号 (and perhaps a clause) gets no loose matches: notHeld says what the corpus knows.
      if (isDocNumberQuery(q)) return response;
    }
    // ── end wt-tools ──
    if (plan) exact = withPlanHits(exact, plan);
    // A code-only query never falls back to full text: Pagefind splits 3-4-S1 into 3, 4, s1 and would match other codes.
    // A query that is only a 文号 (and perhaps a clause) and found its document needs no full text.
    if (!codeOnly && exact.length && (isDocNumberQuery(normalized) || retold?.only)) {
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
  if (mode === 'plain') {
    const found = await pagefind.search(text || normalized, pfOptions);
    const results = found?.results ?? [];
    const datas = await Promise.all(results.slice(0, limit).map((r) => r.data()));
    response.hits = datas.map((d) => ({ kind: 'text' as const, url: d.url, title: d.meta.title ?? d.url, excerpt: parseExcerpt(d.excerpt), sub: [], filters: d.filters }));
    response.total = results.length;
    return response;
  }
  const data = await dataP!;
  warmUp(pagefind, data, deps);
  const words = mergeSet(data);
  const exactUrls = new Set(exact.map((h) => pageUrl(h.url)));
  const queryKey = searchKey(plan?.folded ?? normalized);
  const wanted = Math.max(0, limit - exact.length);
  const holds = (d: PagefindData) => phrases.every((p) => searchKey(d.content).includes(searchKey(p)));
  /** deferSubs: per hit, how to fetch its sub-results later. */
  const deferred: { hit: SearchHit; load: () => Promise<void> }[] = [];
  const held: HeldTest = () => heldTest(deps);
  const runText = async (searchText: string): Promise<{ hits: SearchHit[]; total: number }> => {
  const terms = (options.segment === false ? searchText : segmentQuery(searchText, words)).split(' ').filter(Boolean);
  const w = { ...RANK, ...options.weights };
  const units = matchUnits(searchText);
  const textKey = searchKey(searchText);
  // A page's re-rank once per query (it was computed for every record of the page, hundreds for a common word).
  const bonuses = new Map<string, number>();
  const bonusOf = (page: string) => {
    let b = bonuses.get(page);
    if (b === undefined) bonuses.set(page, (b = pageBonus(data, page, units, w, textKey)));
    return b;
  };
  const { ranked, found } = await fullText(pagefind, terms, pfOptions, data, bonusOf, held);

  // 3. Pages, each hit by its best record (a clause of a document, a row of a certificate, or the page). data.json
  // tells each record's page (`r`), so records are grouped before any fragment is fetched; fragments are fetched for
  // the pages shown only: the target record and one more (SUBS_FETCHED), or up to PHRASE_RECORDS for a quoted phrase
  // (the records without it are dropped), in one round per step.
  type Group = { page: string; score: number; records: RankedRecord[] };
  const groups = new Map<string, Group>();
  for (const r of ranked) {
    const page = r.page ?? `#${r.result.id}`;
    let g = groups.get(page);
    if (!g) groups.set(page, (g = { page, score: -Infinity, records: [] }));
    g.records.push(r);
    g.score = Math.max(g.score, r.key - r.bonus + (r.page ? bonusOf(r.page) : 0));
  }
  const order = [...groups.values()].filter((g) => !exactUrls.has(g.page)).sort((a, b) => b.score - a.score);
  // A document shown by its page record alone (its title holds the words, no clause holds them all) lists the clauses
  // that hold most of them, from the any-word searches (cached when the fallback ran): the page stays the target.
  // Judged set: fresh clause recall@5 0.883 → 0.896, 1.48 → 1.53 searches per query (0.883 and 1.51 with rare words
  // only: 第三批 and 公示 are common words).
  const bare = phrases.length ? [] : order.slice(0, wanted).filter((g) => g.page.startsWith('/docs/') && g.records.every((r) => data.pages[r.result.id]));
  if (bare.length && new Set(terms).size > 1) {
    const byPage = new Map(bare.map((g) => [g.page, g]));
    for (const x of await anyWord(pagefind, [...new Set(terms)], pfOptions, data, await held())) {
      const g = byPage.get(recordPage(data, x.r.id) ?? '');
      if (g && !data.pages[x.r.id] && !g.records.some((r) => r.result.id === x.r.id)) g.records.push({ result: x.r, key: x.key, bonus: 0, matched: x.n, page: g.page });
    }
  }
  const hits: SearchHit[] = [];
  let fetched = 0;
  let gi = 0;
  const seenPages = new Set<string>();
  while (hits.length < wanted && gi < order.length && fetched < MAX_FETCH) {
    const step = order.slice(gi, gi + (wanted - hits.length));
    gi += step.length;
    const loaded = await Promise.all(
      step.map(async (g) => {
        const recs = [...g.records].sort((a, b) => b.key - a.key);
        const head = recs[0]!;
        const isPage = (x: RankedRecord) => Boolean(data.pages[x.result.id]);
        // A query naming the page (a certificate's or organisation's name) lands on the page, not on one of its rows;
        // a document found by its page record (title, 文号 …) lands on its best clause matching as many words.
        let target = head;
        const pageRecord = recs.find(isPage);
        if (!isPage(head) && pageRecord && queryNames(data, g.page, queryKey)) target = pageRecord;
        else if (isPage(head) && g.page.startsWith('/docs/')) target = recs.find((x) => !isPage(x) && x.matched >= head.matched) ?? head;
        const rest = recs.filter((x) => x !== target && !isPage(x));
        const pick = phrases.length ? [target, ...rest].slice(0, PHRASE_RECORDS) : [target, ...rest.slice(0, subsFetched(hits.length + step.indexOf(g)))];
        fetched += pick.length;
        const all = () => Promise.all(pick.map((x) => x.result.data()));
        if (!options.deferSubs || pick.length < 2) return { now: await all(), later: null };
        // deferSubs: the target first; a quoted phrase it lacks needs the others now (the first holding it is the target).
        const [first, tail] = [await pick[0]!.result.data(), pick.slice(1)];
        if (phrases.length && !holds(first)) return { now: [first, ...(await Promise.all(tail.map((x) => x.result.data())))], later: null };
        return { now: [first], later: () => Promise.all(tail.map((x) => x.result.data())) };
      }),
    );
    for (const { now, later } of loaded) {
      const keep = phrases.length ? now.filter(holds) : now;
      if (!keep.length || hits.length >= wanted) continue;
      const page = pageUrl(keep[0]!.url);
      if (seenPages.has(page) || exactUrls.has(page)) continue;
      seenPages.add(page);
      const hit = toHit(keep[0]!, keep.slice(1).filter((x) => x.url.includes('#')), phrases);
      hits.push(hit);
      if (later) {
        deferred.push({
          hit,
          load: async () => {
            const more = await later();
            hit.sub.push(...toHit(keep[0]!, (phrases.length ? more.filter(holds) : more).filter((x) => x.url.includes('#')), phrases).sub);
          },
        });
      }
    }
  }
  const pages = order;
  return { hits, total: phrases.length ? pages.length : Math.max(pages.length, found) };
  };
  // The plan's search text: canonical words, droppable words gone (a quoted phrase keeps the whole query).
  const first = await runText(plan && !phrases.length ? plan.search : text || normalized);
  response.total = first.total;
  response.hits = [...exact, ...first.hits].slice(0, limit);

  // Weak results (VOC's contract: fewer than WEAK_HITS hits, or the best one's title and excerpt lack a content word):
  // corrections of the query's slips (您是不是要找 …), strong ones only unless nothing was found.
  if (plan && vocab && isWeak(response.hits, plan)) {
    if (!vocab.terms && deps.vocab) vocab.terms = await deps.vocab('terms').catch(() => undefined);
    const corrections = vocab.terms ? suggestCorrections(plan, vocab) : plan.corrections;
    response.corrections = corrections.filter((c) => response.hits.length === 0 || c.strength >= 0.6);
    response.suggestions = [...new Set(response.corrections.map((c) => c.corrected))];
    // A sure correction (a pinyin spelling, a same-sound slip: strength ≥ SURE_CORRECTION) is searched too, its hits
    // first: the reader sees the answer to what they meant, and the suggestion says what was changed.
    const sure = response.corrections.find((c) => c.strength >= SURE_CORRECTION && searchKey(c.corrected) !== searchKey(plan!.folded));
    // Fewer hits than a page shows: the likeliest correction's hits fill the page after the query's own (书证融合 finds
    // two pages; 书证融通's follow them), so the reader sees both without a click.
    const filler = sure || response.hits.length >= MIN_RESULTS ? undefined : corrections.find((c) => c.strength >= FILL_CORRECTION && c.how !== 'pinyin' && searchKey(c.corrected) !== searchKey(plan!.folded));
    const fix = sure ?? filler;
    // The filler's hits are shown, so it is offered too (您是不是要找 书证融通).
    if (filler && !response.corrections.includes(filler)) {
      response.corrections.unshift(filler);
      response.suggestions = [...new Set(response.corrections.map((c) => c.corrected))];
    }
    if (fix && !phrases.length) {
      const fixed = planQuery(fix.corrected, vocab);
      const again = await runText(fixed.search);
      const seen = new Set(exact.map((h) => h.url));
      const merged: SearchHit[] = [...exact];
      for (const h of sure ? [...again.hits, ...first.hits] : [...first.hits, ...again.hits]) {
        const page = pageUrl(h.url);
        if (seen.has(h.url) || merged.some((m) => pageUrl(m.url) === page)) continue;
        seen.add(h.url);
        merged.push(h);
      }
      response.hits = merged.slice(0, limit);
      response.total = Math.max(response.total, again.total);
    }
  }
  // A catalog page the query mentions by name among other words (物流管理初级 库存ABC管理法): among the first MENTION_RANK + 1
  // hits, so the certificate or organisation asked about is one click away whatever the text matched.
  if (!phrases.length && response.hits.length) {
    const q = plan?.folded ?? normalized;
    const mentions = mentionedNames(q, { names: catalog(data).names }).slice(0, 2);
    // A pilot batch (首批, 第三批, 四批): the timeline of the batches is where each one's steps are.
    const timeline = pageInfo(data, TIMELINE_URL);
    if (timeline && BATCH_MENTION.test(q)) mentions.push({ kind: 'name', url: TIMELINE_URL, title: timeline.names?.[0] ?? '试点时间线', reason: '查询提到的试点批次' });
    const missing = mentions.filter((m) => !response.hits.slice(0, MENTION_RANK + 1).some((h) => pageUrl(h.url) === m.url));
    if (missing.length) {
      const hits = response.hits.filter((h) => !missing.some((m) => m.url === pageUrl(h.url)));
      hits.splice(Math.min(hits.length, Math.max(0, MENTION_RANK + 1 - missing.length)), 0, ...missing.map((m) => lookupToHit(m, [])));
      response.hits = hits.slice(0, limit);
    }
  }
  const shownDeferred = deferred.filter((d) => response.hits.includes(d.hit));
  if (shownDeferred.length) response.loadSubs = () => Promise.all(shownDeferred.map((d) => d.load().catch(() => {}))).then(() => {});
  // Nothing found, or weak results without VOC's corrections (its terms part not loadable here): close dictionary terms
  // and titles (terms.json), so a slip such as 学分很行 is offered 学分银行 even when the any-word fallback found pages.
  if (mode === 'ours' && !response.suggestions.length && (response.hits.length === 0 || (plan && isWeak(response.hits, plan)))) {
    const terms = deps.terms ? await deps.terms() : ((await dataP!).terms ?? []);
    response.suggestions = suggest(text || normalized, terms);
  }
  return response;
}
