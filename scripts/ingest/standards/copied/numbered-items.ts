/**
 * The numbered items of an uncoded skill table copied by position (default `pdftotext`): the two
 * item columns (技能要求 | 相关知识) come out interleaved, a wrapped item's lines apart (`2. 能描述职业
 * 道德在组织管理和业务活动中` / `2. 服务意识的知识和应用` / `作用及应用`), a continuation printed even
 * before its item (`流程` / `2. 安全标志的知识和安全事故的处置`), or two columns' lines on one line.
 *
 * Layout facts used, none of them words of a file:
 * - a wrapped line fills its column: a line continues its item only if the item's last line is full
 *   (the next line's first word would not have fitted after it), and a continuation fits the column;
 * - each column's width is learned from the copy: its widest item line (lines of Chinese only, whose
 *   width is known exactly; a Latin word's width is an estimate);
 * - items run 1, 2, 3 within a cell: a `1.` opens a cell of its column, a number that continues one
 *   column's run and not the other's is that column's; a number missing from a cell and printed later
 *   (one cell's `2.` after the next cell's `1.`) is put back in the cell that lacks it;
 * - a column's items go down its column: an item is finished once the next item of its column begins
 *   (or a page ends);
 * - pdftotext stacks a column's lines in a block: a line just below an item's last line in its block
 *   goes on it; of two open items the left column's takes the next line (a band's columns are printed
 *   left to right), and a line holding two columns' pieces is cut at a space into a piece for the left
 *   column's open item and one for the right's;
 * - a band is printed by height: a line printed after an item of the other column that begins lower
 *   in the row than the item's next line would be (cells are top-aligned; a row's lines counted per
 *   cell), or after an item of a later row, is not that item's next line;
 * - a line holding two columns' pieces (pdftotext joins lines printed at one height) is read as its
 *   pieces, the right one in a column right of the left one's;
 * - a full item that got no line takes the nearest line before it that is a block of its own (not a
 *   cell's first item: the lines before it are its row's names), and not one printed after an item of
 *   the other column that begins lower in the row than its second line.
 * Only where these leave a tie does the genre's convention decide: skill items begin with 能.
 */
import type { CopiedLine } from './lines.ts';
import { firstUnit, width } from './widths.ts';

export const ITEM = /^(\d{1,2})[.．、]\s*(?=\S)/u;

export type ItemColumn = 'S' | 'K';

export interface NumberedItem {
  n: number;
  label: string;
  col: ItemColumn;
  lines: CopiedLine[];
  /** Index of its first line among the table's lines. */
  at: number;
}

/** A line of the table, with what the reading made of it. */
export interface TableLine extends CopiedLine {
  /** The first line after a repeated header (a new page). */
  afterHeader?: boolean;
  /** Page numbers printed before it since the table began (which page it is on). */
  sheet?: number;
  /** Its index among the table's lines (pieces of a line cut in two share it). */
  index?: number;
  /** A blank line (or a dropped header or page number) comes before it: pdftotext begins a block here. */
  blockStart: boolean;
  /** Its place among the pieces of one printed line (two columns printed at one height), 0 the leftmost. */
  piece?: number;
}

export interface ItemColumns {
  /** Cells of each column in printed order: each a run 1, 2, 3 … */
  cells: Record<ItemColumn, NumberedItem[][]>;
  /** Learned widths of the two columns (half-width units). */
  W: Record<ItemColumn, number>;
  /** Lines (or pieces of lines) not taken by an item, in printed order: the names. */
  rest: { line: TableLine; at: number }[];
}

