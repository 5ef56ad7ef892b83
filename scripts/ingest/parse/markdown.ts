/**
 * Parser plugin `markdown`: a .md source → the same tree of `line` nodes as a 公文 text
 * (parse/tree.ts), read through remark-parse + remark-gfm.
 *
 * The Markdown is parsed into an mdast, and each source line's text is taken from it: a heading's
 * `#` marks, a bullet, emphasis and strong marks, an autolink's angle brackets come off because the
 * mdast has them as syntax, not text; an ordered item keeps its printed number (it is the clause's
 * label); a GFM table row becomes one line whose cells are joined by tabs, as in the extracted
 * texts, with each cell and its position in `data.cells`; a table's delimiter row is markup and
 * has no text. Anything else (HTML, code, thematic breaks) stays as printed. Decoding and the
 * targeted normalisations are those of the text parser.
 */
import type { Heading, List, Nodes, Paragraph, PhrasingContent, Root as MdRoot, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import type { VFile } from 'vfile';
import { decodeSource, normalise, physicalLines, reportEmpty, trimLine } from './text.ts';
import { type CellNode, type LineData, type SourceRoot, lineNode } from './tree.ts';

const markdown = unified().use(remarkParse).use(remarkGfm).freeze();

/** What a line became, before normalisation: its text and the columns it spans. */
interface Mapped {
  text: string;
  from: number;
  to: number;
  data?: LineData;
}

export function parseMarkdown(file: VFile): SourceRoot {
  const text = decodeSource(file);
  const raw = physicalLines(text);
  const mapped = new Map<number, Mapped>();
  const mdast = markdown.parse(text) as MdRoot;
  const visit = (node: Nodes, ordered: boolean | null): void => {
    switch (node.type) {
      case 'heading':
        mapHeading(node, raw, mapped);
        return;
      case 'paragraph':
        mapParagraph(node, raw, mapped, ordered);
        return;
      case 'table':
        mapTable(node, raw, mapped);
        return;
      case 'list':
        for (const item of node.children) for (const c of item.children) visit(c, (node as List).ordered ?? false);
        return;
      case 'root':
      case 'blockquote':
        for (const c of node.children) visit(c, null);
        return;
      default:
        return; // html, code, thematic breaks, definitions: as printed
    }
  };
  visit(mdast, null);
  const children = raw.map((line, i) => {
    const n = i + 1;
    const m = mapped.get(n);
    if (!m) {
      const trimmed = trimLine(line);
      return lineNode(n, normalise(file, n, trimmed), 1, trimmed.length + 1);
    }
    const t = trimLine(m.text);
    return lineNode(n, m.data?.markup ? '' : normalise(file, n, t, m.from), m.from, m.to, m.data);
  });
  reportEmpty(file, children);
  return { type: 'root', children };
}

/** The unified parser plugin: `unified().use(markdownParser)`; the file's value is its bytes. */
export function markdownParser(this: Processor): void {
  (this as unknown as { parser: (doc: string, file: VFile) => SourceRoot }).parser = (_doc, file) => parseMarkdown(file);
}

/** Inline content as plain text: marks off, link text kept, soft breaks as `\n`. */
function flatten(nodes: PhrasingContent[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'html') out += n.value;
    else if (n.type === 'break') out += '\n';
    else if (n.type === 'image') out += n.alt ?? '';
    else if ('children' in n) out += flatten(n.children as PhrasingContent[]);
  }
  return out;
}

/** An ATX heading (`## 第一章 总则`) is its text; a setext one stays as printed. */
function mapHeading(node: Heading, raw: string[], mapped: Map<number, Mapped>): void {
  const p = node.position;
  if (!p || p.start.line !== p.end.line || !/^ {0,3}#/u.test(raw[p.start.line - 1] ?? '')) return;
  const first = node.children[0]?.position;
  const last = node.children.at(-1)?.position;
  mapped.set(p.start.line, { text: flatten(node.children), from: first?.start.column ?? p.end.column, to: last?.end.column ?? p.end.column });
}

/**
 * A paragraph's lines, each with its own text. An ordered item keeps its number as printed
 * (`1. `); a bullet does not. Should the inline text not split into the paragraph's lines, the
 * lines stay as printed.
 */
function mapParagraph(node: Paragraph, raw: string[], mapped: Map<number, Mapped>, ordered: boolean | null): void {
  const p = node.position;
  if (!p) return;
  const parts = flatten(node.children).split('\n');
  if (parts.length !== p.end.line - p.start.line + 1) return;
  parts.forEach((part, k) => {
    const n = p.start.line + k;
    const line = raw[n - 1] ?? '';
    const lead = line.length - line.trimStart().length;
    let from = k === 0 ? p.start.column : lead + 1;
    let text = part;
    if (k === 0 && ordered) {
      const marker = line.slice(lead, p.start.column - 1);
      text = marker + part;
      from = lead + 1;
    }
    mapped.set(n, { text, from, to: k === parts.length - 1 ? p.end.column : trimLine(line).length + 1 });
  });
}

/** A unist point without the offset mdast adds. */
function point(p: { line: number; column: number }): { line: number; column: number } {
  return { line: p.line, column: p.column };
}

/** A GFM table: one line per row, cells joined by tabs and kept with their positions; the delimiter row is markup. */
function mapTable(node: Table, raw: string[], mapped: Map<number, Mapped>): void {
  const p = node.position;
  if (!p) return;
  for (const row of node.children) {
    const rp = row.position;
    if (!rp) continue;
    const cells: CellNode[] = row.children.map((c) => ({
      type: 'cell',
      value: flatten(c.children).trim(),
      position: {
        start: point(c.children[0]?.position?.start ?? c.position!.start),
        end: point(c.children.at(-1)?.position?.end ?? c.position!.end),
      },
    }));
    mapped.set(rp.start.line, { text: cells.map((c) => c.value).join('\t'), from: rp.start.column, to: rp.end.column, data: { cells } });
  }
  // The delimiter row (|---|:-:|) is the line after the header row.
  const header = node.children[0]?.position;
  if (header && header.start.line + 1 <= p.end.line && !mapped.has(header.start.line + 1)) {
    const n = header.start.line + 1;
    mapped.set(n, { text: '', from: 1, to: trimLine(raw[n - 1] ?? '').length + 1, data: { markup: true } });
  }
}
