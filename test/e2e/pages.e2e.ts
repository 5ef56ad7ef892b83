/**
 * Every page type in Chromium: axe-core finds no serious or critical accessibility violation, the
 * page loads with no CSP violation, no error and no request outside the test server, and a
 * screenshot is kept in test-results/e2e/ (Chinese must render as text, not boxes).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { screenshot, axeViolations, serious } from './browser.ts';
import { pageTypes } from './page-types.ts';
import { servedSite } from './served-site.ts';

const site = servedSite();
const PAGE_TYPES = pageTypes(() => site.dir);
/** axe figures per page type, printed at the end. */
const figures: string[] = [];

describe('every page type in Chromium', () => {
  afterAll(async () => {
    console.log(`axe (serious+critical / all violations, by page type):\n${figures.join('\n')}`);
  });

  it.each(PAGE_TYPES)('%s: no serious or critical axe violation, no CSP violation, screenshot', async (name, path) => {
    const page = await site.session.browser.newPage();
    const before = { violations: site.session.violations.length, errors: site.session.errors.length };
    const res = await page.goto(`${site.origin}${path()}`, { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    if (name === 'search') await page.waitForSelector('.search-hit', { timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, name);

    // Chinese text is laid out with a CJK font: a run of Han characters is wider than the same
    // number of the fallback's missing-glyph boxes would be narrow (boxes are ~0.5em in many fonts)
    // and every glyph of the page heading has a non-zero width.
    const glyphWidth = await page.evaluate(() => {
      const h = document.querySelector('h1')!;
      const span = document.createElement('span');
      span.textContent = '职业技能等级证书';
      h.append(span);
      const w = span.getBoundingClientRect().width / 8 / parseFloat(getComputedStyle(span).fontSize);
      span.remove();
      return w;
    });
    expect(glyphWidth).toBeGreaterThan(0.9);

    const violations = await axeViolations(page);
    const bad = serious(violations);
    figures.push(`  ${name} (${path()}): ${bad.length} / ${violations.length}${violations.length ? ` — ${violations.map((v) => `${v.id}[${v.impact}]×${v.nodes.length}`).join(', ')}` : ''}`);
    const described = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} (${(n.failureSummary ?? '').split('\n').slice(1).join(' ').trim()})`).join(' | ')}`);
    expect(described).toEqual([]);

    expect(site.session.violations.slice(before.violations)).toEqual([]);
    expect(site.session.errors.slice(before.errors)).toEqual([]);
    await page.close();
  });

  it('made no request outside the test server', () => {
    const foreign = site.session.requests.filter((u) => !u.startsWith(`${site.origin}/`));
    expect(foreign).toEqual([]);
    expect(site.session.requests.length).toBeGreaterThan(PAGE_TYPES.length);
  });

  it('does report a CSP violation when a page tries an inline script (the check above can fail)', async () => {
    const page = await site.session.browser.newPage();
    await page.goto(`${site.origin}/`);
    const before = site.session.violations.length;
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.head.append(s);
      const d = document.createElement('div');
      d.setAttribute('style', 'color: red');
      document.body.append(d);
      return new Promise<boolean>((r) => setTimeout(() => r(Boolean((window as unknown as { __inlineRan?: boolean }).__inlineRan)), 200));
    });
    expect(ran).toBe(false);
    await expect.poll(() => site.session.violations.length - before).toBeGreaterThanOrEqual(1);
    expect(site.session.violations.slice(before).join('\n')).toMatch(/script-src/u);
    site.session.violations.splice(before);
    await page.close();
  });
});
