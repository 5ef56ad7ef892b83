/**
 * One certificate's skill files (src/lib/export/certificate-skills.ts) over the real corpus (ingested in memory):
 * which files each certificate gets, their URLs, rows per level, and the CSV/JSON rows.
 */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/csv.ts';
import {
  CERTIFICATE_SKILL_COLUMNS,
  certificateSkillCsvRows,
  certificateSkillJson,
  certificateSkillPaths,
  certificateSkillsHref,
} from '../../src/lib/export/certificate-skills.ts';
import { realCorpus } from '../helpers/corpus.ts';

describe('certificate skill files', () => {
  const corpus = realCorpus();
  const paths = certificateSkillPaths({ certificates: corpus.catalog.certificates, standards: corpus.standards.standards, skills: corpus.standards.rows });
  const file = (id: string, name: string) => paths.find((p) => p.params.id === id && p.params.name === name)!.props.file;

  it('gives every certificate with a standard skills + one file per level, named as the page names the level sections', () => {
    expect(paths.map((p) => `${p.params.id}/${p.params.name}`).sort()).toEqual([
      'web-qdkf/level-1', 'web-qdkf/level-2', 'web-qdkf/level-3', 'web-qdkf/skills',
      'wlgl/level-0', 'wlgl/level-1', 'wlgl/level-2', 'wlgl/level-3', 'wlgl/skills',
    ]);
    expect(paths).toHaveLength(9);
    expect(certificateSkillsHref('web-qdkf', 'level-2', 'csv')).toBe('/data/certificates/web-qdkf/level-2.csv');
  });

  it('Web 前端开发: 12/22/41 职业技能, 17/31/44 S, 13/23/42 K by level; skills holds them all, level by level', () => {
    const levels = ['level-1', 'level-2', 'level-3'].map((n) => certificateSkillJson(file('web-qdkf', n)).counts);
    expect(levels.map((c) => c.skill)).toEqual([12, 22, 41]);
    expect(levels.map((c) => c.requirement)).toEqual([17, 31, 44]);
    expect(levels.map((c) => c.knowledge)).toEqual([13, 23, 42]);
    const all = file('web-qdkf', 'skills');
    expect(all.rows.map((r) => r.level)).toEqual([...all.rows.map((r) => r.level)].sort((a, b) => ['初级', '中级', '高级'].indexOf(a) - ['初级', '中级', '高级'].indexOf(b)));
  });

  it('a CSV row has the code as printed, its source line, permalink and citation', () => {
    const csv = toCsv(CERTIFICATE_SKILL_COLUMNS, certificateSkillCsvRows(file('web-qdkf', 'level-3')));
    const row = csv.split('\r\n').find((l) => l.includes(',3-5-4 -S4,'))!;
    expect(row).toContain('/certificates/web-qdkf/skills/3-5-4-S4/');
    expect(row).toContain('《Web 前端开发职业技能等级标准》（高级）3-5-4-S4（原文作“3-5-4 -S4”）');
    const json = certificateSkillJson(file('web-qdkf', 'level-3'), 'https://kb.example.org/');
    expect(json.rows.find((r) => r.code === '3-5-4 -S4')!.permalink).toBe('https://kb.example.org/certificates/web-qdkf/skills/3-5-4-S4/');
    expect(json.csv).toBe('https://kb.example.org/data/certificates/web-qdkf/level-3.csv');
    expect(certificateSkillJson(file('web-qdkf', 'level-3')).csv).toBe('/data/certificates/web-qdkf/level-3.csv');
  });
});
