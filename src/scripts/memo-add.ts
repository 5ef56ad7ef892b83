/**
 * 加入引用清单 buttons (src/components/MemoAdd.astro): one delegated listener per page. A button adds
 * its item to the basket, or takes it out when it is already there; every button of the page says
 * 已加入 while its item is in the basket, also after a change in another tab.
 */
import { type Basket, addItem, has, removeItem } from '../lib/memo/basket.ts';
import { itemFromData, keyFromData } from '../lib/memo/item.ts';
import { clauseTextAt } from './memo-dom.ts';
import { SAVE_FAILED, loadBasket, onBasketChange, saveBasket } from './memo-store.ts';
import { announce } from './page.ts';

const ADD = '加入引用清单';
const ADDED = '已加入';

function render(basket: Basket): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-memo-add]')) {
    const inBasket = has(basket, keyFromData(button.dataset));
    const label = button.querySelector<HTMLElement>('[data-memo-label]');
    if (label) label.textContent = inBasket ? ADDED : ADD;
    const state = button.querySelector<HTMLElement>('[data-memo-state]');
    if (state) state.hidden = !inBasket;
    button.classList.toggle('is-added', inBasket);
    if (inBasket) button.title = '已在引用清单中；再按一次从清单移出';
    else button.removeAttribute('title');
  }
}

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-memo-add]');
  if (!button) return;
  let basket = loadBasket();
  const key = keyFromData(button.dataset);
  let message: string;
  if (has(basket, key)) {
    basket = removeItem(basket, key);
    message = `已从引用清单移出：${button.dataset.memoCite ?? ''}（还有 ${basket.items.length} 条）`;
  } else {
    const item = itemFromData(button.dataset);
    if (!item) return;
    if (item.kind === 'clause') item.text = clauseTextAt(button.closest('.clause'));
    basket = addItem(basket, item);
    message = `已加入引用清单（共 ${basket.items.length} 条）：${item.cite}`;
  }
  if (!saveBasket(basket)) {
    announce(SAVE_FAILED);
    return;
  }
  render(basket);
  announce(message);
});

render(loadBasket());
onBasketChange(render);
