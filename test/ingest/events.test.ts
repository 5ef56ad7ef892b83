/**
 * The events stage (scripts/ingest/events.ts): date expressions (events/dates.ts) on inline
 * strings, then the events and batch steps read from the real sources. Dates and lines were read
 * off the source texts; each event's cited line is re-checked against the raw source.
 */
import { describe, expect, it } from 'vitest';
import { BatchStep, TimelineEvent } from '../../src/schema/timeline.ts';
import type { Place, Report } from '../../scripts/ingest/diagnostics.ts';
import { extractEvents, shortTitle } from '../../scripts/ingest/events.ts';
import { findDateExpressions } from '../../scripts/ingest/events/dates.ts';
import { dateLine, findDate } from '../../src/lib/text/dates.ts';
import { C000, C001, C002, C003, C004, paragraphDoc, rawLines, realCorpus } from '../helpers/corpus.ts';

const raw = rawLines;
const corpus = realCorpus();
const anomalies: Array<Place & { ruleId: string; reason: string }> = [];
const collect: Report = (place, ruleId, reason) => anomalies.push({ ...place, ruleId, reason });
const { events, steps } = extractEvents(corpus.documents, corpus.catalog.batches, collect, { totals: corpus.catalog.totals });

const one = (documentId: string, kind: string, date: string) => {
  const found = events.filter((e) => (e.documentId === documentId || e.alsoIn.some((a) => a.documentId === documentId)) && e.kind === kind && e.date === date);
  expect(found, `${documentId} ${kind} ${date}`).toHaveLength(1);
  return found[0]!;
};
const expr = (text: string, year: number | null = 2019) =>
  findDateExpressions(text, year).map((e) => ({ date: e.date, endDate: e.endDate, precision: e.precision, deadline: e.deadline, fromDoc: e.yearFromDocument }));

describe('date expressions', () => {
  it('reads a day range with the end month and year left out or given', () => {
    expect(expr('公示期:2019年3月26日至3月31日')).toEqual([{ date: '2019-03-26', endDate: '2019-03-31', precision: 'day', deadline: false, fromDoc: false }]);
    expect(expr('公示期：2019年11月26日—12月2日')[0]).toMatchObject({ date: '2019-11-26', endDate: '2019-12-02' });
    expect(expr('公示期:2019年12月27日至2020年1月2日')[0]).toMatchObject({ date: '2019-12-27', endDate: '2020-01-02' });
    expect(expr('定于2023年7月20日-22日在新疆', 2023)[0]).toMatchObject({ date: '2023-07-20', endDate: '2023-07-22' });
  });

  it('takes a missing year from the document, rolling over into the next year', () => {
    expect(expr('申报时间为 9 月 4 日至 10 月 7 日。', 2024)).toEqual([{ date: '2024-09-04', endDate: '2024-10-07', precision: 'day', deadline: false, fromDoc: true }]);
    expect(expr('12月28日至1月3日', 2019)[0]).toMatchObject({ date: '2019-12-28', endDate: '2020-01-03' });
    expect(expr('7月29-8月2日')[0]).toMatchObject({ date: '2019-07-29', endDate: '2019-08-02' });
    expect(expr('8月5-9日')[0]).toMatchObject({ date: '2019-08-05', endDate: '2019-08-09' });
  });

  it('keeps a month a month, and month ranges as months', () => {
    expect(expr('2018年9月,教育部职业技术教育中心研究所')).toEqual([{ date: '2018-09', endDate: null, precision: 'month', deadline: false, fromDoc: false }]);
    expect(expr('2019 年 7 月至 8 月。')[0]).toMatchObject({ date: '2019-07', endDate: '2019-08', precision: 'month' });
    expect(expr('2019 年 7-8 月物流管理技能等级证书师资培训计划表')[0]).toMatchObject({ date: '2019-07', endDate: '2019-08', precision: 'month' });
    expect(expr('5 月，各省（市、区）教育行政部门')[0]).toMatchObject({ date: '2019-05', precision: 'month', fromDoc: true });
  });

  it('marks deadlines', () => {
    expect(expr('于 2019 年 4 月 30 日前将汇总表扫描版发至指定邮箱')[0]).toMatchObject({ date: '2019-04-30', deadline: true });
    expect(expr('平台申报开放时间至 4 月 30 日止。', 2020)[0]).toMatchObject({ date: '2020-04-30', deadline: true });
    expect(expr('报名截止日期7月7日。', 2023)[0]).toMatchObject({ date: '2023-07-07', deadline: true });
  });

  it('reads a year alone only as a milestone', () => {
    expect(expr('到 2022 年，职业院校教学条件基本达标')).toMatchObject([{ date: '2022', precision: 'year' }]);
    expect(expr('2019年至2021年，持续开展职业技能提升行动')).toMatchObject([{ date: '2019', endDate: '2021', precision: 'year' }]);
    expect(expr('研究部署。2020年下半年，做好试点工作阶段性总结')).toMatchObject([{ date: '2020', precision: 'year' }]);
    expect(expr('自 2017 年以来连续 3 年招生')).toEqual([]);
    expect(expr('其中2019年培训1500万人次以上')).toEqual([]);
    expect(expr('时间: 2020 年月日')).toEqual([]);
    expect(expr('申报批次: 2020年第一次')).toEqual([]);
  });
});

