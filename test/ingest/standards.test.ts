/**
 * Skill standards: the two standards of 职教所〔2019〕67号 (Web 前端开发, hyphen codes;
 * 物流管理, uncoded numbered items) read from the real sources, and a dotted-code standard
 * composed here, run through the real ingest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Anomaly, PolicyDocument } from '../../src/schema/corpus.ts';
import { SkillRow, SkillStandard } from '../../src/schema/skills.ts';
import type { Report } from '../../scripts/ingest/diagnostics.ts';
import { extractStandards as readStandards } from '../../scripts/ingest/standards.ts';
import { SOURCES, ingestText, realCorpus } from '../helpers/corpus.ts';

const FILE = '001_614f8415cb5dd7e9.txt';
const SOURCE = readFileSync(join(SOURCES, FILE), 'utf8').split('\n');

/** The standards of some documents, with the messages the stage reports (as report.json lists them). */
function extractStandards(documents: PolicyDocument[]) {
  const anomalies: Anomaly[] = [];
  const report: Report = (place, kind, message) => anomalies.push({ file: place.file, line: place.line, column: place.column, kind, message });
  return { ...readStandards(documents, report), anomalies };
}

const result = extractStandards(realCorpus().documents);
const std = (id: string) => {
  const s = result.standards.find((x) => x.id === id);
  if (!s) throw new Error(`no standard ${id}`);
  return s;
};
const rowsOf = (id: string) => result.rows.filter((r) => r.standard === id);
const web = rowsOf('web-qdkf');
const wl = rowsOf('wlgl');
const byCode = (code: string) => {
  const r = web.filter((x) => x.code === code);
  if (r.length !== 1) throw new Error(`${r.length} rows printed ${code}`);
  return r[0]!;
};

/** The tab-separated lines under each `工作领域\t工作任务…` / `职业功能\t工作内容…` header, up to the next line without a tab. */
function tableRegions(first: string): { start: number; lines: { n: number; text: string }[] }[] {
  const regions: { start: number; lines: { n: number; text: string }[] }[] = [];
  SOURCE.forEach((text, i) => {
    if (!text.startsWith(`${first}\t`)) return;
    const lines: { n: number; text: string }[] = [];
    for (let j = i + 1; j < SOURCE.length && (SOURCE[j]!.trim() === '' || SOURCE[j]!.includes('\t')); j++)
      if (SOURCE[j]!.trim()) lines.push({ n: j + 1, text: SOURCE[j]! });
    regions.push({ start: i + 1, lines });
  });
  return regions;
}

// Printed codes, found in the raw source with a pattern of its own (not the stage's tokenizer).
const PRINTED = /(?<![\w-])(\d{1,2}-(?:\d{1,2}(?:-\d{1,2})*(?: ?-[SK]\d*)?)?)(?![\w-])/g;
const webRegions = tableRegions('工作领域');
const printed = webRegions.map((r) => r.lines.flatMap((l) => [...l.text.matchAll(PRINTED)].map((m) => m[1]!)));

describe('standards found in the corpus', () => {
  it('are the two attachments of 职教所〔2019〕67号 that hold skill tables, with ASCII ids and valid shapes', () => {
    expect(result.standards.map((s) => [s.id, s.certificateName, s.document, s.anchor, s.codeStyle])).toEqual([
      ['web-qdkf', 'Web 前端开发', 'zjs-2019-67', 'a2-2', 'hyphen'],
      ['wlgl', '物流管理', 'zjs-2019-67', 'a2-3', 'none'],
    ]);
    for (const s of result.standards) expect(() => SkillStandard.parse(s)).not.toThrow();
    for (const r of result.rows) expect(() => SkillRow.parse(r)).not.toThrow();
  });
  it('give every row an anchor unique within its standard', () => {
    for (const s of result.standards) {
      const anchors = rowsOf(s.id).map((r) => r.anchor);
      expect(new Set(anchors).size).toBe(anchors.length);
    }
  });
  it('are read the same way every time', () => {
    expect(JSON.stringify(extractStandards(realCorpus().documents))).toBe(JSON.stringify(result));
  });
});

