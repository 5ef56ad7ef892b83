/**
 * The pilot's charts, from the typed events and batch steps: batch sizes (bars) and the timeline
 * (one row per kind; a dot for a day, a band for a month, year or range). Every mark links to its
 * clause (Plot's `href` channel) and carries a <title> with its label and date.
 */
import type { BatchStep, EventKind, TimelineEvent } from '../../schema/timeline.ts';
import { clauseHref } from '../citation.ts';
import { endOf, partialDateText, rangeText, startOf } from './dates.ts';
import { type BarRow, barChart } from './bars.ts';
import { GREYS, Plot, renderPlot, textWidth } from './plot.ts';
import { fitText } from './text.ts';

/** Rows of the timeline, top to bottom. */
export const KIND_ORDER: readonly EventKind[] = ['招募', '公示期', '确认', '成文', '申报', '截止', '培训', '平台', '会议', '里程碑', '部署', '施行'];

/** Shapes that tell kinds apart without colour. */
const KIND_SYMBOL: Record<EventKind, string> = {
  招募: 'triangle',
  公示期: 'square',
  确认: 'star',
  成文: 'circle',
  申报: 'diamond',
  截止: 'times',
  培训: 'square',
  平台: 'star',
  会议: 'diamond',
  里程碑: 'triangle',
  部署: 'plus',
  施行: 'circle',
};

export function stepShortName(s: Pick<BatchStep, 'kind' | 'name'>): string {
  return s.kind === 'total' ? s.name.replace(/共.*$/u, '合计') : s.name;
}

/** Steps that have a size, in date order, with their bar label. */
export function sizedSteps(steps: readonly BatchStep[]) {
  return steps
    .filter((s) => s.certificates !== null)
    .map((s) => ({
      step: s,
      name: stepShortName(s),
      certificates: s.certificates!,
      label: `${s.certificates} 个证书${s.organizations !== null ? ` · ${s.organizations} 家组织` : ''}（${s.date.slice(0, 7).replace('-', '年')}月）`,
      href: clauseHref(s.documentId, s.anchor),
      tip: `${s.name}：${s.certificates} 个证书${s.kind === 'total' ? '（通知所述合计）' : '（据名单）'}，${rangeText(s.date, null)}`,
    }));
}

/** Bars of certificates per batch step (首批 6 … 四批共 447); the narrow variant for phones. */
export function batchSizeChart(steps: readonly BatchStep[], opts: { narrow?: boolean; width?: number } = {}): string {
  const rows: BarRow[] = sizedSteps(steps).map((r) => ({
    name: r.name,
    value: r.certificates,
    label: r.label,
    href: r.href,
    tip: r.tip,
    fill: r.step.kind === 'total' ? GREYS[3]! : GREYS[1]!,
  }));
  return barChart(rows, { xLabel: '证书数（个）', ...opts });
}

export interface TimelineRange {
  from: string;
  to: string;
}

/** The pilot's first phase (dense: batches, publicity, the summer's training classes). */
export const PILOT_RANGE: TimelineRange = { from: '2018-08-01', to: '2020-06-30' };

/** Everything the timeline charts: the first phase, then the later notices up to 2024. */
export const CHART_RANGE: TimelineRange = { from: '2018-08-01', to: '2024-12-31' };

/** Wide chart (desktop): two panels, a broken time axis between them. */
export const WIDE_PANELS: readonly TimelineRange[] = [PILOT_RANGE, { from: '2020-07-01', to: '2024-12-31' }];

/** Narrow chart (phone): three panels of about a year each for the dense part, one for the rest. */
export const NARROW_PANELS: readonly TimelineRange[] = [
  { from: '2018-08-01', to: '2019-06-30' },
  { from: '2019-07-01', to: '2020-06-30' },
  { from: '2020-07-01', to: '2024-12-31' },
];

/** Events with a (partly) visible span inside the range. */
export function eventsIn(events: readonly TimelineEvent[], range: TimelineRange): TimelineEvent[] {
  const a = startOf(range.from);
  const b = endOf(range.to);
  return events.filter((e) => endOf(e.endDate ?? e.date) >= a && startOf(e.date) <= b);
}

const DAY = 86_400_000;

/** One mark's place: its lane (kind and lane number) and its extent in SVG units. */
interface Placed<T> {
  item: T;
  kind: string;
  x1: number;
  x2: number;
  lane: number;
}

/**
 * Lanes: within a kind, marks are put in the first lane where they overlap nothing (as drawn, in SVG
 * units, with a gap), so two events never share pixels; a kind has as many lanes as it needs.
 */
