/**
 * Cells read by column put back in the order of a table, with the 工作领域 names placed among their
 * tasks: a name is printed beside the middle of its rows (or at the top of a span that crosses a
 * page break).
 */
import { removeAllWhitespace } from '../../../../src/lib/text/normalize.ts';
import type { CodeStyle } from '../codes.ts';
import type { Cell } from './codes.ts';

/**
 * Cells read by column, put in the order of a table: each task with its skills, each skill with
 * its 技能要求 and 知识要求 (by code: 1-1-2-S3 under 1-1-2; under the skill printed before it
 * when its own is not printed). A 工作领域 name is printed beside the middle of its rows: the
 * tasks before it that have no 工作领域 yet are its own, and so are the tasks after it until it has
 * about as many skills below its name as above.
 */
export function inCodeOrder(cells: Cell[], style: CodeStyle): Cell[] {
  const sep = style === 'hyphen' ? '-' : '.';
  const key = (c: Cell, n: number) => removeAllWhitespace(c.code!).split(sep).slice(0, n).join(sep);
  const tasks = new Map<string, { task: Cell | null; skills: Map<string, Cell[]>; area: Cell | null; order: number; rowsAt: number | null }>();
  const areas: { cell: Cell; at: number; rows: number }[] = [];
  let rowsSeen = 0;
  let lastCoded: Cell | null = null;
  let lastSkill: string | null = null;
  const taskOfKey = (k: string) => {
    if (!tasks.has(k)) tasks.set(k, { task: null, skills: new Map(), area: null, order: tasks.size, rowsAt: null });
    return tasks.get(k)!;
  };
  const pending: Cell[] = [];
  cells.forEach((c) => {
    if (c.type === 'area') {
      // a run of text that fitted no cell and reads like a sentence (、，；) is not a name: it goes on the cell printed before it
      if (/[、，,；;。]|[A-Za-z]/u.test(c.lines.map((l) => l.text).join('')) && lastCoded) lastCoded.lines.push(...c.lines);
      else areas.push({ cell: c, at: tasks.size, rows: rowsSeen });
      return;
    }
    lastCoded = c;
    if (c.type === 'skill') rowsSeen++;
    if (c.code!.endsWith('-')) {
      pending.push(c); // a task code without its number: placed with the first skill printed after it
      return;
    }
    const t = taskOfKey(key(c, 2));
    if (c.type === 'task') {
      t.task = c;
      t.rowsAt = rowsSeen;
    }
    else if (c.type === 'skill') {
      const k = key(c, 3);
      t.skills.set(k, [c, ...(t.skills.get(k) ?? [])]);
      lastSkill = k;
      for (const p of pending.splice(0)) t.task ??= p;
    } else {
      let k = key(c, 3);
      let owner = t;
      if (!t.skills.has(k) && !cells.some((x) => x.type === 'skill' && key(x, 3) === k) && lastSkill) {
        k = lastSkill;
        owner = taskOfKey(k.split(sep).slice(0, 2).join(sep));
      }
      owner.skills.set(k, [...(owner.skills.get(k) ?? []), c]);
    }
  });
  // a skill printed with no 技能要求 (or 知识要求) of its own, beside a neighbour printed with several:
  // the neighbour's code is a typo for its own (1-4-1-K2 printed in 1-4-2's row), as the tab table reads it
  for (const t of tasks.values()) {
    const ks = [...t.skills.keys()];
    for (const letter of ['requirement', 'knowledge'] as const) {
      const has = (k: string) => (t.skills.get(k) ?? []).filter((c) => c.type === letter);
      ks.forEach((k, j) => {
        if (has(k).length || !(t.skills.get(k) ?? []).some((c) => c.type === 'skill')) return;
        const from = [...ks.slice(0, j)].reverse().find((n) => has(n).length >= 2) ?? (ks[j + 1] && has(ks[j + 1]!).length >= 2 ? ks[j + 1] : undefined);
        if (!from) return;
        const moved = ks.indexOf(from) < j ? has(from)[1]! : has(from)[0]!;
        t.skills.set(from, t.skills.get(from)!.filter((c) => c !== moved));
        t.skills.set(k, [...t.skills.get(k)!, moved]);
      });
    }
  }
  // 工作领域 by their place: each name is printed beside the middle of its tasks and rows, so the
  // tasks (in code order) are cut into runs, one per name, whose middles are nearest the names
  const order = [...tasks.values()].sort((a, b) => a.order - b.order);
  const size = (t: (typeof order)[number]) => Math.max(1, [...t.skills.values()].filter((cs) => cs.some((c) => c.type === 'skill')).length);
  const m = areas.length;
  if (m > 0 && order.length >= m) {
    const start = [0];
    for (const t of order) start.push(start.at(-1)! + size(t));
    // cost[j][i]: best cut of the first i tasks among the first j names
    const cost = Array.from({ length: m + 1 }, () => new Array<number>(order.length + 1).fill(Infinity));
    const from = Array.from({ length: m + 1 }, () => new Array<number>(order.length + 1).fill(0));
    cost[0]![0] = 0;
    for (let j = 1; j <= m; j++)
      for (let i = j; i <= order.length - (m - j); i++)
        for (let k = j - 1; k < i; k++) {
          // a name is centred beside its rows as its tasks' names are beside theirs: with one task the
          // two are printed together; a name far from its only task's name spans more (a page break)
          const named = order.slice(k, i).filter((t) => t.rowsAt !== null);
          const middle = named.length ? named.reduce((a, t) => a + t.rowsAt!, 0) / named.length + 0.5 : (start[k]! + start[i]!) / 2;
          const a = areas[j - 1]!;
          // among the task names (the narrow columns print as one flow), then among the rows
          const centred = ((k + i) / 2 - a.at) ** 2 + (middle - (a.rows + 0.5)) ** 2 / 30;
          // a span that crosses a page break has its name at the top of the first page's part, before its first row
          const pages = new Set(order.slice(k, i).flatMap((t) => [...t.skills.values()].flat().filter((c) => c.type === 'skill').map((c) => c.page)));
          const top = pages.size > 1 && a.rows === start[k] ? 0 : Infinity;
          const c = cost[j - 1]![k]! + Math.min(centred, top);
          if (c < cost[j]![i]!) {
            cost[j]![i] = c;
            from[j]![i] = k;
          }
        }
    let i = order.length;
    for (let j = m; j >= 1; j--) {
      const k = from[j]![i]!;
      for (let x = k; x < i; x++) order[x]!.area = areas[j - 1]!.cell;
      i = k;
    }
  }
  const out: Cell[] = [];
  let area: Cell | null = null;
  for (const t of order) {
    if (t.area && t.area !== area) out.push((area = t.area));
    if (t.task) out.push(t.task);
    for (const [, cs] of t.skills) out.push(...cs);
  }
  return out;
}

