/**
 * The names of an uncoded skill table copied by position: the 职业功能 and 工作内容 names, centred in
 * their merged cells, come out as short unnumbered fragments between the items, a name broken where
 * its narrow column is full (`职业道德与职` / `业安全及环保` / `认知`), the two name columns' lines
 * sometimes alternating (`数字化与智能` / `大数据与人工智` / `化` / `能应用`).
 *
 * Layout facts used:
 * - a name's lines but the last fill its column; the two columns' widths are learned from the names
 *   that wrapped (a fragment another follows in its block): the widest such line is the 工作内容
 *   column's, the widest narrower one the 职业功能 column's;
 * - a fragment goes on a name whose last line is full when it is just below it in its pdftotext block
 *   (that name first), or apart from it by at most the three lines printed beside it (one of each
 *   other column) but never across another name's lines stacked in a block (pdftotext, reading that
 *   column by blocks, would have stacked this name's lines too); a line full only at the narrower width
 *   may end a whole 工作内容 name, so apart it goes on only where the document prints the pair of
 *   characters at the break elsewhere (`数字化与智能` + `化`);
 * - every row has one 工作内容 name, in row order; a 职业功能 name spans consecutive rows and is centred
 *   beside them. A name wider than the narrower column is a 工作内容 name, one that wrapped at the
 *   narrower width a 职业功能 name; for the one-line names that fit both, the choice (and each
 *   职业功能 name's rows) is the one that puts every name where pdftotext printed it: a 工作内容 name's
 *   middle within the rows of the items printed after it (pdftotext gives a section of names, then
 *   the items beside them) and on its row's page; a 职业功能 name printed just before the k-th
 *   工作内容 name about level with it (a band's blocks by height, the left column's first), within half
 *   a line (row heights are counted in whole lines), on the page of its first row; one printed before
 *   any 工作内容 name says nothing by where it is printed.
 *
 * One genre fact, only where the layout leaves a tie: of spans exactly as good by these costs (they
 * often are: the printed order `仓储与库存管` / `理`, `仓储布局与物流设施规划`, `库存控制`, `配送管理`,
 * `配送作业管理` fits 库存控制 under either), the one whose 工作内容 names share most with their
 * 职业功能 name's (its Han characters and pairs of them: 库存控制 and 仓储与库存管理 share 库存). It
 * never outweighs the smallest difference of cost, and does not choose which names are 职业功能 names.
 */
import type { CopiedLine } from './lines.ts';
import { joinsAt } from './pairs.ts';
import type { TableLine } from './numbered-items.ts';
import { firstUnit, width } from './widths.ts';

export interface Name {
  lines: CopiedLine[];
  /** Index of its first line among the table's lines. */
  at: number;
}

export interface NamedRows {
  /** The 工作内容 name of each row. */
  work: Name[];
  /** The 职业功能 names, each with the first row it spans (the rows up to the next one's). */
  functions: { name: Name; from: number }[];
}

const HAN = /^\p{Script=Han}[\p{Script=Han}、，]*$/u;

