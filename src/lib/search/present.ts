/**
 * What the results page shows for a search, as plain data (no DOM): a hit as a card (title, then
 * 文号 · 发文机关 · 日期 · 类别), the order (relevance or date), the filter groups that can narrow the
 * current results, and messages in Chinese. src/scripts/search-page.ts turns these into nodes.
 */
import { formatDate } from '../format.ts';
import type { Excerpt, Filters, SearchHit, SearchResponse } from './engine.ts';
import { POSITION_CODE, tidyExcerpt } from './excerpt.ts';

export interface Card {
  kind: SearchHit['kind'];
  url: string;
  /** The page's title; a skill row named by its printed code or label, never by its position code. */
  title: string;
  /** 文号 · 发文机关 · 日期 · 类别, those the hit has. */
  facts: string[];
  /** For an exact lookup: “文号直达” and why it matched. */
  badge?: string;
  reason?: string;
  excerpt: Excerpt;
  sub: { url: string; title: string; excerpt: Excerpt }[];
}

const KIND_BADGES: Partial<Record<SearchHit['kind'], string>> = {
  docnumber: '文号直达',
  citation: '条款直达',
  code: '技能编码直达',
  name: '名称直达',
};

/** A title without position codes (“中级 技能要求 位置l2-f5-w1-s2 能将…” → “中级 技能要求 能将…”); a row label, when known, in their place. */
export function cleanTitle(title: string, label?: string): string {
  let had = false;
  let t = title.replace(POSITION_CODE, () => {
    had = true;
    return label ? ` ${label} ` : ' ';
  });
  t = t.replace(/\s+/gu, ' ').trim();
  if (label && !had && !t.includes(label)) t = `${label} ${t}`;
  return t;
}

/** The facts line of a card: from `hit.meta` (written at build time), else what the hit's filters say (发文机关, 年份, 文种). */
export function factsOf(hit: Pick<SearchHit, 'meta' | 'filters'>): string[] {
  const m = hit.meta;
  const f = hit.filters ?? {};
  const facts: string[] = [];
  if (m?.docNumber) facts.push(m.docNumber);
  const issuer = m?.issuer ?? (f.issuer?.length ? f.issuer.join('、') : undefined);
  if (issuer) facts.push(issuer);
  if (m?.date) facts.push(formatDate(m.date));
  else if (f.year?.length === 1) facts.push(`${f.year[0]}年`);
  // A certificate page or skill row: which certificate.
  if (!issuer && f.certificate?.length === 1) facts.push(f.certificate[0]!);
  const kind = m?.kind ?? f.kind?.[0] ?? f.type?.[0];
  if (kind) facts.push(kind);
  // A law's version says whether it is in force (issue 16): 已被修订 is not the text to apply.
  if (m?.status) facts.push(m.status);
  return [...new Set(facts)];
}

const plain = (e: Excerpt) => e.map((p) => p.text).join('').replace(/…/gu, '');

/** Length of the longest run of characters two texts share. */
export function sharedRun(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let best = 0;
  let prev = new Array<number>(B.length + 1).fill(0);
  for (let i = 1; i <= A.length; i++) {
    const row = new Array<number>(B.length + 1).fill(0);
    for (let j = 1; j <= B.length; j++) {
      if (A[i - 1] === B[j - 1]) {
        row[j] = prev[j - 1]! + 1;
        if (row[j]! > best) best = row[j]!;
      }
    }
    prev = row;
  }
  return best;
}

/** A page's excerpt that a clause below it already shows (Pagefind takes both from the same place) is said once, by the clause. */
const SAME_PASSAGE = 16;

export function cardOf(hit: SearchHit): Card {
  const title = cleanTitle(hit.title, hit.meta?.label);
  const sub = hit.sub.map((s) => ({ url: s.url, title: cleanTitle(s.title), excerpt: tidyExcerpt(s.excerpt, { title: s.title }) }));
  const facts = factsOf(hit);
  let excerpt = tidyExcerpt(hit.excerpt, { title: hit.title, shown: facts });
  const text = plain(excerpt);
  if (text && sub.some((s) => sharedRun(text, plain(s.excerpt)) >= Math.min(SAME_PASSAGE, text.length))) excerpt = [];
  return {
    kind: hit.kind,
    url: hit.url,
    title,
    facts,
    ...(hit.kind !== 'text' ? { badge: KIND_BADGES[hit.kind] } : {}),
    ...(hit.reason ? { reason: hit.reason.replace(POSITION_CODE, '').replace(/\s+/gu, ' ').trim() } : {}),
    excerpt,
    sub,
  };
}

export type SortOrder = 'relevance' | 'date';

/** ?sort=date → 'date'; anything else is relevance (the default, not written in the URL). */
export function parseSort(value: string | null | undefined): SortOrder {
  return value === 'date' ? 'date' : 'relevance';
}

/** The date a hit sorts by: its document date, else its one year (a year sorts after the dated days of that year), else none. */
export function sortDate(hit: Pick<SearchHit, 'meta' | 'filters'>): string | null {
  if (hit.meta?.date) return hit.meta.date;
  const years = hit.filters?.year;
  return years?.length === 1 ? years[0]! : null;
}

/**
 * Hits in the reader's order. By date: exact lookups (what the query names) stay first; the rest
 * newest first, undated last; ties keep their relevance order.
 */
