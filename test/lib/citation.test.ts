import { describe, expect, it } from 'vitest';
import { clauseHref, clauseLocator, findClause, gbt7714, markdownLink, memoCitation } from '../../src/lib/citation.ts';
import { doc } from '../helpers/corpus.ts';

describe('citations of the real documents', () => {
  const fangan = doc('jzc-2019-6');
  it('cites a clause of the carried 方案 under the 方案’s title', () => {
    expect(memoCitation(fangan, findClause(fangan, 's2-5'))).toBe('《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》（教职成〔2019〕6号）二、（五）');
    expect(memoCitation(fangan, findClause(fangan, 's2-5-p1'))).toBe('《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》（教职成〔2019〕6号）二、（五）第1段');
  });
  it('turns a title inside the title into 〈〉', () => {
    expect(memoCitation(fangan, null)).toBe('《教育部等四部门印发〈关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案〉》（教职成〔2019〕6号）');
  });
  it('locates attachments and dotted standard clauses', () => {
    const d = doc('zjs-2019-67');
    const p = findClause(d, 'a2-2-s1-7-1')!;
    expect(p.clause.heading).toBe('培训课时');
    expect(clauseLocator(p)).toBe('附件2-2 1.7.1');
  });
  it('writes a GB/T 7714-2015 reference, three issuers and 等 at most', () => {
    expect(gbt7714(fangan, 'https://example.org/docs/jzc-2019-6/', '2026-11-21')).toBe(
      '教育部, 国家发展改革委, 财政部, 等. 教育部等四部门印发《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》: 教职成〔2019〕6号[EB/OL]. (2019-04-04)[2026-11-21]. https://example.org/docs/jzc-2019-6/.',
    );
    expect(gbt7714(doc('rsbf-2019-34'), 'u', 'd')).toMatch(/^人力资源社会保障部, 教育部\. /u);
  });
  it('writes a Markdown link to the permalink', () => {
    expect(markdownLink('《甲》（乙）二、（五）', `https://x.org${clauseHref('jzc-2019-6', 's2-5')}`)).toBe('[《甲》（乙）二、（五）](https://x.org/docs/jzc-2019-6/#s2-5)');
    expect(markdownLink('a [b]', 'u')).toBe('[a \\[b\\]](u)');
  });
});
