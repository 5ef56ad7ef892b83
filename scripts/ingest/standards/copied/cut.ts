/**
 * A line that holds several columns side by side (pdftotext prints the lines of a band's columns
 * at one height as one line): cut at spaces into pieces for open cells of columns left to right.
 */
import { COLUMN, type Cell, type CellType } from './codes.ts';
import { printedWidth } from './widths.ts';

/** What a cut asks of the reading: the columns' widths, whether a piece can go on a cell, and how it joins it. */
export interface CutFit {
  W: (t: CellType) => number;
  goesOn: (c: Cell, text: string) => boolean;
  /** 1 the piece continues a word the document prints elsewhere, -1 it makes a pair never printed, 0 not judged. */
  joins: (c: Cell, text: string) => number;
}

/**
 * Text cut at spaces into pieces for open cells of columns left to right (after the column given):
 * of all such cuts, the one whose pieces fill their columns best (the lines of a wrapped cell are full).
 */
export function cutLine(text: string, after: number, open: Iterable<Cell>, fit: CutFit): { cell: Cell; text: string }[] | null {
  const { W, goesOn, joins } = fit;
  const cells = [...open];
  const plans: { cell: Cell; text: string }[][] = [];
  const walk = (t: string, from: number, done: { cell: Cell; text: string }[]) => {
    if (plans.length > 200) return;
    const cands = (x: string) => cells.filter((c) => COLUMN[c.type] > from && goesOn(c, x));
    for (const c of cands(t)) plans.push([...done, { cell: c, text: t }]);
    for (const sp of [...t.matchAll(/ /gu)].map((x) => x.index)) {
      const left = t.slice(0, sp).trim();
      const right = t.slice(sp + 1).trim();
      if (left && right) for (const c of cands(left)) walk(right, COLUMN[c.type], [...done, { cell: c, text: left }]);
    }
  };
  walk(text, after, []);
  // (a piece that would make a pair of characters the document never prints counts as unfilled)
  const unfilled = (plan: { cell: Cell; text: string }[]) => plan.reduce((a, x) => a + (1 - Math.min(1, printedWidth(x.text) / W(x.cell.type))) ** 2 + (joins(x.cell, x.text) < 0 ? 1 : 0), 0);
  return plans.sort((a, b) => unfilled(a) - unfilled(b))[0] ?? null;
}
