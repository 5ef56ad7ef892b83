/**
 * Phone first and print (issue #15), in Chromium at 390×844:
 * - no page scrolls sideways (document scrollWidth ≤ 390; the largest width per page type is printed);
 * - the tools' tap targets (§ links, 引用 and 打印 toggles, buttons, selects, checkboxes) are ≥ 44×44 px;
 * - every 引用 menu of a long document opens inside the viewport (二、（五）on 教职成〔2019〕6号 among them);
 * - axe finds no violation of any impact on any page type;
 * - printing one clause (打印本条) or one level of a skill matrix (打印本级) shows only it, with its citation
 *   and the absolute URL, and no printed anchor labels (#s2-5);
 * - a screenshot per page type at 390 and 1366 px in test-results/e2e/ (phone-*.png, wide-*.png).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Page, SHOTS, siteSnapshot, axeViolations } from './browser.ts';
import { pageTypes } from './page-types.ts';
import { servedSite } from './served-site.ts';

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1366, height: 900 };

const site = servedSite({
  // PHONE_SITE_DIR=<a built site> serves that folder as it is (to try a style on a copy of dist/ without a build).
  snapshot: () => (process.env.PHONE_SITE_DIR ? { dir: process.env.PHONE_SITE_DIR, remove: () => {} } : siteSnapshot()),
});
const PAGE_TYPES = pageTypes(() => site.dir);
const widths: string[] = [];
const axeFigures: string[] = [];
let smallest = { w: Infinity, h: Infinity, what: '' };

async function open(path: string, viewport = PHONE): Promise<Page> {
  const page = await site.session.browser.newPage();
  await page.setViewportSize(viewport);
  const res = await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
  expect(res?.status()).toBe(200);
  if (path.startsWith('/search/')) await page.waitForSelector('.search-hit', { timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/** The tools' tap targets on the page: visible, with their size (a checkbox counts by the label that holds it). */
function tapTargets(page: Page) {
  return page.evaluate(() => {
    const selector = [
      'main .permalink',
      'main .cite > summary',
      'main .cite__menu button',
      'main .print-tool',
      'main button',
      'select',
      'input[type="checkbox"]',
      'input[type="radio"]',
      '.skill-tabs__list a',
    ].join(',');
    const out: { what: string; w: number; h: number }[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const target = el.matches('input') ? (el.closest('label') ?? el) : el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (getComputedStyle(target).visibility === 'hidden') continue;
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/gu, ' ').trim().slice(0, 30);
      out.push({ what: `${el.tagName.toLowerCase()}.${el.className} “${name}”`, w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10 });
    }
    return out;
  });
}

/** What a print of the page shows, as text (display:none left out), with window.print() stubbed. */
async function printedText(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const text = await page.evaluate(() => document.body.innerText);
  await page.emulateMedia({ media: 'screen' });
  return text;
}

