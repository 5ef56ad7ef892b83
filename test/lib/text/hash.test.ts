/** FNV-1a (src/lib/text/hash.ts), shared by the index's buckets (lookup.ts hashBucket) and the held-word filter (held.ts). */
import { describe, expect, it } from 'vitest';
import { FNV_BASIS, fnv1a } from '../../../src/lib/text/hash.ts';
import { hashBucket } from '../../../src/lib/search/lookup.ts';

describe('fnv1a', () => {
  it('gives the published 32-bit FNV-1a values (ASCII: its UTF-16 units are its bytes)', () => {
    expect(fnv1a('')).toBe(FNV_BASIS);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
  it('hashes Han text by its UTF-16 units, unsigned, and another basis gives another hash', () => {
    const h = fnv1a('学分银行');
    expect(h).toBeGreaterThanOrEqual(0);
    expect(h).toBeLessThan(2 ** 32);
    expect(fnv1a('学分银行', 0x1234567)).not.toBe(h);
    // The buckets of the shards and code files are this hash modulo their count; the values are those hashBucket gave
    // with its own loop before it called fnv1a (a changed bucket would move pages between shards and codes between files).
    expect(hashBucket('/docs/jzc-2019-6/', 7)).toBe(3);
    expect(hashBucket('2-3-4-S5', 27)).toBe(11);
    expect(hashBucket('学分银行', 1000003)).toBe(591744);
  });
});
