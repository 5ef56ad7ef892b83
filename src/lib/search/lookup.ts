/**
 * Exact lookups that full-text search does badly, shown above full-text results:
 * - a 文号 in any bracket form (〔2019〕 [2019] ［2019］ (2019) （2019） 【2019】 „2019‟, spaces anywhere) → that document;
 *   typed with or without 号, with a space or 年 for the brackets (教职成2019年6号, 教职成司函2019 36, 人社部发[2019]34);
 * - a 文号 followed by a clause locator (教职成〔2019〕6号 二（五）, 第1段, 第十一条) → that clause;
 * - a pasted citation in the site's own formats (src/lib/citation.ts: memo 《标题》（文号）二、（五）, GB/T 7714 and
 *   Markdown with the permalink) → that clause; a title without 文号 (《中华人民共和国职业教育法》节选第1段) too;
 * - a 文号 the corpus does not hold → said so (notHeldFor), with the documents here that cite it;
 * - a skill code (2-3-4-S5, 2-3-4, 1-1-1-K1) → that code's page; only the same code, never a neighbour;
 * - a certificate or organisation name (or a distinctive part of one) → its catalog page.
 *
 * Pure functions over LookupData (written by scripts/search/build-index.ts into dist/search/).
 */
import { searchKey, normalizeQuery } from './normalize.ts';
import type { LawStatus } from '../../schema/laws.ts';
import { fnv1a } from '../text/hash.ts';
import { chineseToInt, intToChinese } from '../text/numerals.ts';
import { perObject } from './memo.ts';

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
  /** The title of the document a 通知 carries (its enclosure), which the enclosure's clauses are cited under. */
  enclosedTitle?: string;
  /**
   * Unnumbered paragraphs and tables: locatorKey of the locator the site's citations print (二(五)第1段, 附件1表2) → anchor,
   * `e:` before the key for one inside the enclosure (scripts/search/lookup-data.ts).
   */
  paras?: Record<string, string>;
  /** Anchors of numbered clauses whose locator another clause prints too (not in `clauses`): a pasted permalink still opens them. */
  anchors?: string[];
  /** A law or regulation as a version of its work (PolicyDocument.law, issue 16): which version a citation opens. */
  law?: LawEntry;
}

/** What the lookup needs of PolicyDocument.law (src/schema/laws.ts). */
export interface LawEntry {
  /** The work's id, the same for every version. */
  work: string;
  /** The law's name: 中华人民共和国职业教育法. */
  name: string;
  /** The version's date (its latest 通过/修正/修订), YYYY-MM-DD. */
  version: string | null;
  status: LawStatus;
  excerpt: boolean;
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
  /** 文号 that documents of the corpus cite and the corpus does not hold, with the citing documents. */
  notHeld?: NotHeldEntry[];
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
/** A 文号 as printed (GB/T 9704: 机关代字〔年份〕序号号), with brackets of any kind and 号 required. */
const DOC_NUMBER = new RegExp(`([\\u4e00-\\u9fff]{1,12})\\s*[${OPEN}]\\s*(\\d{4})\\s*[${CLOSE}]\\s*第?\\s*(\\d{1,5})\\s*号`, 'u');
/**
 * A 文号 as a reader types it: brackets of any kind or none, the year perhaps followed by 年, 号 perhaps left off
 * (人社部发[2019]34, 教职成司函2019 36, 教职成2019年6号, 教职成〔2019〕6 号). Groups: agency, open bracket, bracketed year,
 * bare year, 号.
 */
const TYPED_NUMBER = new RegExp(`([\\u4e00-\\u9fff]{1,12})\\s*(?:([${OPEN}])\\s*(\\d{4})\\s*[${CLOSE}]|(\\d{4})\\s*年?)\\s*第?\\s*(\\d{1,5})(\\s*号)?`, 'gu');
/**
 * A 文号 shortened as readers say it, without its year: 职成司36号文, 教职成6号文件, 国发4号. Groups: the Han run
 * before the number (its tail is the agency, perhaps abbreviated), serial. Matched only when no full 文号 is.
 */
const SHORT_NUMBER = /([\u4e00-\u9fff]{2,12})\s*第?\s*(\d{1,5})\s*号(?:文件?)?/gu;
/** After a serial without 号, these say it was a date, a count or a batch (2019年6月, 2024年2批), not a 文号. */
const NOT_A_SERIAL = /^(?:\s*[月日号批期届个项条款章节段年%]|[\d.．])/u;

export interface QueryDocNumber {
  agency: string;
  year: number;
  serial: number;
  /** What follows the 文号 in the query (a clause locator, perhaps), without a closing bracket the 文号 sat in. */
  rest: string;
  /** Printed with brackets or 号: a 文号 whatever its agency. Else (教职成2019 6) only when the agency is one the corpus knows. */
  strict: boolean;
  /** Where the 文号 starts in the normalised query. */
  index: number;
  /** Typed without a year (职成司36号文): `year` is 0 and `agency` is the Han run before the number. */
  yearless?: boolean;
}

/** Every 文号 candidate in a query, in order (see TYPED_NUMBER). */
export function queryDocNumbers(query: string): QueryDocNumber[] {
  const q = normalizeQuery(query);
  const out: QueryDocNumber[] = [];
  for (const m of q.matchAll(TYPED_NUMBER)) {
    const bracketed = m[2] !== undefined;
    const hao = m[6] !== undefined;
    const after = q.slice(m.index! + m[0].length);
    if (!hao && NOT_A_SERIAL.test(after)) continue;
    const rest = after.replace(/^\s*[〕\]］)）】]/u, '').trim();
    out.push({ agency: m[1]!, year: Number(m[3] ?? m[4]), serial: Number(m[5]), rest, strict: bracketed || hao, index: m.index! });
  }
  if (out.length) return out;
  for (const m of q.matchAll(SHORT_NUMBER)) {
    const rest = q.slice(m.index! + m[0].length).trim();
    out.push({ agency: m[1]!, year: 0, serial: Number(m[2]), rest, strict: false, index: m.index!, yearless: true });
  }
  return out;
}

