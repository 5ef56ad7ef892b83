/**
 * The skill matrix of a standard, as the pages show it: its tree per level, a row's
 * relatives (parents, siblings, S/K of a 职业技能), the same 工作任务 at the other levels
 * (matched by 工作领域/工作任务 names, never by code numbers), the 初/中/高 side-by-side
 * alignment, how a row is named (代码 or 位置) and its citation.
 * Pure functions over SkillRow/SkillStandard: pages call them at build time, tests directly.
 */
import type { Certificate } from '../schema/catalog.ts';
import { quoteTitle } from './citation.ts';
import { pageSuffix } from './source-link.ts';
import type { SkillFlag, SkillLevel, SkillRow, SkillRowType, SkillStandard } from '../schema/skills.ts';

/** 通用 (一般要求) first, then 初级 → 高级. */
export const LEVEL_ORDER: readonly SkillLevel[] = ['通用', '初级', '中级', '高级'];

/** The graded levels (without 通用). */
export const GRADED_LEVELS: readonly SkillLevel[] = ['初级', '中级', '高级'];

/** ASCII ids of the level sections on a certificate page: `level-1` … (`level-0` is 一般要求). */
export function levelId(level: SkillLevel): string {
  return `level-${LEVEL_ORDER.indexOf(level)}`;
}

/** What a level's section is called: 初级, or 一般要求（通用） for the shared table. */
export function levelTitle(level: SkillLevel): string {
  return level === '通用' ? '一般要求（各级通用）' : level;
}

/** Names of the row types in the table style of the standard. */
export function typeName(type: SkillRowType, codeStyle: SkillStandard['codeStyle']): string {
  if (codeStyle === 'none') {
    return { area: '职业功能', task: '工作内容', skill: '职业技能', requirement: '技能要求', knowledge: '相关知识' }[type];
  }
  if (codeStyle === 'dotted') {
    return { area: '工作领域', task: '工作任务', skill: '职业技能要求', requirement: '技能要求', knowledge: '知识要求' }[type];
  }
  return { area: '工作领域', task: '工作任务', skill: '职业技能', requirement: '技能要求', knowledge: '知识要求' }[type];
}

/** What each flag means to a reader (the row keeps its printed code). */
export const FLAG_NAMES: Record<SkillFlag, string> = {
  'stray-space': '原文代码有多余空格',
  'missing-number': '原文代码缺少序号',
  'inferred-code': '代码据其下级推定',
  'wrong-parent': '原文代码前缀与所在职业技能不符',
  'duplicate-code': '原文代码重复出现（已合并）',
  'out-of-order': '原文印在其下级之后（单元格错位）',
  continued: '文字由下一行续写补全',
  'repeated-number': '原文序号重复',
};

/** How a row is named: its code as printed (with the normalised form when they differ), or its position. */
export interface RowName {
  kind: '代码' | '位置';
  /** `2-3-4-S5`, `3-5-4 -S4`, or the position anchor `l2-f1-w3-s2`. */
  text: string;
  /** The normalised code when it differs from the printed one (`3-5-4-S4`, `2-2`), else null. */
  normalized: string | null;
}

export function rowName(row: Pick<SkillRow, 'code' | 'normalizedCode' | 'anchor' | 'anchorKind'>): RowName {
  if (row.code !== null) {
    const normalized = row.normalizedCode && row.normalizedCode !== row.code ? row.normalizedCode : null;
    return { kind: '代码', text: row.code, normalized };
  }
  return { kind: '位置', text: row.anchor, normalized: null };
}

/**
 * The page of a row: `/certificates/web-qdkf/skills/2-3-4-S5/` (route src/pages/certificates/[id]/skills/[anchor]/,
 * params from skillRoute). The one place a skill row's URL is written: pages, the search index's code entries and
 * the engine's sub-results all call it.
 */
export function skillHref(certificateId: string, anchor: string): string {
  return `/certificates/${certificateId}/skills/${anchor}/`;
}

/** The route params of a row's page under a certificate: the certificate's id and the row's anchor (unique in its standard). */
export function skillRoute(certificate: Pick<Certificate, 'id'>, row: Pick<SkillRow, 'anchor'>): { id: string; anchor: string } {
  return { id: certificate.id, anchor: row.anchor };
}

/**
 * The certificates whose pages show each standard's rows, by standard id: a certificate shows the rows of
 * the standard its `standard` names (filled by ingest's standards stage), as page-props builds the pages.
 */
