/**
 * Numbering labels at the start of a line, as 公文, laws and standards print them:
 * 一、 （一） 1. （1） ① 第一编 第一章 第一节 第一条 1.7.1 …
 *
 * A line can read two ways (`4.5 月，各省…` is item 4. or section 4.5); this module
 * returns every reading and the tree builder keeps the one that continues the
 * numbering it is in.
 */
import { chineseToInt, circledToInt } from '../../../src/lib/text/numerals.ts';

export type LabelStyle =
  | 'cn-dun' //      一、
  | 'cn-paren' //    （一）
  | 'ar-dot' //      1.  1．
  | 'ar-dun' //      1、
  | 'ar-paren' //    （1） (1)
  | 'circled' //     ①
  | 'part' //        第一编
  | 'chapter' //     第一章
  | 'section' //     第一节
  | 'article' //     第一条
  | 'dotted1' //     1 范围   (standards: a bare number and a title)
  | 'dotted2' //     1.7
  | 'dotted3' //     1.7.1
  | 'dotted4'; //    1.7.1.2

export interface Label {
  style: LabelStyle;
  /** The number this label gives its level (the last component for dotted labels). */
  value: number;
  /** For dotted labels, all components: 1.7.1 → [1, 7, 1]. */
  path?: number[];
  /** As printed, trimmed: `二、`, `（五）`, `1.`, `第十一条`, `1.7.1`. */
  printed: string;
  /** The line after the label, trimmed. */
  rest: string;
}

const CN = '[一二三四五六七八九十百零〇两]+';
const PATTERNS: Array<{ style: LabelStyle; re: RegExp; value: (m: RegExpExecArray) => number | null }> = [
  { style: 'part', re: new RegExp(`^第\\s*(${CN}|\\d+)\\s*编`, 'u'), value: (m) => chineseToInt(m[1]!) },
  { style: 'chapter', re: new RegExp(`^第\\s*(${CN}|\\d+)\\s*章`, 'u'), value: (m) => chineseToInt(m[1]!) },
  { style: 'section', re: new RegExp(`^第\\s*(${CN}|\\d+)\\s*节`, 'u'), value: (m) => chineseToInt(m[1]!) },
  { style: 'article', re: new RegExp(`^第\\s*(${CN}|\\d+)\\s*条`, 'u'), value: (m) => chineseToInt(m[1]!) },
  { style: 'cn-dun', re: new RegExp(`^(${CN})\\s*、`, 'u'), value: (m) => chineseToInt(m[1]!) },
  { style: 'cn-paren', re: new RegExp(`^[（(]\\s*(${CN})\\s*[）)]`, 'u'), value: (m) => chineseToInt(m[1]!) },
  // Up to five digits: a long list reaches 1000. (chooseLabel takes a number above 99 only as the next item).
  { style: 'ar-paren', re: /^[（(]\s*(\d{1,5})\s*[）)]/u, value: (m) => Number(m[1]) },
  { style: 'circled', re: /^([\u2460-\u2473])/u, value: (m) => circledToInt(m[1]!) },
  { style: 'ar-dun', re: /^(\d{1,5})\s*、/u, value: (m) => Number(m[1]) },
  { style: 'ar-dot', re: /^(\d{1,5})\s*[.．](?![.．])/u, value: (m) => Number(m[1]) },
];

/** Units that make `3.5 万`, `4.5 月` or `2 年` a quantity, not a label. */
/** …and house numbers in addresses: `9 号亿达丽泽商务中心`, `1 座 16 层`. */
const UNIT_AFTER = /^\s*(?:[年月日天时个%％万亿元人次周岁分秒米倍项条款家所批期级号层室楼栋幢座]|学时|课时|小时)/u;

/** All readings of the label that starts `text`, most specific first. Empty when none. */
export function readLabels(text: string): Label[] {
  const t = text.replace(/^[\s\u3000]+/u, '');
  const out: Label[] = [];

  const dotted = /^(\d{1,2}(?:[.．]\d{1,2}){1,3})(?![.．\d])/u.exec(t);
  if (dotted) {
    const after = t.slice(dotted[0].length);
    // A dotted section number is followed by a space and a title, or stands alone (term numbers in standards).
    if ((after === '' || /^\s+\S/u.test(after) || /^[\u4e00-\u9fff]/u.test(after)) && !UNIT_AFTER.test(after)) {
      const path = dotted[1]!.split(/[.．]/u).map(Number);
      out.push({
        style: `dotted${path.length}` as LabelStyle,
        value: path[path.length - 1]!,
        path,
        printed: dotted[1]!,
        rest: after.trim(),
      });
    }
  }

  for (const p of PATTERNS) {
    const m = p.re.exec(t);
    if (!m) continue;
    const value = p.value(m);
    if (value === null || value <= 0) continue;
    const rest = t.slice(m[0].length);
    if ((p.style === 'ar-dot' || p.style === 'ar-dun') && UNIT_AFTER.test(rest) && !/^\s*\d/u.test(rest)) continue;
    out.push({ style: p.style, value, printed: m[0].replace(/\s+/gu, ''), rest: rest.trim() });
  }

  // `1 范围`: a bare number, a space and a short title (standards' clause 1). Only as a last reading.
  const bare = /^(\d{1,2})\s+(?=[\u4e00-\u9fffA-Za-z])/u.exec(t);
  if (bare && out.length === 0) {
    const rest = t.slice(bare[0].length).trim();
    if (!UNIT_AFTER.test(rest) && rest.length <= 24 && !/[。；，]/u.test(rest)) {
      out.push({ style: 'dotted1', value: Number(bare[1]), path: [Number(bare[1])], printed: bare[1]!, rest });
    }
  }
  return out;
}

/** The anchor component of a label: 二、→ 2, 第十一条 → 11, 1.7.1 → 1-7-1. */
export function anchorPart(label: Label): string {
  return label.path ? label.path.join('-') : String(label.value);
}
