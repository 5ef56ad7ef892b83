/**
 * 引用 menus: copy a citation computed at build time, with `{{url}}` made
 * absolute from location.origin and `{{accessed}}` set to today (YYYY-MM-DD).
 * One delegated listener per page; Escape closes an open menu.
 */
import { announce } from './page.ts';

const FORMAT_NAMES: Record<string, string> = { memo: '备忘录引用', gbt7714: 'GB/T 7714 引用', markdown: 'Markdown 链接' };

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function copyWithTextarea(text: string): boolean {
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.className = 'copy-buffer';
  document.body.append(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}

async function copy(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the textarea
  }
  return copyWithTextarea(text);
}

document.addEventListener('click', async (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-cite]');
  if (!button) return;
  const menu = button.closest<HTMLElement>('[data-cite-href]');
  const url = new URL(menu?.dataset.citeHref ?? location.pathname, location.origin).href;
  const text = (button.dataset.cite ?? '').replaceAll('{{url}}', url).replaceAll('{{accessed}}', today());
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
