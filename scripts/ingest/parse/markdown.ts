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
import { CONTROL_CHARS, decodeSource, normaliseMapped, physicalLines, reportEmpty, stripControls, trimLine } from './text.ts';
import { type CellNode, type LineData, type SourceRoot, lineNode } from './tree.ts';

const markdown = unified().use(remarkParse).use(remarkGfm).freeze();

/** What a line became, before normalisation: its text and the columns it spans. */
interface Mapped {
  text: string;
  /** The source column of each character of `text`. */
  cols: number[];
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
      const clean = stripControls(file, n, line);
      const trimmed = trimLine(clean.text);
      const { text: value, columns } = normaliseMapped(file, n, trimmed, clean.columns?.slice(0, trimmed.length + 1));
      const end = clean.columns && trimmed.length ? clean.columns[trimmed.length - 1]! + 1 : trimmed.length + 1;
      const mappedCols = columns && !columns.every((c, k) => c === k + 1) ? columns : undefined;
      return lineNode(n, value, 1, end, mappedCols ? { columns: mappedCols } : undefined);
    }
    if (m.data?.markup) return lineNode(n, '', m.from, m.to, m.data);
    // Control characters off (reported), the column map following.
    const clean = stripControls(file, n, m.text, [...m.cols, m.cols.length ? m.cols.at(-1)! + 1 : m.from]);
    const t = trimLine(clean.text);
    // The column map: each character's column, then the column just after the text.
    const cols = [...clean.columns!.slice(0, t.length), t.length ? clean.columns![t.length - 1]! + 1 : m.from];
    const { text: value, columns } = normaliseMapped(file, n, t, cols);
    const identity = columns!.every((c, k) => c === k + 1);
    const data = m.data?.cells ? { ...m.data, cells: m.data.cells.map((c) => ({ ...c, value: c.value.replace(CONTROL_CHARS, '') })) } : m.data;
    return lineNode(n, value, m.from, m.to, identity ? data : { ...data, columns: columns! });
  });
  reportEmpty(file, children);
  return { type: 'root', children };
}

/** The unified parser plugin: `unified().use(markdownParser)`; the file's value is its bytes. */
export function markdownParser(this: Processor): void {
  (this as unknown as { parser: (doc: string, file: VFile) => SourceRoot }).parser = (_doc, file) => parseMarkdown(file);
}

/** Plain text with the source column of each character (`\n` for a line break, column 0). */
interface Flat {
  text: string;
  cols: number[];
}

