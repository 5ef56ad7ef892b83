/**
 * The orchestrator: runs the two stage lists of stages.ts and emits. Nothing else.
 *
 *   for each source: the source cache, or its processor (parser + SOURCE_STAGES) → a tree
 *   CORPUS_STAGES over the set of trees, each with a Report bound to the sources' VFiles
 *   emit: the typed collections (schema-checked) and report.json, built from the messages
 *
 * Pure: it takes bytes and override data and returns data. The CLI does the I/O. A PDF source's text
 * items are read first, asynchronously (readPdfSources; pdfjs has no synchronous API).
 */
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { isPdf, readPdf } from './parse/pdf.ts';
import {
  type Anomaly,
  type IngestReport,
  IngestReport as IngestReportSchema,
  type SourceManifestEntry,
  type SourceReport,
} from '../../src/schema/corpus.ts';
import { Batch, Certificate, Organization } from '../../src/schema/catalog.ts';
import { DocumentKeywords } from '../../src/schema/keywords.ts';
import { LawWork } from '../../src/schema/laws.ts';
import { Reference } from '../../src/schema/references.ts';
import { SkillRow, SkillStandard } from '../../src/schema/skills.ts';
import { DocumentStatus } from '../../src/schema/status.ts';
import { BatchStep, Fee, FeeRule, TimelineEvent, UnclassifiedFigure } from '../../src/schema/timeline.ts';
import {
  type Corpus,
  IngestError,
  collectionsOf,
  type IngestOptions,
  type IngestResult,
  type OverrideInput,
  type ParsedSource,
  type PlainMessage,
  type SourceCache,
  type SourceInput,
} from './context.ts';
import { Coverage, type Disposition, reportUnaccounted } from './coverage.ts';
import type { Place, Report } from './diagnostics.ts';
import type { Draft } from './structure.ts';
import { documentNodes, linesOf } from './parse/tree.ts';
import { pagedAnomaly, pageMaps, pagesOf } from './pages.ts';
import { CORPUS_STAGES, sourceProcessor } from './stages.ts';

export type { Draft } from './structure.ts';
export { IngestError } from './context.ts';
export type { IngestOptions, IngestResult, OverrideInput, ParsedSource, PlainMessage, SourceCache, SourceInput } from './context.ts';

/** Stage timings, summed over sources for the per-source stages. */
class Timings {
  private readonly ms = new Map<string, number>();
  readonly time = <T>(stage: string, f: () => T): T => {
    const t0 = performance.now();
    try {
      return f();
    } finally {
      this.ms.set(stage, (this.ms.get(stage) ?? 0) + performance.now() - t0);
    }
  };
  report(onStage: ((stage: string, ms: number) => void) | undefined): void {
    if (onStage) for (const [stage, ms] of this.ms) onStage(stage, ms);
  }
}

/**
 * The PDF sources' text items, read (pdfjs is asynchronous) before the pipeline runs: each PDF the
 * cache does not hold gets its `pdf`. An encrypted or corrupt PDF is an IngestError naming it.
 */
export async function readPdfSources(sources: SourceInput[], cache?: SourceCache): Promise<SourceInput[]> {
  const out: SourceInput[] = [];
  for (const src of sources) {
    if (!isPdf(src.file) || src.pdf || cache?.has(src.file, src.bytes)) out.push(src);
    else out.push({ ...src, pdf: await readPdf(src.file, src.bytes) });
  }
  return out;
}

