/**
 * Dates as 公文 print them: 2019年4月4日, 2019 年 4 月 23日, 二○二三年六月六日.
 * Spaces inside are extraction noise and are ignored.
 */
import { chineseDigitsToInt, chineseToInt } from './numerals.ts';

const NUM = '[0-9零〇○О一二三四五六七八九十]';
const DATE = new RegExp(`(${NUM}{4})\\s*年\\s*(${NUM}{1,3})\\s*月\\s*(${NUM}{1,3})\\s*日`, 'u');

export interface FoundDate {
  iso: string;
  /** Index and length of the match in the input. */
  index: number;
  length: number;
}

export function findDate(text: string): FoundDate | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const y = chineseDigitsToInt(m[1]!);
  const mo = toInt(m[2]!);
  const d = toInt(m[3]!);
  if (y === null || mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return { iso: `${y}-${pad(mo)}-${pad(d)}`, index: m.index, length: m[0].length };
}

/** The whole line is a date (a 成文日期 line), possibly padded with spaces. */
export function dateLine(text: string): string | null {
  const t = text.trim();
  const f = findDate(t);
  if (!f || f.index !== 0 || f.length !== t.length) return null;
  return f.iso;
}

function toInt(s: string): number | null {
  return /^\d+$/.test(s) ? Number(s) : chineseToInt(s);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
