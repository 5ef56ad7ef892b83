/**
 * The pilot's charts, from the typed events and batch steps: batch sizes (bars) and the timeline
 * (one row per kind; a dot for a day, a band for a month, year or range). Every mark links to its
 * clause (Plot's `href` channel) and carries a <title> with its label and date.
 */
import type { BatchStep, EventKind, TimelineEvent } from '../../schema/timeline.ts';
import { clauseHref } from '../citation.ts';
import { endOf, rangeText, startOf } from './dates.ts';
import { GREYS, Plot, renderPlot } from './plot.ts';

/** Rows of the timeline, top to bottom. */
export const KIND_ORDER: readonly EventKind[] = ['招募', '公示期', '确认', '成文', '申报', '截止', '培训', '平台', '会议', '里程碑', '部署'];

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

/** Bars of certificates per batch step (首批 6 … 四批共 447). */
export function batchSizeChart(steps: readonly BatchStep[], width = 720): string {
  const rows = sizedSteps(steps);
  const max = Math.max(1, ...rows.map((r) => r.certificates));
  return renderPlot({
    width,
    height: 44 * rows.length + 56,
    marginLeft: 130,
    marginRight: 210,
    marginTop: 10,
    marginBottom: 40,
    x: { label: '证书数（个）', domain: [0, max], grid: true, labelAnchor: 'center', labelOffset: 34 },
    y: { label: null, domain: rows.map((r) => r.name), tickSize: 0 },
    marks: [
      Plot.barX(rows, {
        y: 'name',
        x: 'certificates',
        fill: (r: (typeof rows)[number]) => (r.step.kind === 'total' ? GREYS[3] : GREYS[1]),
        stroke: GREYS[0],
        strokeWidth: 1,
        href: 'href',
        title: 'tip',
        ariaLabel: 'tip',
      }),
      Plot.text(rows, { y: 'name', x: 'certificates', text: 'label', textAnchor: 'start', dx: 6, fill: GREYS[0] }),
      Plot.ruleX([0]),
    ],
  });
}

export interface TimelineRange {
  from: string;
  to: string;
}

/** The default window: the pilot's first phase. */
export const PILOT_RANGE: TimelineRange = { from: '2018-08-01', to: '2020-06-30' };

/** Events with a (partly) visible span inside the range. */
export function eventsIn(events: readonly TimelineEvent[], range: TimelineRange): TimelineEvent[] {
  const a = startOf(range.from);
  const b = endOf(range.to);
  return events.filter((e) => endOf(e.endDate ?? e.date) >= a && startOf(e.date) <= b);
}

/** One row per kind; day events are dots, month/year/range events are bands; batch steps annotated on top. */
export function timelineChart(events: readonly TimelineEvent[], steps: readonly BatchStep[], range: TimelineRange = PILOT_RANGE, width = 960): string {
  const a = startOf(range.from);
  const b = endOf(range.to);
  const shown = eventsIn(events, range);
  const kinds = KIND_ORDER.filter((k) => shown.some((e) => e.kind === k));
  const rows = ['批次', ...kinds];
  const clampA = (d: Date) => (d < a ? a : d);
  const clampB = (d: Date) => (d > b ? b : d);
  const data = shown.map((e) => ({
    kind: e.kind as string,
    start: clampA(startOf(e.date)),
    end: clampB(endOf(e.endDate ?? e.date)),
    span: e.endDate !== null || e.precision !== 'day',
    href: clauseHref(e.documentId, e.anchor),
    tip: `${e.label}（${rangeText(e.date, e.endDate)}）`,
    symbol: KIND_SYMBOL[e.kind],
  }));
  const spans = data.filter((d) => d.span);
  const points = data.filter((d) => !d.span);
  const sized = steps.filter((s) => startOf(s.date) >= a && startOf(s.date) <= b);
  const stepData = sized.map((s) => ({
    row: '批次',
    at: startOf(s.date),
    certificates: s.certificates ?? 0,
    text: `${stepShortName(s)}${s.certificates !== null ? ` ${s.certificates}` : ''}`,
    href: clauseHref(s.documentId, s.anchor),
    tip: `${s.name}${s.certificates !== null ? `：${s.certificates} 个证书` : ''}（${rangeText(s.date, null)}）`,
  }));
  return renderPlot({
    width,
    height: 38 * rows.length + 70,
    marginLeft: 64,
    marginRight: 30,
    marginTop: 24,
    marginBottom: 40,
    x: { type: 'utc', domain: [a, b], label: null, grid: true, tickFormat: (d: Date) => (d.getUTCMonth() === 0 ? `${d.getUTCFullYear()}年1月` : `${d.getUTCMonth() + 1}月`) },
    y: { type: 'band', domain: rows, label: null, tickSize: 0, padding: 0.2 },
    r: { type: 'sqrt', domain: [0, Math.max(1, ...stepData.map((s) => s.certificates))], range: [4, 16] },
    symbol: { type: 'identity' },
    marks: [
      Plot.barX(spans, { x1: 'start', x2: 'end', y: 'kind', fill: GREYS[3], stroke: GREYS[0], strokeWidth: 0.75, insetTop: 7, insetBottom: 7, href: 'href', title: 'tip', ariaLabel: 'tip' }),
      Plot.dot(points, { x: 'start', y: 'kind', symbol: 'symbol', r: 4.5, stroke: GREYS[0], fill: 'white', strokeWidth: 1.5, href: 'href', title: 'tip', ariaLabel: 'tip' }),
      Plot.dot(stepData, { x: 'at', y: 'row', r: 'certificates', fill: GREYS[1], fillOpacity: 0.85, stroke: GREYS[0], href: 'href', title: 'tip', ariaLabel: 'tip' }),
      Plot.text(stepData, { x: 'at', y: 'row', text: 'text', dy: -20, fill: GREYS[0], fontSize: 12 }),
    ],
  });
}
