/**
 * The basket's exports, as pure functions of its items: a memo draft (text, then its memo citation,
 * then the reader's note), a numbered GB/T 7714-2015 reference list (one entry per document), Markdown
 * (citations linked to their permalinks) and the blocks of a .docx (src/scripts/memo-docx.ts turns them
 * into a Word file with the `docx` library). Every citation comes from the item, as the page computed it
 * with src/lib/citation.ts: nothing here writes a citation format of its own.
 */
import { markdownLink } from '../citation.ts';
import type { MemoItem } from './item.ts';
import { noteLine, withCitation } from './text.ts';

export { isoDate, noteLine, withCitation } from './text.ts';

/** Where the exports are read: permalinks are made absolute with `origin`, `accessed` is the 引用日期. */
export interface ExportContext {
  /** `https://kb.example.org` (the browser's location.origin). */
  origin: string;
  /** YYYY-MM-DD. */
  accessed: string;
}

/** An item's permalink as an absolute URL. */
export function absoluteUrl(href: string, origin: string): string {
  return new URL(href, origin).href;
}

/** Fills a citation template written at build time (`{{url}}`, `{{accessed}}`). */
export function fillTemplate(template: string, url: string, accessed: string): string {
  return template.replaceAll('{{url}}', url).replaceAll('{{accessed}}', accessed);
}

/** The memo draft: each item's text, its citation, the note after it; items apart by a blank line. */
export function memoDraft(items: readonly MemoItem[]): string {
  if (items.length === 0) return '';
  return `${items.map((i) => [withCitation(i.text, i.cite), noteLine(i.note)].filter((l) => l !== null).join('\n')).join('\n\n')}\n`;
}

/** One entry of the reference list. */
export interface ReferenceEntry {
  /** 1-based, in the order the documents first occur in the basket. */
  n: number;
  documentId: string;
  /** The GB/T 7714 reference, URL and 引用日期 filled. */
  text: string;
  url: string;
}

/** The documents the items cite, each once, numbered in the order they first occur. Items without a document have no entry. */
export function referenceEntries(items: readonly MemoItem[], ctx: ExportContext): ReferenceEntry[] {
  const out: ReferenceEntry[] = [];
  const seen = new Set<string>();
  for (const i of items) {
    if (!i.source || seen.has(i.source.id)) continue;
    seen.add(i.source.id);
    const url = absoluteUrl(i.source.href, ctx.origin);
    out.push({ n: out.length + 1, documentId: i.source.id, text: fillTemplate(i.source.gbt, url, ctx.accessed), url });
  }
  return out;
}

/** The numbered GB/T 7714 list: `[1] 教育部, 国家发展改革委, 财政部, 等. …[EB/OL]. (2019-04-04)[2026-11-30]. https://….` */
export function gbtList(items: readonly MemoItem[], ctx: ExportContext): string {
  const entries = referenceEntries(items, ctx);
  return entries.length === 0 ? '' : `${entries.map((e) => `[${e.n}] ${e.text}`).join('\n')}\n`;
}

/**
 * Source text as Markdown text: the characters Markdown would read as markup are escaped. Brackets only
 * where they would make a link (`](`, `][`, `]:`), so a GB/T 7714 entry keeps its [EB/OL] as typed.
 */
export function markdownText(line: string): string {
  return line
    .replace(/[\\`*_<>|~]/gu, '\\$&')
    .replace(/\](?=[([:])/gu, '\\]')
    .replace(/^(\s*)([#+-])/u, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/u, '$1\\$2');
}

/**
 * Markdown: each item's text as a block quote (a line of the text a paragraph), its citation linked to its
 * permalink, its note; then the reference list under 参考文献.
 */
export function markdown(items: readonly MemoItem[], ctx: ExportContext): string {
  if (items.length === 0) return '';
  const blocks = items.map((i) => {
    const lines = i.text.trim().split('\n').filter((l) => l.trim() !== '');
    const quote = lines.map((l) => `> ${markdownText(l)}`).join('\n>\n');
    const cite = `——${markdownLink(i.cite, absoluteUrl(i.href, ctx.origin))}`;
    const note = noteLine(i.note);
    return [quote, cite, note && markdownText(note)].filter(Boolean).join('\n\n');
  });
  const refs = referenceEntries(items, ctx);
  const list = refs.length > 0 ? `\n\n## 参考文献\n\n${refs.map((e) => `${e.n}. ${markdownText(e.text)}`).join('\n')}` : '';
  return `# 引用清单\n\n${blocks.join('\n\n')}${list}\n`;
}

/** A block of the .docx, in order. */
export type DocxBlock =
  | { type: 'title'; text: string }
  | { type: 'meta'; text: string }
  | { type: 'text'; text: string }
  | { type: 'cite'; text: string; url: string }
  | { type: 'note'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'reference'; text: string };

/** The .docx's content: a title, each item (its text's lines, its citation linked, its note), the reference list. */
export function docxBlocks(items: readonly MemoItem[], ctx: ExportContext): DocxBlock[] {
  const out: DocxBlock[] = [
    { type: 'title', text: '引用清单' },
    { type: 'meta', text: `${items.length} 条 · 导出于 ${ctx.accessed} · ${absoluteUrl('/memo/', ctx.origin)}` },
  ];
  for (const i of items) {
    for (const line of i.text.trim().split('\n')) if (line.trim()) out.push({ type: 'text', text: line });
    out.push({ type: 'cite', text: `——${i.cite}`, url: absoluteUrl(i.href, ctx.origin) });
    const note = noteLine(i.note);
    if (note) out.push({ type: 'note', text: note });
  }
  const refs = referenceEntries(items, ctx);
  if (refs.length > 0) {
    out.push({ type: 'heading', text: '参考文献' });
    for (const e of refs) out.push({ type: 'reference', text: `[${e.n}] ${e.text}` });
  }
  return out;
}

/** File names of the downloads: 引用清单-2026-11-30.docx. */
export function exportFileName(kind: 'memo' | 'gbt' | 'markdown' | 'docx', accessed: string): string {
  const name = { memo: '引用清单', gbt: '参考文献', markdown: '引用清单', docx: '引用清单' }[kind];
  const ext = { memo: 'txt', gbt: 'txt', markdown: 'md', docx: 'docx' }[kind];
  return `${name}-${accessed}.${ext}`;
}
