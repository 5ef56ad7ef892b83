/**
 * Issue 16 against the law-version fixtures and their gold (test/fixtures/laws/versions/: invented laws,
 * gold.json written by hand without reading the engine): works, versions, statuses on 2026-11-30 (已被修订,
 * 已废止, 尚未施行), histories, citations made in v1 numbering, structural paths, 编/章/节.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { articleAnchor } from '../../scripts/ingest/references.ts';
import { clauseLocator, findClause, walkClauses } from '../../src/lib/citation.ts';
import type { Clause, PolicyDocument } from '../../src/schema/corpus.ts';
import { ROOT } from '../helpers/corpus.ts';

const DIR = join(ROOT, 'test', 'fixtures', 'laws', 'versions');
interface Gold {
  today: string;
  documents: Record<string, { name: string; excerpt: boolean; version: string; effective: string; status: string; history: Array<{ date: string; action: string }>; articles: number | null; chapters?: number; repealedBy?: string; repealedOn?: string; title?: string; documentDate?: string }>;
  works: Array<{ name: string; files: string[]; current: string | null; currentAlso?: string[]; newest?: string; repealedBy?: string; versions?: Array<{ version: string; files: string[]; status: string }> }>;
  citations: Array<{ in: string; inArticle?: number; printed: string; version: string; article: number; kuan?: number; xiang?: number; targetFile: string; targetText?: string; quotedText?: string }>;
  repeals: Array<{ in: string; inArticle: number; printed: string; target: string; on: string }>;
  paths: Array<{ file: string; citation: string; text: string; line: string }>;
  bian: { file: string; divisions: string[]; articles: number; tree: Division[]; paths: Array<{ citation: string; text: string; within: string[] }> };
}
interface Division {
  division: string;
  level: string;
  articles?: number[];
  children?: Division[];
}
const gold = JSON.parse(readFileSync(join(DIR, 'gold.json'), 'utf8')) as Gold;

const files = readdirSync(DIR).filter((f) => /\.(md|txt)$/u.test(f) && f !== 'README.md').sort();
const result = ingest(files.map((file) => ({ file, bytes: new Uint8Array(readFileSync(join(DIR, file))) })), [], [], { asOf: gold.today, until: 'events' });
/** The document a file was read into (pingjiafa-2023.md and .txt are one version: one document, two variants). */
const docOf = (file: string): PolicyDocument => {
  const d = result.documents.find((x) => x.source.some((s) => s.file === file));
  if (!d) throw new Error(`no document from ${file}`);
  return d;
};
const isArticle = (c: Clause) => /^第.+条$/u.test(c.label ?? '');
const divisionOf = (c: Clause) => (/^第.+[编章节]$/u.test(c.label ?? '') ? `${c.label} ${c.heading}` : null);
const anomalies = (rule: string) => result.report.anomalies.filter((a) => a.kind === rule).map((a) => `${a.file}:${a.line} ${a.message}`);

