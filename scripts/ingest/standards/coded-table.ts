/**
 * A level's coded skill table(s) → rows. Code-driven: a code's shape decides what it is
 * (1-1 task, 1-1-1 skill, …-S n requirement, …-K n knowledge), not the column it was printed
 * in, so shifted cells and several codes in one cell read the same. Text runs from one code to
 * the next (across cells and rows); uncoded text at the start of a row names a 工作领域.
 *
 * Requirements and knowledge belong to the skill whose row they are printed in; a code whose
 * prefix names another skill (`1-5-1-S2` in 1-5-2's row) is kept as printed and flagged.
 */
import type { SkillFlag, SkillRowType } from '../../../src/schema/skills.ts';
import { type Place, placeOf } from '../diagnostics.ts';
import { type Code, type CodeStyle, parentKey, taskKey, tokenize } from './codes.ts';
import { type DraftRow, type LevelInput, type LevelOutput, cellSource, standardText as clean, levelSlug } from './model.ts';

interface Item {
  type: SkillRowType;
  code: Code | null;
  /** Normalised code, or the code inferred for a truncated one, or null. */
  key: string | null;
  parts: string[];
  line: number;
  /** Where the cell its code (or name) is printed in starts. */
  at: Place;
  flags: Set<SkillFlag>;
  area: Item | null;
  /** For S/K: the skill whose row it is in. */
  skill: Item | null;
  /** A second printing of a code already read: merged into `original` when the text agrees. */
  original: Item | null;
  anchor?: string;
}

const NAME: Record<SkillRowType, string> = { area: '工作领域', task: '工作任务', skill: '职业技能', requirement: '技能要求', knowledge: '知识要求' };

