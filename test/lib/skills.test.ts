/**
 * The skill-matrix helpers (src/lib/skills.ts) and catalog helpers (src/lib/catalog.ts) over the
 * real standards (Web 前端开发: coded; 物流管理: uncoded) and small inline rows.
 */
import { describe, expect, it } from 'vitest';
import {
  alignLevels,
  ancestorsOf,
  buildTree,
  certificatesByStandard,
  counterparts,
  countTypes,
  indexRows,
  levelsOf,
  matchingRows,
  nameMatch,
  rowName,
  rowsOfLevel,
  siblingsOf,
  skillCitation,
  skillCitationWithText,
  skillHref,
  skillRowHref,
  termsIn,
} from '../../src/lib/skills.ts';
import { anomaliesNaming, batchName, groupListings, totalVerdict } from '../../src/lib/catalog.ts';
import type { SkillRow, SkillStandard } from '../../src/schema/skills.ts';
import { skillPaths } from '../../src/lib/page-props.ts';
import { realCorpus } from '../helpers/corpus.ts';

const { standards, rows: allRows } = realCorpus().standards;
const std = (id: string): SkillStandard => standards.find((s) => s.id === id)!;
const rowsOf = (id: string): SkillRow[] => allRows.filter((r) => r.standard === id);
const web = rowsOf('web-qdkf');
const wlgl = rowsOf('wlgl');
const row = (rows: SkillRow[], anchor: string) => rows.find((r) => r.anchor === anchor)!;

describe('skill citations', () => {
  it('cites a coded row by standard, level and code', () => {
    expect(skillCitation(std('web-qdkf'), row(web, '2-3-4-S5'))).toBe('《Web 前端开发职业技能等级标准》（中级）2-3-4-S5');
    expect(skillCitationWithText(std('web-qdkf'), row(web, '2-3-4-S5'))).toMatch(/^《Web 前端开发职业技能等级标准》（中级）2-3-4-S5：能根据 HTTP 协议方法定义操作/u);
  });
  it('cites the normalised code and says how it was printed', () => {
    expect(skillCitation(std('web-qdkf'), row(web, '3-5-4-S4'))).toBe('《Web 前端开发职业技能等级标准》（高级）3-5-4-S4（原文作“3-5-4 -S4”）');
    expect(skillCitation(std('web-qdkf'), row(web, '2-2'))).toBe('《Web 前端开发职业技能等级标准》（中级）2-2（原文作“2-”）');
  });
  it('cites an uncoded row by its path and item number, never by an invented code', () => {
    const r = wlgl.find((x) => x.level === '通用' && x.anchor === 'l0-f1-w1-s2')!;
    expect(skillCitation(std('wlgl'), r)).toBe('《物流管理职业技能等级标准》（一般要求）职业道德与职业安全及环保认知／职业道德和服务意识认知 技能要求第2条');
    expect(skillCitation(std('wlgl'), row(wlgl, 'l1-f2'))).toBe('《物流管理职业技能等级标准》（初级）职业功能“仓储与库存管理”');
  });
});

describe('rows, names and the tree', () => {
  it('names coded rows by code and uncoded rows by position', () => {
    expect(rowName(row(web, '3-5-4-S4'))).toEqual({ kind: '代码', text: '3-5-4 -S4', normalized: '3-5-4-S4' });
    expect(rowName(row(web, 'l1-f1'))).toEqual({ kind: '位置', text: 'l1-f1', normalized: null });
    expect(rowName(row(wlgl, 'l2-f1-w3'))).toEqual({ kind: '位置', text: 'l2-f1-w3', normalized: null });
  });
  it('counts Web 前端开发 职业技能 12/22/41, S 17/31/44, K 13/23/42 per level', () => {
    const c = (['初级', '中级', '高级'] as const).map((l) => countTypes(rowsOfLevel(web, l)));
    expect(c.map((x) => x.skill)).toEqual([12, 22, 41]);
    expect(c.map((x) => x.requirement)).toEqual([17, 31, 44]);
    expect(c.map((x) => x.knowledge)).toEqual([13, 23, 42]);
  });
  it('builds one tree per level with every row placed once', () => {
    const count = (nodes: ReturnType<typeof buildTree>): number => nodes.reduce((n, x) => n + 1 + count(x.children), 0);
    for (const rows of [web, wlgl]) {
      for (const l of levelsOf(rows)) {
        const level = rowsOfLevel(rows, l);
        const tree = buildTree(level);
        expect(count(tree)).toBe(level.length);
        expect(tree.every((n) => n.row.type === 'area')).toBe(true);
      }
    }
    expect(levelsOf(wlgl)).toEqual(['通用', '初级', '中级', '高级']);
    expect(levelsOf(web)).toEqual(['初级', '中级', '高级']);
  });
  it('finds parents, siblings and the K rows of an S row', () => {
    const s5 = row(web, '2-3-4-S5');
    expect(ancestorsOf(s5, indexRows(web)).map((r) => r.anchor)).toEqual(['l2-f2', '2-3', '2-3-4']);
    expect(siblingsOf(row(web, '1-1-1-S1'), web).map((r) => r.anchor)).toEqual(['1-1-1-S1', '1-1-1-S2']);
    expect(matchingRows(s5, web).map((r) => r.anchor)).toEqual(['2-3-4-K4']);
    expect(matchingRows(row(web, '1-1-1'), web)).toEqual([]);
  });
});

