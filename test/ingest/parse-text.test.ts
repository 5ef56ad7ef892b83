/**
 * Parser plugin `text` (scripts/ingest/parse/text.ts): bytes → a tree of positioned line nodes,
 * on the real sources and on small inline inputs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { textParser } from '../../scripts/ingest/parse/text.ts';
import type { SourceRoot } from '../../scripts/ingest/parse/tree.ts';
import { C001, C002, SOURCES, rawLines } from '../helpers/corpus.ts';

function parse(name: string, bytes: Uint8Array | string): { tree: SourceRoot; file: VFile } {
  const file = new VFile({ path: name, value: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes });
  return { tree: unified().use(textParser).parse(file) as unknown as SourceRoot, file };
}

describe('the text parser on the real sources', () => {
  const { tree, file } = parse(C002, readFileSync(join(SOURCES, C002)));

  it('gives one line node per source line, blank ones included, each with its start and end', () => {
    const raw = rawLines(C002);
    expect(tree.children).toHaveLength(raw.at(-1) === '' ? raw.length - 1 : raw.length);
    tree.children.forEach((l, i) => {
      expect(l.type).toBe('line');
      expect(l.position.start).toEqual({ line: i + 1, column: 1 });
      expect(l.position.end.line).toBe(i + 1);
    });
  });

  it('mends the broken 文号 brackets of 002:16 and reports each at its line and column', () => {
    const l16 = tree.children[15]!;
    expect(l16.type === 'line' && l16.value).toContain('教职成司函〔2019〕36 号');
    const m = file.messages.find((x) => x.line === 16 && x.ruleId === 'bracket-artifact')!;
    expect(m.column).toBe(rawLines(C002)[15]!.indexOf('„2019‟') + 1);
    expect(file.messages.filter((x) => x.ruleId === 'bracket-artifact').map((x) => x.line)).toEqual([16, 226]);
  });

  it('keeps the column of a line’s end where the printed text ends (trailing space off)', () => {
    // 002:202 ends with a space in the source.
    const raw = rawLines(C002)[201]!;
    expect(raw.endsWith(' ')).toBe(true);
    expect(tree.children[201]!.position.end.column).toBe(raw.trimEnd().length + 1);
  });

  it('turns 001’s “ and ” between Chinese words back into 和, reported where it stood', () => {
    const one = parse(C001, readFileSync(join(SOURCES, C001)));
    const l832 = one.tree.children[831]!;
    expect(l832.type === 'line' && l832.value).toBe('（一）指导思想和基本原则');
    expect(one.file.messages.find((m) => m.line === 832)).toMatchObject({ ruleId: 'english-and', column: 8 });
    // The line keeps its column map: 和 stands where “and” was printed, 基 where it is printed.
    const columns = l832.type === 'line' ? l832.data!.columns! : [];
    expect(columns.slice(6, 9)).toEqual([7, 9, 13]);
    expect(columns).toHaveLength('（一）指导思想和基本原则'.length + 1);
    expect(columns.at(-1)).toBe(rawLines(C001)[831]!.length + 1);
  });
});

describe('the text parser on bad input', () => {
  it('refuses a GBK file, naming the byte', () => {
    expect(() => parse('gbk.txt', Uint8Array.from([0xb9, 0xd8, 0xd3, 0xda, 0x0a]))).toThrow(/gbk\.txt 不是 UTF-8 编码（偏移 0 处的字节 0xb9 无效）/u);
  });
  it('refuses a binary file at the line of its NUL byte', () => {
    try {
      parse('bin.txt', Uint8Array.from([0x41, 0x0a, 0x42, 0x00]));
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ line: 2, ruleId: 'binary' });
    }
  });
  it('reads an empty file as no lines, with a message', () => {
    const { tree, file } = parse('empty.txt', '');
    expect(tree.children).toEqual([]);
    expect(file.messages.map((m) => [m.line, m.ruleId])).toEqual([[1, 'empty-source']]);
  });
  it('strips a BOM and CRs, and turns full-width 1＋Ｘ into 1+X', () => {
    const { tree } = parse('crlf.txt', '\ufeff关于1＋Ｘ证书的通知\r\n\r\n正文。\r\n');
    expect(tree.children.map((l) => (l.type === 'line' ? l.value : ''))).toEqual(['关于1+X证书的通知', '', '正文。']);
  });
});
