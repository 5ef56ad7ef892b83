/**
 * A dotted-coded table copied from a PDF (`1. 名称` 工作领域, `1.1 名称` 工作任务, `1.1.1 能…` items).
 * Dotted codes number every column, the 工作领域 too, so every cell of the table opens with a code
 * and its lines follow the code's line, in both shapes of copy pdftotext makes:
 *
 * - in reading order (`-raw`) a row's cells come one after another and a cell that fits on one
 *   line shares it with the next cell's code (`1. 静态网站搭建 1.1 静态网页开发 1.1.1 能…`): the
 *   number that opens such a line is a 工作领域 code when the codes beside it are of its branch
 *   (`1.` before `1.1`), the same rule the PDF reader uses for a row start;
 * - by position (plain `pdftotext`) each cell is a block of its own and the blocks come column by
 *   column within a band of rows (`1.2.2` printed after `3.1.1`), so the cells are put back in
 *   code order; a block without a code that stands alone (an empty line before it) is the end of
 *   a cell whose last line filled its column, not of the cell printed just before it (a 工作任务
 *   name wrapped at the foot of a band: `4.2 移动端静态网页` … `4.2.1 …` … `美化`).
 *
 * The cells are read by the reading in order (reading-order.ts): uncoded text goes on the cell
 * before it.
 */
import { type Cell, DOTTED_CODE } from './codes.ts';
import type { CopiedLine } from './lines.ts';
import { cellsOf } from './reading-order.ts';
import { measureColumns, printedWidth } from './widths.ts';

/** The numbers of a dotted code (`2.1.3` → [2, 1, 3], an area's `2` → [2]). */
const partsOf = (code: string): number[] => code.replace(/[.．、]$/u, '').split(/[.．]/u).map(Number);

/** Whether code b is in the branch of code a (`2.2.1` in `2.2`'s, `2.1` in `2`'s). */
const inBranch = (a: number[], b: number[]): boolean => b.length > a.length && a.every((n, i) => b[i] === n);

/**
 * Whether the copy prints cells of different rows side by side on one line (a copy by position
 * whose columns are close): a line holding codes of which one is not in the branch of the one
 * before it. A reading-order copy's line holds a row's first cells, each in the branch of the one
 * before (`2.2 架构设计 2.2.1 能…`).
 */
export function sideBySide(lines: CopiedLine[]): boolean {
  return lines.some((l) => {
    const codes = [...l.text.matchAll(new RegExp(DOTTED_CODE))].map((m) => partsOf(m[1]!));
    return codes.some((c, j) => j > 0 && !inBranch(codes[j - 1]!, c));
  });
}

/** A number that opens a line (`1.`, `1、`, `1．`) and the text after it up to the next code. */
const AREA_HEAD = /^(\d{1,2})[.．、]\s*(?=[\p{Script=Han}A-Za-z])/u;

/**
 * A line that opens with a 工作领域's number and name and goes on with codes of its branch
 * (`1. 静态网站搭建 1.1 静态网页开发 1.1.1 能…`): cut into the name's piece and the rest, so the
 * name's piece is a line that opens a 工作领域 (same printed line, later column).
 */
function splitAreaHead(l: CopiedLine & { afterHeader: boolean }): (CopiedLine & { afterHeader: boolean })[] {
  const head = AREA_HEAD.exec(l.text);
  if (!head) return [l];
  const codes = [...l.text.matchAll(new RegExp(DOTTED_CODE))];
  const first = codes[0];
  if (!first || first.index === 0 || !inBranch([Number(head[1])], partsOf(first[1]!))) return [l];
  const name = l.text.slice(0, first.index).trim();
  if (!name.slice(head[0].length).trim()) return [l];
  return [
    { ...l, text: name },
    { ...l, column: l.column + first.index, text: l.text.slice(first.index), afterHeader: false },
  ];
}

/**
 * A block of uncoded lines standing alone (after an empty line: pdftotext's end of a block) that
 * the reading in order put on the cell printed before it, when that cell's line before the block
 * did not fill its column: moved to the latest cell before it whose last line did, and whose
 * column the block fits (the lines of a wrapped cell are full but the last).
 */
function strayBlocks(cells: Cell[], lines: CopiedLine[], pool: CopiedLine[]): void {
  const { W, full } = measureColumns(lines, 'dotted', pool);
  // (a cell's lines other than its first carry no code: a block in them starts after a gap)
  for (const [i, c] of cells.entries()) {
    for (let k = 1; k < c.lines.length; k++) {
      const l = c.lines[k]!;
      if (l.line <= c.lines[k - 1]!.line + 1) continue;
      let end = k + 1;
      while (end < c.lines.length && c.lines[end]!.line === c.lines[end - 1]!.line + 1) end++;
      const block = c.lines.slice(k, end);
      const last = c.lines[k - 1]!.text;
      if (full(last, l.text, c.type)) continue;
      const fits = (d: Cell) => {
        const texts = [d.lines.at(-1)!.text, ...block.map((b) => b.text)];
        return block.every((b) => printedWidth(b.text) <= W(d.type) + 2) && texts.every((t, j) => j === texts.length - 1 || full(t, texts[j + 1]!, d.type));
      };
      const to = cells.slice(0, i).reverse().find((d) => d.code !== null && d.lines.at(-1)!.line < l.line && fits(d));
      if (!to) continue;
      to.lines.push(...block);
      c.lines.splice(k, block.length);
      k--;
    }
  }
}

/**
 * Cells in code order: each code after the codes it is in the branch of and after the codes before
 * it (a stable sort by the codes' numbers); an uncoded cell keeps its place before the next coded one.
 */
export function inTableOrder(cells: Cell[]): Cell[] {
  const keyed: { cell: Cell; key: number[]; at: number }[] = [];
  let waiting: Cell[] = [];
  cells.forEach((c, at) => {
    if (c.code === null) {
      waiting.push(c);
      return;
    }
    const key = partsOf(c.code);
    for (const w of waiting) keyed.push({ cell: w, key, at: at - 0.5 });
    waiting = [];
    keyed.push({ cell: c, key, at });
  });
  const cmp = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  };
  const sorted = keyed.sort((a, b) => cmp(a.key, b.key) || a.at - b.at).map((k) => k.cell);
  return [...sorted, ...waiting];
}

/** The cells of a dotted table copied in reading order or by position. */
export function dottedCells(lines: (CopiedLine & { afterHeader: boolean })[], pool: CopiedLine[]): Cell[] {
  const cells = cellsOf(lines.flatMap(splitAreaHead), 'dotted');
  strayBlocks(cells, lines, pool);
  return inTableOrder(cells);
}
