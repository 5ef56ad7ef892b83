/**
 * /fees/ calculator: recomputes the mixed-exam ceiling as the shares change, with the same
 * function the page used for its worked example (src/lib/fees.ts).
 */
import { ceilingFormula, mixedCeiling } from '../lib/fees.ts';

for (const form of document.querySelectorAll<HTMLFormElement>('[data-fee-calc]')) {
  const components = JSON.parse(form.dataset.components ?? '[]') as { item: string; amount: number }[];
  const rule = { components: components.map((c) => ({ ...c, itemPrinted: c.item, feeId: '' })) };
  const result = form.querySelector<HTMLOutputElement>('[data-result]')!;
  const formula = form.querySelector<HTMLElement>('[data-formula]')!;
  const warn = form.querySelector<HTMLElement>('[data-warn]')!;
  form.querySelector<HTMLElement>('[data-nojs]')?.setAttribute('hidden', '');
  const update = () => {
    const shares: Record<string, number> = {};
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type="number"]')) {
      const v = Number(input.value);
      shares[input.name] = Number.isFinite(v) && v >= 0 ? v : 0;
    }
    const c = mixedCeiling(rule, shares);
    result.textContent = String(c.total);
    formula.textContent = `（${ceilingFormula(c)}）`;
    warn.hidden = c.shareSum === 100;
    warn.textContent = c.shareSum === 100 ? '' : `各项比例合计为 ${c.shareSum}%，应为 100%。`;
  };
  form.addEventListener('input', update);
  form.addEventListener('submit', (e) => e.preventDefault());
  update();
}