export function packLanes<T>(items: readonly { item: T; kind: string; x1: number; x2: number }[], gap = 2): Placed<T>[] {
  const out: Placed<T>[] = [];
  const ends = new Map<string, number[]>();
  const sorted = [...items].sort((p, q) => p.x1 - q.x1 || q.x2 - q.x1 - (p.x2 - p.x1));
  for (const it of sorted) {
    const lanes = ends.get(it.kind) ?? [];
    let lane = lanes.findIndex((end) => end + gap <= it.x1);
    if (lane < 0) lane = lanes.length;
    lanes[lane] = it.x2;
    ends.set(it.kind, lanes);
    out.push({ ...it, lane });
  }
  return out;
}

/** Month ticks at least `spacing` apart; the first tick and each January carry the year. */
export function monthTicks(a: Date, b: Date, plotWidth: number, spacing: number): { ticks: Date[]; format: (d: Date) => string } {
  const perMonth = (plotWidth / (b.getTime() - a.getTime())) * 30.44 * DAY;
  // Year-only labels (from a 12-month step on) are shorter and may sit closer.
  const step = [1, 2, 3, 6, 12, 24].find((k) => k * perMonth >= (k >= 12 ? Math.min(spacing, 58) : spacing)) ?? 24;
  const ticks: Date[] = [];
  for (let y = a.getUTCFullYear(); y <= b.getUTCFullYear(); y++) {
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(y, m, 1));
      if (d < a || d > b || (y * 12 + m) % step !== 0) continue;
      ticks.push(d);
    }
  }
  const format = (d: Date): string => {
    const i = ticks.findIndex((t) => t.getTime() === d.getTime());
    const y = d.getUTCFullYear();
    if (step >= 12) return `${y}年`;
    const prev = i > 0 ? ticks[i - 1]! : null;
    return i <= 0 || prev!.getUTCFullYear() !== y ? `${y}年${d.getUTCMonth() + 1}月` : `${d.getUTCMonth() + 1}月`;
  };
  return { ticks, format };
}

/** One datum of a panel: where its link goes, how it is announced, which lane it is in. */
interface LaneMark {
  id: string;
  href: string;
  label: string;
  key: string;
  x: number;
}

export interface TimelineOptions {
  panels?: readonly TimelineRange[];
  width?: number;
  /** Height of one lane in SVG units. */
  lane?: number;
}

/**
 * One panel: a row of lanes per kind (批次 on top), day events as symbols, ranges and month/year
 * dates as bars, batch steps as dots sized by certificates. Every mark is an <a> to its clause with
 * an aria-label naming the event and its date and a data-event id; the marks of a lane are gathered
 * in one <g data-chart-lane> in time order, the first with tabindex 0 and the others -1 (one Tab
 * stop per lane, arrow keys inside: src/scripts/chart-lanes.ts).
 */
