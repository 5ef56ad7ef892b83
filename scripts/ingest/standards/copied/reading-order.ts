/**
 * A copy in reading order (`pdftotext -raw`, a viewer's select-all): each cell comes out whole but
 * broken over lines, cells one after another in row order. A code opens a cell and the text up to
 * the next code is that cell's; the only text without a code is a 工作领域 name: the lines printed
 * just before a task code, once the cell before them is finished (its last line shorter than the
 * lines of its column), or after a repeated header.
 */
import type { CodeStyle } from '../codes.ts';
import { type Cell, DOTTED_AREA, codeRegExp, codeType, taskOf } from './codes.ts';
import type { CopiedLine } from './lines.ts';
import { width } from './widths.ts';

/** The cells of the copied table, in printed order: each code with the lines up to the next code; 工作领域 names between them. */
export function cellsOf(lines: (CopiedLine & { afterHeader: boolean })[], style: CodeStyle): Cell[] {
  const cells: Cell[] = [];
  const re = codeRegExp(style);
  /** Uncoded lines waiting for the next code to say whose they are. */
  let pending: (CopiedLine & { afterHeader: boolean })[] = [];
  /** Widths of the lines that a cell of each column goes on below (lines that fill their column). */
  const fullWidths = new Map<Cell['type'], number[]>();
  const noteWidth = (c: Cell) => {
    const ws = fullWidths.get(c.type) ?? [];
    for (const l of c.lines.slice(0, -1)) ws.push(width(l.text));
    fullWidths.set(c.type, ws);
  };
  const median = (ws: number[]) => [...ws].sort((a, b) => a - b)[Math.floor(ws.length / 2)] ?? 0;
  /** The widest line of a 工作领域 name seen so far (names are printed in a narrow column). */
  let areaWidth = Infinity;
  const noteArea = (c: Cell) => {
    const w = Math.max(...c.lines.map((l) => width(l.text)));
    areaWidth = areaWidth === Infinity ? w : Math.max(areaWidth, w);
  };
  /** A line that fills its column (so the cell goes on below it). */
  const full = (text: string, type: Cell['type']) => width(text) >= 0.85 * median(fullWidths.get(type) ?? []);
  /**
   * Where the pending lines stop continuing the cell before them: the largest k such that the
   * cell's last line and pending[0..k-1] (but the last) fill their column, and pending[k..] fit the
   * 工作领域 column. k = pending.length when all continue the cell.
   */
  const split = (last: Cell | null): number => {
    const n = pending.length;
    if (!last || last.code === null) return 0;
    const seq = [last.lines.at(-1)!.text, ...pending.map((l) => l.text)];
    const fits = (k: number) => k === n || pending.slice(k).every((l) => width(l.text) <= areaWidth + 2);
    // a cell rarely goes on over a page break into lines as narrow as a 工作领域 name
    const header = pending.findIndex((l) => l.afterHeader);
    const limit = header >= 0 && fits(header) ? header : n;
    let best = -1;
    for (let k = 0; k <= limit && (k === 0 || full(seq[k - 1]!, last.type)); k++) if (fits(k)) best = k;
    if (best >= 0) return best;
    // no split fills the cell's lines: the first one after which the rest fits the 工作领域 column
    for (let k = 0; k <= n; k++) if (fits(k)) return k;
    return n;
  };

  /** Give the pending lines to the cell before them, or to a 工作领域 name, now that the next code (or the end) is known. */
  const settle = (next: Cell['type'] | 'end', newTask = false) => {
    if (pending.length === 0) return;
    const last = cells.at(-1) ?? null;
    const area = [...cells].reverse().find((c) => c.type === 'area') ?? null;
    // dotted codes number the 工作领域 too (1.): uncoded text is always the cell before
    if ((next === 'end' || style === 'dotted') && last) last.lines.push(...pending);
    else if (next === 'task' || next === 'area' || newTask || !last) {
      // before a task (or a skill of a task not printed yet): the end of the cell before, then the name of a new 工作领域
      const k = split(last);
      last?.lines.push(...pending.slice(0, k));
      const rest = pending.slice(k);
      if (rest.length) {
        const cell: Cell = { code: null, type: 'area', lines: rest };
        cells.push(cell);
        noteArea(cell);
      }
    } else {
      // before a skill, S or K: the cell before; after a repeated header, the rest of a 工作领域 name split by the page break
      const k = split(last);
      if (area && k < pending.length && pending.slice(k).every((l) => l.afterHeader || pending[k]!.afterHeader)) {
        last.lines.push(...pending.slice(0, k));
        area.lines.push(...pending.slice(k));
      } else last.lines.push(...pending);
    }
    pending = [];
  };

  /** The task of the last code read (1-1 for 1-1-2-S3). */
  let lastTask: string | null = null;
  for (const l of lines) {
    const text = l.text;
    const codes = [...text.matchAll(new RegExp(re))];
    const area = style === 'dotted' && codes.length === 0 ? DOTTED_AREA.exec(text) : null;
    if (codes.length === 0 && !area) {
      pending.push(l);
      continue;
    }
    if (area) {
      settle('area');
      cells.push({ code: area[1] ?? area[2]!, type: 'area', lines: [{ ...l, text: text.slice(area[0].length).trim() }] });
      continue;
    }
    let at = 0;
    const head = text.slice(0, codes[0]!.index).trim();
    if (head) {
      const last = cells.at(-1);
      if (last) last.lines.push({ ...l, text: head });
      else pending.push({ ...l, text: head });
    }
    codes.forEach((m, k) => {
      const type = codeType(m[1]!, style);
      const task = taskOf(m[1]!, style);
      settle(type, type === 'skill' && task !== null && lastTask !== null && task !== lastTask);
      if (task !== null) lastTask = task;
      const last = cells.at(-1);
      if (last) noteWidth(last);
      at = m.index + m[0].length;
      const end = codes[k + 1]?.index ?? text.length;
      const rest = text.slice(at, end).trim();
      cells.push({ code: m[1]!, type, lines: [{ ...l, column: l.column + m.index, text: m[1]!.endsWith('-') ? `${m[1]}${rest}` : `${m[1]} ${rest}`.trim() }] });
    });
    void at;
  }
  settle('end');
  return cells;
}