describe('Web 前端开发 (hyphen codes)', () => {
  const levels = ['初级', '中级', '高级'] as const;
  const count = (level: string, type: string) => web.filter((r) => r.level === level && r.type === type).length;

  it('has the issue’s figures per level: 职业技能 12/22/41, 技能要求 S 17/31/44, 知识要求 K 13/23/42', () => {
    expect(levels.map((l) => count(l, 'skill'))).toEqual([12, 22, 41]);
    expect(levels.map((l) => count(l, 'requirement'))).toEqual([17, 31, 44]);
    expect(levels.map((l) => count(l, 'knowledge'))).toEqual([13, 23, 42]);
    expect(levels.map((l) => count(l, 'task'))).toEqual([5, 6, 10]);
    expect(levels.map((l) => count(l, 'area'))).toEqual([3, 4, 6]);
    expect(std('web-qdkf').levels.map((l) => [l.level, l.trainingHours, l.anchor, l.counts.skills, l.counts.requirements, l.counts.knowledge])).toEqual([
      ['初级', 96, 'a2-2-s8', 12, 17, 13],
      ['中级', 224, 'a2-2-s9', 22, 31, 23],
      ['高级', 320, 'a2-2-s10', 41, 44, 42],
    ]);
  });

  it('agrees with the codes printed in the source, counted there by shape', () => {
    expect(webRegions.map((r) => r.start)).toEqual([383, 432, 489]);
    const shape = (re: RegExp) => printed.map((codes) => codes.filter((c) => re.test(c)).length);
    expect(shape(/^\d+-\d+-\d+ ?-S/)).toEqual([17, 31, 44]);
    expect(shape(/^\d+-\d+-\d+ ?-K/)).toEqual([13, 23, 42]);
    expect(shape(/^\d+-\d+-\d+$/)).toEqual([12, 22, 41]);
  });

  it('has every code printed in the tables exactly once, or once flagged as a duplicate', () => {
    const times = new Map<string, number>();
    for (const c of printed.flat()) times.set(c, (times.get(c) ?? 0) + 1);
    for (const [code, n] of times) {
      const rows = web.filter((r) => r.code === code);
      if (n === 1) expect(rows, code).toHaveLength(1);
      else if (rows.length === 1) expect(rows[0]!.flags, code).toContain('duplicate-code');
      else expect(rows.length, code).toBe(n);
    }
    expect(new Set(web.filter((r) => r.code !== null).map((r) => r.code))).toEqual(new Set(times.keys()));
    // printed twice: 3-2 on lines 495 and 496 (merged), and the truncated task code `2-` (two different tasks)
    expect([...times].filter(([, n]) => n > 1)).toEqual([['2-', 2], ['3-2', 2]]);
  });

  it('keeps typos as printed, reads them by their shape and flags them', () => {
    expect(byCode('3-5-4 -S4')).toMatchObject({ type: 'requirement', normalizedCode: '3-5-4-S4', anchor: '3-5-4-S4', parent: '3-5-4', flags: ['stray-space'], source: { file: FILE, line: 512 } });
    expect(byCode('3-10-1-K')).toMatchObject({ type: 'knowledge', normalizedCode: '3-10-1-K', anchor: '3-10-1-K', parent: '3-10-1', flags: ['missing-number'], source: { line: 533 } });
    // under the skill whose row they are in, code kept as printed
    expect(byCode('1-5-1-S2')).toMatchObject({ parent: '1-5-2', flags: ['wrong-parent'], path: ['移动端静态网站开发', '移动端静态网页美化', '能使用 CSS3 新特性美化静态页面'] });
    expect(byCode('1-4-1-K2')).toMatchObject({ parent: '1-4-2', flags: ['wrong-parent'] });
    expect(byCode('1-4-1-K3')).toMatchObject({ parent: '1-4-3', flags: ['wrong-parent'] });
    expect(byCode('3-8-3-S3')).toMatchObject({ parent: '3-8-2', flags: ['wrong-parent'] });
    expect(web.filter((r) => r.flags.includes('wrong-parent')).map((r) => r.code)).toEqual(['1-4-1-K2', '1-4-1-K3', '1-5-1-S2', '1-5-1-K2', '3-8-3-S3']);
    // `2-` (lines 438, 454): a task code without its number, inferred from the skills printed under it
    expect(web.filter((r) => r.code === '2-').map((r) => [r.normalizedCode, r.text, r.flags, r.source.line])).toEqual([
      ['2-2', '静态网页美化', ['missing-number', 'inferred-code'], 438],
      ['2-6', '动态网页开发', ['missing-number', 'inferred-code'], 454],
    ]);
    expect(byCode('3-2')).toMatchObject({ flags: ['duplicate-code'], source: { line: 495 } });
  });

  it('reports each typo with file and line, in Chinese', () => {
    const msgs = result.anomalies.filter((a) => a.kind.startsWith('skill-code')).map((a) => `${a.file}:${a.line} ${a.message}`);
    expect(msgs).toContain(`${FILE}:512 技能要求代码“3-5-4 -S4”中有多余空格，按“3-5-4-S4”读`);
    // The column is the cell's start (read from its position, not by searching the line).
    const stray = result.anomalies.find((a) => a.kind === 'skill-code-stray-space')!;
    expect(SOURCE[stray.line - 1]!.slice(stray.column! - 1)).toMatch(/^3-5-4 -S4 /u);
    expect(msgs.some((m) => m.startsWith(`${FILE}:533 知识要求代码“3-10-1-K”缺少序号`))).toBe(true);
    expect(msgs.some((m) => m.startsWith(`${FILE}:396 技能要求代码“1-5-1-S2”印在职业技能“1-5-2”的行中`))).toBe(true);
    expect(msgs.some((m) => m.startsWith(`${FILE}:496 工作任务代码“3-2”重复出现`))).toBe(true);
  });

  it('reads shifted cells by code: 工作领域 from leading text, tasks printed after their skills, rows starting mid-row', () => {
    // line 390 starts with an empty cell before the 工作领域 name
    expect(byCode('1-3')).toMatchObject({ path: ['动态网站搭建', '动态网页开发'], parent: 'l1-f2' });
    // 3-4 is printed on line 506, after its skill 3-4-1 (line 505); 507–508 start mid-row
    expect(byCode('3-4')).toMatchObject({ flags: ['out-of-order'], path: ['动态网站搭建', '架构设计'] });
    expect(byCode('3-4-1').parent).toBe('3-4');
    expect(byCode('3-4-2-S3')).toMatchObject({ parent: '3-4-2', text: '能使用 Node.js Web 应用框架 Express 构建网站', source: { line: 507 } });
    expect(byCode('3-4-3')).toMatchObject({ parent: '3-4', source: { line: 508 } });
    // several codes in one cell; text runs to the next code
    expect(byCode('1-1-2-S4').text).toBe('能使用 CSS 美化网页样式');
    // names squeezed of extraction spaces (`动态网站 搭建`, `动态网页 开发`)
    expect(byCode('3-3-1').path).toEqual(['动态网站搭建', '动态网页开发', '能熟练使用CSS3特性调整页面属性']);
    expect(byCode('2-3-4-S5')).toMatchObject({ anchor: '2-3-4-S5', anchorKind: 'code', level: '中级', path: ['动态网站搭建', '动态网页开发', '能根据 RESTful API 规范设计可用的 API'] });
  });

  it('has its 名词解释 attachment as a glossary of 36 numbered terms, run-together lines split', () => {
    const g = std('web-qdkf').glossary;
    expect(g.map((e) => e.number)).toEqual(Array.from({ length: 36 }, (_, i) => String(i + 1)));
    expect(g.find((e) => e.number === '7')).toMatchObject({ term: 'CSS3', source: { line: 550 } });
    expect(g.find((e) => e.number === '15')).toMatchObject({ term: 'Sass', source: { line: 560 } });
    expect(g.find((e) => e.number === '17')!.definition).toMatch(/^\(Application Programming Interface,应用程序编程接口\)/u);
    expect(g.find((e) => e.number === '25')!.definition).toMatch(/^Laravel 是一套简洁、优雅的 PHP Web 开发框架/u);
    expect(g.find((e) => e.number === '26')!.term).toBe('BLADE');
    expect(g.find((e) => e.number === '29')!.term).toBe('jQuery Mobile');
    expect(result.anomalies.filter((a) => a.kind.startsWith('glossary'))).toEqual([]);
  });

  it('keeps its front matter: 培训学时, 衔接专业, 培养目标, 考核方式 with source lines', () => {
    const fm = std('web-qdkf').frontMatter;
    expect(fm.trainingHours.map((h) => [h.level, h.hours, h.source.line])).toEqual([['初级', 96, 358], ['中级', 224, 400], ['高级', 320, 460]]);
    expect(fm.majors.filter((m) => m.level === '中级').map((m) => [m.stage, m.names.length])).toEqual([['中职', 4], ['高职', 7], ['本科', 4]]);
    expect(fm.majors.find((m) => m.level === '初级' && m.stage === '本科')!.names).toEqual(['计算机科学与技术', '电子信息工程', '电子科学与技术', '软件工程']);
    expect(fm.objectives.map((o) => o.level)).toEqual(['初级', '中级', '高级']);
    expect(fm.assessment).toHaveLength(1);
    expect(fm.assessment[0]).toMatchObject({ level: null, source: { line: 290 } });
    expect(fm.assessment[0]!.text).toMatch(/闭卷考试，采用上机考试形式/u);
    expect(fm.entries.find((e) => e.key === '主要职业能力' && e.level === '中级')!.items).toHaveLength(5);
  });
});

