/**
 * The catalog stage (scripts/ingest/catalog.ts) on the real sources, plus small inline fixtures.
 * Figures were counted off the source texts (tab-separated rows of each list table) and are
 * re-counted here from the raw lines where that is cheap, so a parser change cannot move both.
 */
import { describe, expect, it } from 'vitest';
import { Batch, Certificate, Organization, StatedTotal } from '../../src/schema/catalog.ts';
import type { Anomaly, PolicyDocument } from '../../src/schema/corpus.ts';
import { extractCatalog } from '../../scripts/ingest/catalog.ts';
import type { Report } from '../../scripts/ingest/diagnostics.ts';
import { certificateName, completeEnding, looksTruncated, slug } from '../../scripts/ingest/catalog/names.ts';
import { batchesNamed } from '../../scripts/ingest/catalog/tables.ts';
import { C001, C002, C003, C004, ingestText, rawLines, realCorpus } from '../helpers/corpus.ts';

const raw = rawLines;

/** The catalog of some documents, with the messages it reports (as report.json lists them). */
function catalogOf(documents: PolicyDocument[]) {
  const anomalies: Anomaly[] = [];
  const report: Report = (place, kind, message) => anomalies.push({ file: place.file, line: place.line, column: place.column, kind, message });
  return { ...extractCatalog(documents, report), anomalies };
}

const catalog = catalogOf(realCorpus().documents);
const { certificates, organizations, batches, totals, anomalies } = catalog;

const cert = (name: string) => {
  const c = certificates.find((x) => x.name === name);
  if (!c) throw new Error(`no certificate ${name}`);
  return c;
};
const org = (id: string) => organizations.find((o) => o.id === id)!;
const of = (kind: string) => anomalies.filter((a) => a.kind === kind);

/** Tab-separated data rows of a table printed between two lines (inclusive), as the source has them. */
function rawRows(file: string, from: number, to: number): string[][] {
  return raw(file)
    .slice(from - 1, to)
    .map((l) => l.split('\t').map((c) => c.trim()))
    .filter((cells) => cells.length >= 3 && cells[0] !== '序号');
}

describe('schemas', () => {
  it('every output validates against src/schema/catalog.ts', () => {
    expect(() => Certificate.array().parse(certificates)).not.toThrow();
    expect(() => Organization.array().parse(organizations)).not.toThrow();
    expect(() => Batch.array().parse(batches)).not.toThrow();
    expect(() => StatedTotal.array().parse(totals)).not.toThrow();
  });

  it('ids are unique, ASCII and readable', () => {
    expect(new Set(certificates.map((c) => c.id)).size).toBe(certificates.length);
    expect(new Set(organizations.map((o) => o.id)).size).toBe(organizations.length);
    expect(cert('Web 前端开发').id).toBe('web-qdkf');
    expect(cert('建筑信息模型（BIM）').id).toBe('jzxxmx-bim');
    expect(cert('5G 基站建设与维护').id).toBe('5g-jzjsywh');
    expect(cert('物流管理').id).toBe('wlgl');
  });

  it('is deterministic', () => {
    expect(catalogOf(realCorpus().documents)).toEqual(catalog);
  });
});