/** Fragments (a line of two names printed apart at one height is two fragments) into names. */
export function namesOf(rest: { line: TableLine; at: number }[], pairs: Set<string>): { names: Name[]; Wfn: number; Wwc: number } {
  const frags: { line: TableLine; at: number }[] = [];
  for (const r of rest) {
    const parts = r.line.text.trim().split(/ +/u);
    if (parts.length > 1 && parts.every((p) => HAN.test(p))) {
      let col = r.line.column;
      parts.forEach((p, k) => {
        const at = r.line.text.indexOf(p, col - r.line.column);
        frags.push({ line: { ...r.line, column: r.line.column + at, text: p, blockStart: k === 0 && r.line.blockStart }, at: r.at });
        col = r.line.column + at + p.length;
      });
    } else frags.push(r);
  }
  const w = (t: string) => width(t);
  // the two name columns' widths, from the names that wrapped (a fragment another follows in its
  // block): the widest such line is the wider column's, the widest narrower one the narrower's
  const followed = frags.filter((f, k) => k + 1 < frags.length && !frags[k + 1]!.line.blockStart && frags[k + 1]!.line.line <= f.line.line + 1);
  const wrapped = followed.map((f) => w(f.line.text));
  const Wwc = Math.max(0, ...wrapped) || Math.max(0, ...frags.map((f) => w(f.line.text)));
  const Wfn = Math.max(0, ...wrapped.filter((x) => x < Wwc)) || Wwc;

  const names: (Name & { lastAt: number })[] = [];
  /** The column a name's last line is full in, given the next fragment: the wider, the narrower, or none. */
  const fullAs = (t: string, next: string): 'wc' | 'fn' | null =>
    w(t) + w(firstUnit(next)) > Wwc ? 'wc' : w(t) <= Wfn && w(t) + w(firstUnit(next)) > Wfn ? 'fn' : null;
  for (const f of frags) {
    const t = f.line.text;
    // the open name it goes on: the latest whose last line is full in a column the fragment fits,
    // printed just above it in its block, or apart from it by the few lines printed beside it (at
    // most one of each other column); a name full at the narrower width may be a whole 工作内容
    // name, so apart it goes on only where the document's own words join the break
    const joins = (n: Name & { lastAt: number }, apart: boolean) => {
      const last = n.lines.at(-1)!;
      const as = fullAs(last.text, t);
      if (!as) return false;
      // a name of several lines already has its column: the width its first line filled
      if (n.lines.length > 1 && (w(n.lines[0]!.text) > Wfn ? 'wc' : 'fn') !== as) return false;
      if (w(t) > (as === 'wc' ? Wwc : Wfn)) return false;
      if (!apart) return !f.line.blockStart && last.line === f.line.line - 1;
      const between = f.at - n.lastAt - 1;
      // (another name's lines stacked in a block between them: pdftotext was reading that column by
      // blocks, and would have stacked this name's lines too; they come apart only line by line)
      const stacked = frags.some((g, k) => k > 0 && g.at > n.lastAt && g.at < f.at && frags[k - 1]!.at > n.lastAt && !g.line.blockStart && g.line.line === frags[k - 1]!.line.line + 1);
      return between >= 1 && between <= 3 && !stacked && (as === 'wc' || joinsAt(pairs, last.text, t) > 0);
    };
    // (the name just above it in its block first: pdftotext stacks a name's lines in a block)
    const target = [...names].reverse().find((n) => joins(n, false)) ?? [...names].reverse().find((n) => joins(n, true));
    if (target) {
      target.lines.push(f.line);
      target.lastAt = f.at;
    } else names.push({ lines: [f.line], at: f.at, lastAt: f.at });
  }
  return { names: names.map(({ lines, at }) => ({ lines, at })), Wfn, Wwc };
}

/** A name's text, its lines joined without spaces. */
const nameText = (n: Name) => n.lines.map((l) => l.text).join('').replace(/\s+/gu, '');

/** Its Han characters, and the pairs of them printed side by side (its words, roughly: 库存 in 库存控制). */
function hanUnits(n: Name): { chars: Set<string>; pairs: Set<string> } {
  const t = [...nameText(n)];
  const han = (c: string | undefined) => c !== undefined && /\p{Script=Han}/u.test(c);
  return {
    chars: new Set(t.filter((c) => han(c))),
    pairs: new Set(t.flatMap((c, k) => (k > 0 && han(t[k - 1]) && han(c) ? [t[k - 1]! + c] : []))),
  };
}

/** The share of a set's members that another set has too (0 to 1; 0 for an empty set). */
const shareOf = (some: Set<string>, other: Set<string>) => (some.size ? [...some].filter((x) => other.has(x)).length / some.size : 0);