describe('events from the real sources', () => {
  it('are valid rows with unique ids', () => {
    expect(() => TimelineEvent.array().parse(events)).not.toThrow();
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.length).toBe(70);
  });

  it('cite the line the date is printed on', () => {
    for (const e of events) {
      const line = raw(e.source.file)[e.source.line - 1]!;
      if (e.anchor === null || e.kind === '确认') expect(dateLine(line) ?? findDate(line)?.iso, `${e.id}`).toBe(e.date);
      else if (e.printed !== '即日起') expect(line.replace(/\s/gu, ''), `${e.id}`).toContain(e.printed.replace(/\s/gu, '').slice(0, 5));
    }
  });

  it('has the publicity periods of the batch notices and the cost-cap notice', () => {
    expect(one('zjs-2019-67', '公示期', '2019-03-26')).toMatchObject({ endDate: '2019-03-31', source: { file: C001, line: 190 }, anchor: 'p2', batch: 1 });
    expect(one('jzs-2019-341', '公示期', '2019-12-27')).toMatchObject({ endDate: '2020-01-02', source: { file: C001, line: 1557 }, batch: 3 });
    expect(one('jzs-2019-314', '公示期', '2019-11-26')).toMatchObject({ endDate: '2019-12-02', source: { file: C001, line: 1533 } });
    expect(one('jzs-2019-137', '公示期', '2019-06-12')).toMatchObject({ endDate: '2019-06-20', source: { file: C001, line: 1121 } });
  });

  it('has the calls for organisations, once each, citing every notice that states them', () => {
    const call = one('zjs-2019-67', '招募', '2018-09');
    expect(call.precision).toBe('month');
    expect([call.documentId, ...call.alsoIn.map((a) => a.documentId)].sort()).toEqual(['jzs-2019-219', 'jzs-2019-89', 'zjs-2019-67']);
    expect(one('jzs-2019-341', '招募', '2019-04')).toMatchObject({ precision: 'month', label: '发布《关于持续招募职业教育培训评价组织的公告》' });
  });

  it('has confirmations, deadlines and application windows, the year taken from the document where not printed', () => {
    expect(one('jzs-2019-89', '确认', '2019-04-15').batch).toBe(1);
    expect(one('jzs-2019-219', '确认', '2019-08-27').batch).toBe(2);
    expect(one('jzcsh-2019-36', '截止', '2019-04-30')).toMatchObject({ yearFromDocument: false, source: { file: C002, line: 200 } });
    expect(one('jzcsh-2019-89', '截止', '2019-09-20').source).toEqual({ file: C001, line: 1343 });
    expect(one('2019-04-23-scsjytzfjybzcsgyzhsp', '截止', '2019-04-26')).toMatchObject({ yearFromDocument: true, source: { file: C002, line: 43 } });
    expect(one('ljzch-2020-10', '截止', '2020-04-30')).toMatchObject({ yearFromDocument: true, source: { file: C004, line: 45 } });
    expect(one('xmbh-2024-2', '申报', '2024-09-04')).toMatchObject({ endDate: '2024-10-07', yearFromDocument: true, source: { file: C003, line: 68 } });
    expect(one('xmbh-2024-2', '截止', '2024-10-07').source).toEqual({ file: C003, line: 89 });
    expect(one('jbxz-2023-13', '截止', '2023-07-07').source).toEqual({ file: C000, line: 208 });
    expect(one('jbxz-2023-13', '截止', '2023-07-10').source).toEqual({ file: C000, line: 210 });
  });

  it('has training classes: the 2023 class once, the 2023-08 class by month, nine logistics classes', () => {
    expect(one('jbxz-2023-13', '培训', '2023-07-20')).toMatchObject({ endDate: '2023-07-22', source: { file: C000, line: 33 } });
    expect(one('jbxz-2023-13', '培训', '2023-08')).toMatchObject({ precision: 'month', endDate: null, source: { file: C000, line: 240 } });
    const classes = events.filter((e) => e.documentId === 'jzs-2019-137' && e.anchor === 'at3-t1');
    expect(classes.map((e) => [e.date, e.endDate, e.source.line])).toEqual([
      ['2019-07-01', '2019-07-05', 1237],
      ['2019-07-08', '2019-07-12', 1238],
      ['2019-07-15', '2019-07-19', 1239],
      ['2019-07-22', '2019-07-26', 1240],
      ['2019-07-29', '2019-08-02', 1242],
      ['2019-08-05', '2019-08-09', 1243],
      ['2019-08-12', '2019-08-16', 1244],
      ['2019-08-19', '2019-08-23', 1245],
      ['2019-08-26', '2019-08-30', 1246],
    ]);
    expect(classes.every((e) => e.kind === '培训' && e.yearFromDocument)).toBe(true);
    expect(one('jzs-2019-137', '培训', '2019-07')).toMatchObject({ endDate: '2019-08', precision: 'month' });
  });

  it('has the platform launch, the meeting, and the plans’ milestones by year', () => {
    expect(one('jzcsh-2020-4', '平台', '2020-01-11')).toMatchObject({ label: 'X证书服务平台、学分银行信息平台上线试运行', source: { file: C001, line: 1673 } });
    expect(one('jzcsh-2019-102', '会议', '2019-11-05').source.line).toBe(1483);
    const milestones = (id: string) => events.filter((e) => e.documentId === id && e.kind === '里程碑').map((e) => [e.date, e.endDate, e.precision]);
    expect(milestones('jzc-2019-6')).toEqual([
      ['2019', null, 'year'],
      ['2019', null, 'year'],
      ['2020', null, 'year'],
    ]);
    expect(milestones('gf-2019-4')).toContainEqual(['2022', null, 'year']);
    expect(milestones('gbf-2019-24')).toEqual([
      ['2019', '2021', 'year'],
      ['2021', null, 'year'],
    ]);
    expect(events.find((e) => e.documentId === 'jzc-2019-6' && e.date === '2020')!.label).toBe('下半年：做好试点工作阶段性总结');
  });

  it('has every document date, and attachments’ signature dates', () => {
    for (const d of corpus.documents) {
      if (!d.date || d.kind === '法律') continue;
      expect(events.some((e) => e.documentId === d.id && e.date === d.date && (e.kind === '成文' || e.kind === '确认')), d.id).toBe(true);
    }
    expect(one('jzs-2019-137', '成文', '2019-06-11')).toMatchObject({ anchor: 'a2-s6-p2', label: 'Web 前端开发职业技能等级证书师资培训方案' });
    expect(one('jbxz-2023-13', '成文', '2023-06-06').source).toEqual({ file: C000, line: 262 });
  });

  it('cite a document’s own date where the document says it is printed (its dateSource), not by searching the source', () => {
    const dated = corpus.documents.filter((d) => d.dateSource);
    expect(dated).toHaveLength(20);
    for (const d of dated) {
      const own = events.filter((e) => e.documentId === d.id && e.date === d.date && ((e.kind === '成文' && e.anchor === null) || e.kind === '确认'));
      expect(own.length, d.id).toBeGreaterThan(0);
      for (const e of own) expect(e.source, d.id).toEqual({ file: d.dateSource!.file, line: d.dateSource!.line });
    }
    expect(one('jzc-2019-6', '成文', '2019-04-04').source).toEqual({ file: C001, line: 822 });
  });

  it('leaves out what is not a pilot event: glossary dates, conditions, blank form fields (reported)', () => {
    expect(events.some((e) => e.date.startsWith('2001') || e.date.startsWith('1999') || e.date === '2017')).toBe(false);
    // Reported through the one channel, at the blank date itself: 004:309 “2020 年 月 日”.
    const blank = anomalies.filter((a) => a.ruleId === 'blank-date');
    expect(blank.map((a) => [a.file, a.line])).toEqual([[C004, 309]]);
    expect(raw(C004)[308]!.slice(blank[0]!.column! - 1)).toMatch(/^2020\s*年\s*月\s*日/u);
    expect(blank[0]!.reason).toMatch(/^日期栏为空：/u);
  });
});

