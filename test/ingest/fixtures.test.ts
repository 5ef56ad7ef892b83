/**
 * Sources the parser was not tuned on: a law in Markdown with chapters and articles,
 * and a provincial notice with another wrapping width, other brackets and a table.
 */
import { describe, expect, it } from 'vitest';
import { findClause, memoCitation } from '../../src/lib/citation.ts';
import { ingestText } from '../helpers/corpus.ts';

const LAW = `# 中华人民共和国职业教育法

（1996年5月15日第八届全国人民代表大会常务委员会第十九次会议通过　2022年4月20日第十三届全国人民代表大会常务委员会第三十四次会议修订）

## 第一章　总　　则

**第一条**　为了推动职业教育高质量发展，提高劳动者素质和技术技能水平，促进就业创业，建设教育强国、人力资源强国和技能型社会，推进社会主义现代化建设，根据宪法，制定本法。

**第二条**　本法所称职业教育，是指为了培养高素质技术技能人才，使受教育者具备从事某种职业或者实现职业发展所需要的职业道德、科学文化与专业知识、技术技能等职业综合素质和行动能力而实施的教育，包括职业学校教育和职业培训。

机关、事业单位对其工作人员实施的专门培训由法律、行政法规另行规定。

## 第二章　职业教育体系

**第十四条**　国家建立健全适应经济社会发展需要，产教深度融合，职业学校教育和职业培训并重，职业教育与普通教育相互融通，不同层次职业教育有效贯通，服务全民终身学习的现代职业教育体系。

**第十五条**　职业学校教育分为中等职业学校教育、高等职业学校教育。
`;

// Wrapped at 20 characters, 文号 in square brackets, title above it, page markers, a table.
const NOTICE = `关于开展2021年职业技能等级
证书试点申报工作的通知
浙教职成[2021]15号
各市教育局，各高职院校，各有
关单位：
为做好2021年1+X证书制度试点工
作，现将有关事项通知如下：
一、申报范围
（一）申报院校
1.省内中等职业学校、高等职业学
校均可申报。
2.应用型本科高校可结合实际申报
，积极参与。
（二）申报证书
以下证书可申报：
序号	证书名称	评价组织
1	Web前端开发	工业和信息化部教育与考试中心
- 2 -
序号	证书名称	评价组织
2	物流管理	北京中物联物流采购培训中心
二、时间安排
申报时间为 3 月 1 日至 3 月 31
日，逾期不予受理。
附件：1.申报汇总表
      2.联系人名单
浙江省教育厅办公室 浙江省财政厅办公室
二〇二一年二月二十六日
抄送：教育部职业教育与成人教育司。
附件1
申报汇总表
（略）
`;

describe('a law in Markdown', () => {
  const { documents, report } = ingestText({ 'law.md': LAW }, { until: 'ids' });
  const law = documents[0]!;
  it('is one document of kind 法律, titled without the Markdown', () => {
    expect(documents).toHaveLength(1);
    // Dated by its version, the latest 通过/修正/修订 of its header (issue 16), not by its first 通过.
    expect(law).toMatchObject({ id: '2022-04-20-zhrmghgzyjyf', title: '中华人民共和国职业教育法', kind: '法律', docNumber: null, date: '2022-04-20' });
    expect(report.sources[0]!.coveredLines).toBe(report.sources[0]!.nonBlankLines);
  });
  it('nests articles in chapters and anchors them by article number', () => {
    const chapters = law.clauses.filter((c) => c.label?.startsWith('第'));
    expect(chapters.map((c) => [c.anchor, c.label, c.heading])).toEqual([
      ['ch1', '第一章', '总则'],
      ['ch2', '第二章', '职业教育体系'],
    ]);
    expect(chapters[1]!.children.map((c) => [c.anchor, c.label])).toEqual([['art14', '第十四条'], ['art15', '第十五条']]);
  });
  it('keeps an article’s second paragraph (款) inside the article', () => {
    const art2 = findClause(law, 'art2')!.clause;
    expect(art2.text).toMatch(/^本法所称职业教育/u);
    expect(art2.children.map((c) => c.text)).toEqual(['机关、事业单位对其工作人员实施的专门培训由法律、行政法规另行规定。']);
    expect(art2.children.map((c) => c.anchor)).toEqual(['art2-2']);
    // A law is cited by its article's path, without the chapter (issue 16; it was 第二章第十四条).
    expect(memoCitation(law, findClause(law, 'art14')!)).toBe('《中华人民共和国职业教育法》第十四条');
    expect(memoCitation(law, findClause(law, 'art2-2')!)).toBe('《中华人民共和国职业教育法》第二条第二款');
  });
});

describe('a notice wrapped at another width', () => {
  const { documents, report } = ingestText({ 'zj.txt': NOTICE }, { until: 'ids' });
  const d = documents[0]!;
  it('reads its elements', () => {
    expect(d).toMatchObject({
      id: 'zjzc-2021-15',
      title: '关于开展2021年职业技能等级证书试点申报工作的通知',
      docNumber: '浙教职成〔2021〕15号',
      date: '2021-02-26',
      issuers: ['浙江省教育厅办公室', '浙江省财政厅办公室'],
      addressees: ['各市教育局', '各高职院校', '各有关单位'],
      copiedTo: ['教育部职业教育与成人教育司'],
      attachments: [{ label: '1', title: '申报汇总表' }, { label: '2', title: '联系人名单' }],
    });
    expect(report.sources[0]).toMatchObject({ coveredLines: report.sources[0]!.nonBlankLines, noise: { 'page-number': 1, 'repeated-table-header': 1 } });
  });
  it('rejoins its 20-character lines without spaces', () => {
    expect(findClause(d, 'p1')!.clause.text).toBe('为做好2021年1+X证书制度试点工作，现将有关事项通知如下：');
    expect(findClause(d, 's1-1-1')!.clause.text).toBe('省内中等职业学校、高等职业学校均可申报。');
    expect(findClause(d, 's2-p1')!.clause.text).toBe('申报时间为 3 月 1 日至 3 月 31日，逾期不予受理。');
  });
  it('builds 一、（一）1. and one table across the page break', () => {
    expect(findClause(d, 's1-2')!.clause.heading).toBe('申报证书');
    const table = findClause(d, 's1-2-t1')!.clause.table!;
    expect(table.header!.cells.map((c) => c.text)).toEqual(['序号', '证书名称', '评价组织']);
    expect(table.rows.map((r) => r.cells[1]!.text)).toEqual(['Web前端开发', '物流管理']);
    expect(d.clauses.find((c) => c.kind === 'attachment')).toMatchObject({ anchor: 'a1', label: '附件1', heading: '申报汇总表' });
  });
});