describe('物流管理 (uncoded numbered items)', () => {
  const s = std('wlgl');
  // counted in the source with tableRegions + item numbers (below), and by hand
  const expected = {
    通用: { areas: 3, tasks: 9, skills: 0, requirements: 27, knowledge: 22 },
    初级: { areas: 4, tasks: 12, skills: 0, requirements: 33, knowledge: 33 },
    中级: { areas: 6, tasks: 14, skills: 0, requirements: 37, knowledge: 35 },
    高级: { areas: 6, tasks: 15, skills: 0, requirements: 39, knowledge: 38 },
  };

  it('has 表 1 一般要求 (通用) plus three level tables, with the counts of 职业功能/工作内容/技能要求/相关知识', () => {
    expect(s.levels.map((l) => [l.level, l.anchor, l.trainingHours])).toEqual([
      ['通用', 'a2-3-s5-1', null], ['初级', 'a2-3-s5-2', null], ['中级', 'a2-3-s5-3', null], ['高级', 'a2-3-s5-4', null],
    ]);
    expect(Object.fromEntries(s.levels.map((l) => [l.level, l.counts]))).toEqual(expected);
  });

  it('agrees with the source: 工作内容 cells that start numbered items, and item numbers per column', () => {
    const regions = tableRegions('职业功能');
    expect(regions.map((r) => r.start)).toEqual([717, 735, 757, 783]);
    const counted = regions.map((r) => {
      const cells = r.lines.map((l) => l.text.split('\t'));
      const items = (col: number) => cells.reduce((n, c) => n + (c[col] ?? '').split(/(?:^|[\s>])\d{1,2}\. /u).length - 1, 0);
      return {
        areas: cells.filter((c) => c[0]!.trim() !== '').length,
        tasks: cells.filter((c) => (c[1] ?? '').trim() !== '' && /\d\. /u.test(c[2] ?? '')).length,
        skills: 0,
        requirements: items(2),
        knowledge: items(3),
      };
    });
    expect(counted).toEqual(Object.values(expected));
  });

  it('gives positions, never codes', () => {
    expect(wl.every((r) => r.code === null && r.normalizedCode === null && r.anchorKind === 'position')).toBe(true);
    expect(wl.find((r) => r.anchor === 'l2-f1-w3-s2')).toMatchObject({ level: '中级', type: 'requirement', label: '2.', path: ['物流市场开发与客户服务', '物流项目投标'] });
  });

  it('continues rows printed on the next line and squeezes letter-spaced names', () => {
    // line 743 completes item 3 of 技能要求 and adds item 4 of 相关知识 to the row of line 741
    expect(wl.find((r) => r.anchor === 'l1-f3-w1-s3')).toMatchObject({ text: '能使用信息系统完成相关单证处理并通过信息系统或手工统计处理形成相关报表', flags: ['continued'], source: { line: 741 } });
    expect(wl.find((r) => r.anchor === 'l1-f3-w1-k4')).toMatchObject({ text: '作业异常处理流程', label: '4.', source: { line: 743 } });
    // line 765 completes the 工作内容 of line 763
    expect(wl.find((r) => r.anchor === 'l2-f2-w2')).toMatchObject({ text: '仓储布局与物流设施规划', flags: ['continued'] });
    // line 800: items 3 of 物流外包管理
    expect(wl.filter((r) => r.source.line === 800).map((r) => [r.anchor, r.label])).toEqual([['l3-f5-w3-s3', '3.'], ['l3-f5-w3-k3', '3.']]);
    expect(wl.filter((r) => r.level === '通用' && r.type !== 'requirement' && r.type !== 'knowledge').map((r) => r.text)).toContain('前沿发展与创新认知');
    expect(wl.find((r) => r.anchor === 'l0-f3')!.text).toBe('基本管理技能应用');
  });

  it('reports the repeated item number (line 795) and the doubled character at a continuation (line 765)', () => {
    const a = result.anomalies.filter((x) => x.kind === 'skill-item-number' || x.kind === 'skill-continuation-overlap');
    expect(a.map((x) => [x.line, x.kind])).toEqual([[765, 'skill-continuation-overlap'], [795, 'skill-item-number']]);
    expect(wl.find((r) => r.anchor === 'l3-f4-w2-s3')).toMatchObject({ label: '2.', flags: ['repeated-number'] });
  });

  it('keeps 术语和定义 as a glossary, and per-level 主要职责 and 面向对象', () => {
    expect(s.glossary.map((g) => [g.number, g.term, g.english])).toEqual([
      ['3.1', '物品', 'goods'], ['3.2', '仓储', 'warehousing'], ['3.3', '配送', 'distribution'], ['3.4', '运输', 'transportation'], ['3.5', '供应链管理', 'supply chain management'],
    ]);
    expect(s.glossary[0]).toMatchObject({ aliases: ['货物'], definition: '经济与社会活动中实体流动的物质资料。', reference: 'GB/T 18354-2006，定义 2.1', source: { line: 630 } });
    expect(s.frontMatter.entries.filter((e) => e.key === '主要职责').map((e) => e.level)).toEqual(['初级', '中级', '高级']);
    expect(s.frontMatter.entries.filter((e) => e.key === '面向对象').map((e) => [e.level, e.items.length])).toEqual([['初级', 3], ['中级', 4], ['高级', 4]]);
  });
});

