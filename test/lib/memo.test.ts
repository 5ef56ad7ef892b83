/**
 * 引用清单 (src/lib/memo/): items made from real clauses, skill rows and fees of the corpus, the basket's
 * changes (add, remove, reorder, annotate, read back from storage) and its exports (memo draft, GB/T 7714
 * list, Markdown, .docx blocks), each checked against the citations src/lib/citation.ts writes.
 */
import { describe, expect, it } from 'vitest';
import { findClause, gbt7714, memoCitation } from '../../src/lib/citation.ts';
import { addItem, annotate, emptyBasket, has, moveItem, parseBasket, removeItem, serializeBasket } from '../../src/lib/memo/basket.ts';
import { docxBlocks, exportFileName, gbtList, markdown, markdownText, memoDraft, referenceEntries, withCitation } from '../../src/lib/memo/export.ts';
import { type MemoItem, clauseItem, clauseOwnText, clauseText, feeItem, itemFromData, memoDataAttributes, skillItem } from '../../src/lib/memo/item.ts';
import { skillCitation } from '../../src/lib/skills.ts';
import { doc, realCorpus } from '../helpers/corpus.ts';

const fangan = doc('jzc-2019-6');
const TITLE = '《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》（教职成〔2019〕6号）';
const GBT = '教育部, 国家发展改革委, 财政部, 等. 教育部等四部门印发《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》的通知: 教职成〔2019〕6号[EB/OL]. (2019-04-04)';
const ctx = { origin: 'https://kb.example.org', accessed: '2026-11-30' };

const clause = (anchor: string): MemoItem => clauseItem(fangan, findClause(fangan, anchor)!);
const { standards, rows } = realCorpus().standards;
const web = standards.find((s) => s.id === 'web-qdkf')!;
const webRow = rows.find((r) => r.standard === 'web-qdkf' && r.code === '1-1-1-S1')!;
const skill = skillItem(web, webRow, 'web-qdkf', doc(web.document));

describe('items made from the corpus', () => {
  it('a section: its heading line, then its paragraphs; cited as the site cites it', () => {
    const item = clause('s2-5');
    expect(item.key).toBe('/docs/jzc-2019-6/#s2-5');
    expect(item.href).toBe('/docs/jzc-2019-6/#s2-5');
    expect(item.cite).toBe(`${TITLE}二、（五）`);
    expect(item.cite).toBe(memoCitation(fangan, findClause(fangan, 's2-5')));
    expect(item.title).toBe('关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案');
    expect(item.docNumber).toBe('教职成〔2019〕6号');
    expect(item.text.split('\n')).toHaveLength(2);
    expect(item.text).toMatch(/^（五）严格职业技能等级考核与证书发放\n培训评价组织负责职业技能等级考核与证书发放。.*取得相应等级的职业技能等级证书。$/u);
    expect(item.source).toEqual({ id: 'jzc-2019-6', href: '/docs/jzc-2019-6/', gbt: gbt7714(fangan, '{{url}}', '{{accessed}}') });
  });

  it('own text is the first line of the whole text; the button holds only its own', () => {
    const path = findClause(fangan, 's2-5')!;
    expect(clauseOwnText(path.clause)).toBe('（五）严格职业技能等级考核与证书发放');
    expect(clauseText(path.clause).startsWith(clauseOwnText(path.clause))).toBe(true);
    const attrs = memoDataAttributes(clause('s2-5'), clauseOwnText(path.clause));
    expect(attrs['data-memo-text']).toBe('（五）严格职业技能等级考核与证书发放');
    expect(attrs['data-memo-cite']).toBe(`${TITLE}二、（五）`);
    expect(attrs['data-memo-gbt']).toContain('[EB/OL]. (2019-04-04)[{{accessed}}]. {{url}}.');
  });

  it('reads an item back from a button dataset, and refuses one without key or citation', () => {
    const attrs = memoDataAttributes(skill);
    const dataset = Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k.slice(5).replace(/-([a-z])/gu, (_, c: string) => c.toUpperCase()), v]));
    expect(itemFromData(dataset)).toEqual(skill);
    expect(itemFromData({ ...dataset, memoCite: '' })).toBeNull();
    expect(itemFromData({ ...dataset, memoKind: 'page' })).toBeNull();
  });

  it('a skill row: its text, the site’s skill citation, its page; its GB/T 7714 entry is the document printing the standard', () => {
    expect(skill.key).toBe('/certificates/web-qdkf/skills/1-1-1-S1/');
    expect(skill.text).toBe('能使用 HTML 文本标签、头部标记、页面创建超链接');
    expect(skill.cite).toBe(skillCitation(web, webRow));
    expect(skill.cite).toBe('《Web 前端开发职业技能等级标准》（初级）1-1-1-S1');
    expect(skill.source?.id).toBe('zjs-2019-67');
    expect(skill.docNumber).toBe('职教所〔2019〕67号');
  });

  it('a fee figure and the fee rule: the sentence, cited by its clause', () => {
    const { fees, rules } = realCorpus().fees;
    const fee = fees.find((f) => f.text.includes('1800元/人'))!;
    const item = feeItem(fee, doc(fee.documentId));
    expect(item.key).toBe(`fee:${fee.id}`);
    expect(item.text).toBe('培训费：1800元/人（包含讲课费、教材费、考试费、餐费等）。');
    expect(item.cite).toBe(memoCitation(doc(fee.documentId), findClause(doc(fee.documentId), fee.anchor!)));
    const rule = rules[0]!;
    const ruleItem = feeItem(rule, doc(rule.documentId));
    expect(ruleItem.text).toBe('若为混合型考试，则根据各类型考核分值所占比例确定成本上限。');
    expect(ruleItem.href).toBe(`/docs/${rule.documentId}/#${rule.anchor}`);
  });
});

