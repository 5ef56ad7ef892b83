/**
 * The site built with its public address (SITE_URL, astro.config.mjs `site`): a sitemap listing every page,
 * robots.txt naming it, and on every page a canonical link and og:url to the page's own address. Builds one
 * more site: `astro build` in a copy of the project that starts from the shared build's ingest
 * (copyIngestedProject, its own Astro cache; no search index, which none of this reads). Without SITE_URL:
 * test/site/wayfinding.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoCitation } from '../../src/lib/citation.ts';
import type { Certificate } from '../../src/schema/catalog.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import type { LawWork } from '../../src/schema/laws.ts';
import { type ProjectCopy, copyIngestedProject, generated, htmlFiles } from '../helpers/site.ts';

const SITE = 'https://kb.example.org';
let site: ProjectCopy;
let dist: string;

beforeAll(() => {
  site = copyIngestedProject('site-url-');
  dist = join(site.dir, 'dist');
  execFileSync(process.execPath, [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: site.dir,
    stdio: 'pipe',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, SITE_URL: SITE, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: join(site.dir, '.astro-cache') },
  });
}, 600_000);
afterAll(() => site?.remove());

const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1]!);
const pageOf = (path: string) => parseHTML(read(join(path, 'index.html'))).document;

describe('with SITE_URL', () => {
  it('writes a sitemap listing every built page, every document and certificate page among them', () => {
    const index = read('sitemap-index.xml');
    const maps = locs(index);
    expect(maps.length).toBeGreaterThan(0);
    for (const m of maps) expect(m.startsWith(`${SITE}/sitemap-`)).toBe(true);
    const urls = new Set(maps.flatMap((m) => locs(read(new URL(m).pathname))));
    const pages = htmlFiles(dist).map((f) => `${SITE}/${f.slice(dist.length + 1).replace(/index\.html$/u, '')}`);
    expect(pages.length).toBeGreaterThan(800);
    expect([...urls].sort()).toEqual(pages.sort());
    for (const d of generated<PolicyDocument[]>('documents.json')) expect(urls.has(`${SITE}/docs/${d.id}/`), d.id).toBe(true);
    for (const c of generated<Certificate[]>('certificates.json')) expect(urls.has(`${SITE}/certificates/${c.id}/`), c.id).toBe(true);
  });

  it('names the sitemap in robots.txt', () => {
    expect(read('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap-index.xml\n`);
    expect(readdirSync(dist)).toContain('sitemap-index.xml');
  });

  it('gives a document page its canonical URL, og:url, and og:title/description with its title and 文号', () => {
    const doc = generated<PolicyDocument[]>('documents.json').find((d) => d.id === 'jzc-2019-6')!;
    const html = pageOf('docs/jzc-2019-6');
    const url = `${SITE}/docs/jzc-2019-6/`;
    expect(html.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(url);
    const og = (p: string) => html.querySelector(`meta[property="og:${p}"]`)?.getAttribute('content');
    expect(og('url')).toBe(url);
    expect(og('title')).toBe(doc.title);
    expect(og('description')).toBe(memoCitation(doc, null));
    expect(og('description')).toBe('《教育部等四部门印发〈关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案〉的通知》（教职成〔2019〕6号）');
  });

  it('gives every page a canonical link to its own address, a law’s work page to its current version’s', () => {
    // /docs/<work>/ shows the text of the version in force (issue 16): that version's page is the one to cite and index.
    const works = new Map(generated<LawWork[]>('works.json').map((w) => [`/docs/${w.id}/`, w.current ? `/docs/${w.current}/` : null]));
    expect(works.size).toBe(2);
    const wrong: string[] = [];
    for (const file of htmlFiles(dist)) {
      const path = `/${file.slice(dist.length + 1).replace(/index\.html$/u, '')}`;
      const html = parseHTML(readFileSync(file, 'utf8')).document;
      const canonical = html.querySelector('link[rel="canonical"]')?.getAttribute('href');
      if (canonical !== `${SITE}${works.get(path) ?? path}` || html.querySelector('meta[property="og:url"]')?.getAttribute('content') !== canonical) wrong.push(`${path}: ${canonical}`);
    }
    expect(wrong).toEqual([]);
  });
});
