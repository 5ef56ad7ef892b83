/** Places in the source texts, shared by every schema (corpus.ts re-exports them). */
import { z } from 'astro/zod';

/** An id that is a URL path segment: a document, work, certificate, organisation or standard id (zhrmghgzyjyf, wlgl). */
export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

/**
 * A 1-based physical page of a PDF source (issue 13). Present on every place that points into a PDF
 * (the ingest stage `pages` sets it): `line` is then the line within that page, not within the file.
 * Absent for text sources, whose `line` is the line of the file.
 */
export const PdfPage = z.number().int().positive();

/**
 * A place in a source text: file name (as in content/sources/) and 1-based line; for a PDF source
 * also the physical page, `line` then counting within the page ({ file, page, line }).
 */
export const SourcePoint = z.object({
  file: z.string(),
  line: z.number().int().positive(),
  page: PdfPage.optional(),
});
export type SourcePoint = z.infer<typeof SourcePoint>;
