/**
 * privacy: personal numbers printed in the sources are masked in everything ingest writes.
 *
 *   mobile   13801328764 → 138****8764   (also 138 0132 8764, 138-0132-8764, +86 prefix kept)
 *   bank     0200001409014443690 → 0200***********3690   (a number after 账号/帐号/账户/卡号, or any
 *            bare run of 16–19 digits, or 4-digit groups as printed on cards: first 4 and last 4 kept)
 *   id card  18-character 居民身份证号码 → first 4 and last 4 kept
 *
 * Office numbers (010-58934617, 0316-5915508, 400-…) and e-mail addresses stay: they are published to
 * be used. Masking keeps every string's length (each hidden digit becomes one `*`, separators stay),
 * so offsets into a text remain true, and the same number always masks the same way.
 *
 * Pure: `maskPersonal(result)` walks every string of any value (documents, catalog contacts,
 * references, events, fees, the report's quoted lines — keys too) and returns a masked copy and the
 * counts. Publishing the numbers is the caller's choice (`npm run ingest -- --publish-personal`,
 * or PUBLISH_PERSONAL=1): then this stage is not run.
 */

export interface MaskCounts {
  mobile: number;
  bank: number;
  idCard: number;
}

export interface Masked<T> {
  result: T;
  counts: MaskCounts;
  /** Distinct numbers masked (each counted once, however often it is printed). */
  distinct: number;
}

/** 账号/帐号/账户/卡号 (letter-spaced too: 账 号), a colon, then the number. */
const LABELLED_ACCOUNT = /((?:[账帐]\s*[号户]|卡\s*号|账\s*号\s*码)\s*[:：]?\s*)(\d(?:[\d]|[ -](?=\d)){10,30}\d)(?![\d])/gu;
/** 4-digit groups as printed on bank cards: 6222 0213 8012 3456 (789). */
const GROUPED_CARD = /(?<![\d*])(\d{4}(?:[ -]\d{4}){3,4}(?:[ -]\d{1,3})?)(?![\d*])/gu;
/** 居民身份证号码: 6-digit area, birth date, sequence, check digit. */
const ID_CARD = /(?<![\dA-Za-z*])([1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx])(?![\dA-Za-z*])/gu;
/** A bare run of 16–19 digits: a bank card or account number. */
const BARE_ACCOUNT = /(?<![\d*])(\d{16,19})(?![\d*])/gu;
/** A mainland mobile number, plain or grouped 3-4-4 with one kind of separator. */
const MOBILE = /(?<![\d*])(1[3-9]\d)([ -]?)(\d{4})\2(\d{4})(?![\d*])/gu;

/** Keeps the first `head` and last `tail` digits; other digits become `*`, separators stay. */
function hideDigits(s: string, head: number, tail: number): string {
  const total = (s.match(/[0-9Xx]/gu) ?? []).length;
  let k = 0;
  return s.replace(/[0-9Xx]/gu, (c) => {
    k++;
    return k <= head || k > total - tail ? c : '*';
  });
}

export function maskMobile(number: string): string {
  return hideDigits(number, 3, 4);
}

export function maskAccount(number: string): string {
  return hideDigits(number, 4, 4);
}

/** One text masked, with what was found. */
export function maskText(text: string, counts: MaskCounts = { mobile: 0, bank: 0, idCard: 0 }, seen?: Set<string>): string {
  if (!/\d{4}/u.test(text)) return text; // fast path: nothing that long
  const note = (kind: keyof MaskCounts, raw: string) => {
    counts[kind]++;
    seen?.add(raw.replace(/\D/gu, ''));
  };
  let out = text.replace(LABELLED_ACCOUNT, (_m, label: string, num: string) => {
    const digits = num.replace(/\D/gu, '').length;
    if (digits < 12 || digits > 25) return _m;
    note('bank', num);
    return label + maskAccount(num);
  });
  out = out.replace(GROUPED_CARD, (num: string) => {
    note('bank', num);
    return maskAccount(num);
  });
  out = out.replace(ID_CARD, (num: string) => {
    note('idCard', num);
    return maskAccount(num);
  });
  out = out.replace(BARE_ACCOUNT, (num: string) => {
    note('bank', num);
    return maskAccount(num);
  });
  out = out.replace(MOBILE, (num: string) => {
    note('mobile', num);
    return maskMobile(num);
  });
  return out;
}

/** A masked copy of any JSON-like value: every string (and every object key) goes through maskText. */
export function maskPersonal<T>(value: T): Masked<T> {
  const counts: MaskCounts = { mobile: 0, bank: 0, idCard: 0 };
  const seen = new Set<string>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return maskText(v, counts, seen);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      if (v instanceof Date || ArrayBuffer.isView(v)) return v;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[maskText(k, counts, seen)] = walk(x);
      return out;
    }
    return v;
  };
  return { result: walk(value) as T, counts, distinct: seen.size };
}

/** Whether the build should publish personal numbers unmasked (flag or environment). */
export function publishPersonal(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(flag) || env.PUBLISH_PERSONAL === '1' || env.PUBLISH_PERSONAL === 'true';
}
