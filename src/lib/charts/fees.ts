/**
 * The fee charts, from the typed fees: exam-cost ceilings by exam form, training and re-exam fees
 * by certificate/organiser, teacher-training day rates. Bars link to their clause.
 */
import type { Fee } from '../../schema/timeline.ts';
import { clauseHref } from '../citation.ts';
import { feeText } from '../fees.ts';
import { GREYS, Plot, renderPlot } from './plot.ts';

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

function barChart(rows: readonly Fee[], opts: { xLabel: string; width: number; marginLeft: number }): string {
  const data = rows.map((f) => ({
    name: feeRowName(f),
    amount: f.amount,
    label: feeText(f),
    href: clauseHref(f.documentId, f.anchor),
    tip: `${feeRowName(f)}：${feeText(f)}`,
    shade: f.purpose,
  }));
  const purposes = [...new Set(data.map((d) => d.shade))];
  return renderPlot({
    width: opts.width,
    height: 40 * data.length + 56,
    marginLeft: opts.marginLeft,
    marginRight: 120,
    marginTop: 10,
    marginBottom: 40,
    x: { label: opts.xLabel, grid: true, labelAnchor: 'center', labelOffset: 34 },
    y: { label: null, domain: data.map((d) => d.name), tickSize: 0 },
    color: { domain: purposes, range: purposes.map((_, k) => GREYS[1 + (k % 3)]!) },
    marks: [
      Plot.barX(data, { y: 'name', x: 'amount', fill: 'shade', stroke: GREYS[0], strokeWidth: 1, href: 'href', title: 'tip', ariaLabel: 'tip' }),
      Plot.text(data, { y: 'name', x: 'amount', text: 'label', textAnchor: 'start', dx: 6, fill: GREYS[0] }),
      Plot.ruleX([0]),
    ],
  });
}

export function examCapChart(fees: readonly Fee[], width = 720): string {
  return barChart(examCaps(fees), { xLabel: '考核成本上限（元/人次）', width, marginLeft: 90 });
}

export function trainingFeeChart(fees: readonly Fee[], width = 720): string {
  return barChart(trainingFees(fees), { xLabel: '金额（元）', width, marginLeft: 190 });
}

export function dayRateChart(fees: readonly Fee[], width = 720): string {
  return barChart(dayRates(fees), { xLabel: '每天费用（元）', width, marginLeft: 190 });
}
