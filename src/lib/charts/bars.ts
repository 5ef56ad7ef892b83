/**
 * Horizontal bar charts (batch sizes, fees) in two variants drawn at the width they are shown at:
 * wide (720 units: names left of the bars, values right) and narrow (340 units, a phone's column:
 * each name on its own line above its bar), so their 13-unit text is 13 px in both.
 */
import { GREYS, Plot, renderPlot, textWidth } from './plot.ts';
import { fitText } from './text.ts';

export interface BarRow {
  name: string;
  value: number;
  /** The value as printed beside the bar. */
  label: string;
  href: string;
  /** Tooltip and accessible name of the bar. */
  tip: string;
  /** Fill: one of GREYS. */
  fill: string;
}

export interface BarOptions {
  xLabel: string;
  narrow?: boolean;
  width?: number;
  /** Largest value of the axis (default: the largest bar). */
  max?: number;
}

/** Round tick values from 0 up to `max` (about `count` of them): 0, 200, 400 for 447. */
export function niceTicks(max: number, count: number): number[] {
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw)!;
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, k) => k * step);
}

export const WIDE = 720;
export const NARROW = 340;

export function barChart(rows: readonly BarRow[], opts: BarOptions): string {
  const narrow = opts.narrow ?? false;
  const width = opts.width ?? (narrow ? NARROW : WIDE);
  const labelRoom = Math.max(0, ...rows.map((r) => textWidth(r.label))) + 10;
  const max = Math.max(1, opts.max ?? 0, ...rows.map((r) => r.value));
  const common = {
    x: { label: opts.xLabel, grid: true, labelAnchor: 'center' as const, labelOffset: 34, ticks: narrow ? 3 : 5 },
    y: { label: null, domain: rows.map((r) => r.name), tickSize: 0 },
    color: { type: 'identity' as const },
  };
  const bar = { y: 'name', x: 'value', fill: 'fill', stroke: GREYS[0], strokeWidth: 1, href: 'href', title: 'tip', ariaLabel: 'tip' };
  if (!narrow) {
    const marginLeft = Math.min(260, Math.max(...rows.map((r) => textWidth(r.name))) + 14);
    const marginRight = labelRoom + 6;
    return renderPlot({
      width,
      height: 40 * rows.length + 56,
      marginLeft,
      marginRight,
      marginTop: 10,
      marginBottom: 44,
      ...common,
      x: { ...common.x, domain: [0, max] },
      y: { ...common.y, tickFormat: (n: string) => fitText(n, marginLeft - 14) },
      marks: [Plot.barX(rows, { ...bar, insetTop: 6, insetBottom: 6 }), Plot.text(rows, { y: 'name', x: 'value', text: 'label', textAnchor: 'start', dx: 6, fill: GREYS[0] }), Plot.ruleX([0])],
    });
  }
  const marginLeft = 6;
  const marginRight = 10;
  const plotWidth = width - marginLeft - marginRight;
  // Room on the right of the longest bar for its value.
  const domainMax = (max * plotWidth) / Math.max(plotWidth / 2, plotWidth - labelRoom);
  const named = rows.map((r) => ({ ...r, short: fitText(r.name, plotWidth) }));
  return renderPlot({
    width,
    height: 48 * rows.length + 50,
    marginLeft,
    marginRight,
    marginTop: 4,
    marginBottom: 44,
    ...common,
    // The axis is longer than the longest bar (room for its value); its ticks stop at the data.
    x: { ...common.x, domain: [0, domainMax], ticks: niceTicks(max, 3) },
    y: { ...common.y, axis: null },
    marks: [
      Plot.barX(named, { ...bar, insetTop: 24, insetBottom: 4 }),
      Plot.text(named, { y: 'name', x: () => 0, text: 'short', textAnchor: 'start', dy: -12, fill: GREYS[0] }),
      Plot.text(named, { y: 'name', x: 'value', text: 'label', textAnchor: 'start', dx: 5, dy: 10, fill: GREYS[0] }),
      Plot.ruleX([0]),
    ],
  });
}
