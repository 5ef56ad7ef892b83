/**
 * Builds the real site once (ingest + astro build; test/helpers/site.ts builds at most once per run) and checks the pages in dist/
 * against the real corpus: the document list, a clause's heading and citation,
 * sources and 校订 on a two-source document, every in-site link and anchor,
 * and that no page carries an inline script.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { findClause, memoCitation, walkClauses } from '../../src/lib/citation.ts';
import type { IngestReport, PolicyDocument } from '../../src/schema/corpus.ts';
import type { LawWork } from '../../src/schema/laws.ts';
import { brokenLinks, ensureSite, htmlFiles, page, sitePathOf } from '../helpers/site.ts';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');

let docs: PolicyDocument[] = [];
let report: IngestReport;

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/gu, ' ').trim();

beforeAll(() => {
  ensureSite();
  docs = JSON.parse(readFileSync(join(root, 'content/generated/documents.json'), 'utf8')) as PolicyDocument[];
  report = JSON.parse(readFileSync(join(root, 'content/generated/report.json'), 'utf8')) as IngestReport;
});

describe('document list /docs/', () => {
  it('has one row per document, each linking to its page, newest first', () => {
    expect(docs.length).toBeGreaterThan(0);
    const rows = [...page('/docs/').querySelectorAll('table.doc-table tbody tr')];
    expect(rows).toHaveLength(docs.length);
    const linked = rows.map((r) => r.querySelector('a')?.getAttribute('href'));
    expect(new Set(linked)).toEqual(new Set(docs.map((d) => `/docs/${d.id}/`)));
    const dates = rows.map((r) => r.getAttribute('data-date')).filter((d): d is string => Boolean(d));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(text(page('/docs/').querySelector('[data-count]'))).toBe(`共 ${docs.length} 件`);
  });

  it('gives every row the data the filters use', () => {
    for (const row of page('/docs/').querySelectorAll('table.doc-table tbody tr')) {
      const doc = docs.find((d) => d.id === row.getAttribute('data-doc'))!;
      expect(row.getAttribute('data-kind')).toBe(doc.kind);
      expect(row.getAttribute('data-issuers')).toBe(doc.issuers.join('|'));
      expect(row.getAttribute('data-year')).toBe(doc.date?.slice(0, 4) ?? '');
    }
  });

  it('the home page counts the documents and links the five latest', () => {
    const home = page('/');
    expect(text(home.querySelector('main'))).toContain(`共 ${docs.length} 件`);
    expect(home.querySelectorAll('.doc-list li')).toHaveLength(Math.min(5, docs.length));
  });
});

describe('document page /docs/jzc-2019-6/', () => {
  it('renders every clause of the document with its anchor as id', () => {
    for (const doc of docs) {
      const html = page(`/docs/${doc.id}/`);
      expect(text(html.querySelector('h1'))).toBe(doc.title);
      for (const { clause } of walkClauses(doc)) expect(html.getElementById(clause.anchor), `${doc.id}#${clause.anchor}`).not.toBeNull();
    }
  });

  it('has 二、（五） as a heading with its memo citation on a copy button', () => {
    const html = page('/docs/jzc-2019-6/');
    const clause = html.getElementById('s2-5');
    expect(clause).not.toBeNull();
    expect(text(clause!.querySelector('.clause__heading'))).toContain('严格职业技能等级考核与证书发放');
    const menu = [...html.querySelectorAll('[data-cite-href]')].find((m) => m.getAttribute('data-cite-href') === '/docs/jzc-2019-6/#s2-5');
    const memo = menu?.querySelector('button[data-format="memo"]')?.getAttribute('data-cite');
    expect(memo).toContain('《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》（教职成〔2019〕6号）二、（五）');
    const doc = docs.find((d) => d.id === 'jzc-2019-6')!;
    expect(memo).toBe(memoCitation(doc, findClause(doc, 's2-5')));
    const gbt = menu?.querySelector('button[data-format="gbt7714"]')?.getAttribute('data-cite') ?? '';
    expect(gbt).toContain('{{accessed}}');
    expect(gbt).toContain('{{url}}');
  });

  it('offers a whole-document citation', () => {
    const html = page('/docs/jzc-2019-6/');
    const menu = [...html.querySelectorAll('[data-cite-href]')].find((m) => m.getAttribute('data-cite-href') === '/docs/jzc-2019-6/');
    const doc = docs.find((d) => d.id === 'jzc-2019-6')!;
    expect(menu?.querySelector('button[data-format="memo"]')?.getAttribute('data-cite')).toBe(memoCitation(doc, null));
    expect(text(html.querySelector('.print-cite'))).toContain(memoCitation(doc, null));
  });
});

describe('document page /docs/jzcsh-2019-36/', () => {
  const doc = () => docs.find((d) => d.id === 'jzcsh-2019-36')!;

  it('names both source files', () => {
    const box = text(page('/docs/jzcsh-2019-36/').querySelector('.sources'));
    expect(doc().source.map((s) => s.file).sort()).toEqual(['001_614f8415cb5dd7e9.txt', '002_639c99f2059b9d6f.txt']);
    expect(box).toContain('001_614f8415cb5dd7e9.txt');
    expect(box).toContain('002_639c99f2059b9d6f.txt');
    expect(page('/docs/jzcsh-2019-36/').querySelectorAll('.variants .variant')).toHaveLength(doc().variants.length);
  });

  it('shows the 校订 box with the former 文号', () => {
    const box = page('/docs/jzcsh-2019-36/').querySelector('.overrides');
    expect(text(box)).toContain('校订');
    expect(text(box?.querySelector('.override__was'))).toBe('教职成〔2019〕36号');
    expect(text(box?.querySelector('.override__value'))).toBe(doc().docNumber);
  });

  it('has no 校订 box on documents without overrides', () => {
    for (const d of docs.filter((x) => x.overrides.length === 0)) expect(page(`/docs/${d.id}/`).querySelector('.overrides')).toBeNull();
  });
});

describe('sources /sources/', () => {
  it('has a section per source and a row per anomaly', () => {
    const html = page('/sources/');
    for (const s of report.sources) expect(html.getElementById(s.file), s.file).not.toBeNull();
    expect(html.querySelectorAll('table.anomalies tbody tr')).toHaveLength(report.anomalies.length);
  });
});

describe('links and scripts', () => {
  it('every in-site link from a document page resolves to a page and an id', () => {
    // A page per document, the list, and per law (issue 16) its work page and a diff page per pair of whole versions
    // (the real sources hold two laws, each only as a 节选: two work pages, no diff page).
    const works = JSON.parse(readFileSync(join(root, 'content/generated/works.json'), 'utf8')) as LawWork[];
    const whole = works.map((w) => new Set(w.versions.filter((v) => !v.excerpt && v.version).map((v) => v.version)).size);
    expect(htmlFiles(join(dist, 'docs')).length).toBe(docs.length + 1 + works.length + whole.reduce((n, k) => n + (k * (k - 1)) / 2, 0));
    expect(works.length).toBe(2);
    const { broken, checked } = brokenLinks('/docs/');
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(docs.length);
  });

  it('no page has an inline script or inline event handler', () => {
    const offenders: string[] = [];
    for (const file of htmlFiles(dist)) {
      const html = page(sitePathOf(file));
      for (const s of html.querySelectorAll('script')) {
        const type = s.getAttribute('type') ?? '';
        if (!s.getAttribute('src') && !/json/u.test(type)) offenders.push(`${sitePathOf(file)}: <script> without src`);
      }
      for (const el of html.querySelectorAll('*')) {
        for (const name of el.getAttributeNames()) if (/^on/iu.test(name)) offenders.push(`${sitePathOf(file)}: ${name} on <${el.localName}>`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('document pages load their behaviour from external scripts', () => {
    const srcs = [...page('/docs/jzc-2019-6/').querySelectorAll('script[src]')].map((s) => s.getAttribute('src')!);
    expect(srcs.length).toBeGreaterThan(0);
    for (const src of srcs) expect(existsSync(join(dist, src))).toBe(true);
  });
});
