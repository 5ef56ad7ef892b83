/**
 * Finding one's way (issue 15), over the site the site tests share (built without SITE_URL): the home page's
 * figures are the collections' sizes, /sources/ names each source by its sources.yaml title, /certificates/
 * has its name filter, every page has Open Graph title and description (a document page's carry its title and
 * 文号), and without SITE_URL no absolute URL is made up: no canonical link, no og:url, no sitemap, and
 * robots.txt names none. The same with SITE_URL set: test/site/site-url.test.ts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { walkClauses } from '../../src/lib/citation.ts';
import type { Certificate } from '../../src/schema/catalog.ts';
import type { IngestReport, PolicyDocument, SourceManifestEntry } from '../../src/schema/corpus.ts';
import { DIST, ROOT, ensureSite, generated, htmlFiles, page, sitePathOf, text } from '../helpers/site.ts';

let docs: PolicyDocument[];

beforeAll(() => {
  ensureSite();
  docs = generated<PolicyDocument[]>('documents.json');
}, 600_000);

const figure = (name: string) => text(page('/').querySelector(`[data-figure="${name}"]`));
const size = (file: string) => String(generated<unknown[]>(file).length);

describe('home page', () => {
  it('gives each of the four tasks its figures, equal to the collections’ sizes', () => {
    const clauses = docs.reduce((n, d) => n + walkClauses(d).length, 0);
    expect(clauses).toBeGreaterThan(docs.length);
    expect({
      documents: figure('documents'),
      clauses: figure('clauses'),
      certificates: figure('certificates'),
      standards: figure('standards'),
      skills: figure('skills'),
      batches: figure('batches'),
      events: figure('events'),
      fees: figure('fees'),
      feeRules: figure('fee-rules'),
      citedClauses: figure('cited-clauses'),
    }).toEqual({
      documents: String(docs.length),
      clauses: String(clauses),
      certificates: size('certificates.json'),
      standards: size('standards.json'),
      skills: size('skills.json'),
      batches: size('batches.json'),
      events: size('events.json'),
      fees: size('fees.json'),
      feeRules: size('fee-rules.json'),
      citedClauses: String(clauses),
    });
    // The real corpus, so a collection that came out empty shows.
    expect([figure('documents'), figure('certificates'), figure('skills'), figure('batches')]).toEqual(['22', '93', '612', '3']);
  });

  it('links each task to where it is done, and each skill matrix', () => {
    const tasks = [...page('/').querySelectorAll('.home-task')];
    expect(tasks.map((t) => text(t.querySelector('h2')))).toEqual(['检索政策原文', '查看证书的技能矩阵', '跟踪试点批次与费用', '引用条款']);
    const hrefs = tasks.map((t) => [...t.querySelectorAll('a')].map((a) => a.getAttribute('href')));
    expect(hrefs[0]).toContain('/docs/');
    expect(hrefs[1]).toEqual(expect.arrayContaining(['/certificates/', '/certificates/web-qdkf/#standard', '/certificates/wlgl/#standard']));
    expect(hrefs[2]).toEqual(expect.arrayContaining(['/timeline/', '/fees/']));
    // The example citation links to its clause, and shows the memo citation.
    const example = tasks[3]!.querySelector('a[href*="#"]');
    expect(example?.getAttribute('href')).toMatch(/^\/docs\/[a-z0-9-]+\/#s\d+-\d+$/u);
    expect(text(example)).toMatch(/^《.+》（.+〔\d{4}〕\d+号）/u);
  });

  it('has a search form in the page that sends q to /search/, with its own label', () => {
    const form = page('/').querySelector('main form[role="search"]')!;
    expect(form.getAttribute('action')).toBe('/search/');
    expect(form.getAttribute('method')).toBe('get');
    const input = form.querySelector('input[type="search"][name="q"]')!;
    const id = input.getAttribute('id')!;
    expect(page('/').querySelectorAll(`[id="${id}"]`)).toHaveLength(1);
    expect(text(page('/').querySelector(`label[for="${id}"]`))).toContain('搜索政策原文');
    expect(form.querySelector('button[type="submit"]')).not.toBeNull();
  });
});

describe('sources /sources/', () => {
  it('lists each source by its sources.yaml title, with origin, kind and the file name after', () => {
    const manifest = parse(readFileSync(join(ROOT, 'content', 'sources', 'sources.yaml'), 'utf8')) as SourceManifestEntry[];
    expect(manifest).toHaveLength(5);
    const items = new Map([...page('/sources/').querySelectorAll('.source-index li[data-source]')].map((li) => [li.getAttribute('data-source'), li]));
    for (const m of manifest) {
      const li = items.get(m.file);
      expect(li, m.file).toBeDefined();
      expect(text(li!.querySelector('.source-index__title'))).toBe(m.title);
      expect(li!.querySelector('.source-index__title')!.getAttribute('href')).toBe(`#${m.file}`);
      expect(text(li!.querySelector('.source-index__meta'))).toBe(`${m.origin} · ${m.kind === 'compilation' ? '政策汇编' : '通知类文件'}`);
      expect(text(li!.querySelector('.source-index__file'))).toBe(m.file);
      // Its report card is headed by the title too, the file name under it.
      expect(text(page('/sources/').querySelector(`[id="h-${m.file}"]`))).toBe(m.title);
      expect(text(page('/sources/').querySelector(`[id="${m.file}"] .source-card__name`))).toBe(m.file);
    }
    const report = generated<IngestReport>('report.json');
    expect(items.size).toBe(report.sources.length);
  });
});

describe('certificates /certificates/', () => {
  it('has a name box in the filter form (shown by the script) and each row’s names to match', () => {
    const html = page('/certificates/');
    const form = html.querySelector('[data-cert-filter] form[data-filter-controls]')!;
    expect(form.hasAttribute('hidden')).toBe(true);
    const box = form.querySelector('input[type="search"][name="name"]')!;
    expect(text(box.closest('label'))).toContain('证书名称');
    const certs = generated<Certificate[]>('certificates.json');
    const rows = [...html.querySelectorAll('[data-cert-filter] tbody tr')];
    expect(rows.length).toBe(certs.filter((c) => c.listed !== false).length);
    const web = rows.find((r) => r.getAttribute('data-cert') === 'web-qdkf')!;
    expect(web.getAttribute('data-name')).toBe('web前端开发|web前端开发职业技能等级证书|web');
    // The filter is a bundled file, not inline.
    const scripts = [...html.querySelectorAll('script')];
    expect(scripts.every((s) => s.getAttribute('src'))).toBe(true);
  });
});

describe('head tags without SITE_URL', () => {
  it('a document page’s og:title and og:description carry its title and 文号', () => {
    const doc = docs.find((d) => d.id === 'jzc-2019-6')!;
    const html = page('/docs/jzc-2019-6/');
    const og = (p: string) => html.querySelector(`meta[property="og:${p}"]`)?.getAttribute('content');
    expect(og('title')).toBe(doc.title);
    expect(og('description')).toContain(doc.docNumber!);
    expect(og('description')).toContain('关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案');
  });

  it('no page has a canonical link, an og:url or any absolute URL to this site; every page has og:title', () => {
    const offenders: string[] = [];
    for (const file of htmlFiles(DIST)) {
      const html = page(sitePathOf(file));
      if (html.querySelector('link[rel="canonical"], meta[property="og:url"]')) offenders.push(sitePathOf(file));
      if (!html.querySelector('meta[property="og:title"]')?.getAttribute('content')) offenders.push(`${sitePathOf(file)}: no og:title`);
    }
    expect(offenders).toEqual([]);
  });

  it('writes no sitemap, and robots.txt names none', () => {
    expect(readdirSync(DIST).filter((f) => /^sitemap/u.test(f))).toEqual([]);
    const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
    expect(robots).toBe('User-agent: *\nAllow: /\n');
    expect(existsSync(join(DIST, 'robots.txt'))).toBe(true);
  });
});
