/**
 * The results page's pure parts (src/lib/search/present.ts): a hit as a card, the order by date, the
 * filter groups that can narrow, and the messages. Hits are built from the real corpus
 * (content/generated/documents.json) with the HitMeta the index step is to write, and as the built
 * site gives them today (filters only, no meta).
 */
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src/lib/search/engine.ts';
import { cardOf, cleanTitle, errorMessage, factsOf, filterCounts, narrowingGroups, notHeldNote, parseSort, resultsSummary, sortHits } from '../../src/lib/search/present.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import { generated } from '../helpers/site.ts';

const documents = generated<PolicyDocument[]>('documents.json');
const doc = (id: string) => documents.find((d) => d.id === id)!;

/** A document's hit as the index step is to describe it (HitMeta from the typed collection). */
function docHit(d: PolicyDocument, withMeta = true): SearchHit {
  return {
    kind: 'text',
    url: `/docs/${d.id}/`,
    title: d.title,
    excerpt: [],
    sub: [],
    filters: { type: ['政策文件'], kind: [d.kind], year: d.date ? [d.date.slice(0, 4)] : [], issuer: d.issuers },
    ...(withMeta ? { meta: { kind: d.kind, ...(d.docNumber ? { docNumber: d.docNumber } : {}), ...(d.issuers.length ? { issuer: d.issuers.join('、') } : {}), ...(d.date ? { date: d.date } : {}) } } : {}),
  };
}

/** A skill row of /certificates/wlgl/ as the built site gives it today (学分银行 / 考核成本 queries). */
const skillHit: SearchHit = {
  kind: 'text',
  url: '/certificates/wlgl/skills/l2-f5-w1-s2/',
  title: '中级 技能要求 位置l2-f5-w1-s2 能将物流作业成本分析应用于作业流程优化和绩效考核方案',
  excerpt: [
    { text: '中级技能要求位置l2-f5-w1-s2 能将物流作业', mark: false },
    { text: '成本', mark: true },
    { text: '分析应用于作业流程优化和绩效', mark: false },
    { text: '考核', mark: true },
    { text: '方案.', mark: false },
  ],
  sub: [{ url: '/certificates/wlgl/skills/l3-f4-w2-s2/', title: '高级 技能要求 位置l3-f4-w2-s2 能制定物流绩效考核指标体系和考核制度', excerpt: [] }],
  filters: { batch: ['首批'], certificate: ['物流管理'], type: ['证书'] },
};