/** Is `short` a subsequence of `agency` (职成司 of 教职成司函, 国发 of 国发)? */
function abbreviates(short: string, agency: string): boolean {
  let i = 0;
  for (const ch of agency) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * The documents a yearless 文号 names: the same serial under an agency that the longest tail (two characters or
 * more) of the typed Han run abbreviates, in order (职成司36号文 → 教职成司函〔2019〕36号). Longest tail first, then
 * the agency it covers most of; several years of one agency are all listed, newest first.
 */
function resolveYearless(q: QueryDocNumber, docs: DocEntry[]): { doc: DocEntry; number: string }[] {
  let best: { doc: DocEntry; number: string; tail: number; cover: number; year: number }[] = [];
  for (const doc of docs) {
    for (const number of doc.numbers) {
      const n = splitDocNumber(number);
      if (!n || n.serial !== q.serial) continue;
      let tail = 0;
      for (let k = Math.min(q.agency.length, 12); k >= 2; k--) {
        if (abbreviates(q.agency.slice(-k), n.agency)) {
          tail = k;
          break;
        }
      }
      // At least half of the agency's characters typed: 发36号 names no agency.
      if (!tail || tail * 2 < n.agency.length) continue;
      if (best.some((b) => b.doc === doc)) continue;
      best.push({ doc, number, tail, cover: tail / n.agency.length, year: n.year });
    }
  }
  if (!best.length) return [];
  const top = Math.max(...best.map((b) => b.tail));
  best = best.filter((b) => b.tail === top);
  const cover = Math.max(...best.map((b) => b.cover));
  return best.filter((b) => b.cover === cover).sort((a, b) => b.year - a.year);
}

/** The first 文号 in a query printed with brackets or 号 (any bracket form), else the first typed one. */
export function parseQueryDocNumber(query: string): QueryDocNumber | null {
  const all = queryDocNumbers(query);
  return all.find((n) => n.strict) ?? all[0] ?? null;
}

/** 教职成司函〔2019〕36号 → { agency, year, serial }. */
export function splitDocNumber(number: string): { agency: string; year: number; serial: number } | null {
  const m = DOC_NUMBER.exec(number);
  return m ? { agency: m[1]!, year: Number(m[2]), serial: Number(m[3]) } : null;
}

/** A numeral of a locator rewritten by `as`, or the match as it was when it is no numeral. */
const numeral = (n: string, all: string, as: (value: number) => string) => {
  const v = chineseToInt(n);
  return v === null ? all : as(v);
};

/**
 * A clause locator reduced for comparison: 二、（五） → 二(五); 附件 1 8.9 → 附件18.9. 第N条/章/节/款 in Chinese numerals
 * (第11条 → 第十一条, as laws print them), 第N段 and 表N in Arabic (第一段 → 第1段, as the site's citations print them).
 */
export function locatorKey(locator: string): string {
  return normalizeQuery(locator)
    // 附件 1. (section 1. of an unnumbered 附件, as clauseLocator prints it) is not 附件1 (the first attachment).
    .replace(/(附[件表])\s+(?=\d+(?:\.\d+)*\.(?!\d))/gu, '$1·')
    .replace(/[（(]/gu, '(')
    .replace(/[）)]/gu, ')')
    .replace(/[\s、，,．:：]/gu, '')
    .replace(/\.$/u, '')
    .replace(/第(\d{1,3})([条章节款项])/gu, (_, n: string, unit: string) => `第${intToChinese(Number(n))}${unit}`)
    .replace(/第([〇零一二三四五六七八九十百]+)段/gu, (all, n: string) => numeral(n, all, (v) => `第${v}段`))
    // A law's 项 as it prints them, in brackets (第（四）项; typed 第四项, 第4项, 第(4)项), its 目 in Arabic (第2目; typed 第二目).
    .replace(/第\(?([〇零一二三四五六七八九十百]+|\d{1,3})\)?项/gu, (all, n: string) => numeral(n, all, (v) => `第(${intToChinese(v)})项`))
    .replace(/第([〇零一二三四五六七八九十百]+)目/gu, (all, n: string) => numeral(n, all, (v) => `第${v}目`))
    .replace(/表([〇零一二三四五六七八九十百]+)(?![\u4e00-\u9fff])/gu, (all, n: string) => numeral(n, all, (v) => `表${v}`));
}

const NUMERAL = /[一二三四五六七八九十百〇零\d]/u;

/** The longest of `keys` that `key` starts with, ending at a boundary (十 is not the start of 十一, but 二(五) is of 二(五)1.). */
function longestPrefix(key: string, keys: Iterable<string>): string | null {
  let best: string | null = null;
  for (const k of keys) {
    if (!key.startsWith(k)) continue;
    const next = key.charAt(k.length);
    if (next && NUMERAL.test(next) && !/[)]$/u.test(k)) continue;
    if (!best || k.length > best.length) best = k;
  }
  return best;
}