describe('the same skill at other levels', () => {
  it('matches HTML 1-1-1 with the skills of 静态网站搭建／静态网页开发 at 中级 and 高级 by names', () => {
    const others = counterparts(row(web, '1-1-1'), web);
    expect(others.map((o) => [o.level, o.match?.anchor])).toEqual([
      ['中级', '2-1'],
      ['高级', '3-1'],
    ]);
    expect(others[0]!.rows[0]!.anchor).toBe('2-1-1');
    expect(others[1]!.rows[0]!.anchor).toBe('3-1-1');
  });
  it('does not rely on code numbers: 动态网页开发 is 1-3 / 2-3 / 3-3 under 动态网站搭建, not 2-6 under 移动端动态网站开发', () => {
    expect(counterparts(row(web, '2-3'), web).map((o) => o.match?.anchor)).toEqual(['1-3', '3-3']);
    expect(counterparts(row(web, '2-6'), web).map((o) => o.match?.anchor ?? null)).toEqual([null, '3-8']);
  });
  it('tolerates a dropped character in a name and says so', () => {
    expect(nameMatch('移动端态网页美化', '移动端静态网页美化')).toBe('near');
    expect(nameMatch('性能优化', '架构设计')).toBeNull();
    const o = counterparts(row(web, '2-5'), web);
    expect(o.map((x) => [x.match?.anchor, x.near])).toEqual([
      ['1-5', true],
      ['3-7', true],
    ]);
  });
  it('aligns 初/中/高 side by side by 工作领域 and 工作任务 names', () => {
    const areas = alignLevels(web);
    expect(areas.map((a) => a.area)).toEqual(['静态网站搭建', '动态网站搭建', '移动端静态网站开发', '移动端动态网站开发', '网站性能优化', '移动端性能优化']);
    const first = areas[0]!.tasks[0]!;
    expect(first.task).toBe('静态网页开发');
    expect([first.cells.初级?.rows[0]?.anchor, first.cells.中级?.rows[0]?.anchor, first.cells.高级?.rows[0]?.anchor]).toEqual(['1-1-1', '2-1-1', '3-1-1']);
    // 物流管理 has no 职业技能 column: the cells list 技能要求.
    const log = alignLevels(wlgl);
    expect(log[0]!.tasks[0]!.cells.初级!.rows.every((r) => r.type === 'requirement')).toBe(true);
  });
});

describe('glossary terms in a text', () => {
  it('finds ASCII terms as whole words only', () => {
    const g = [{ term: 'CSS' }, { term: 'CSS3' }, { term: 'API' }, { term: 'Web' }, { term: '仓储' }];
    expect(termsIn('能使用 CSS3 的选择器', g).map((t) => t.term)).toEqual(['CSS3']);
    expect(termsIn('能使用 RESTful API 规范与 Webpack', g).map((t) => t.term)).toEqual(['API']);
    expect(termsIn('仓储作业', g).map((t) => t.term)).toEqual(['仓储']);
  });
});

describe('catalog helpers', () => {
  const { certificates } = realCorpus().catalog;
  it('names batches', () => {
    expect([1, 2, 3, 4].map(batchName)).toEqual(['首批', '第二批', '第三批', '第四批']);
  });
  it('groups a certificate’s listings by document and clause, official lists first', () => {
    const web = certificates.find((c) => c.id === 'web-qdkf')!;
    const groups = groupListings(web.listings);
    expect(groups.slice(0, 2).map((g) => [g.status, g.document])).toEqual([
      ['公示', 'zjs-2019-67'],
      ['确认', 'jzs-2019-89'],
    ]);
    expect(groups.reduce((n, g) => n + g.listings.length, 0)).toBe(web.listings.length);
  });
  it('compares stated totals with the lists', () => {
    expect(totalVerdict({ value: 92, listed: 93 })).toBe('不一致');
    expect(totalVerdict({ value: 447, listed: null })).toBe('无法核对');
    expect(totalVerdict({ value: 6, listed: 6 })).toBe('一致');
  });
  it('finds the anomalies that quote a name', () => {
    const anomalies = realCorpus().report.anomalies;
    const found = anomaliesNaming(anomalies, ['老年照护']).map((a) => a.kind);
    expect(found).toContain('organization-swap');
    expect(found).toContain('contact-identified');
    expect(anomaliesNaming(anomalies, ['Web'])).toEqual([]);
  });
});

describe('the URL of a skill row', () => {
  const corpus = realCorpus();
  const byStandard = certificatesByStandard(corpus.catalog.certificates);

  it('is /certificates/<certificate>/skills/<anchor>/, under the certificate whose standard holds the row', () => {
    expect(byStandard.get('web-qdkf')?.map((c) => c.id)).toEqual(['web-qdkf']);
    const row = web.find((r) => r.normalizedCode === '2-3-4-S5')!;
    expect(skillRowHref(row, byStandard)).toBe('/certificates/web-qdkf/skills/2-3-4-S5/');
    expect(skillRowHref({ standard: 'no-such-standard', anchor: 'x' }, byStandard)).toBeNull();
  });

  it('is the URL of the page page-props builds for the row, for every row', () => {
    const paths = skillPaths({ certificates: corpus.catalog.certificates, standards, skills: allRows, documents: corpus.documents });
    expect(paths.length).toBe(allRows.filter((r) => byStandard.has(r.standard)).length);
    const built = new Set(paths.map((p) => skillHref(p.params.id, p.params.anchor)));
    for (const r of allRows) if (byStandard.has(r.standard)) expect(built.has(skillRowHref(r, byStandard)!), r.anchor).toBe(true);
  });
});
