/**
 * A source's lines as the line-based stages (noise, split, elements, structure) read them.
 * Parsing itself is done by the parser plugins under parse/ (text.ts for 公文 text, markdown.ts
 * for .md); `linesOf(tree)` in parse/tree.ts gives these lines from a parsed tree.
 */
import type { VFile } from 'vfile';
import { parseMarkdown } from './parse/markdown.ts';
import { parseText } from './parse/text.ts';
import { linesOf } from './parse/tree.ts';

export interface Line {
  /** 1-based line number in the source file. */
  n: number;
  /** The line after targeted normalisation, trailing white space removed. */
  text: string;
  /**
   * Where each character of `text` stands in the source line, when that is not simply column i + 1
   * (a normalisation changed the length, Markdown marks came off): `columns[i]` for `text[i]`,
   * `columns[text.length]` just after the text (structure/sourcemap.ts `columnOf`).
   */
  columns?: number[];
}

export interface SourceText {
  file: string;
  /** Every line of the file, blank ones included, in order. */
  lines: Line[];
}

/** One source's lines through its parser (by extension), for a stage test that starts from lines. Throws on unreadable input. */
export function readSource(file: VFile, bytes: Uint8Array): SourceText {
  file.value = bytes;
  const tree = /\.md$/iu.test(file.basename ?? '') ? parseMarkdown(file) : parseText(file);
  return { file: file.basename ?? String(file.path), lines: linesOf(tree) };
}