describe('labels say what happens (correction 6, read against the sources)', () => {
  const label = (documentId: string, date: string, kind?: string) => {
    const found = events.filter((e) => e.documentId === documentId && e.date === date && (!kind || e.kind === kind));
    expect(found, `${documentId} ${date}`).toHaveLength(1);
    return found[0]!.label;
  };

  it('004:45 “平台申报开放时间至 4 月 30 日止” is the platform’s closing date', () => {
    expect(one('ljzch-2020-10', '截止', '2020-04-30')).toMatchObject({ label: '平台申报截止', source: { file: C004, line: 45 } });
  });

  it('001:1204 2019-07→08 is the 物流管理 (中物联) teacher training, not every organisation’s', () => {
    const e = one('jzs-2019-137', '培训', '2019-07');
    expect(e).toMatchObject({ label: '物流管理职业技能等级证书师资培训', source: { file: C001, line: 1204 } });
    expect(raw(C001).slice(1197, 1230).join('')).toContain('北京中物联物流采购培训中心');
  });

  it('001:1151 预计培养1000名双师型教师 is the Web 前端开发 plan’s figure; 000:240 2023-08 is planned (拟于)', () => {
    expect(one('jzs-2019-137', '里程碑', '2019-09')).toMatchObject({ label: 'Web 前端开发：预计培养1000名“双师型”教师', source: { file: C001, line: 1151 } });
    expect(one('jbxz-2023-13', '培训', '2023-08').label).toBe('“1+X”标准编审职业技能等级证书（初级）第 11期远程教育学习班拟举行');
  });

  it('1996-09-01 (001:36) is a date the compilation prints before a law, not a 成文 date', () => {
    const law = events.filter((e) => e.date === '1996-09-01');
    expect(law).toHaveLength(1);
    expect(law[0]).toMatchObject({ kind: '里程碑', label: '《中华人民共和国职业教育法》（汇编所注日期）', source: { file: C001, line: 36 } });
    expect(raw(C001)[35]).toMatch(/^1996年9月1日：《中华人民共和国职业教育法》/u);
    // 001:40 “2018年12月29日印发的《中华人民共和国劳动法》”: the text says 印发, of the whole law.
    expect(events.find((e) => e.date === '2018-12-29')).toMatchObject({ kind: '成文', label: '《中华人民共和国劳动法》印发', source: { file: C001, line: 40 } });
  });

  it('a confirmation cites the line its date is printed on (001:930, 001:1262)', () => {
    expect(one('jzs-2019-89', '确认', '2019-04-15')).toMatchObject({ anchor: 'p1', source: { file: C001, line: 930 } });
    expect(one('jzs-2019-219', '确认', '2019-08-27')).toMatchObject({ anchor: 'p1', source: { file: C001, line: 1262 } });
    expect(raw(C001)[929]!.trim()).toBe('2019年4月15日');
    expect(raw(C001)[1261]!.trim()).toBe('2019 年 8 月 27 日');
  });

  it('gives fragments their subject, verb and object', () => {
    const at = (file: string, line: number) => events.filter((e) => e.source.file === file && e.source.line === line).map((e) => e.label);
    expect(at(C001, 62)).toEqual(['在职业院校、应用型本科高校启动“学历证书+若干职业技能等级证书”制度试点工作']);
    expect(at(C001, 104)).toEqual(['推动职业院校在 10 个左右技术技能人才紧缺领域大力开展职业培训']);
    expect(at(C001, 130)).toEqual(['职业院校、应用型本科高校相关专业教师原则上从具有3年以上企业工作经历并具有高职以上学历的人员中公开招聘', '基本不再从应届毕业生中招聘']);
    expect(at(C001, 840)).toEqual(['启动 1+X 证书制度试点工作']);
    expect(at(C001, 1343)).toEqual(['将《第二批 1+X 证书制度试点院校情况汇总表》的电子版及盖章（省厅公章）后的扫描版发至指定邮箱']);
    expect(at(C002, 43)).toEqual(['各地各校有意参与试点的单位填写《四川省首批 1+X 证书制度试点院校申报表》报送至教育厅']);
    expect(at(C002, 200)).toEqual(['将《首批 1+X 证书制度试点院校情况汇总表》扫描版发至指定邮箱']);
    expect(at(C002, 204)).toEqual(['各省（市、区）教育行政部门会同省级财政部门做好中央财政转移支付资金的分配']);
    expect(at(C000, 208)).toEqual(['“1+X”标准编审职业技能等级证书（初级）第三期工程建设标准化教育学习班报名截止']);
    expect(at(C003, 68)).toEqual(['2024年第二批1+X证书试点申报']);
  });

  it('every label is a complete phrase: no cut, no dangling mark, a verb or a named document, class or milestone', () => {
    const VERB = /开展|启动|建立|探索|监测|评估|招聘|推动|建成|做好|发挥|达标|达到|举办|举行|培养|发布|召开|上线|截止|申报|培训|报送|发至|汇入|填报|公示|确认|分配|印发|转发|培训班/u;
    for (const e of events) {
      expect(e.label, e.id).not.toMatch(/…$|[、，,：:；的（(“《]$/u);
      expect(e.label, e.id).not.toMatch(/^[、，,：:；）)]/u);
      expect(e.label, e.id).not.toMatch(/时间$|日期$|^[^：]{1,6}(?:时间|日期)：/u);
      expect(e.label, e.id).not.toMatch(/以下简称|以下称/u);
      // 成文 / 确认 / 公示期 name a document; the rest say what happens.
      if (!['成文', '确认'].includes(e.kind) && !/汇编所注日期/u.test(e.label)) expect(e.label, e.id).toMatch(VERB);
    }
  });
});