export function certificatesByStandard<C extends Pick<Certificate, 'id' | 'standard'>>(certificates: readonly C[]): Map<string, C[]> {
  const out = new Map<string, C[]>();
  for (const c of certificates) {
    if (!c.standard) continue;
    const list = out.get(c.standard);
    if (list) list.push(c);
    else out.set(c.standard, [c]);
  }
  return out;
}

/** A row's page under the first certificate showing its standard; null when no certificate shows it. */
export function skillRowHref(row: Pick<SkillRow, 'standard' | 'anchor'>, byStandard: ReadonlyMap<string, readonly Pick<Certificate, 'id'>[]>): string | null {
  const cert = byStandard.get(row.standard)?.[0];
  if (!cert) return null;
  const { id, anchor } = skillRoute(cert, row);
  return skillHref(id, anchor);
}

/** A row's place in the certificate page's matrix: `/certificates/web-qdkf/#2-3-4-S5`. */
export function matrixHref(certificateId: string, anchor: string): string {
  return `/certificates/${certificateId}/#${anchor}`;
}

/** The rows of one level, in source order. */
export function rowsOfLevel(rows: readonly SkillRow[], level: SkillLevel): SkillRow[] {
  return rows.filter((r) => r.level === level);
}

/** The levels a standard's rows have, in LEVEL_ORDER. */
export function levelsOf(rows: readonly SkillRow[]): SkillLevel[] {
  const present = new Set(rows.map((r) => r.level));
  return LEVEL_ORDER.filter((l) => present.has(l));
}

export interface SkillNode {
  row: SkillRow;
  children: SkillNode[];
}

/** The tree of a level's rows by `parent` (rows of one standard). Rows whose parent is missing become roots. */
export function buildTree(rows: readonly SkillRow[]): SkillNode[] {
  const nodes = new Map(rows.map((r) => [r.anchor, { row: r, children: [] as SkillNode[] }]));
  const roots: SkillNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.anchor)!;
    const parent = r.parent ? nodes.get(r.parent) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Counts per type, as the standard's tables give them. */
export function countTypes(rows: readonly SkillRow[]): Record<SkillRowType, number> {
  const out: Record<SkillRowType, number> = { area: 0, task: 0, skill: 0, requirement: 0, knowledge: 0 };
  for (const r of rows) out[r.type]++;
  return out;
}

/** An index of one standard's rows by anchor. */
export function indexRows(rows: readonly SkillRow[]): Map<string, SkillRow> {
  return new Map(rows.map((r) => [r.anchor, r]));
}

/** The rows above a row, outermost first (工作领域, 工作任务, 职业技能). */
export function ancestorsOf(row: SkillRow, byAnchor: ReadonlyMap<string, SkillRow>): SkillRow[] {
  const out: SkillRow[] = [];
  const seen = new Set<string>([row.anchor]);
  let p = row.parent ? byAnchor.get(row.parent) : undefined;
  while (p && !seen.has(p.anchor)) {
    out.unshift(p);
    seen.add(p.anchor);
    p = p.parent ? byAnchor.get(p.parent) : undefined;
  }
  return out;
}

/** The rows directly under a row, in source order. */
export function childrenOf(row: SkillRow, rows: readonly SkillRow[]): SkillRow[] {
  return rows.filter((r) => r.parent === row.anchor && r.level === row.level);
}

/** Rows with the same parent and type (areas: the level's areas), the row itself included, in source order. */
export function siblingsOf(row: SkillRow, rows: readonly SkillRow[]): SkillRow[] {
  return rows.filter((r) => r.level === row.level && r.type === row.type && r.parent === row.parent);
}

/** For a 技能要求: the 知识要求 of the same 职业技能 (or 工作内容 where there is no 职业技能); for a 知识要求, the 技能要求. */
export function matchingRows(row: SkillRow, rows: readonly SkillRow[]): SkillRow[] {
  const other: SkillRowType | null = row.type === 'requirement' ? 'knowledge' : row.type === 'knowledge' ? 'requirement' : null;
  if (!other) return [];
  return rows.filter((r) => r.level === row.level && r.parent === row.parent && r.type === other);
}

