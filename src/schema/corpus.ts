/**
 * The one contract between ingest, pages, search and tests.
 *
 * Ingest validates what it writes against these schemas; Astro's content
 * collections (src/content.config.ts) load the same files with the same
 * schemas; tests import the inferred types. Change a field here and every
 * consumer sees it.
 */
import { z } from 'astro/zod';

export { PdfPage, SourcePoint } from './source.ts';
import { PdfPage, Slug, SourcePoint } from './source.ts';
import { LawVersionInfo } from './laws.ts';

/** A point in a source text: 1-based line and column (unist); in a PDF source also the page (line within it). */
export const Point = z.object({
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  page: PdfPage.optional(),
});
export type Point = z.infer<typeof Point>;

/**
 * Where a node's text stands in its source: start and end (end column exclusive, as in unist).
 * For a PDF-born node each point carries its physical page (a node may start and end on different pages).
 */
export const Position = z.object({
  start: Point,
  end: Point,
});
export type Position = z.infer<typeof Position>;

/**
 * Where a piece of text is printed: its file, its first line (as a SourcePoint) and its position
 * there, from the first printed character to the end of its text.
 */
export const SourceLocation = SourcePoint.extend({
  position: Position,
});
export type SourceLocation = z.infer<typeof SourceLocation>;

/** A span of a source text, both ends inclusive; in a PDF source each end has its page (lines count within it). */
export const SourceSpan = z.object({
  file: z.string(),
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
  startPage: PdfPage.optional(),
  endPage: PdfPage.optional(),
});
export type SourceSpan = z.infer<typeof SourceSpan>;

/** One numbered item inside a table cell (from `<ol>` fragments or inline "1. … 2. …"). */
export const CellItem = z.object({
  label: z.string().nullable(),
  text: z.string(),
});
export type CellItem = z.infer<typeof CellItem>;

export const TableCell = z.object({
  text: z.string(),
  /** The cell as printed, kept only when letter spacing was removed from `text` (李 凯 徐庆振 → 李凯徐庆振). */
  printed: z.string().optional(),
  /** Where the cell's text stands in its source: its span between the tabs (structure stage). */
  position: Position,
  /** Present when the cell holds a list; `text` then joins the items. */
  items: z.array(CellItem).optional(),
});
export type TableCell = z.infer<typeof TableCell>;

export const TableRow = z.object({
  cells: z.array(TableCell),
  line: z.number().int().positive(),
  /** In a PDF source: the row's page (`line` then counts within it). */
  page: PdfPage.optional(),
  /** The row's line, from its first printed character to the end of its text. */
  position: Position,
});
export type TableRow = z.infer<typeof TableRow>;

export const Table = z.object({
  header: TableRow.nullable(),
  rows: z.array(TableRow),
});
export type Table = z.infer<typeof Table>;

/**
 * What a clause node is.
 * - section: a numbered (or titled) division with children;
 * - paragraph: running text, numbered or not;
 * - table: rows of cells;
 * - enclosure: the document a 印发/转发 notice carries (its own title, no 附件 label);
 * - attachment: a 附件 / 附表.
 */
export const ClauseKind = z.enum(['section', 'paragraph', 'table', 'enclosure', 'attachment']);
export type ClauseKind = z.infer<typeof ClauseKind>;

export interface Clause {
  /** Stable, ASCII, unique within the document: `s2-5`, `s2-5-p1`, `p3`, `a1`, `a1-s3`, `art11`. */
  anchor: string;
  kind: ClauseKind;
  /** The number as printed (`二、`, `（五）`, `1.`, `（1）`, `①`, `第十一条`, `附件 1`), or null. */
  label: string | null;
  heading: string | null;
  text: string;
  table?: Table;
  source: SourcePoint;
  /**
   * Start and end of the clause's own text in its source, label and heading included (its
   * children have their own): the first printed character to the end of its last line's text.
   * For an attachment or enclosure, the lines that print its label and title.
   */
  position: Position;
  /**
   * A source map of the clause's `text` (of its `heading` when `text` is empty): where each source
   * line that went into it begins, as [offset in the string, line, column]. The first entry has
   * offset 0. With it a stage finds the exact line and column of any character of a wrapped
   * paragraph (scripts/ingest/positions.ts `pointAt`) without reading the source again.
   * An entry is also made wherever characters were removed inside a line (letter spacing), so
   * every column is exact. A clause with no text and no heading (a table) has one entry: its start.
   * In a PDF source an entry has a fourth element, the page ([offset, line within the page, column, page]).
   */
  lineStarts: Array<[number, number, number] | [number, number, number, number]>;
  children: Clause[];
}
export const Clause: z.ZodType<Clause> = z.lazy(() =>
  z.object({
    anchor: z.string().regex(/^[a-z][a-z0-9-]*$/),
    kind: ClauseKind,
    label: z.string().nullable(),
    heading: z.string().nullable(),
    text: z.string(),
    table: Table.optional(),
    source: SourcePoint,
    position: Position,
    lineStarts: z
      .array(z.union([z.tuple([z.number().int().nonnegative(), z.number().int().positive(), z.number().int().positive()]), z.tuple([z.number().int().nonnegative(), z.number().int().positive(), z.number().int().positive(), PdfPage])]))
      .min(1),
    children: z.array(Clause),
  }),
);

