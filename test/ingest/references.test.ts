import { describe, expect, it } from 'vitest';
import { extractReferences } from '../../scripts/ingest/references.ts';
import { paragraphDoc, realCorpus } from '../helpers/corpus.ts';

const { references } = realCorpus();
const citing = (target: string) => [...new Set(references.filter((r) => r.target === target && r.from !== target).map((r) => r.from))];

describe('references', () => {
  it('resolves the batch-1 notice’s 《关于在院校实施…试点方案》 to its document', () => {
    const r = references.find((x) => x.from === 'jzcsh-2019-36' && x.anchor === 'p1' && x.kind === 'title')!;
    expect(r).toMatchObject({ printed: '《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》', target: 'jzc-2019-6', relation: '引用', field: 'text' });
    expect(r.source).toEqual({ file: '002_639c99f2059b9d6f.txt', line: 132 });
  });

  it('finds the 试点方案 cited by at least five documents', () => {
    expect(citing('jzc-2019-6').sort()).toEqual([
      'jzcsh-2019-102', 'jzcsh-2019-36', 'jzcsh-2019-89', 'jzcsh-2019-98', 'jzcsh-2020-4', 'jzcth-2019-19', 'jzs-2019-137', 'jzs-2019-219', 'jzs-2019-89', 'ljzch-2020-10',
    ]);
  });

  it('resolves titles quoted with the issuer, in 〈〉, with a changed word, or by a defined short name', () => {
    const to = (from: string, printed: RegExp) => references.find((r) => r.from === from && printed.test(r.printed))?.target;
    expect(to('jzcth-2019-19', /^《教育部等四部门印发〈/u)).toBe('jzc-2019-6');
    expect(to('jzs-2019-89', /在院校开展/u)).toBe('jzc-2019-6');
    expect(to('rsbf-2019-34', /^职教20条$/u)).toBe('gf-2019-4');
    expect(to('2019-04-23-scsjytzfjybzcsgyzhsp', /^《通知》$/u)).toBe('jzcsh-2019-36');
  });

  it('reads the forwarding chain: 四川 forwards the batch-1 notice', () => {
    expect(references.filter((r) => r.relation === '转发').map((r) => `${r.from}→${r.target}`)).toContain('2019-04-23-scsjytzfjybzcsgyzhsp→jzcsh-2019-36');
  });

  it('calls only the forwarding sentence 转发: later mentions of 《通知》 (002:24, 002:51) cite it', () => {
    const sc = references.filter((r) => r.from === '2019-04-23-scsjytzfjybzcsgyzhsp' && r.target === 'jzcsh-2019-36');
    const line = (n: number) => sc.filter((r) => r.source.line === n).map((r) => [r.printed, r.relation]);
    // 002:14: “…（教职成司函〔2019〕36 号，以下简称《通知》）转发你们” forwards it.
    expect(line(14)).toEqual([
      ['《教育部职成司关于做好首批 1+X 证书制度试点工作的通知》', '转发'],
      ['教职成司函〔2019〕36 号', '引用'],
      ['《通知》', '转发'],
    ]);
    // 002:24 “满足《通知》中的试点范围和条件要求”, 002:51 (三、其他) “联系方式参见《通知》”: plain references.
    expect(line(24)).toEqual([['《通知》', '引用']]);
    expect(line(51)).toEqual([['《通知》', '引用']]);
    expect(references.filter((r) => r.relation === '转发')).toHaveLength(2);
  });

  it('keeps unresolved references with what they print, and a bare 文号 without the words before it', () => {
    const missing = references.filter((r) => r.target === null);
    expect(missing.map((r) => r.docNumber)).toContain('教职所〔2020〕21号');
    const bare = references.find((r) => r.kind === 'docNumber')!;
    expect(bare).toMatchObject({ printed: '教职成司函〔2019〕36 号', docNumber: '教职成司函〔2019〕36号', target: 'jzcsh-2019-36' });
    // Books and forms are not documents.
    expect(references.some((r) => /标准化方法|申报表|汇总表/u.test(r.printed))).toBe(false);
  });

  it('points 附件 references at the attachment', () => {
    expect(references.filter((r) => r.kind === 'attachment' && r.from === 'ljzch-2020-10').map((r) => r.targetAnchor)).toEqual(['a1', 'a2', 'a3']);
  });

  it('gives offsets that find the printed text in its clause', () => {
    const docs = new Map(realCorpus().documents.map((d) => [d.id, d]));
    for (const r of references) {
      const walk = (cs: typeof d.clauses): string | null => {
        for (const c of cs) {
          if (c.anchor === r.anchor) return r.field === 'heading' ? c.heading : c.text;
          const t = walk(c.children);
          if (t !== null) return t;
        }
        return null;
      };
      const d = docs.get(r.from)!;
      expect(walk(d.clauses)!.slice(r.offset, r.offset + r.printed.length), r.id).toBe(r.printed);
    }
  });
});

describe('inline fixtures', () => {
  it('转发 is the forwarding sentence only; a later 《通知》 in the forwarding notice cites it', () => {
    const forwarded = paragraphDoc('请做好试点工作。', { id: 'jzcsh-2025-1', title: '关于做好试点工作的通知', docNumber: '教职成司函〔2025〕1号' });
    const forwarding = paragraphDoc('现将《关于做好试点工作的通知》（教职成司函〔2025〕1 号，以下简称《通知》）转发你们，请遵照执行。各校须满足《通知》中的条件。', {
      id: 'x',
      title: '某省教育厅转发《关于做好试点工作的通知》的通知',
    });
    const refs = extractReferences([forwarded, forwarding]).filter((r) => r.from === 'x' && r.target === 'jzcsh-2025-1');
    expect(refs.map((r) => [r.printed, r.relation])).toEqual([
      ['《关于做好试点工作的通知》', '转发'],
      ['教职成司函〔2025〕1 号', '引用'],
      ['《通知》', '转发'],
      ['《通知》', '引用'],
    ]);
  });
});
