/**
 * The document's own words, as pairs of characters: a cell's text goes on across a line break into
 * the next line where the pair of Chinese characters at the break is one the document prints side
 * by side within a line somewhere (`量图` + `形`), and not where it is one it never prints (`应用` + `形`).
 */
import { removeAllWhitespace } from '../../../../src/lib/text/normalize.ts';
import type { CopiedLine } from './lines.ts';

/** The pairs of characters printed side by side within a line. */
export function printedPairs(lines: CopiedLine[]): Set<string> {
  const pairs = new Set<string>();
  for (const l of lines) {
    const t = [...removeAllWhitespace(l.text)];
    for (let j = 1; j < t.length; j++) pairs.add(t[j - 1]! + t[j]!);
  }
  return pairs;
}

/** The break between a line and the next: 1 a pair of Chinese characters printed elsewhere, -1 one never printed, 0 not judged (punctuation, a Latin word). */
export function joinsAt(pairs: Set<string>, line: string, next: string): number {
  const pair = [...removeAllWhitespace(line)].at(-1)! + [...removeAllWhitespace(next)][0]!;
  return !/^\p{Script=Han}{2}$/u.test(pair) ? 0 : pairs.has(pair) ? 1 : -1;
}
