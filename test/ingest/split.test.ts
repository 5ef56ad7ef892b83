/** Stage `split`: one source → its documents, and a compilation's front matter. */
import { describe, expect, it } from 'vitest';
import { source } from '../helpers/stages.ts';

describe('split', () => {
  it('reads 001’s front matter and 目录', () => {
    const fm = source('001').frontMatter!;
    expect(fm).toMatchObject({ title: '“1+X”证书制度试点工作政策梳理', compiler: '教务处', date: '2020-01' });
    expect(fm.toc).toHaveLength(19);
    // Every entry names a heading in the body.
    expect(fm.toc.every((t) => t.target !== null)).toBe(true);
  });

  it('cuts 001 where each document’s heading and 文号 stand', () => {
    const drafts = source('001').drafts;
    expect(drafts).toHaveLength(18);
    expect(drafts.map((d) => [d.startLine, d.elements.docNumber?.text ?? null]).slice(2, 6)).toEqual([
      [42, '国发〔2019〕4号'],
      [184, '职教所〔2019〕67号'],
      [810, '教职成〔2019〕6号'],
      [916, '教职所〔2019〕89号'],
    ]);
    // 314 runs from its heading (001:1513) to the line before 341's heading.
    const d314 = drafts.find((d) => d.elements.docNumber?.text === '教职所〔2019〕314号')!;
    expect([d314.startLine, d314.endLine]).toEqual([1513, 1549]);
  });

  it('reads a single-document source as one document', () => {
    expect(source('003').drafts.map((d) => [d.startLine, d.endLine])).toEqual([[2, 187]]);
    expect(source('004').drafts.map((d) => [d.startLine, d.endLine])).toEqual([[3, 319]]);
    expect(source('002').drafts.map((d) => d.startLine)).toEqual([4, 122]);
  });
});