/** The key 工作领域/工作任务 names are compared by: no whitespace (extraction spaces). */
function skillNameKey(name: string): string {
  return name.replace(/\s+/gu, '');
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * Whether two 工作领域/工作任务 names name the same thing: equal without spaces, or one lacks at most
 * two characters of the other (a dropped character: 移动端态网页美化 / 移动端静态网页美化).
 * Returns 'same', 'near' or null.
 */
export function nameMatch(a: string, b: string): 'same' | 'near' | null {
  const x = skillNameKey(a);
  const y = skillNameKey(b);
  if (x === y) return 'same';
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 4 && long.length - short.length <= 2 && isSubsequence(short, long)) return 'near';
  return null;
}

/** The same place at another level. */
export interface Counterpart {
  level: SkillLevel;
  /** The matching row of the same type as the anchor row's container (工作领域 for an area, 工作任务 otherwise), or null. */
  match: SkillRow | null;
  /** Whether a name only nearly matched (see nameMatch). */
  near: boolean;
  /** What is there: for an area its tasks, for a task its skills (or S where there are no skills), for a skill the task's skills, for S/K the task's rows of the same kind. */
  rows: SkillRow[];
}

/** The 工作任务 (or 工作领域 for an area) a row belongs to. */
function containerOf(row: SkillRow, byAnchor: ReadonlyMap<string, SkillRow>): SkillRow {
  if (row.type === 'area' || row.type === 'task') return row;
  return ancestorsOf(row, byAnchor).find((r) => r.type === 'task') ?? row;
}

/**
 * The same skill at the other graded levels, matched by names: 工作领域 name for an area,
 * 工作领域 + 工作任务 names otherwise. Code numbers are never compared (1-1-1, 2-1-1 and 3-1-1
 * are related only because they sit in 静态网站搭建 / 静态网页开发 at each level).
 */
export function counterparts(row: SkillRow, rows: readonly SkillRow[]): Counterpart[] {
  const byAnchor = indexRows(rows);
  const own = containerOf(row, byAnchor);
  const levels = levelsOf(rows).filter((l) => l !== row.level && l !== '通用');
  return levels.map((level) => {
    let match: SkillRow | null = null;
    let near = false;
    for (const cand of rows) {
      if (cand.level !== level || cand.type !== own.type) continue;
      const areaMatch = nameMatch(cand.path[0] ?? '', own.path[0] ?? '');
      const taskMatch = own.type === 'task' ? nameMatch(cand.path[1] ?? '', own.path[1] ?? '') : 'same';
      if (!areaMatch || !taskMatch) continue;
      const isNear = areaMatch === 'near' || taskMatch === 'near';
      if (!match || (near && !isNear)) {
        match = cand;
        near = isNear;
      }
    }
    let found: SkillRow[] = [];
    if (match) {
      const under = childrenOf(match, rows);
      if (row.type === 'area') found = under;
      else if (row.type === 'task' || row.type === 'skill') {
        const skills = under.filter((r) => r.type === 'skill');
        found = skills.length > 0 ? skills : under.filter((r) => r.type === 'requirement');
      } else {
        const direct = under.filter((r) => r.type === row.type);
        found = direct.length > 0 ? direct : under.filter((r) => r.type === 'skill').flatMap((s) => childrenOf(s, rows).filter((r) => r.type === row.type));
      }
    }
    return { level, match, near, rows: found };
  });
}

/** One line of the side-by-side view: a 工作任务 name and what each level has under it. */
export interface AlignedTask {
  /** The name as the first level that has it prints it. */
  task: string;
  cells: Partial<Record<SkillLevel, { task: SkillRow; rows: SkillRow[]; near: boolean }>>;
}
export interface AlignedArea {
  area: string;
  /** Levels where the 工作领域 exists. */
  levels: SkillLevel[];
  tasks: AlignedTask[];
}

/**
 * 初级/中级/高级 side by side: 工作领域 aligned by name, and within each 工作领域 the 工作任务 by name;
 * under each task the level's 职业技能 (or 技能要求 where the standard has no 职业技能 column).
 * Order: as first printed, scanning the levels from 初级 up.
 */
