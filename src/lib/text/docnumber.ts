/**
 * 发文字号（文号）: 机关代字 + 〔年份〕 + 发文顺序号 + 号 (GB/T 9704-2012 7.2.4).
 *
 * Real texts write the brackets many ways: 〔2019〕 [2019] ［2019］ (2019) （2019） 【2019】,
 * with spaces anywhere. All normalise to 〔〕 with no spaces.
 */
import { pinyin } from 'pinyin-pro';

const OPEN = '〔\\[［(（【';
const CLOSE = '〕\\]］)）】';
const AGENCY = '[\\u4e00-\\u9fff]{1,12}';
const NUMBER_RE = new RegExp(`(${AGENCY})\\s*[${OPEN}]\\s*(\\d{4})\\s*[${CLOSE}]\\s*第?\\s*(\\d{1,5})\\s*号`, 'gu');

export interface DocNumber {
  /** Normalised form: 教职成司函〔2019〕36号 */
  text: string;
  agency: string;
  year: number;
  serial: number;
  index: number;
  length: number;
}

/** Every 文号 in a text, in order. */
export function findDocNumbers(text: string): DocNumber[] {
  const out: DocNumber[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const agency = m[1]!;
    const year = Number(m[2]);
    const serial = Number(m[3]);
    out.push({ text: `${agency}〔${year}〕${serial}号`, agency, year, serial, index: m.index!, length: m[0].length });
  }
  return out;
}

export function parseDocNumber(text: string): DocNumber | null {
  return findDocNumbers(text)[0] ?? null;
}

/**
 * The line is a 文号 and nothing else (brackets around it allowed):
 * `(教职所〔2019〕67号)`, `（教职成〔2019〕36号）`, `国办发〔2019〕24号`.
 */
export function docNumberLine(text: string): DocNumber | null {
  const t = text.trim().replace(/^[（(]\s*/, '').replace(/\s*[）)]$/, '');
  const found = findDocNumbers(t);
  if (found.length !== 1) return null;
  const f = found[0]!;
  return f.index === 0 && f.length === t.length ? f : null;
}

/** A title line that ends with its 文号 in brackets: 《…的通知》 (国发〔2019〕4号). */
export function trailingDocNumber(text: string): { title: string; number: DocNumber } | null {
  const m = /^(.*\S)\s*[（(]\s*([^（()）]+)\s*[）)]$/u.exec(text.trim());
  if (!m) return null;
  const number = docNumberLine(m[2]!);
  return number ? { title: m[1]!, number } : null;
}

/** ASCII initials of Chinese text (教职成司函 → jzcsh); ASCII letters and digits kept. */
export function initials(text: string): string {
  let out = '';
  // Whole runs of Han characters go to pinyin-pro at once so it can pick a polyphone's reading by context.
  for (const run of text.match(/\p{Script=Han}+|[A-Za-z0-9]+/gu) ?? []) {
    out += /^[A-Za-z0-9]/.test(run)
      ? run.toLowerCase()
      : (pinyin(run, { pattern: 'first', toneType: 'none', type: 'array' }) as string[]).join('');
  }
  return out;
}

/** The document id a 文号 gives: 教职成〔2019〕6号 → jzc-2019-6. */
export function idFromDocNumber(n: Pick<DocNumber, 'agency' | 'year' | 'serial'>): string {
  return `${initials(n.agency)}-${n.year}-${n.serial}`;
}
