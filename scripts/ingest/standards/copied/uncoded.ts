/**
 * An uncoded skill table (物流管理: 职业功能 | 工作内容 | 技能要求 | 相关知识, numbered items and no
 * codes) copied in reading order (`pdftotext -raw`): each row's cells one after another, a name
 * broken over lines (`职业道德与职` / `业安全及环保` / `认知`), items broken over lines.
 *
 * Columns by widths and numbering: an item (`1. 能…`) opens a line of the 技能要求 column, and the
 * numbering starting again at 1 passes to the 相关知识 column (then back at the next row). A line
 * without a number goes on the item above when that item's last line is full in its column (the
 * column's width is its widest item line); otherwise it is a name. The names before a row's items
 * are a 工作内容 name, or a 职业功能 name and then a 工作内容 name: each name's lines but the last
 * are full in its column, and the two name columns' widths are those under which every row's names
 * split so. A copy that does not read so (a copy by position interleaves the columns) gives null.
 */
import type { Position, Table, TableCell } from '../../../../src/schema/corpus.ts';
import type { CopiedLine } from './lines.ts';
import { firstUnit, width } from './widths.ts';

const ITEM = /^(\d{1,2})[.．、]\s*(?=\S)/u;

interface Item {
  label: string;
  lines: CopiedLine[];
}

interface Row {
  names: CopiedLine[];
  skills: Item[];
  knowledge: Item[];
}

export function uncodedTable(lines: CopiedLine[]): Table | null {
  // pass 1: item lines by column (the numbering starting again at 1 passes to the other column)
  const column: ('S' | 'K' | null)[] = [];
  let col: 'S' | 'K' | null = null;
  for (const l of lines) {
    const m = ITEM.exec(l.text);
    if (m && m[1] === '1') col = col === 'S' ? 'K' : 'S';
    column.push(m ? col : null);
  }
  const widest = (c: 'S' | 'K') => Math.max(0, ...lines.filter((_, i) => column[i] === c).map((l) => width(l.text)));
  const W = { S: widest('S'), K: widest('K') };
  if (!W.S || !W.K) return null;
  const full = (line: string, next: string, w: number) => width(line) + width(firstUnit(next)) > w;

  // pass 2: rows
  const rows: Row[] = [];
  let row: Row | null = null;
  let last: { item: Item; col: 'S' | 'K' } | null = null;
  lines.forEach((l, i) => {
    const m = ITEM.exec(l.text);
    const c = column[i];
    if (m && c) {
      if (!row || (c === 'S' && m[1] === '1' && row.knowledge.length)) {
        // a row without names: its names were read as the end of the item above, whose last line was
        // full to the last character (`3. 客户开发计划和拜访纪要编写规范` / `物流项目投标`)
        const names: CopiedLine[] = [];
        const above = row?.knowledge.at(-1);
        while (above && above.lines.length > 1 && /^\p{Script=Han}+$/u.test(above.lines.at(-1)!.text.trim()) && width(above.lines.at(-1)!.text) <= W.K / 2) names.unshift(above.lines.pop()!);
        rows.push((row = { names, skills: [], knowledge: [] }));
      }
      const item: Item = { label: `${m[1]}.`, lines: [l] };
      (c === 'S' ? row.skills : row.knowledge).push(item);
      last = { item, col: c };
      return;
    }
    if (last && full(last.item.lines.at(-1)!.text, l.text, W[last.col]) && width(l.text) <= W[last.col] + 1) {
      last.item.lines.push(l);
      return;
    }
    if (!row || row.skills.length) rows.push((row = { names: [], skills: [], knowledge: [] }));
    // a 职业功能 name and a 工作内容 name printed at one height come on one line, apart (`配送管理 配送作业管理`)
    const parts = l.text.trim().split(/ +/u);
    if (parts.length === 2 && parts.every((x) => /^\p{Script=Han}+$/u.test(x))) {
      row.names.push({ ...l, text: parts[0]! }, { ...l, column: l.column + l.text.indexOf(parts[1]!), text: parts[1]! });
    } else row.names.push(l);
    last = null;
  });
  if (!rows.length || rows.some((r) => !r.skills.length || !r.knowledge.length || !r.names.length)) return null;
  // items numbered 1, 2, 3 … in each cell (a number printed twice is kept as printed: `2. … 2. …`)
  const num = (it: Item) => Number.parseInt(it.label, 10);
  if (rows.some((r) => [r.skills, r.knowledge].some((is) => is.some((it, k) => (k === 0 ? num(it) !== 1 : num(it) - num(is[k - 1]!) > 1 || num(it) < num(is[k - 1]!)))))) return null;

  // the name columns' widths: the pair of printed name-line widths under which every row's names split
  const nameWidths = [...new Set(rows.flatMap((r) => r.names.map((l) => width(l.text))))].sort((a, b) => a - b);
  const chain = (ls: CopiedLine[], w: number) => ls.length > 0 && ls.every((l, k) => width(l.text) <= w && (k === ls.length - 1 || full(l.text, ls[k + 1]!.text, w + 1)));
  /** Where a row's names split (0: a 工作内容 name only), or null. */
  const splitAt = (names: CopiedLine[], a: number, b: number): number | null => {
    if (chain(names, b)) return 0;
    for (let k = 1; k < names.length; k++) if (chain(names.slice(0, k), a) && chain(names.slice(k), b)) return k;
    return null;
  };
  let best: { a: number; b: number } | null = null;
  for (const b of nameWidths) for (const a of nameWidths) if (!best && rows.every((r) => splitAt(r.names, a, b) !== null)) best = { a, b };
  if (!best) return null;

  const span = (ls: CopiedLine[], fallback: CopiedLine): Position => {
    const first = ls[0] ?? fallback;
    const end = ls.at(-1) ?? fallback;
    return { start: { line: first.line, column: first.column }, end: { line: end.line, column: end.column + end.text.length } };
  };
  const text = (ls: CopiedLine[]) => {
    let out = '';
    for (const l of ls) {
      const t = l.text.trim();
      // a line break inside Chinese text is no space; between Latin words it is
      out += out && /[A-Za-z0-9]$/u.test(out) && /^[A-Za-z0-9]/u.test(t) ? ` ${t}` : t;
    }
    return out;
  };
  const listCell = (items: Item[], fallback: CopiedLine): TableCell => {
    const list = items.map((it) => ({ label: it.label, text: text(it.lines).replace(ITEM, '') }));
    return { text: list.map((it) => `${it.label}${it.text}`).join(' '), items: list, position: span(items.flatMap((it) => it.lines), fallback) };
  };
  return {
    header: null,
    rows: rows.map((r) => {
      const k = splitAt(r.names, best!.a, best!.b)!;
      const func = r.names.slice(0, k);
      const work = r.names.slice(k);
      const first = r.names[0]!;
      const cells: TableCell[] = [
        { text: text(func), position: span(func, first) },
        { text: text(work), position: span(work, first) },
        listCell(r.skills, first),
        listCell(r.knowledge, first),
      ];
      const end = r.knowledge.at(-1)!.lines.at(-1)!;
      return { cells, line: first.line, position: { start: { line: first.line, column: first.column }, end: { line: end.line, column: end.column + end.text.length } } };
    }),
  };
}
