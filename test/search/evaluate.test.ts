/**
 * The judged-set scores (scripts/search/evaluate.ts): page level, clause level (hits and their sub-results),
 * not-held 文号, per kind and per set. Inline answers; the real-site run is in site.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { type Answer, type Judged, score, summarise, table } from '../../scripts/search/evaluate.ts';
import type { SearchHit } from '../../src/lib/search/engine.ts';

const hit = (url: string, sub: string[] = []): SearchHit => ({ kind: 'text', url, title: url, excerpt: [], sub: sub.map((u) => ({ url: u, title: u, excerpt: [] })) });
const answer = (hits: SearchHit[], notHeld?: Answer['notHeld']): Answer => ({ hits, ...(notHeld ? { notHeld } : {}) });

describe('page level', () => {
  it('recall@5 and reciprocal rank; an expected page without anchor accepts any of its anchors', () => {
    const j: Judged = { q: '学分银行', kind: 'keyword', expect: ['/docs/a/', '/docs/b/'] };
    const s = score(j, j.expect, answer([hit('/docs/x/'), hit('/docs/a/#s2-5'), hit('/docs/y/'), hit('/docs/z/'), hit('/docs/w/'), hit('/docs/b/')]));
    expect(s.recall).toBe(0.5);
    expect(s.rr).toBe(0.5);
    expect(s.set).toBe('old');
    expect(s.clauseRecall).toBeUndefined();
  });
  it('older callers pass URLs only', () => {
    const j: Judged = { q: 'q', kind: 'keyword', expect: ['/docs/a/'] };
    expect(score(j, j.expect, ['/docs/a/']).rr).toBe(1);
  });
});

describe('clause level', () => {
  const j: Judged = { q: '考核内容', kind: 'clause', expect: ['/docs/a/'], clause: ['/docs/a/#s2-5', '/docs/a/#s3'], set: 'fresh' };
  it('a clause counts as a hit among the first five or as one of their sub-results, in any of its judged forms', () => {
    const s = score(j, j.expect, answer([hit('/docs/a/', ['/docs/a/#s3', '/docs/a/#s1'])]));
    expect(s.clauseRecall).toBe(1);
    expect(score(j, j.expect, answer([hit('/docs/a/', ['/docs/a/#s1'])])).clauseRecall).toBe(0);
    expect(s.recall).toBe(1);
  });
  it('a sub-result of the sixth hit does not count, nor does the page for its clause', () => {
    const hits = [1, 2, 3, 4, 5].map((n) => hit(`/docs/x${n}/`)).concat(hit('/docs/a/', ['/docs/a/#s2-5', '/docs/a/#s3']));
    expect(score(j, j.expect, answer(hits)).clauseRecall).toBe(0);
    expect(score({ ...j, clause: '/docs/a/#s3' }, j.expect, answer([hit('/docs/a/#s3')])).clauseRecall).toBe(1);
  });
});

describe('not-held 文号', () => {
  const j: Judged = { q: '教职所[2018]144', kind: 'not-held', notHeld: '教职所〔2018〕144号', expect: ['/docs/c1/', '/docs/c2/'], set: 'fresh' };
  const cited = (urls: string[]) => urls.map((url) => ({ url, title: url }));
  it('found when notHeld names that 文号 (in any bracket form) and citedBy covers expect', () => {
    const s = score(j, j.expect, answer([], { number: '教职所〔2018〕144号', citedBy: cited(['/docs/c2/#p1', '/docs/c1/#p1']) }));
    expect([s.recall, s.rr]).toEqual([1, 1]);
    expect(score({ ...j, notHeld: '教职所[2018]144号' }, j.expect, answer([], { number: '教职所〔2018〕144号', citedBy: cited(['/docs/c1/']) })).recall).toBe(0.5);
  });
  it('not found: another 文号, no notHeld, or loose hits instead', () => {
    expect(score(j, j.expect, answer([], { number: '教职所〔2018〕145号', citedBy: cited(['/docs/c1/', '/docs/c2/']) })).recall).toBe(0);
    expect(score(j, j.expect, answer([hit('/docs/c1/'), hit('/docs/c2/')])).recall).toBe(0);
  });
  it('a number cited nowhere: found when named, with empty citedBy', () => {
    const k: Judged = { q: '教职成〔2019〕7号', kind: 'not-held', notHeld: '教职成〔2019〕7号', expect: [] };
    expect(score(k, [], answer([], { number: '教职成〔2019〕7号', citedBy: [] })).rr).toBe(1);
  });
});

describe('per kind and per set', () => {
  it('old, fresh and all cells; the table lists kinds, sets and the totals, ours beside plain', () => {
    const mk = (q: string, kind: string, fresh: boolean, found: boolean) => {
      const j: Judged = { q, kind, expect: ['/docs/a/'], ...(fresh ? { set: 'fresh' as const } : {}) };
      return score(j, j.expect, answer(found ? [hit('/docs/a/')] : [hit('/docs/b/')]));
    };
    const ours = summarise([mk('1', 'keyword', false, true), mk('2', 'keyword', true, false), mk('3', 'slip', true, true)]);
    const plain = summarise([mk('1', 'keyword', false, false), mk('2', 'keyword', true, false), mk('3', 'slip', true, false)]);
    expect(ours.cells.keyword!.old!.recall5).toBe(1);
    expect(ours.cells.keyword!.fresh!.recall5).toBe(0);
    expect(ours.cells.keyword!.all!.recall5).toBe(0.5);
    expect(ours.cells['*']!.fresh!.n).toBe(2);
    expect(ours.recall5).toBeCloseTo(2 / 3);
    const t = table({ ours, plain }).split('\n');
    expect(t[0]).toContain('recall@5 plain');
    expect(t.filter((l) => l.startsWith('| keyword |')).map((l) => l.split('|')[2]!.trim())).toEqual(['old', 'fresh', 'all']);
    // A kind written in one set only has no separate 'all' row.
    expect(t.filter((l) => l.startsWith('| slip |')).length).toBe(1);
    expect(t.at(-1)).toMatch(/^\| \*\*all kinds\*\* \| all \| 3 \| \*\*0\.667\*\* \| 0\.000 \|/u);
  });
});

describe('not-held clause level', () => {
  it('the citing clause counts when notHeld.citedBy holds its permalink', () => {
    const j: Judged = { q: '教职所〔2020〕21号', kind: 'not-held', notHeld: '教职所〔2020〕21号', expect: ['/docs/l/'], clause: ['/docs/l/#p1'], set: 'fresh' };
    expect(score(j, j.expect, answer([], { number: '教职所〔2020〕21号', citedBy: [{ url: '/docs/l/#p1', title: 'l' }] })).clauseRecall).toBe(1);
    expect(score(j, j.expect, answer([], { number: '教职所〔2020〕21号', citedBy: [{ url: '/docs/l/#p2', title: 'l' }] })).clauseRecall).toBe(0);
  });
});

describe('npm run search -- --stdin (one start-up, one JSON line per query)', () => {
  it('answers every line in order: a held 文号, a pasted citation, a not-held 文号, a keyword', async () => {
    const { execFileSync } = await import('node:child_process');
    const { ensureSite, ROOT } = await import('../helpers/site.ts');
    ensureSite();
    const input = ['人社部发[2019]34', '《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》（教职成〔2019〕6号）二、（五）第1段', '', '教职所2018年144号', '学分银行'].join('\n');
    const out = execFileSync('npm', ['run', '-s', 'search', '--', '--stdin', '--json', '--limit', '3'], { cwd: ROOT, input, encoding: 'utf8' });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { query: string; ms: number; hits: { url: string }[]; notHeld?: { number: string; citedBy: { url: string }[] } });
    expect(lines.map((l) => l.query)).toEqual(['人社部发[2019]34', expect.stringContaining('二、（五）第1段'), '教职所2018年144号', '学分银行']);
    expect(lines[0]!.hits[0]!.url).toBe('/docs/rsbf-2019-34/');
    expect(lines[1]!.hits[0]!.url).toBe('/docs/jzc-2019-6/#s2-5-p1');
    expect(lines[2]!.hits).toEqual([]);
    expect(lines[2]!.notHeld!.number).toBe('教职所〔2018〕144号');
    expect(lines[2]!.notHeld!.citedBy.map((c) => c.url)).toEqual(['/docs/zjs-2019-67/#p1', '/docs/jzs-2019-89/#p1', '/docs/jzs-2019-219/#p1']);
    expect(lines[3]!.hits.length).toBe(3);
    expect(lines.every((l) => typeof l.ms === 'number')).toBe(true);
  }, 300_000);
});
