/**
 * Stage `structure` over a law whose body is 第X条 articles (issue #16): 款 are the article's paragraphs
 * (unnumbered, one a line, the first the article's own text), 项 （一）（二）… stand under their 款, 目 1. 2. …
 * under their 项; anchors follow that path (`art3` 第三条, `art3-2` its 第二款, `art3-1-4` 第一款第（四）项,
 * `art3-1-3-2` a 目); only 编/章/节 are headings; citations name the path (第三条第一款第（四）项).
 * A hand-written law in the open-law Markdown layout and as plain text (test/fixtures/laws/shilifa.*),
 * then the real 职业教育法 fixture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { documentNodes } from '../../scripts/ingest/parse/tree.ts';
import { sourceProcessor } from '../../scripts/ingest/stages.ts';
import type { Draft } from '../../scripts/ingest/structure.ts';
import { clauseHref, findClause, gbt7714, markdownLink, memoCitation } from '../../src/lib/citation.ts';
import type { Clause } from '../../src/schema/corpus.ts';
import { ROOT } from '../helpers/corpus.ts';

const LAWS = join(ROOT, 'test', 'fixtures', 'laws');
const ZYJYF = '/work/shared/fixtures/laws/zhiyejiaoyufa-1996-05-15.md';
const LDF = '/work/shared/fixtures/laws/laodongfa-2018-12-29.md';

function run(path: string): { file: VFile; draft: Draft } {
  const file = new VFile({ path: path.split('/').pop(), value: new Uint8Array(readFileSync(path)) });
  const p = sourceProcessor(file.basename!);
  const drafts = documentNodes(p.runSync(p.parse(file), file)).map((d) => d.data.draft!);
  expect(drafts).toHaveLength(1);
  return { file, draft: drafts[0]! };
}

/** The tree as `anchor kind label|heading|text`, indented by depth; chapters and articles only where numbered. */
function outline(cs: Clause[], depth = 0): string[] {
  return cs.flatMap((c) => [
    `${'  '.repeat(depth)}${c.anchor} ${c.kind} ${c.label ?? '-'} ${c.heading ?? '-'} ${c.text.slice(0, 12) || '-'}`,
    ...outline(c.children, depth + 1),
  ]);
}

const duplicates = (file: VFile) => file.messages.filter((m) => m.ruleId === 'duplicate-anchor').map((m) => `${m.line} ${m.reason}`);

/** The expected tree of test/fixtures/laws/shilifa.* (gold, written by hand). */
const SHILI = [
  'ch1 section 第一章 总则 -',
  '  art1 paragraph 第一条 - 为了规范职业技能等级证书',
  '  art2 section 第二条 - 国家建立职业技能等级证书',
  '    art2-2 paragraph - - 县级以上人民政府应当支持',
  'ch2 section 第二章 培训评价组织 -',
  '  art3 section 第三条 - 培训评价组织应当具备下列',
  '    art3-1-1 paragraph （一） - 有组织机构和章程；',
  '    art3-1-2 paragraph （二） - 有合格的专业人员。',
  '    art3-1-3 section （三） - 有与考核相适应的场所、设',
  '      art3-1-3-1 paragraph 1. - 考核场所；',
  '      art3-1-3-2 paragraph 2. - 考核设备。',
  '    art3-1-4 paragraph （四） - 有稳定的经费来源。',
  '    art3-2 paragraph - - 培训评价组织不得以营利为',
  '  art4 section 第四条 - 职业技能等级分为下列等级',
  '    art4-1-1 paragraph （一） - 初级；',
  '    art4-1-2 paragraph （二） - 中级；',
  '    art4-1-3 paragraph （三） - 高级。',
  '  art5 section 第五条 - 证书由培训评价组织颁发。',
  '    art5-2 section - - 有下列情形之一的，撤销证',
  '      art5-2-1 paragraph （一） - 以欺骗手段取得证书的；',
  '      art5-2-2 paragraph （二） - 伪造考核记录的。',
];

