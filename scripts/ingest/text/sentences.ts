/**
 * The sentence or phrase around a position of a clause's text, for the stages that read what a
 * sentence says about a figure, a date or a reference (catalog, references, events, fees).
 */

const STOPS = ['。', '；', '！', '？', ';'];

/**
 * How far from a position a sentence is looked for. A real sentence is shorter; a bound keeps a
 * line with no full stop at all (a 5 MB extraction accident) linear instead of quadratic.
 */
export const REACH = 400;

/** The span around `index` between the nearest `marks` on each side, within REACH. */
function spanAt(text: string, index: number, marks: string[]): { start: number; end: number } {
  const lo = Math.max(0, index - REACH);
  const hi = Math.min(text.length, index + REACH);
  const left = text.slice(lo, index);
  const right = text.slice(index, hi);
  const before = Math.max(...marks.map((p) => left.lastIndexOf(p)));
  const after = marks.map((p) => right.indexOf(p)).filter((x) => x >= 0);
  return { start: before >= 0 ? lo + before + 1 : lo, end: after.length ? index + Math.min(...after) : hi };
}

/** The sentence around a position (between 。；！？ marks). */
export function sentenceAt(text: string, index: number): { start: number; end: number; text: string } {
  const span = spanAt(text, index, STOPS);
  const end = span.end < text.length && STOPS.includes(text[span.end]!) ? span.end + 1 : span.end;
  return { start: span.start, end, text: text.slice(span.start, end).trim() };
}

/** The comma-delimited phrase around a position. */
export function phraseAt(text: string, index: number): { start: number; end: number } {
  return spanAt(text, index, [...STOPS, '，', ',', '：', ':']);
}