export function timelinePanel(events: readonly TimelineEvent[], steps: readonly BatchStep[], range: TimelineRange, width: number, laneHeight = 22): string {
  const a = startOf(range.from);
  const b = new Date(endOf(range.to).getTime() + DAY);
  const shown = eventsIn(events, range);
  const marginLeft = Math.max(...['批次', ...KIND_ORDER].map((k) => textWidth(k))) + 10;
  const marginRight = 14;
  const plotWidth = width - marginLeft - marginRight;
  const px = (d: Date) => marginLeft + ((d.getTime() - a.getTime()) / (b.getTime() - a.getTime())) * plotWidth;
  const at = (x: number) => new Date(a.getTime() + ((x - marginLeft) / plotWidth) * (b.getTime() - a.getTime()));
  const clamp = (d: Date) => (d < a ? a : d > b ? b : d);

  const R_MAX = 9;
  const rOf = (n: number) => 3 + (R_MAX - 3) * Math.sqrt(Math.min(n, 447) / 447);
  const boxes = [
    ...shown.map((e) => {
      const span = e.endDate !== null || e.precision !== 'day';
      const x1 = px(clamp(startOf(e.date)));
      const x2 = span ? Math.max(px(clamp(new Date(endOf(e.endDate ?? e.date).getTime() + DAY))), x1 + 3) : x1;
      return { item: { e, span }, kind: e.kind as string, x1: span ? x1 : x1 - 6, x2: span ? x2 : x1 + 6 };
    }),
  ];
  const placed = packLanes(boxes);
  const stepBoxes = steps
    .filter((s) => startOf(s.date) >= a && startOf(s.date) < b)
    .map((s) => {
      const x = px(startOf(s.date));
      const r = rOf(s.certificates ?? 0);
      const text = `${stepShortName(s)}${s.certificates !== null ? ` ${s.certificates}` : ''}`;
      const w = textWidth(text);
      const right = x + r + 4 + w <= width;
      return { item: { s, x, r, text, right }, kind: '批次', x1: right ? x - r : x - r - 4 - w, x2: right ? x + r + 4 + w : x + r };
    });
  const placedSteps = packLanes(stepBoxes, 6);

  const laneCount = new Map<string, number>();
  for (const p of [...placedSteps, ...placed]) laneCount.set(p.kind, Math.max(laneCount.get(p.kind) ?? 0, p.lane + 1));
  const kinds = ['批次', ...KIND_ORDER].filter((k) => laneCount.has(k));
  const keyOf = (kind: string, lane: number) => `${kind}-${lane}`;
  const laneKeys = kinds.flatMap((k) => Array.from({ length: laneCount.get(k)! }, (_, n) => keyOf(k, n)));

  const marks: LaneMark[] = [];
  const ref = (m: Omit<LaneMark, 'key'> & { kind: string; lane: number }) => {
    marks.push({ id: m.id, href: m.href, label: m.label, key: keyOf(m.kind, m.lane), x: m.x });
    return `#chart-mark-${marks.length - 1}`;
  };
  const spans = placed
    .filter((p) => p.item.span)
    .map((p) => {
      const e = p.item.e;
      const tip = `${e.kind}：${e.label}（${rangeText(e.date, e.endDate)}）`;
      return { key: keyOf(p.kind, p.lane), x1: at(p.x1), x2: at(p.x2), tip, text: fitText(e.label, p.x2 - p.x1 - 8), ref: ref({ id: e.id, href: clauseHref(e.documentId, e.anchor), label: tip, kind: p.kind, lane: p.lane, x: p.x1 }) };
    });
  const points = placed
    .filter((p) => !p.item.span)
    .map((p) => {
      const e = p.item.e;
      const tip = `${e.kind}：${e.label}（${rangeText(e.date, null)}）`;
      return { key: keyOf(p.kind, p.lane), at: startOf(e.date), symbol: KIND_SYMBOL[e.kind], tip, ref: ref({ id: e.id, href: clauseHref(e.documentId, e.anchor), label: tip, kind: p.kind, lane: p.lane, x: p.x1 + 6 }) };
    });
  const stepData = placedSteps.map((p) => {
    const { s, r, text, right } = p.item;
    const tip = `批次：${s.name}${s.certificates !== null ? `，${s.certificates} 个证书` : ''}（${rangeText(s.date, null)}）`;
    const tx = at(right ? p.item.x + r + 4 : p.item.x - r - 4);
    return { key: keyOf('批次', p.lane), at: startOf(s.date), tx, r, text, right, tip, ref: ref({ id: s.id, href: clauseHref(s.documentId, s.anchor), label: tip, kind: '批次', lane: p.lane, x: p.item.x }) };
  });
  const shaded = kinds.filter((_, k) => k % 2 === 1).flatMap((k) => laneKeys.filter((key) => key.startsWith(`${k}-`)));
  const { ticks, format } = monthTicks(a, b, plotWidth, width < 600 ? 72 : 84);
  const lastTick = ticks.at(-1);
  if (lastTick && px(lastTick) + textWidth(format(lastTick)) / 2 > width) ticks.pop();

  return renderPlot(
    {
      width,
      height: laneHeight * laneKeys.length + 8 + 30,
      marginLeft,
      marginRight,
      marginTop: 8,
      marginBottom: 30,
      x: { type: 'utc', domain: [a, b], label: null, grid: true, ticks, tickFormat: format },
      y: { type: 'band', domain: laneKeys, label: null, tickSize: 0, padding: 0, tickFormat: (key: string) => (key.endsWith('-0') ? key.slice(0, key.lastIndexOf('-')) : '') },
      symbol: { type: 'identity' },
      marks: [
        Plot.barX(shaded, { x1: () => a, x2: () => b, y: (k: string) => k, fill: '#f1f2f4', ariaHidden: 'true' }),
        Plot.barX(spans, { x1: 'x1', x2: 'x2', y: 'key', fill: GREYS[3], stroke: GREYS[0], strokeWidth: 0.75, insetTop: 2.5, insetBottom: 2.5, href: 'ref', title: 'tip' }),
        Plot.text(
          spans.filter((d) => d.text),
          { x: 'x1', y: 'key', text: 'text', textAnchor: 'start', dx: 4, fill: GREYS[0], ariaHidden: 'true' },
        ),
        Plot.dot(points, { x: 'at', y: 'key', symbol: 'symbol', r: 4.5, stroke: GREYS[0], fill: 'white', strokeWidth: 1.5, href: 'ref', title: 'tip' }),
        Plot.dot(stepData, { x: 'at', y: 'key', r: 'r', fill: GREYS[1], fillOpacity: 0.85, stroke: GREYS[0], href: 'ref', title: 'tip' }),
        Plot.text(stepData.filter((d) => d.right), { x: 'tx', y: 'key', text: 'text', textAnchor: 'start', fill: GREYS[0], ariaHidden: 'true' }),
        Plot.text(stepData.filter((d) => !d.right), { x: 'tx', y: 'key', text: 'text', textAnchor: 'end', fill: GREYS[0], ariaHidden: 'true' }),
      ],
      r: { type: 'identity' },
    },
    (svg, document) => gatherLanes(svg, document, marks, laneKeys),
  );
}