const LAW_DOC = { title: '中华人民共和国职业技能示例法', enclosedTitle: null, docNumber: null };
const cite = (d: Draft, anchor: string) => {
  const path = findClause(d, anchor);
  expect(path, anchor).not.toBeNull();
  return memoCitation(LAW_DOC, path);
};

describe('a hand-written law: 章, articles of one and two 款, 项 (some ending in 。), 目 under a 项', () => {
  for (const ext of ['md', 'txt']) {
    it(`anchors every 款, 项 and 目 by its path, without a duplicate-anchor warning (${ext})`, () => {
      const { file, draft } = run(join(LAWS, `shilifa.${ext}`));
      expect(outline(draft.clauses).filter((l) => !/^p\d/u.test(l))).toEqual(SHILI);
      expect(duplicates(file)).toEqual([]);
    });
  }

  it('cites the path: 第一款 only where the article has more than one 款', () => {
    const { draft } = run(join(LAWS, 'shilifa.md'));
    const cites = Object.fromEntries(
      ['art1', 'art2', 'art2-2', 'art3', 'art3-1-2', 'art3-1-3', 'art3-1-3-2', 'art3-1-4', 'art3-2', 'art4-1-2', 'art5-2', 'art5-2-1'].map((a) => [a, cite(draft, a)]),
    );
    expect(cites).toEqual({
      art1: '《中华人民共和国职业技能示例法》第一条',
      art2: '《中华人民共和国职业技能示例法》第二条',
      'art2-2': '《中华人民共和国职业技能示例法》第二条第二款',
      art3: '《中华人民共和国职业技能示例法》第三条',
      'art3-1-2': '《中华人民共和国职业技能示例法》第三条第一款第（二）项',
      'art3-1-3': '《中华人民共和国职业技能示例法》第三条第一款第（三）项',
      'art3-1-3-2': '《中华人民共和国职业技能示例法》第三条第一款第（三）项第2目',
      'art3-1-4': '《中华人民共和国职业技能示例法》第三条第一款第（四）项',
      'art3-2': '《中华人民共和国职业技能示例法》第三条第二款',
      'art4-1-2': '《中华人民共和国职业技能示例法》第四条第（二）项',
      'art5-2': '《中华人民共和国职业技能示例法》第五条第二款',
      'art5-2-1': '《中华人民共和国职业技能示例法》第五条第二款第（一）项',
    });
    // GB/T 7714 names the document; the path reaches it through the permalink. Markdown carries both.
    const url = `https://example.org${clauseHref('shilifa', 'art3-1-4')}`;
    expect(gbt7714({ ...LAW_DOC, issuers: ['全国人民代表大会常务委员会'], date: '2020-01-01' }, url, '2026-11-30')).toBe(
      '全国人民代表大会常务委员会. 中华人民共和国职业技能示例法[EB/OL]. (2020-01-01)[2026-11-30]. https://example.org/docs/shilifa/#art3-1-4.',
    );
    expect(markdownLink(cite(draft, 'art3-1-4'), url)).toBe('[《中华人民共和国职业技能示例法》第三条第一款第（四）项](https://example.org/docs/shilifa/#art3-1-4)');
  });
});

