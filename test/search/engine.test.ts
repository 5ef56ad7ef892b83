/** Pure parts of the engine and the query normalisation (src/lib/search/). */
import { describe, expect, it } from 'vitest';
import { type PagefindLike, type SearchDeps, coverage, parseExcerpt, search, splitPhrases, suggest } from '../../src/lib/search/engine.ts';
import { foldWidth, matchUnits, normalizeQuery, segmentQuery, squeezeHanSpaces } from '../../src/lib/search/normalize.ts';

describe('normalisation', () => {
  it('folds full-width ASCII but keeps Chinese brackets', () => {
    expect(foldWidth('１＋Ｘ证书（试点）')).toBe('1+X证书（试点）');
    expect(normalizeQuery('  教职成„2019‟6号　二（五） ')).toBe('教职成〔2019〕6号 二（五）');
    expect(normalizeQuery('“书证融通”')).toBe('"书证融通"');
  });
  it('squeezes spaces between Han characters only', () => {
    expect(squeezeHanSpaces('培训 评价 组织 1+X 证书')).toBe('培训评价组织 1+X 证书');
  });
  it('segments Han runs into words for Pagefind, the same in Node and the browser', () => {
    const words = segmentQuery('证书考核成本核算').split(' ');
    expect(words.length).toBeGreaterThan(1);
    expect(words.join('')).toBe('证书考核成本核算');
    expect(segmentQuery('职教20条')).toBe('职教20条');
    expect(segmentQuery('X证书服务平台').startsWith('X ')).toBe(true);
    expect(segmentQuery('  2-3-4-S5  ')).toBe('2-3-4-S5');
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
      { text: '银行 <b> &', mark: false },
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
