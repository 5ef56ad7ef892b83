/** Pure parts of the engine and the query normalisation (src/lib/search/). */
import { describe, expect, it } from 'vitest';
import { type PagefindLike, type SearchDeps, coverage, dropOrder, nameMatch, lookupMeta, parseExcerpt, recordKey, recordTarget, retoldLocator, search, splitPhrases, suggest } from '../../src/lib/search/engine.ts';
import { WORD_SEPARATOR, foldWidth, matchUnits, normalizeQuery, segmentQuery, segmentText, segmentWords, squeezeHanSpaces } from '../../src/lib/search/normalize.ts';

describe('names in the ranking', () => {
  it('a query that is a whole name outranks the longer names that hold it; a name the query misses scores nothing', () => {
    const q = '职业技能等级证书';
    const units = matchUnits(q);
    // The certificate list's name (/certificates/) against a certificate's full name.
    const list = nameMatch(units, q, '职业技能等级证书');
    const one = nameMatch(units, q, '物流管理职业技能等级证书');
    expect(list).toBe(1);
    expect(one).toBeGreaterThan(0.75);
    expect(one).toBeLessThan(list);
    expect(nameMatch(units, q, '老年照护')).toBe(0);
    // A query holding the whole name and more: every name unit said, half the query's units in the name.
    expect(nameMatch(matchUnits('物流管理中级'), '物流管理中级', '物流管理')).toBeCloseTo(coverage(matchUnits('物流管理中级'), '物流管理'));
  });
});

describe('normalisation', () => {
  it('folds full-width ASCII but keeps Chinese brackets', () => {
    expect(foldWidth('１＋Ｘ证书（试点）')).toBe('1+X证书（试点）');
    expect(normalizeQuery('  教职成„2019‟6号　二（五） ')).toBe('教职成〔2019〕6号 二（五）');
    expect(normalizeQuery('“书证融通”')).toBe('"书证融通"');
  });
  it('removes the separators next to Han characters and CJK punctuation, keeps spaces between Latin words', () => {
    expect(squeezeHanSpaces('培训 评价 组织 1+X 证书')).toBe('培训评价组织1+X证书');
    expect(squeezeHanSpaces('“ 双师型 ” 教师 ， Web 前端 , HTTP API')).toBe('“双师型”教师，Web前端, HTTP API');
    expect(squeezeHanSpaces(segmentText('考核站点一般应设在符合条件的试点院校。Web 前端开发'))).toBe('考核站点一般应设在符合条件的试点院校。Web前端开发');
  });
  it('segments Han runs into words for Pagefind, the same in Node and the browser', () => {
    const words = segmentQuery('证书考核成本核算').split(' ');
    expect(words.length).toBeGreaterThan(1);
    expect(words.join('')).toBe('证书考核成本核算');
    expect(segmentQuery('X证书服务平台').startsWith('X ')).toBe(true);
    expect(segmentQuery('  2-3-4-S5  ')).toBe('2-3-4-S5');
    // Punctuation is no word; Pagefind indexes 1+X as 1x.
    expect(segmentQuery('“双师型”教师，1+X证书')).toBe(segmentQuery('双师型 教师 1X证书'));
  });
  it('merges the pieces Intl.Segmenter makes of a listed word, on the text and the query alike', () => {
    const merge = new Set(['考评员', '三同两别', '职教20条', '双师型']);
    expect(segmentQuery('考评员')).not.toBe('考评员');
    expect(segmentQuery('考评员', merge)).toBe('考评员');
    expect(segmentQuery('职教20条', merge)).toBe('职教20条');
    // Punctuation is a word of the text for Pagefind's positions, but never matched.
    const text = segmentWords('实行“三同两别”，面向考评员培训；“双师型”教师', merge).filter((w) => /^[\p{Script=Han}A-Za-z0-9]/u.test(w));
    for (const q of ['三同两别', '考评员', '双师型教师']) {
      const qw = segmentQuery(q, merge).split(' ');
      const at = text.indexOf(qw[0]!);
      expect(at, q).toBeGreaterThanOrEqual(0);
      expect(text.slice(at, at + qw.length), q).toEqual(qw);
    }
    // The index separates words with U+2009 and keeps the text's own whitespace.
    expect(segmentText('考评员 培训', merge)).toBe('考评员 培训');
    expect(segmentText('双师型教师', merge)).toBe(`双师型${WORD_SEPARATOR}教师`);
  });
  it('match units are Han bigrams and ASCII words', () => {
    expect(matchUnits('Web前端')).toEqual(['web', '前端']);
    expect(coverage(matchUnits('学分银行'), '国家学分银行信息平台')).toBe(1);
  });
});