describe('batches', () => {
  it('counts 6/10/77 certificates and 5/10/64 organisations, as the raw list rows do', () => {
    // 首批: zjs-2019-67 附件1 (001:213–218, 5 rows + 1 continuation row); 第二批: jzs-2019-219 (001:1270–1279); 第三批: jzs-2019-341 (001:1583–1663).
    const b1 = rawRows(C001, 213, 218);
    const b2 = rawRows(C001, 1270, 1279);
    const b3 = rawRows(C001, 1583, 1663);
    expect([b1.length, b2.length, b3.length]).toEqual([6, 10, 77]);
    expect([b1, b2, b3].map((rows) => new Set(rows.map((r) => r[1]).filter(Boolean)).size)).toEqual([5, 10, 64]);

    expect(batches.map((b) => [b.id, b.name, b.certificates, b.organizations])).toEqual([
      ['batch-1', '首批', 6, 5],
      ['batch-2', '第二批', 10, 10],
      ['batch-3', '第三批', 77, 64],
    ]);
    expect([1, 2, 3].map((n) => certificates.filter((c) => c.batch === n).length)).toEqual([6, 10, 77]);
    expect(certificates).toHaveLength(93);
    // Four organisations appear in two batches (新奥、中船舰客、中联、阳光大姐 2+3); 廊坊 runs batch 1's BIM jointly
    // (a joint name, its own entry) and batch 3's 装配式 alone.
    expect(organizations).toHaveLength(5 + 10 + 64 - 4);
    expect(organizations.filter((o) => o.batches.length > 1).map((o) => o.batches)).toEqual([[2, 3], [2, 3], [2, 3], [2, 3]]);
  });

  it('names the notices that announced and confirmed each batch, with their dates', () => {
    const b = (n: number) => batches.find((x) => x.number === n)!;
    expect(b(1).announced).toMatchObject({ document: 'zjs-2019-67', date: '2019-03-26' });
    expect(b(1).confirmed).toMatchObject({ document: 'jzs-2019-89', date: '2019-04-15' });
    expect(b(2).announced).toBeNull();
    expect(b(2).confirmed).toMatchObject({ document: 'jzs-2019-219', date: '2019-08-27' });
    expect(b(3).announced).toMatchObject({ document: 'jzs-2019-341', date: '2019-12-27' });
    // The batch-3 confirmation is only cited (in 004), not in the corpus.
    expect(b(3).confirmed).toEqual({
      document: null,
      docNumber: '教职所〔2020〕21号',
      title: '关于确认参与 1+X 证书制度试点的第三批职业教育培训评价组织及职业技能等级证书的通知',
      date: null,
      citedIn: { document: 'ljzch-2020-10', anchor: 'p1', line: 11 },
    });
  });
});