export function ingest(sources: SourceInput[], overrides: OverrideInput[] = [], manifest: SourceManifestEntry[] = [], options: IngestOptions = {}): IngestResult {
  const t = new Timings();
  const corpus: Corpus = {
    files: new Map(),
    sources: new Map(),
    drafts: [],
    overrides,
    merged: [],
    overridden: [],
    documents: [],
    ids: new Map(),
    catalog: { certificates: [], organizations: [], batches: [], totals: [] },
    standards: { standards: [], rows: [] },
    works: [],
    asOf: options.asOf ?? asOfDefault(),
    references: [],
    statuses: [],
    timeline: { events: [], steps: [] },
    fees: { fees: [], rules: [], unclassified: [] },
    keywords: [],
    privacy: { mask: options.maskPersonal ?? false, masked: null },
  };

  // Per source: the cache, or the parser and the per-source stages.
  let cached = 0;
  for (const src of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
    const hit = options.cache ? t.time('cache', () => options.cache!.get(src.file, src.bytes)) : undefined;
    const vf = new VFile({ path: src.file, value: src.bytes });
    if (src.pdf) vf.data.pdf = src.pdf;
    let parsed: ParsedSource;
    if (hit) {
      cached++;
      parsed = hit;
      for (const m of hit.messages) restoreMessage(vf, m);
    } else {
      parsed = parseSource(vf, src, t.time);
      if (options.cache) t.time('cache', () => options.cache!.set(src.file, src.bytes, parsed));
    }
    corpus.files.set(src.file, vf);
    corpus.sources.set(src.file, parsed);
    corpus.drafts.push(...documentNodes(parsed.tree).map((d) => d.data.draft!));
  }
  options.onCache?.({ cached, parsed: sources.length - cached, total: sources.length });

  // The corpus stages, each with the one message channel.
  let current = '';
  const report = reporter(corpus.files, () => current);
  if (options.until !== undefined && !CORPUS_STAGES.some((s) => s.name === options.until)) {
    throw new Error(`until: no corpus stage named ${options.until} (${CORPUS_STAGES.map((s) => s.name).join(', ')})`);
  }
  for (const stage of CORPUS_STAGES) {
    current = stage.name;
    t.time(stage.name, () => stage.run(corpus, report));
    if (stage.name === options.until) break;
  }

  const result = t.time('emit', () => emit(corpus, manifest));
  t.report(options.onStage);
  return result;
}

/** The day law statuses hold for when the caller names none: INGEST_AS_OF (YYYY-MM-DD), else today (UTC). */
function asOfDefault(): string {
  const env = process.env.INGEST_AS_OF;
  if (env !== undefined && env !== '') {
    if (!/^\d{4}-\d{2}-\d{2}$/u.test(env)) throw new Error(`INGEST_AS_OF must be YYYY-MM-DD, not ${env}`);
    return env;
  }
  return new Date().toISOString().slice(0, 10);
}

/** One source through its processor; its tree, coverage, front matter and messages as plain data. */
function parseSource(vf: VFile, src: SourceInput, time: <T>(stage: string, f: () => T) => T): ParsedSource {
  const processor = sourceProcessor(src.file, time);
  let tree;
  try {
    tree = processor.runSync(processor.parse(vf), vf);
  } catch (e) {
    const m = e as VFileMessage;
    throw new IngestError(src.file, m.line ?? null, m.reason ?? String(e));
  }
  const cov = vf.data.coverage ?? new Coverage({ file: src.file, lines: linesOf(tree) });
  // Every non-blank line must have gone somewhere; one nobody took is reported where it stands.
  reportUnaccounted(vf, cov);
  const marks: Array<[number, Disposition]> = [];
  for (const l of cov.source.lines) {
    const d = cov.get(l.n);
    if (d) marks.push([l.n, d]);
  }
  const messages = vf.messages.map((m): PlainMessage => ({
    reason: m.reason,
    line: m.line ?? null,
    column: m.column ?? null,
    endLine: m.place && 'end' in m.place ? m.place.end.line : null,
    endColumn: m.place && 'end' in m.place ? m.place.end.column : null,
    ruleId: m.ruleId ?? null,
    source: m.source ?? null,
    fatal: m.fatal ?? null,
  }));
  return { tree, marks, frontMatter: vf.data.frontMatter ?? null, messages };
}

/** A message of a cached source, attached again as the stage attached it. */
function restoreMessage(vf: VFile, m: PlainMessage): void {
  const start = m.line === null ? undefined : { line: m.line, column: m.column ?? 1 };
  const place = start && m.endLine != null && m.endColumn != null ? { start, end: { line: m.endLine, column: m.endColumn } } : start;
  const opts = { ...(place ? { place } : {}), ...(m.ruleId !== null ? { ruleId: m.ruleId } : {}), ...(m.source !== null ? { source: m.source } : {}) };
  if (m.fatal === null) vf.info(m.reason, opts);
  else vf.message(m.reason, opts);
}