// A standard in the third style: dotted codes, 工作领域 | 工作任务 | 职业技能要求, a page break
// with the header printed again, and a level table continued after a 续表 line.
const DOTTED = `云平台运维职业技能等级标准

前 言

本标准按照 GB/T 1.1-2009 给出的规则起草，由某某职业教育培训评价组织提出并归口，本标准起草单位为某某职业教育培训评价组织。

本标准主要起草人：张三、李四、王五。本标准为首次发布，在使用过程中如有意见和建议请反馈至起草单位。

1 范围

本标准规定了云平台运维职业技能等级对应的工作领域、工作任务及职业技能要求，适用于云平台运维职业技能培训、考核与评价。

本标准适用于云平台运维职业技能等级证书的考核与评价，相关用人单位的人员聘用、培训与考核可参照使用。

2 职业技能等级要求

2.1 云平台运维（初级）

培训学时：64 学时。

工作领域	工作任务	职业技能要求
1.云平台部署	1.1 环境准备	1.1.1 能根据部署手册检查服务器硬件配置。 1.1.2 能安装操作系统并配置网络。
	1.2 组件安装	1.2.1 能按手册安装计算组件。

— 3 —

工作领域	工作任务	职业技能要求
2.云平台运行维护	2.1 日常巡检	2.1.1 能按巡检表检查云平台各组件状态。
		2.1.2 能记录巡检结果并上报异常。

2.2 云平台运维（中级）

培训学时：128 学时。

工作领域	工作任务	职业技能要求
1.云平台规划	1.1 容量规划	1.1.1 能根据业务需求估算资源容量。

表 2（续）

工作领域	工作任务	职业技能要求
	1.2 网络规划	1.2.1 能规划租户网络。 1.2.2 能规划 VLAN 与子网。
`;

