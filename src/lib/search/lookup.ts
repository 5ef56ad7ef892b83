/**
 * Exact lookups that full-text search does badly, shown above full-text results:
 * - a 文号 in any bracket form (〔2019〕 [2019] ［2019］ (2019) （2019） 【2019】 „2019‟, spaces anywhere) → that document;
 * - a 文号 followed by a clause locator (教职成〔2019〕6号 二（五）) → that clause;
 * - a skill code (2-3-4-S5, 2-3-4, 1-1-1-K1) → that code's page; only the same code, never a neighbour;
 * - a certificate or organisation name (or a distinctive part of one) → its catalog page.
 *
 * Pure functions over LookupData (written by scripts/search/build-index.ts into dist/search/).
 */
import { searchKey, normalizeQuery } from './normalize.ts';

export interface DocEntry {
  id: string;
  url: string;
  title: string;
  /** The 文号 (first) and the other 文号 its variants print, normalised: 教职成司函〔2019〕36号. */
  numbers: string[];
  /** Normalised clause locator (locatorKey) → anchor. */
  clauses: Record<string, string>;
  /** Anchor → the locator as printed (二、（五）) and the clause heading, for display. */
  clauseTitles: Record<string, string>;
}

export interface CodeEntry {
  /** Normalised code: 2-3-4-S5. */
  code: string;
  url: string;
  /** 2-3-4-S5 · Web 前端开发（中级）. */
  title: string;
  text: string;
  certificate: string | null;
  level: string;
}

export interface NameEntry {
  name: string;
  /** Other printed forms. */
  aliases: string[];
  url: string;
  kind: 'certificate' | 'organization';
}

export interface LookupData {
  docs: DocEntry[];
  codes: CodeEntry[];
  names: NameEntry[];
}

export type HitKind = 'docnumber' | 'citation' | 'code' | 'name';

export interface LookupHit {
  kind: HitKind;
  url: string;
  title: string;
  /** Why it matched, in Chinese: 文号 教职成〔2019〕6号 · 条款 二、（五）. */
  reason: string;
  text?: string;
}

const OPEN = '〔\\[［(（【';
const CLOSE = '〕\\]］)）】';
const DOC_NUMBER = new RegExp(`([\\u4e00-\\u9fff]{1,12})\\s*[${OPEN}]\\s*(\\d{4})\\s*[${CLOSE}]\\s*第?\\s*(\\d{1,5})\\s*号`, 'u');

export interface QueryDocNumber {
  agency: string;
  year: number;
  serial: number;
  /** What follows the 文号 in the query (a clause locator, perhaps). */
  rest: string;
}

/** The first 文号 in a query, in any bracket form. */
export function parseQueryDocNumber(query: string): QueryDocNumber | null {
  const q = normalizeQuery(query);
  const m = DOC_NUMBER.exec(q);
  if (!m) return null;
  return { agency: m[1]!, year: Number(m[2]), serial: Number(m[3]), rest: q.slice(m.index + m[0].length).trim() };
}

/** 教职成司函〔2019〕36号 → { agency, year, serial }. */
export function splitDocNumber(number: string): { agency: string; year: number; serial: number } | null {
  const m = DOC_NUMBER.exec(number);
  return m ? { agency: m[1]!, year: Number(m[2]), serial: Number(m[3]) } : null;
}

/** A clause locator reduced for comparison: 二、（五） → 二(五); 附件 1 8.9 → 附件18.9. */
export function locatorKey(locator: string): string {
  return normalizeQuery(locator)
    .replace(/[（(]/gu, '(')
    .replace(/[）)]/gu, ')')
    .replace(/[\s、，,．:：]/gu, '')
    .replace(/\.$/u, '');
}

const NUMERAL = /[一二三四五六七八九十百〇零\d]/u;

/** The clause of `doc` a locator names: the longest known locator the text starts with, ending at a boundary. */
export function findLocator(doc: DocEntry, rest: string): string | null {
  const key = locatorKey(rest);
  if (!key) return null;
  let best: string | null = null;
  for (const k of Object.keys(doc.clauses)) {
    if (!key.startsWith(k)) continue;
    const next = key.charAt(k.length);
    if (next && NUMERAL.test(next) && !/[)]$/u.test(k)) continue;
    if (!best || k.length > best.length) best = k;
  }
  return best ? doc.clauses[best]! : null;
}

