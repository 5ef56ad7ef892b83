/**
 * Ruling lines of a page from its operator list (pdfjs-dist `page.getOperatorList()`), issue 13. Pure:
 * the caller hands over the list and pdfjs's OPS codes; no pdfjs here.
 *
 * A ruled table's borders are drawn as thin filled rectangles (Chromium, Word's PDF export, WPS) or
 * as stroked segments (`m … l … S`, `re S`). Both become a `PdfRule`: its box on the page, y downward
 * from the page's top as parse/pdf/items.ts places text. Only axis-aligned ones are kept, and a filled
 * shape only when it is thin (a border, not a cell's shading or a picture's frame).
 */
import type { PdfRule } from './items.ts';

/** The pdfjs operator codes used here (pdfjs-dist `OPS`). */
export interface RuleOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** pdfjs's path drawing codes inside a constructPath (its `DrawOPS`). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** A filled shape is a rule when it is at most this thick (pt) … */
const THIN = 2.5;
/** … and at least this long (pt). */
const LONG = 3;

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/**
 * The ruling lines of one page. `view` is the page's `view` box ([x0, y0, x1, y1] in PDF units), so
 * that rules are placed as text items are (x from the box's left, y down from its top).
 */
export function rulesFromOperators(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: RuleOps,
  page: number,
  view: readonly [number, number, number, number],
): PdfRule[] {
  const out: PdfRule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const fills = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const place = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4] - view[0], view[3] - (ctm[1] * x + ctm[3] * y + ctm[5])];
  const add = (ax: number, ay: number, bx: number, by: number) => {
    out.push({ page, x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as Matrix | null | undefined;
      if (Array.isArray(m) && m.length === 6) ctm = multiply(ctm, m);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | null | undefined)?.[0];
      if (!data || (!fills.has(paint) && !strokes.has(paint))) continue;
      // the subpaths, as points on the page (curves taken by their end point only: a curved shape is no rule)
      const subpaths: { pts: [number, number][]; curved: boolean; closed: boolean }[] = [];
      let cur: { pts: [number, number][]; curved: boolean; closed: boolean } | null = null;
      for (let k = 0; k < data.length; ) {
        const op = data[k]!;
        if (op === MOVE) {
          cur = { pts: [place(data[k + 1]!, data[k + 2]!)], curved: false, closed: false };
          subpaths.push(cur);
          k += 3;
        } else if (op === LINE) {
          cur?.pts.push(place(data[k + 1]!, data[k + 2]!));
          k += 3;
        } else if (op === CURVE) {
          if (cur) {
            cur.curved = true;
            cur.pts.push(place(data[k + 5]!, data[k + 6]!));
          }
          k += 7;
        } else if (op === QUAD) {
          if (cur) {
            cur.curved = true;
            cur.pts.push(place(data[k + 3]!, data[k + 4]!));
          }
          k += 5;
        } else if (op === CLOSE) {
          if (cur) cur.closed = true;
          k += 1;
        } else break;
      }
      for (const sp of subpaths) {
        if (sp.curved || sp.pts.length < 2) continue;
        if (fills.has(paint) && sp.pts.length >= 3) {
          const xs = sp.pts.map((p) => p[0]);
          const ys = sp.pts.map((p) => p[1]);
          const w = Math.max(...xs) - Math.min(...xs);
          const h = Math.max(...ys) - Math.min(...ys);
          const axis = sp.pts.every((p, q) => {
            const o = sp.pts[(q + 1) % sp.pts.length]!;
            return Math.abs(p[0] - o[0]) < 0.01 || Math.abs(p[1] - o[1]) < 0.01;
          });
          if (axis && Math.min(w, h) <= THIN && Math.max(w, h) >= LONG) add(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
          if (!strokes.has(paint)) continue;
        }
        if (strokes.has(paint)) {
          const pts = sp.closed ? [...sp.pts, sp.pts[0]!] : sp.pts;
          for (let q = 1; q < pts.length; q++) {
            const [ax, ay] = pts[q - 1]!;
            const [bx, by] = pts[q]!;
            if ((Math.abs(ay - by) < 0.5 || Math.abs(ax - bx) < 0.5) && Math.hypot(bx - ax, by - ay) >= LONG) add(ax, ay, bx, by);
          }
        }
      }
    }
  }
  return out;
}