export function readCodedLevel(input: LevelInput, style: CodeStyle): LevelOutput {
  const { file, level } = input;
  const slug = levelSlug(level);
  const warn = (at: Place, kind: string, message: string) => input.report(at, kind, message);

  const items: Item[] = [];
  const byKey = new Map<string, Item>();
  const taskArea = new Map<string, Item | null>();
  let area: Item | null = null;
  let skill: Item | null = null;
  let last: Item | null = null;
  const pendingTruncated: Item[] = [];

  const make = (type: SkillRowType, code: Code | null, line: number, at: Place): Item => ({
    type, code, key: code && !code.truncated ? code.normalized : code?.type === 'knowledge' || code?.type === 'requirement' ? code.normalized : null,
    parts: [], line, at, flags: new Set(), area, skill: null, original: null,
  });

  for (const { table, roles } of input.tables) {
    for (const row of table.rows) {
      let seenCode = false;
      let leading: string[] = [];
      let leadingAt: Place | null = null;
      const flushLeading = () => {
        if (leading.length === 0) return;
        const name = clean(leading.join(' '));
        leading = [];
        const at = leadingAt ?? placeOf(file, row.position);
        leadingAt = null;
        if (area && clean(area.parts.join(' ')) === name) return; // the same 工作领域 printed again after a page break
        area = make('area', null, row.line, at);
        area.parts.push(name);
        items.push(area);
        last = area;
      };
      row.cells.forEach((cell, col) => {
        const role = roles[col] ?? null;
        const at = placeOf(file, cell.position);
        for (const tok of tokenize(cellSource(cell), style, role === 'area')) {
          if (tok.kind === 'text') {
            if (!seenCode && (role === 'area' || role === 'task' || col <= 1)) {
              leading.push(tok.text);
              leadingAt ??= at;
            }
            else if (last) {
              last.parts.push(tok.text);
              if (!seenCode) last.flags.add('continued');
            }
            continue;
          }
          flushLeading();
          seenCode = true;
          const code = tok.code;
          if (code.type === 'area') {
            area = make('area', code, row.line, at);
            items.push(area);
            last = area;
            continue;
          }
          const item = make(code.type, code, row.line, at);
          if (code.strays) {
            item.flags.add('stray-space');
            warn(at, 'skill-code-stray-space', `${NAME[code.type]}代码“${code.printed}”中有多余空格，按“${code.normalized}”读`);
          }
          if (code.truncated) {
            item.flags.add('missing-number');
            if (code.type === 'task') pendingTruncated.push(item);
            else warn(at, 'skill-code-missing-number', `${NAME[code.type]}代码“${code.printed}”缺少序号，照印刷保留`);
          }
          const tk = taskKey(code, style);
          if (tk !== null && !taskArea.has(tk)) taskArea.set(tk, area);
          if (code.type === 'task' && !code.truncated) {
            const seenBelow = items.some((i) => i.type !== 'task' && i.code && taskKey(i.code, style) === code.normalized);
            if (seenBelow && !byKey.has(code.normalized)) {
              item.flags.add('out-of-order');
              warn(at, 'skill-code-out-of-order', `工作任务代码“${code.printed}”印在其下的职业技能之后（表格单元格错位），按代码归属`);
            }
          }
          if (code.type === 'skill') {
            skill = item;
            for (const t of pendingTruncated.splice(0)) {
              if (t.code!.parts[0] === code.parts[0] && code.parts.length >= 2) {
                t.key = code.parts.slice(0, 2).join('-');
                t.flags.add('inferred-code');
                if (!byKey.has(t.key)) byKey.set(t.key, t);
                if (!taskArea.has(t.key)) taskArea.set(t.key, t.area);
                warn(t.at, 'skill-code-missing-number', `工作任务代码“${t.code!.printed}”缺少序号；据其下职业技能代码“${code.normalized}”推定为“${t.key}”`);
              } else {
                warn(t.at, 'skill-code-missing-number', `工作任务代码“${t.code!.printed}”缺少序号，无法推定`);
              }
            }
          }
          if (code.type === 'requirement' || code.type === 'knowledge') {
            item.skill = skill;
            const expected = parentKey(code, style);
            if (skill && skill.key !== null && expected !== skill.key) {
              item.flags.add('wrong-parent');
              warn(at, 'skill-code-wrong-parent', `${NAME[code.type]}代码“${code.printed}”印在职业技能“${skill.key}”的行中，代码前缀却是“${expected}”；照印刷保留，归入“${skill.key}”`);
            }
          }
          if (item.key !== null && byKey.has(item.key)) item.original = byKey.get(item.key)!;
          else if (item.key !== null) byKey.set(item.key, item);
          items.push(item);
          last = item;
        }
      });
      flushLeading();
    }
  }
  for (const t of pendingTruncated) warn(t.at, 'skill-code-missing-number', `工作任务代码“${t.code!.printed}”缺少序号，无法推定`);

  // Second printings of a code: merged when the text agrees, else kept apart and both flagged.
  const kept: Item[] = [];
  for (const item of items) {
    const o = item.original;
    if (!o) {
      kept.push(item);
      continue;
    }
    o.flags.add('duplicate-code');
    const same = clean(o.parts.join(' ')) === clean(item.parts.join(' '));
    warn(item.at, 'skill-code-duplicate',
      same
        ? `${NAME[item.type]}代码“${item.code!.printed}”重复出现（第 ${o.line} 行与第 ${item.line} 行），内容相同，合并为一条`
        : `${NAME[item.type]}代码“${item.code!.printed}”重复出现（第 ${o.line} 行与第 ${item.line} 行），内容不同，两条都保留`);
    if (!same) {
      item.flags.add('duplicate-code');
      item.original = null;
      kept.push(item);
    }
  }

  // Anchors and paths.
  const rows: DraftRow[] = [];
  const places = new Map<DraftRow, Place>();
  const emit = (item: Item, r: DraftRow) => {
    rows.push(r);
    places.set(r, item.at);
  };
  const codeAnchor = (key: string) => (style === 'hyphen' ? key : `${slug}-${key}`);
  const used = new Set<string>();
  const unique = (a: string) => {
    let out = a;
    for (let n = 2; used.has(out); n++) out = `${a}-dup${n}`;
    used.add(out);
    return out;
  };
  const areaIndex = new Map<Item, number>();
  let nArea = 0;
  const name = (i: Item | null | undefined) => (i ? clean(i.parts.join(' ')) : '');
  for (const item of kept) {
    if (item.type === 'area') {
      areaIndex.set(item, ++nArea);
      item.anchor = unique(item.code ? codeAnchor(item.key ?? item.code.normalized) : `${slug}-f${nArea}`);
    } else if (item.key !== null) item.anchor = unique(codeAnchor(item.key));
  }
  let positional = 0;
  for (const item of kept) if (!item.anchor) item.anchor = unique(`${slug}-x${++positional}`);

  const taskOf = (i: Item): Item | undefined => {
    const k = i.type === 'task' ? i.key : i.code ? taskKey(i.code, style) : null;
    if (k === null) return i.type === 'task' ? i : undefined;
    const t = byKey.get(k);
    return t && t.type === 'task' ? t : i.type === 'task' ? i : undefined;
  };
  const areaOf = (task: Item | undefined, i: Item): Item | null => {
    const k = task?.key ?? (i.code ? taskKey(i.code, style) : null);
    if (k !== null && taskArea.has(k)) return taskArea.get(k) ?? null;
    return i.area;
  };
  const reportedOrphans = new Set<string>();
  for (const item of kept) {
    const code = item.code;
    const base = { level: input.level, code: code?.printed ?? null, normalizedCode: code ? (item.key ?? code.normalized) : null, label: null };
    const src = { file, line: item.line };
    const flags = [...item.flags];
    if (item.type === 'area') {
      emit(item, { ...base, type: 'area', path: [name(item)], text: name(item), anchor: item.anchor!, anchorKind: item.code ? 'code' : 'position', parent: null, source: src, flags });
      continue;
    }
    const task = taskOf(item);
    const a = areaOf(task, item);
    if (item.type === 'task') {
      emit(item, { ...base, type: 'task', path: [name(a), name(item)], text: name(item), anchor: item.anchor!, anchorKind: item.key !== null ? 'code' : 'position', parent: a?.anchor ?? null, source: src, flags });
      continue;
    }
    if (!task && code) {
      const k = taskKey(code, style) ?? '?';
      if (!reportedOrphans.has(k)) warn(item.at, 'skill-code-orphan', `${NAME[item.type]}代码“${code.printed}”所属的工作任务“${k}”没有印出`);
      reportedOrphans.add(k);
    }
    if (item.type === 'skill') {
      emit(item, { ...base, type: 'skill', path: [name(a), name(task), name(item)], text: name(item), anchor: item.anchor!, anchorKind: 'code', parent: task?.anchor ?? a?.anchor ?? null, source: src, flags });
      continue;
    }
    // requirement / knowledge: under the skill of its row (or, with none, the one its code names)
    const owner = item.skill ?? (code ? byKey.get(parentKey(code, style) ?? '') : undefined) ?? null;
    const ownerTask = owner ? taskOf(owner) : task;
    const ownerArea = owner ? areaOf(ownerTask, owner) : a;
    emit(item, { ...base, type: item.type, path: [name(ownerArea), name(ownerTask), name(owner)], text: name(item), anchor: item.anchor!, anchorKind: 'code', parent: owner?.anchor ?? ownerTask?.anchor ?? null, source: src, flags });
  }
  return { rows, places };
}
