import { describe, expect, it } from 'vitest';
import { clauseHref, clauseLocator, findClause, gbt7714, markdownLink, memoCitation, quoteTitle, walkClauses } from '../../src/lib/citation.ts';
import { doc, realCorpus } from '../helpers/corpus.ts';

describe('citations of the real documents', () => {
  const fangan = doc('jzc-2019-6');
  it('cites a clause of the carried 方案 under the 方案’s title', () => {
    expect(memoCitation(fangan, findClause(fangan, 's2-5'))).toBe('《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》（教职成〔2019〕6号）二、（五）');
    expect(memoCitation(fangan, findClause(fangan, 's2-5-p1'))).toBe('《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》（教职成〔2019〕6号）二、（五）第1段');
  });
  it('turns a title inside the title into 〈〉', () => {
    expect(memoCitation(fangan, null)).toBe('《教育部等四部门印发〈关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案〉的通知》（教职成〔2019〕6号）');
  });
  it('locates attachments and dotted standard clauses', () => {
    const d = doc('zjs-2019-67');
    const p = findClause(d, 'a2-2-s1-7-1')!;
    expect(p.clause.heading).toBe('培训课时');
    expect(clauseLocator(p)).toBe('附件2-2 1.7.1');
  });
  it('writes a GB/T 7714-2015 reference, three issuers and 等 at most', () => {
    expect(gbt7714(fangan, 'https://example.org/docs/jzc-2019-6/', '2026-11-21')).toBe(
      '教育部, 国家发展改革委, 财政部, 等. 教育部等四部门印发《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》的通知: 教职成〔2019〕6号[EB/OL]. (2019-04-04)[2026-11-21]. https://example.org/docs/jzc-2019-6/.',
    );
    expect(gbt7714(doc('rsbf-2019-34'), 'u', 'd')).toMatch(/^人力资源社会保障部, 教育部\. /u);
  });
  it('writes a Markdown link to the permalink', () => {
    expect(markdownLink('《甲》（乙）二、（五）', `https://x.org${clauseHref('jzc-2019-6', 's2-5')}`)).toBe('[《甲》（乙）二、（五）](https://x.org/docs/jzc-2019-6/#s2-5)');
    expect(markdownLink('a [b]', 'u')).toBe('[a \\[b\\]](u)');
  });
});

describe('locators put no space before a numbered item (correction 5)', () => {
  const locator = (id: string, anchor: string) => clauseLocator(findClause(doc(id), anchor)!);
  it('二、1. and 一、（一）1., not 二、 1.', () => {
    expect(locator('jzcsh-2019-36', 's2-1')).toBe('二、1.');
    expect(locator('jzcsh-2020-4', 's1-1-1')).toBe('一、（一）1.');
    expect(memoCitation(doc('jzcsh-2019-36'), findClause(doc('jzcsh-2019-36'), 's3-1'))).toMatch(/）三、1\.$/u);
  });
  it('keeps the space after 附件N and between two numbers, where they would run together', () => {
    expect(locator('jzcsh-2019-36', 'a2-s1')).toBe('附件2 1.');
    expect(locator('zjs-2019-67', 'a2-3-s4-3-1-1')).toBe('附件2-3 4.3.1 1.');
    expect(locator('zjs-2019-67', 'a2-2-s1-7-1')).toBe('附件2-2 1.7.1');
  });
  it('no citation of the real corpus has a space after 、 or ） before a number', () => {
    const bad = realCorpus().documents.flatMap((d) => walkClauses(d).map((p) => `${d.id}#${p.clause.anchor} ${memoCitation(d, p)}`)).filter((c) => /[、）] \d/u.test(c));
    expect(bad).toEqual([]);
  });
});

describe('law excerpts are cited under the law’s title, 节选 outside the 书名号 (correction 2)', () => {
  const law = realCorpus().documents.find((d) => d.title.includes('中华人民共和国职业教育法'))!;
  it('memo, GB/T 7714 and Markdown', () => {
    expect(law.title).toBe('《中华人民共和国职业教育法》节选');
    const memo = memoCitation(law, null);
    expect(memo).toBe('《中华人民共和国职业教育法》节选');
    expect(gbt7714(law, 'u', 'd')).toMatch(/^《中华人民共和国职业教育法》节选\[EB\/OL\]\. /u);
    expect(markdownLink(memo, 'u')).toBe('[《中华人民共和国职业教育法》节选](u)');
    const labour = realCorpus().documents.find((d) => d.title.includes('中华人民共和国劳动法'))!;
    expect(memoCitation(labour, null)).toBe('《中华人民共和国劳动法》节选');
  });
  it('quoteTitle: 〈〉 inside a quoted title, an excerpt title kept as printed', () => {
    expect(quoteTitle('教育部等四部门印发《试点方案》')).toBe('《教育部等四部门印发〈试点方案〉》');
    expect(quoteTitle('《中华人民共和国职业教育法》节选')).toBe('《中华人民共和国职业教育法》节选');
    expect(quoteTitle('《中华人民共和国职业教育法》（节选）')).toBe('《中华人民共和国职业教育法》（节选）');
    expect(quoteTitle('关于做好试点工作的通知')).toBe('《关于做好试点工作的通知》');
  });
});
