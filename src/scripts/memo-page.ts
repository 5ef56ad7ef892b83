/**
 * /memo/: lists the 引用清单 kept in localStorage — each item's text, its citation linked to its
 * permalink, a note field, 上移 / 下移 / 移除 — and makes the exports of src/lib/memo/export.ts:
 * copy or download the memo draft, the GB/T 7714 list and Markdown; download a .docx (the `docx`
 * library is imported only then: src/scripts/memo-docx.ts). Text is set as text, never as markup.
 */
import { type Basket, annotate, moveItem, removeItem } from '../lib/memo/basket.ts';
import { type ExportContext, absoluteUrl, docxBlocks, exportFileName, gbtList, isoDate, markdown, memoDraft } from '../lib/memo/export.ts';
import { KIND_NAMES, type MemoItem } from '../lib/memo/item.ts';
import { copyText } from './memo-clipboard.ts';
import { SAVE_FAILED, loadBasket, onBasketChange, saveBasket } from './memo-store.ts';
import { announce } from './page.ts';

const root = document.querySelector<HTMLElement>('[data-memo-page]');
if (root) setUp(root);

type Format = 'memo' | 'gbt' | 'markdown';
const FORMAT_NAMES: Record<Format | 'docx', string> = { memo: '备忘录草稿', gbt: 'GB/T 7714 参考文献表', markdown: 'Markdown', docx: 'Word 文档' };
const TYPES: Record<Format, string> = { memo: 'text/plain;charset=utf-8', gbt: 'text/plain;charset=utf-8', markdown: 'text/markdown;charset=utf-8' };

function context(): ExportContext {
  return { origin: location.origin, accessed: isoDate(new Date()) };
}

function exportText(format: Format, items: readonly MemoItem[], ctx: ExportContext): string {
  if (format === 'memo') return memoDraft(items);
  if (format === 'gbt') return gbtList(items, ctx);
  return markdown(items, ctx);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.text !== undefined) e.textContent = props.text;
  e.append(...children);
  return e;
}