describe('the basket', () => {
  const a = clause('s2-5');
  const b = clause('s2-6');
  const full = addItem(addItem(addItem(emptyBasket(), a), b), skill);

  it('adds at the end, once', () => {
    expect(full.items.map((i) => i.key)).toEqual([a.key, b.key, skill.key]);
    expect(addItem(full, { ...a, text: 'changed' })).toBe(full);
    expect(has(full, b.key)).toBe(true);
  });

  it('removes', () => {
    const next = removeItem(full, b.key);
    expect(next.items.map((i) => i.key)).toEqual([a.key, skill.key]);
    expect(full.items).toHaveLength(3);
  });

  it('moves up and down, stopping at the ends', () => {
    expect(moveItem(full, skill.key, -1).items.map((i) => i.key)).toEqual([a.key, skill.key, b.key]);
    expect(moveItem(full, a.key, 1).items.map((i) => i.key)).toEqual([b.key, a.key, skill.key]);
    expect(moveItem(full, a.key, -1)).toBe(full);
    expect(moveItem(full, skill.key, 5).items.map((i) => i.key)).toEqual([a.key, b.key, skill.key]);
    expect(moveItem(full, 'nope', 1)).toBe(full);
  });

  it('annotates one item', () => {
    const next = annotate(full, b.key, '学分银行：教务处牵头  \n');
    expect(next.items.map((i) => i.note)).toEqual(['', '学分银行：教务处牵头', '']);
  });

  it('survives storage: round trip, and garbage or foreign links read as nothing', () => {
    const noted = annotate(full, a.key, '注');
    expect(parseBasket(serializeBasket(noted))).toEqual(noted);
    expect(parseBasket(null)).toEqual(emptyBasket());
    expect(parseBasket('{not json')).toEqual(emptyBasket());
    expect(parseBasket('{"items":3}')).toEqual(emptyBasket());
    const hostile = JSON.stringify({ version: 1, items: [{ ...a, href: 'https://evil.example/' }, { ...a, href: '//evil.example/x' }, { key: 'k' }, b, b] });
    expect(parseBasket(hostile).items.map((i) => i.key)).toEqual([b.key]);
  });
});