describe('excerpts are text with marks, never HTML', () => {
  it('parses Pagefind excerpt HTML and decodes entities', () => {
    expect(parseExcerpt('国家<mark>学分</mark>银行 &lt;b&gt; &amp;')).toEqual([
      { text: '国家', mark: false },
      { text: '学分', mark: true },
      { text: '银行<b> &', mark: false },
    ]);
  });
  it('squeezes the separators between marked words too', () => {
    expect(parseExcerpt('国家<mark>学分</mark> <mark>银行</mark> 信息 平台 （ http ）')).toEqual([
      { text: '国家', mark: false },
      { text: '学分银行', mark: true },
      { text: '信息平台（http）', mark: false },
    ]);
  });
  it('splits quoted phrases from the rest', () => {
    expect(splitPhrases('"管好两端" 书证融通')).toEqual({ phrases: ['管好两端'], text: '管好两端 书证融通' });
  });
  it('suggests close terms', () => {
    expect(suggest('学分银航', ['学分银行', '考核成本', '书证融通'])).toEqual(['学分银行']);
  });
});

function fakeDeps(pages: { id: string; url: string; title: string; content: string; score: number }[]): SearchDeps {
  const pf: PagefindLike = {
    search: async (term) => ({
      results: pages
        .filter((p) => term.split(' ').some((t) => p.content.includes(t)))
        .map((p) => ({ id: p.id, score: p.score, data: async () => ({ url: p.url, content: p.content, excerpt: p.content.slice(0, 20), meta: { title: p.title } }) })),
    }),
  };
  return {
    pagefind: async () => pf,
    data: async () => ({ pages: Object.fromEntries(pages.map((p) => [p.id, { url: p.url, title: p.title }])), names: [], terms: ['学分银行'] }),
    lookup: async () => ({ docs: [{ id: 'a', url: '/docs/a/', title: 'A', numbers: ['教职成〔2019〕6号'], clauses: { '二(五)': 's2-5' }, clauseTitles: {} }] }),
    codes: async () => [],
  };
}

describe('search()', () => {
  const deps = fakeDeps([
    { id: 'p1', url: '/docs/a/', title: 'A', content: '管好 两端 规范中间', score: 2 },
    { id: 'p2', url: '/docs/b/', title: 'B', content: '管好两端、规范中间', score: 1 },
  ]);
  it('a phrase keeps only pages holding it verbatim', async () => {
    const r = await search('"管好两端、规范中间"', deps);
    expect(r.hits.map((h) => h.url)).toEqual(['/docs/b/']);
    expect(r.hits[0]!.excerpt.some((p) => p.mark && p.text === '管好两端、规范中间')).toBe(true);
  });
  it('a 文号 with a clause returns the clause first and no full text', async () => {
    const r = await search('教职成(2019)6号 二（五）', deps);
    expect(r.hits.map((h) => h.url)).toEqual(['/docs/a/#s2-5', '/docs/a/']);
  });
  it('an unknown code returns nothing and says so, instead of matching its pieces', async () => {
    const r = await search('3-4-S1', deps);
    expect(r.hits).toEqual([]);
    expect(r.unknownCode).toBe('3-4-S1');
  });
  it('nothing found: close matches are suggested', async () => {
    const r = await search('学分银航', deps);
    expect(r.hits).toEqual([]);
    expect(r.suggestions).toContain('学分银行');
  });
});