describe('phone first (390×844) and print', () => {
  afterAll(async () => {
    console.log(`largest page width at 390 px, by page type:\n${widths.join('\n')}`);
    console.log(`axe (all violations, by page type at 390 px):\n${axeFigures.join('\n')}`);
    console.log(`smallest tool tap target: ${smallest.w}×${smallest.h} ${smallest.what}`);
  });

  it.each(PAGE_TYPES)('%s: no sideways scroll at 390 px, tool targets ≥ 44×44, axe 0 violations, screenshots', async (name, path) => {
    const page = await open(path());
    // Open the first 引用 menu so that its buttons are measured too.
    await page.evaluate(() => {
      const d = document.querySelector<HTMLDetailsElement>('main details.cite');
      if (d) d.open = true;
    });
    const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 391 && getComputedStyle(e).position !== 'fixed')
        .filter((e) => !e.closest('.table-wrap, .chart__scroll, .visually-hidden'))
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)})`),
    );
    // Boxes that scroll sideways inside the page (allowed for the level comparison and wide data tables, not the lists).
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main *')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
        .map((e) => {
          const first = e.querySelector('tbody tr > :first-child');
          return {
            what: `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}${e.getAttribute('aria-label') ? `[${e.getAttribute('aria-label')}]` : ''} ${e.scrollWidth}/${e.clientWidth}`,
            table: first !== null,
            sticky: first !== null && getComputedStyle(first).position === 'sticky',
          };
        }),
    );
    const scrollers = boxes.map((b) => b.what);
    // A table that scrolls in its own box keeps its first column.
    expect(boxes.filter((b) => b.table && !b.sticky).map((b) => b.what)).toEqual([]);
    widths.push(`  ${name} (${path()}): ${width}px${width > 390 ? ` — ${wide.join(', ')}` : ''}${scrollers.length ? `; scrolling inside their own box: ${scrollers.length} (${scrollers.slice(0, 3).join(', ')}${scrollers.length > 3 ? ' …' : ''})` : ''}`);
    // The two lists are cards on a phone: no sideways scroller.
    if (name === 'docs-list' || name === 'certificates-list') expect(scrollers.filter((w) => /doc-table|cert-table|文件列表|证书列表/u.test(w))).toEqual([]);
    await shot(page, `phone-${name}`);

    const small = (await tapTargets(page)).filter((t) => t.w < 44 || t.h < 44);
    for (const t of await tapTargets(page)) {
      if (Math.min(t.w, t.h) < Math.min(smallest.w, smallest.h)) smallest = { ...t, what: `${t.what} on ${name}` };
    }

    await page.evaluate(() => {
      const d = document.querySelector<HTMLDetailsElement>('main details.cite[open]');
      if (d) d.open = false;
    });
    const violations = await axeViolations(page);
    axeFigures.push(`  ${name}: ${violations.length}${violations.length ? ` — ${violations.map((v) => `${v.id}[${v.impact}]×${v.nodes.length}`).join(', ')}` : ''}`);
    await page.setViewportSize(WIDE);
    await shot(page, `wide-${name}`);
    await page.close();

    expect(width, wide.join(', ')).toBeLessThanOrEqual(PHONE.width);
    expect(small.slice(0, 10)).toEqual([]);
    expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });

  it.each([
    ['/docs/jzc-2019-6/', 's2-5'],
    ['/docs/gf-2019-4/', 's2-6'],
  ])('%s: every 引用 menu opens inside the 390 px viewport (%s among them)', async (path, anchor) => {
    const page = await open(path);
    const outside = await page.evaluate(() => {
      const bad: string[] = [];
      let n = 0;
      for (const d of document.querySelectorAll<HTMLDetailsElement>('main details.cite')) {
        d.scrollIntoView({ block: 'center' });
        d.querySelector('summary')!.click();
        const r = d.querySelector('.cite__menu')!.getBoundingClientRect();
        n++;
        if (r.left < 0 || r.right > window.innerWidth) bad.push(`${d.closest('.clause')?.id ?? 'doc'} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
        d.open = false;
      }
      return { n, bad };
    });
    expect(outside.n).toBeGreaterThan(10);
    expect(outside.bad).toEqual([]);
    // The named one, opened as a reader does: by tapping its toggle.
    const summary = page.locator(`[id="${anchor}"] > .clause__head .cite > summary`).first();
    await summary.scrollIntoViewIfNeeded();
    await summary.click();
    const box = await page.locator(`[id="${anchor}"] > .clause__head .cite__menu`).first().boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
    await page.close();
  });

  it.each([
    [700, '/docs/gf-2019-4/'],
    [700, '/docs/jzc-2019-6/'],
    [1366, '/docs/jzc-2019-6/'],
  ])('at %i px every 引用 menu of %s opens inside the viewport (shifted by the script where it would not)', async (width, path) => {
    const page = await open(path, { width, height: 900 });
    const outside = await page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const bad: string[] = [];
      for (const d of document.querySelectorAll<HTMLDetailsElement>('main details.cite')) {
        d.scrollIntoView({ block: 'center' });
        d.querySelector('summary')!.click();
        await frame();
        const r = d.querySelector('.cite__menu')!.getBoundingClientRect();
        if (r.left < 0 || r.right > document.documentElement.clientWidth) bad.push(`${d.closest('.clause')?.id ?? 'doc'} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
        d.open = false;
      }
      return bad;
    });
    expect(outside).toEqual([]);
    await page.close();
  });

  it('at 700 px a 引用 menu whose toggle sits at the left edge (tools wrapped under a long heading) is shifted back on screen', async () => {
    const page = await open('/docs/gf-2019-4/', { width: 700, height: 900 });
    const r = await page.evaluate(async () => {
      const head = document.querySelector<HTMLElement>('[id="s2-6"] > .clause__head')!;
      // A heading as long as the line: its tools wrap to the left edge.
      head.querySelector<HTMLElement>('.clause__heading')!.style.flexBasis = '100%';
      const details = head.querySelector<HTMLDetailsElement>('details.cite')!;
      details.scrollIntoView({ block: 'center' });
      const summary = details.querySelector('summary')!;
      summary.click();
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      const menu = details.querySelector<HTMLElement>('.cite__menu')!;
      const box = menu.getBoundingClientRect();
      return { summaryRight: summary.getBoundingClientRect().right, left: box.left, right: box.right, width: box.width, shift: menu.style.translate };
    });
    // Right-aligned under a toggle this close to the edge, the menu would start left of the screen.
    expect(r.summaryRight).toBeLessThan(r.width);
    expect(r.shift).not.toBe('');
    expect(r.left).toBeGreaterThanOrEqual(0);
    expect(r.right).toBeLessThanOrEqual(700);
    await page.close();
  });

  it('打印本条 prints only that clause, with its citation and absolute URL, no anchor labels', async () => {
    const page = await open('/docs/jzc-2019-6/');
    await page.evaluate(() => (window.print = () => {}));
    const whole = await printedText(page);
    expect(whole).toContain(`${site.origin}/docs/jzc-2019-6/`);
    expect(whole).not.toMatch(/(^|[^/\w])#s\d/mu);
    expect(whole).toContain('一、');

    await page.locator('[id="s2-5"] > .clause__head .print-tool').first().click();
    const one = await printedText(page);
    console.log(`printed 二、（五）:\n${one}`);
    expect(one).toContain('（五）');
    expect(one).toContain('教职成〔2019〕6号）二、（五）');
    expect(one).toContain(`${site.origin}/docs/jzc-2019-6/#s2-5`);
    expect(one).not.toMatch(/(^|[^/\w])#s\d/mu);
    // Nothing of the other clauses, nor the page's chrome.
    expect(one).not.toContain('（四）');
    expect(one).not.toContain('（六）');
    expect(one).not.toContain('目录');
    expect(one.length).toBeLessThan(whole.length / 5);
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'print-clause');
    await page.emulateMedia({ media: 'screen' });

    // After printing the whole document prints again.
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    const again = await printedText(page);
    if (again !== whole) {
      let i = 0;
      while (i < again.length && again[i] === whole[i]) i++;
      console.log(`differs at ${i}: ${JSON.stringify(whole.slice(i - 40, i + 40))} vs ${JSON.stringify(again.slice(i - 40, i + 40))}`);
    }
    expect(again).toBe(whole);
    await page.close();
  });

  it('?print=s2-5 opens the page as the print of that clause', async () => {
    const page = await open('/docs/jzc-2019-6/?print=s2-5');
    const one = await printedText(page);
    expect(one).toContain('教职成〔2019〕6号）二、（五）');
    expect(one).not.toContain('（六）');
    await page.close();
  });

  it('打印本级 prints one level of a skill matrix, with the absolute URL', async () => {
    const page = await open('/certificates/wlgl/');
    await page.evaluate(() => (window.print = () => {}));
    const whole = await printedText(page);
    expect(whole).toContain('初级');
    await page.locator('a[data-tab="level-3"]').click();
    await page.locator('#level-3 .print-tool').first().click();
    const one = await printedText(page);
    console.log(`printed 高级 (first 600 characters):\n${one.slice(0, 600)}`);
    expect(one).toContain('高级');
    expect(one).toContain(`${site.origin}/certificates/wlgl/#level-3`);
    const others = await page.evaluate(() => ['#level-0-title', '#level-1-title', '#level-2-title'].map((s) => document.querySelector(s)?.textContent?.trim() ?? ''));
    expect(others).toEqual(['一般要求（各级通用）', '初级', '中级']);
    for (const title of others) expect(one.split('\n').map((l) => l.trim())).not.toContain(title);
    expect(one.split('\n').map((l) => l.trim())).toContain('高级');
    expect(one).not.toMatch(/l\d-f\d/u);
    expect(one.length).toBeLessThan(whole.length / 2);
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'print-level');
    await page.close();
  });

  it('物流管理 (no printed codes): rows and headings carry the printed numbering, never a position code', async () => {
    const page = await open('/certificates/wlgl/');
    const text = await page.evaluate(() => document.querySelector('main')!.innerText);
    expect(text).not.toMatch(/位置\s*l\d/u);
    expect(text).not.toMatch(/\bl\d-f\d/u);
    await page.close();
    const skill = await open('/certificates/wlgl/skills/l2-f2-w3-s1/');
    const h1 = await skill.locator('h1').innerText();
    expect(h1).not.toMatch(/l\d-f\d/u);
    expect(h1).toMatch(/^1\./u);
    await skill.close();
  });

  it('the level comparison reaches 高级 at 390 px (it scrolls inside its own box, not the page)', async () => {
    const page = await open('/certificates/wlgl/');
    const r = await page.evaluate(() => {
      const wrap = document.querySelector<HTMLElement>('.skill-compare .table-wrap')!;
      const th = [...wrap.querySelectorAll('thead th')].find((t) => t.textContent?.trim() === '高级')!;
      wrap.scrollLeft = wrap.scrollWidth;
      const box = th.getBoundingClientRect();
      return { left: box.left, right: box.right, page: document.documentElement.scrollWidth };
    });
    expect(r.page).toBeLessThanOrEqual(390);
    expect(r.left).toBeGreaterThanOrEqual(0);
    expect(r.right).toBeLessThanOrEqual(391);
    await page.close();
  });
});