/** A sign whose width is an estimate (a line's number, the same in every item's first line, is measured alike in all). */
const ESTIMATED = /[^\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
/** A space between two CJK characters (two columns' pieces on one line, or a mended word). */
export const GAP = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef] +[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const SKILL_WORD = /^能/u;

/** The widest line among some lines, measured on lines of Chinese only (but their number) when there are such, and no space between two characters (two columns' pieces may be on one line). */
function widest(lines: string[]): number {
  const exact = lines.filter((t) => !ESTIMATED.test(t.replace(ITEM, '')) && !GAP.test(t));
  return Math.max(0, ...(exact.length ? exact : lines).map((t) => width(t)));
}

/** The items and their columns, cells and continuations; null when the lines hold no numbered items in two columns. */
export function numberedItems(lines: TableLine[]): ItemColumns | null {
  const items: NumberedItem[] = [];
  lines.forEach((l, i) => {
    const m = ITEM.exec(l.text);
    if (m) items.push({ n: Number(m[1]), label: `${m[1]}.`, col: 'S', lines: [l], at: i });
  });
  if (items.length < 2) return null;

  // columns: the assignment under which both columns' numbering runs best, never a first line wider
  // than its column. A cell's cost is its numbers missing below its highest and its numbers printed
  // twice, so a `1.` opens a cell in either column for nothing and `1. 3. 2.` (an item printed out of
  // order) costs nothing; the genre's tie-breaker weighs a tenth. The widths are first learned under
  // the tie-breaker alone (a first reading), then the numbering decides under them.
  const skill = items.map((it) => SKILL_WORD.test(it.lines[0]!.text.replace(ITEM, '')));
  /** The item is the piece just right of the item before it, on one printed line. */
  const rightOf = items.map((it, i) => i > 0 && !!(it.lines[0] as TableLine).piece && items[i - 1]!.at === it.at - 1);
  const assign = (W: Record<ItemColumn, number> | null) => {
    if (!W) {
      items.forEach((it, i) => (it.col = skill[i] ? 'S' : 'K'));
      return;
    }
    /** A column's current cell: its highest number, the numbers printed in it, those its previous cell lacks (bit masks). */
    type Run = { max: number; seen: number; prevMissing: number };
    type State = { cost: number; S: Run; K: Run; cols: ItemColumn[] };
    const bit = (n: number) => 2 ** Math.min(n, 30);
    const addTo = (r: Run, n: number): { run: Run; cost: number } => {
      if (n === 1) {
        let missing = 0;
        for (let k = 1; k < r.max; k++) if (!(r.seen & bit(k))) missing |= bit(k);
        return { run: { max: 1, seen: bit(1), prevMissing: missing }, cost: 0 };
      }
      if (r.seen & bit(n)) {
        // printed again: the previous cell's missing item printed late, or a number printed twice
        return r.prevMissing & bit(n) ? { run: { ...r, prevMissing: r.prevMissing & ~bit(n) }, cost: -1 } : { run: r, cost: 1 };
      }
      const cost = n > r.max ? n - r.max - 1 : -1;
      return { run: { max: Math.max(r.max, n), seen: r.seen | bit(n), prevMissing: r.prevMissing }, cost };
    };
    let states = new Map<string, State>([['', { cost: 0, S: { max: 0, seen: 0, prevMissing: 0 }, K: { max: 0, seen: 0, prevMissing: 0 }, cols: [] }]]);
    items.forEach((it, i) => {
      const next = new Map<string, State>();
      const t = it.lines[0]!.text;
      for (const st of states.values())
        for (const col of ['S', 'K'] as const) {
          if (width(t) > W[col] + tol(t) + 0.5) continue;
          // (two items printed at one height: the left one's column is left of the right one's)
          if (rightOf[i] && (col !== 'K' || st.cols[i - 1] !== 'S')) continue;
          const { run, cost } = addTo(st[col], it.n);
          const S = col === 'S' ? run : st.S;
          const K = col === 'K' ? run : st.K;
          const c = st.cost + cost + ((col === 'S') !== skill[i] ? 0.1 : 0);
          const key = `${S.max},${S.seen},${S.prevMissing},${K.max},${K.seen},${K.prevMissing}`;
          if (!next.has(key) || next.get(key)!.cost > c) next.set(key, { cost: c, S, K, cols: [...st.cols, col] });
        }
      if (next.size) states = next;
      else for (const st of states.values()) st.cols.push(skill[i] ? 'S' : 'K');
    });
    const best = [...states.values()].sort((a, b) => a.cost - b.cost)[0]!;
    items.forEach((it, i) => (it.col = best.cols[i]!));
  };
  // (a line with Latin letters or signs is measured by estimate: it may be a little wider or narrower)
  const tol = (t: string) => (ESTIMATED.test(t.replace(ITEM, '')) ? 1.5 : 0);
  assign(null);
  const measure = (): Record<ItemColumn, number> => ({
    S: widest(items.filter((it) => it.col === 'S').map((it) => it.lines[0]!.text)),
    K: widest(items.filter((it) => it.col === 'K').map((it) => it.lines[0]!.text)),
  });
  let W = measure();
  if (!W.S || !W.K) return null;
  assign(W);
  W = measure();

  /** The item's last line is full: the next line's first word would not have fitted after it. */
  const full = (it: NumberedItem, next: string) => width(it.lines.at(-1)!.text) + width(firstUnit(next)) > W[it.col];
  const surelyFull = (it: NumberedItem, next: string) => {
    const t = it.lines.at(-1)!.text;
    return width(t) + width(firstUnit(next)) > W[it.col] + tol(t);
  };
  const fitsIn = (it: NumberedItem, t: string) => width(t) <= W[it.col] + tol(t) + 0.5;

  // continuations, forwards: an unnumbered line goes on an open item of a column (an item is open
  // from its first line until the next item of its column begins) whose last line is full
  const byLine = new Map<number, NumberedItem>(items.map((it) => [it.at, it]));
  const open = new Map<ItemColumn, NumberedItem>();
  const rest: { line: TableLine; at: number }[] = [];
  /** The column each line went to (null: a name): a piece right of another goes to a column right of it. */
  const wentTo: (ItemColumn | null)[] = [];
  /** Each column's cells so far (a row's i-th cell in each), and each item's row and cell: its lines' place in the row. */
  const cellOf = new Map<ItemColumn, NumberedItem[][]>();
  const place = new Map<NumberedItem, { row: number; cell: NumberedItem[] }>();
  /** The index of the line each item last took. */
  const lastAt = new Map<NumberedItem, number>();
  /** The line of its row an item's k-th line is printed on (counted from 0; cells are top-aligned). */
  const offset = (o: NumberedItem, k: number) => place.get(o)!.cell.filter((x) => x.n < o.n).reduce((a, x) => a + x.lines.length, 0) + k;
  /**
   * An item of the other column printed between lines `from` and `to` (indices, both excluded) that
   * begins lower in the item's row than the item's k-th line, or in a later row: the band is printed
   * by height, so a line printed after it is not that k-th line.
   */
  const printedBelow = (o: NumberedItem, k: number, from: number, to: number) => {
    const p = place.get(o);
    if (!p) return false;
    const at = offset(o, k);
    return items.some((y) => {
      const q = place.get(y);
      return y.col !== o.col && y.at > from && y.at < to && !!q && (q.row > p.row || (q.row === p.row && offset(y, 0) > at));
    });
  };
  lines.forEach((l, i) => {
    // a repeated header begins a page: the items above it are finished (a line after it is the page's own)
    if (l.afterHeader) open.clear();
    const it = byLine.get(i);
    if (it) {
      if (it.n === 1 || !cellOf.has(it.col)) cellOf.set(it.col, [...(cellOf.get(it.col) ?? []), []]);
      const cs = cellOf.get(it.col)!;
      cs.at(-1)!.push(it);
      place.set(it, { row: cs.length - 1, cell: cs.at(-1)! });
      lastAt.set(it, i);
      open.set(it.col, it);
      wentTo[i] = it.col;
      return;
    }
    wentTo[i] = null;
    const leftCol = l.piece ? wentTo[i - 1] : null;
    const rightOfLeft = (o: NumberedItem) => !leftCol || (leftCol === 'S' && o.col === 'K');
    // (where a line's width is an estimate and it is full only by a little, only the line just below it in its block goes on it)
    const adjacent = (o: NumberedItem) => !l.blockStart && o.lines.at(-1)!.line === l.line - 1;
    const cands = [...open.values()].filter((o) => rightOfLeft(o) && full(o, l.text) && fitsIn(o, l.text) && (surelyFull(o, l.text) || adjacent(o)) && !printedBelow(o, o.lines.length, lastAt.get(o)!, i));
    if (cands.length) {
      // the line just above in the same block (pdftotext stacks a column's lines in a block); else,
      // of two, the left column's: a band's columns are printed left to right, line by line
      const above = cands.find(adjacent);
      const best = above ?? cands.sort((a, b) => (a.col === b.col ? 0 : a.col === 'S' ? -1 : 1))[0]!;
      best.lines.push(l);
      lastAt.set(best, i);
      wentTo[i] = best.col;
      return;
    }
    // two columns' pieces on one line: the left column's piece, a space, the right column's
    const S = open.get('S');
    const K = open.get('K');
    if (S && K) {
      for (const sp of [...l.text.matchAll(/ /gu)].map((x) => x.index).reverse()) {
        const left = l.text.slice(0, sp).trim();
        const right = l.text.slice(sp + 1).trim();
        if (left && right && full(S, left) && fitsIn(S, left) && full(K, right) && fitsIn(K, right)) {
          S.lines.push({ ...l, text: left });
          K.lines.push({ ...l, column: l.column + sp + 1, text: right });
          lastAt.set(S, i);
          lastAt.set(K, i);
          return;
        }
      }
    }
    rest.push({ line: l, at: i });
  });

  // cells: each column's items in printed order, a `1.` opening a cell; a number printed twice in a
  // cell while an earlier cell of the column lacks it: the first of the two is that cell's
  const cells: Record<ItemColumn, NumberedItem[][]> = { S: [], K: [] };
  for (const col of ['S', 'K'] as const) {
    const cs = cells[col];
    for (const it of items.filter((x) => x.col === col)) {
      if (it.n === 1 || !cs.length) cs.push([it]);
      else cs.at(-1)!.push(it);
    }
    // a number printed twice in a cell while an earlier cell of the column lacks it: the one that
    // breaks the cell's order (a number below the one printed before it) is the earlier cell's, else the first
    cs.forEach((cell, j) => {
      for (let k = 1; k < cell.length; k++) {
        const dup = cell[k]!;
        if (!cell.slice(0, k).some((x) => x.n === dup.n)) continue;
        const twins = cell.filter((x) => x.n === dup.n);
        const moved = twins.find((x) => {
          const i = cell.indexOf(x);
          return i > 0 && cell[i - 1]!.n > x.n;
        }) ?? twins[0]!;
        for (let p = j - 1; p >= 0 && p >= j - 2; p--) {
          const earlier = cs[p]!;
          if (earlier.some((x) => x.n === dup.n) || !earlier.some((x) => x.n === dup.n - 1)) continue;
          cell.splice(cell.indexOf(moved), 1);
          earlier.push(moved);
          break;
        }
      }
    });
    // a cell's items in the order of their numbers (one printed out of order goes back in its place)
    for (const cell of cs) cell.sort((a, b) => a.n - b.n);
  }

  // continuations printed before their item: an item whose last line is full and that took no line
  // takes the nearest line before it, after its cell's previous item, that is a block of its own
  // (pdftotext sets another column's line apart) and fits its column
  const taken = new Set<number>();
  for (const col of ['S', 'K'] as const)
    for (const cell of cells[col])
      cell.forEach((it, k) => {
        // (a cell's first item is printed at the top of its row, beside the row's names: not it)
        if (it.lines.length > 1 || k === 0) return;
        const from = cell[k - 1]!.at;
        // (nor a line printed after an item of the other column that begins lower in the row than its second line)
        const cand = rest
          .filter((r) => r.at < it.at && r.at > from && !taken.has(r.at) && r.line.blockStart && (lines[r.at + 1]?.blockStart ?? true))
          .filter((r) => full(it, r.line.text) && fitsIn(it, r.line.text) && !printedBelow(it, 1, from, r.at))
          .at(-1);
        if (cand) {
          it.lines.push(cand.line);
          taken.add(cand.at);
        }
      });
  return { cells, W, rest: rest.filter((r) => !taken.has(r.at)) };
}