/** Inline content as plain text: marks off, link text kept, soft breaks as `\n`; each character with its source column. */
function flatten(nodes: PhrasingContent[], raw: string[]): Flat {
  const out: Flat = { text: '', cols: [] };
  const push = (f: Flat) => {
    out.text += f.text;
    out.cols.push(...f.cols);
  };
  for (const n of nodes) {
    const p = n.position;
    if (n.type === 'text' || n.type === 'html') push(located(n.value, p, raw, 0));
    else if (n.type === 'inlineCode') push(located(n.value, p, raw, /^`+/u.exec(raw[(p?.start.line ?? 1) - 1]?.slice((p?.start.column ?? 1) - 1) ?? '')?.[0].length ?? 1));
    else if (n.type === 'break') push({ text: '\n', cols: [0] });
    else if (n.type === 'image') push(located(n.alt ?? '', p, raw, 2));
    else if ('children' in n) push(flatten(n.children as PhrasingContent[], raw));
  }
  return out;
}

/**
 * The columns of a text node's value. On one line, each character after the node's start (plus
 * `skip` opening marks); a value that spans lines starts each further line where that line's text
 * starts. Escapes and entities (a value shorter than its source) shift the columns after them.
 */
function located(value: string, p: PhrasingContent['position'], raw: string[], skip: number): Flat {
  if (!p) return { text: value, cols: [...value].map(() => 1).slice(0, value.length) };
  const cols: number[] = [];
  let line = p.start.line;
  let col = p.start.column + skip;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\n') {
      cols.push(0);
      line++;
      const text = raw[line - 1] ?? '';
      col = text.length - text.trimStart().length + 1;
      continue;
    }
    cols.push(col++);
  }
  return { text: value, cols };
}

/** A flat text cut at its line breaks. */
function splitLines(f: Flat): Flat[] {
  const parts: Flat[] = [{ text: '', cols: [] }];
  for (let i = 0; i < f.text.length; i++) {
    if (f.text[i] === '\n') parts.push({ text: '', cols: [] });
    else {
      parts.at(-1)!.text += f.text[i];
      parts.at(-1)!.cols.push(f.cols[i]!);
    }
  }
  return parts;
}

/** An ATX heading (`## 第一章 总则`) is its text; a setext one stays as printed. */
function mapHeading(node: Heading, raw: string[], mapped: Map<number, Mapped>): void {
  const p = node.position;
  if (!p || p.start.line !== p.end.line || !/^ {0,3}#/u.test(raw[p.start.line - 1] ?? '')) return;
  const first = node.children[0]?.position;
  const last = node.children.at(-1)?.position;
  const flat = flatten(node.children, raw);
  mapped.set(p.start.line, { text: flat.text, cols: flat.cols, from: first?.start.column ?? p.end.column, to: last?.end.column ?? p.end.column });
}

/**
 * A paragraph's lines, each with its own text. An ordered item keeps its number as printed
 * (`1. `); a bullet does not. Should the inline text not split into the paragraph's lines, the
 * lines stay as printed.
 */
function mapParagraph(node: Paragraph, raw: string[], mapped: Map<number, Mapped>, ordered: boolean | null): void {
  const p = node.position;
  if (!p) return;
  const parts = splitLines(flatten(node.children, raw));
  if (parts.length !== p.end.line - p.start.line + 1) return;
  parts.forEach((part, k) => {
    const n = p.start.line + k;
    const line = raw[n - 1] ?? '';
    const lead = line.length - line.trimStart().length;
    let from = k === 0 ? p.start.column : lead + 1;
    let { text, cols } = part;
    if (k === 0 && ordered) {
      const marker = line.slice(lead, p.start.column - 1);
      text = marker + text;
      cols = [...[...marker].map((_c, i) => lead + 1 + i), ...cols];
      from = lead + 1;
    }
    mapped.set(n, { text, cols, from, to: k === parts.length - 1 ? p.end.column : trimLine(line).length + 1 });
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
    const flats = row.children.map((c) => flatten(c.children, raw));
    const cells: CellNode[] = row.children.map((c, k) => ({
      type: 'cell',
      value: flats[k]!.text.trim(),
      position: {
        start: point(c.children[0]?.position?.start ?? c.position!.start),
        end: point(c.children.at(-1)?.position?.end ?? c.position!.end),
      },
    }));
    // Cells joined by tabs; a tab stands where the cell's closing | does.
    const cols = cells.flatMap((c, k) => {
      const f = flats[k]!;
      const lead = f.text.length - f.text.trimStart().length;
      const own = f.cols.slice(lead, lead + c.value.length);
      return k < cells.length - 1 ? [...own, row.children[k]!.position!.end.column - 1] : own;
    });
    mapped.set(rp.start.line, { text: cells.map((c) => c.value).join('\t'), cols, from: rp.start.column, to: rp.end.column, data: { cells } });
  }
  // The delimiter row (|---|:-:|) is the line after the header row.
  const header = node.children[0]?.position;
  if (header && header.start.line + 1 <= p.end.line && !mapped.has(header.start.line + 1)) {
    const n = header.start.line + 1;
    mapped.set(n, { text: '', cols: [], from: 1, to: trimLine(raw[n - 1] ?? '').length + 1, data: { markup: true } });
  }
}
