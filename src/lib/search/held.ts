/**
 * Which Chinese words the index holds (dist/search/held.json, written by the index step).
 *
 * Pagefind looks a query word up by prefix, and when no indexed word begins with it, it matches the longest indexed word
 * the query word begins with: 报考 (in no source) matches the lone 报 of “并报国务院”, in 3 records. The any-word ranking
 * (engine.ts) weights a word by its rarity, so those 3 records outranked every record holding 物流 and 中级 for
 * 物流管理中级证书什么人可以报考. A word the index does not hold is not searched alone: `mayHold` says which.
 *
 * A Bloom filter of the Han words of two or more characters that the indexed records hold, and of their beginnings (a
 * query word that begins an indexed word is found by Pagefind's prefix search: 学分银 → 学分银行): 8,164 entries, 9.8 KB
 * of bits on the real corpus (held.json 12.8 KB in base64, 9.9 KB gzip). A false positive (1 %) leaves a word as it was before (searched); there are no false negatives.
 * Written here, not taken from a package: the filter needs only add and test over strings (bloom-filters 3.0.4 brings
 * lodash, long, seedrandom and xxhashjs into the page for the same two operations); its hash is the project's FNV-1a
 * (src/lib/text/hash.ts, also the shard and code buckets' hash).
 */
import { fnv1a } from '../text/hash.ts';
import { perObject } from './memo.ts';

export interface HeldWords {
  /** Bits in the filter. */
  m: number;
  /** Hash functions (bit positions per word). */
  k: number;
  /** The bits, base64 (bit i is bit i % 8 of byte i / 8). */
  bits: string;
}

/** The false-positive rate the filter is sized for. */
export const HELD_FP = 0.01;

/** A word `mayHold` answers for: Han characters only, two or more; any other word counts as held. */
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/** The offset basis of the second hash. */
const SECOND_BASIS = 0x01000193 ^ 0x5bd1e995;

/** Two 32-bit FNV-1a hashes of the UTF-16 units (different offset bases), combined as h1 + i·h2 (Kirsch–Mitzenmacher). */
function hashes(word: string): [number, number] {
  let b = fnv1a(word, SECOND_BASIS);
  b ^= b >>> 15;
  return [fnv1a(word), (b >>> 0) | 1];
}

function positions(word: string, m: number, k: number): number[] {
  const [h1, h2] = hashes(word);
  const out: number[] = [];
  for (let i = 0; i < k; i++) out.push(((h1 + Math.imul(i, h2)) >>> 0) % m);
  return out;
}

/** The entries of the filter: each Han word of two or more characters, and each of its beginnings of two or more. */
export function heldEntries(words: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const w of words) if (HAN_WORD.test(w)) for (let i = 2; i <= w.length; i++) out.add(w.slice(0, i));
  return out;
}

/** The filter over `words` (the index's words; heldEntries adds their beginnings). */
export function heldFilter(words: Iterable<string>, fp = HELD_FP): HeldWords {
  const entries = heldEntries(words);
  const n = Math.max(1, entries.size);
  const m = Math.max(64, Math.ceil((-n * Math.log(fp)) / Math.LN2 ** 2));
  const k = Math.max(1, Math.round((m / n) * Math.LN2));
  const bytes = new Uint8Array(Math.ceil(m / 8));
  for (const e of entries) for (const p of positions(e, m, k)) bytes[p >> 3] = bytes[p >> 3]! | (1 << (p & 7));
  let binary = '';
  for (const x of bytes) binary += String.fromCharCode(x);
  return { m, k, bits: btoa(binary) };
}

/** The filter's test: false only for a Han word of two or more characters that no indexed word is or begins with. */
export const mayHold = perObject((filter: HeldWords): ((word: string) => boolean) => {
  const binary = atob(filter.bits);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return (word) => !HAN_WORD.test(word) || positions(word, filter.m, filter.k).every((p) => (bytes[p >> 3]! & (1 << (p & 7))) !== 0);
});