describe('certificates', () => {
  it('normalises names: suffix, cut-off suffix, extraction spaces, brackets', () => {
    expect(cert('Web 前端开发').fullName).toBe('Web 前端开发职业技能等级证书');
    expect(cert('云计算平台运维与开发').aliases).toEqual([]);
    expect(cert('垃圾焚烧发电运行与维护').aliases).toContain('垃圾焚烧发电运行与维护职业技能等级证');
    expect(cert('物联网智能家居系统集成和应用').aliases).toContain('物联网智能家居系统集成和应用职业技能');
    expect(cert('失智老年人照护').aliases).toContain('失智老年人');
    expect(cert('建筑信息模型（BIM）').aliases).toEqual(expect.arrayContaining(['BIM', '建筑信息模型 BIM']));
    expect(cert('车联网系统集成和应用').aliases).toEqual(['车联网系统集成与应用']);
    expect(of('certificate-name-truncated').map((a) => a.line)).toEqual([1594, 1599, 1606, 1619, 1630, 1640, 1645]);
    // Each points at the certificate cell (the third, after 序号 and the organisation).
    for (const a of of('certificate-name-truncated')) expect(a.column).toBe(raw(C001)[a.line - 1]!.split('\t').slice(0, 2).join('\t').length + 2);
  });

  it('gives a continuation row the organisation above it', () => {
    expect(cert('智能新能源汽车').organizations).toEqual(cert('汽车运用与维修').organizations);
    expect(org(cert('智能新能源汽车').organizations[0]!).name).toBe('北京中车行高新技术有限公司');
    expect(cert('智能新能源汽车').listings.find((l) => l.document === 'zjs-2019-67')).toMatchObject({ row: null, line: 218, anchor: 'a1-t1', status: '公示' });
  });

  it('lists each certificate where it is printed: lists, contact tables, running text', () => {
    const web = cert('Web 前端开发');
    expect(web.listings.map((l) => [l.document, l.status])).toEqual([
      ['zjs-2019-67', '公示'],
      ['jzs-2019-89', '确认'],
      ['ljzch-2020-10', '联系表'],
      ['jzcsh-2019-36', '联系表'],
      ['jzcsh-2019-36', '正文'],
      ['2019-04-23-scsjytzfjybzcsgyzhsp', '正文'],
    ]);
    expect(web.standard).toBeNull();
    // The batch-2 names in jzcsh-2019-89 一、
    expect(certificates.filter((c) => c.listings.some((l) => l.document === 'jzcsh-2019-89' && l.status === '正文'))).toHaveLength(10);
  });

  it('reads contacts from 004 (tabbed) and 002 (one cell per line)', () => {
    const bim = cert('建筑信息模型（BIM）').contacts;
    expect(bim.map((c) => [c.file, c.line])).toEqual([[C004, 68], [C002, 270]]);
    expect(bim[0]).toMatchObject({ persons: ['胡晓光', '张建奇'], phones: ['0316-5915508', '010-88390280'], mobiles: ['18611533890', '13366465781'] });
    expect(bim[1]).toMatchObject({ fax: ['0316-5915508'], emails: ['511470041@qq.com'], address: '河北省廊坊市经济开发区一号楼106号新亚大厦316-318室', postcode: '065009' });
    // 002's rows 3–6 print no certificate name: identified by numbers shared with 004.
    expect(cert('老年照护').contacts.find((c) => c.file === C002)).toMatchObject({ line: 326, emails: ['fuyizhulao@126.com'], postcode: '100054' });
    expect(cert('物流管理').contacts.find((c) => c.file === C002)).toMatchObject({ line: 348, emails: ['clppCN@126.com'], postcode: '100079' });
    expect(cert('智能新能源汽车').contacts.find((c) => c.file === C002)?.line).toBe(393);
    expect(of('contact-identified')).toHaveLength(4);
    // A continuation row without contact cells shares the row above's contact.
    expect(cert('冶金机电设备点检').contacts).toMatchObject([{ line: 101, persons: ['马月'] }]);
    // …and one with its own contact keeps it.
    expect(cert('邮轮运营服务').contacts).toMatchObject([{ line: 165, persons: ['王东昭'] }]);
    expect(certificates.filter((c) => c.contacts.some((x) => x.file === C004))).toHaveLength(92);
  });

  it('separates the two contacts 004:84–85 print in one cell, and says what it did', () => {
    // As printed: a space between the two persons, and one inside the letter-spaced two-character name.
    expect(raw(C004)[83]).toContain('\t李 凯 徐庆振\t');
    expect(raw(C004)[84]).toContain('\t罗婉蓉 邓 立\t');
    const persons = [cert('母婴护理'), cert('传感网应用开发')].map((c) => c.contacts.find((x) => x.file === C004)!.persons);
    const at = (kind: string) => of(kind).filter((a) => a.file === C004).map((a) => [a.line, a.column]);
    // The cell reaches the catalog as printed (TableCell.printed): separated, and reported as separated.
    expect(persons).toEqual([['李凯', '徐庆振'], ['罗婉蓉', '邓立']]);
    expect(at('contact-names-spaced')).toEqual([[84, 23], [85, 27]]);
    expect(of('contact-names-spaced')[0]!.message).toBe('联系人一格“李 凯 徐庆振”按空格分为 2 人：“李凯”、“徐庆振”（“李 凯”字间的空格是姓名排印时加的，合为一名）');
    expect(of('contact-names-joined')).toEqual([]);
  });
});