/** A locator key as typed, without 第一款 and with it (a law's one-款 articles are cited without it). */
function locatorVariants(key: string): string[] {
  return [key, key.replace(/条第一款/u, '条'), key.replace(/条第\(/u, '条第一款第(')];
}

/** Whether a clause is the one a locator names whole, not an article or item the locator only starts with. */
function namesWhole(doc: DocEntry, anchor: string, locator: string): boolean {
  const keys = locatorVariants(locatorKey(locator));
  const printed = doc.clauseTitles[anchor]?.split(' ')[0];
  if (printed && keys.includes(locatorKey(printed))) return true;
  // A 款 (an unnumbered paragraph) is in `paras` under the locator its citation prints.
  return Object.entries(doc.paras ?? {}).some(([k, a]) => a === anchor && keys.includes(k.replace(/^e:/u, '')));
}

/**
 * longestPrefix for numbered clauses, with a law's 第一款 read as its citations print it: an article of one 款 is cited
 * without it (第十四条第（二）项), one of several with it (第三十四条第一款第（四）项), and readers write either. The key
 * as typed, without 第一款 and with it are tried; the one the clauses hold most of wins (the key as typed on a tie).
 */
function lawArticlePrefix(key: string, keys: string[]): string | null {
  let best: { k: string; rest: number } | null = null;
  for (const v of locatorVariants(key)) {
    const k = longestPrefix(v, keys);
    if (k && (!best || v.length - k.length < best.rest)) best = { k, rest: v.length - k.length };
  }
  return best?.k ?? null;
}

/** The clause of `doc` a locator names: the longest known locator the text starts with, ending at a boundary. */
export function findLocator(doc: DocEntry, rest: string, inEnclosure = false): string | null {
  const key = locatorKey(rest);
  if (!key) return null;
  // Unnumbered paragraphs and tables (第N段, 表N), the enclosure's or the document's own first as the title said.
  const paras = doc.paras ?? {};
  const mine = (k: string) => k.startsWith('e:') === inEnclosure;
  const bare = (k: string) => k.replace(/^e:/u, '');
  const paraKeys = Object.keys(paras);
  const own = longestPrefix(key, paraKeys.filter(mine).map(bare));
  const other = longestPrefix(key, paraKeys.filter((k) => !mine(k)).map(bare));
  const numbered = lawArticlePrefix(key, Object.keys(doc.clauses));
  const prefix = (k: string, enc: boolean) => (enc ? `e:${k}` : k);
  const candidates: [string, string][] = [];
  if (own) candidates.push([own, paras[prefix(own, inEnclosure)]!]);
  if (other) candidates.push([other, paras[prefix(other, !inEnclosure)]!]);
  if (numbered) candidates.push([numbered, doc.clauses[numbered]!]);
  if (!candidates.length) return null;
  // The longest locator wins; on a tie the order above (own paragraphs, other paragraphs, numbered clauses).
  return candidates.reduce((a, b) => (b[0].length > a[0].length ? b : a))[1];
}

/** What the corpus says about a 文号 it does not hold. */
export interface CitedBy {
  /** The citing clause's permalink. */
  url: string;
  title: string;
  docNumber?: string;
}
export interface NotHeldEntry {
  /** Normalised: 教职所〔2018〕144号. */
  number: string;
  citedBy: CitedBy[];
}

/**
 * search/lookup.json: what a 文号 or citation query needs. The citation tables (DocEntry paras, enclosedTitle, anchors)
 * are written beside `docs`, keyed by document id, not inside each entry: at 50× the corpus the documents' copies
 * then stay within gzip's window of each other (inside the entries: 415 KB gzip; beside them: 57 KB).
 */
export interface LookupTable extends Pick<LookupData, 'docs' | 'notHeld'> {
  paras?: Record<string, Record<string, string>>;
  enclosedTitles?: Record<string, string>;
  anchors?: Record<string, string[]>;
}

const joined = perObject((table: LookupTable): DocEntry[] =>
  table.docs.map((d) => {
    const paras = table.paras?.[d.id];
    const enclosedTitle = table.enclosedTitles?.[d.id];
    const anchors = table.anchors?.[d.id];
    return paras || enclosedTitle || anchors ? { ...d, ...(paras ? { paras } : {}), ...(enclosedTitle ? { enclosedTitle } : {}), ...(anchors ? { anchors } : {}) } : d;
  }),
);
/** The documents with their citation tables joined in (once per loaded table). */
export function docsOf(table: LookupTable): DocEntry[] {
  return !table.paras && !table.enclosedTitles && !table.anchors ? table.docs : joined(table);
}

interface Resolved {
  query: QueryDocNumber;
  /** Normalised 文号 as the corpus prints it (the known agency, not the words typed before it). */
  number: string;
  found: { doc: DocEntry; number: string }[];
  /** The 文号 as typed when the documents found print its agency's characters in another order. */
  transposed?: string;
}

/** The agencies the corpus knows: of the documents it holds and of the 文号 it cites. */
const knownAgencies = perObject((data: LookupTable): Set<string> => {
  const s = new Set<string>();
  for (const d of docsOf(data)) for (const n of d.numbers) s.add(splitDocNumber(n)?.agency ?? '');
  for (const n of data.notHeld ?? []) s.add(splitDocNumber(n.number)?.agency ?? '');
  s.delete('');
  return s;
});

/**
 * The 文号 a query names and the documents that hold it (none: the corpus does not hold it). A typed form without
 * brackets or 号 counts only with an agency the corpus knows; the longest agency wins (关于教职成〔2019〕6号 → 教职成).
 */
export function resolveDocNumber(query: string, data: LookupTable): Resolved | null {
  const agencies = knownAgencies(data);
  const docs = docsOf(data);
  for (const q of queryDocNumbers(query)) {
    if (q.yearless) {
      // Too loose to say a document is not held: either it names held ones or it is not a 文号 after all.
      const found = resolveYearless(q, docs);
      if (found.length) return { query: q, number: found[0]!.number, found };
      continue;
    }
    let bestLength = 0;
    let found: { doc: DocEntry; number: string }[] = [];
    for (const doc of docs) {
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
    if (found.length) return { query: q, number: found[0]!.number, found };
    // The same year and serial under the same agency characters in another order (教职所 typed, 职教所 printed:
    // a slip in the source or in the query): that document, said so in the reason.
    const sorted = (a: string) => [...a].sort().join('');
    for (const doc of docs) {
      for (const number of doc.numbers) {
        const n = splitDocNumber(number);
        if (!n || n.year !== q.year || n.serial !== q.serial || n.agency.length < 2 || q.agency.length < n.agency.length) continue;
        const typed = q.agency.slice(-n.agency.length);
        if (typed !== n.agency && sorted(typed) === sorted(n.agency) && !found.some((f) => f.doc === doc)) found.push({ doc, number });
      }
    }
    if (found.length) return { query: q, number: found[0]!.number, found, transposed: `${q.agency.slice(-splitDocNumber(found[0]!.number)!.agency.length)}〔${q.year}〕${q.serial}号` };
    const known = [...agencies].filter((a) => q.agency.endsWith(a)).sort((a, b) => b.length - a.length)[0];
    if (q.strict || known) return { query: q, number: `${known ?? q.agency}〔${q.year}〕${q.serial}号`, found: [] };
  }
  return null;
}

/** The 文号 a query names when the corpus does not hold it, with the documents here that cite it (perhaps none). */
export function notHeldFor(query: string, data: LookupTable): NotHeldEntry | null {
  const r = resolveDocNumber(query, data);
  if (!r || r.found.length) return null;
  const cited = (data.notHeld ?? []).find((n) => n.number === r.number);
  return { number: r.number, citedBy: cited?.citedBy ?? [] };
}

/** A title in 书名号 unless it already starts with one (《中华人民共和国职业教育法》节选). */
const quoted = (title: string) => (/^《.*》/u.test(title) ? title : `《${title}》`);

/** The sentence a reader sees for a 文号 the corpus does not hold (the page and the command line). */
export function notHeldMessage(n: NotHeldEntry): string {
  const head = `本库未收录文号为 ${n.number} 的文件。`;
  if (!n.citedBy.length) return `${head}库中也没有文件引用这个文号；请核对文号。`;
  return `${head}库中引用了它的文件：${n.citedBy.map((c) => `${quoted(c.title)}${c.docNumber ? `（${c.docNumber}）` : ''}`).join('、')}。`;
}

/** A law's name compared without 中华人民共和国 (readers cite 《职业教育法》). */
const lawKey = (key: string) => key.replace(/^中华人民共和国/u, '');

/** A title compared as a citation prints it or a reader pastes it: no 《》〈〉<>, quotes, brackets, 节选 or a version note at its end ((2022年修订)). */
export function titleKey(title: string): string {
  return searchKey(normalizeQuery(title))
    .replace(/[(（]\d{4}年[^()（）]{0,12}[)）]$/u, '')
    .replace(/[《》〈〉<>"“”'‘’（）()]/gu, '')
    .replace(/节选$/u, '');
}

/** A permalink of this site inside a pasted text (Markdown link, GB/T 7714 reference): /docs/<id>/#<anchor>. */
const PERMALINK = /\/docs\/([a-z0-9][a-z0-9-]*)\/(?:#([A-Za-z0-9_-]+))?/u;
/** A title in 书名号: the outermost 《…》 of the query. */
const TITLE = /《(.+)》/u;

export interface QueryCitation {
  /** From a pasted permalink. */
  link?: { id: string; anchor: string | null };
  title?: string;
  number?: QueryDocNumber;
  /** A version of a law the query names by its date: （2022年修订）, 1996年版, 2022年4月20日修正本. */
  version?: VersionNote;
  /** The citation names a 节选 (《…》节选第1段, 《…节选》): an excerpt of a law before its whole text. */
  excerpt?: boolean;
  /** The clause locator: what follows the 文号, else the title. */
  locator: string;
  /** What is neither title, 文号, link nor locator-like. */
  leftover: string;
}

/** 节选 (a law's excerpt), a closing bracket after a title or 文号, a Markdown link's or GB/T reference's tail: not the locator. */
function cleanLocator(rest: string): string {
  return rest
    .replace(/^\s*[（(]?节选[）)]?/u, '')
    .replace(/^\s*[〕\]］)）】]/u, '')
    .replace(/\]\s*\(.*$/u, '')
    .replace(/\[EB\/OL\].*$/u, '')
    .replace(/\S*\/docs\/\S*/u, '')
    .trim();
}

/** A law's version as a query names it: the date, as precise as it was written (year; year and month; the day). */
export interface VersionNote {
  year: number;
  month?: number;
  day?: number;
}

/**
 * A version note: a date in brackets (（2022年修订）, (1996年), （2022年4月20日修正）) or followed by 修订/修正/通过/公布
 * and/or 版/本 (1996年版, 2022年修订版, 2018年12月29日修正本). A bare date (2019年) is not one.
 */
const VERSION_NOTE = new RegExp(
  [
    `[(（]\\s*(\\d{4})\\s*年(?:\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?)?\\s*(?:修订|修正|通过|公布|施行)?\\s*(?:版|本|文本)?\\s*[)）]`,
    `(\\d{4})\\s*年(?:\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?)?\\s*(?:(?:修订|修正|通过|公布)(?:版|本|文本)?|版|本|文本)`,
  ].join('|'),
  'u',
);

/** The version note of a query and the query without it. */
export function parseVersionNote(query: string): { note: VersionNote; rest: string } | null {
  // Not inside the cited title (《…（2019年版）》 is part of a title).
  const m = VERSION_NOTE.exec(query.replace(TITLE, (t) => '\u0000'.repeat(t.length)));
  if (!m) return null;
  const [year, month, day] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
  const note: VersionNote = { year: Number(year), ...(month ? { month: Number(month) } : {}), ...(day ? { day: Number(day) } : {}) };
  return { note, rest: `${query.slice(0, m.index)} ${query.slice(m.index + m[0].length)}`.replace(/\s+/gu, ' ').trim() };
}

/** The parts of a pasted citation (the site's memo, GB/T 7714 and Markdown formats) or of a typed 文号 + clause. */
export function parseCitation(query: string): QueryCitation | null {
  let q = normalizeQuery(query);
  // A law's version note (（2022年修订）, 1996年版) is neither title, locator nor leftover: taken out first, when a title is cited.
  const v = TITLE.test(q) ? parseVersionNote(q) : null;
  if (v) q = v.rest;
  const link = PERMALINK.exec(q);
  const t = TITLE.exec(q);
  const number = parseQueryDocNumber(q);
  if (!link && !t && !number) return null;
  let locator = '';
  let leftover = q;
  if (link) leftover = leftover.replace(/\S*\/docs\/[^\s)]*/u, ' ');
  if (number) {
    locator = number.rest;
    leftover = q.slice(0, number.index);
  } else if (t) {
    locator = q.slice(t.index + t[0].length).trim();
    leftover = q.slice(0, t.index);
  }
  locator = cleanLocator(locator);
  if (t) leftover = leftover.replace(TITLE, ' ');
  leftover = leftover.replace(/^[\s[（(]+|[\s（(]+$/gu, '').replace(/^[\s[（(]+/u, '');
  return {
    ...(link ? { link: { id: link[1]!, anchor: link[2] ?? null } } : {}),
    ...(t ? { title: t[1]! } : {}),
    ...(number ? { number } : {}),
    ...(v ? { version: v.note } : {}),
    ...(t && (/节选$/u.test(t[1]!) || /^\s*[（(]?节选/u.test(q.slice(t.index + t[0].length))) ? { excerpt: true } : {}),
    locator,
    leftover,
  };
}

function hitFor(doc: DocEntry, anchor: string | null, reason: string, locator = ''): LookupHit[] {
  const hits: LookupHit[] = [];
  if (anchor) {
    // Numbered clauses carry their printed locator and heading; a paragraph (第N段) is named as the reader cited it.
    const printed = doc.clauseTitles[anchor] ?? (locator || undefined);
    hits.push({
      kind: 'citation',
      url: `${doc.url}#${anchor}`,
      title: `${doc.title} ${printed ?? ''}`.trim(),
      reason: `${reason} · 条款 ${printed?.split(' ')[0] ?? anchor}`,
    });
  }
  hits.push({ kind: 'docnumber', url: doc.url, title: doc.title, reason });
  return hits;
}

/** Does the clause anchor exist in this document's tables? */
function knownAnchor(doc: DocEntry, anchor: string): boolean {
  return anchor in doc.clauseTitles || Object.values(doc.clauses).includes(anchor) || Object.values(doc.paras ?? {}).includes(anchor) || (doc.anchors ?? []).includes(anchor);
}

/**
 * Documents (and the clause) a query names by 文号 or by pasted citation: a permalink of this site first, then the
 * 文号 (the title chooses among documents that share it, and says whether the clause is in the enclosure), then a
 * title alone (a law cited as 《中华人民共和国职业教育法》节选第1段 has no 文号).
 */
export function lookupDocNumber(query: string, data: LookupTable): LookupHit[] {
  const c = parseCitation(query);
  if (!c) return [];
  if (c.link) {
    const doc = docsOf(data).find((d) => d.id === c.link!.id);
    if (doc) return hitFor(doc, c.link.anchor && knownAnchor(doc, c.link.anchor) ? c.link.anchor : null, `链接 ${doc.url}`);
  }
  const tk = c.title ? lawKey(titleKey(c.title)) : null;
  // A law is cited with or without 中华人民共和国 (《职业教育法》), and by its name whatever its version's title.
  const titleOf = (d: DocEntry): 'title' | 'enclosed' | null =>
    !tk ? null : lawKey(titleKey(d.title)) === tk || (d.law && lawKey(titleKey(d.law.name)) === tk) ? 'title' : d.enclosedTitle && titleKey(d.enclosedTitle) === tk ? 'enclosed' : null;
  const r = resolveDocNumber(query, data);
  const hits: LookupHit[] = [];
  if (r && r.found.length) {
    const byTitle = r.found.filter((f) => titleOf(f.doc));
    for (const { doc, number } of byTitle.length ? byTitle : r.found) {
      const primary = doc.numbers[0] === number;
      const reason = r.transposed
        ? `文号 ${number}（所查 ${r.transposed} 的机关代字顺序不同）`
        : primary
          ? `文号 ${number}`
          : `文号 ${number}（另一来源的印法；本文件作 ${doc.numbers[0]}）`;
      const locator = cleanLocator(r.query.rest);
      const anchor = locator ? findLocator(doc, locator, titleOf(doc) === 'enclosed') : null;
      hits.push(...hitFor(doc, anchor, reason, locator));
    }
    return hits;
  }
  if (r) return [];
  if (tk) {
    // A law held in several versions: the version the query's date names, else the one in force, first (a 节选 when the
    // citation names one); but a version where the clause cited is not found (or only the article it starts with) goes
    // after the first of its work where it is.
    const found = byVersion(docsOf(data).filter((d) => titleOf(d)), c.version, c.excerpt).map((x) => ({ ...x, anchor: c.locator ? findLocator(x.doc, c.locator, titleOf(x.doc) === 'enclosed') : null }));
    for (let i = 0; i < found.length; ) {
      const work = found[i]!.doc.law?.work;
      let j = i + 1;
      while (work && j < found.length && found[j]!.doc.law?.work === work) j++;
      const group = found.slice(i, j);
      const whole = group.findIndex((x) => x.anchor && namesWhole(x.doc, x.anchor, c.locator));
      const k = whole >= 0 ? whole : group.findIndex((x) => x.anchor);
      if (k > 0) group.unshift(...group.splice(k, 1));
      for (const x of group) {
        const how = titleOf(x.doc)!;
        hits.push(...hitFor(x.doc, x.anchor, `标题 ${quoted(how === 'enclosed' ? x.doc.enclosedTitle! : x.doc.title)}${x.note}`, c.locator));
      }
      i = j;
    }
  }
  return hits;
}

/** 2022-04-20 → 2022年4月20日. */
const chineseDate = (ymd: string) => ymd.replace(/^(\d{4})-(\d{2})-(\d{2})$/u, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`);

/**
 * The version of a law a citation opens, among the documents it names (all versions of one work, or unrelated
 * documents: each keeps its place). With a date (`note`): the version of that date (2022 → 2022-04-20; 1996年版 →
 * 1996-05-15), else the one in force then (the latest dated on or before it); without: the version 现行有效, else the
 * latest. Whole texts before 节选 of the same version; with `excerpt` (the citation says 节选) the 节选 first. The other
 * versions follow, newest first.
 */
export function byVersion(docs: DocEntry[], note?: VersionNote, excerpt = false): { doc: DocEntry; note: string }[] {
  const out: { doc: DocEntry; note: string }[] = [];
  const works = new Map<string, DocEntry[]>();
  for (const d of docs) {
    const k = d.law?.work ?? `#${d.id}`;
    (works.get(k) ?? works.set(k, []).get(k)!).push(d);
  }
  for (const versions of works.values()) {
    const laws = versions.filter((d) => d.law);
    if (laws.length < 1) {
      out.push(...versions.map((doc) => ({ doc, note: '' })));
      continue;
    }
    const date = (d: DocEntry) => d.law?.version ?? '';
    // Newest first, a whole text before a 节选 of the same version (a 节选 first when the citation names one).
    const order = [...laws].sort((a, b) => (excerpt ? Number(b.law!.excerpt) - Number(a.law!.excerpt) : 0) || date(b).localeCompare(date(a)) || Number(a.law!.excerpt) - Number(b.law!.excerpt));
    let chosen: DocEntry | undefined;
    let why = '';
    if (note) {
      const p = `${note.year}${note.month ? `-${String(note.month).padStart(2, '0')}` : ''}${note.day ? `-${String(note.day).padStart(2, '0')}` : ''}`;
      chosen = order.find((d) => date(d).startsWith(p));
      if (!chosen) {
        const end = note.day ? p : note.month ? `${p}-31` : `${p}-12-31`;
        chosen = order.find((d) => date(d) && date(d) <= end);
        if (chosen) why = `（所查 ${p.replace(/-/gu, '.')} 时的版本）`;
      }
    }
    chosen ??= (excerpt ? order.find((d) => d.law!.excerpt) : undefined) ?? order.find((d) => d.law!.status === '现行有效') ?? order[0]!;
    for (const doc of [chosen, ...order.filter((d) => d !== chosen), ...versions.filter((d) => !d.law)]) {
      const law = doc.law;
      out.push({ doc, note: law ? ` · ${law.version ? `${chineseDate(law.version)}版本` : '版本'}${law.excerpt ? '（节选）' : ''} · ${law.status}${doc === chosen ? why : ''}` : '' });
    }
  }
  return out;
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

/** Each name's and alias's searchKey, once per loaded list (every query compared them all: ~600 names). */
const nameKeys = perObject((names: readonly NameEntry[]): string[][] => names.map((n) => [n.name, ...n.aliases].map(searchKey)));

/**
 * Catalog pages by name: an exact name or alias first; else names that contain
 * the query (at least 3 characters, at most 3 pages, so 中物联 finds 北京中物联物流采购培训中心).
 */
export function lookupName(query: string, data: Pick<LookupData, 'names'>): LookupHit[] {
  const q = searchKey(normalizeQuery(query).replace(/"/gu, '')).replace(/职业技能等级证书$/u, '');
  if (q.length < 2) return [];
  const keys = nameKeys(data.names);
  const exact = data.names.filter((_, i) => keys[i]!.some((k) => k.replace(/职业技能等级证书$/u, '') === q));
  const label = (n: NameEntry) => (n.kind === 'certificate' ? '证书' : '培训评价组织');
  if (exact.length) return exact.map((n) => ({ kind: 'name', url: n.url, title: n.name, reason: `${label(n)}名称` }));
  if (q.length < 3) return [];
  const partial = data.names.filter((_, i) => keys[i]!.some((k) => k.includes(q)));
  if (partial.length === 0 || partial.length > 3) return [];
  return partial.map((n) => ({ kind: 'name', url: n.url, title: n.name, reason: `${label(n)}名称包含“${query.trim()}”` }));
}

/**
 * Catalog pages a longer query mentions by a whole name or alias of 3+ characters (物流管理初级 库存ABC管理法 → 物流管理),
 * longest first, a name inside another mentioned one left out; not the query that is only the name (lookupName's).
 */
export function mentionedNames(query: string, data: Pick<LookupData, 'names'>): LookupHit[] {
  const q = searchKey(normalizeQuery(query).replace(/"/gu, ''));
  const keys = nameKeys(data.names);
  const found: { n: NameEntry; k: string; at: number }[] = [];
  data.names.forEach((n, i) => {
    let best = '';
    for (const k of keys[i]!) if (k.length >= 3 && k.length < q.length && k.length > best.length && q.includes(k) && /\p{Script=Han}/u.test(k)) best = k;
    if (best) found.push({ n, k: best, at: q.indexOf(best) });
  });
  found.sort((a, b) => b.k.length - a.k.length);
  const kept: typeof found = [];
  for (const f of found) if (!kept.some((o) => f.at < o.at + o.k.length && o.at < f.at + f.k.length)) kept.push(f);
  const label = (n: NameEntry) => (n.kind === 'certificate' ? '证书' : '培训评价组织');
  return kept.map(({ n }) => ({ kind: 'name' as const, url: n.url, title: n.name, reason: `查询提到的${label(n)}` }));
}

/** Every exact lookup for a query, most specific first, without duplicate URLs. */
export function exactLookups(query: string, data: LookupTable & Pick<LookupData, 'codes' | 'names'>): LookupHit[] {
  const all = [...lookupDocNumber(query, data), ...lookupCode(query, data), ...lookupName(query, data)];
  const seen = new Set<string>();
  return all.filter((h) => (seen.has(h.url) ? false : (seen.add(h.url), true)));
}

/** A clause locator and nothing else: 二（五）, 第十一条, 第1段, 附件1 表2. */
const LOCATORISH = /^[\s一二三四五六七八九十百〇零\d（）()、.．第条款项段章节附件表-]*$/u;

/**
 * The query is a 文号 or a pasted citation, perhaps followed by a clause locator, and nothing else: when it found its
 * document, full text has nothing to add (and for a 文号 the corpus does not hold, loose matches would mislead).
 */
export function isDocNumberQuery(query: string): boolean {
  const c = parseCitation(query);
  if (!c) return false;
  if (c.link) return true;
  return c.leftover === '' && LOCATORISH.test(c.locator);
}

/** The query holds a 文号, a 《title》 or a permalink, so the 文号 table (search/lookup.json) is worth loading. */
export function wantsDocNumbers(query: string): boolean {
  return parseCitation(query) !== null;
}

/** One of `buckets` buckets for a text: FNV-1a of its UTF-16 units, modulo. Stable across builds and platforms. */
export function hashBucket(text: string, buckets: number): number {
  return fnv1a(text) % Math.max(1, buckets);
}

/**
 * Which of `buckets` code files (search/codes/<n>.json) holds a code's rows. A code query fetches the
 * files of its codes only (at 50× the corpus all codes together were 319 KB gzipped).
 */
export function codeBucket(code: string, buckets: number): number {
  return hashBucket(code, buckets);
}
