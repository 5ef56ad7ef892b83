/**
 * A copy by position (pdftotext without -raw) read by column: blocks (ended by an empty line) in
 * column order within bands of rows, two or three columns on one line, a merged name beside the
 * middle of its rows. The rules follow from how pdftotext lays the columns out:
 *
 * - a code opens a cell in its column; a line without a code goes on an open cell whose last line
 *   was full (the line's first word would not have fitted after it, by the column widths measured
 *   from the lines that open cells: widths.ts) and whose column it fits;
 * - a line wider than any column, or, inside a block, one no open cell takes whole, holds several
 *   columns side by side: it is cut where its pieces fill their columns best (cut.ts); under such a
 *   line the block's lines go on its cells in turn, left to right;
 * - the 工作领域 column has no codes: its width is measured from the names pdftotext prints as
 *   blocks of their own, and a name takes only Chinese characters; a one-line block that fills that
 *   column right above a task code is a name; one-line blocks beside each other are a 工作领域 and a
 *   工作任务 name printed at staggered heights, their lines taken in turn; lines inside another
 *   column's block that make a name the standard prints as a block of its own elsewhere are that name;
 * - a 工作任务 name printed as a block of two lines or more ends with its block; one that opened a
 *   block above a band of side-by-side columns goes on under it where its word goes on;
 * - of several cells a line fits, one that makes a pair of characters the document prints elsewhere
 *   (`量图|形`) is preferred to one that makes a pair it never prints (pairs.ts);
 * - a cell left ending with 、 or ， takes back the block of lines that is its rest (unfinished).
 */
import { removeAllWhitespace } from '../../../../src/lib/text/normalize.ts';
import type { CodeStyle } from '../codes.ts';
import { COLUMN, type Cell, codeRegExp, codeType } from './codes.ts';
import { cutLine } from './cut.ts';
import type { CopiedLine } from './lines.ts';
import { joinsAt, printedPairs } from './pairs.ts';
import { firstUnit, measureColumns, nameBlocks, printedWidth } from './widths.ts';

/**
 * An interleaved copy, read by column: a code opens a cell in its column; a line without a code
 * goes on a cell whose last line was full (the line's first word would not have fitted after it)
 * and whose column is wide enough, the next such column to the right of the line before it
 * (pdftotext gives a band of rows column by column); a short run of lines that goes on no cell
 * is a 工作领域 name.
 */
