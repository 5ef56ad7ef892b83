/**
 * A clause's text on its page, from the build-time data of the 加入引用清单 buttons: each clause's button
 * holds its own text (`data-memo-text`), so a clause's whole text is its own and its sub-clauses' in
 * page order — the text src/lib/memo/item.ts clauseText gives. Read from attributes, never from markup.
 */
import { joinOwnTexts } from '../lib/memo/item.ts';

/** The text of the clause whose element is `clause` (an element with class `clause`). */
export function clauseTextAt(clause: Element | null): string {
  if (!clause) return '';
  const buttons = clause.querySelectorAll<HTMLButtonElement>('button[data-memo-add][data-memo-kind="clause"]');
  return joinOwnTexts([...buttons].map((b) => b.dataset.memoText ?? ''));
}
