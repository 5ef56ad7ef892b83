/**
 * A law's 目录 before its text (plain-text copies from the web print one: 目　　录, then 第一章　总　　则 …
 * one line a division, then the body starts again with 第一章). The lines are the table of contents,
 * not chapters of the text: without this, every chapter would be read twice (ch1 and a duplicate ch1-2).
 */
import { removeExtractionSpaces } from '../../../src/lib/text/normalize.ts';
import type { Line } from '../parse/lines.ts';

const DIVISION = /^第[一二三四五六七八九十百零〇两\d]+[编章节]/u;

/** The 目录 heading and its entries at the start of `lines` (after blank lines), or none. */
export function lawContents(lines: Line[]): Line[] {
  let k = 0;
  while (k < lines.length && lines[k]!.text.trim() === '') k++;
  if (k >= lines.length || removeExtractionSpaces(lines[k]!.text).replace(/^#+/u, '').trim() !== '目录') return [];
  const out = [lines[k]!];
  const key = (l: Line) => removeExtractionSpaces(l.text).replace(/^#+/u, '').replace(/\s+/gu, '');
  let first: string | null = null;
  for (let j = k + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.text.trim() === '') continue;
    const t = key(l);
    if (!DIVISION.test(t)) break;
    // The body begins where the first entry is printed again.
    if (first !== null && t === first) break;
    first ??= t;
    out.push(l);
  }
  return out.length > 1 ? out : [];
}
