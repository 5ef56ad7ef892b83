/**
 * The unit the line-based stages (noise, split, elements, structure) work on: a parsed source's lines
 * (parse/tree.ts `linesOf` reads them off the tree).
 */
import type { NoiseReason } from '../../../src/schema/corpus.ts';

/** A source line as the line-based stages (noise, split, elements, structure) read it. */
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
  /** Page furniture the parser recognised (a PDF's page numbers, running headers): the noise stage marks it so. */
  noise?: NoiseReason;
  /**
   * What the layout says (PDF sources only): true when the line continues the line before as printed
   * (that one ran to the right edge, this one starts at the left edge), false when it starts a
   * paragraph (indented); absent, the structure stage's rules for text decide.
   */
  wrap?: boolean;
  /** With `wrap: true`: the wrap fell on a space between Chinese and a Latin word or number, which the join puts back. */
  space?: boolean;
}

/** A source's lines, blank ones included, in order. */
export interface SourceText {
  file: string;
  lines: Line[];
}
