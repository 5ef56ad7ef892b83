import { describe, expect, it } from 'vitest';
import { realCorpus } from '../helpers/corpus.ts';

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
    expect(of('jzs-2019-314')).toContain('试行|试行|2019-11-25|null|jzs-2019-314#p2');
    expect(of('jzcsh-2020-4')).toEqual(['试运行|试运行|2020-01-11|null|jzcsh-2020-4#p1']);
    expect(of('gbf-2019-24')).toEqual(['实施期|实施期（2019—2021年）已结束|2019-01-01|2021-12-31|gbf-2019-24#e']);
  });
  it('says nothing where the texts say nothing', () => {
    expect(of('jzc-2019-6')).toEqual([]);
    expect(statuses).toHaveLength(9);
  });
});