describe('exports', () => {
  const items = annotate(addItem(addItem(addItem(emptyBasket(), clause('s2-5')), clause('s2-6')), skill), clause('s2-6').key, '学分银行由教务处牵头').items;

  it('复制原文及引用: the text, then the memo citation on its own line', () => {
    expect(withCitation(clause('s2-5').text, clause('s2-5').cite)).toMatch(/^（五）严格职业技能等级考核与证书发放\n培训评价组织.*证书。\n——《关于在院校实施“学历证书\+若干职业技能等级证书”制度试点方案》（教职成〔2019〕6号）二、（五）$/u);
  });

  it('the memo draft: each item’s text, its citation, the note after it', () => {
    const draft = memoDraft(items);
    const blocks = draft.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[0]!.split('\n').at(-1)).toBe(`——${TITLE}二、（五）`);
    expect(blocks[1]!.split('\n').slice(-2)).toEqual([`——${TITLE}二、（六）`, '备注：学分银行由教务处牵头']);
    expect(blocks[1]!.startsWith('（六）探索建立职业教育国家“学分银行”\n国务院教育行政部门探索建立职业教育“学分银行”制度')).toBe(true);
    expect(blocks[2]).toBe('能使用 HTML 文本标签、头部标记、页面创建超链接\n——《Web 前端开发职业技能等级标准》（初级）1-1-1-S1');
    expect(memoDraft([])).toBe('');
  });

  it('the GB/T 7714 list: one numbered entry per document, in order of first use', () => {
    expect(gbtList(items, ctx)).toBe(
      `[1] ${GBT}[2026-11-30]. https://kb.example.org/docs/jzc-2019-6/.\n` +
        '[2] 教育部职业技术教育中心研究所. 关于参与 1+X 证书制度试点的首批职业教育培训评价组织及职业技能等级证书公示公告: 职教所〔2019〕67号[EB/OL]. (2019-03-26)[2026-11-30]. https://kb.example.org/docs/zjs-2019-67/.\n',
    );
    expect(gbtList(items, ctx)).toContain(gbt7714(fangan, 'https://kb.example.org/docs/jzc-2019-6/', '2026-11-30'));
    expect(referenceEntries([...items].reverse(), ctx).map((e) => e.documentId)).toEqual(['zjs-2019-67', 'jzc-2019-6']);
  });

  it('Markdown: quoted text, citations linked to absolute permalinks, the note, the reference list', () => {
    const md = markdown(items, ctx);
    expect(md.startsWith('# 引用清单\n\n> （五）严格职业技能等级考核与证书发放\n>\n> 培训评价组织负责')).toBe(true);
    expect(md).toContain(`——[${TITLE}二、（五）](https://kb.example.org/docs/jzc-2019-6/#s2-5)`);
    expect(md).toContain(`——[${TITLE}二、（六）](https://kb.example.org/docs/jzc-2019-6/#s2-6)\n\n备注：学分银行由教务处牵头`);
    expect(md).toContain('——[《Web 前端开发职业技能等级标准》（初级）1-1-1-S1](https://kb.example.org/certificates/web-qdkf/skills/1-1-1-S1/)');
    expect(md).toContain(`## 参考文献\n\n1. ${GBT}[2026-11-30]. https://kb.example.org/docs/jzc-2019-6/.\n2. 教育部职业技术教育中心研究所.`);
  });

  it('escapes what Markdown would read as markup in source text', () => {
    expect(markdownText('- (2) a*b_c [x] <y>')).toBe('\\- (2) a\\*b\\_c [x] \\<y\\>');
    expect(markdownText('见[附件](1)与[EB/OL]')).toBe('见[附件\\](1)与[EB/OL]');
    expect(markdownText('1. 第一')).toBe('1\\. 第一');
    expect(markdownText('# 标题')).toBe('\\# 标题');
  });

  it('.docx blocks: title, each item’s lines, its linked citation and note, the reference list', () => {
    const blocks = docxBlocks(items, ctx);
    expect(blocks[0]).toEqual({ type: 'title', text: '引用清单' });
    const cites = blocks.filter((b) => b.type === 'cite');
    expect(cites).toEqual([
      { type: 'cite', text: `——${TITLE}二、（五）`, url: 'https://kb.example.org/docs/jzc-2019-6/#s2-5' },
      { type: 'cite', text: `——${TITLE}二、（六）`, url: 'https://kb.example.org/docs/jzc-2019-6/#s2-6' },
      { type: 'cite', text: '——《Web 前端开发职业技能等级标准》（初级）1-1-1-S1', url: 'https://kb.example.org/certificates/web-qdkf/skills/1-1-1-S1/' },
    ]);
    expect(blocks.filter((b) => b.type === 'note')).toEqual([{ type: 'note', text: '备注：学分银行由教务处牵头' }]);
    expect(blocks.filter((b) => b.type === 'reference').map((b) => b.text.slice(0, 4))).toEqual(['[1] ', '[2] ']);
    expect(blocks.filter((b) => b.type === 'text')).toHaveLength(5);
  });

  it('names the downloads by date', () => {
    expect(exportFileName('docx', '2026-11-30')).toBe('引用清单-2026-11-30.docx');
    expect(exportFileName('gbt', '2026-11-30')).toBe('参考文献-2026-11-30.txt');
  });
});
