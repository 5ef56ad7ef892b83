/** The FNV-1a offset basis (32 bits). */
export const FNV_BASIS = 0x811c9dc5;

/**
 * FNV-1a, 32 bits, over the text's UTF-16 units, as an unsigned integer: stable across builds and platforms. `basis`
 * gives a second, independent hash of the same text (the held-word filter needs two: src/lib/search/held.ts).
 */
export function fnv1a(text: string, basis = FNV_BASIS): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