describe('gold documents: name, version, 施行, status and history', () => {
  for (const [file, g] of Object.entries(gold.documents)) {
    it(file, () => {
      const d = docOf(file);
      expect(d.law, file).not.toBeNull();
      expect({ name: d.law!.name, excerpt: d.law!.excerpt, version: d.law!.version, effective: d.law!.effective, status: d.law!.status }).toEqual({
        name: g.name,
        excerpt: g.excerpt,
        version: g.version,
        effective: g.effective,
        status: g.status,
      });
      expect(d.law!.history.map((h) => ({ date: h.date, action: h.action }))).toEqual(g.history);
      const clauses = walkClauses(d).map((p) => p.clause);
      if (g.articles !== null) expect(clauses.filter(isArticle)).toHaveLength(g.articles);
      if (g.chapters !== undefined) expect(clauses.filter((c) => /^第.+章$/u.test(c.label ?? ''))).toHaveLength(g.chapters);
      if (g.title !== undefined) expect({ title: d.title, date: d.date }).toEqual({ title: g.title, date: g.documentDate });
      if (g.repealedBy) {
        const by = docOf(g.repealedBy);
        expect(d.law!.repealedBy).toEqual({ document: by.id, anchor: 'art7' });
        expect(by.law!.effective).toBe(g.repealedOn);
      } else expect(d.law!.repealedBy).toBeNull();
    });
  }

  it('the plain-text copy of v2 is the same version as the Markdown one: its 目录 is not read as chapters, no duplicate anchors', () => {
    expect(docOf('pingjiafa-2023.txt').id).toBe(docOf('pingjiafa-2023.md').id);
    expect(docOf('pingjiafa-2023.md').variants.map((v) => [v.source.file, v.differences.length])).toEqual([
      ['pingjiafa-2023.md', 0],
      ['pingjiafa-2023.txt', 0],
    ]);
    expect(anomalies('duplicate-anchor')).toEqual([]);
  });

  it('cites each history entry at its line: the plain-text history block spans two lines', () => {
    const txt = ingest([{ file: 'pingjiafa-2023.txt', bytes: new Uint8Array(readFileSync(join(DIR, 'pingjiafa-2023.txt'))) }], [], [], { asOf: gold.today, until: 'laws' });
    expect(txt.documents[0]!.law!.history.map((h) => `${h.date} ${h.action} ${h.source.line} ${h.anchor ?? '-'}`)).toEqual([
      '2019-03-01 通过 2 -',
      '2023-06-28 修订 3 -',
      '2024-01-01 施行 46 art15',
    ]);
    expect(txt.report.sources[0]!.coveredLines).toBe(txt.report.sources[0]!.nonBlankLines);
  });
});

describe('gold works', () => {
  for (const w of gold.works) {
    it(w.name, () => {
      const ids = [...new Set(w.files.map((f) => docOf(f).id))];
      const work = result.works.find((x) => x.name === w.name)!;
      expect(work.versions.map((v) => v.document).sort()).toEqual([...ids].sort());
      for (const id of ids) expect(result.documents.find((d) => d.id === id)!.law!.work).toBe(work.id);
      expect(work.current).toBe(w.current === null ? null : docOf(w.current).id);
      for (const also of w.currentAlso ?? []) expect(docOf(also).id).toBe(work.current);
      if (w.newest) expect(work.versions.at(-1)!.document).toBe(docOf(w.newest).id);
      for (const v of w.versions ?? []) {
        for (const f of v.files) expect(work.versions.find((x) => x.document === docOf(f).id)).toMatchObject({ version: v.version, status: v.status });
      }
      expect(work.asOf).toBe(gold.today);
    });
  }

  it('work ids: pinyin initials of the name, none equal to a document id', () => {
    expect(result.works.map((w) => w.id)).toEqual(['zyjnpjslglbf', 'zyjnpjsljdglbf', 'zhrmghgzyfzslfd', 'zhrmghgzyjnpjslf', 'mmszyjnpjtl', 'zhrmghgszzyjnslf']);
    const docIds = new Set(result.documents.map((d) => d.id));
    expect(result.works.filter((w) => docIds.has(w.id))).toEqual([]);
  });

  it('statuses in Chinese for the page', () => {
    const note = (f: string) => docOf(f).law!.statusNote;
    expect(note('pingjiafa-2019.md')).toBe('已被2023年6月28日修订的版本取代');
    expect(note('pingjiafa-2023.md')).toBe('现行有效，自2024年1月1日起施行');
    expect(note('weilai-2026.md')).toBe('自2027年3月1日起施行');
    expect(note('banfa-2018.md')).toBe('已被《职业技能评价示例监督管理办法》废止（自2022年7月1日起）：2018年5月1日公布的《职业技能评价示例管理办法》同时废止。');
    expect(note('jiexuan-notice.txt')).toBe('节选；已被2023年6月28日修订的版本取代');
  });
});