describe('cards', () => {
  it('a document: title, then 文号 · 发文机关 · 日期 · 类别, never its path', () => {
    const card = cardOf(docHit(doc('jzcsh-2020-4')));
    expect(card.title).toBe('关于职业技能等级证书信息管理服务平台和职业教育国家学分银行信息平台试运行工作的通知');
    expect(card.facts).toEqual(['教职成司函〔2020〕4号', '教育部职业教育与成人教育司', '2020年1月11日', '通知']);
    expect(card.facts.join(' ')).not.toContain('/docs/');
    expect(factsOf(docHit(doc('jzc-2019-6')))).toEqual(['教职成〔2019〕6号', '教育部、国家发展改革委、财政部、市场监管总局', '2019年4月4日', '通知']);
  });

  it('without meta (today’s index): what the filters say — 发文机关, 年份, 文种', () => {
    expect(factsOf(docHit(doc('jzs-2019-314'), false))).toEqual(['教育部职业技术教育中心研究所', '2019年', '公示']);
  });

  it('a skill row: no position code in title, sub-results or excerpt; its printed label when the index gives one', () => {
    const card = cardOf(skillHit);
    expect(card.title).toBe('中级 技能要求 能将物流作业成本分析应用于作业流程优化和绩效考核方案');
    expect(card.sub[0]!.title).toBe('高级 技能要求 能制定物流绩效考核指标体系和考核制度');
    expect(JSON.stringify(card)).not.toMatch(/位置\s*l\d|l2-f5-w1-s2"?[^/]/u);
    expect(card.facts).toEqual(['物流管理', '证书']);
    const labelled = cardOf({ ...skillHit, meta: { kind: '技能要求', label: '2.' } });
    expect(labelled.title).toBe('中级 技能要求 2. 能将物流作业成本分析应用于作业流程优化和绩效考核方案');
    expect(labelled.facts).toEqual(['物流管理', '技能要求']);
    expect(cleanTitle('初级 技能要求 1-4-1-S1 能使用 HTML5 新增语义化元素', '1-4-1-S1')).toBe('初级 技能要求 1-4-1-S1 能使用 HTML5 新增语义化元素');
  });

  it('a page excerpt that its first clause repeats is shown once, under the clause (学分银行 → /docs/jzc-2019-6/)', () => {
    const hit: SearchHit = {
      ...docHit(doc('jzc-2019-6')),
      excerpt: [
        { text: '。 （六）探索建立职业教育国家“', mark: false },
        { text: '学分银行', mark: true },
        { text: '” 国务院教育行政部门探索建立职业教育“', mark: false },
        { text: '学分银行', mark: true },
        { text: '”制度，研制相关规范，建设', mark: false },
      ],
      sub: [
        {
          url: '/docs/jzc-2019-6/#s2-6',
          title: '（六）探索建立职业教育国家“学分银行”',
          excerpt: [
            { text: '建立职业教育国家“', mark: false },
            { text: '学分银行', mark: true },
            { text: '” 国务院教育行政部门探索建立职业教育“', mark: false },
            { text: '学分银行', mark: true },
            { text: '”制度，研制相关规范，建设信息系统，对学历', mark: false },
          ],
        },
      ],
    };
    const card = cardOf(hit);
    expect(card.excerpt).toEqual([]);
    expect(card.sub[0]!.excerpt.map((p) => p.text).join('')).toBe('…建立职业教育国家“学分银行” 国务院教育行政部门探索建立职业教育“学分银行”制度，研制相关规范，建设信息系统，对学历…');
    // A different passage stays.
    expect(cardOf({ ...hit, sub: [{ ...hit.sub[0]!, excerpt: [{ text: '企合作；建好用好实训基地；探索建设职业教育国家“学分银行”，构建国家资历框架。', mark: false }] }] }).excerpt.length).toBeGreaterThan(0);
  });

  it('an exact lookup keeps its badge and reason', () => {
    const card = cardOf({ kind: 'docnumber', url: '/docs/jzc-2019-6/', title: doc('jzc-2019-6').title, reason: '文号 教职成〔2019〕6号', excerpt: [], sub: [] });
    expect(card.badge).toBe('文号直达');
    expect(card.reason).toBe('文号 教职成〔2019〕6号');
  });
});

describe('order', () => {
  it('?sort=date is date; anything else relevance', () => {
    expect(parseSort('date')).toBe('date');
    expect(parseSort(null)).toBe('relevance');
    expect(parseSort('foo')).toBe('relevance');
  });

  it('by date: the 22 documents newest first, certificate pages (undated) last, exact lookups first', () => {
    const hits = [skillHit, ...documents.map((d) => docHit(d))];
    const exact: SearchHit = { kind: 'docnumber', url: '/docs/gf-2019-4/', title: '国发〔2019〕4号', excerpt: [], sub: [] };
    const sorted = sortHits([...hits, exact], 'date');
    expect(sorted[0]).toBe(exact);
    expect(sorted[1]!.url).toBe('/docs/xmbh-2024-2/');
    expect(sorted[1]!.meta!.date).toBe('2024-09-04');
    expect(sorted.at(-2)!.url).toBe('/docs/1996-09-01-zhrmghgzyjyfjx/');
    expect(sorted.at(-1)).toBe(skillHit);
    const dates = sorted.slice(1, -1).map((h) => h.meta!.date!);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(sortHits(hits, 'relevance')).toBe(hits);
  });

  it('without meta, a year sorts after the dated days of that year; ties keep relevance order', () => {
    const a = docHit(doc('jzs-2019-314'), false);
    const b = docHit(doc('jzs-2019-341'));
    const c = docHit(doc('jzcsh-2020-4'), false);
    const d = docHit(doc('gf-2019-4'), false);
    expect(sortHits([a, b, c, d], 'date').map((h) => h.url)).toEqual(['/docs/jzcsh-2020-4/', '/docs/jzs-2019-341/', '/docs/jzs-2019-314/', '/docs/gf-2019-4/']);
  });
});

describe('filters that can narrow', () => {
  // Counts as Pagefind answers them for the 22 documents (文种 from the corpus).
  const kinds: Record<string, number> = {};
  for (const d of documents) kinds[d.kind] = (kinds[d.kind] ?? 0) + 1;

  it('a group with two or more values among the results is offered; one value, or one all share, is not', () => {
    const groups = narrowingGroups({ kind: kinds, type: { 政策文件: 22 }, issuer: { 国务院: 1 } }, {}, 22, {});
    expect(groups.map((g) => g.key)).toEqual(['kind']);
    expect(groups[0]!.values).toEqual([['通知', 15], ['公告', 3], ['法律', 2], ['公示', 1], ['意见', 1]]);
    // Two issuers of one joint document: both on every result, nothing to narrow.
    expect(narrowingGroups({ issuer: { 教育部: 1, 财政部: 1 } }, {}, 1, {})).toEqual([]);
    expect(narrowingGroups({}, {}, 0, {})).toEqual([]);
  });

  it('a group the reader set stays, with every value of the query, so it can be changed back', () => {
    const groups = narrowingGroups({ kind: { 公示: 1 } }, { kind: kinds }, 1, { kind: ['公示'] });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.selected).toBe('公示');
    expect(groups[0]!.values.map(([v]) => v)).toContain('通知');
  });

  it('counts come from the hits returned (the filters of their records); exact lookups, without filters, are not counted', () => {
    const hit = (kind: 'text' | 'code', filters?: Record<string, string[]>) => ({ kind, filters });
    const { counts, total } = filterCounts([
      hit('code'),
      hit('text', { type: ['政策文件'], kind: ['通知'], issuer: ['教育部', '财政部'] }),
      hit('text', { type: ['政策文件'], kind: ['意见'], issuer: ['教育部'] }),
      hit('text', { type: ['证书'], certificate: ['物流管理'] }),
      hit('text'),
    ]);
    expect(total).toBe(3);
    expect(counts).toEqual({ type: { 政策文件: 2, 证书: 1 }, kind: { 通知: 1, 意见: 1 }, issuer: { 教育部: 2, 财政部: 1 }, certificate: { 物流管理: 1 } });
    expect(narrowingGroups(counts, {}, total, {}).map((g) => g.key)).toEqual(['type', 'kind', 'issuer']);
    // Hits all of one type, sharing every value: nothing to narrow.
    const one = filterCounts([hit('text', { type: ['政策文件'], year: ['2019'] }), hit('text', { type: ['政策文件'], year: ['2019'] })]);
    expect(narrowingGroups(one.counts, {}, one.total, {})).toEqual([]);
  });

  it('years newest first', () => {
    const groups = narrowingGroups({ year: { 2019: 15, 2020: 2, 2024: 1 } }, {}, 18, {});
    expect(groups[0]!.values.map(([v]) => v)).toEqual(['2024', '2020', '2019']);
  });
});

