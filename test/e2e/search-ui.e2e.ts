/**
 * The search page as a reader on a phone uses it (issue 14), in Chromium at 375 px: one search box with
 * the focus in it, Enter searches, Tab reaches the results; result cards show title and facts, never a
 * raw path or a position code, excerpts never start with punctuation; the order and the filters live
 * in the URL; filters only when they narrow; a load failure is said in Chinese; nothing scrolls sideways.
 */
import { describe, expect, it } from 'vitest';
import { type Page, screenshot } from './browser.ts';
import { servedSite } from './served-site.ts';

const site = servedSite();

const PHONE = { width: 375, height: 740 };

async function phonePage(): Promise<Page> {
  const page = await site.session.browser.newPage();
  await page.setViewportSize(PHONE);
  return page;
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(client);
}

describe('search page on a phone, in Chromium', () => {
  it('one search box, focused; Enter searches; cards show facts, not paths; Tab reaches the results', async () => {
    const page = await phonePage();
    await page.goto(`${site.origin}/search/`);
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    expect(await page.locator('[data-search-box]').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    // Nothing searched yet: no empty 筛选 box, no sort menu.
    expect(await page.locator('[data-search-filter-box]').isVisible()).toBe(false);
    expect(await page.locator('[data-search-controls]').isVisible()).toBe(false);

    // “/” from elsewhere on the page comes back to this box.
    await page.click('h1');
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    await page.keyboard.type('学分银行');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.search-hit', { timeout: 30_000 });
    await expect.poll(() => page.textContent('[data-search-status]')).toMatch(/找到 \d+ 项/u);
    const cards = await page.locator('.search-hit').evaluateAll((lis) =>
      lis.map((li) => ({
        text: (li as HTMLElement).innerText,
        facts: li.querySelector('.search-hit__facts')?.textContent ?? '',
        excerpts: [...li.querySelectorAll('.search-hit__excerpt')].map((e) => (e.textContent ?? '').replace(/^：/u, '')),
      })),
    );
    expect(cards.length).toBeGreaterThanOrEqual(5);
    for (const c of cards) {
      expect(c.text).not.toMatch(/\/docs\/|\/certificates\/|位置\s*l\d/u);
      expect(c.facts.length, c.text).toBeGreaterThan(0);
      for (const e of c.excerpts) expect(e, c.text).not.toMatch(/^[。，、；：）”.]/u);
      expect(c.text).not.toMatch(/文号教职|发文机关教育/u);
    }
    // The first result's facts: 发文机关 and year (and 文号, date once the index step writes HitMeta).
    expect(cards[0]!.facts).toMatch(/教育部|国务院/u);
    expect(cards[0]!.facts).toMatch(/20\d\d年/u);

    // Tab from the box reaches a result link.
    await page.focus('#search-q');
    let inResults = false;
    for (let i = 0; i < 12 && !inResults; i++) {
      await page.keyboard.press('Tab');
      inResults = await page.evaluate(() => Boolean(document.activeElement?.closest('.search-results')));
    }
    expect(inResults).toBe(true);
    await noSidewaysScroll(page);
    await screenshot(page, 'search-phone-results');
    await page.close();
  });

  it('the order by date and a filter live in the URL; filters appear only when they narrow', async () => {
    const page = await phonePage();
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('考核站点')}`);
    await page.waitForSelector('.search-hit', { timeout: 30_000 });
    // The groups are counted over the results shown. 考核站点: 通知 and 意见 among them → 文种 can narrow; every one is a
    // 政策文件 (each card's facts hold its 文号) → 类别 cannot. (学分银行 was the query here until the timeline's events
    // became results of their own: one is among its hits now, so there 类别 narrows.)
    const groups = await page.locator('[data-search-filters] select').evaluateAll((ss) => ss.map((s) => (s as HTMLSelectElement).name));
    expect(groups).toContain('kind');
    const facts = await page.locator('.search-hit__facts').allTextContents();
    expect(facts.every((f) => /〔\d{4}〕/u.test(f)), facts.join('\n')).toBe(true);
    expect(groups).not.toContain('type');
    for (const name of groups) expect(await page.locator(`[data-search-filters] select[name="${name}"] option`).count()).toBeGreaterThanOrEqual(3);

    await page.selectOption('[data-search-sort]', 'date');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('date');
    await expect.poll(() => page.textContent('[data-search-status]')).toMatch(/按日期排列/u);
    const years = await page.locator('.search-hit__facts').evaluateAll((ps) => ps.map((p) => Number(/(\d{4})年/u.exec(p.textContent ?? '')?.[1] ?? 0)));
    expect(years.filter(Boolean)).toEqual([...years.filter(Boolean)].sort((a, b) => b - a));

    await page.click('[data-search-filter-summary]');
    await page.selectOption('[data-search-filters] select[name="kind"]', '通知');
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('通知');
    await page.reload();
    await page.waitForSelector('.search-hit', { timeout: 30_000 });
    expect(await page.locator('[data-search-sort]').inputValue()).toBe('date');
    expect(await page.locator('[data-search-filters] select[name="kind"]').inputValue()).toBe('通知');
    // A filter set: the box is open and says so.
    expect(await page.locator('[data-search-filters] select[name="kind"]').isVisible()).toBe(true);
    expect(await page.textContent('[data-search-filter-summary]')).toBe('筛选（已选 1 项）');
    await noSidewaysScroll(page);
    await screenshot(page, 'search-phone-date-filter');

    // 物流管理 finds a certificate, its organisation, documents and list pages: 类别 narrows, the box is there.
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('物流管理')}`);
    await page.waitForSelector('.search-hit', { timeout: 30_000 });
    await expect.poll(() => page.locator('[data-search-filters] select').evaluateAll((ss) => ss.map((s) => (s as HTMLSelectElement).name))).toContain('type');
    expect(await page.locator('[data-search-filter-box]').isVisible()).toBe(true);
    expect(await page.locator('[data-search-filters] select[name="type"] option').count()).toBeGreaterThanOrEqual(3);

    // Results all of one type: a 文号 (its one document) and a skill code (exact lookups only): nothing to narrow, no box.
    for (const q of ['教职成〔2019〕6号', '2-3-4-S5']) {
      await page.goto(`${site.origin}/search/?q=${encodeURIComponent(q)}`);
      await page.waitForSelector('.search-hit', { timeout: 30_000 });
      expect(await page.locator('[data-search-filter-box]').isVisible(), q).toBe(false);
    }
    await page.close();
  });

  it('a slip is offered 您是不是要找 above its results; a suggestion searches; no result is said in Chinese', async () => {
    const page = await phonePage();
    // Nothing holds these letters: 没有找到, no suggestion, no empty 筛选 box.
    await page.goto(`${site.origin}/search/?q=qxzvkjw`);
    await expect.poll(() => page.textContent('[data-search-status]'), { timeout: 30_000 }).toContain('没有找到“qxzvkjw”');
    expect(await page.locator('.search-hit').count()).toBe(0);
    expect(await page.locator('[data-search-filter-box]').isVisible()).toBe(false);
    await screenshot(page, 'search-phone-no-result');

    // 学分很行: the any-word fallback finds the pages holding 学分, and the response suggests 学分银行.
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('学分很行')}`);
    const suggest = page.locator('[data-search-suggest]');
    await expect.poll(() => suggest.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await suggest.textContent()).toMatch(/^您是不是要找：.*学分银行/u);
    await screenshot(page, 'search-phone-suggestion');
    await suggest.locator('a', { hasText: '学分银行' }).click();
    // The address bar is written in the task after the results are drawn (search-page.ts `remember`).
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 30_000 }).toBe('学分银行');
    expect(await page.inputValue('#search-q')).toBe('学分银行');
    // The results of 学分银行 replace those of the slip (the list was already full): the suggestion goes.
    await expect.poll(() => suggest.isVisible(), { timeout: 30_000 }).toBe(false);
    expect(await page.locator('.search-hit').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('says a load failure in Chinese, and searches again when the network is back', async () => {
    const page = await phonePage();
    await page.route('**/pagefind/**', (r) => r.abort());
    await page.route('**/search/*.json', (r) => r.abort());
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('考核成本')}`);
    await expect.poll(() => page.textContent('[data-search-status]'), { timeout: 30_000 }).toContain('搜索索引加载失败，请检查网络后重试');
    expect(await page.textContent('[data-search-status]')).not.toMatch(/Failed|fetch|Error/u);
    await screenshot(page, 'search-phone-load-failure');
    await page.unroute('**/pagefind/**');
    await page.unroute('**/search/*.json');
    await page.click('.search-page__retry');
    await page.waitForSelector('.search-hit', { timeout: 30_000 });
    expect(await page.textContent('[data-search-status]')).toMatch(/找到 \d+ 项/u);
    await page.close();
  });

  it('prints the results without the form', async () => {
    const page = await phonePage();
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('考核成本')}`);
    await page.waitForSelector('.search-hit', { timeout: 30_000 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.search-page__form').isVisible()).toBe(false);
    expect(await page.locator('.search-hit').first().isVisible()).toBe(true);
    expect(await page.locator('[data-search-printed]').textContent()).toBe('搜索：考核成本');
    expect(await page.locator('[data-search-printed]').isVisible()).toBe(true);
    await screenshot(page, 'search-phone-print');
    await page.close();
  });
});
