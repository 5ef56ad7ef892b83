/**
 * The syntax tree of one source (unist). The parsers (parse/text.ts, parse/markdown.ts, parse/pdf.ts) give
 *
 *   root ─ line*            one `line` node per source line, blank ones included, in order:
 *                           `value` is the line's text after targeted normalisation (Markdown marks
 *                           off), `position` its start and end (line, column) in the source;
 *                           a Markdown table row keeps its cells, each with a position, in `data.cells`;
 *                           a PDF line has its page (`data.page`, `data.pageLine`), a PDF table row
 *                           its cells as a Markdown one, page furniture its noise reason (`data.noise`).
 *
 * The split stage then groups the lines of each document under a `document` node
 * (root ─ (line | document ─ line*)*), and the structure stage hangs the document's draft
 * (elements and clause tree) on `document.data.draft`. Lines outside every document (目录, front
 * matter, noise between documents) stay at the root. Per-source side results live in `file.data`.
 */
import type { Data, Node, Parent, Position } from 'unist';
import type { NoiseReason } from '../../../src/schema/corpus.ts';
import type { DocElements } from '../elements.ts';
import type { Line } from './lines.ts';
import type { Draft } from '../structure.ts';

export interface CellNode extends Node {
  type: 'cell';
  value: string;
  position: Position;
}

export interface LineData extends Data {
  /** A Markdown table row: its cells as parsed, with positions. `value` joins them with tabs. */
  cells?: CellNode[];
  /** A line of pure markup (a Markdown table's delimiter row): no text, `value` is empty. */
  markup?: boolean;
  /**
   * The column map of `value` when it is not the identity from column 1 (a normalisation changed
   * the length, Markdown marks came off): `columns[i]` is the source column of `value[i]`,
   * `columns[value.length]` the column just after it.
   */
  columns?: number[];
  /** A PDF line: its 1-based physical page and its line within that page (parse/pdf.ts). */
  page?: number;
  pageLine?: number;
  /** A PDF line the parser knows is page furniture (page number, running header/footer): the noise stage counts it so. */
  noise?: NoiseReason;
  /** A PDF line: whether the print shows it continuing the line before (true) or starting a paragraph (false); see parse/lines.ts. */
  wrap?: boolean;
  /** A PDF line that continues the one before where the print dropped the space before or after a Latin word. */
  space?: boolean;
}

declare module 'unist' {
  interface Data {
    /** PDF sources, on the root: the document's number of physical pages (pdfjs `numPages`), blank pages included. */
    pageCount?: number;
  }
}

export interface LineNode extends Node {
  type: 'line';
  value: string;
  position: Position;
  data?: LineData;
}

export interface DocumentData extends Data {
  /** Provisional key of the document within its source: `<file>#<k>`. */
  key: string;
  /** The 目录 entry that named it, if any. */
  tocTitle: string | null;
  /** The parts of the 公文 (filled by the elements stage). */
  elements?: DocElements;
  /** Elements and clauses (filled by the structure stage). */
  draft?: Draft;
}

export interface DocumentNode extends Parent {
  type: 'document';
  children: LineNode[];
  position: Position;
  data: DocumentData;
}

export interface SourceRoot extends Parent {
  type: 'root';
  children: Array<LineNode | DocumentNode>;
}

/** Every line node of a tree, in source order, whether grouped or not. */
export function lineNodes(tree: SourceRoot): LineNode[] {
  return tree.children.flatMap((c) => (c.type === 'document' ? c.children : [c]));
}

/** The lines of a tree as the line-based stages read them (1-based number and text). */
export function linesOf(tree: SourceRoot): Line[] {
  return lineNodes(tree).map((l) => ({
    n: l.position.start.line,
    text: l.value,
    ...(l.data?.columns ? { columns: l.data.columns } : {}),
    ...(l.data?.noise ? { noise: l.data.noise } : {}),
    ...(l.data?.wrap !== undefined ? { wrap: l.data.wrap } : {}),
    ...(l.data?.space ? { space: true } : {}),
  }));
}

/** The document nodes of a tree, in order. */
export function documentNodes(tree: SourceRoot): DocumentNode[] {
  return tree.children.filter((c): c is DocumentNode => c.type === 'document');
}

/** A line node for line `n` whose text spans columns [from, to) of the source line. */
export function lineNode(n: number, value: string, from = 1, to = from + value.length, data?: LineData): LineNode {
  return { type: 'line', value, position: { start: { line: n, column: from }, end: { line: n, column: to } }, ...(data ? { data } : {}) };
}
