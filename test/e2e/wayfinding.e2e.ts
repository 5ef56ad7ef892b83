/**
 * Finding one's way (issue 15) in Chromium: the certificates name filter as one types (and without
 * scripts, the plain list), the home page on a 390 px phone (nothing scrolls sideways, the four tasks and
 * the search form in one column, tap targets ≥ 44 px) and by keyboard alone (the home search form reached
 * with Tab, Enter sends the query to /search/).
 */
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { servedSite } from './served-site.ts';

const site = servedSite();

describe('finding one’s way in Chromium', () => {
  it('filters /certificates/ by name as one types, keeps it in ?name=, and clears it', async () => {
    const page = await site.session.browser.newPage();
    await page.goto(`${site.origin}/certificates/`);
    const box = page.locator('input[name="name"]');
    expect(await box.isVisible()).toBe(true);
    const visible = () => page.locator('[data-cert-filter] tbody tr:not([hidden])').count();
    const all = await visible();
    expect(all).toBe(93);
    await box.pressSequentially('物流');
    await expect.poll(visible).toBeLessThan(all);
    const names = await page.locator('[data-cert-filter] tbody tr:not([hidden]) td:nth-child(2)').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toContain('物流');
    expect(await page.textContent('[data-count]')).toBe(`显示 ${names.length} 个，共 93 个证书`);
    expect(new URL(page.url()).searchParams.get('name')).toBe('物流');
    // Letter case and spaces do not matter.
    await box.fill('web 前端');
    await expect.poll(() => page.locator('[data-cert-filter] tbody tr:not([hidden])').getAttribute('data-cert')).toBe('web-qdkf');
    await box.fill('没有这个证书');
    await expect.poll(() => page.locator('[data-empty]').isVisible()).toBe(true);
    await page.click('button[type="reset"]');
    await expect.poll(visible).toBe(all);
    await screenshot(page, 'wayfinding-cert-filter');
    // A linked filter opens filtered.
    await page.goto(`${site.origin}/certificates/?name=${encodeURIComponent('物流')}`);
    await expect.poll(visible).toBe(names.length);
    expect(await box.inputValue()).toBe('物流');
    await page.close();
  });

  it('without scripts, /certificates/ is the full list and shows no filter', async () => {
    const context = await site.session.browser.browser()!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}/certificates/`);
    // No script ran (page.ts marks a scripted page).
    expect(await page.locator('html.js').count()).toBe(0);
    expect(await page.locator('[data-cert-filter] tbody tr:not([hidden])').count()).toBe(93);
    expect(await page.locator('input[name="name"]').isVisible()).toBe(false);
    await context.close();
  });

  it('the home page on a 390 px phone: no sideways scroll, one column, tap targets ≥ 44 px', async () => {
    const page = await site.session.browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${site.origin}/`);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const boxes = await page.locator('.home-task').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(4);
    for (const b of boxes) expect(b.right).toBeLessThanOrEqual(390);
    expect(new Set(boxes.map((b) => Math.round(b.left))).size).toBe(1);
    for (const sel of ['#home-search', '.home-search__go']) {
      const h = await page.locator(sel).evaluate((e) => e.getBoundingClientRect().height);
      expect(h, sel).toBeGreaterThanOrEqual(44);
    }
    await screenshot(page, 'wayfinding-home-390');
    await page.close();
  });

  it('the home search form by keyboard: Tab reaches it, Enter searches', async () => {
    const page = await site.session.browser.newPage();
    await page.goto(`${site.origin}/`);
    let focused = '';
    for (let i = 0; i < 60 && focused !== 'home-search'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('home-search');
    await page.keyboard.type('学分银行');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/u);
    expect(new URL(page.url()).searchParams.get('q')).toBe('学分银行');
    await page.waitForSelector('.search-hit', { timeout: 30_000 });
    await page.close();
  });
});