describe('messages in Chinese', () => {
  it('a failed load reads as a load failure, never “Failed to fetch”', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('搜索索引加载失败，请检查网络后重试。');
    expect(errorMessage(new TypeError('Failed to fetch dynamically imported module: /pagefind/pagefind.js'))).toBe('搜索索引加载失败，请检查网络后重试。');
    expect(errorMessage(new Error('load 404 /search/data.json'))).toBe('搜索索引加载失败，请检查网络后重试。');
    expect(errorMessage(new RangeError('x is undefined'))).toBe('搜索时出错，请刷新页面后重试。');
    expect(errorMessage(new Error('Failed to fetch'))).not.toMatch(/[A-Za-z]/u);
  });

  it('the summary says how many, how many shown, and the order', () => {
    expect(resultsSummary({ total: 6, exact: 0, shown: 5, order: 'relevance' })).toBe('找到 6 项，显示前 5 项。');
    expect(resultsSummary({ total: 188, exact: 1, shown: 5, order: 'relevance' })).toBe('找到 189 项，其中 1 项直达，显示前 5 项。');
    expect(resultsSummary({ total: 7, exact: 0, shown: 7, order: 'date', pool: 30 })).toBe('找到 7 项；按日期排列，新的在前。');
    expect(resultsSummary({ total: 188, exact: 0, shown: 5, order: 'date', pool: 30 })).toBe('找到 188 项；按日期排列其中最相关的 30 项，显示前 5 项。');
  });

  it('a 文号 the corpus does not hold: 本库未收录, and the documents that cite it', () => {
    // jzc-2019-6 cites 国发〔2019〕4号 …; here a number no source holds, cited by two real documents.
    const cite = (id: string) => ({ url: `/docs/${id}/`, title: doc(id).title, docNumber: doc(id).docNumber ?? undefined });
    const note = notHeldNote({ number: '教职成〔2019〕99号', citedBy: [cite('jzc-2019-6'), cite('jzcth-2019-19')] });
    expect(note.heading).toBe('本库未收录 教职成〔2019〕99号');
    expect(note.lead).toBe('本库中引用它的文件：');
    expect(note.links[0]).toEqual({ href: '/docs/jzc-2019-6/', text: `《${doc('jzc-2019-6').title}》`, docNumber: '教职成〔2019〕6号' });
    expect(note.links[1]!.docNumber).toBe('教职成厅函〔2019〕19号');
    expect(notHeldNote({ number: '教职成〔2019〕99号', citedBy: [] })).toEqual({ heading: '本库未收录 教职成〔2019〕99号', lead: '本库中也没有文件引用它。', links: [] });
  });
});
