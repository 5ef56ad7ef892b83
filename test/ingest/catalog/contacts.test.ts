/**
 * Contact cells (scripts/ingest/catalog/contacts.ts): the 联系人 cell as the real sources print it.
 * Pure string functions: no ingest runs here.
 */
import { describe, expect, it } from 'vitest';
import { contactFromCells, personsOf } from '../../../scripts/ingest/catalog/contacts.ts';
import { C004, rawLines } from '../../helpers/corpus.ts';

/** The cells of a line of 004's contact table (序号, 组织, 证书, 联系人, 办公电话, 手机, 邮箱), as printed. */
const cells = (line: number) => rawLines(C004)[line - 1]!.split('\t').map((c) => c.trim());

describe('personsOf', () => {
  it('separates two names where 004:84–85 separate them, a letter-spaced two-character name being one name', () => {
    // As printed: “李 凯 徐庆振” and “罗婉蓉 邓 立” (a two-character name spaced to the width of three).
    expect(cells(84)[3]).toBe('李 凯 徐庆振');
    expect(cells(85)[3]).toBe('罗婉蓉 邓 立');
    expect(personsOf(cells(84)[3]!)).toEqual({ persons: ['李凯', '徐庆振'], spaced: ['李 凯'] });
    expect(personsOf(cells(85)[3]!)).toEqual({ persons: ['罗婉蓉', '邓立'], spaced: ['邓 立'] });
  });

  it('keeps names printed whole, and separators other than spaces', () => {
    expect(cells(68)[3]).toBe('胡晓光 张建奇');
    expect(personsOf(cells(68)[3]!)).toEqual({ persons: ['胡晓光', '张建奇'], spaced: [] });
    expect(personsOf('杨根来、孙钰林').persons).toEqual(['杨根来', '孙钰林']);
    expect(personsOf('王 东 昭').persons).toEqual(['王东昭']);
    // Names fused in the print stay as printed (the catalog reports them).
    expect(personsOf('李凯徐庆振').persons).toEqual(['李凯徐庆振']);
    expect(personsOf(null)).toEqual({ persons: [], spaced: [] });
  });
});

describe('contactFromCells', () => {
  it('reads a row of 004 by the form of its numbers, persons separated', () => {
    const c = cells(84);
    const f = contactFromCells({ line: 84, place: { file: C004, line: 84 }, persons: c[3]!, role: null, phones: [c[4]!, c[5]!], emails: c[6]! });
    expect(f).toMatchObject({ persons: ['李凯', '徐庆振'], phones: ['0531-82903708', '0531-82902718'], mobiles: ['15588816013', '13255690054'], emails: ['jinanygdj@163.com'] });
  });
});