describe('batch steps', () => {
  const step = (id: string) => steps.find((s) => s.id === id)!;

  it('are valid rows in date order', () => {
    expect(() => BatchStep.array().parse(steps)).not.toThrow();
    expect(steps.map((s) => s.id)).toEqual(['batch-1', 'batch-2', 'expansion-jzcsh-2019-98', 'batch-3', 'total-92', 'total-447']);
  });

  it('give each batch its notices, dates and sizes', () => {
    expect(step('batch-1')).toMatchObject({ name: '首批', announced: '2019-03-26', publicity: { start: '2019-03-26', end: '2019-03-31' }, confirmed: '2019-04-15', certificates: 6, organizations: 5 });
    expect(step('batch-1').notices.map((n) => [n.role, n.documentId])).toEqual(
      expect.arrayContaining([
        ['公示', 'zjs-2019-67'],
        ['确认', 'jzs-2019-89'],
        ['工作通知', 'jzcsh-2019-36'],
      ]),
    );
    expect(step('batch-2')).toMatchObject({ announced: null, confirmed: '2019-08-27', certificates: 10, organizations: 10 });
    expect(step('batch-3')).toMatchObject({ announced: '2019-12-27', publicity: { start: '2019-12-27', end: '2020-01-02' }, confirmed: null, certificates: 77, organizations: 64 });
    expect(step('batch-3').notices).toContainEqual(expect.objectContaining({ role: '确认', documentId: null, docNumber: '教职所〔2020〕21号' }));
    expect(step('batch-3').notices).toContainEqual(expect.objectContaining({ role: '申报通知', documentId: 'ljzch-2020-10' }));
  });

  it('have the 扩大试点 step and the stated totals (92 of three batches, 447 of four)', () => {
    expect(step('expansion-jzcsh-2019-98')).toMatchObject({ date: '2019-10-25', certificates: null, anchor: 's1', source: { file: C001, line: 1289 } });
    expect(step('total-92')).toMatchObject({ date: '2020-04-14', certificates: 92, listed: 93, batches: [1, 2, 3], source: { file: C004, line: 15 } });
    expect(step('total-447')).toMatchObject({ date: '2024-09-04', certificates: 447, listed: null, batches: [1, 2, 3, 4], source: { file: C003, line: 23 } });
  });

  it('a province’s 2024年第二批 is not the pilot’s 第二批', () => {
    expect(events.filter((e) => e.documentId === 'xmbh-2024-2').every((e) => e.batch === null)).toBe(true);
  });
});