/**
 * How much a 工作内容 name shares with a 职业功能 name (0 to 1): the mean of the shares of its Han
 * characters and of its pairs of them that the 职业功能 name prints too, so that a word shared counts
 * more than its characters apart. A task is named in its area's words more often than in another's
 * (库存控制 under 仓储与库存管理, 客户赔偿处理 under 物流市场开发与客服管理): a genre fact, used only
 * between placements the layout finds exactly as good.
 */
export function sharedWords(task: Name, area: Name): number {
  const t = hanUnits(task);
  const a = hanUnits(area);
  return (shareOf(t.chars, a.chars) + shareOf(t.pairs, a.pairs)) / 2;
}

/** Exactly as good by the layout (equal costs, but for rounding), then better by the words the names share. */
const EPS = 1e-9;
const better = (cost: number, words: number, than: { cost: number; words: number }) =>
  cost < than.cost - EPS || (cost <= than.cost + EPS && words > than.words + EPS);

/**
 * Which names are 职业功能 names and the rows each spans. `heights` are the rows' heights in printed
 * lines (one per row read from the items); `sectionOf` the rows whose items are printed after a name
 * (top and foot, in lines), `pageOf` the page of a name and of a row. Null when the names cannot be so placed.
 */
export function placeNames(names: Name[], heights: number[], Wfn: number, Wwc: number, sectionOf: (name: number) => [number, number] | null, pageOf: { name: (i: number) => number; row: (r: number) => number }): NamedRows | null {
  const R = heights.length;
  const F = names.length - R;
  if (F < 1) return null;
  const w = (l: CopiedLine) => width(l.text);
  // what the widths say: a line wider than the narrower column, or a full line of the wider one, is a
  // 工作内容 name's; a name that wrapped at the narrower width is a 职业功能 name's
  const kind = names.map((n) => {
    if (Wfn < Wwc && n.lines.some((l) => w(l) > Wfn)) return 'wc';
    if (Wfn < Wwc && n.lines.length > 1) return 'fn';
    return null;
  });
  const sure = kind.filter((k) => k === 'fn').length;
  const open = kind.flatMap((k, i) => (k === null ? [i] : []));
  const need = F - sure;
  if (need < 0 || need > open.length) return null;

  const top = [0];
  for (const h of heights) top.push(top.at(-1)! + h);
  const mid = (j: number) => top[j]! + heights[j]! / 2;
  /** A height as a row index and the fraction of that row above it. */
  const rowAt = (y: number) => {
    let r = 0;
    while (r < R - 1 && top[r + 1]! <= y) r++;
    return r + (y - top[r]!) / heights[r]!;
  };

  /** What each name, as a 工作内容 name, shares with each, as a 职业功能 name. */
  const shared = names.map((t) => names.map((a) => sharedWords(t, a)));

  /** Best spans for the 职业功能 names given which names they are (of those as good, the one whose rows' names share most with theirs). */
  const spans = (isFn: boolean[]): { cost: number; from: number[] } | null => {
    const fns: number[] = [];
    /** For each 职业功能 name, how many 工作内容 names are printed before it. */
    const after: number[] = [];
    let wc = 0;
    isFn.forEach((f) => {
      if (f) {
        fns.push(after.length + wc);
        after.push(wc);
      } else wc++;
    });
    if (wc !== R) return null;
    // pdftotext prints a section of the page's names, then the items beside them: a name's middle
    // lies within the rows of the items printed after it
    const outside = (i: number, y: number) => {
      const sec = sectionOf(i);
      return !sec ? 0 : Math.max(0, (y < sec[0] ? sec[0] - y : y > sec[1] ? y - sec[1] : 0) - 0.5);
    };
    let wcCost = 0;
    let wj = 0;
    isFn.forEach((f, i) => {
      if (!f) {
        // (a 工作内容 name is printed on its row's page)
        wcCost += outside(i, mid(wj)) + (pageOf.name(i) !== pageOf.row(wj) ? 1 : 0);
        wj++;
      }
    });
    const m = fns.length;
    /** The 工作内容 name of each row. */
    const wcs = names.flatMap((_, i) => (isFn[i] ? [] : [i]));
    // cost[j][e]: the first j names spanning rows 0..e-1; words[j][e] what their rows' 工作内容 names
    // share with them, which settles exact ties only
    const cost = Array.from({ length: m + 1 }, () => new Array<number>(R + 1).fill(Infinity));
    const words = Array.from({ length: m + 1 }, () => new Array<number>(R + 1).fill(0));
    const back = Array.from({ length: m + 1 }, () => new Array<number>(R + 1).fill(0));
    cost[0]![0] = wcCost;
    for (let j = 1; j <= m; j++)
      for (let e = j; e <= R - (m - j); e++)
        for (let s = j - 1; s < e; s++) {
          if (cost[j - 1]![s] === Infinity) continue;
          const c = (top[s]! + top[e]!) / 2;
          const k = after[j - 1]!;
          // printed just before the k-th 工作内容 name, it is about level with it: its middle lies in the
          // k-th row, no lower than that row's middle, give or take half a line (the heights are counted
          // in whole lines, and a centred name's middle falls on a line or half a line: so much an
          // estimate may be off). A name printed before any 工作内容 name says nothing by its place,
          // nor by the items printed after it: pdftotext may give it with the header's column, above the rows.
          const p = rowAt(c);
          const halfLine = 0.5 / heights[Math.min(k, R - 1)]!;
          const off = k === 0 || k >= R ? 0
            : p < k - halfLine ? k - halfLine - p : p > k + 0.5 + halfLine ? p - k - 0.5 - halfLine : 0;
          // a 职业功能 name whose rows cross a page break is printed in the first page's part
          const page = pageOf.name(fns[j - 1]!) !== pageOf.row(s) ? 1 : 0;
          const v = cost[j - 1]![s]! + off + page + (k === 0 ? 0 : outside(fns[j - 1]!, c));
          let ws = words[j - 1]![s]!;
          for (let r = s; r < e; r++) ws += shared[wcs[r]!]![fns[j - 1]!]!;
          if (better(v, ws, { cost: cost[j]![e]!, words: words[j]![e]! })) {
            cost[j]![e] = v;
            words[j]![e] = ws;
            back[j]![e] = s;
          }
        }
    if (cost[m]![R] === Infinity) return null;
    const from: number[] = [];
    let e = R;
    for (let j = m; j >= 1; j--) {
      from.unshift(back[j]![e]!);
      e = back[j]![e]!;
    }
    return { cost: cost[m]![R]!, from };
  };

  // every choice of `need` names among the open ones (few: names that fit both columns)
  // (which names are 职业功能 names is not settled by the words they share: names of both kinds share
  // words, and 配送作业管理 would pass for the 职业功能 over 配送管理; of choices as good, the first)
  let best: { cost: number; isFn: boolean[]; from: number[] } | null = null;
  let tried = 0;
  const choose = (start: number, left: number, picked: number[]) => {
    if (tried > 20000) return;
    if (left === 0) {
      tried++;
      const isFn = kind.map((k, i) => k === 'fn' || picked.includes(i));
      const r = spans(isFn);
      if (r && (!best || r.cost < best.cost - EPS)) best = { cost: r.cost, isFn, from: r.from };
      return;
    }
    for (let p = start; p <= open.length - left; p++) choose(p + 1, left - 1, [...picked, open[p]!]);
  };
  choose(0, need, []);
  if (!best) return null;
  const b = best as { cost: number; isFn: boolean[]; from: number[] };
  const work = names.filter((_, i) => !b.isFn[i]);
  const fnNames = names.filter((_, i) => b.isFn[i]);
  return { work, functions: fnNames.map((name, j) => ({ name, from: b.from[j]! })) };
}