/** Documents whose 文号 (or a variant's) the query names; the longest agency wins (关于教职成〔2019〕6号 → 教职成). */
export function lookupDocNumber(query: string, data: Pick<LookupData, 'docs'>): LookupHit[] {
  const q = parseQueryDocNumber(query);
  if (!q) return [];
  let bestLength = 0;
  let found: { doc: DocEntry; number: string }[] = [];
  for (const doc of data.docs) {
    for (const number of doc.numbers) {
      const n = splitDocNumber(number);
      if (!n || n.year !== q.year || n.serial !== q.serial || !q.agency.endsWith(n.agency)) continue;
      if (n.agency.length > bestLength) {
        bestLength = n.agency.length;
        found = [];
      }
      if (n.agency.length === bestLength && !found.some((f) => f.doc === doc)) found.push({ doc, number });
    }
  }
  const hits: LookupHit[] = [];
  for (const { doc, number } of found) {
    const primary = doc.numbers[0] === number;
    const reason = primary ? `文号 ${number}` : `文号 ${number}（另一来源的印法；本文件作 ${doc.numbers[0]}）`;
    const anchor = q.rest ? findLocator(doc, q.rest) : null;
    if (anchor) {
      hits.push({
        kind: 'citation',
        url: `${doc.url}#${anchor}`,
        title: `${doc.title} ${doc.clauseTitles[anchor] ?? ''}`.trim(),
        reason: `${reason} · 条款 ${doc.clauseTitles[anchor]?.split(' ')[0] ?? anchor}`,
      });
    }
    hits.push({ kind: 'docnumber', url: doc.url, title: doc.title, reason });
  }
  return hits;
}

const CODE_TOKEN = /(?<![\w.-])(\d{1,2}(?:\s*-\s*\d{1,2}){1,2}(?:\s*-\s*[SKsk]\d{0,2})?)(?![\w.-])/gu;

/** Skill codes in a query, normalised (2 - 3 - 4 - s5 → 2-3-4-S5). */
export function codesIn(query: string): string[] {
  const q = normalizeQuery(query);
  return [...q.matchAll(CODE_TOKEN)].map((m) => m[1]!.replace(/\s+/gu, '').toUpperCase());
}

/** The query is nothing but skill codes. */
export function isCodeQuery(query: string): boolean {
  const q = normalizeQuery(query);
  return codesIn(q).length > 0 && q.replace(CODE_TOKEN, '').trim() === '';
}

/** Skill rows with exactly this code (a code that exists nowhere matches nothing). */
export function lookupCode(query: string, data: Pick<LookupData, 'codes'>): LookupHit[] {
  const hits: LookupHit[] = [];
  for (const code of codesIn(query)) {
    for (const c of data.codes) {
      if (c.code === code) hits.push({ kind: 'code', url: c.url, title: c.title, reason: `技能编码 ${code}`, text: c.text });
    }
  }
  return hits;
}

/**
 * Catalog pages by name: an exact name or alias first; else names that contain
 * the query (at least 3 characters, at most 3 pages, so 中物联 finds 北京中物联物流采购培训中心).
 */
export function lookupName(query: string, data: Pick<LookupData, 'names'>): LookupHit[] {
  const q = searchKey(normalizeQuery(query).replace(/"/gu, '')).replace(/职业技能等级证书$/u, '');
  if (q.length < 2) return [];
  const exact = data.names.filter((n) => [n.name, ...n.aliases].some((a) => searchKey(a).replace(/职业技能等级证书$/u, '') === q));
  const label = (n: NameEntry) => (n.kind === 'certificate' ? '证书' : '培训评价组织');
  if (exact.length) return exact.map((n) => ({ kind: 'name', url: n.url, title: n.name, reason: `${label(n)}名称` }));
  if (q.length < 3) return [];
  const partial = data.names.filter((n) => [n.name, ...n.aliases].some((a) => searchKey(a).includes(q)));
  if (partial.length === 0 || partial.length > 3) return [];
  return partial.map((n) => ({ kind: 'name', url: n.url, title: n.name, reason: `${label(n)}名称包含“${query.trim()}”` }));
}

/** Every exact lookup for a query, most specific first, without duplicate URLs. */
export function exactLookups(query: string, data: LookupData): LookupHit[] {
  const all = [...lookupDocNumber(query, data), ...lookupCode(query, data), ...lookupName(query, data)];
  const seen = new Set<string>();
  return all.filter((h) => (seen.has(h.url) ? false : (seen.add(h.url), true)));
}

/** The query is a 文号, perhaps followed by a clause locator (二（五）, 第十一条, 附件1), and nothing else. */
export function isDocNumberQuery(query: string): boolean {
  const q = parseQueryDocNumber(query);
  if (!q) return false;
  const before = normalizeQuery(query).slice(0, normalizeQuery(query).search(DOC_NUMBER)).trim();
  return before === '' && /^[\s一二三四五六七八九十百〇零\d（）()、.．第条款项段附件表-]*$/u.test(q.rest);
}

/** The query looks like it holds a 文号, so the 文号 table (search/lookup.json) is worth loading. */
export function wantsDocNumbers(query: string): boolean {
  return parseQueryDocNumber(query) !== null;
}

/** One of `buckets` buckets for a text: FNV-1a of its UTF-16 units, modulo. Stable across builds and platforms. */
export function hashBucket(text: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % Math.max(1, buckets);
}

/**
 * Which of `buckets` code files (search/codes/<n>.json) holds a code's rows. A code query fetches the
 * files of its codes only (at 50× the corpus all codes together were 319 KB gzipped).
 */
export function codeBucket(code: string, buckets: number): number {
  return hashBucket(code, buckets);
}
