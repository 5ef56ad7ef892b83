/**
 * Source links (src/lib/source-link.ts) and the page in a standard's citations (src/lib/skills.ts):
 * a PDF-born place opens the PDF at its page and is cited with it; a text source is shown as before.
 */
import { describe, expect, it } from 'vitest';
import { NO_TEXT_NOTE, isPdfSource, pageSuffix, pdfHref, sourceLink } from '../../src/lib/source-link.ts';
import { skillCitation, skillCitationWithText } from '../../src/lib/skills.ts';
import type { SkillRow } from '../../src/schema/skills.ts';

describe('a source link from a SourcePoint', () => {
  it('links a PDF place to the PDF at its page, and shows page and line within it', () => {
    expect(sourceLink({ file: '005_web.pdf', page: 11, line: 3 })).toEqual({ text: '005_web.pdf 第 11 页第 3 行', href: '/sources/005_web.pdf#page=11' });
  });
  it('shows a text source as file:line with no link', () => {
    expect(sourceLink({ file: '001_614f8415cb5dd7e9.txt', line: 384 })).toEqual({ text: '001_614f8415cb5dd7e9.txt:384', href: null });
  });
  it('serves a PDF under /sources/ by its name, whatever the case of its extension', () => {
    expect([isPdfSource('a.PDF'), isPdfSource('a.txt')]).toEqual([true, false]);
    expect([pdfHref('a.PDF'), pdfHref('标准 1.pdf', 2)]).toEqual(['/sources/a.pdf', '/sources/%E6%A0%87%E5%87%86%201.pdf#page=2']);
  });
  it('adds the page to a citation only for a PDF place', () => {
    expect([pageSuffix({ page: 11 }), pageSuffix({}), pageSuffix(undefined)]).toEqual(['，第 11 页', '', '']);
    expect(NO_TEXT_NOTE).toBe('未读取（无文字层，可能是扫描件，需要先做文字识别）');
  });
});

describe('citations of a standard with the page', () => {
  const standard = { title: '云平台运维职业技能等级标准', codeStyle: 'dotted' as const };
  const row: SkillRow = {
    standard: 'yptyw', certificate: '云平台运维', level: '初级', path: ['云平台部署', '组件安装', '能按手册安装计算组件。'], type: 'skill',
    code: '1.2.3', normalizedCode: '1.2.3', label: null, text: '能按手册安装计算组件。', anchor: 'l1-1.2.3', anchorKind: 'code', parent: 'l1-1.2',
    source: { file: 'yptyw.pdf', page: 11, line: 4 }, flags: [],
  };
  it('cites a PDF-born row with its page: …（初级）1.2.3，第 11 页', () => {
    expect(skillCitation(standard, row)).toBe('《云平台运维职业技能等级标准》（初级）1.2.3，第 11 页');
    expect(skillCitationWithText(standard, row)).toBe('《云平台运维职业技能等级标准》（初级）1.2.3，第 11 页：能按手册安装计算组件。');
  });
  it('cites a row of a text source as before (no page)', () => {
    const textRow: SkillRow = { ...row, source: { file: 'yptyw.txt', line: 40 } };
    expect(skillCitation(standard, textRow)).toBe('《云平台运维职业技能等级标准》（初级）1.2.3');
  });
});

describe('a span of a source as shown', () => {
  it('gives a PDF span by pages and lines within them, a text span as before', async () => {
    const { spanText } = await import('../../src/lib/format.ts');
    expect(spanText({ file: 'a.pdf', startLine: 2, endLine: 7, startPage: 3, endPage: 5 })).toBe('a.pdf 第 3 页第 2 行–第 5 页第 7 行');
    expect(spanText({ file: 'a.pdf', startLine: 2, endLine: 7, startPage: 3, endPage: 3 })).toBe('a.pdf 第 3 页第 2 行–第 7 行');
    expect(spanText({ file: 'a.txt', startLine: 2, endLine: 7 })).toBe('a.txt:2–7');
  });
});

describe('the open-data columns of a PDF place', () => {
  it('write the page and the line within it; a text source’s line stays a number', async () => {
    const { SKILL_COLUMNS } = await import('../../src/lib/open-data.ts');
    const line = SKILL_COLUMNS.find((c) => c.name === '行 line')!;
    const row = { source: { file: 'a.pdf', page: 11, line: 3 } } as SkillRow;
    expect([line.get(row), line.get({ source: { file: 'a.txt', line: 40 } } as SkillRow)]).toEqual(['第 11 页第 3 行', 40]);
  });
});

describe('where a span links', () => {
  it('opens a PDF span at its first page; a text span at its source on /sources/', async () => {
    const { spanHref } = await import('../../src/lib/source-link.ts');
    expect(spanHref({ file: 'a.pdf', startPage: 3 })).toBe('/sources/a.pdf#page=3');
    expect(spanHref({ file: 'a.txt' })).toBe('/sources/#a.txt');
  });
});