describe('gold citations: the version in force when cited, in its numbering', () => {
  for (const c of gold.citations) {
    it(`${c.in}: ${c.printed}`, () => {
      const from = docOf(c.in);
      const target = docOf(c.targetFile);
      const title = c.printed.slice(0, c.printed.indexOf('》') + 1);
      const refs = result.references.filter((r) => r.from === from.id && r.printed === title && r.targetAnchor !== null);
      const anchor = articleAnchor(c.printed.slice(title.length))!;
      const ref = refs.find((r) => r.targetAnchor === anchor);
      expect(ref, `${anchor} among ${refs.map((r) => r.targetAnchor).join(', ')}`).toBeDefined();
      expect(ref!.target).toBe(target.id);
      expect(target.law!.version).toBe(c.version);
      if (c.inArticle) expect(ref!.anchor).toBe(`art${c.inArticle}`);
      const clause = findClause(target, anchor)!.clause;
      expect(clause.text).toBe(c.targetText ?? c.quotedText);
    });
  }

  it('the repealing sentence cites the repealed 办法', () => {
    for (const r of gold.repeals) {
      const ref = result.references.find((x) => x.from === docOf(r.in).id && r.printed.includes(x.printed))!;
      expect(ref).toMatchObject({ anchor: `art${r.inArticle}`, target: docOf(r.target).id });
    }
  });
});

describe('gold paths: a citation inside a file reaches its clause', () => {
  for (const p of gold.paths) {
    it(`${p.file} ${p.citation}`, () => {
      const d = docOf(p.file);
      const path = findClause(d, articleAnchor(p.citation)!)!;
      expect(path.clause.text).toBe(p.text);
      // The memo cites 第一款 only where the article has more than one 款 (第六条 has one: 第六条第（三）项第1目).
      const article = [...path.ancestors, path.clause].find(isArticle)!;
      const oneKuan = !article.children.some((c) => c.label === null && c.kind !== 'table');
      expect(clauseLocator(path)).toBe(oneKuan ? p.citation.replace('第一款', '') : p.citation);
    });
  }
});

describe('gold 编: divisions, the tree, scoped chapter anchors', () => {
  const d = docOf(gold.bian.file);
  it('divisions in order; 10 articles; chapters restart per 编, their anchors scoped by it', () => {
    const divisions = walkClauses(d).filter((p) => divisionOf(p.clause)).map((p) => divisionOf(p.clause));
    expect(divisions).toEqual(gold.bian.divisions);
    expect(walkClauses(d).filter((p) => isArticle(p.clause))).toHaveLength(gold.bian.articles);
    expect(walkClauses(d).filter((p) => divisionOf(p.clause)).map((p) => p.clause.anchor)).toEqual([
      'pt1', 'pt1-ch1', 'pt1-ch2', 'pt2', 'pt2-ch1', 'pt2-ch1-sec1', 'pt2-ch1-sec2', 'pt2-ch2', 'pt2-ch3',
    ]);
    expect(anomalies('duplicate-anchor')).toEqual([]);
  });

  it('the tree: each division holds the articles of gold', () => {
    const tree = (cs: Clause[]): Division[] =>
      cs.filter((c) => divisionOf(c)).map((c) => {
        const level = c.label!.at(-1)!;
        const sub = tree(c.children);
        const articles = c.children.filter(isArticle).map((a) => Number(a.anchor.slice(3)));
        return { division: divisionOf(c)!, level, ...(sub.length ? { children: sub } : {}), ...(articles.length ? { articles } : {}) };
      });
    expect(tree(d.clauses)).toEqual(gold.bian.tree);
  });

  it('paths within 编/章/节', () => {
    for (const p of gold.bian.paths) {
      const path = findClause(d, articleAnchor(p.citation)!)!;
      expect(path.clause.text).toBe(p.text);
      expect(path.ancestors.filter((a) => divisionOf(a)).map(divisionOf)).toEqual(p.within);
    }
  });
});
