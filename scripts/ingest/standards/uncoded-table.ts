/**
 * A level's uncoded skill table(s) (物流管理: 职业功能 | 工作内容 | 技能要求 | 相关知识) → rows.
 *
 * Cells hold numbered items (`<ol>` fragments or inline `1. … 2. …`); an empty leading cell
 * is a merged cell (the 职业功能 above continues). A row that starts no 职业功能 and no
 * 工作内容, or that has no numbered item and no 技能要求, continues the row above: its
 * unnumbered text completes the last item (or name) of its column, its numbered items are new
 * items of the current 工作内容. Items get positions, never codes: `l2-f1-w3-s2`.
 */
import type { TableCell } from '../../../src/schema/corpus.ts';
import type { SkillFlag, SkillRowType } from '../../../src/schema/skills.ts';
import { type ColumnRole, type DraftRow, type LevelInput, type LevelOutput, standardText as clean, levelSlug } from './model.ts';
import { type Place, placeOf } from '../diagnostics.ts';

interface Node {
  type: SkillRowType;
  label: string | null;
  parts: string[];
  line: number;
  at: Place;
  flags: Set<SkillFlag>;
  anchor: string;
  parent: Node | null;
}

interface Fragment {
  label: string | null;
  text: string;
}

/** A cell's numbered items; a leading unnumbered fragment has label null. */
export function fragments(cell: TableCell | undefined): Fragment[] {
  if (!cell) return [];
  if (cell.items) return cell.items.filter((i) => i.text.trim() !== '').map((i) => ({ label: i.label, text: i.text.trim() }));
  const t = cell.text.trim();
  if (!t) return [];
  const parts = t.split(/(?:^|\s)(\d{1,2})[.．](?!\d)\s*/u);
  const out: Fragment[] = [];
  if (parts[0]!.trim()) out.push({ label: null, text: parts[0]!.trim() });
  for (let k = 1; k + 1 < parts.length; k += 2) out.push({ label: `${parts[k]}.`, text: parts[k + 1]!.trim() });
  return out;
}

const ITEM_ROLES = ['skill', 'requirement', 'knowledge'] as const;
const ITEM_LETTER: Record<(typeof ITEM_ROLES)[number], string> = { skill: 'j', requirement: 's', knowledge: 'k' };
const ITEM_NAME: Record<(typeof ITEM_ROLES)[number], string> = { skill: '职业技能', requirement: '技能要求', knowledge: '相关知识' };

export function readUncodedLevel(input: LevelInput): LevelOutput {
  const { file, level } = input;
  const slug = levelSlug(level);
  const report = input.report;
  const nodes: Node[] = [];
  let area: Node | null = null;
  let task: Node | null = null;
  let nArea = 0;
  let nTask = 0;
  let counts = { skill: 0, requirement: 0, knowledge: 0 };
  const lastItem = new Map<string, Node>();
  const node = (type: SkillRowType, label: string | null, text: string, line: number, at: Place, anchor: string, parent: Node | null): Node => {
    const n: Node = { type, label, parts: [text], line, at, flags: new Set(), anchor, parent };
    nodes.push(n);
    return n;
  };

  // A continuation that repeats the character it continues (`…规划的方法` + `法与工具`) may be an extraction echo: kept, reported.
  const overlap = (prev: Node, next: string, at: Place) => {
    const before = clean(prev.parts.join(' '));
    const a = before.slice(-1);
    if (a && a === next.slice(0, 1) && /\p{Script=Han}/u.test(a))
      report(at, 'skill-continuation-overlap', `续行“${next}”接在“…${before.slice(-6)}”之后，衔接处的“${a}”重复，可能是提取时重复的字；照印刷保留`);
  };
  for (const { table, roles } of input.tables) {
    const cellOf = (cells: TableCell[], role: ColumnRole) => {
      const i = roles.indexOf(role);
      return i >= 0 ? cells[i] : undefined;
    };
    for (const row of table.rows) {
      const at = (role: ColumnRole) => placeOf(file, (cellOf(row.cells, role) ?? row).position);
      const areaText = clean(cellOf(row.cells, 'area')?.text ?? '');
      const taskText = clean(cellOf(row.cells, 'task')?.text ?? '');
      const byRole = ITEM_ROLES.map((r) => [r, fragments(cellOf(row.cells, r))] as const);
      const numbered = byRole.some(([, fs]) => fs.some((f) => f.label !== null));
      const noRequirement = (byRole.find(([r]) => r === 'requirement')?.[1].length ?? 0) === 0;
      const continuation = (area !== null || task !== null) && ((!areaText && !taskText) || (!numbered && noRequirement));

      if (continuation) {
        if (areaText && area) { overlap(area, areaText, at('area')); area.parts.push(areaText); area.flags.add('continued'); }
        if (taskText && task) { overlap(task, taskText, at('task')); task.parts.push(taskText); task.flags.add('continued'); }
      } else {
        if (areaText && (!area || clean(area.parts.join(' ')) !== areaText)) {
          area = node('area', null, areaText, row.line, at('area'), `${slug}-f${++nArea}`, null);
          nTask = 0;
          task = null;
        }
        if (taskText) {
          if (!area) report(at('task'), 'skill-row-orphan', `工作内容“${taskText}”之前没有职业功能`);
          task = node('task', null, taskText, row.line, at('task'), `${area?.anchor ?? `${slug}-f0`}-w${++nTask}`, area);
          counts = { skill: 0, requirement: 0, knowledge: 0 };
          lastItem.clear();
        }
      }
      for (const [role, fs] of byRole) {
        fs.forEach((f, i) => {
          const prev = lastItem.get(role);
          if (continuation && i === 0 && f.label === null && prev) {
            overlap(prev, f.text, at(role));
            prev.parts.push(f.text);
            prev.flags.add('continued');
            return;
          }
          if (!task) {
            report(at(role), 'skill-row-orphan', `${ITEM_NAME[role]}“${f.text}”之前没有工作内容`);
            return;
          }
          const n = ++counts[role];
          const item = node(role, f.label, f.text, row.line, at(role), `${task.anchor}-${ITEM_LETTER[role]}${n}`, task);
          if (f.label !== null && f.label !== `${n}.`) {
            const repeated = nodes.some((o) => o !== item && o.parent === task && o.type === role && o.label === f.label);
            if (repeated) item.flags.add('repeated-number');
            report(at(role), 'skill-item-number', `“${clean(task.parts.join(' '))}”的第 ${n} 条${ITEM_NAME[role]}印作“${f.label}”${repeated ? '（编号重复）' : ''}；按位置记为第 ${n} 条`);
          }
          lastItem.set(role, item);
        });
      }
    }
  }

  const name = (n: Node | null) => (n ? clean(n.parts.join(' ')) : '');
  const places = new Map<DraftRow, Place>();
  return {
    places,
    rows: nodes.map((n): DraftRow => {
      const t = n.type === 'task' ? n : n.type === 'area' ? null : n.parent;
      const a = n.type === 'area' ? n : t?.parent ?? null;
      const path = n.type === 'area' ? [name(n)] : [name(a), name(t)];
      const row: DraftRow = {
        level, type: n.type, path, code: null, normalizedCode: null, label: n.label, text: name(n),
        anchor: n.anchor, anchorKind: 'position', parent: n.parent?.anchor ?? null,
        source: { file, line: n.line }, flags: [...n.flags],
      };
      places.set(row, n.at);
      return row;
    }),
  };
}
