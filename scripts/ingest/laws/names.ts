/**
 * Which titles name a law or regulation, and the work's name (issue 16).
 *
 * A title names a law when it ends in 法 (法典), 条例, 办法, 规定, 细则 (规则, 准则), maybe followed by a note in
 * brackets (（试行）, （修订）, （2018年修正）); a 节选/摘录 of one reads 《X》节选. A notice that issues
 * one (关于印发《X办法》的通知) does not: its title ends in 通知.
 */
import { removeExtractionSpaces } from '../../../src/lib/text/normalize.ts';

const LAW_END = /(?:法|法典|条例|办法|规定|细则|规则|准则)$/u;
/** A version note, not part of the work's name: （修订）, （2018年修正）, （2022年修订版）. */
const VERSION_NOTE = /[（(]\s*(?:\d{4}\s*年\s*)?(?:修订|修正)(?:版|本)?\s*[）)]$/u;
/** A note that is part of the name: （试行）, （暂行）, （草案）. */
const NAME_NOTE = /[（(][^（）()]{1,8}[）)]$/u;
const EXCERPT = /^[《〈]([^《》〈〉]{2,80})[》〉][\s\u3000]*(?:[（(]?(?:节选|摘录|摘编)[）)]?)$/u;

export interface LawTitle {
  /** The work's name: without 《》, 节选 or a version note. */
  name: string;
  excerpt: boolean;
}

/** The law a title names (as a whole text or a 节选 of it), or null when it names none. */
export function lawTitle(title: string): LawTitle | null {
  const t = removeExtractionSpaces(title).trim();
  const ex = EXCERPT.exec(t);
  const inner = ex ? ex[1]!.trim() : t.replace(/^[《〈]([^《》〈〉]+)[》〉]$/u, '$1');
  const name = inner.replace(VERSION_NOTE, '').trim();
  const core = name.replace(NAME_NOTE, '').trim();
  if (!LAW_END.test(core) || /[《》〈〉]/u.test(core) || /^关于/u.test(core)) return null;
  // 印发…办法 printed without its 的通知 is still the notice that issues it.
  if (/^.{0,40}(?:印发|转发|发布)/u.test(core)) return null;
  return { name, excerpt: ex !== null };
}

/** A law's name as a reference prints it (《中华人民共和国职业教育法（2018年修正）》 → the work's name). */
export function workNameOf(quoted: string): string {
  return removeExtractionSpaces(quoted).replace(VERSION_NOTE, '').trim();
}