export function cellsOfColumns(lines: (CopiedLine & { afterHeader?: boolean })[], style: CodeStyle, pool: CopiedLine[] = lines): Cell[] {
  const re = codeRegExp(style);
  const cells: Cell[] = [];
  const { W, full, widest, nameWidth } = measureColumns(lines, style, pool);
  const open = new Map<Cell['type'], Cell>();
  /** For each column, the cell the open one took over from. */
  const before = new Map<Cell['type'], Cell>();
  /**
   * 工作任务 names printed as a block of two lines or more that has ended: a name's lines are read
   * as one block unless the lines of other columns at its heights come between them, one block
   * each, and then the name goes on in a later block (`2-1 静态网页` … `开发`).
   */
  const closed = new Set<Cell>();
  const goesOn = (c: Cell, text: string) => {
    const last = c.lines.at(-1)!.text;
    // (a 工作领域 name is Chinese characters only)
    if (c.type === 'area' && !/^\p{Script=Han}+$/u.test(removeAllWhitespace(text))) return false;
    return !closed.has(c) && full(last, text, c.type) && printedWidth(text) <= W(c.type) + 2;
  };
  /** The uncoded lines printed right below line k (the rest of its block). */
  const below = (k: number): string[] => {
    const out: string[] = [];
    for (let j = k + 1; j < lines.length && lines[j]!.line === lines[j - 1]!.line + 1 && !new RegExp(re).test(lines[j]!.text); j++) out.push(lines[j]!.text);
    return out;
  };
  /** A run of lines can be one cell's of a column when each line but the last is full there. */
  const chain = (t: Cell['type'], run: string[]) => run.every((x, j) => printedWidth(x) <= W(t) + 2 && (j === run.length - 1 || full(x, run[j + 1]!, t)));
  const pairs = printedPairs(lines);
  /** The 工作领域 names the standard prints as blocks of their own (in any of its tables). */
  const knownNames = new Set(nameBlocks(pool, re, W('task')).map((b) => b.map((l) => removeAllWhitespace(l.text)).join('')));
  const joins = (c: Cell, text: string) => joinsAt(pairs, c.lines.at(-1)!.text, text);
  let prev: Cell | null = null;
  let prevLine = -1;
  /** The column the next uncoded line is looked for to the right of. */
  let pivot = -1;
  /** Whether the line before printed several columns (the lines under it go on them from the left). */
  let wide = false;
  /** Whether the block goes on under a line that printed several columns. */
  let banding = false;
  /** Lines still to come of a 工作领域 name found under a cell's last line. */
  let forceArea = 0;
  let page = 0;
  /** The cell that took the line before, when that line was a block of its own. */
  let lastAlone: Cell | null = null;
  /** The first line of the block being read (pdftotext ends a block with an empty line). */
  let flowStart = -1;
  for (const [k, l] of lines.entries()) {
    if (l.afterHeader && k > 0) page++;
    if (l.line !== prevLine + 1) {
      flowStart = l.line;
      for (const c of open.values()) if (c.type === 'task' && c.lines.length >= 2 && c.lines.every((x, i) => i === 0 || x.line === c.lines[i - 1]!.line + 1)) closed.add(c);
    }
    const codes = [...l.text.matchAll(new RegExp(re))];
    const head = (codes.length ? l.text.slice(0, codes[0]!.index) : l.text).trim();
    const segments: Cell[] = [];
    // a line that is a block of its own (pdftotext prints the lines of two centred names at staggered heights so)
    const alone = lines[k - 1]?.line !== l.line - 1 && lines[k + 1]?.line !== l.line + 1;
    const narrow = (c: Cell | null | undefined) => !!c && COLUMN[c.type] <= COLUMN.task;
    // a line wider than any column prints two or three columns side by side: cut it at spaces into
    // pieces that go on open cells from left to right, each piece as long as its column allows
    let pieces = head ? [head] : [];
    let placed: Cell[] = [];
    // (or, inside a block, one that no open cell takes whole: two narrower columns side by side, each
    // going on a cell with lines in the block)
    const inBlock = l.line === prevLine + 1 && !!head && / /u.test(head) && ![...open.values()].some((c) => goesOn(c, head));
    if (head && (printedWidth(head) > widest + 2 || inBlock)) {
      const plan = cutLine(head, -1, open.values(), { W, goesOn, joins });
      if (plan && plan.length > 1 && (printedWidth(head) > widest + 2 || plan.every((x) => x.cell.lines.at(-1)!.line >= flowStart))) {
        pieces = plan.map((x) => x.text);
        placed = plan.map((x) => x.cell);
      }
    }
    pieces.forEach((text, p) => {
      if (placed[p]) {
        placed[p]!.lines.push({ ...l, text });
        segments.push(placed[p]!);
        return;
      }
      const piece = { ...l, text };
      const run = codes.length || pieces.length > 1 ? [text] : [text, ...below(k)];
      const next = l.line === prevLine + 1;
      const newArea = () => {
        const area: Cell = { code: null, type: 'area', lines: [piece] };
        cells.push(area);
        open.set('area', area);
        segments.push(area);
      };
      if (forceArea > 0) {
        forceArea--;
        const area = open.get('area');
        if (area && next && prev === area) area.lines.push(piece);
        else newArea();
        segments.push(open.get('area')!);
        return;
      }
      // a 工作领域 name printed inside another column's block, as it is printed as a block of its own
      // elsewhere in the standard (`移动端动` / `态网站开` / `发` under `编码技术操作 MySQL 数据`)
      if (codes.length === 0 && pieces.length === 1 && next && prev && prev.code !== null) {
        const run = [text, ...below(k)];
        for (let n = run.length; n >= 2; n--) {
          if (!knownNames.has(run.slice(0, n).map(removeAllWhitespace).join(''))) continue;
          newArea();
          forceArea = n - 1;
          return;
        }
      }
      const fitting = [...open.values()].filter((c) => goesOn(c, text)).sort((a, b) => COLUMN[a.type] - COLUMN[b.type]);
      // of several cells the line could go on, where one continues a word the document prints elsewhere
      // (`量图` + `形`), not those that would make a pair of characters it never prints (`应用` + `形`)
      const worded = fitting.some((c) => joins(c, text) > 0) ? fitting.filter((c) => joins(c, text) >= 0) : fitting;
      const fits = worded;
      // the same block goes on with the cell of the line before, if it can
      // (in a block that printed several columns side by side, the lines below go on them in turn, left to right)
      const same = p === 0 && prev && next && !wide && !banding && fits.includes(prev) ? prev : null;
      const after = p > 0 ? COLUMN[segments.at(-1)!.type] : pivot;
      const sweep = (cs: Cell[]) => cs.find((c) => COLUMN[c.type] > after) ?? cs[0] ?? null;
      let target: Cell | null = same;
      // a run of one-line blocks beside each other: a 工作领域 name and a 工作任务 name printed at
      // staggered heights, their lines taken in turn (`动态网站` `2-3 动态网` `搭建` `页开发`)
      if (!target && alone && pieces.length === 1 && narrow(lastAlone) && /^\p{Script=Han}+$/u.test(removeAllWhitespace(text))) {
        const other = [...open.values()].find((c) => narrow(c) && c.type !== lastAlone!.type && goesOn(c, text));
        if (other) target = other;
      }
      // in such a block, the cells with lines in it
      if (banding && next) target = sweep(fits.filter((c) => c.lines.at(-1)!.line >= flowStart));
      // a 工作任务 name that opened the block above a band of side-by-side columns goes on under the
      // band with a line of Chinese characters that continues its word (`3-6 移动端` + `静态网页开`)
      const opener = p === 0 && banding && next ? fits.find((c) => c.type === 'task' && c.lines[0]!.line === flowStart) : undefined;
      if (opener && target !== opener && /^\p{Script=Han}+$/u.test(removeAllWhitespace(text)) && joins(opener, text) > 0) target = opener;
      if (!target && next) target = sweep(fits);
      if (!target) {
        // a block of its own: one cell's lines, a 工作领域 name (lines as narrow as its column, the first
        // full, and not the rest of a word of a cell it fits: `1-3 动态网` + `页开发`), or a cell's last line above a name
        const whole = fits.filter((c) => chain(c.type, run));
        const name = chain('area', run) && (run[1] ? full(run[0]!, run[1], 'area') : printedWidth(run[0]!) >= W('area') - 3.5);
        const rest = run.slice(1);
        // a block whose first line fills the 工作领域 column exactly (Chinese only) is a name, unless it continues a word
        const nextCodes = [...(lines[k + 1]?.text ?? '').matchAll(new RegExp(re))];
        const beforeTask = nextCodes.length > 0 && nextCodes[0]!.index === 0 && codeType(nextCodes[0]![1]!, style) === 'task';
        const named = name && beforeTask && /^\p{Script=Han}+$/u.test(removeAllWhitespace(run[0]!)) && Math.abs(printedWidth(run[0]!) - nameWidth) < 0.5 && nameWidth < W('task');
        if (named && !whole.some((c) => joins(c, text) > 0)) target = null;
        else if (name && !whole.some((c) => COLUMN[c.type] >= COLUMN.skill || joins(c, text) > 0)) target = null;
        else if (whole.length) target = sweep(whole);
        else if (rest.length && chain('area', rest) && fits.length) {
          // the cell whose last line was fullest
          const fullness = (c: Cell) => (printedWidth(c.lines.at(-1)!.text) + printedWidth(firstUnit(text))) / W(c.type);
          target = [...fits].sort((a, b) => fullness(b) - fullness(a))[0]!;
          forceArea = rest.length;
        }
      }
      if (target) {
        target.lines.push(piece);
        segments.push(target);
      } else if (prev && prev.code === null && next) {
        prev.lines.push(piece);
        segments.push(prev);
      } else if (printedWidth(text) > W('area') + 2) {
        // too wide for a 工作领域 name: the open cell it fits best, though its last line looked short
        const roomy = [...open.values()].filter((c) => c.code !== null && printedWidth(text) <= W(c.type) + 2);
        const fullness = (c: Cell) => (printedWidth(c.lines.at(-1)!.text) + printedWidth(firstUnit(text))) / W(c.type);
        const best = roomy.sort((a, b) => fullness(b) - fullness(a))[0];
        if (best) {
          best.lines.push(piece);
          segments.push(best);
        } else newArea();
      } else newArea();
    });
    codes.forEach((m, j) => {
      const type = codeType(m[1]!, style);
      const end = codes[j + 1]?.index ?? l.text.length;
      let rest = l.text.slice(m.index + m[0].length, end).trim();
      const printed = (r: string) => (m[1]!.endsWith('-') ? `${m[1]}${r}` : `${m[1]} ${r}`.trim());
      // a coded line wider than its column prints the next column's line beside it (`2-3-3-S4 能使用
      // Session 的操作、 出、编码规范、`): cut at the last space that leaves the code's part in its column
      // and puts the rest on an open cell of a column to the right
      let beside: { cell: Cell; text: string } | null = null;
      if (j === codes.length - 1 && printedWidth(printed(rest)) > W(type) + 2) {
        for (const sp of [...rest.matchAll(/ /gu)].map((x) => x.index).reverse()) {
          const left = rest.slice(0, sp).trim();
          const right = rest.slice(sp + 1).trim();
          // (the open cell of that column, or the one it took over from: pdftotext may print a row of
          // the band above after the first line of the next, `3-5-3 能进行前端` … `3-4-3 能掌握 Vue`)
          const to = [...open.values(), ...before.values()].filter((c) => COLUMN[c.type] > COLUMN[type] && goesOn(c, right)).sort((a, b) => COLUMN[a.type] - COLUMN[b.type])[0];
          if (to && printedWidth(printed(left)) <= W(type) + 2) {
            rest = left;
            beside = { cell: to, text: right };
            break;
          }
        }
      }
      const cell: Cell = { code: m[1]!, type, lines: [{ ...l, column: l.column + m.index, text: printed(rest) }], page };
      cells.push(cell);
      const replaced = open.get(type);
      if (replaced) before.set(type, replaced);
      open.set(type, cell);
      segments.push(cell);
      if (beside) {
        beside.cell.lines.push({ ...l, text: beside.text });
        segments.push(beside.cell);
      }
    });
    wide = segments.length > 1;
    banding = wide || (banding && codes.length === 0 && lines[k + 1]?.line === l.line + 1);
    prev = segments.at(-1) ?? prev;
    pivot = wide ? COLUMN[segments[0]!.type] - 1 : prev ? COLUMN[prev.type] : -1;
    prevLine = l.line;
    lastAlone = alone && segments.length === 1 ? segments[0]! : null;
  }
  unfinished(cells, (t) => W(t), full);
  return cells;
}