export function sortHits(hits: SearchHit[], order: SortOrder): SearchHit[] {
  if (order === 'relevance') return hits;
  const exact = hits.filter((h) => h.kind !== 'text');
  const text = hits
    .filter((h) => h.kind === 'text')
    .map((h, i) => ({ h, i, d: sortDate(h) }))
    .sort((a, b) => {
      if (a.d !== b.d) {
        if (a.d === null) return 1;
        if (b.d === null) return -1;
        return a.d < b.d ? 1 : -1;
      }
      return a.i - b.i;
    })
    .map((x) => x.h);
  return [...exact, ...text];
}

/** The filter groups the page offers, in this order. */
export const FILTER_LABELS: Record<string, string> = {
  type: '类别',
  kind: '文种',
  year: '年份',
  issuer: '发文机关',
  batch: '批次',
  level: '等级',
  certificate: '证书',
};

export interface FilterGroup {
  key: string;
  label: string;
  /** Values with their result counts, most first (years newest first). */
  values: [value: string, count: number][];
  selected: string;
}

/** Result counts per filter group and value. */
export type FilterCounts = Record<string, Record<string, number>>;

/**
 * Counts per filter value over the full-text hits the engine returned (each carries its record's Pagefind
 * filters), and how many hits were counted. Exact lookups carry no filters and are left out. Counting the
 * returned hits needs no Pagefind filter chunk, and is not upset by the engine's further searches (the
 * any-word fallback, a correction) as the counts of Pagefind's last search call would be.
 */
export function filterCounts(hits: Pick<SearchHit, 'kind' | 'filters'>[]): { counts: FilterCounts; total: number } {
  const counts: FilterCounts = {};
  let total = 0;
  for (const h of hits) {
    if (h.kind !== 'text' || !h.filters) continue;
    total++;
    for (const [key, values] of Object.entries(h.filters)) {
      const group = (counts[key] ??= {});
      for (const v of new Set(values)) group[v] = (group[v] ?? 0) + 1;
    }
  }
  return { counts, total };
}

/**
 * The filter groups worth showing for a query: a group with at least two values among the current
 * results, one of which leaves out some of them (an issuer every result shares cannot narrow), and any
 * group the reader has already set (so it can be changed back).
 *
 * `counts` are the current results' counts per value, with the selected filters applied (filterCounts);
 * `allCounts` the counts of a group before it was set, for the groups already set; `total` is how many
 * results were counted.
 */
export function narrowingGroups(
  counts: Record<string, Record<string, number>>,
  allCounts: Record<string, Record<string, number>>,
  total: number,
  selected: Filters,
): FilterGroup[] {
  const groups: FilterGroup[] = [];
  for (const [key, label] of Object.entries(FILTER_LABELS)) {
    const chosen = selected[key]?.[0] ?? '';
    const source = chosen ? (allCounts[key] ?? counts[key]) : counts[key];
    const values = Object.entries(source ?? {}).filter(([, n]) => n > 0);
    if (chosen && !values.some(([v]) => v === chosen)) values.push([chosen, 0]);
    const narrows = values.length >= 2 && values.some(([, n]) => n < total);
    if (!chosen && !narrows) continue;
    values.sort((a, b) => (key === 'year' ? b[0].localeCompare(a[0]) : b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')));
    groups.push({ key, label, values, selected: chosen });
  }
  return groups;
}

/**
 * The reader's message for a failed search, never the browser's English: a file that did not load
 * (Pagefind's script or WebAssembly, an index chunk, search/data.json …) is a network or load failure.
 */
/** What search says offline when the index parts it needs are not kept on this device (issue 15, /offline/). */
export const OFFLINE_SEARCH = '离线状态下无法搜索未下载的内容；请先在联网时下载全部内容（/offline/）。';

export function errorMessage(err: unknown, offline = false): string {
  const text = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  if (/fetch|network|load|import|\b[45]\d\d\b|Failed|NetworkError|abort|timeout|wasm|WebAssembly/iu.test(text)) {
    return offline ? OFFLINE_SEARCH : '搜索索引加载失败，请检查网络后重试。';
  }
  return '搜索时出错，请刷新页面后重试。';
}

/** The status line above the results. */
export function resultsSummary(opts: { total: number; exact: number; shown: number; order: SortOrder; pool?: number }): string {
  const all = opts.total + opts.exact;
  let s = `找到 ${all} 项${opts.exact ? `，其中 ${opts.exact} 项直达` : ''}`;
  if (opts.order === 'date') {
    s += opts.pool && all > opts.pool ? `；按日期排列其中最相关的 ${opts.pool} 项` : '；按日期排列，新的在前';
  }
  if (all > opts.shown && (opts.order === 'relevance' || !opts.pool || opts.shown < Math.min(all, opts.pool))) s += `，显示前 ${opts.shown} 项`;
  return `${s}。`;
}

/** What the page says for a 文号 the corpus does not hold (SearchResponse.notHeld). */
export interface NotHeldNote {
  heading: string;
  /** “本库中引用它的文件：” when any cite it, else a sentence saying none does. */
  lead: string;
  links: { href: string; text: string; docNumber?: string }[];
}

export function notHeldNote(notHeld: NonNullable<SearchResponse['notHeld']>): NotHeldNote {
  return {
    heading: `本库未收录 ${notHeld.number}`,
    lead: notHeld.citedBy.length ? '本库中引用它的文件：' : '本库中也没有文件引用它。',
    links: notHeld.citedBy.map((c) => ({
      href: c.url,
      text: c.title.startsWith('《') ? c.title : `《${c.title}》`,
      ...(c.docNumber ? { docNumber: c.docNumber } : {}),
    })),
  };
}
