/**
 * What a reader does, in Chromium against the built site: search and land on a clause, copy a
 * citation, switch a skill matrix's levels, open a skill page and the timeline. Every request the
 * pages make goes to the test's own 127.0.0.1 server; no page reports a CSP violation.
 */
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { servedSite } from './served-site.ts';

const site = servedSite();

describe('reader flows in Chromium', () => {
  it('searches a keyword and opens a result at its clause, the clause marked and the words highlighted', async () => {
    const page = await site.session.browser.newPage();
    await page.goto(`${site.origin}/search/`);
    await page.fill('#search-q', '学分银行');
    await page.press('#search-q', 'Enter');
    await page.waitForSelector('.search-hit', { timeout: 30_000 });
    expect(await page.textContent('[data-search-status]')).toMatch(/找到 \d+ 项/u);
    // A sub-result that lands on a numbered clause (#s2-6 …).
    const hrefs = await page.locator('.search-hit__sub a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const href = hrefs.find((h) => /#s\d/u.test(h))!;
    const sub = page.locator(`.search-hit__sub a[href="${href}"]`).first();
    expect(href).toMatch(/^\/docs\/[^/]+\/\?hl=[^#]+#.+/u);
    await sub.click();
    await page.waitForURL(/\/docs\/.+#.+/u);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const target = page.locator(`[id="${id}"]`);
    await expect.poll(() => target.getAttribute('class')).toContain('search-target');
    expect(await target.locator('mark.search-term').count(), `${href}: ${await target.innerText()}`).toBeGreaterThan(0);
    expect(await target.locator('mark.search-term').first().textContent()).toMatch(/学分|银行/u);
    expect(await target.isVisible()).toBe(true);
    await screenshot(page, 'flow-search-result-clause');
    await page.close();
  });

  it('copies a memo citation of a clause to the clipboard and says so', async () => {
    const page = await site.session.browser.newPage();
    await page.goto(`${site.origin}/docs/jzc-2019-6/#s2-5`);
    const clause = page.locator('[id="s2-5"]');
    const cite = clause.locator('details.cite').first();
    await cite.locator('summary').click();
    await cite.locator('button[data-format="memo"]').click();
    await expect.poll(() => cite.locator('button[data-format="memo"]').textContent()).toBe('已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe('《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》（教职成〔2019〕6号）二、（五）');
    await expect.poll(() => page.textContent('#live-status')).toContain('已复制备忘录引用');
    await cite.locator('button[data-format="markdown"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(
      `[《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》（教职成〔2019〕6号）二、（五）](${site.origin}/docs/jzc-2019-6/#s2-5)`,
    );
    await screenshot(page, 'flow-copy-citation');
    await page.close();
  });

  it('switches the levels of a certificate skill matrix', async () => {
    const page = await site.session.browser.newPage();
    await page.goto(`${site.origin}/certificates/web-qdkf/`);
    const tabs = page.locator('[data-skill-tabs] [role="tab"]');
    expect(await tabs.count()).toBe(3);
    expect(await tabs.allTextContents()).toEqual(['初级', '中级', '高级']);
    const panel = (n: number) => page.locator(`#level-${n}`);
    expect(await tabs.nth(0).getAttribute('aria-selected')).toBe('true');
    expect(await panel(1).isVisible()).toBe(true);
    expect(await panel(2).isVisible()).toBe(false);
    await tabs.nth(1).click();
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await panel(2).isVisible()).toBe(true);
    expect(await panel(1).isVisible()).toBe(false);
    // Arrow keys move between tabs.
    await tabs.nth(1).press('ArrowRight');
    expect(await tabs.nth(2).getAttribute('aria-selected')).toBe('true');
    expect(await panel(3).isVisible()).toBe(true);
    expect(await panel(3).locator('.skill-row, li').count()).toBeGreaterThan(0);
    await screenshot(page, 'flow-skill-matrix-level-3');
    await page.close();
  });

  it('opens a skill-code page', async () => {
    const page = await site.session.browser.newPage();
    const res = await page.goto(`${site.origin}/certificates/web-qdkf/skills/2-3-4-S5/`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toContain('2-3-4-S5');
    expect(await page.title()).toContain('2-3-4-S5');
    await page.close();
  });

  it('opens the timeline with its chart and events', async () => {
    const page = await site.session.browser.newPage();
    const res = await page.goto(`${site.origin}/timeline/`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toContain('试点时间线');
    expect(await page.locator('.chart__plot svg').count()).toBeGreaterThan(0);
    const box = await page.locator('.chart__plot svg').first().boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    await page.close();
  });

  it('made no request outside the test server, and no page reported a CSP violation or an error', () => {
    expect(site.session.requests.length).toBeGreaterThan(10);
    expect(site.session.requests.filter((u) => !u.startsWith(`${site.origin}/`))).toEqual([]);
    expect(site.session.violations).toEqual([]);
    expect(site.session.errors).toEqual([]);
    // Pagefind's index and WebAssembly came from this site.
    expect(site.server.requests.some((p) => p.startsWith('/pagefind/'))).toBe(true);
  });
});
