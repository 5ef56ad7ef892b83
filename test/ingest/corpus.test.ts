/**
 * The five real sources: what the ingest must get right on them (issue: the spine).
 * Figures are read off the source texts by a person and asserted here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import { findClause, memoCitation, walkClauses } from '../../src/lib/citation.ts';
import { SOURCES, doc, realCorpus, realOverrides, realSources } from '../helpers/corpus.ts';
import { ingest } from '../../scripts/ingest/pipeline.ts';

const { documents, report } = realCorpus();
const C001 = '001_614f8415cb5dd7e9.txt';

function texts(d: PolicyDocument): string[] {
  return walkClauses(d).flatMap(({ clause: c }) => [c.heading ?? '', c.text, ...(c.table ? [c.table.header, ...c.table.rows].flatMap((r) => r?.cells.map((x) => x.text) ?? []) : [])]);
}

describe('coverage', () => {
  it('accounts for every non-blank line of every source', () => {
    expect(report.sources.map((s) => s.file)).toEqual(realSources().map((s) => s.file));
    for (const s of report.sources) {
      const raw = readFileSync(join(SOURCES, s.file), 'utf8').split(/\r?\n/u);
      const nonBlank = raw.filter((l) => l.trim() !== '').length;
      expect(s.nonBlankLines, s.file).toBe(nonBlank);
      expect(s.coveredLines, s.file).toBe(nonBlank);
    }
    expect(report.anomalies.filter((a) => a.kind === 'unaccounted-line')).toEqual([]);
  });
  // Why lines were dropped, per reason: test/ingest/noise.test.ts.
});

describe('documents', () => {
  it('finds every document with its id, 文号, date and issuers', () => {
    const rows = documents.map((d) => [d.id, d.docNumber, d.date, d.issuers.join('/')]);
    expect(rows).toEqual([
      ['jbxz-2023-13', '建标协字〔2023〕13号', '2023-06-06', '中国工程建设标准化协会'],
      ['1996-09-01-zhrmghgzyjyfjx', null, '1996-09-01', ''],
      ['2018-12-29-zhrmghgldfjx', null, '2018-12-29', ''],
      ['gf-2019-4', '国发〔2019〕4号', '2019-01-24', '国务院'],
      ['zjs-2019-67', '职教所〔2019〕67号', '2019-03-26', '教育部职业技术教育中心研究所'],
      ['jzc-2019-6', '教职成〔2019〕6号', '2019-04-04', '教育部/国家发展改革委/财政部/市场监管总局'],
      ['jzs-2019-89', '教职所〔2019〕89号', '2019-04-15', '教育部职业技术教育中心研究所'],
      ['jzcsh-2019-36', '教职成司函〔2019〕36号', '2019-04-17', '教育部职业教育与成人教育司'],
      ['rsbf-2019-34', '人社部发〔2019〕34号', '2019-04-23', '人力资源社会保障部/教育部'],
      ['gbf-2019-24', '国办发〔2019〕24号', '2019-05-18', '国务院办公厅'],
      ['jzs-2019-137', '教职所〔2019〕137号', '2019-06-12', '教育部职业技术教育中心研究所'],
      ['jzs-2019-219', '教职所〔2019〕219号', '2019-08-27', '教育部职业技术教育中心研究所'],
      ['jzcsh-2019-98', '教职成司函〔2019〕98号', '2019-10-25', '教育部职业教育与成人教育司'],
      ['jzcsh-2019-89', '教职成司函〔2019〕89号', '2019-09-11', '教育部职业教育与成人教育司'],
      ['jzcth-2019-19', '教职成厅函〔2019〕19号', '2019-11-09', '教育部办公厅/国家发展改革委办公厅/财政部办公厅'],
      ['jzcsh-2019-102', '教职成司函〔2019〕102号', '2019-11-13', '教育部职业教育与成人教育司'],
      ['jzs-2019-314', '教职所〔2019〕314号', '2019-11-25', '教育部职业技术教育中心研究所'],
      ['jzs-2019-341', '教职所〔2019〕341号', '2019-12-27', '教育部职业技术教育中心研究所'],
      ['jzcsh-2020-4', '教职成司函〔2020〕4号', '2020-01-11', '教育部职业教育与成人教育司'],
      ['2019-04-23-scsjytzfjybzcsgyzhsp', null, '2019-04-23', '四川省教育厅'],
      ['xmbh-2024-2', '项目办函〔2024〕2号', '2024-09-04', '陕西省职业院校 1+X 证书制度试点工作项目办公室'],
      ['ljzch-2020-10', '鲁教职处函〔2020〕10号', '2020-04-14', '山东省教育厅职业教育处'],
    ]);
  });

  it('reads titles as printed, rejoined without extraction spaces', () => {
    expect(doc('jbxz-2023-13').title).toBe('关于举办“1+X”标准编审职业技能等级证书（初级）第三期工程建设标准化教育学习班的通知');
    expect(doc('2019-04-23-scsjytzfjybzcsgyzhsp').title).toBe('四川省教育厅转发《教育部职成司关于做好首批 1+X 证书制度试点工作的通知》的通知');
    expect(doc('ljzch-2020-10').title).toBe('关于做好第三批 1+X 证书制度试点申报工作的通知');
    expect(doc('rsbf-2019-34').title).toBe('人力资源社会保障部 教育部关于印发《职业技能等级证书监督管理办法（试行）》的通知');
    expect(doc('jzcth-2019-19').kind).toBe('意见');
    expect(doc('jzs-2019-314').kind).toBe('公示');
    expect(doc('1996-09-01-zhrmghgzyjyfjx').kind).toBe('法律');
  });

  it('gives 6号 its whole title, completed from its quotation at 001:1381', () => {
    const d = doc('jzc-2019-6');
    expect(d.title).toBe('教育部等四部门印发《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》的通知');
    expect(memoCitation(d, null)).toContain('《教育部等四部门印发〈关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案〉的通知》（教职成〔2019〕6号）');
    expect(report.anomalies).toContainEqual(expect.objectContaining({ file: C001, line: 810, kind: 'incomplete-title' }));
  });

  it('makes 314’s opening paragraph its clause p1 and links its citation of 19号', () => {
    const d = doc('jzs-2019-314');
    expect(d.addressees).toEqual([]);
    expect(d.clauses[0]).toMatchObject({ anchor: 'p1', source: { file: C001, line: 1517 } });
    expect(d.clauses[0]!.text.startsWith('为规范职业技能等级证书考核颁证，根据《')).toBe(true);
    const refs = realCorpus().references.filter((r) => r.from === 'jzs-2019-314' && r.anchor === 'p1');
    expect(refs.map((r) => [r.docNumber, r.target])).toEqual([['教职成厅函〔2019〕19号', 'jzcth-2019-19']]);
  });

  it('finds 000’s title where the extraction scattered it, and says so', () => {
    expect(report.anomalies).toContainEqual(expect.objectContaining({ file: '000_44d53e97b2e1de92.txt', line: 24, kind: 'displaced-title' }));
    // The paragraph the title interrupted reads on without it.
    const p1 = doc('jbxz-2023-13').clauses[0]!;
    expect(p1.text).toContain('中国工程建设标准化协会作为工程建设标准化领域“1+X”标准编审教学机构');
    expect(p1.text).not.toContain('学习班的通知');
  });

  it('reads 主送, 附件说明 and 抄送', () => {
    expect(doc('jzcsh-2019-36').addressees).toEqual(['各省、自治区、直辖市教育厅（教委）', '新疆生产建设兵团教育局', '有关单位']);
    expect(doc('zjs-2019-67').attachments.map((a) => a.label)).toEqual(['1', '2', '2.2', '2.3']);
    expect(doc('jzs-2019-341').attachments[0]!.title).toBe('第三批职业教育培训评价组织和职业技能等级证书名单');
    expect(doc('xmbh-2024-2').copiedTo).toEqual(['陕西省教育厅']);
    // 36号's 附件说明 (002:247–249) without the file names' .doc.
    expect(doc('jzcsh-2019-36').attachments.map((a) => a.title)).toEqual(['有关培训评价组织联系人信息表', '首批 1+X证书制度试点院校情况汇总表']);
  });
});

describe('001, the compilation', () => {
  const s001 = report.sources.find((s) => s.file === C001)!;
  it('splits into the documents its 目录 lists', () => {
    const toc = s001.compilation!.toc;
    expect(toc).toHaveLength(19);
    expect(s001.compilation).toMatchObject({ title: '“1+X”证书制度试点工作政策梳理', compiler: '教务处', date: '2020-01' });
    // 政策梳理 only groups the two law excerpts; every other entry is one document, each a different one.
    const mapped = toc.filter((t) => t.title !== '政策梳理').map((t) => t.document);
    expect(mapped.every((d) => d !== null)).toBe(true);
    expect(new Set(mapped).size).toBe(18);
    expect(new Set(s001.documents)).toEqual(new Set(mapped));
  });
  it('keeps the 印发 notice and the 方案 it carries as one document', () => {
    const d = doc('jzc-2019-6');
    expect(d.enclosedTitle).toBe('关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案');
    expect(d.source).toEqual([{ file: C001, startLine: 810, endLine: 914 }]);
  });
});

describe('the numbering hierarchy', () => {
  const d = doc('jzc-2019-6');
  const enclosure = d.clauses.find((c) => c.kind === 'enclosure')!;
  it('has the 方案’s four top-level parts', () => {
    expect(enclosure.children.filter((c) => c.label).map((c) => `${c.label}${c.heading}`)).toEqual([
      '一、总体要求', '二、试点内容', '三、试点范围及进度安排', '四、组织实施',
    ]);
  });
  it('puts 二、（五） at #s2-5 and cites it', () => {
    const p = findClause(d, 's2-5')!;
    expect(p.clause.heading).toBe('严格职业技能等级考核与证书发放');
    expect(p.ancestors.map((a) => a.label ?? a.kind)).toEqual(['enclosure', '二、']);
    expect(memoCitation(d, p)).toBe('《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》（教职成〔2019〕6号）二、（五）');
    expect(p.clause.children[0]!.text.startsWith('培训评价组织负责职业技能等级考核与证书发放。')).toBe(true);
  });
  it('nests 1. items under 二、 and keeps the closing remark beside them', () => {
    const two = findClause(doc('jzcsh-2019-36'), 's2')!.clause;
    expect(two.children.map((c) => c.label)).toEqual([null, '1.', '2.', '3.', '4.', '5.', null]);
    expect(two.children[6]!.text).toMatch(/^不同证书对院校实施培训的有关条件要求/u);
  });
  it('reads “4.5 月，…” as item 4.', () => {
    const three = findClause(doc('jzcsh-2019-36'), 's3')!.clause;
    expect(three.children.map((c) => c.label)).toEqual(['1.', '2.', '3.', '4.', '5.']);
    expect(three.children[3]!.text).toMatch(/^5 ?月，各省/u);
  });
  it('gives the 国务院 方案 its 七 parts and 二十 clauses', () => {
    const e = doc('gf-2019-4').clauses.find((c) => c.kind === 'enclosure')!;
    expect(e.children.filter((c) => c.label).length).toBe(7);
    expect(e.children.flatMap((c) => c.children).filter((c) => c.label?.startsWith('（')).length).toBe(20);
  });
});

// One document in two sources (36号 in 002 and 001), its conflicting 文号 and its variants: test/ingest/link.test.ts.
// The reviewed override of its 文号: test/ingest/overrides.test.ts; the id an override's 文号 gives: test/ingest/ids.test.ts.

describe('text', () => {
  const source = realSources().map((s) => new TextDecoder().decode(s.bytes)).join('\n');
  it('never inserts a space between two Chinese characters when it rejoins lines', () => {
    for (const d of documents) {
      for (const t of texts(d)) {
        for (const m of t.matchAll(/\p{Script=Han} \p{Script=Han}/gu)) expect(source, `${d.id}: “${m[0]}”`).toContain(m[0]);
      }
    }
  });
  it('rejoins a paragraph wrapped over lines and page breaks', () => {
    const p = findClause(doc('2019-04-23-scsjytzfjybzcsgyzhsp'), 's1-p1')!.clause;
    expect(p.text).toContain('职业院校一般为省级及以上示范（骨干、培育)、优质高等职业学校，国家中等职业教育改革发展示范学校');
    const gf = walkClauses(doc('gf-2019-4')).map((x) => x.clause.text).find((t) => t.includes('没有职业教育现代化就没有教育现代化'));
    expect(gf).toBeDefined();
  });
  it('drops page markers and mends „2019‟ brackets', () => {
    const all = documents.flatMap(texts).join('\n');
    expect(all).not.toMatch(/—\s*\d+\s*—/u);
    expect(all).not.toContain('„');
    expect(all).toContain('教职成司函〔2019〕36 号');
  });
  it('keeps tables as rows of cells, with <ol> fragments as list items and never as HTML', () => {
    const table = walkClauses(doc('zjs-2019-67')).find((p) => p.clause.table?.header?.cells[0]?.text === '职业功能')!.clause.table!;
    expect(table.header!.cells.map((c) => c.text)).toEqual(['职业功能', '工作内容', '技能要求', '相关知识']);
    const cell = table.rows[0]!.cells[2]!;
    expect(cell.items!.map((i) => i.label)).toEqual(['1.', '2.', '3.']);
    expect(cell.items![0]!.text).toBe('能解释职业道德的定义和意义');
    expect(JSON.stringify(documents)).not.toMatch(/<\/?(ol|li)\b/u);
  });
});

describe('determinism', () => {
  it('gives byte-identical output for the same input', () => {
    const again = ingest(realSources(), realOverrides(), []);
    const first = ingest(realSources(), realOverrides(), []);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
  });
});