/** The Report of the corpus stages: each message goes to the VFile of its place's file (one is made for a file no source has). */
function reporter(files: Map<string, VFile>, stage: () => string): Report {
  return (place: Place, ruleId: string, reason: string) => {
    let vf = files.get(place.file);
    if (!vf) files.set(place.file, (vf = new VFile({ path: place.file })));
    const start = { line: place.line, column: place.column ?? 1 };
    const at = place.line < 1 ? undefined : place.end ? { start, end: place.end } : start;
    vf.message(reason, { ...(at ? { place: at } : {}), ruleId, source: stage() });
  };
}

/** The typed collections and report.json, schema-checked as the site reads them. */
function emit(c: Corpus, manifest: SourceManifestEntry[]): IngestResult {
  const draftsOf = new Map<string, Draft[]>();
  for (const d of c.drafts) (draftsOf.get(d.file) ?? draftsOf.set(d.file, []).get(d.file)!).push(d);
  /** The id of the document whose lines include `line` of `file`. */
  const documentAt = (file: string, line: number): string | null => {
    const d = (draftsOf.get(file) ?? []).find((x) => x.startLine <= line && line <= x.endLine);
    return d ? c.ids.get(d.key)! : null;
  };
  const manifestOf = new Map<string, SourceManifestEntry>();
  for (const m of manifest) if (!manifestOf.has(m.file)) manifestOf.set(m.file, m);

  // A PDF source's anomalies and page count are given by page, as the pages stage gives its collections.
  const maps = pageMaps(c.sources);
  const report: IngestReport = { sources: [], anomalies: [] };
  for (const [file, parsed] of c.sources) {
    const cov = new Coverage({ file, lines: linesOf(parsed.tree) });
    for (const [n, d] of parsed.marks) cov.mark(n, d);
    const counts = cov.counts();
    const fm = parsed.frontMatter;
    const meta = manifestOf.get(file);
    const entry: SourceReport = {
      file,
      title: meta?.title ?? null,
      origin: meta?.origin ?? null,
      kind: meta?.kind ?? null,
      lines: cov.source.lines.length,
      ...(pagesOf(parsed.tree, maps.get(file)) !== undefined ? { pages: pagesOf(parsed.tree, maps.get(file))! } : {}),
      nonBlankLines: counts.nonBlank,
      coveredLines: counts.covered,
      noise: counts.noise,
      documents: [...new Set((draftsOf.get(file) ?? []).map((d) => c.ids.get(d.key)!))],
      compilation: fm && {
        title: fm.title,
        compiler: fm.compiler,
        date: fm.date,
        toc: fm.toc.map((e) => ({ title: e.title, page: e.page, line: e.line, document: e.target === null ? null : documentAt(file, e.target) })),
      },
    };
    report.sources.push(entry);
  }
  for (const vf of c.files.values()) {
    for (const m of vf.messages) {
      report.anomalies.push(pagedAnomaly({ file: vf.basename!, line: m.line ?? 0, column: m.column ?? 0, kind: m.ruleId ?? 'note', message: m.reason }, maps));
    }
  }
  report.anomalies.sort(compareAnomalies);

  Certificate.array().parse(c.catalog.certificates);
  Organization.array().parse(c.catalog.organizations);
  Batch.array().parse(c.catalog.batches);
  SkillStandard.array().parse(c.standards.standards);
  SkillRow.array().parse(c.standards.rows);
  IngestReportSchema.parse(report);
  LawWork.array().parse(c.works);
  Reference.array().parse(c.references);
  DocumentStatus.array().parse(c.statuses);
  DocumentKeywords.array().parse(c.keywords);
  TimelineEvent.array().parse(c.timeline.events);
  BatchStep.array().parse(c.timeline.steps);
  Fee.array().parse(c.fees.fees);
  FeeRule.array().parse(c.fees.rules);
  UnclassifiedFigure.array().parse(c.fees.unclassified);
  return { ...collectionsOf(c), report, privacy: c.privacy.masked };
}

/** By file and line, then rule and message (the order of the report before columns); column last. */
function compareAnomalies(a: Anomaly, b: Anomaly): number {
  return a.file.localeCompare(b.file) || (a.page ?? 0) - (b.page ?? 0) || a.line - b.line || a.kind.localeCompare(b.kind) || a.message.localeCompare(b.message) || (a.column ?? 0) - (b.column ?? 0);
}
