/**
 * Plot at build time: Observable Plot renders into a linkedom document and the SVG is kept as a
 * string. No chart JavaScript reaches the browser. Plot creates text nodes for every label, so
 * text from data is escaped when serialised, and attribute values are escaped here
 * (test/site/timeline.test.ts checks `<script>` labels).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** The site's Chinese font stack (src/styles/site.css --font). */
export const CHART_FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

/**
 * The charts' text size in SVG units. Each chart is drawn at the width it is shown at (a wide and a
 * narrow variant, src/components/ChartFigure.astro), so 13 units stay 13 px on a phone and a desktop.
 */
export const CHART_FONT_SIZE = 13;

/** Rough width of a label in SVG units at CHART_FONT_SIZE: CJK full width, digits and Latin about 0.6 em. */
export function textWidth(s: string, size = CHART_FONT_SIZE): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\uFFEF]/u.test(ch) ? 1 : 0.6;
  return w * size;
}

/** Grey-safe fills: distinct lightness steps, dark to light. */
export const GREYS = ['#1d1d1f', '#5f6368', '#8c8f94', '#b9bbbf', '#dcdde0'];

/** Plot options without `document`: the document is ours. */
export type PlotOptions = Omit<Plot.PlotOptions, 'document'>;

/** Fixed class name, so the markup does not depend on Plot's generated one. */
export const CHART_CLASS = 'plot-chart';

/**
 * The chart's SVG markup, fit for the site's Content-Security-Policy (astro.config.mjs), which
 * allows no inline `<style>` element and no `style=""` attribute:
 * - Plot's own `<style>` element is removed: its rules (display:block, max-width, height:auto) are
 *   in src/styles/site.css (`.chart__plot svg`);
 * - inline styles become SVG presentation attributes (font-family="…", overflow="visible");
 * - each named mark group gets role="group" (an aria-label needs a role).
 */
export function renderPlot(options: PlotOptions, finish?: (svg: Element, document: Document) => void): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = Plot.plot({
    ...options,
    className: CHART_CLASS,
    document: document as unknown as Document,
  }) as unknown as Element;
  node.setAttribute('font-family', CHART_FONT);
  node.setAttribute('font-size', String(CHART_FONT_SIZE));
  node.setAttribute('overflow', 'visible');
  for (const style of [...node.querySelectorAll('style')]) style.remove();
  for (const el of [node, ...node.querySelectorAll('[style]')]) inlineStyleToAttributes(el);
  // Plot names each mark's <g> with aria-label ("rule", "bar" …); a <g> has no role of its own, and
  // a name on an element without a role is not allowed (axe: aria-prohibited-attr). Make them groups.
  for (const g of [...node.querySelectorAll('g[aria-label]:not([role])')]) g.setAttribute('role', 'group');
  finish?.(node, document as unknown as Document);
  return escapeAttributes((node as unknown as { outerHTML: string }).outerHTML);
}

/** style="a:b;c:d" → a="b" c="d" (SVG presentation attributes); the style attribute is dropped. */
export function inlineStyleToAttributes(el: Element): void {
  const style = el.getAttribute('style');
  if (style === null) return;
  el.removeAttribute('style');
  for (const decl of style.split(';')) {
    const k = decl.indexOf(':');
    if (k < 0) continue;
    const name = decl.slice(0, k).trim().replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`);
    const value = decl.slice(k + 1).trim();
    if (name && value && !el.hasAttribute(name)) el.setAttribute(name, value);
  }
}

/**
 * linkedom escapes text nodes (&lt;) and quotes in attributes (&quot;) but leaves < and > raw inside
 * attribute values (aria-label="<script>…"). Harmless in a quoted attribute, but a page should never
 * hold markup-looking data: escape them too. Raw < and > can only be inside attribute values here.
 */
export function escapeAttributes(markup: string): string {
  return markup.replace(/="([^"]*)"/gu, (_, v: string) => `="${v.replace(/</gu, '&lt;').replace(/>/gu, '&gt;')}"`);
}

export { Plot };
