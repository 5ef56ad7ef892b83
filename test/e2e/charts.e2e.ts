/**
 * The charts in Chromium at a phone's 390×844 and a laptop's 1366×900 (issue 15): the smallest
 * chart text as displayed (computed font size × the SVG's scale) is at least 12 px, no chart is
 * wider than the viewport, the timeline chart has one Tab stop per lane, and the arrow keys move
 * along a lane. Screenshots go to test-results/e2e/charts-*.png.
 */
import { describe, expect, it } from 'vitest';
import { type Page, screenshot, axeViolations, serious } from './browser.ts';
import { servedSite } from './served-site.ts';

/** axe over the chart figures only: serious and critical violations, described. */
async function axeCharts(page: Page): Promise<string[]> {
  return serious(await axeViolations(page, 'figure.chart')).map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const site = servedSite();

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1366, height: 900 },
] as const;

/** Every visible chart text: its displayed size (font size × scale of its SVG) and the widest visible chart. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const sizes: { size: number; text: string }[] = [];
    let widest = 0;
    for (const svg of document.querySelectorAll<SVGSVGElement>('.chart__plot svg')) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0 || svg.getClientRects().length === 0) continue;
      widest = Math.max(widest, box.right);
      const scale = box.width / svg.viewBox.baseVal.width;
      for (const t of svg.querySelectorAll('text')) {
        if (!t.textContent?.trim() || t.getClientRects().length === 0) continue;
        sizes.push({ size: Number.parseFloat(getComputedStyle(t).fontSize) * scale, text: t.textContent });
      }
    }
    sizes.sort((p, q) => p.size - q.size);
    return { smallest: sizes[0], count: sizes.length, widest };
  });
}

describe('charts on a phone and a laptop', () => {
  for (const vp of VIEWPORTS) {
    for (const path of ['/timeline/', '/fees/', '/']) {
      it(`${path} at ${vp.width}×${vp.height}: chart text ≥ 12 px, charts within the viewport, no axe violation in them`, async () => {
        const page = await site.session.browser.newPage();
        await page.setViewportSize({ width: vp.width, height: vp.height });
        await page.goto(`${site.origin}${path}`);
        const m = await measure(page);
        console.log(`${path} ${vp.width}px: ${m.count} chart texts, smallest ${m.smallest?.size.toFixed(2)} px (“${m.smallest?.text}”), widest chart right edge ${m.widest.toFixed(0)}`);
        expect(m.count).toBeGreaterThan(0);
        expect(m.smallest!.size).toBeGreaterThanOrEqual(12);
        expect(m.widest).toBeLessThanOrEqual(vp.width);
        // Each chart figure fits (the page's own width is the phone-layout work's: /fees/'s calculator and tables).
        const figures = await page.locator('figure.chart').evaluateAll((fs) => fs.map((f) => Math.max(f.getBoundingClientRect().right, ...[...f.querySelectorAll('.chart__plot > *, .chart__variant > *')].filter((e) => e.getClientRects().length > 0).map((e) => e.getBoundingClientRect().right))));
        for (const right of figures) expect(right).toBeLessThanOrEqual(vp.width);
        expect(await axeCharts(page)).toEqual([]);
        const name = `charts-${path === '/' ? 'home' : path.replaceAll('/', '')}-${vp.width}`;
        // Each chart's plot at the top of the viewport (not its table).
        const ids = await page.locator('figure.chart').evaluateAll((fs) => fs.map((f) => f.id));
        for (const id of ids) {
          await page.locator(`#${id} .chart__plot`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
          await screenshot(page, `${name}-${id}`);
        }
        await page.close();
      });
    }

    it(`/timeline/ at ${vp.width}px: one Tab stop per lane, arrow keys along a lane`, async () => {
      const page = await site.session.browser.newPage();
      await page.setViewportSize({ width: vp.width, height: vp.height });
      await page.goto(`${site.origin}/timeline/`);
      const variant = vp.width < 992 ? 'narrow' : 'wide';
      const lanes = page.locator(`#timeline-chart [data-chart-variant="${variant}"] g[data-chart-lane]`);
      const laneCount = await lanes.count();
      expect(laneCount).toBeGreaterThan(11);
      // The other variant is not displayed: none of its marks can take focus.
      const other = variant === 'wide' ? 'narrow' : 'wide';
      expect(await page.locator(`#timeline-chart [data-chart-variant="${other}"]`).isVisible()).toBe(false);

      // Tab from the element before the chart through it: count the stops inside the chart.
      await page.locator('#timeline-chart-desc').evaluate((el) => {
        el.setAttribute('tabindex', '-1');
        (el as HTMLElement).focus();
      });
      const stops: string[] = [];
      for (let k = 0; k < laneCount + 5; k++) {
        await page.keyboard.press('Tab');
        const where = await page.evaluate(() => {
          const a = document.activeElement;
          const lane = a?.closest('[data-chart-lane]');
          if (!lane || !a?.closest('#timeline-chart')) return null;
          // Lane keys repeat across panels (批次-0 in each): a lane is its place among all of them.
          const n = [...document.querySelectorAll('#timeline-chart [data-chart-lane]')].indexOf(lane);
          return `${n}|${a.localName}|${a.getAttribute('data-event')}`;
        });
        if (!where) break;
        stops.push(where);
      }
      expect(stops).toHaveLength(laneCount);
      expect(new Set(stops.map((s) => s.split('|')[0])).size).toBe(laneCount);
      expect(stops.every((s) => /^\d+\|a\|.+/u.test(s) && !s.endsWith('|null'))).toBe(true);
      console.log(`/timeline/ ${vp.width}px (${variant}): ${stops.length} Tab stops in the chart, ${laneCount} lanes, ${await page.locator(`#timeline-chart [data-chart-variant="${variant}"] a[data-event]`).count()} marks`);

      // Arrow keys within the 成文 lane with most marks: → moves on, ← back, Home/End; the Tab stop roves along.
      const laneIndex = await lanes.evaluateAll((gs) => {
        const withMost = gs.filter((g) => g.getAttribute('data-chart-lane')!.startsWith('成文-')).sort((p, q) => q.children.length - p.children.length)[0]!;
        return gs.indexOf(withMost);
      });
      const lane = lanes.nth(laneIndex);
      const marks = lane.locator(':scope > a');
      const n = await marks.count();
      expect(n).toBeGreaterThan(2);
      await marks.first().focus();
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      const names = await marks.evaluateAll((as) => as.map((a) => a.getAttribute('aria-label')!));
      expect(names[0]).toMatch(/^成文：.+（\d{4}年\d{1,2}月\d{1,2}日）$/u);
      await page.keyboard.press('ArrowRight');
      expect(await focused()).toBe(names[1]);
      await page.keyboard.press('ArrowRight');
      expect(await focused()).toBe(names[2]);
      await page.keyboard.press('ArrowLeft');
      expect(await focused()).toBe(names[1]);
      await page.keyboard.press('End');
      expect(await focused()).toBe(names[n - 1]);
      await page.keyboard.press('Home');
      expect(await focused()).toBe(names[0]);
      await page.keyboard.press('ArrowRight');
      expect(await marks.evaluateAll((as) => as.map((a) => a.getAttribute('tabindex')))).toEqual(names.map((_, k) => (k === 1 ? '0' : '-1')));
      await screenshot(page, `charts-timeline-focus-${vp.width}`);
      // Enter follows the focused mark's link to its clause.
      const href = await marks.nth(1).getAttribute('href');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname + u.hash === href);
      await page.close();
    });
  }

  it('no page reported a CSP violation or an error', () => {
    expect(site.session.violations).toEqual([]);
    expect(site.session.errors).toEqual([]);
  });
});
