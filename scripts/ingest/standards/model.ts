/** Types shared by the standard-reading modules, and small text helpers. */
import type { Table, TableCell } from '../../../src/schema/corpus.ts';
import type { SkillLevel, SkillRow } from '../../../src/schema/skills.ts';
import { removeExtractionSpaces as squeeze } from '../../../src/lib/text/normalize.ts';
import type { Place, Report } from '../diagnostics.ts';

/** What a column of a skill table holds, by its header. */
export type ColumnRole = 'area' | 'task' | 'skill' | 'requirement' | 'knowledge' | null;

/** A row before the standard and certificate are known. */
export type DraftRow = Omit<SkillRow, 'standard' | 'certificate'>;

export interface LevelInput {
  file: string;
  level: SkillLevel;
  tables: { table: Table; roles: ColumnRole[] }[];
  /** Where diagnostics go (the one message channel). */
  report: Report;
}

export interface LevelOutput {
  rows: DraftRow[];
  /** Where each row's cell starts (for diagnostics about a row after the level is read). */
  places: Map<DraftRow, Place>;
}

const SLUG: Record<SkillLevel, string> = { 通用: 'l0', 初级: 'l1', 中级: 'l2', 高级: 'l3' };
export function levelSlug(level: SkillLevel): string {
  return SLUG[level];
}

export function findLevel(text: string): SkillLevel | null {
  const t = text.replace(/\s+/gu, '');
  const m = /([初中高])级/u.exec(t);
  if (m) return `${m[1]}级` as SkillLevel;
  if (/一般要求|通用要求|基本要求|公共要求|通用能力/u.test(t)) return '通用';
  return null;
}

/** Names and texts lose the spaces the extraction put between Chinese characters (`前沿 发展 与创 新认 知`). */
export function standardText(text: string): string {
  return squeeze(text.replace(/\*\*/gu, ''));
}

/**
 * A cell's text as printed. Structure turns a cell that starts `1.` into list items, which
 * also splits dotted codes (`1.1.1 …` → item `1.` + `1.1 …`); joining label and text back
 * gives the printed form either way.
 */
export function cellSource(cell: TableCell): string {
  if (!cell.items) return cell.text;
  return cell.items.map((it) => (it.label ? `${it.label}${it.text}` : it.text)).join(' ');
}

const ROLES: [RegExp, Exclude<ColumnRole, null>][] = [
  [/^(?:工作领域|职业功能)$/u, 'area'],
  [/^(?:工作任务|工作内容)$/u, 'task'],
  [/^职业技能$/u, 'skill'],
  [/^(?:职业)?技能要求$/u, 'requirement'],
  [/^(?:知识要求|相关知识)$/u, 'knowledge'],
];

export function columnRoles(header: string[]): ColumnRole[] {
  return header.map((h) => {
    const t = h.replace(/\s+/gu, '');
    return ROLES.find(([re]) => re.test(t))?.[1] ?? null;
  });
}

/** A skill table has a 工作领域/职业功能 and a 工作任务/工作内容 column and something under them. */
export function isSkillTable(roles: ColumnRole[]): boolean {
  return roles.includes('area') && roles.includes('task') && roles.some((r) => r === 'skill' || r === 'requirement');
}
