/**
 * The held-word filter (src/lib/search/held.ts) over the words of the real sources, segmented as the index step
 * segments text (segmentWords): no word it was given is ever missed, and the words it was not given pass at about
 * the rate it is sized for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELD_FP, heldEntries, heldFilter, mayHold } from '../../src/lib/search/held.ts';
import { segmentWords } from '../../src/lib/search/normalize.ts';
import { SOURCES } from '../helpers/corpus.ts';

const text = readdirSync(SOURCES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(SOURCES, f), 'utf8'))
  .join('\n');
const words = new Set(segmentWords(text));
const entries = heldEntries(words);
// Through JSON, as the browser gets it.
const test = mayHold(JSON.parse(JSON.stringify(heldFilter(words))));

describe('held words (the index holds them, or begins an indexed word with them)', () => {
  it('holds every Han word of the sources and each beginning of two or more characters', () => {
    // 4,123 words (ICU's segmentation, without the index's merge list), 2,237 entries with their beginnings.
    expect(entries.size).toBeGreaterThan(2000);
    for (const e of entries) expect(test(e), e).toBe(true);
    // A beginning is an entry: Pagefind's prefix search finds the word for it.
    const long = [...entries].filter((e) => e.length >= 4);
    expect(long.length).toBeGreaterThan(20);
    for (const e of long) expect(entries.has(e.slice(0, 3)), e).toBe(true);
  });
  it('tells apart the words the sources never print (报考, 及格, 多少钱 of readers\' questions)', () => {
    for (const w of ['报考', '及格', '多少钱']) {
      expect(text.includes(w), w).toBe(false);
      expect(test(w), w).toBe(false);
    }
  });
  it('passes unheld character pairs of the sources at about its design rate', () => {
    // Every pair of adjacent Han characters in the sources that is no entry (e.g. the 核收 of 考核收费): the filter was
    // not given them, so each one it passes is a false positive.
    const pairs = new Set<string>();
    for (const run of text.match(/\p{Script=Han}{2,}/gu) ?? []) for (let i = 0; i + 2 <= run.length; i++) pairs.add(run.slice(i, i + 2));
    const unheld = [...pairs].filter((p) => !entries.has(p));
    expect(unheld.length).toBeGreaterThan(2000);
    const passed = unheld.filter(test).length / unheld.length;
    expect(passed).toBeLessThan(HELD_FP * 2);
  });
  it('counts any word that is not Han characters only as held (Latin words, codes, single characters)', () => {
    for (const w of ['vue', '1x', '2-3-4-S5', '报', 'Web前端']) expect(test(w), w).toBe(true);
  });
});