describe('a standard with dotted codes (fixture)', () => {
  const ingested = ingestText({ 'dotted.txt': DOTTED }, { until: 'standards' });
  const out = extractStandards(ingested.documents);
  const rows = out.rows;

  it('is found as a standard of its own document, code style dotted', () => {
    expect(out.standards.map((s) => [s.title, s.certificateName, s.anchor, s.codeStyle])).toEqual([['云平台运维职业技能等级标准', '云平台运维', null, 'dotted']]);
    expect(out.standards[0]!.levels.map((l) => [l.level, l.trainingHours, l.counts.areas, l.counts.tasks, l.counts.skills])).toEqual([
      ['初级', 64, 2, 3, 5],
      ['中级', 128, 1, 2, 3],
    ]);
    expect(out.anomalies).toEqual([]);
  });

  it('reads areas, tasks and skills by code, across the page break and the 续表', () => {
    expect(rows.filter((r) => r.level === '初级').map((r) => [r.type, r.code, r.anchor, r.path.join('/')])).toEqual([
      ['area', '1.', 'l1-1', '云平台部署'],
      ['task', '1.1', 'l1-1.1', '云平台部署/环境准备'],
      ['skill', '1.1.1', 'l1-1.1.1', '云平台部署/环境准备/能根据部署手册检查服务器硬件配置。'],
      ['skill', '1.1.2', 'l1-1.1.2', '云平台部署/环境准备/能安装操作系统并配置网络。'],
      ['task', '1.2', 'l1-1.2', '云平台部署/组件安装'],
      ['skill', '1.2.1', 'l1-1.2.1', '云平台部署/组件安装/能按手册安装计算组件。'],
      ['area', '2.', 'l1-2', '云平台运行维护'],
      ['task', '2.1', 'l1-2.1', '云平台运行维护/日常巡检'],
      ['skill', '2.1.1', 'l1-2.1.1', '云平台运行维护/日常巡检/能按巡检表检查云平台各组件状态。'],
      ['skill', '2.1.2', 'l1-2.1.2', '云平台运行维护/日常巡检/能记录巡检结果并上报异常。'],
    ]);
    // the 续表 table carries on under 1.云平台规划
    expect(rows.filter((r) => r.level === '中级' && r.type === 'skill').map((r) => [r.code, r.parent, r.path[0]])).toEqual([
      ['1.1.1', 'l2-1.1', '云平台规划'], ['1.2.1', 'l2-1.2', '云平台规划'], ['1.2.2', 'l2-1.2', '云平台规划'],
    ]);
    expect(rows.some((r) => r.text.includes('工作领域'))).toBe(false);
  });
});

