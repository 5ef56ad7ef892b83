/**
 * The 引用清单 in localStorage: read (never trusted: src/lib/memo/basket.ts parseBasket), written, and
 * watched for changes made in another tab. Without storage (disabled, full) the basket is empty and
 * saving says so.
 */
import { type Basket, STORAGE_KEY, emptyBasket, parseBasket, serializeBasket } from '../lib/memo/basket.ts';

export function loadBasket(): Basket {
  try {
    return parseBasket(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return emptyBasket();
  }
}

/** Whether the basket was saved. */
export function saveBasket(basket: Basket): boolean {
  try {
    window.localStorage.setItem(STORAGE_KEY, serializeBasket(basket));
    return true;
  } catch {
    return false;
  }
}

/** Calls `listener` when another tab changed the basket, and when the page comes back from the back/forward cache. */
export function onBasketChange(listener: (basket: Basket) => void): void {
  window.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY || e.key === null) listener(loadBasket());
  });
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) listener(loadBasket());
  });
}

export const SAVE_FAILED = '无法保存引用清单：浏览器不允许本站使用本地存储（localStorage）。';
