/**
 * Source maps of rejoined text: where each character of a clause's text was printed.
 *
 * The structure stage edits text on its way to a clause (wrapped lines rejoined, letter
 * spacing removed, Markdown marks dropped, a label or heading split off). Rather than make
 * every edit keep offsets, a result string is aligned back to the text it came from: the
 * edits only delete characters (white space and markup), or insert a space between Latin
 * words, so a left-to-right walk that skips deletable characters finds every character.
 */
import type { Position } from '../../../src/schema/corpus.ts';
import type { Line } from '../read.ts';

/** A character's place in its source: 1-based line and column (UTF-16 units, as unist and vfile count). */
export type Origin = readonly [line: number, column: number];

/** A string and the origin of each of its characters. */
export interface Mapped {
  text: string;
  origins: Origin[];
}

/** What the edits may drop: white space, Markdown emphasis/bullet marks, autolink brackets. */
const DELETABLE = /[\s\u3000*<>\-]/u;

/**
 * A line that may carry its column map: `columns[i]` is the source column of `text[i]` (and
 * `columns[text.length]` the column just after the text). A parser gives it when targeted
 * normalisation changed the line's length (“ and ” → 和, a Markdown heading's `## ` removed);
 * without it the text's columns are the source's.
 */
export type MappedLine = Line & { columns?: readonly number[] };

/**
 * The source column of the character at `index` of a line's text (1-based; `index` may be the
 * text's length, for an end). The one place a column is computed.
 */
export function columnOf(line: MappedLine, index: number): number {
  const map = line.columns;
  if (!map || map.length === 0) return index + 1;
  if (index < map.length) return map[index]!;
  return map.at(-1)! + (index - map.length + 1);
}

/** Lines concatenated as printed (nothing between them), each character with its line and column. */
export function mappedLines(lines: Line[]): Mapped {
  let text = '';
  const origins: Origin[] = [];
  for (const l of lines) {
    text += l.text;
    for (let i = 0; i < l.text.length; i++) origins.push([l.n, columnOf(l, i)]);
  }
  return { text, origins };
}

/** The part of a mapped string from `offset` on. */
export function mappedFrom(m: Mapped, offset: number): Mapped {
  return { text: m.text.slice(offset), origins: m.origins.slice(offset) };
}

/**
 * The origins of `out`, a string made from `src` by deleting white space or markup (and
 * inserting a space between wrapped Latin words). With `seek`, `out` may begin anywhere in
 * `src` (a title after its 附件 label): the first start from which every character is found wins.
 */
export function align(out: string, src: Mapped, seek = false): Origin[] {
  if (out === '') return [];
  if (seek) {
    let fallback = -1;
    for (let j = 0; j < src.text.length; j++) {
      if (src.text[j] !== out[0]) continue;
      if (fallback < 0) fallback = j;
      const { origins, inserted } = walk(out, src, j);
      if (inserted === 0) return origins;
    }
    if (fallback >= 0) return walk(out, src, fallback).origins;
  }
  return walk(out, src, 0).origins;
}

function walk(out: string, src: Mapped, from: number): { origins: Origin[]; inserted: number } {
  const origins: Origin[] = [];
  let inserted = 0;
  let j = from;
  for (let i = 0; i < out.length; i++) {
    const ch = out[i]!;
    let k = j;
    while (k < src.text.length && src.text[k] !== ch && DELETABLE.test(src.text[k]!)) k++;
    if (k < src.text.length && src.text[k] === ch) {
      origins.push(src.origins[k]!);
      j = k + 1;
    } else {
      // Not in the source (a space put between wrapped Latin words): it stands just after the character before.
      inserted++;
      const prev = origins.at(-1);
      origins.push(prev ? [prev[0], prev[1] + 1] : (src.origins[Math.min(j, src.origins.length - 1)] ?? [1, 1]));
    }
  }
  return { origins, inserted };
}

/**
 * A clause's `lineStarts`: an entry [offset, line, column] where the text begins and wherever
 * the next character was not printed right after the one before it (a new line, or spaces
 * removed), so `pointAt` is exact for every character. `at` is used for an empty text.
 */
export function lineStartsOf(origins: Origin[], at: Origin): Array<[number, number, number]> {
  if (origins.length === 0) return [[0, at[0], at[1]]];
  const out: Array<[number, number, number]> = [];
  origins.forEach(([line, column], i) => {
    const prev = origins[i - 1];
    if (!prev || prev[0] !== line || prev[1] + 1 !== column) out.push([i, line, column]);
  });
  return out;
}

/** From the first printed character of the first line to the end of the last line's text. */
export function positionOfLines(lines: Line[]): Position {
  const first = lines[0]!;
  const last = lines.at(-1)!;
  return {
    start: { line: first.n, column: columnOf(first, firstPrinted(first.text)) },
    end: { line: last.n, column: columnOf(last, last.text.trimEnd().length) },
  };
}

/** Index of a line's first printed character (0 for a blank line). */
function firstPrinted(text: string): number {
  const m = /[^\s\u3000]/u.exec(text);
  return m ? m.index : 0;
}
