/**
 * An uncoded skill table (物流管理: 职业功能 | 工作内容 | 技能要求 | 相关知识, numbered items and no
 * codes) copied by position (the default `pdftotext`): blocks in column order within bands of rows,
 * the two item columns interleaved, names printed beside the middle of their rows, the table's
 * caption printed among its first names.
 *
 * The items and their columns: numbered-items.ts; the names and the rows they name: centred-names.ts.
 * Rows are the cells of the two item columns taken in order (the i-th 技能要求 cell and the i-th
 * 相关知识 cell), each named by the i-th 工作内容 name. A copy that does not read so gives null.
 */
import type { Position, Table, TableCell } from '../../../../src/schema/corpus.ts';
import { namesOf, placeNames } from './centred-names.ts';
import type { CopiedLine } from './lines.ts';
import { ITEM, type NumberedItem, type TableLine, numberedItems } from './numbered-items.ts';

/** A table's caption (`表 1 一般要求`), printed among the names when the header comes first. */
const CAPTION = /^表\s*\d{1,2}(?:\s|$)/u;

export function uncodedTableByPosition(lines: CopiedLine[], pairs: Set<string>): Table | null {
  const kept = lines.filter((l) => !CAPTION.test(l.text.trim()));
  const table: TableLine[] = kept.map((l, i) => ({ ...l, index: i, blockStart: i === 0 || l.line > kept[i - 1]!.line + 1 }));
  const read = numberedItems(table);
  if (!read) return null;
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
