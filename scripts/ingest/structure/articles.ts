/**
 * The path of a law's article (第X条), as memos cite it: 第三十四条第一款第（四）项.
 *
 * - 条 (article): `art34`; its first line is its first 款 and holds the lead-in text;
 * - 款 (paragraph): unnumbered, one a line; the second and later are the article's children, `art34-2`;
 * - 项 (item) （一）（二）…: under its 款, `art34-1-4` (第一款第（四）项; the first 款's 项 are the article's children);
 * - 目 (sub-item) 1. 2. …: under its 项, `art34-1-4-2`.
 *
 * The 款 number is always written, even for an article of one 款 (`art14-1-2`), so that an anchor does
 * not move when a reader's count of 款 differs from ours. 编/章/节 keep their own anchors (`ch3`,
 * `ch3-sec2`; in a law divided into 编, whose chapters restart in each, `pt2`, `pt2-ch1`, `pt2-ch1-sec2`)
 * and are the only headings; articles stay `artN` (numbered through the whole law). These anchors are
 * permanent (DESIGN.md, Identity).
 */
import type { Clause } from '../../../src/schema/corpus.ts';
import { type Label, anchorPart } from '../text/labels.ts';

/** The article in force while toClauses reads its lines. */
export interface LawScope {
  article: Clause;
  /** Its index on the stack of open numbered clauses. */
  at: number;
  /** The 款 in force, from 1 (the article's own text). */
  kuan: number;
  /** The clause of that 款 when it is the second or a later one. */
  kuanNode: Clause | null;
}

/** A label that numbers something inside an article (a 项, a 目), not a division of the law. */
export function inArticle(label: Label): boolean {
  return label.style !== 'article' && label.style !== 'part' && label.style !== 'chapter' && label.style !== 'section';
}

/** `art34-2`: the 款 in force. */
export function kuanAnchor(law: LawScope): string {
  return `${law.article.anchor}-${law.kuan}`;
}

/** `art34-1-4` (项), `art34-1-4-2` (目): the 款 in force, then the numbers of the open items and this one. */
export function articleItemAnchor(law: LawScope, stack: ReadonlyArray<{ label: Label }>, label: Label): string {
  const path = stack.slice(law.at + 1).map((o) => anchorPart(o.label));
  return [kuanAnchor(law), ...path, anchorPart(label)].join('-');
}