describe('the 职业教育法 fixture (1996)', () => {
  it('keeps its chapter anchors; 第二十四条 has two 款 of four 项 each and a 第三款; no duplicate-anchor warning', () => {
    const { file, draft } = run(ZYJYF);
    expect(duplicates(file)).toEqual([]);
    expect(draft.clauses.filter((c) => c.label?.endsWith('章')).map((c) => `${c.anchor} ${c.heading}`)).toEqual([
      'ch1 总则',
      'ch2 职业教育体系',
      'ch3 职业教育的实施',
      'ch4 职业教育的保障条件',
      'ch5 附则',
    ]);
    const art24 = findClause(draft, 'art24')!.clause;
    expect(outline([art24])).toEqual([
      'art24 section 第二十四条 - 职业学校的设立，必须符合',
      '  art24-1-1 paragraph （一） - 有组织机构和章程；',
      '  art24-1-2 paragraph （二） - 有合格的教师；',
      '  art24-1-3 paragraph （三） - 有符合规定标准的教学场所',
      '  art24-1-4 paragraph （四） - 有必备的办学资金和稳定的',
      '  art24-2 section - - 职业培训机构的设立，必须',
      '    art24-2-1 paragraph （一） - 有组织机构和管理制度；',
      '    art24-2-2 paragraph （二） - 有与培训任务相适应的教师',
      '    art24-2-3 paragraph （三） - 有与进行培训相适应的场所',
      '    art24-2-4 paragraph （四） - 有相应的经费。',
      '  art24-3 paragraph - - 职业学校和职业培训机构的',
    ]);
    // Every article is a clause of its chapter, none a heading; 40 articles, 第二十四条 the only one with 项.
    const articles = draft.clauses.flatMap((c) => c.children).filter((c) => /^第.+条$/u.test(c.label ?? ''));
    expect(articles.map((a) => a.anchor)).toEqual(Array.from({ length: 40 }, (_, k) => `art${k + 1}`));
    expect(articles.filter((a) => a.heading !== null)).toEqual([]);
    expect(articles.filter((a) => a.children.some((c) => c.label)).map((a) => a.anchor)).toEqual(['art24']);
    // 第十三条 (a short first 款 ending in 。) is text, not a heading; its 第二款 is art13-2.
    expect(outline([findClause(draft, 'art13')!.clause])).toEqual([
      'art13 section 第十三条 - 职业学校教育分为初等、中',
      '  art13-2 paragraph - - 初等、中等职业学校教育分',
    ]);
    const doc = { title: '中华人民共和国职业教育法', enclosedTitle: null, docNumber: null };
    const c = (a: string) => memoCitation(doc, findClause(draft, a));
    expect(['art24', 'art24-1-4', 'art24-2', 'art24-2-3', 'art24-3', 'art14-2', 'art5'].map(c)).toEqual([
      '《中华人民共和国职业教育法》第二十四条',
      '《中华人民共和国职业教育法》第二十四条第一款第（四）项',
      '《中华人民共和国职业教育法》第二十四条第二款',
      '《中华人民共和国职业教育法》第二十四条第二款第（三）项',
      '《中华人民共和国职业教育法》第二十四条第三款',
      '《中华人民共和国职业教育法》第十四条第二款',
      '《中华人民共和国职业教育法》第五条',
    ]);
  });
});

describe('the 劳动法 fixture (2018): 107 articles in 13 chapters', () => {
  it('reads every article, 第一百零六条 after 第十三章 too; no duplicate-anchor warning (there were 43)', () => {
    const { file, draft } = run(LDF);
    expect(duplicates(file)).toEqual([]);
    const chapters = draft.clauses.filter((c) => c.label?.endsWith('章'));
    expect(chapters.map((c) => c.anchor)).toEqual(Array.from({ length: 13 }, (_, k) => `ch${k + 1}`));
    const articles = chapters.flatMap((c) => c.children);
    expect(articles.map((a) => a.anchor)).toEqual(Array.from({ length: 107 }, (_, k) => `art${k + 1}`));
    expect(articles.filter((a) => a.heading !== null)).toEqual([]);
    // 第十九条: a 第一款 of seven 项, then a 第二款 (劳动合同除前款规定的必备条款外…).
    const art19 = findClause(draft, 'art19')!.clause;
    expect(art19.children.map((c) => `${c.anchor} ${c.label ?? '款'}`)).toEqual([
      ...['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）'].map((l, k) => `art19-1-${k + 1} ${l}`),
      'art19-2 款',
    ]);
    const doc = { title: '中华人民共和国劳动法', enclosedTitle: null, docNumber: null };
    expect(memoCitation(doc, findClause(draft, 'art19-1-7'))).toBe('《中华人民共和国劳动法》第十九条第一款第（七）项');
    expect(memoCitation(doc, findClause(draft, 'art19-2'))).toBe('《中华人民共和国劳动法》第十九条第二款');
    expect(memoCitation(doc, findClause(draft, 'art107'))).toBe('《中华人民共和国劳动法》第一百零七条');
  });
});
