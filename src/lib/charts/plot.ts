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

/** Grey-safe fills: distinct lightness steps, dark to light. */
export const GREYS = ['#1d1d1f', '#5f6368', '#8c8f94', '#b9bbbf', '#dcdde0'];

/** Plot options without `document`: the document is ours. */
export type PlotOptions = Omit<Plot.PlotOptions, 'document'>;

/** The chart's SVG markup. */
export function renderPlot(options: PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = Plot.plot({
    ...options,
    document: document as unknown as Document,
    style: { fontFamily: CHART_FONT, fontSize: '13px', background: 'transparent', overflow: 'visible' },
  });
  return escapeAttributes((node as unknown as { outerHTML: string }).outerHTML);
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
