/**
 * A source's lines as the line-based stages (noise, split, elements, structure) read them.
 * Parsing itself is done by the parser plugins under parse/ (text.ts for 公文 text, markdown.ts
 * for .md); `linesOf(tree)` in parse/tree.ts gives these lines from a parsed tree.
 */

export interface Line {
  /** 1-based line number in the source file. */
  n: number;
  /** The line after targeted normalisation, trailing white space removed. */
  text: string;
}

export interface SourceText {
  file: string;
  /** Every line of the file, blank ones included, in order. */
  lines: Line[];
}