/** A Pagefind stand-in with Pagefind's semantics: a record matches when it holds every word (words are space-separated in its text). */
function andDeps(records: { id: string; url: string; content: string; meta?: Record<string, string> }[], pages: Record<string, { url: string; keywords?: string[] }> = {}) {
  const calls: string[] = [];
  const pf: PagefindLike = {
    search: async (term) => {
      calls.push(term);
      const words = term.split(' ');
      const hits = records.filter((r) => words.every((w) => r.content.split(' ').includes(w)));
      return {
        results: hits.map((r) => ({
          id: r.id,
          score: words.filter((w) => r.content.includes(w)).length / r.content.split(' ').length,
          data: async () => ({ url: r.url, content: r.content, excerpt: r.content, meta: { title: r.url, ...r.meta } }),
        })),
      };
    },
  };
  const deps: SearchDeps = {
    pagefind: async () => pf,
    data: async () => ({ pages, names: [], words: ['站点', '试点'] }),
    lookup: async () => ({ docs: [] }),
    codes: async () => [],
  };
  return { deps, calls };
}

describe('clause records and the any-term fallback', () => {
  const records: { id: string; url: string; content: string; meta?: Record<string, string> }[] = [
    { id: 'd1', url: '/docs/a/', content: '关于 试点 的 通知', meta: { kind: '通知', docnumber: '教职成〔2019〕6号', issuer: '教育部', date: '2019-04-04' } },
    { id: 'c1', url: '/docs/a/#s2-5', content: '考核 站点 一般 应 设在 试点 院校', meta: { kind: '通知', title: '二、（五）', page: '关于 试点 的 通知' } },
    { id: 'c2', url: '/docs/a/#s2-6', content: '试点 院校 学分 银行', meta: { kind: '通知', title: '二、（六）', page: '关于 试点 的 通知' } },
    { id: 'c3', url: '/docs/b/#s1', content: '考核 成本 上限', meta: { kind: '公示', title: '一、', page: 'B' } },
    { id: 'p2', url: '/glossary/x/', content: '学分 银行 试点', meta: { kind: '名词' } },
  ];
  it('a page is hit by its best clause: the hit is that clause, the page appears once, its other clauses are listed', async () => {
    const { deps } = andDeps(records, { d1: { url: '/docs/a/' }, p2: { url: '/glossary/x/' } });
    const r = await search('考核站点 试点院校', deps);
    expect(r.hits[0]!.url).toBe('/docs/a/#s2-5');
    expect(r.hits.filter((h) => h.url.startsWith('/docs/a/'))).toHaveLength(1);
    expect(r.hits[0]!.title).toBe('关于试点的通知 · 二、（五）');
    expect(r.hits[0]!.meta).toEqual({ kind: '通知' });
  });
  it('when all words together find fewer than five records, each word is searched alone; records holding more of them rank first', async () => {
    const { deps, calls } = andDeps([...records, { id: 'c4', url: '/docs/c/#s1', content: '试点 院校 名单' }], { d1: { url: '/docs/a/' }, p2: { url: '/glossary/x/' } });
    const r = await search('学分银行 试点 的', deps);
    // No record holds 的 as well; single characters are not searched alone.
    expect(calls).toEqual(['学分 银行 试点 的', '学分', '银行', '试点']);
    // Holding 学分, 银行 and 试点: the clause (its page once) and the term; /docs/c/ holds 试点 only: below them.
    expect(r.hits.slice(0, 2).map((h) => h.url).sort()).toEqual(['/docs/a/#s2-6', '/glossary/x/']);
    expect(r.hits.map((h) => h.url)).toContain('/docs/c/#s1');
    expect(r.hits.findIndex((h) => h.url === '/docs/c/#s1')).toBeGreaterThan(1);
  });
  it('weak results (a slip found by one of its words) still offer the close term', async () => {
    const { deps } = andDeps(records, { d1: { url: '/docs/a/' }, p2: { url: '/glossary/x/' } });
    const core = { v: 1 as const, syn: {}, alias: {}, drop: [[], []] as [string[], string[]], trad: '' };
    const withVocab: SearchDeps = { ...deps, data: async () => ({ ...(await deps.data()), vocab: core, terms: ['学分银行', '考核成本'] }) };
    const r = await search('学分很行', withVocab);
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.suggestions).toEqual(['学分银行']);
  });
  it('deferSubs: the same hits at once, their sub-results once loadSubs has run', async () => {
    // The page's `r` (its records' keys) groups its clauses under it.
    const recs = [
      { id: 'u_aaaa0', url: '/docs/a/', content: '关于 试点 的 通知' },
      { id: 'u_aaaa1', url: '/docs/a/#s2-5', content: '考核 站点 设在 试点 院校', meta: { title: '二、（五）', page: '通知' } },
      { id: 'u_aaaa2', url: '/docs/a/#s2-6', content: '试点 院校 学分 银行', meta: { title: '二、（六）', page: '通知' } },
      { id: 'u_bbbb1', url: '/docs/b/#s1', content: '试点 院校 名单', meta: { title: '一、', page: 'B' } },
    ];
    const { deps } = andDeps(recs, { u_aaaa0: { url: '/docs/a/', r: recordKey('u_aaaa1') + recordKey('u_aaaa2') } as { url: string } });
    for (const q of ['试点院校', '"试点院校"']) {
      const whole = await search(q, deps);
      const first = await search(q, deps, { deferSubs: true });
      expect(first.hits.map((h) => h.url)).toEqual(whole.hits.map((h) => h.url));
      if (q === '试点院校') {
        expect(whole.hits.some((h) => h.sub.length)).toBe(true);
        expect(first.hits.every((h) => h.sub.length === 0)).toBe(true);
      }
      await first.loadSubs?.();
      expect(first.hits).toEqual(whole.hits);
    }
  });
  it('drops single characters, then common words, then short ones', () => {
    expect(dropOrder(['学分', '的', '银行', '试点'], ['试点'])).toEqual(['的', '试点', '银行', '学分']);
  });
  it('a certificate’s row record leads to the row’s page, a clause record to its anchor', () => {
    expect(recordTarget('/certificates/web-qdkf/#2-3-4-S5')).toBe('/certificates/web-qdkf/skills/2-3-4-S5/');
    expect(recordTarget('/docs/jzc-2019-6/#s2-5')).toBe('/docs/jzc-2019-6/#s2-5');
  });
  it('exact hits carry their facts: a document’s from lookup.json, a code’s label', () => {
    const docs = [{ id: 'a', url: '/docs/a/', title: 'A', numbers: [], clauses: {}, clauseTitles: {}, meta: { kind: '通知', docNumber: '教职成〔2019〕6号' } }];
    expect(lookupMeta({ kind: 'citation', url: '/docs/a/#s2-5', title: 'A', reason: '' }, docs)).toEqual({ kind: '通知', docNumber: '教职成〔2019〕6号' });
    expect(lookupMeta({ kind: 'code', url: '/certificates/x/skills/2-3-4-S5/', title: '2-3-4-S5 · Web 前端开发（中级）', reason: '' }, [])).toEqual({ kind: '技能要求', label: '2-3-4-S5' });
    expect(lookupMeta({ kind: 'name', url: '/organizations/y/', title: 'Y', reason: '' }, [])).toEqual({ kind: '培训评价组织' });
  });
});

