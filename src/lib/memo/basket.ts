/**
 * The basket: an ordered list of items, changed only through these pure functions (each returns a
 * new basket), and read back from whatever localStorage holds without trusting it.
 */
import type { MemoItem, MemoKind, MemoSource } from './item.ts';

export interface Basket {
  version: 1;
  items: MemoItem[];
}

/** The localStorage key the site keeps its basket under. */
export const STORAGE_KEY = 'onex-memo-basket';

export function emptyBasket(): Basket {
  return { version: 1, items: [] };
}

export function has(basket: Basket, key: string): boolean {
  return basket.items.some((i) => i.key === key);
}

/** Adds an item at the end; an item already in the basket keeps its place, text and note. */
export function addItem(basket: Basket, item: MemoItem): Basket {
  if (has(basket, item.key)) return basket;
  return { ...basket, items: [...basket.items, { ...item }] };
}

export function removeItem(basket: Basket, key: string): Basket {
  return { ...basket, items: basket.items.filter((i) => i.key !== key) };
}

/** Moves an item by `delta` places (−1 up, +1 down), stopping at either end. */
export function moveItem(basket: Basket, key: string, delta: number): Basket {
  const from = basket.items.findIndex((i) => i.key === key);
  if (from < 0) return basket;
  const to = Math.max(0, Math.min(basket.items.length - 1, from + delta));
  if (to === from) return basket;
  const items = [...basket.items];
  const [item] = items.splice(from, 1);
  items.splice(to, 0, item!);
  return { ...basket, items };
}

/** Sets an item's note (trailing white space dropped). */
export function annotate(basket: Basket, key: string, note: string): Basket {
  return { ...basket, items: basket.items.map((i) => (i.key === key ? { ...i, note: note.replace(/\s+$/u, '') } : i)) };
}

/** The basket as stored. */
export function serializeBasket(basket: Basket): string {
  return JSON.stringify(basket);
}

const KINDS: readonly MemoKind[] = ['clause', 'skill', 'fee'];
const str = (v: unknown): v is string => typeof v === 'string';

function readSource(v: unknown): MemoSource | null {
  if (!v || typeof v !== 'object') return null;
  const s = v as Record<string, unknown>;
  return str(s.id) && str(s.href) && str(s.gbt) ? { id: s.id, href: s.href, gbt: s.gbt } : null;
}

function readItem(v: unknown): MemoItem | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (!str(o.key) || !str(o.cite) || !str(o.href) || !KINDS.includes(o.kind as MemoKind)) return null;
  // Only site-relative permalinks: a stored item never makes a link to somewhere else.
  if (!o.href.startsWith('/') || o.href.startsWith('//')) return null;
  return {
    key: o.key,
    kind: o.kind as MemoKind,
    text: str(o.text) ? o.text : '',
    cite: o.cite,
    href: o.href,
    title: str(o.title) ? o.title : '',
    docNumber: str(o.docNumber) && o.docNumber !== '' ? o.docNumber : null,
    source: readSource(o.source),
    note: str(o.note) ? o.note : '',
  };
}

/**
 * What localStorage held, as a basket: null, unreadable JSON or another shape give an empty basket;
 * items that are not items are dropped, and so are repeated keys (the first is kept).
 */
export function parseBasket(stored: string | null): Basket {
  if (!stored) return emptyBasket();
  let data: unknown;
  try {
    data = JSON.parse(stored);
  } catch {
    return emptyBasket();
  }
  if (!data || typeof data !== 'object' || !Array.isArray((data as { items?: unknown }).items)) return emptyBasket();
  let basket = emptyBasket();
  for (const raw of (data as { items: unknown[] }).items) {
    const item = readItem(raw);
    if (item) basket = addItem(basket, item);
  }
  return basket;
}
