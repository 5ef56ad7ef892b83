/**
 * What the orchestrator (pipeline.ts) hands the stages (stages.ts), and what it returns.
 *
 * Per-source stages work on one tree and its VFile; corpus stages on the `Corpus`, the set of
 * trees with everything the stages before them have read from it.
 */
import type { VFile } from 'vfile';
import type { IngestReport, PolicyDocument } from '../../src/schema/corpus.ts';
import type { LawWork } from '../../src/schema/laws.ts';
import type { Reference } from '../../src/schema/references.ts';
import type { DocumentStatus } from '../../src/schema/status.ts';
import type { DocumentKeywords } from '../../src/schema/keywords.ts';
import type { BatchStep, Fee, FeeRule, TimelineEvent, UnclassifiedFigure } from '../../src/schema/timeline.ts';
import type { Catalog } from './catalog.ts';
import type { Disposition } from './coverage.ts';
import type { Draft } from './structure.ts';
import type { Merged } from './link.ts';
import type { OverrideInput, Overridden } from './overrides.ts';
import type { PdfRead } from './parse/pdf/items.ts';
import type { SourceRoot } from './parse/tree.ts';
import type { MaskCounts } from './privacy.ts';
import type { FrontMatter } from './split.ts';
import type { StandardsResult } from './standards.ts';

export interface SourceInput {
  file: string;
  bytes: Uint8Array;
  /**
   * A PDF source's text items (parse/pdf.ts readPdf; pipeline.ts readPdfSources fills them in):
   * pdfjs is asynchronous, the pipeline is not. Not needed when the source cache has the file.
   */
  pdf?: PdfRead;
}

/** Thrown for input no stage can read (not UTF-8, binary): carries file and line. */
export class IngestError extends Error {
  readonly file: string;
  readonly line: number | null;
  constructor(file: string, line: number | null, message: string) {
    super(message);
    this.file = file;
    this.line = line;
  }
}

/** A vfile message as plain data (kept in the source cache). */
export interface PlainMessage {
  reason: string;
  line: number | null;
  column: number | null;
  endLine?: number | null;
  endColumn?: number | null;
  ruleId: string | null;
  source: string | null;
  fatal: boolean | null;
}

/** What the per-source stages (parse → noise → split → elements → structure) make of one source. */
export interface ParsedSource {
  /** The source's tree: line nodes, grouped under document nodes that carry their drafts. */
  tree: SourceRoot;
  /** Every marked line of the source and what it went to. */
  marks: Array<[number, Disposition]>;
  frontMatter: FrontMatter | null;
  /** The messages those stages attached to the file, as plain data. */
  messages: PlainMessage[];
}

/**
 * Where parsed sources are kept between runs. `get` answers for the exact bytes of a file
 * (and whatever else the cache keys on: the CLI adds the parser's version); `set` stores one.
 */
export interface SourceCache {
  /** Whether `get` would answer, without reading the entry (a PDF held here need not be read by pdfjs first). */
  has(file: string, bytes: Uint8Array): boolean;
  get(file: string, bytes: Uint8Array): ParsedSource | undefined;
  set(file: string, bytes: Uint8Array, parsed: ParsedSource): void;
}

export type { OverrideInput } from './overrides.ts';

export interface IngestOptions {
  /** Called once per stage, in pipeline order, with the stage's total time in ms. */
  onStage?: (stage: string, ms: number) => void;
  /** Per-source results of earlier runs: a source whose bytes are unchanged is not parsed again. */
  cache?: SourceCache;
  /** Told how many sources came from the cache. */
  onCache?: (stats: { cached: number; parsed: number; total: number }) => void;
  /**
   * Mask personal mobile and bank numbers in everything returned (the privacy stage). The CLI
   * masks unless told to publish them; called as a library, ingest returns the text as printed.
   */
  maskPersonal?: boolean;
  /** The day law statuses are computed for (YYYY-MM-DD; default: INGEST_AS_OF, else today's UTC date). */
  asOf?: string;
  /**
   * Stop after this corpus stage (a name in CORPUS_STAGES): a stage test runs only the stages it
   * needs, e.g. `until: 'catalog'` skips references … segment (and nodejieba's dictionary). What the
   * skipped stages would have made is empty in the result.
   */
  until?: string;
}

/** The typed collections the corpus stages make (what is written to content/generated/, with the report). */
export type Collections = Pick<Corpus, 'documents' | 'catalog' | 'standards' | 'works' | 'references' | 'statuses' | 'keywords' | 'timeline' | 'fees'>;

/** The collections of a corpus, as one object. */
export function collectionsOf(c: Corpus): Collections {
  const { documents, catalog, standards, works, references, statuses, keywords, timeline, fees } = c;
  return { documents, catalog, standards, works, references, statuses, keywords, timeline, fees };
}

/** The set of sources and what the corpus stages have read from it so far. */
export interface Corpus {
  /** One VFile per source, by file name, in file-name order: every message is attached to one. */
  files: Map<string, VFile>;
  /** Each source's parse (tree, coverage marks, front matter). */
  sources: Map<string, ParsedSource>;
  /** Every source's documents as read from it, in source order. */
  drafts: Draft[];
  overrides: OverrideInput[];
  /** link: drafts of the same document grouped, the most complete one first. */
  merged: Merged[];
  /** overrides: the groups with the fields a person set. */
  overridden: Overridden[];
  /** ids: the documents, and the final id of every draft (by draft key). */
  documents: PolicyDocument[];
  ids: Map<string, string>;
  catalog: Catalog;
  standards: StandardsResult;
  /** laws: one entry per law held in one or more versions (the documents' `law` is set too). */
  works: LawWork[];
  /** laws: the day statuses hold for. */
  asOf: string;
  references: Reference[];
  statuses: DocumentStatus[];
  timeline: { events: TimelineEvent[]; steps: BatchStep[] };
  fees: { fees: Fee[]; rules: FeeRule[]; unclassified: UnclassifiedFigure[] };
  keywords: DocumentKeywords[];
  /** privacy: whether to mask, and what was masked. */
  privacy: { mask: boolean; masked: { counts: MaskCounts; distinct: number } | null };
}

export interface IngestResult {
  documents: PolicyDocument[];
  /** Certificates, organisations and batches read from the documents (catalog stage). */
  catalog: Catalog;
  /** Skill standards and their rows (standards stage). */
  standards: StandardsResult;
  /** Laws as works with versions (laws stage): works.json. */
  works: LawWork[];
  /** What each document cites (references stage). */
  references: Reference[];
  /** What the texts say about each document's standing (status stage). */
  statuses: DocumentStatus[];
  /** Keywords per document and related documents (segment stage). */
  keywords: DocumentKeywords[];
  /** Dated events and batch steps (events stage). */
  timeline: { events: TimelineEvent[]; steps: BatchStep[] };
  /** Money figures, the mixed-exam rule, and figures left unclassified (fees stage). */
  fees: { fees: Fee[]; rules: FeeRule[]; unclassified: UnclassifiedFigure[] };
  report: IngestReport;
  /** What the privacy stage masked (null when it did not run: numbers published as printed). */
  privacy?: { counts: MaskCounts; distinct: number } | null;
}
