import { describe, expect, it } from 'vitest';
import { extractStatuses } from '../../scripts/ingest/status.ts';
import { paragraphDoc, realCorpus } from '../helpers/corpus.ts';

const { statuses } = realCorpus();
const of = (doc: string) => statuses.filter((s) => s.document === doc).map((s) => `${s.kind}|${s.label}|${s.from}|${s.to}|${s.evidence.document}#${s.evidence.anchor}`);

describe('document status, each from a cited clause', () => {
  it('reads a batch list as first 公示, then 确认', () => {
    expect(of('zjs-2019-67')).toEqual([
      '公示|公示期已结束|2019-03-26|2019-03-31|zjs-2019-67#p2',
      '已确认|已确认（教职所〔2019〕89号）|2019-04-15|null|jzs-2019-89#p1',
    ]);
  });
  it('takes a confirmation that is only cited, and says where it is cited', () => {
    expect(of('jzs-2019-341')).toEqual([
      '公示|公示期已结束|2019-12-27|2020-01-02|jzs-2019-341#p2',
      '已确认|已确认（教职所〔2020〕21号，据鲁教职处函〔2020〕10号所引）|null|null|ljzch-2020-10#p1',
    ]);
  });
  it('gives the year of the start to an end date printed without one', () => {
    expect(of('jzs-2019-314')).toContain('公示|公示期已结束|2019-11-26|2019-12-02|jzs-2019-314#p3');
  });
  it('labels 试行, 试运行 and a plan whose period ended', () => {
    expect(of('rsbf-2019-34')).toEqual(['试行|试行|2019-04-23|null|rsbf-2019-34#e']);
    expect(of('jzcsh-2020-4')).toEqual(['试运行|试运行|2020-01-11|null|jzcsh-2020-4#p1']);
    expect(of('gbf-2019-24')).toEqual(['实施期|实施期（2019—2021年）已结束|2019-01-01|2021-12-31|gbf-2019-24#e']);
  });
  it('does not call a rule published for comment 试行: 314 is 公示 only (001:1531 “…在试点期内试行，现予以公示”)', () => {
    expect(of('jzs-2019-314')).toEqual(['公示|公示期已结束|2019-11-26|2019-12-02|jzs-2019-314#p3']);
  });
  it('reads 137号’s 公示时间为 2019 年 6 月 12 日—6 月 20 日 (001:1121) like the other 公示 documents', () => {
    expect(of('jzs-2019-137')).toEqual(['公示|公示期已结束|2019-06-12|2019-06-20|jzs-2019-137#p1']);
    expect(statuses.find((s) => s.id === 'jzs-2019-137/公示')!.evidence).toMatchObject({ source: { file: '001_614f8415cb5dd7e9.txt', line: 1121 }, text: '公示时间为 2019 年 6 月 12 日—6 月 20 日。' });
    expect(statuses.filter((s) => s.kind === '公示').map((s) => s.document).sort()).toEqual(['jzs-2019-137', 'jzs-2019-314', 'jzs-2019-341', 'zjs-2019-67']);
  });
  it('says nothing where the texts say nothing', () => {
    expect(of('jzc-2019-6')).toEqual([]);
    expect(statuses).toHaveLength(9);
  });
});

describe('inline fixtures', () => {
  const statusOf = (text: string, title = '关于某方案的公示') => extractStatuses([paragraphDoc(text, { title, date: '2021-03-01' })], []).map((s) => `${s.kind}|${s.from}|${s.to}`);
  it('reads 公示时间为 A—B as a 公示 period, the end taking the start’s year', () => {
    expect(statusOf('现予公示。公示时间为 2021 年 3 月 2 日—3 月 9 日。如有异议，请在公示期内反映。')).toEqual(['公示|2021-03-02|2021-03-09']);
  });
  it('does not call a rule under 公示 试行, but does a rule issued to be tried', () => {
    expect(statusOf('上述方案在试点期内试行，现予以公示。')).toEqual([]);
    expect(statusOf('本办法在试点期内试行。', '关于印发某办法的通知')).toEqual(['试行|2021-03-01|null']);
  });
});
