/**
 * Stage `ids` (scripts/ingest/ids.ts): ids from 文号 or date + title, unique; and the 机关代字
 * check that reports 职教所〔2019〕67号 (001:186) as a probable misprint of 教职所; the id an
 * override's 文号 gives; and `dateSource`, where each document prints its 成文日期 (the primary
 * variant's date line, from the elements stage).
 */
import { describe, expect, it } from 'vitest';
import { assignIds, issuersFromTitle, uniqueId } from '../../scripts/ingest/ids.ts';
import { mergeVariants } from '../../scripts/ingest/link.ts';
import { applyOverrides } from '../../scripts/ingest/overrides.ts';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import type { Place, Report } from '../../scripts/ingest/diagnostics.ts';
import { C001, C002, rawLines, realCorpus, realOverrides, realSources } from '../helpers/corpus.ts';
import { source } from '../helpers/stages.ts';

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

describe('001 and 002 through the per-source stages, link, overrides and ids', () => {
  const quiet: Report = () => {};
  const drafts = ['001', '002'].flatMap((p) => source(p).drafts);
  const { documents } = assignIds(applyOverrides(mergeVariants(drafts, quiet), realOverrides(), quiet), quiet);
  const byId = (id: string) => documents.find((d) => d.id === id)!;

  it('dateSource is the line 教职成〔2019〕6号 prints its date on: 001:822 “2019年4月4日”, columns 1 to 10', () => {
    expect(byId('jzc-2019-6').dateSource).toEqual({ file: C001, line: 822, position: { start: { line: 822, column: 1 }, end: { line: 822, column: 10 } } });
    expect(rawLines(C001)[821]).toBe('2019年4月4日');
  });

  it('dateSource is the primary variant’s date line: 36号 (in 001 and 002) at 002:259 “2019 年 4月 17日”, trailing spaces left out', () => {
    const d = byId('jzcsh-2019-36');
    expect(d.source.map((s) => s.file)).toEqual([C002, C001]);
    expect(d.dateSource).toEqual({ file: C002, line: 259, position: { start: { line: 259, column: 1 }, end: { line: 259, column: 14 } } });
    expect(rawLines(C002)[258]!.slice(0, 13)).toBe('2019 年 4月 17日');
  });

  it('dateSource starts at the date’s first printed character on an indented line (002:75, column 29)', () => {
    const d = documents.find((x) => x.source[0]!.file === C002 && x.date === '2019-04-23')!;
    expect(d.dateSource?.position.start).toEqual({ line: 75, column: 29 });
    expect(rawLines(C002)[74]!.slice(28).trim()).toBe('2019 年 4 月 23日');
  });

  it('takes 36号’s id from the 文号 an override decides: the fuller copy’s without one, 001’s when an override says so', () => {
    const merged = mergeVariants(drafts, quiet);
    const of = (r: ReturnType<typeof assignIds>) => r.documents.find((x) => x.title === '关于做好首批 1+X 证书制度试点工作的通知')!;
    expect(of(assignIds(applyOverrides(merged, [], quiet), quiet))).toMatchObject({ id: 'jzcsh-2019-36', docNumber: '教职成司函〔2019〕36号', overrides: [] });
    const flip = { file: 'x.yaml', data: { match: { docNumber: '教职成〔2019〕36号' }, set: { docNumber: '教职成〔2019〕36号' }, reason: '测试' } };
    const flipped = of(assignIds(applyOverrides(merged, [flip], quiet), quiet));
    expect(flipped).toMatchObject({ id: 'jzc-2019-36', docNumber: '教职成〔2019〕36号' });
    expect(flipped.overrides).toEqual([expect.objectContaining({ was: '教职成司函〔2019〕36号' })]);
  });

  it('dateSource is null for a document that prints no date line of its own (the law excerpts of 001)', () => {
    expect(byId('1996-09-01-zhrmghgzyjyfjx')).toMatchObject({ date: '1996-09-01', dateSource: null });
    expect(byId('2018-12-29-zhrmghgldfjx')).toMatchObject({ date: '2018-12-29', dateSource: null });
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
