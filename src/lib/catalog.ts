/**
 * The certificate catalog as the pages show it: which notices list a certificate (one entry
 * per document and clause), batch names, the anomalies that concern a certificate or an
 * organisation, and how a stated total compares with the lists.
 * Pure functions over the catalog types (src/schema/catalog.ts).
 */
import type { Anomaly } from '../schema/corpus.ts';
import type { Listing, ListingStatus, StatedTotal } from '../schema/catalog.ts';

/** 首批 / 第二批 / 第三批 …, for a batch number (null → 批次不明). */
export function batchName(n: number | null): string {
  if (n === null) return '批次不明';
  if (n === 1) return '首批';
  const digits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  return `第${n <= 10 ? digits[n] : String(n)}批`;
}

/** The order statuses are shown in: official lists first. */
export const STATUS_ORDER: readonly ListingStatus[] = ['公示', '确认', '名单', '联系表', '正文'];

/** What a status means, for a tooltip-free reading. */
export const STATUS_NAMES: Record<ListingStatus, string> = {
  公示: '公示名单',
  确认: '确认名单',
  名单: '名单',
  联系表: '联系人信息表',
  正文: '正文提及',
};

/** A document's clause that lists a certificate, with the listings it holds (a table can print a certificate twice). */
export interface ListingGroup {
  document: string;
  anchor: string;
  status: ListingStatus;
  batch: number | null;
  listings: Listing[];
}

/** Listings grouped by (document, clause, status), official lists first, then in source order. */
export function groupListings(listings: readonly Listing[]): ListingGroup[] {
  const groups: ListingGroup[] = [];
  for (const l of listings) {
    let g = groups.find((x) => x.document === l.document && x.anchor === l.anchor && x.status === l.status);
    if (!g) {
      g = { document: l.document, anchor: l.anchor, status: l.status, batch: l.batch, listings: [] };
      groups.push(g);
    }
    g.listings.push(l);
  }
  const rank = (s: ListingStatus) => STATUS_ORDER.indexOf(s);
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => rank(a.g.status) - rank(b.g.status) || a.i - b.i)
    .map((x) => x.g);
}

/** Listings from official lists (公示/确认/名单): the ones the catalog's batch and organisations rest on. */
export function isOfficial(l: Pick<Listing, 'status'>): boolean {
  return l.status === '公示' || l.status === '确认' || l.status === '名单';
}

/** The catalog-related anomaly kinds ingest reports. */
export function isCatalogAnomaly(a: Pick<Anomaly, 'kind'>): boolean {
  return /^(certificate-|organization-|contact-|stated-total-|batch-)/u.test(a.kind);
}

/**
 * The catalog anomalies whose message quotes one of the names (in “…”, or followed by a quote or
 * 职业技能等级证书). Names shorter than 4 characters are ignored (too common: `Web`).
 */
export function anomaliesNaming(anomalies: readonly Anomaly[], names: readonly string[]): Anomaly[] {
  const usable = [...new Set(names.map((n) => n.trim()).filter((n) => [...n].length >= 4))];
  return anomalies.filter((a) => isCatalogAnomaly(a) && usable.some((n) => a.message.includes(`“${n}`) || a.message.includes(`${n}”`)));
}

/** How a stated total compares with the lists: 一致, 不一致 (stated ≠ listed) or 无法核对 (a list is missing). */
export function totalVerdict(t: Pick<StatedTotal, 'value' | 'listed'>): '一致' | '不一致' | '无法核对' {
  if (t.listed === null) return '无法核对';
  return t.listed === t.value ? '一致' : '不一致';
}

/** 首批、第二批、第三批 for [1,2,3]. */
export function batchesText(batches: readonly number[]): string {
  return batches.map(batchName).join('、');
}
