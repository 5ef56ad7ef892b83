/**
 * What a 公文 title looks like, for the stages that look for one.
 * GB/T 9704-2012 7.3.1: 发文机关 + 关于 + 事由 + 文种.
 */
import type { DocumentKind } from '../../schema/corpus.ts';
import { dateLine } from './dates.ts';
import { docNumberLine } from './docnumber.ts';
import { removeExtractionSpaces } from './normalize.ts';

const GENRES = '通知|通告|公告|公示公告|公示|方案|意见|指导意见|办法|纪要|会议纪要|决定|规定|通报|报告|批复|复函|函|标准|名单|细则|规划|计划|要点|条例|法|法典|规则|摘编';
const QUALIFIER = '(?:[（(][^（）()]{1,16}[）)])?';
const TITLE_END = new RegExp(`(?:${GENRES})${QUALIFIER}[》」”"]*${QUALIFIER}(?:节选)?$`, 'u');

/** A form for comparing titles printed differently: no spaces, no quote marks, brackets unified. */
export function titleKey(text: string): string {
  return text
    .replace(/[\s\u3000*]+/gu, '')
    .replace(/[《》〈〉<>“”"'‘’「」]/gu, '')
    .replace(/[（(]/gu, '(')
    .replace(/[）)]/gu, ')')
    .replace(/[—–－-]/gu, '-')
    .replace(/＋/gu, '+');
}

export function endsLikeTitle(text: string): boolean {
  return TITLE_END.test(removeExtractionSpaces(text).replace(/\*+/gu, ''));
}

/** Could be (part of) a title line: no sentence punctuation, not a date, not a 文号, not long. */
export function titleLike(text: string): boolean {
  const t = removeExtractionSpaces(text);
  if (t === '' || t.length > 64) return false;
  if (/[。；！？]/u.test(t)) return false;
  if (/[:：]$/u.test(t)) return false;
  if (dateLine(t) || docNumberLine(t)) return false;
  return true;
}

/** The genre (文种) a title ends with, as a document kind. */
export function kindOfTitle(title: string): DocumentKind {
  const t = titleKey(title).replace(/\(节选\)$|节选$/u, '');
  // 印发《X》 printed without its 的通知 is still the notice that issues X.
  if (/(印发|转发|发布)《[^《》]+》$/u.test(removeExtractionSpaces(title))) return '通知';
  if (/法(?:典)?$/u.test(t.replace(/\([^)]*\)$/u, ''))) return '法律';
  const m = /(公示公告|指导意见|会议纪要|纪要|通知|通告|公告|公示|方案|意见|办法|决定|规定|标准|名单|复函|函)(?:\([^)]*\))?$/u.exec(t);
  const g = m?.[1];
  switch (g) {
    case undefined:
      return '其他';
    case '公示公告':
      return '公告';
    case '指导意见':
      return '意见';
    case '会议纪要':
      return '纪要';
    case '通告':
      return '公告';
    case '复函':
      return '函';
    default:
      return g as DocumentKind;
  }
}

/** 印发《X》的通知 / 转发《X》的通知 / 关于印发X的通知 → X. */
export function enclosedTitleOf(title: string): string | null {
  const t = removeExtractionSpaces(title);
  const m = /(?:印发|转发|发布)《(.+)》(?:的(?:通知|公告))?$/u.exec(t) ?? /(?:印发|转发|发布)(.+)的(?:通知|公告)$/u.exec(t);
  return m ? m[1]! : null;
}

const LETTER_SPACED = /^(?:\p{Script=Han}[\s\u3000]+){2,}\p{Script=Han}$/u;

/** A 版头 (发文机关标志) line: an issuer's name, letter-spaced (四 川 省 教 育 厅) or ending in 文件/函件. */
export function isMasthead(text: string): boolean {
  const t = text.trim();
  if (LETTER_SPACED.test(t)) return true;
  const s = removeExtractionSpaces(t);
  if (s.length <= 24 && /^\p{Script=Han}+$/u.test(s) && /(文件|函件|协会|办公厅|办公室|委员会|政府|厅|部|局)$/u.test(s)) return true;
  // A joint 发文机关标志: the issuers a space apart, then 文件 (教育部 国家发展改革委 财政部 市场监管总局文件).
  return s.length <= 40 && /^\p{Script=Han}+(?: \p{Script=Han}+)+$/u.test(s) && /(文件|函件)$/u.test(s);
}
