import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { ROOT, copyProject } from '../helpers/site.ts';
import { openSession, screenshot } from './browser.ts';
import { serveStatic } from './server.ts';
it('shots', async () => {
  const site = copyProject('shots-', {}, { overrides: false });
  const laws: Record<string, string> = {
    'zhiyejiaoyufa-1996-05-15.md': '/work/shared/fixtures/laws/zhiyejiaoyufa-1996-05-15.md',
    'zhiyejiaoyufa-2022-04-20.md': join(ROOT, 'test', 'fixtures', 'laws', 'zhiyejiaoyufa-2022-04-20.md'),
    '体育法(2016-11-07).md': '/work/tools/laws/heldout/体育法(2016-11-07).md',
    '体育法(2022-06-24).md': '/work/tools/laws/heldout/体育法(2022-06-24).md',
  };
  for (const [n, p] of Object.entries(laws)) copyFileSync(p, join(site.dir, 'content', 'sources', n));
  site.node(['scripts/ingest/cli.ts', '--quiet', '--no-cache']);
  site.astroBuild();
  const works = JSON.parse(readFileSync(join(site.dir, 'content', 'generated', 'works.json'), 'utf8'));
  console.log(JSON.stringify(works.map((w: any) => [w.id, w.status, w.versions.map((v: any) => v.document + ':' + v.status)])));
  const server = await serveStatic(join(site.dir, 'dist'));
  const s = await openSession(server.origin);
  const shots: Record<string, string> = {
    'law-work': '/docs/zhrmghgzyjyf/',
    'law-diff': '/docs/zhrmghgzyjyf/changes/1996-05-15_2022-04-20/',
    'law-1996': '/docs/1996-05-15-zhrmghgzyjyf/',
    'law-2022': '/docs/2022-04-20-zhrmghgzyjyf/',
    'law-excerpt': '/docs/1996-09-01-zhrmghgzyjyfjx/',
    'law-tiyu-diff': '/docs/zhrmghgtyf/changes/2016-11-07_2022-06-24/',
    'law-docs': '/docs/?law=已被修订',
  };
  for (const [name, path] of Object.entries(shots)) {
    for (const [w, h] of [[390, 844], [1366, 900]]) {
      const page = await s.browser.newPage();
      await page.setViewportSize({ width: w, height: h });
      const r = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      console.log(name, w, r?.status(), await page.evaluate(() => document.documentElement.scrollWidth));
      await screenshot(page, `${name}-${w}`);
      await page.close();
    }
  }
  await s.close(); await server.close(); site.remove();
}, 900_000);
