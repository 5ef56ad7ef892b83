/**
 * An uncoded skill table (物流管理: 职业功能 | 工作内容 | 技能要求 | 相关知识, numbered items and no
 * codes) copied by position (the default `pdftotext`): blocks in column order within bands of rows,
 * the two item columns interleaved, names printed beside the middle of their rows, the table's
 * caption printed among its first names.
 *
 * A line holding two columns' pieces (printed at one height) is read as its pieces, left to right.
 * The items and their columns: numbered-items.ts; the names and the rows they name: centred-names.ts.
 * Rows are the cells of the two item columns taken in order (the i-th 技能要求 cell and the i-th
 * 相关知识 cell), each named by the i-th 工作内容 name. A copy that does not read so gives null.
 */
import type { Position, Table, TableCell } from '../../../../src/schema/corpus.ts';
import { namesOf, placeNames } from './centred-names.ts';
import type { CopiedLine } from './lines.ts';
import { GAP, ITEM, type NumberedItem, type TableLine, numberedItems } from './numbered-items.ts';
import { width } from './widths.ts';

/** CJK characters and punctuation, printed without spaces between them inside one cell's line. */
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * The pieces of a printed line: pdftotext puts the lines of two columns printed at one height on one
 * line, a space between them. A space before a numbered item parts two pieces (each item begins its
 * own line); with `atGaps`, so does a space between two CJK characters (inside a cell there is none
 * but where the copy's text was mended: `知识 和 运输`, where the extraction's `and` became 和).
 */
export function piecesOf(l: CopiedLine, atGaps: boolean): (CopiedLine & { piece: number })[] {
  const cuts = [...l.text.matchAll(/ +/gu)]
    .filter((m) => m.index > 0 && WIDE.test(l.text[m.index - 1]!) && ((atGaps && WIDE.test(l.text[m.index + m[0].length] ?? '')) || ITEM.test(l.text.slice(m.index + m[0].length))))
    .map((m) => [m.index, m.index + m[0].length] as const);
  if (!cuts.length) return [{ ...l, piece: 0 }];
  const starts = [0, ...cuts.map((c) => c[1])];
  const ends = [...cuts.map((c) => c[0]), l.text.length];
  return starts.map((a, k) => ({ ...l, column: l.column + a, text: l.text.slice(a, ends[k]), piece: k }));
}


/** A table's caption (`表 1 一般要求`), printed among the names when the header comes first. */
const CAPTION = /^表\s*\d{1,2}(?:\s|$)/u;

export function uncodedTableByPosition(lines: CopiedLine[], pairs: Set<string>): Table | null {
  const kept = lines.filter((l) => !CAPTION.test(l.text.trim()));
  // a line holding two columns' pieces is read as its pieces, left to right: cut before a numbered
  // item, and, once the columns' widths are known, between two CJK characters of a line wider than
  // every column (a space there may also be the copy's own: `知识 和 运输`, where `and` was read as 和)
  const build = (wide: (l: CopiedLine) => boolean): TableLine[] =>
    kept.flatMap((l, i) => piecesOf(l, wide(l)).map((p) => ({ ...p, blockStart: i === 0 || l.line > kept[i - 1]!.line + 1 }))).map((l, i) => ({ ...l, index: i }));
  let table = build(() => false);
  let read = numberedItems(table);
  if (!read) return null;
  const widest = Math.max(read.W.S, read.W.K);
  if (kept.some((l) => GAP.test(l.text) && width(l.text) > widest)) {
    table = build((l) => width(l.text) > widest);
    read = numberedItems(table);
    if (!read) return null;
  }
  const { S, K } = read.cells;
  if (!S.length || S.length !== K.length) return null;
  const { names, Wfn, Wwc } = namesOf(read.rest, pairs);
  const lineCount = (cell: NumberedItem[]) => cell.reduce((a, it) => a + it.lines.length, 0);
  // (a row is as high as its tallest cell, and its cells have padding: about a line)
  const heights = S.map((s, i) => Math.max(lineCount(s), lineCount(K[i]!)) + 1);
  // the sections pdftotext prints: runs of name lines, each followed by a run of item lines (the
  // items beside those names); an item line's height is its row's top and its place in its cell
  const top = [0];
  for (const h of heights) top.push(top.at(-1)! + h);
  const rowOf = new Map<number, number>();
  S.forEach((s, i) => {
    for (const it of [...s, ...K[i]!]) for (const l of it.lines) rowOf.set((l as TableLine).index!, i);
  });
  const nameAt = new Set(names.flatMap((n) => n.lines.map((l) => (l as TableLine).index!)));
  /** The rows (from the top of the first to the foot of the last) whose items are printed after a name, up to the next name. */
  const sectionOf = (n: number): [number, number] | null => {
    let i = (names[n]!.lines[0] as TableLine).index!;
    while (i < table.length && !rowOf.has(i)) i++;
    const rows: number[] = [];
    for (; i < table.length && !nameAt.has(i); i++) if (rowOf.has(i)) rows.push(rowOf.get(i)!);
    return rows.length ? [top[Math.min(...rows)]!, top[Math.max(...rows) + 1]!] : null;
  };
  // the page a name and a row are printed on: its first line's, its first item's
  const rowPage = S.map((s, i) => {
    const first = [...s, ...K[i]!].sort((a, b) => a.at - b.at)[0]!;
    return (first.lines[0] as TableLine).sheet ?? 0;
  });
  const pageOf = { name: (n: number) => (names[n]!.lines[0] as TableLine).sheet ?? 0, row: (r: number) => rowPage[r]! };
  const placed = placeNames(names, heights, Wfn, Wwc, sectionOf, pageOf);
  if (!placed) return null;

  const text = (ls: CopiedLine[]) => {
    let out = '';
    for (const l of ls) {
      const t = l.text.trim();
      // a line break inside Chinese text is no space; between Latin words it is
      out += out && /[A-Za-z0-9]$/u.test(out) && /^[A-Za-z0-9]/u.test(t) ? ` ${t}` : t;
    }
    return out;
  };
  const span = (ls: CopiedLine[]): Position => {
    const sorted = [...ls].sort((a, b) => a.line - b.line || a.column - b.column);
    const first = sorted[0]!;
    const end = sorted.at(-1)!;
    return { start: { line: first.line, column: first.column }, end: { line: end.line, column: end.column + end.text.length } };
  };
  const listCell = (items: NumberedItem[]): TableCell => {
    const list = items.map((it) => ({ label: it.label, text: text(it.lines).replace(ITEM, '') }));
    return { text: list.map((it) => `${it.label}${it.text}`).join(' '), items: list, position: span(items.flatMap((it) => it.lines)) };
  };
  const fnAt = new Map(placed.functions.map((f) => [f.from, f.name]));
  return {
    header: null,
    rows: S.map((s, i) => {
      const work = placed.work[i]!;
      const fn = fnAt.get(i);
      const cells: TableCell[] = [
        fn ? { text: text(fn.lines), position: span(fn.lines) } : { text: '', position: span(work.lines) },
        { text: text(work.lines), position: span(work.lines) },
        listCell(s),
        listCell(K[i]!),
      ];
      // a row points at its 工作内容 name, the first line printed in its own row
      const first = work.lines[0]!;
      return { cells, line: first.line, position: span([...work.lines, ...s.flatMap((it) => it.lines), ...K[i]!.flatMap((it) => it.lines)]) };
    }),
  };
}
