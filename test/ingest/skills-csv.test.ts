import { describe, expect, it } from 'vitest';
import type { SkillRow } from '../../src/schema/skills.ts';
import { csvField, skillsCsv } from '../../scripts/ingest/skills-csv.ts';
import { extractStandards } from '../../scripts/ingest/standards.ts';
import { realCorpus } from '../helpers/corpus.ts';
import { parseCsv } from '../helpers/csv.ts';


const sample: SkillRow = {
  standard: 'demo',
  certificate: 'Web 前端开发',
  level: '高级',
  path: ['网站性能优化', '性能优化', '能熟练使用 Webpack 分析项目结构，并将 JavaScript 模块打包'],
  type: 'requirement',
  code: '3-5-4 -S4',
  normalizedCode: '3-5-4-S4',
  label: null,
  text: '含逗号, 引号"Output"\n和换行',
  anchor: '3-5-4-S4',
  anchorKind: 'code',
  parent: '3-5-4',
  source: { file: '001_614f8415cb5dd7e9.txt', line: 512 },
  flags: ['stray-space', 'wrong-parent'],
};

describe('skills.csv', () => {
  it('quotes a field only when it holds a comma, quote or line break, doubling quotes', () => {
    expect(csvField('plain 文本')).toBe('plain 文本');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(512)).toBe('512');
  });

  it('starts with a BOM and a header row in Chinese with the JSON keys, CRLF line ends', () => {
    const csv = skillsCsv([sample]);
    expect(csv.startsWith('\uFEFF标准 standard,证书 certificate,等级 level,工作领域 area,工作任务 task,职业技能 skill,类型 type,代码 code,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual([
      'demo', 'Web 前端开发', '高级', '网站性能优化', '性能优化', '能熟练使用 Webpack 分析项目结构，并将 JavaScript 模块打包',
      '技能要求', '3-5-4 -S4', '3-5-4-S4', '', '含逗号, 引号"Output"\n和换行', '3-5-4-S4', '代码',
      '001_614f8415cb5dd7e9.txt', '512', 'stray-space;wrong-parent',
    ]);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
  });

  it('holds every row of the real standards, codes as printed', () => {
    const { rows } = extractStandards(realCorpus().documents, () => {});
    const table = parseCsv(skillsCsv(rows).slice(1));
    expect(table).toHaveLength(rows.length + 1);
    const codeCol = table[0]!.indexOf('代码 code');
    expect(table.filter((r) => r[codeCol] === '3-5-4 -S4')).toHaveLength(1);
    expect(table.filter((r) => r[codeCol] === '3-10-1-K')).toHaveLength(1);
  });
});
