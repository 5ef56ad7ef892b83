/**
 * Search over the built site (dist/, built at most once per run by test/helpers/site.ts):
 * the index step's output, `npm run search` (the browser's code path in Node), filters,
 * clause sub-results, and the judged query set against plain Pagefind.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, table } from '../../scripts/search/evaluate.ts';
import { nodeDeps } from '../../scripts/search/node-pagefind.ts';
import { search } from '../../src/lib/search/engine.ts';
import type { SkillRow } from '../../src/schema/skills.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import { walkClauses } from '../../src/lib/citation.ts';
import { DIST, ROOT, ensureSite } from '../helpers/site.ts';

type Row = { url: string; title: string; excerpt: string; kind: string };

function cli(...args: string[]): Row[] {
  const out = execFileSync('npm', ['run', '-s', 'search', '--', ...args, '--json'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.slice(out.indexOf('['))) as Row[];
}

beforeAll(() => {
  ensureSite();
}, 300_000);

describe('index step of npm run build', () => {
  it('writes the Pagefind bundle and the search data into dist/', () => {
    for (const f of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'search/data.json', 'search/lookup.json']) {
      expect(existsSync(join(DIST, f)), f).toBe(true);
    }
  });
  it('indexes documents with kind, issuer and year filters', async () => {
    const pf = await nodeDeps(DIST).pagefind();
    const filters = (await pf.filters!())!;
    expect(Object.keys(filters.kind ?? {})).toContain('通知');
    expect(Object.keys(filters.year ?? {})).toContain('2019');
    expect(Object.keys(filters.issuer ?? {})).toContain('教育部职业技术教育中心研究所');
    expect(filters.type?.['政策文件']).toBe(22);
  });
  it('filters narrow full text: 通知 only', async () => {
    const r = await search('培训评价组织', nodeDeps(DIST), { filters: { kind: ['通知'] }, limit: 5 });
    expect(r.hits.length).toBeGreaterThan(0);
    for (const h of r.hits) expect(h.filters?.kind).toEqual(['通知']);
  });
  it('gives clause sub-results at clause anchors, without tool text in excerpts', async () => {
    const r = await search('学分银行', nodeDeps(DIST), { limit: 5 });
    const subs = r.hits.flatMap((h) => h.sub.map((s) => s.url));
    expect(subs.some((u) => /^\/docs\/[a-z0-9-]+\/#s\d/u.test(u))).toBe(true);
    // Every sub-result of a document is one of its clauses, never a page heading such as 状态 or 来源.
    const documents = JSON.parse(readFileSync(join(ROOT, 'content', 'generated', 'documents.json'), 'utf8')) as PolicyDocument[];
    const anchors = new Map(documents.map((d) => [d.id, new Set(walkClauses(d).map((p) => p.clause.anchor))]));
    for (const u of subs.filter((x) => x.startsWith('/docs/') && x.includes('#'))) {
      const [, id, anchor] = /^\/docs\/([^/]+)\/#(.+)$/u.exec(u)!;
      expect(anchors.get(id!)?.has(anchor!), u).toBe(true);
    }
    for (const h of r.hits) expect(h.excerpt.map((p) => p.text).join('')).not.toMatch(/备忘录引用|Markdown 链接|出处 \d{3}_/u);
  });
});

describe('npm run search', () => {
  it('a 文号 in square brackets → its document first', () => {
    expect(cli('教职成[2019]6号')[0]!.url).toBe('/docs/jzc-2019-6/');
  });
  it('a pasted citation → its clause first', () => {
    expect(cli('教职成〔2019〕6号 二（五）')[0]!.url).toBe('/docs/jzc-2019-6/#s2-5');
  });
  it('prints url, title and excerpt, and honours --limit', () => {
    const rows = cli('学分银行', '--limit', '3');
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.url).toMatch(/^\//u);
      expect(r.title.length).toBeGreaterThan(0);
      expect(r.excerpt.length).toBeGreaterThan(0);
    }
  });
  it('a skill code that exists nowhere matches nothing', () => {
    const rows = JSON.parse(readFileSync(join(ROOT, 'content/generated/skills.json'), 'utf8')) as SkillRow[];
    expect(rows.some((r) => r.normalizedCode === '3-4-S1')).toBe(false);
    expect(cli('3-4-S1')).toEqual([]);
  });
  it('a printed skill code → that code only', () => {
    const rows = cli('2-3-4-S5');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.kind === 'code' && (r.url.endsWith('/skills/2-3-4-S5/') || r.url.startsWith('/docs/')))).toBe(true);
  });
});

describe('judged query set (test/search/judged.json)', () => {
  it('ours: recall@5 ≥ 0.95 and MRR ≥ 0.85, clearly ahead of plain Pagefind on the same pages', async () => {
    const r = await evaluate(DIST);
    console.log(table(r));
    expect(r.ours.queries.length).toBeGreaterThanOrEqual(40);
    expect(r.ours.recall5).toBeGreaterThanOrEqual(0.95);
    expect(r.ours.mrr).toBeGreaterThanOrEqual(0.85);
    expect(r.ours.recall5 - r.plain.recall5).toBeGreaterThanOrEqual(0.3);
    expect(r.ours.mrr - r.plain.mrr).toBeGreaterThanOrEqual(0.3);
    // Every 文号, citation and code query is answered first.
    for (const q of r.ours.queries.filter((x) => ['docnumber', 'citation', 'code'].includes(x.kind))) expect(q.rr, q.q).toBe(1);
  });
});
