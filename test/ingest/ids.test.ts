/**
 * Stage `ids` (scripts/ingest/ids.ts): ids from 文号 or date + title, unique; and the 机关代字
 * check that reports 职教所〔2019〕67号 (001:186) as a probable misprint of 教职所.
 */
import { describe, expect, it } from 'vitest';
import { issuersFromTitle, uniqueId } from '../../scripts/ingest/ids.ts';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import type { Place } from '../../scripts/ingest/diagnostics.ts';
import { C001, realCorpus, realOverrides, realSources } from '../helpers/corpus.ts';

describe('ids on the real corpus', () => {
  const { documents, report } = realCorpus();

  it('takes the id from the 文号, else from the date and the title', () => {
    const ids = documents.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['jzc-2019-6', 'jzcsh-2019-36', 'zjs-2019-67', 'jzs-2019-314', '1996-09-01-zhrmghgzyjyfjx']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reports 职教所〔2019〕67号 as a probable misprint of 教职所, at its line and column, and keeps it as printed', () => {
    const misprints = report.anomalies.filter((a) => a.kind === 'probable-misprint-doc-number');
    expect(misprints).toHaveLength(1);
    expect(misprints[0]).toMatchObject({ file: C001, line: 186, column: 2 });
    expect(misprints[0]!.message).toMatch(/^文号“职教所〔2019〕67号”的机关代字“职教所”疑为“教职所”之误：同一发文机关的其余 5 件文号均作“教职所”/u);
    expect(documents.find((d) => d.id === 'zjs-2019-67')).toMatchObject({ docNumber: '职教所〔2019〕67号' });
  });

  it('says nothing once an override has decided the 文号', () => {
    const override = {
      file: 'zjs-2019-67.yaml',
      data: { match: { docNumber: '职教所〔2019〕67号' }, set: { docNumber: '教职所〔2019〕67号' }, reason: '测试：以教职所为准' },
    };
    const r = ingest(realSources(), [...realOverrides(), override]);
    expect(r.report.anomalies.filter((a) => a.kind === 'probable-misprint-doc-number')).toEqual([]);
    expect(r.documents.find((d) => d.id === 'jzs-2019-67')).toMatchObject({ docNumber: '教职所〔2019〕67号' });
  });
});

describe('uniqueId and issuersFromTitle', () => {
  it('adds -2, -3 to a taken id and reports it at the document’s first line', () => {
    const places: Array<[Place, string]> = [];
    const used = new Set(['jzc-2020-1', 'jzc-2020-1-2']);
    expect(uniqueId('jzc-2020-1', used, (p, rule) => places.push([p, rule]), { file: 'b.txt', startLine: 3 })).toBe('jzc-2020-1-3');
    expect(places).toEqual([[{ file: 'b.txt', line: 3 }, 'duplicate-id']]);
    expect(uniqueId('gf-2019-4', used, () => expect.unreachable(), { file: 'b.txt', startLine: 1 })).toBe('gf-2019-4');
  });
  it('reads the issuers a title names before 关于', () => {
    expect(issuersFromTitle('国务院办公厅关于印发职业技能提升行动方案的通知')).toEqual(['国务院办公厅']);
    expect(issuersFromTitle('《中华人民共和国职业教育法》关于……')).toEqual([]);
    expect(issuersFromTitle('中华人民共和国职业教育法')).toEqual([]);
  });
});
