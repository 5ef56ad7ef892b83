/**
 * Content keys for Astro's incremental build: a page's `cacheKey` is the key of the data it renders.
 *
 * The key of a value is the SHA-256 of its JSON (Maps and Sets as their entries, in order). Objects
 * are keyed once per build and remembered by identity, so the rows, standard and document shared by
 * a standard's 612 skill pages are serialised once, not 612 times.
 */
import { createHash } from 'node:crypto';

const remembered = new WeakMap<object, string>();

function json(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Map ? { map: [...v] } : v instanceof Set ? { set: [...v] } : v)) ?? 'undefined';
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** The content key of one value (remembered for objects: do not mutate a value after keying it). */
export function keyOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return sha(json(value));
  let key = remembered.get(value);
  if (key === undefined) remembered.set(value, (key = sha(json(value))));
  return key;
}

/** The key of several values in order: a page's cacheKey from the parts of its props. */
export function cacheKey(...parts: unknown[]): string {
  return sha(parts.map(keyOf).join('.'));
}
