/**
 * The fees stage (scripts/ingest/fees.ts) on the real sources: every money figure printed in the
 * sources (re-found here from the raw lines) is classified, with the amounts, units, purposes and
 * lines read off the texts; the mixed-exam rule computes 380 for 60% 机考 + 40% 一般实操.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Fee, FeeRule } from '../../src/schema/timeline.ts';
import type { Place, Report } from '../../scripts/ingest/diagnostics.ts';
import { extractFees } from '../../scripts/ingest/fees.ts';
import { findMoney } from '../../scripts/ingest/fees/money.ts';
import { ceilingFormula, mixedCeiling } from '../../src/lib/fees.ts';
import { SOURCES, paragraphDoc, realCorpus, realSources } from '../helpers/corpus.ts';

const C000 = '000_44d53e97b2e1de92.txt';
const C001 = '001_614f8415cb5dd7e9.txt';
const C003 = '003_06cb2281395e9f18.txt';
const sources = Object.fromEntries(realSources().map((s) => [s.file, new TextDecoder().decode(s.bytes)]));
const corpus = realCorpus();
const anomalies: Array<Place & { ruleId: string; reason: string }> = [];
const collector = (into: typeof anomalies): Report => (place, ruleId, reason) => into.push({ ...place, ruleId, reason });
const { fees, rules, unclassified } = extractFees(corpus.documents, collector(anomalies), { certificates: corpus.catalog.certificates, organizations: corpus.catalog.organizations });

const at = (file: string, line: number) => fees.filter((f) => f.source.file === file && f.source.line === line);

describe('fees from the real sources', () => {
  it('are valid rows with unique ids', () => {
    expect(() => Fee.array().parse(fees)).not.toThrow();
    expect(() => FeeRule.array().parse(rules)).not.toThrow();
    expect(new Set(fees.map((f) => f.id)).size).toBe(fees.length);
  });

  it('classify every money figure the sources print (none left over)', () => {
    // Re-found from the raw lines, independent of the clause trees: "<n> 元…" and the 培训费（元） column.
    const printed: { file: string; line: number; amount: number }[] = [];
    for (const [file, text] of Object.entries(sources)) {
      text.split(/\r?\n/u).forEach((l, k) => {
        for (const m of findMoney(l)) printed.push({ file, line: k + 1, amount: m.amount });
      });
    }
    expect(printed).toHaveLength(16);
    for (const p of printed) expect(fees.some((f) => f.source.file === p.file && f.source.line === p.line && f.amount === p.amount), `${p.file}:${p.line} ${p.amount}`).toBe(true);
    expect(unclassified).toEqual([]);
    expect(anomalies.filter((a) => a.ruleId === 'fee-unclassified')).toEqual([]);
  });

  it('has the four exam-cost ceilings by exam form, as caps per person-time', () => {
    const caps = at(C001, 1523);
    expect(caps.map((f) => [f.item, f.amount, f.unit, f.nature, f.bound, f.purpose])).toEqual([
      ['纸笔考试', 200, '元/人次', 'cap', 'max', '考核成本上限'],
      ['机考', 300, '元/人次', 'cap', 'max', '考核成本上限'],
      ['一般实操', 500, '元/人次', 'cap', 'max', '考核成本上限'],
      ['特殊实操', 700, '元/人次', 'cap', 'max', '考核成本上限'],
    ]);
    expect(caps[2]!.itemPrinted).toBe('基于一般实训设备和场地的实操考试');
    expect(caps.every((f) => f.documentId === 'jzs-2019-314' && f.anchor === 's3')).toBe(true);
  });

  it('does not make students the payer of the caps: 314 does not say; 19号 (001:1433) and 003:134 name 试点院校', () => {
    const caps = at(C001, 1523);
    expect(caps.every((f) => f.payer === null && f.recipient === '培训评价组织')).toBe(true);
    for (const f of caps) {
      expect(f.payerElsewhere!.map((p) => [p.payer, p.documentId, p.source.file, p.source.line])).toEqual([
        ['试点院校', 'jzcth-2019-19', C001, 1433],
        ['试点院校', 'xmbh-2024-2', C003, 134],
      ]);
    }
    expect(caps[0]!.payerElsewhere![0]!.text).toMatch(/^试点院校可统筹财政拨款、学费及其他事业收入等办学经费分担培训考核费用/u);
    expect(caps[0]!.payerElsewhere![1]!.text).toBe('试点院校是 1+X 证书考核费用的支付责任主体。');
    expect(fees.filter((f) => f.payerElsewhere).length).toBe(4);
  });

  it('keeps the mixed-exam rule as a rule over those caps', () => {
    expect(rules).toHaveLength(1);
    const rule = rules[0]!;
    expect(rule).toMatchObject({ kind: 'weighted-by-score-share', documentId: 'jzs-2019-314', anchor: 's3', unit: '元/人次', text: '若为混合型考试，则根据各类型考核分值所占比例确定成本上限。' });
    expect(rule.components.map((c) => [c.item, c.amount])).toEqual([
      ['纸笔考试', 200],
      ['机考', 300],
      ['一般实操', 500],
      ['特殊实操', 700],
    ]);
    const c = mixedCeiling(rule, { 机考: 60, 一般实操: 40 });
    expect(c.total).toBe(380);
    expect(c.shareSum).toBe(100);
    expect(ceilingFormula(c)).toBe('0.6×300 + 0.4×500 = 380');
    expect(mixedCeiling(rule, { 纸笔考试: 50, 特殊实操: 50 }).total).toBe(450);
  });

  it('has the 2023 course fees: 1800 training (stated twice), 420 a night, 2400 and a 298 re-exam', () => {
    const [t1800, room] = at(C000, 197).concat(at(C000, 199));
    expect(t1800).toMatchObject({ amount: 1800, unit: '元/人', purpose: '培训费', nature: 'price', payer: '学员', organizer: '中国工程建设标准化协会', documentId: 'jbxz-2023-13' });
    // 000:199 “住宿费学员自理，乌鲁木齐信达海德酒店价格420元/晩”: the hotel's rate, not the organiser's fee.
    expect(room).toMatchObject({ amount: 420, unit: '元/晚', purpose: '住宿费', printed: '420元/晩', payer: '学员（自理）', organizer: '乌鲁木齐信达海德酒店', recipient: '乌鲁木齐信达海德酒店' });
    expect(at(C000, 212)[0]).toMatchObject({ amount: 1800, purpose: '培训费', repeats: t1800!.id });
    expect(at(C000, 234)[0]).toMatchObject({ amount: 2400, unit: '元/人', purpose: '培训费', subject: '公共基础课程' });
    expect(at(C000, 236)[0]).toMatchObject({ amount: 298, unit: '元/人', purpose: '补考费', subject: '公共基础课程' });
  });

  it('has the teacher-training fees and day rates, with the certificate and its organisation', () => {
    expect(at(C001, 1175).map((f) => [f.amount, f.unit, f.purpose, f.certificate, f.organizer])).toEqual([
      [3000, '元/人', '师资培训费', 'web-qdkf', '工业和信息化部教育与考试中心'],
      [600, '元/天/人', '师资培训费（日均）', 'web-qdkf', '工业和信息化部教育与考试中心'],
    ]);
    expect(at(C001, 1226).map((f) => [f.amount, f.unit, f.purpose, f.certificate])).toEqual([
      [3000, '元/期', '师资培训费', 'wlgl'],
      [600, '元/天', '师资培训费（日均）', 'wlgl'],
    ]);
    const rows = fees.filter((f) => f.anchor === 'at3-t1');
    expect(rows.map((f) => f.source.line)).toEqual([1237, 1238, 1239, 1240, 1242, 1243, 1244, 1245, 1246]);
    expect(rows.every((f) => f.amount === 3000 && f.purpose === '师资培训费' && f.certificate === 'wlgl')).toBe(true);
    expect(rows[4]!.item).toBe('物流管理技能等级认证第5期师资培训班');
    // Each class's 3000 repeats the plan's “费用为 3000 元/期” (001:1226).
    const plan = at(C001, 1226)[0]!;
    expect(plan.repeats).toBeNull();
    expect(rows.map((f) => f.repeats)).toEqual(Array(9).fill(plan.id));
  });

  it('has the subsidy, the funding level and the fund', () => {
    expect(at(C001, 1091)[0]).toMatchObject({ amount: 4000, unit: '元/人/年', purpose: '学徒培训补贴', nature: 'subsidy', bound: 'min', recipient: '企业' });
    expect(at(C001, 156)[0]).toMatchObject({ amount: 12000, unit: '元/生', purpose: '生均拨款', nature: 'funding', bound: 'min' });
    // 001:1097 “从失业保险基金结余中拿出的 1000 亿元”: out of the fund's surplus, not a budget appropriation.
    expect(at(C001, 1097)[0]).toMatchObject({ amount: 1e11, printed: '1000 亿元', unit: '元', purpose: '失业保险基金结余（用于职业技能提升行动）', nature: 'funding', payer: '失业保险基金（结余）' });
  });
});

describe('inline fixtures', () => {
  const doc = (text: string) => paragraphDoc(text, { issuers: ['某机关'] });

  it('reports a figure no rule names, at its line and column from the clause’s source map', () => {
    // Printed as “获奖者可得” on line 2 and the rest on line 3, rejoined into one paragraph.
    const d = doc('获奖者可得奖金 500 元。报名费 50 元/人次，不超过 80 元/人次。');
    d.clauses[0]!.lineStarts = [[0, 2, 1], [5, 3, 1]];
    const reported: typeof anomalies = [];
    const r = extractFees([d], collector(reported));
    expect(r.unclassified.map((u) => [u.amount, u.source.line])).toEqual([
      [500, 3],
      [50, 3],
      [80, 3],
    ]);
    expect(reported.filter((a) => a.ruleId === 'fee-unclassified').map((a) => [a.file, a.line, a.column])).toEqual([
      ['x.txt', 3, 4],
      ['x.txt', 3, 14],
      ['x.txt', 3, 26],
    ]);
    expect(reported[0]!.reason).toBe('金额“500 元”未能归类：“获奖者可得奖金 500 元。”');
  });

  it('pairs a 分别 list with its items and warns when counts differ', () => {
    const reported: typeof anomalies = [];
    const r = extractFees([doc('考核形式包括甲、乙、丙。考核成本分别不超过 10 元/人次、20 元/人次。')], collector(reported));
    expect(r.fees.map((f) => f.item)).toEqual([null, null]);
    expect(reported.map((a) => a.ruleId)).toContain('fee-list-mismatch');
  });
});