describe('organisations', () => {
  it('repairs every organisation name the batch-3 table cut off, and reports each', () => {
    const cut = rawRows(C001, 1583, 1663).map((r) => r[1]!).filter((n) => !/(公司|中心|协会|集团|院)$/u.test(n));
    expect(new Set(cut).size).toBe(9);
    const repaired = of('organization-name-repaired');
    for (const name of new Set(cut)) {
      const o = organizations.find((x) => x.aliases.includes(name.replace(/\(/gu, '（').replace(/\)/gu, '）')));
      expect(o, name).toBeDefined();
      expect(o!.name.startsWith(name)).toBe(true);
      expect(o!.name).toMatch(/公司$/u);
      expect(repaired.some((a) => a.message.includes(`“${name}”`)), name).toBe(true);
    }
    expect(organizations.find((o) => o.name === '广州城市轨道交通培训学院股份有限公司')?.certificates).toHaveLength(2);
    expect(organizations.find((o) => o.name === '泰康珞珈（北京）科学技术研究院有限公司')).toBeDefined();
    expect(of('organization-name-truncated')).toEqual([]);
  });

  it('keeps a joint name to the certificate it is printed for: 装配式建筑构件制作与安装 is 廊坊’s alone (001:1599)', () => {
    // As printed: the batch-1 lists give BIM to the joint name, the batch-3 list gives 装配式 to 廊坊 alone.
    expect(raw(C001)[212]).toMatch(/^1\t廊坊市中科建筑产业化创新研究中心（中国建设教育协会人才评价中心）\t建筑信息模型（BIM） 职业技能等级证书$/u);
    expect(raw(C001)[1598]).toMatch(/^16\t廊坊市中科建筑产业化创新研究中心\t装配式建筑构件制作与安装职业技能等级$/u);
    const joint = organizations.find((o) => o.name === '廊坊市中科建筑产业化创新研究中心（中国建设教育协会人才评价中心）')!;
    const alone = organizations.find((o) => o.name === '廊坊市中科建筑产业化创新研究中心')!;
    expect([joint.certificates, joint.batches, joint.aliases]).toEqual([[cert('建筑信息模型（BIM）').id], [1], []]);
    expect([alone.certificates, alone.batches, alone.aliases]).toEqual([[cert('装配式建筑构件制作与安装').id], [3], []]);
    expect(cert('装配式建筑构件制作与安装').organizations).toEqual([alone.id]);
    expect(cert('建筑信息模型（BIM）').organizations).toEqual([joint.id]);
    // …and the contact table agrees (004:68 joint for BIM, 004:134 alone for 装配式): no mismatch reported.
    expect(alone.listings.map((l) => [l.file, l.line])).toEqual([[C001, 1599], [C004, 134]]);
    expect(of('organization-mismatch').some((a) => a.message.includes('装配式'))).toBe(false);
    expect(of('organization-name-variant')).toEqual([]);
    expect(of('organization-joint-name')).toMatchObject([{ file: C001, line: 1599 }]);
    expect(of('organization-joint-name')[0]!.message).toContain('与“中国建设教育协会人才评价中心”联合署名');
  });

  it('still merges a name printed with and without a bracketed addition that is not an organisation (fixture)', () => {
    const text = [
      '关于参与 1+X 证书制度试点的第九批职业教育培训评价组织及职业技能等级证书公示公告',
      '',
      '序号\t培训评价组织名称\t职业技能等级证书名称',
      '1\t甲乙丙丁教育科技有限公司（北京）\t测试甲职业技能等级证书',
      '2\t甲乙丙丁教育科技有限公司\t测试乙职业技能等级证书',
      '',
    ].join('\n');
    const c = catalogOf(ingestText({ 'list.txt': text }, { until: 'ids' }).documents);
    expect(c.organizations.map((o) => [o.name, o.certificates.length])).toEqual([['甲乙丙丁教育科技有限公司（北京）', 2]]);
    expect(c.anomalies.map((a) => [a.kind, a.line])).toEqual([['organization-name-variant', 5]]);
  });
});

