/**
 * Fee helpers shared by /fees/, its calculator script (src/scripts/fee-calculator.ts) and tests:
 * the mixed-exam ceiling computed from the extracted rule, and display formats.
 */
import type { Fee, FeeRule } from '../schema/timeline.ts';

export interface CeilingPart {
  item: string;
  /** Percent of the score. */
  share: number;
  amount: number;
  /** share/100 × amount. */
  product: number;
}

export interface Ceiling {
  total: number;
  shareSum: number;
  parts: CeilingPart[];
}

/**
 * 混合型考试: the ceiling is each form's cap weighted by its share of the score.
 * `shares` maps an item (机考, 一般实操 …) to a percentage; missing items count 0.
 */
export function mixedCeiling(rule: Pick<FeeRule, 'components'>, shares: Readonly<Record<string, number>>): Ceiling {
  const parts = rule.components.map((c) => {
    const share = Number.isFinite(shares[c.item]) ? shares[c.item]! : 0;
    return { item: c.item, share, amount: c.amount, product: round2((share / 100) * c.amount) };
  });
  return { total: round2(parts.reduce((s, p) => s + p.product, 0)), shareSum: round2(parts.reduce((s, p) => s + p.share, 0)), parts };
}

/** "0.6×300 + 0.4×500 = 380" */
export function ceilingFormula(c: Ceiling): string {
  const used = c.parts.filter((p) => p.share > 0);
  return `${used.map((p) => `${round2(p.share / 100)}×${p.amount}`).join(' + ') || '0'} = ${formatAmount(c.total)}`;
}

/** 12000 → "12,000"; 1e11 → "1,000 亿". */
export function formatAmount(amount: number): string {
  if (amount >= 1e8 && amount % 1e8 === 0) return `${(amount / 1e8).toLocaleString('zh-CN')} 亿`;
  if (amount >= 1e5 && amount % 1e4 === 0) return `${(amount / 1e4).toLocaleString('zh-CN')} 万`;
  return amount.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

/** "200 元/人次" */
export function feeText(f: Pick<Fee, 'amount' | 'unit'>): string {
  return `${formatAmount(f.amount)} ${f.unit}`;
}

export const NATURE_NAMES: Record<Fee['nature'], string> = { cap: '上限', price: '收费标准', subsidy: '补贴', funding: '拨款/资金' };
export const BOUND_NAMES: Record<Fee['bound'], string> = { max: '不超过', min: '不低于', exact: '' };

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