/** A button whose visible text is followed by words only a screen reader hears. */
function toolButton(label: string, hidden: string, action: string): HTMLButtonElement {
  const b = el('button', {}, label, el('span', { className: 'visually-hidden', text: hidden }));
  b.type = 'button';
  b.dataset.act = action;
  return b;
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = el('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function setUp(root: HTMLElement): void {
  const list = root.querySelector<HTMLOListElement>('[data-memo-list]')!;
  const empty = root.querySelector<HTMLElement>('[data-memo-empty]')!;
  const count = root.querySelector<HTMLElement>('[data-memo-count]')!;
  const exportBox = root.querySelector<HTMLElement>('[data-memo-export]')!;
  const printHead = root.querySelector<HTMLElement>('[data-memo-print-head]');
  const title = root.querySelector<HTMLElement>('#memo-title');
  root.querySelector('[data-memo-nojs]')?.setAttribute('hidden', '');
  let basket: Basket = loadBasket();

  const save = (next: Basket): boolean => {
    if (!saveBasket(next)) {
      announce(SAVE_FAILED);
      return false;
    }
    basket = next;
    return true;
  };

  function itemElement(item: MemoItem, k: number, n: number): HTMLLIElement {
    const li = el('li', { className: `memo-item memo-item--${item.kind}` });
    li.dataset.key = item.key;
    const place = `第 ${k + 1} 条`;
    li.append(el('p', { className: 'memo-item__kind', text: `${k + 1}. ${KIND_NAMES[item.kind]}` }));
    const quote = el('blockquote', { className: 'memo-item__text' });
    for (const line of item.text.split('\n')) if (line.trim()) quote.append(el('p', { text: line }));
    li.append(quote);
    const link = el('a', { text: item.cite });
    link.href = item.href;
    li.append(el('p', { className: 'memo-item__cite' }, '——', link, el('span', { className: 'print-only memo-item__url', text: absoluteUrl(item.href, location.origin) })));
    if (item.note.trim()) li.append(el('p', { className: 'print-only memo-item__note-print', text: `备注：${item.note.trim()}` }));
    const id = `memo-note-${k + 1}`;
    const label = el('label', { text: '备注' }, el('span', { className: 'visually-hidden', text: `（${place}）` }));
    label.htmlFor = id;
    const note = el('textarea');
    note.id = id;
    note.rows = 2;
    note.value = item.note;
    note.dataset.act = 'note';
    li.append(el('div', { className: 'memo-item__note' }, label, note));
    const up = toolButton('上移', `：${place}`, 'up');
    const down = toolButton('下移', `：${place}`, 'down');
    up.disabled = k === 0;
    down.disabled = k === n - 1;
    li.append(el('div', { className: 'memo-item__tools' }, up, down, toolButton('移除', `：${place} ${item.cite}`, 'remove')));
    return li;
  }

  function render(): void {
    const n = basket.items.length;
    list.replaceChildren(...basket.items.map((item, k) => itemElement(item, k, n)));
    empty.hidden = n > 0;
    exportBox.hidden = n === 0;
    count.hidden = n === 0;
    const docs = new Set(basket.items.flatMap((i) => (i.source ? [i.source.id] : []))).size;
    count.textContent = `共 ${n} 条，出自 ${docs} 份文件。`;
    if (printHead) printHead.textContent = `共 ${n} 条 · 打印于 ${isoDate(new Date())} · ${absoluteUrl('/memo/', location.origin)}`;
  }

  /** After a change, focus the same control of the same item, or the nearest one that can take it. */
  function focusAfter(key: string | null, action: string, fallbackIndex: number): void {
    const items = [...list.querySelectorAll<HTMLLIElement>('.memo-item')];
    const li = (key && items.find((x) => x.dataset.key === key)) || items[Math.min(fallbackIndex, items.length - 1)];
    if (!li) {
      title?.focus();
      return;
    }
    const order = [action, action === 'up' ? 'down' : 'up', 'remove'];
    for (const act of order) {
      const b = li.querySelector<HTMLButtonElement>(`[data-act="${act}"]`);
      if (b && !b.disabled) {
        b.focus();
        return;
      }
    }
  }

  list.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-act]');
    const li = button?.closest<HTMLLIElement>('.memo-item');
    if (!button || !li) return;
    const key = li.dataset.key ?? '';
    const index = basket.items.findIndex((i) => i.key === key);
    const item = basket.items[index];
    if (!item) return;
    const act = button.dataset.act!;
    if (act === 'up' || act === 'down') {
      if (!save(moveItem(basket, key, act === 'up' ? -1 : 1))) return;
      render();
      focusAfter(key, act, index);
      announce(`已${act === 'up' ? '上移' : '下移'}：现为第 ${basket.items.findIndex((i) => i.key === key) + 1} 条，共 ${basket.items.length} 条`);
    } else if (act === 'remove') {
      if (!save(removeItem(basket, key))) return;
      render();
      focusAfter(null, 'remove', index);
      announce(`已移除：${item.cite}（还有 ${basket.items.length} 条）`);
    }
  });

  // Notes are saved as they are typed (without redrawing the list, so the field keeps its caret).
  let pending: number | undefined;
  const saveNote = (field: HTMLTextAreaElement) => {
    const key = field.closest<HTMLLIElement>('.memo-item')?.dataset.key;
    if (!key) return;
    window.clearTimeout(pending);
    save(annotate(basket, key, field.value));
  };
  list.addEventListener('input', (event) => {
    const field = event.target as HTMLTextAreaElement;
    if (field.dataset.act !== 'note') return;
    window.clearTimeout(pending);
    pending = window.setTimeout(() => saveNote(field), 300);
  });
  list.addEventListener('change', (event) => {
    const field = event.target as HTMLTextAreaElement;
    if (field.dataset.act === 'note') {
      saveNote(field);
      const li = field.closest<HTMLLIElement>('.memo-item');
      const printed = li?.querySelector('.memo-item__note-print');
      const text = field.value.trim();
      if (li && text) {
        const p = printed ?? el('p', { className: 'print-only memo-item__note-print' });
        p.textContent = `备注：${text}`;
        if (!printed) li.querySelector('.memo-item__note')?.before(p);
      } else printed?.remove();
    }
  });

  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-memo-copy]')) {
    button.addEventListener('click', async () => {
      const format = button.dataset.memoCopy as Format;
      const text = exportText(format, basket.items, context());
      if (await copyText(text)) announce(`已复制${FORMAT_NAMES[format]}（${basket.items.length} 条）`);
      else {
        announce(`无法自动复制，请手动复制${FORMAT_NAMES[format]}`);
        window.prompt('请手动复制：', text);
      }
    });
  }

  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-memo-download]')) {
    button.addEventListener('click', async () => {
      const format = button.dataset.memoDownload as Format | 'docx';
      const ctx = context();
      if (format !== 'docx') {
        download(exportFileName(format, ctx.accessed), new Blob([exportText(format, basket.items, ctx)], { type: TYPES[format] }));
        announce(`已下载${FORMAT_NAMES[format]}`);
        return;
      }
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
      announce('正在生成 Word 文档…');
      try {
        const { docxBlob } = await import('./memo-docx.ts');
        download(exportFileName('docx', ctx.accessed), await docxBlob(docxBlocks(basket.items, ctx)));
        announce(`已生成 Word 文档（${basket.items.length} 条）`);
      } catch {
        announce('无法生成 Word 文档：生成程序未能载入（离线时需要先在联网时用过一次）。');
      } finally {
        button.disabled = false;
        button.removeAttribute('aria-busy');
      }
    });
  }

  root.querySelector('[data-memo-print]')?.addEventListener('click', () => window.print());

  root.querySelector('[data-memo-clear]')?.addEventListener('click', () => {
    const n = basket.items.length;
    if (n === 0 || !window.confirm(`清空引用清单（${n} 条）？此操作不能撤销。`)) return;
    if (!save({ ...basket, items: [] })) return;
    render();
    title?.focus();
    announce('引用清单已清空');
  });

  onBasketChange((next) => {
    // Another tab changed the basket: redraw, unless the reader is typing a note here.
    if ((document.activeElement as HTMLElement | null)?.dataset?.act === 'note') return;
    basket = next;
    render();
  });

  render();
}
