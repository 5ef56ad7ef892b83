/**
 * The fee charts, from the typed fees: exam-cost ceilings by exam form, training and re-exam fees
 * by certificate/organiser, teacher-training day rates. Bars link to their clause; each chart is
 * faceted by unit (元/人, 元/晚, 元/期 … never share an axis) and comes wide and narrow.
 */
import type { Fee } from '../../schema/timeline.ts';
import { clauseHref } from '../citation.ts';
import { feeText } from '../fees.ts';
import { type BarRow, barChart } from './bars.ts';
import { GREYS } from './plot.ts';

/** The caps listed per item (考核成本上限: 纸笔考试 200 …), first statement of each. */
export function examCaps(fees: readonly Fee[]): Fee[] {
  return fees.filter((f) => f.nature === 'cap' && f.item && !f.repeats);
}

/** Fees charged to trainees and teachers (培训费, 补考费, 住宿费, 师资培训费), not day rates, restatements or per-class table rows. */
export function trainingFees(fees: readonly Fee[]): Fee[] {
  return fees.filter((f) => f.nature === 'price' && !f.repeats && !/日均/u.test(f.purpose) && !(f.item && f.unit === '元'));
}

/** Teacher-training day rates (师资培训费（日均）). */
export function dayRates(fees: readonly Fee[]): Fee[] {
  return fees.filter((f) => /日均/u.test(f.purpose) && !f.repeats);
}

/** A row's name on the y axis: what and for whom. */
export function feeRowName(f: Fee): string {
  if (f.item) return f.item;
  return `${f.subject ?? f.organizer ?? ''} ${f.purpose.replace(/（日均）$/u, '')}`.trim();
}

/** Units in order of first appearance, each with its fees: one facet each, never one axis for 元/人 and 元/晚. */
export function feesByUnit(rows: readonly Fee[]): [string, Fee[]][] {
  const by = new Map<string, Fee[]>();
  for (const f of rows) by.set(f.unit, [...(by.get(f.unit) ?? []), f]);
  return [...by];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (s: string) => s.replace(/[&<>"]/gu, (c) => ESCAPES[c]!);

/**
 * Bars faceted by unit: per unit a heading and its own chart with its own axis (金额（元/人）).
 * Shades tell purposes apart (培训费, 补考费 …) within the chart.
 */
function facetedBars(rows: readonly Fee[], xLabel: string, opts: { narrow?: boolean; width?: number }): string {
  const purposes = [...new Set(rows.map((f) => f.purpose))];
  return feesByUnit(rows)
    .map(([unit, fees]) => {
      const bars: BarRow[] = fees.map((f) => ({
        name: feeRowName(f),
        value: f.amount,
        label: feeText(f),
        href: clauseHref(f.documentId, f.anchor),
        tip: `${feeRowName(f)}：${feeText(f)}`,
        fill: GREYS[1 + (purposes.indexOf(f.purpose) % 3)]!,
      }));
      const svg = barChart(bars, { xLabel: `${xLabel}（${unit}）`, ...opts });
      return `<div class="chart__facet" data-unit="${escapeHtml(unit)}"><p class="chart__facet-title">单位：${escapeHtml(unit)}</p>${svg}</div>`;
    })
    .join('');
}

export interface FeeChartOptions {
  narrow?: boolean;
  width?: number;
}

export function examCapChart(fees: readonly Fee[], opts: FeeChartOptions = {}): string {
  return facetedBars(examCaps(fees), '考核成本上限', opts);
}

export function trainingFeeChart(fees: readonly Fee[], opts: FeeChartOptions = {}): string {
  return facetedBars(trainingFees(fees), '金额', opts);
}

export function dayRateChart(fees: readonly Fee[], opts: FeeChartOptions = {}): string {
  return facetedBars(dayRates(fees), '每天费用', opts);
}