export function alignLevels(rows: readonly SkillRow[], levels: readonly SkillLevel[] = GRADED_LEVELS): AlignedArea[] {
  const areas: AlignedArea[] = [];
  for (const level of levels) {
    for (const task of rows.filter((r) => r.level === level && r.type === 'task')) {
      const areaName = task.path[0] ?? '';
      const taskName = task.path[1] ?? task.text;
      let area = areas.find((a) => nameMatch(a.area, areaName));
      if (!area) {
        area = { area: areaName, levels: [], tasks: [] };
        areas.push(area);
      }
      if (!area.levels.includes(level)) area.levels.push(level);
      let line = area.tasks.find((t) => !t.cells[level] && nameMatch(t.task, taskName));
      if (!line) {
        line = { task: taskName, cells: {} };
        area.tasks.push(line);
      }
      const under = childrenOf(task, rows);
      const skills = under.filter((r) => r.type === 'skill');
      line.cells[level] = {
        task,
        rows: skills.length > 0 ? skills : under.filter((r) => r.type === 'requirement'),
        near: nameMatch(line.task, taskName) === 'near',
      };
    }
    // Areas without tasks still get a line.
    for (const a of rows.filter((r) => r.level === level && r.type === 'area')) {
      const area = areas.find((x) => nameMatch(x.area, a.text));
      if (!area) areas.push({ area: a.text, levels: [level], tasks: [] });
      else if (!area.levels.includes(level)) area.levels.push(level);
    }
  }
  return areas;
}

/** The standard's title in 《》: 《Web 前端开发职业技能等级标准》. */
export function standardTitle(standard: Pick<SkillStandard, 'title'>): string {
  return quoteTitle(standard.title);
}

/**
 * A memo citation of a row:
 * - coded: 《Web 前端开发职业技能等级标准》（中级）2-3-4-S5 — the normalised code, with the printed form
 *   added when it differs: …（高级）3-5-4-S4（原文作“3-5-4 -S4”）;
 * - uncoded: 《物流管理职业技能等级标准》（初级）仓储与库存管理／仓储作业 技能要求第2条 — the path and the
 *   item's number, never an invented code;
 * - from a PDF source, the page is added: …（初级）1.2.3，第 11 页.
 */
export function skillCitation(
  standard: Pick<SkillStandard, 'title' | 'codeStyle'>,
  row: Pick<SkillRow, 'level' | 'code' | 'normalizedCode' | 'label' | 'type' | 'path' | 'anchor' | 'anchorKind' | 'text'> & { source?: Pick<SkillRow['source'], 'page'> },
): string {
  return `${skillLocator(standard, row)}${pageSuffix(row.source)}`;
}

/** The citation without its page. */
function skillLocator(
  standard: Pick<SkillStandard, 'title' | 'codeStyle'>,
  row: Pick<SkillRow, 'level' | 'code' | 'normalizedCode' | 'label' | 'type' | 'path' | 'anchor' | 'anchorKind' | 'text'>,
): string {
  const level = row.level === '通用' ? '（一般要求）' : `（${row.level}）`;
  const head = `${standardTitle(standard)}${level}`;
  if (row.code !== null) {
    const code = row.normalizedCode ?? row.code;
    const printed = row.code !== code ? `（原文作“${row.code}”）` : '';
    return `${head}${code}${printed}`;
  }
  const name = typeName(row.type, standard.codeStyle);
  const where = row.path.join('／');
  if (row.type === 'requirement' || row.type === 'knowledge') {
    const n = row.label ? row.label.replace(/[.．、]$/u, '') : (/-[sk](\d+)$/u.exec(row.anchor)?.[1] ?? '');
    return `${head}${where} ${name}${n ? `第${n}条` : ''}`;
  }
  return `${head}${name}“${where}”`;
}

/** The citation with the row's text: …2-3-4-S5：能根据 HTTP 协议…。 */
export function skillCitationWithText(standard: Pick<SkillStandard, 'title' | 'codeStyle'>, row: SkillRow): string {
  return `${skillCitation(standard, row)}：${row.text}`;
}

/** Glossary terms that occur in a text (ASCII terms as whole words), longest first. */
export function termsIn<T extends { term: string }>(text: string, glossary: readonly T[]): T[] {
  const found = glossary.filter((g) => {
    const term = g.term.trim();
    if (!term) return false;
    if (/^[\x20-\x7e]+$/u.test(term)) {
      const escaped = term.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
      return new RegExp(`(?<![A-Za-z0-9.])${escaped}(?![A-Za-z0-9])`, 'u').test(text);
    }
    return text.includes(term);
  });
  return found.sort((a, b) => b.term.length - a.term.length);
}

/** A glossary entry's anchor on /glossary/: `web-qdkf-17`, `wlgl-3-1`. */
export function glossaryAnchor(standardId: string, entry: { number: string | null; term: string }, index: number): string {
  const n = entry.number ? entry.number.replace(/[^0-9A-Za-z]+/gu, '-') : `i${index + 1}`;
  return `${standardId}-${n}`;
}