describe('a standard whose certificate is in no list of the corpus (fixture)', () => {
  const ingested = ingestText({ 'dotted.txt': DOTTED }, { until: 'standards' });

  it('gets a certificate of its own, flagged listed: false, that shows its standard', () => {
    const std = ingested.standards.standards[0]!;
    expect(ingested.catalog.certificates).toEqual([
      { id: 'yptyw', name: '云平台运维', fullName: '云平台运维职业技能等级证书', aliases: [], organizations: [], batch: null, listings: [], standard: std.id, contacts: [], listed: false },
    ]);
    expect(ingested.standards.rows.filter((r) => r.standard === std.id)).toHaveLength(16);
  });

  it('has its certificate page with the matrix, and a page per skill row', async () => {
    const { certificatePaths, skillPaths } = await import('../../src/lib/page-props.ts');
    const input = { certificates: ingested.catalog.certificates, standards: ingested.standards.standards, skills: ingested.standards.rows, documents: ingested.documents };
    const pages = certificatePaths({ ...input, organizations: [], batches: [], anomalies: [] });
    expect(pages.map((p) => [p.params.id, p.props.standard?.id, p.props.rows.length, p.props.cert.listed])).toEqual([['yptyw', ingested.standards.standards[0]!.id, 16, false]]);
    expect(skillPaths(input).map((p) => p.params.id + '/' + p.params.anchor).slice(0, 2)).toEqual(['yptyw/l1-1', 'yptyw/l1-1.1']);
    expect(skillPaths(input)).toHaveLength(16);
  });

  it('is reported at the standard’s title', () => {
    expect(ingested.report.anomalies.filter((a) => a.kind === 'unlisted-certificate').map((a) => [a.file, a.line, a.message])).toEqual([
      ['dotted.txt', 1, '“云平台运维职业技能等级证书”未见于本库所收名单：按其标准《云平台运维职业技能等级标准》建立证书页（yptyw）'],
    ]);
  });

  it('takes another id when its initials are taken', async () => {
    const { unlistedCertificate } = await import('../../scripts/ingest/catalog.ts');
    expect(unlistedCertificate({ id: 'x', certificateName: '云平台运维' }, new Set(['yptyw'])).id).toBe('yunpingtaiyunwei');
    expect(unlistedCertificate({ id: 'x', certificateName: 'Web 前端开发' }, new Set()).name).toBe('Web 前端开发');
  });
});
