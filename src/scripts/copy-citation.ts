/**
 * 引用 menus: copy a citation computed at build time, with `{{url}}` made
 * absolute from location.origin and `{{accessed}}` set to today (YYYY-MM-DD);
 * 复制原文及引用 copies the clause's text followed by its memo citation.
 * One delegated listener per page; Escape closes an open menu.
 */
import { isoDate, withCitation } from '../lib/memo/text.ts';
import { copyText as copy } from './memo-clipboard.ts';
import { clauseTextAt } from './memo-dom.ts';
import { announce } from './page.ts';

const FORMAT_NAMES: Record<string, string> = { memo: '备忘录引用', 'text-memo': '原文及引用', gbt7714: 'GB/T 7714 引用', markdown: 'Markdown 链接' };

document.addEventListener('click', async (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-cite]');
  if (!button) return;
  const menu = button.closest<HTMLElement>('[data-cite-href]');
  const url = new URL(menu?.dataset.citeHref ?? location.pathname, location.origin).href;
  let text = (button.dataset.cite ?? '').replaceAll('{{url}}', url).replaceAll('{{accessed}}', isoDate(new Date()));
  // 复制原文及引用: the clause's text (its own and its sub-clauses', from the page's build-time data), then the citation.
  if (button.dataset.format === 'text-memo') text = withCitation(clauseTextAt(button.closest('.clause')), text);
  const name = FORMAT_NAMES[button.dataset.format ?? ''] ?? '引用';
  if (await copy(text)) {
    const original = button.dataset.label ?? button.textContent ?? '';
    button.dataset.label = original;
    button.textContent = '已复制';
    button.classList.add('is-copied');
    window.setTimeout(() => {
      button.textContent = original;
      button.classList.remove('is-copied');
    }, 2000);
    announce(`已复制${name}：${text}`);
  } else {
    announce(`无法自动复制，请手动复制：${text}`);
    window.prompt('请手动复制：', text);
  }
});

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  const details = (event.target as Element | null)?.closest<HTMLDetailsElement>('details.cite[open]');
  if (!details) return;
  details.open = false;
  details.querySelector('summary')?.focus();
});