/** Moves each mark's <a> into its lane's group, in time order, and gives it its real href and name. */
function gatherLanes(svg: Element, document: Document, marks: readonly LaneMark[], laneKeys: readonly string[]): void {
  const byLane = new Map<string, { a: Element; m: LaneMark }[]>();
  for (const a of [...svg.querySelectorAll('a')]) {
    const href = a.getAttribute('href') ?? '';
    const m = /^#chart-mark-(\d+)$/u.exec(href);
    if (!m) continue;
    const mark = marks[Number(m[1])]!;
    // The mark's group holds its presentation (fill, stroke, transform …): the link carries it along.
    const group = a.parentElement!;
    for (const { name, value } of [...group.attributes]) {
      if (name !== 'role' && !name.startsWith('aria-')) a.setAttribute(name, value);
    }
    a.setAttribute('href', mark.href);
    a.setAttribute('aria-label', mark.label);
    a.setAttribute('data-event', mark.id);
    const list = byLane.get(mark.key) ?? [];
    list.push({ a, m: mark });
    byLane.set(mark.key, list);
  }
  const kindLanes = new Map<string, number>();
  for (const key of laneKeys) {
    const kind = key.slice(0, key.lastIndexOf('-'));
    kindLanes.set(kind, (kindLanes.get(kind) ?? 0) + 1);
  }
  for (const key of laneKeys) {
    const list = (byLane.get(key) ?? []).sort((p, q) => p.m.x - q.m.x);
    if (list.length === 0) continue;
    const kind = key.slice(0, key.lastIndexOf('-'));
    const n = Number(key.slice(key.lastIndexOf('-') + 1));
    const total = kindLanes.get(kind)!;
    const g = document.createElement('g');
    g.setAttribute('role', 'group');
    g.setAttribute('data-chart-lane', key);
    g.setAttribute('aria-label', `${kind}${total > 1 ? ` 第 ${n + 1} 道（共 ${total} 道）` : ''}，${list.length} 项，左右方向键切换`);
    list.forEach(({ a }, k) => {
      a.setAttribute('tabindex', k === 0 ? '0' : '-1');
      g.appendChild(a);
    });
    svg.appendChild(g);
  }
  // Labels go on top of the marks they name, and let clicks and hovers through to them.
  for (const g of [...svg.querySelectorAll('g[aria-label="text"]')]) {
    g.setAttribute('pointer-events', 'none');
    svg.appendChild(g);
  }
  // Plot's mark groups that held only links are empty now.
  for (const g of [...svg.querySelectorAll('g[aria-label]:not([data-chart-lane])')]) if (g.childNodes.length === 0) g.remove();
}

/** Each panel with its period as a heading: the chart's markup. */
export function timelineChart(events: readonly TimelineEvent[], steps: readonly BatchStep[], opts: TimelineOptions = {}): string {
  const panels = opts.panels ?? WIDE_PANELS;
  const width = opts.width ?? 960;
  return panels
    .map((p) => {
      const title = `${partialDateText(p.from.slice(0, 7))}至${partialDateText(p.to.slice(0, 7))}`;
      return `<div class="chart__panel"><p class="chart__panel-title">${title}</p>${timelinePanel(events, steps, p, width, opts.lane)}</div>`;
    })
    .join('');
}

/** The phone variant: 340 units wide (shown at 1:1 in a 358 px column), three panels. */
export function timelineChartNarrow(events: readonly TimelineEvent[], steps: readonly BatchStep[]): string {
  return timelineChart(events, steps, { panels: NARROW_PANELS, width: 340 });
}