describe('clause locators as readers retell them (retoldLocator)', () => {
  // Keys as lookup.json builds them (locatorKey of the printed locator).
  const parts = { clauses: { 一: 's1', '一(一)': 's1-1', 二: 's2', '二(五)': 's2-5', '二(一)': 's2-1', 三: 's3', '三(十二)': 's3-12', '四(十四)': 's4-14' } };
  const numbered = { clauses: { 1: 's1', 2: 's2', 3: 's3', '二3': 'x' } };
  it('第N条 for a top-level item printed 二、 or 3.', () => {
    expect(retoldLocator(parts, '第二条')).toBe('s2');
    expect(retoldLocator(numbered, '第3条')).toBe('s3');
    expect(retoldLocator(numbered, '第三条')).toBe('s3');
  });
  it('an item numbered through the parts, named alone: （十二）, 第十四条', () => {
    expect(retoldLocator(parts, '（十二）')).toBe('s3-12');
    expect(retoldLocator(parts, '第十四条')).toBe('s4-14');
  });
  it('第二部分第五条 for 二、（五）', () => {
    expect(retoldLocator(parts, '第二部分第五条')).toBe('s2-5');
  });
  it('no clause when the item is under several parts, or the locator holds other words', () => {
    expect(retoldLocator(parts, '（一）')).toBeNull();
    expect(retoldLocator(parts, '第九条')).toBeNull();
    expect(retoldLocator(parts, '考核方式')).toBeNull();
  });
});
