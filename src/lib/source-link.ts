/**
 * Where a place in a source is shown and linked: the one function that builds a source link from a
 * SourcePoint (SourceRef, the skill pages, listings, glossary entries all call it).
 *
 * - a text source: `001_….txt:384`, no link (the file is listed on /sources/);
 * - a PDF source: `005_….pdf 第 11 页第 3 行`, linked to the PDF the site serves under /sources/ at its
 *   page: `/sources/005_….pdf#page=11`, which browsers' PDF viewers open at that page;
 * - a text copied out of a PDF by pdftotext (its pages parted by form feeds): `006_….txt 第 11 页第 3 行`,
 *   the page being the PDF's, linked to the file's entry on /sources/ (the site holds no PDF for it).
 */
import type { SourcePoint } from '../schema/corpus.ts';

/** Whether a source file is a PDF (served under /sources/). */
export function isPdfSource(file: string): boolean {
  return /\.pdf$/iu.test(file);
}

/** The URL of a PDF source as the site serves it, opened at `page` when given. */
export function pdfHref(file: string, page?: number | null): string {
  return `/sources/${encodeURIComponent(file.replace(/\.pdf$/iu, ''))}.pdf${page ? `#page=${page}` : ''}`;
}

export interface SourceLink {
  /** What a reader sees: `file:line`, or `file 第 p 页第 l 行` for a PDF. */
  text: string;
  /** The PDF at the page, or null for a text source. */
  href: string | null;
}

/** A place in a source as shown and linked (see the module comment). */
export function sourceLink(p: Pick<SourcePoint, 'file' | 'line' | 'page'>): SourceLink {
  if (p.page === undefined) return { text: `${p.file}:${p.line}`, href: isPdfSource(p.file) ? pdfHref(p.file) : null };
  return { text: `${p.file} 第 ${p.page} 页第 ${p.line} 行`, href: isPdfSource(p.file) ? pdfHref(p.file, p.page) : null };
}

/** Where a page of a source links: the PDF at that page, or a paged text copy's entry on /sources/. */
export function pageHref(file: string, page: number): string {
  return isPdfSource(file) ? pdfHref(file, page) : `/sources/#${file}`;
}

/** Where a span of a source links: a PDF's first page of it, else the source's entry on /sources/. */
export function spanHref(span: { file: string; startPage?: number }): string {
  return span.startPage !== undefined && isPdfSource(span.file) ? pdfHref(span.file, span.startPage) : `/sources/#${span.file}`;
}

/** The page a citation adds for a PDF-born place: `，第 11 页`; '' for a text source. */
export function pageSuffix(p: Pick<SourcePoint, 'page'> | undefined): string {
  return p?.page === undefined ? '' : `，第 ${p.page} 页`;
}

/** What /sources/ says of a PDF that was not read, when report.json names it under this rule (the PDF parser's). */
export const NO_TEXT_RULE = 'pdf-no-text';
export const NO_TEXT_NOTE = '未读取（无文字层，可能是扫描件，需要先做文字识别）';
