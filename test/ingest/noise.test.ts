/** Stage `noise` (and the noise the later per-source stages name) on the real sources. */
import { describe, expect, it } from 'vitest';
import { source } from '../helpers/stages.ts';

describe('noise', () => {
  it('names why lines were dropped', () => {
    expect(source('002').cov.counts().noise).toMatchObject({ 'page-number': 1, 'duplicate-link': 2 });
    expect(source('001').cov.counts().noise).toMatchObject({ 'table-of-contents': 20, 'blank-page-note': 1 });
    // 004 repeats its contact table's header at each page break.
    expect(source('004').cov.counts().noise['repeated-table-header']).toBe(6);
  });

  it('accounts for every non-blank line once the per-source stages ran', () => {
    for (const p of ['000', '001', '002', '003', '004']) {
      const c = source(p).cov.counts();
      expect(c.covered, p).toBe(c.nonBlank);
      expect(source(p).cov.unaccounted(), p).toEqual([]);
    }
  });
});