describe('inline fixtures', () => {
  const doc = (text: string, date = '2021-03-01') => paragraphDoc(text, { title: '关于做好第五批试点工作的通知', date });

  it('takes the exact line from the clause’s source map, and the year from the document', () => {
    // Printed as “请于” on line 2 and “5 月 10 日前…” on line 3, rejoined into one paragraph.
    const d = doc('请于 5 月 10 日前报送材料，逾期不予受理。');
    d.clauses[0]!.lineStarts = [[0, 2, 1], [3, 3, 1]];
    const { events: es } = extractEvents([d], [], () => {});
    expect(es.find((e) => e.kind === '截止')).toMatchObject({ date: '2021-05-10', yearFromDocument: true, source: { file: 'x.txt', line: 3 }, batch: 5, label: '报送材料，逾期不予受理' });
  });

  it('labels another notice of the same kind by the same rules', () => {
    const notice = (text: string, title = '关于做好2025年第一批1+X证书试点申报工作的通知') => extractEvents([paragraphDoc(text, { title, date: '2025-03-01' })], [], () => {}).events.filter((e) => e.kind !== '成文');
    expect(notice('申报时间为 3 月 4 日至 3 月 20 日。')[0]).toMatchObject({ kind: '申报', label: '2025年第一批1+X证书试点申报' });
    expect(notice('报名截止日期3月7日。', '关于举办第五期工程建设标准化教育学习班的通知')[0]).toMatchObject({ kind: '截止', label: '第五期工程建设标准化教育学习班报名截止' });
    expect(notice('平台申报开放时间至 4 月 30 日止。')[0]!.label).toBe('平台申报截止');
    expect(notice('第 12 期远程教育学习班拟于 2025 年 9 月举行。')[0]!.label).toBe('第 12 期远程教育学习班拟举行');
    expect(notice('4 月，各市教育局根据试点方案要求和区域实际，会同财政部门做好资金分配。')[0]!.label).toBe('各市教育局会同财政部门做好资金分配');
    expect(notice('自 2025 年开始，重点围绕先进制造业，从 5 个领域做起，启动证书试点工作。')[0]!.label).toBe('启动证书试点工作');
    // A phrase that ends the sentence is the action, even when it opens with 按照.
    expect(notice('试点院校于 4 月 30 日前按照规定结清或支付证书考核费用。')[0]!.label).toBe('试点院校按照规定结清或支付证书考核费用');
    expect(notice('各校请于 3 月 26 日前填写《试点院校申报表》（附件 1）报送至教育厅。')[0]!.label).toBe('各校填写《试点院校申报表》报送至教育厅');
    expect(notice('填写《试点院校情况汇总表》（附件 2），于 3 月 30 日前将汇总表发至指定邮箱。')[0]!.label).toBe('将《试点院校情况汇总表》发至指定邮箱');
  });

  it('shortens titles', () => {
    expect(shortTitle({ title: '教育部等四部门印发《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》', enclosedTitle: null })).toBe('在院校实施“学历证书+若干职业技能等级证书”制度试点方案');
  });
});
