/**
 * skills.csv: the rows of skills.json for spreadsheets. UTF-8 with a BOM (so Excel reads it as
 * UTF-8), RFC 4180 (CRLF line ends; a field holding a comma, quote or line break is quoted,
 * quotes doubled), one header row naming each column in Chinese and by its JSON key.
 */
import type { SkillRow, SkillRowType } from '../../src/schema/skills.ts';

const TYPE_NAME: Record<SkillRowType, string> = { area: '工作领域', task: '工作任务', skill: '职业技能', requirement: '技能要求', knowledge: '知识要求' };

const COLUMNS: [string, (r: SkillRow) => string | number | null][] = [
  ['标准 standard', (r) => r.standard],
  ['证书 certificate', (r) => r.certificate],
  ['等级 level', (r) => r.level],
  ['工作领域 area', (r) => r.path[0] ?? null],
  ['工作任务 task', (r) => r.path[1] ?? null],
  ['职业技能 skill', (r) => r.path[2] ?? null],
  ['类型 type', (r) => TYPE_NAME[r.type]],
  ['代码 code', (r) => r.code],
  ['规范代码 normalizedCode', (r) => r.normalizedCode],
  ['序号 label', (r) => r.label],
  ['内容 text', (r) => r.text],
  ['锚点 anchor', (r) => r.anchor],
  ['锚点类别 anchorKind', (r) => (r.anchorKind === 'code' ? '代码' : '位置')],
  ['来源文件 file', (r) => r.source.file],
  ['行 line', (r) => r.source.line],
  ['标记 flags', (r) => r.flags.join(';')],
];

export function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function skillsCsv(rows: SkillRow[]): string {
  const lines = [COLUMNS.map(([h]) => csvField(h)).join(',')];
  for (const r of rows) lines.push(COLUMNS.map(([, get]) => csvField(get(r))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