/** A decision a person made, applied by ingest and shown on the page (编者按/校订). */
export const AppliedOverride = z.object({
  field: z.string(),
  value: z.unknown(),
  /** The value ingest had before the override. */
  was: z.unknown(),
  reason: z.string(),
  file: z.string(),
});
export type AppliedOverride = z.infer<typeof AppliedOverride>;

/** One source's copy of a document. A document found in two sources has two variants. */
export const Variant = z.object({
  source: SourceSpan,
  title: z.string(),
  docNumber: z.string().nullable(),
  date: z.string().nullable(),
  /** Paragraph-level differences from the primary variant (the first one). */
  differences: z.array(
    z.object({
      kind: z.enum(['only-here', 'only-primary', 'changed']),
      here: z.string().nullable(),
      primary: z.string().nullable(),
      line: z.number().int().positive().nullable(),
      /** In a PDF source: the page of `line` (which then counts within it). */
      page: PdfPage.optional(),
    }),
  ),
});
export type Variant = z.infer<typeof Variant>;

export const DocumentKind = z.enum([
  '通知', '方案', '公告', '公示', '意见', '办法', '纪要', '标准', '名单', '法律', '决定', '规定', '函', '其他',
]);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const PolicyDocument = z.object({
  id: Slug,
  title: z.string(),
  /** The title of the document a 印发/转发 notice carries, used in clause citations inside it. */
  enclosedTitle: z.string().nullable(),
  docNumber: z.string().nullable(),
  issuers: z.array(z.string()),
  /** 成文日期 as YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /**
   * Where the primary variant prints its 成文日期 (the line that is a date and nothing else, read by
   * the elements stage); null when it prints none. An override that corrects the date leaves this
   * pointing at the printed one.
   */
  dateSource: SourceLocation.nullable(),
  kind: DocumentKind,
  addressees: z.array(z.string()),
  attachments: z.array(z.object({ label: z.string().nullable(), title: z.string() })),
  /** 抄送 / 抄报 lines. */
  copiedTo: z.array(z.string()),
  /** Every source the document was found in; the first is the primary. */
  source: z.array(SourceSpan),
  variants: z.array(Variant),
  overrides: z.array(AppliedOverride),
  clauses: z.array(Clause),
  /** A law or regulation as a version of its work (issue 16, src/schema/laws.ts); null for anything else. */
  law: LawVersionInfo.nullable(),
});
export type PolicyDocument = z.infer<typeof PolicyDocument>;

export const Anomaly = z.object({
  file: z.string(),
  /** 1-based line (0 when the message has no place); in a PDF source the line within `page`. */
  line: z.number().int().nonnegative(),
  /** In a PDF source: the 1-based physical page of the message's line. */
  page: PdfPage.optional(),
  /** 1-based column of the text the message is about (0 when not known). */
  column: z.number().int().nonnegative().optional(),
  /** The message's rule id (vfile-message ruleId). */
  kind: z.string(),
  message: z.string(),
});
export type Anomaly = z.infer<typeof Anomaly>;

/** Why a non-blank line is not part of a document's text. */
export const NoiseReason = z.enum([
  'page-number',
  'running-header',
  'repeated-table-header',
  'duplicate-link',
  'blank-page-note',
  'compilation-front-matter',
  'table-of-contents',
]);
export type NoiseReason = z.infer<typeof NoiseReason>;

export const SourceReport = z.object({
  file: z.string(),
  /** From content/sources/sources.yaml, when the source has an entry there. */
  title: z.string().nullable(),
  origin: z.string().nullable(),
  kind: z.string().nullable(),
  /** Lines in the file (for a PDF: lines of its text layer, over all pages). */
  lines: z.number().int().nonnegative(),
  /** A PDF source: its number of physical pages, as far as its text layer shows them (the last page a line is on). */
  pages: z.number().int().nonnegative().optional(),
  nonBlankLines: z.number().int().nonnegative(),
  /** Non-blank lines that went into a document, a table cell, metadata, or were dropped as named noise. */
  coveredLines: z.number().int().nonnegative(),
  noise: z.record(z.string(), z.number().int().nonnegative()),
  documents: z.array(z.string()),
  /** A compilation's own front matter: its title, compiler, date and 目录 entries mapped to documents. */
  compilation: z
    .object({
      title: z.string(),
      compiler: z.string().nullable(),
      date: z.string().nullable(),
      toc: z.array(z.object({ title: z.string(), page: z.number().int().nullable(), document: z.string().nullable(), line: z.number().int() })),
    })
    .nullable(),
});
export type SourceReport = z.infer<typeof SourceReport>;

export const IngestReport = z.object({
  sources: z.array(SourceReport),
  anomalies: z.array(Anomaly),
});
export type IngestReport = z.infer<typeof IngestReport>;

/** content/sources/sources.yaml: optional human metadata per source file. */
export const SourceManifestEntry = z.object({
  file: z.string(),
  title: z.string(),
  origin: z.string(),
  kind: z.enum(['notice', 'compilation', 'standard', 'list', 'law', 'other']),
});
export type SourceManifestEntry = z.infer<typeof SourceManifestEntry>;

/** content/overrides/*.yaml */
export const OverrideFile = z.object({
  /** Which document: its 标题 or its 文号 as any variant prints them (both must hold when both are given). */
  match: z.object({ title: z.string().optional(), docNumber: z.string().optional() }),
  set: z.record(z.string(), z.unknown()),
  reason: z.string().min(1),
  decidedBy: z.string().optional(),
  date: z.string().optional(),
});
export type OverrideFile = z.infer<typeof OverrideFile>;