/**
 * A cell never ends with 、 or ，: one that does was left without its last lines, which pdftotext
 * printed as a block of their own (before the cell's code, or among other columns' lines) and the
 * reading put on other cells. It takes the nearest block of lines that can be its rest: lines as
 * wide as its column, each but the last full, taken from the ends of the cells that had them (not
 * from right under a line of theirs: a block holds one column's lines), and leaving none of those
 * cells unfinished in turn.
 */
export function unfinished(cells: Cell[], W: (t: Cell['type']) => number, full: (line: string, next: string, t: Cell['type']) => boolean): void {
  const open = (c: Cell) => /[、，,]$/u.test(c.lines.at(-1)!.text);
  for (const h of cells) {
    if (!h.code || !open(h)) continue;
    // the continuation lines of coded cells, one a printed line, in printed order
    const owner = new Map<number, { cell: Cell; at: number }[]>();
    for (const c of cells) c.lines.forEach((l, at) => owner.set(l.line, [...(owner.get(l.line) ?? []), { cell: c, at }]));
    const single = [...owner].filter(([, os]) => os.length === 1 && os[0]!.at > 0 && os[0]!.cell.code !== null && os[0]!.cell.type !== 'task').sort((a, b) => a[0] - b[0]);
    const blocks: { line: number; cell: Cell; at: number }[][] = [];
    for (const [line, [o]] of single) {
      const last = blocks.at(-1)?.at(-1);
      if (last && last.line === line - 1) blocks.at(-1)!.push({ line, ...o! });
      else blocks.push([{ line, ...o! }]);
    }
    const fits = (b: { cell: Cell; at: number }[]) => {
      const texts = [h.lines.at(-1)!.text, ...b.map((x) => x.cell.lines[x.at]!.text)];
      if (b.some((x) => x.cell === h || printedWidth(x.cell.lines[x.at]!.text) > W(h.type) + 2)) return false;
      if (!texts.every((t, j) => j === texts.length - 1 || full(t, texts[j + 1]!, h.type))) return false;
      // each cell gives up lines at its end only, and is not left unfinished
      const donors = new Set(b.map((x) => x.cell));
      return [...donors].every((d) => {
        const taken = b.filter((x) => x.cell === d).map((x) => x.at);
        const from = Math.min(...taken);
        // lines printed right under a cell's line, in the same block, are that cell's
        const kept = d.lines[from - 1];
        return taken.length === d.lines.length - from && !!kept && !/[、，,]$/u.test(kept.text) && kept.line !== d.lines[from]!.line - 1;
      });
    };
    const here = h.lines[0]!.line;
    const best = blocks.filter(fits).sort((a, b) => Math.abs(a[0]!.line - here) - Math.abs(b[0]!.line - here))[0];
    if (!best) continue;
    const moved = best.map((x) => x.cell.lines[x.at]!);
    for (const d of new Set(best.map((x) => x.cell))) d.lines = d.lines.slice(0, Math.min(...best.filter((x) => x.cell === d).map((x) => x.at)));
    h.lines.push(...moved);
  }
}
