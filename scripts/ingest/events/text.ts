/**
 * Helpers the events and fees stages share: walking a clause tree with its ancestors,
 * sentences around a position, masking book titles (《…》) and finding the exact source
 * line a date or figure is printed on.
 */
import type { Clause, PolicyDocument } from '../../../src/schema/corpus.ts';

import type { ClausePath as Walked } from '../../../src/lib/citation.ts';

/** Every clause with its ancestors (the walker the citations use). */
export { walkClauses as walk } from '../../../src/lib/citation.ts';
export type { Walked };

/** Headings of a clause's ancestors and its own, innermost last. */
export function headings(w: Walked): string[] {
  return [...w.ancestors, w.clause].map((c) => c.heading ?? '').filter(Boolean);
}

const STOPS = ['。', '；', '！', '？', ';'];

/** The sentence around a position (between 。；！？ marks). */
export function sentenceAt(text: string, index: number): { start: number; end: number; text: string } {
  const start = Math.max(...STOPS.map((p) => text.lastIndexOf(p, index - 1))) + 1;
  const ends = STOPS.map((p) => text.indexOf(p, index)).filter((x) => x >= 0);
  const end = ends.length ? Math.min(...ends) + 1 : text.length;
  return { start, end, text: text.slice(start, end).trim() };
}

/** The comma-delimited phrase around a position. */
export function phraseAt(text: string, index: number): { start: number; end: number } {
  const marks = [...STOPS, '，', ',', '：', ':'];
  const start = Math.max(...marks.map((p) => text.lastIndexOf(p, index - 1))) + 1;
  const ends = marks.map((p) => text.indexOf(p, index)).filter((x) => x >= 0);
  return { start, end: ends.length ? Math.min(...ends) : text.length };
}

/** 《…》 contents replaced by spaces (same length), so a title's dates and figures are not read as the text's own. */
export function maskTitles(text: string): string {
  return text.replace(/《[^《》]*》/gu, (m) => `《${' '.repeat(m.length - 2)}》`);
}

/** Split a source text into lines once per file. */
export class SourceLines {
  private readonly cache = new Map<string, string[]>();
  private readonly sources: Record<string, string> | undefined;
  constructor(sources: Record<string, string> | undefined) {
    this.sources = sources;
  }

  lines(file: string): string[] | null {
    const text = this.sources?.[file];
    if (text === undefined) return null;
    let ls = this.cache.get(file);
    if (!ls) {
      ls = text.split(/\r?\n/u);
      this.cache.set(file, ls);
    }
    return ls;
  }

  /**
   * The line, at or after `fromLine` (within `window` lines), where `printed` is printed —
   * whitespace, including a line break, may occur between any two of its characters.
   * `fromLine` when the source is not given or the text is not found.
   */
  locate(file: string, fromLine: number, printed: string, window = 80): number {
    const ls = this.lines(file);
    const needle = printed.replace(/\s+/gu, '');
    if (!ls || !needle) return fromLine;
    const chunk = ls.slice(fromLine - 1, fromLine - 1 + window);
    const re = new RegExp([...needle].map(escape).join('\\s*'), 'u');
    const joined = chunk.join('\n');
    const m = re.exec(joined);
    if (!m) return fromLine;
    return fromLine + (joined.slice(0, m.index).match(/\n/gu)?.length ?? 0);
  }

  /** The last line in [from, to] that satisfies `test`, or null. */
  lastMatching(file: string, from: number, to: number, test: (line: string) => boolean): number | null {
    const ls = this.lines(file);
    if (!ls) return null;
    for (let n = Math.min(to, ls.length); n >= from; n--) if (test(ls[n - 1]!)) return n;
    return null;
  }
}

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}