describe('disagreements between sources', () => {
  it('reports that 004 swaps the organisations of 物流管理 and 老年照护', () => {
    const zwl = organizations.find((o) => o.name === '北京中物联物流采购培训中心')!;
    expect(cert('物流管理').organizations).toEqual([zwl.id]);
    expect(cert('老年照护').organizations).not.toContain(zwl.id);
    const mism = of('organization-mismatch').filter((a) => a.file === C004);
    expect(mism.map((a) => a.line)).toEqual([70, 71, 141]);
    expect(of('organization-swap')).toMatchObject([{ file: C004, line: 70 }]);
    expect(of('organization-swap')[0]!.message).toContain('“物流管理”应属“北京中物联物流采购培训中心”');
    const l = cert('老年照护').listings.find((x) => x.document === 'ljzch-2020-10')!;
    expect(l.organizationAsPrinted).toBe('北京中物联物流采购培训中心');
    expect(l.conflict).toContain('北京中物联物流采购培训中心');
    // The raw row as printed.
    expect(raw(C004)[69]).toMatch(/^3\t北京中物联物流采购培训中心\t老年照护\t/u);
  });

  it('finds the stated totals 92 (004) and 447 (003) on their lines, and says 92 ≠ 93 listed', () => {
    const t92 = totals.filter((t) => t.value === 92);
    expect(t92.map((t) => [t.file, t.line, t.anchor, t.batches, t.listed])).toEqual([
      [C004, 15, 's1-p1', [1, 2, 3], 93],
      [C004, 315, 'a3-s3', [1, 2, 3], 93],
    ]);
    expect(raw(C004)[14]).toContain('92 个职业技能等级证书');
    const t447 = totals.find((t) => t.value === 447)!;
    expect([t447.file, t447.line, t447.document, t447.batches, t447.listed]).toEqual([C003, 23, 'xmbh-2024-2', [1, 2, 3, 4], null]);
    expect(raw(C003)[22]).toMatch(/^447 个职业技能等级证书/u);
    expect(of('stated-total-mismatch').map((a) => [a.file, a.line])).toEqual([[C004, 15], [C004, 315]]);
    expect(of('stated-total-unverifiable').map((a) => [a.file, a.line])).toEqual([[C003, 23]]);
    // The line and column come from the clause's source map (no re-reading of the source): they point at the figure.
    for (const a of [...of('stated-total-mismatch'), ...of('stated-total-unverifiable')]) {
      expect(raw(a.file)[a.line - 1]!.slice(a.column! - 1), `${a.file}:${a.line}`).toMatch(/^(?:92|447) 个/u);
    }
    // 004's contact table lists 92: the one it leaves out is 高端家政.
    expect(of('certificate-missing-from-table')).toHaveLength(1);
    expect(of('certificate-missing-from-table')[0]!.message).toContain('“高端家政”');
    // Per-batch figures agree with the lists.
    expect(totals.filter((t) => t.batches.length === 1).every((t) => t.listed === t.value)).toBe(true);
    expect(totals.find((t) => t.document === 'jzs-2019-341' && t.of === 'organizations')?.value).toBe(64);
  });

  it('names every anomaly with a file, a line and a column, in Chinese', () => {
    for (const a of anomalies) {
      expect(a.file).toMatch(/\.txt$/u);
      expect(a.line).toBeGreaterThan(0);
      expect(a.column).toBeGreaterThan(0);
      expect(a.message).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('fixtures', () => {
  it('reads a list with a continuation row, a cut-off suffix and a truncated organisation', () => {
    const text = [
      '关于参与 1+X 证书制度试点的第九批职业教育培训评价组织及职业技能等级证书公示公告',
      '',
      '现将名单公示如下。',
      '',
      '序号\t培训评价组织名称\t职业技能等级证书名称',
      '1\t甲乙丙丁教育科技股份有限\t测试甲职业技能等级证书',
      '\t\t测试乙职业技能等级证',
      '2\t戊己庚辛研究中心\t测 试丙职业技能等级证书',
      '',
    ].join('\n');
    const { documents } = ingestText({ 'list.txt': text }, { until: 'catalog' });
    const c = catalogOf(documents);
    expect(c.certificates.map((x) => [x.name, x.batch])).toEqual([
      ['测试甲', 9],
      ['测试乙', 9],
      ['测试丙', 9],
    ]);
    expect(c.organizations.map((o) => [o.name, o.certificates.length])).toEqual([
      ['甲乙丙丁教育科技股份有限公司', 2],
      ['戊己庚辛研究中心', 1],
    ]);
    expect(c.anomalies.map((a) => a.kind).sort()).toEqual(['certificate-name-spaced', 'certificate-name-truncated', 'organization-name-completed']);
    expect(c.batches).toMatchObject([{ number: 9, name: '第九批', announced: { date: null }, certificates: 3, organizations: 2 }]);
  });

  it('names, slugs and batch words', () => {
    expect(certificateName('建筑信息模型（BIM） 职业技能等级证书')).toEqual({ name: '建筑信息模型（BIM）', suffix: 'full' });
    expect(certificateName('装配式建筑构件制作与安装职业技能等级')).toEqual({ name: '装配式建筑构件制作与安装', suffix: 'truncated' });
    expect(certificateName('失智老年人')).toEqual({ name: '失智老年人', suffix: 'none' });
    expect(slug('大数据应用开发（JAVA）')).toBe('dsjyykf-java');
    expect(looksTruncated('国汽（北京）智能网联汽车研究院有')).toBe(true);
    expect(looksTruncated('中国精算师协会')).toBe(false);
    expect(completeEnding('北京华航唯实机器人科技股份有限公')).toBe('北京华航唯实机器人科技股份有限公司');
    expect(batchesNamed('首批、二批、三批启动试点的 92 个证书')).toEqual([1, 2, 3]);
    expect(batchesNamed('参与试点的四批共447 个职业技能等级证书')).toEqual([1, 2, 3, 4]);
    expect(batchesNamed('关于做好 2024年第二批 1+X 证书试点申报工作的通知')).toEqual([]);
  });
});
