/**
 * The law pages (issue 16) in Chromium at 390×844, on a site built with the three real laws added (the same
 * sources as test/site/added-sources.test.ts; ingest and astro build in a copy, no search index):
 * - no page scrolls sideways: document.documentElement.scrollWidth stays 390 on the work page, the diff page,
 *   the superseded 1996 version's page and /docs/;
 * - axe finds no serious or critical violation there;
 * - /docs/ filters by 时效性;
 * - printing the diff page keeps its marks readable without colour (<del> struck, <ins> underlined) and drops
 *   the per-article 现行文本 links of the version page.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import { ROOT, copyProject } from '../helpers/site.ts';
import { type Page, axeViolations, serious } from './browser.ts';
import { servedSite } from './served-site.ts';

const LAWS = {
  'zhiyejiaoyufa-1996-05-15.md': '/work/shared/fixtures/laws/zhiyejiaoyufa-1996-05-15.md',
  'zhiyejiaoyufa-2022-04-20.md': join(ROOT, 'test', 'fixtures', 'laws', 'zhiyejiaoyufa-2022-04-20.md'),
  'laodongfa-2018-12-29.md': '/work/shared/fixtures/laws/laodongfa-2018-12-29.md',
};

const paths: Record<string, string> = {};

/** The site built from the five sources and the three laws, in a copy of the project; its dist/ is what is served. */
function lawSite(): { dir: string; remove(): void } {
  const project = copyProject('laws-e2e-', {}, { overrides: false });
  for (const [name, path] of Object.entries(LAWS)) copyFileSync(path, join(project.dir, 'content', 'sources', name));
  project.node(['scripts/ingest/cli.ts', '--quiet', '--no-cache']);
  project.astroBuild();
  const docs = JSON.parse(readFileSync(join(project.dir, 'content', 'generated', 'documents.json'), 'utf8')) as PolicyDocument[];
  const v1996 = docs.find((d) => d.law?.name === '中华人民共和国职业教育法' && d.law.version === '1996-05-15')!;
  const work = v1996.law!.work;
  Object.assign(paths, {
    work: `/docs/${work}/`,
    diff: `/docs/${work}/changes/1996-05-15_2022-04-20/`,
    superseded: `/docs/${v1996.id}/`,
    list: '/docs/',
  });
  return { dir: join(project.dir, 'dist'), remove: () => project.remove() };
}

const site = servedSite({ snapshot: lawSite, timeout: 600_000 });

async function open(path: string): Promise<Page> {
  const page = await site.session.browser.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  const res = await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
  expect(res?.status()).toBe(200);
  return page;
}

describe('law pages on a phone (390 px)', () => {
  for (const name of ['work', 'diff', 'superseded', 'list']) {
    it(`${name}: no sideways scroll, no serious axe violation`, async () => {
      const page = await open(paths[name]!);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
      expect(serious(await axeViolations(page)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
      await page.close();
    });
  }

  it('filters /docs/ by 时效性: 已被修订 leaves the 1996 text, kept in the address', async () => {
    const page = await open(paths.list!);
    const options = await page.locator('select[name="law"] option').allTextContents();
    expect(options).toEqual(['全部', '现行有效（2）', '已被修订（1）']);
    await page.selectOption('select[name="law"]', '已被修订');
    const shown = await page.locator('tbody tr:not([hidden])').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-doc')));
    expect(shown).toEqual([paths.superseded!.split('/')[2]]);
    expect(await page.locator('[data-count]').textContent()).toBe('显示 1 件，共 3 件');
    expect(new URL(page.url()).searchParams.get('law')).toBe('已被修订');
    await page.close();
  });

  it('prints the diff with its marks struck and underlined, not only coloured', async () => {
    const page = await open(paths.diff!);
    await page.emulateMedia({ media: 'print' });
    const marks = await page.evaluate(() => ({
      del: getComputedStyle(document.querySelector('.law-change del')!).textDecorationLine,
      ins: getComputedStyle(document.querySelector('.law-change ins')!).textDecorationLine,
    }));
    expect(marks).toEqual({ del: 'line-through', ins: 'underline' });
    await page.close();
    const version = await open(paths.superseded!);
    await version.emulateMedia({ media: 'print' });
    expect(await version.evaluate(() => getComputedStyle(document.querySelector('.law-link')!).display)).toBe('none');
    await version.close();
  });
});
