/**
 * The ingest pipeline: sources → documents and a report.
 *
 *   read → noise → split → elements → structure   (per source)
 *   → link (merge variants) → overrides → identity → emit
 *
 * Pure: it takes bytes and override data and returns data. The CLI does the I/O.
 */
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import {
  type Anomaly,
  type IngestReport,
  IngestReport as IngestReportSchema,
  type OverrideFile,
  type PolicyDocument,
  PolicyDocument as PolicyDocumentSchema,
  type SourceManifestEntry,
  type SourceReport,
} from '../../src/schema/corpus.ts';
import { Batch, Certificate, Organization } from '../../src/schema/catalog.ts';
import { Reference as ReferenceSchema, type Reference } from '../../src/schema/references.ts';
import { SkillRow, SkillStandard } from '../../src/schema/skills.ts';
import { DocumentStatus as DocumentStatusSchema, type DocumentStatus } from '../../src/schema/status.ts';
import { BatchStep, Fee, FeeRule, TimelineEvent, UnclassifiedFigure } from '../../src/schema/timeline.ts';
import { type Catalog, extractCatalog } from './catalog.ts';
import { certificateKey as nameKey } from '../../src/lib/text/normalize.ts';
import type { Report } from './diagnostics.ts';
import { Coverage, type Disposition } from './coverage.ts';
import { extractEvents } from './events.ts';
import { extractFees } from './fees.ts';
import { differences, mergeVariants } from './link.ts';
import { markNoise } from './noise.ts';
import { applyOverrides } from './overrides.ts';
import { type SourceText, readSource } from './read.ts';
import { extractReferences } from './references.ts';
import { extractStatuses } from './status.ts';
import { buildDictionary, extractKeywords } from './segment.ts';
import { DocumentKeywords as DocumentKeywordsSchema, type DocumentKeywords } from '../../src/schema/keywords.ts';
import { type FrontMatter, splitSource } from './split.ts';
import { type StandardsResult, extractStandards } from './standards.ts';
import { type Draft, structureDocument } from './structure.ts';
import { idFromDocNumber, initials, parseDocNumber } from '../../src/lib/text/docnumber.ts';
import { kindOfTitle } from '../../src/lib/text/titles.ts';

export interface SourceInput {
  file: string;
  bytes: Uint8Array;
}

export interface OverrideInput {
  file: string;
  data: OverrideFile;
}

export type { Draft } from './structure.ts';

export interface IngestResult {
  documents: PolicyDocument[];
  /** Certificates, organisations and batches read from the documents (catalog stage). */
  catalog: Omit<Catalog, 'anomalies'>;
  /** Skill standards and their rows (standards stage). */
  standards: Omit<StandardsResult, 'anomalies'>;
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

/** What the per-source stages (read → noise → split → elements → structure) make of one source. */
export interface ParsedSource {
  source: SourceText;
  /** Every marked line of the source and what it went to. */
  marks: Array<[number, Disposition]>;
  frontMatter: FrontMatter | null;
  drafts: Draft[];
  /** The messages those stages attached to the file, as plain data. */
  messages: PlainMessage[];
}

export interface PlainMessage {
  reason: string;
  line: number | null;
  column: number | null;
  ruleId: string | null;
  source: string | null;
  fatal: boolean | null;
}

/**
 * Where parsed sources are kept between runs. `get` answers for the exact bytes of a file
 * (and whatever else the cache keys on: the CLI adds the parser's version); `set` stores one.
 */
export interface SourceCache {
  get(file: string, bytes: Uint8Array): ParsedSource | undefined;
  set(file: string, bytes: Uint8Array, parsed: ParsedSource): void;
}

export interface IngestOptions {
  /** Called once per stage, in pipeline order, with the stage's total time in ms. */
  onStage?: (stage: string, ms: number) => void;
  /** Per-source results of earlier runs: a source whose bytes are unchanged is not parsed again. */
  cache?: SourceCache;
  /** Told how many sources came from the cache. */
  onCache?: (stats: { cached: number; parsed: number; total: number }) => void;
}

/** Stage timings, summed over sources for the per-source stages. */
class Timings {
  private readonly ms = new Map<string, number>();
  time<T>(stage: string, f: () => T): T {
    const t0 = performance.now();
    try {
      return f();
    } finally {
      this.ms.set(stage, (this.ms.get(stage) ?? 0) + performance.now() - t0);
    }
  }
  get(stage: string): number {
    return this.ms.get(stage) ?? 0;
  }
  add(stage: string, ms: number): void {
    this.ms.set(stage, (this.ms.get(stage) ?? 0) + ms);
  }
  report(onStage: ((stage: string, ms: number) => void) | undefined): void {
    if (onStage) for (const [stage, ms] of this.ms) onStage(stage, ms);
  }
}

export function ingest(sources: SourceInput[], overrides: OverrideInput[] = [], manifest: SourceManifestEntry[] = [], options: IngestOptions = {}): IngestResult {
  const files = new Map<string, VFile>();
  const coverages = new Map<string, Coverage>();
  const fronts = new Map<string, FrontMatter | null>();
  const drafts: Draft[] = [];
  const t = new Timings();
  let cachedCount = 0;

  for (const src of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
    const vf = new VFile({ path: src.file });
    files.set(src.file, vf);
    const hit = options.cache ? t.time('cache', () => options.cache!.get(src.file, src.bytes)) : undefined;
    let parsed: ParsedSource;
    if (hit) {
      cachedCount++;
      parsed = hit;
      for (const m of hit.messages) restoreMessage(vf, m);
    } else {
      parsed = parseSource(vf, src, t);
      if (options.cache) t.time('cache', () => options.cache!.set(src.file, src.bytes, parsed));
    }
    const cov = new Coverage(parsed.source);
    for (const [n, d] of parsed.marks) cov.mark(n, d);
    coverages.set(src.file, cov);
    fronts.set(src.file, parsed.frontMatter);
    drafts.push(...parsed.drafts);
  }
  options.onCache?.({ cached: cachedCount, parsed: sources.length - cachedCount, total: sources.length });

  const merged = t.time('link', () => mergeVariants(drafts, files));
  const documents: PolicyDocument[] = [];
  const ids = new Map<string, string>(); // draft key → final id
  const usedIds = new Set<string>(); // every final id given so far
  const applied = t.time('overrides', () => applyOverrides(merged, overrides, files));

  const documentsStart = performance.now();
  for (const { merged: m, fields, records } of applied) {
    const { primary, others } = m;
    const e = primary.elements;
    const docNumber = (fields.docNumber as string | null | undefined) ?? e.docNumber?.text ?? null;
    const date = (fields.date as string | null | undefined) ?? e.date;
    const title = (fields.title as string | undefined) ?? e.title;
    const parsed = docNumber ? parseDocNumber(docNumber) : null;
    const id = uniqueId((fields.id as string | undefined) ?? (parsed ? idFromDocNumber(parsed) : `${date ?? 'undated'}-${initials(title).slice(0, 20) || 'doc'}`), usedIds, files.get(primary.file)!, primary.startLine);
    usedIds.add(id);
    for (const d of [primary, ...others]) ids.set(d.key, id);
    const doc: PolicyDocument = {
      id,
      title,
      enclosedTitle: e.enclosure?.title ?? null,
      docNumber: parsed?.text ?? docNumber,
      issuers: (fields.issuers as string[] | undefined) ?? (e.signature.length ? e.signature : issuersFromTitle(title)),
      date,
      kind: (fields.kind as PolicyDocument['kind'] | undefined) ?? kindOfTitle(title),
      addressees: e.addressees,
      attachments: e.attachmentNote.length
        ? e.attachmentNote
        : e.attachments.map((a) => ({ label: a.label, title: a.title ?? '' })),
      copiedTo: e.copiedTo,
      source: [primary, ...others].map((d) => ({ file: d.file, startLine: d.startLine, endLine: d.endLine })),
      variants: [primary, ...others].map((d) => ({
        source: { file: d.file, startLine: d.startLine, endLine: d.endLine },
        title: d.elements.title,
        docNumber: d.elements.docNumber?.text ?? null,
        date: d.elements.date,
        differences: d === primary ? [] : t.time('variant-diff', () => differences(primary.clauses, d.clauses)),
      })),
      overrides: records,
      clauses: primary.clauses,
    };
    documents.push(PolicyDocumentSchema.parse(doc));
  }
  t.add('ids+documents', performance.now() - documentsStart - t.get('variant-diff'));

  // Drafts by source file, in order: per-file lookups instead of scans of every draft.
  const draftsOf = new Map<string, Draft[]>();
  for (const d of drafts) {
    const list = draftsOf.get(d.file);
    if (list) list.push(d);
    else draftsOf.set(d.file, [d]);
  }
  /** The id of the document whose lines include `line` of `file`. */
  const documentAt = (file: string, line: number): string | null => {
    const d = (draftsOf.get(file) ?? []).find((x) => x.startLine <= line && line <= x.endLine);
    return d ? ids.get(d.key)! : null;
  };

  // Downstream stages read the typed documents; the source texts only let them point at an exact line.
  const texts = Object.fromEntries([...coverages].map(([file, cov]) => [file, cov.source.lines.map((l) => l.text).join('\n')]));
  // Catalog and standards report through the one message channel (scripts/ingest/diagnostics.ts).
  const stageAnomalies: Anomaly[] = [];
  const stageReport: Report = (place, kind, message) => stageAnomalies.push({ file: place.file, line: place.line, ...(place.column ? { column: place.column } : {}), kind, message });
  const catalog = t.time('catalog', () => extractCatalog(documents, stageReport));
  const standards = t.time('standards', () => extractStandards(documents, stageReport));
  t.time('standards', () => linkStandards(catalog.certificates, standards.standards));
  const references = t.time('references', () => extractReferences(documents));
  const statuses = t.time('status', () => extractStatuses(documents, catalog.batches));
  // Corpus stages that report through the one message channel (until the orchestrator binds it to the files' VFiles).
  const timeline = t.time('events', () => extractEvents(documents, catalog.batches, stageReport, { sources: texts, totals: catalog.totals }));
  const money = t.time('fees', () => extractFees(documents, stageReport, { certificates: catalog.certificates, organizations: catalog.organizations }));
  const dictionary = buildDictionary({ documents, certificates: catalog.certificates, organizations: catalog.organizations, standards: standards.standards });
  const keywords = t.time('segment', () => extractKeywords(documents, dictionary));
  const reportStart = performance.now();

  const manifestOf = new Map<string, SourceManifestEntry>();
  for (const m of manifest) if (!manifestOf.has(m.file)) manifestOf.set(m.file, m);
  const report: IngestReport = { sources: [], anomalies: stageAnomalies };
  for (const [file, cov] of coverages) {
    const vf = files.get(file)!;
    for (const l of cov.unaccounted()) {
      vf.message(`此行未被任何文件、元数据或噪声规则收录：“${l.text.trim().slice(0, 40)}”`, { place: { line: l.n, column: 1 }, ruleId: 'unaccounted-line', source: 'emit' });
    }
    const c = cov.counts();
    const docIds = [...new Set((draftsOf.get(file) ?? []).map((d) => ids.get(d.key)!))];
    const fm = fronts.get(file) ?? null;
    const meta = manifestOf.get(file);
    const entry: SourceReport = {
      file,
      title: meta?.title ?? null,
      origin: meta?.origin ?? null,
      kind: meta?.kind ?? null,
      lines: cov.source.lines.length,
      nonBlankLines: c.nonBlank,
      coveredLines: c.covered,
      noise: c.noise,
      documents: docIds,
      compilation: fm && {
        title: fm.title,
        compiler: fm.compiler,
        date: fm.date,
        toc: fm.toc.map((t) => ({ title: t.title, page: t.page, line: t.line, document: t.target === null ? null : documentAt(file, t.target) })),
      },
    };
    report.sources.push(entry);
  }
  for (const vf of files.values()) {
    for (const m of vf.messages) {
      report.anomalies.push({ file: vf.basename!, line: m.line ?? 0, kind: m.ruleId ?? 'note', message: m.reason });
    }
  }
  report.anomalies.sort(compareAnomalies);
  t.add('report', performance.now() - reportStart);
  const checkStart = performance.now();
  // Everything written is checked against the schemas the site reads it with.
  Certificate.array().parse(catalog.certificates);
  Organization.array().parse(catalog.organizations);
  Batch.array().parse(catalog.batches);
  SkillStandard.array().parse(standards.standards);
  SkillRow.array().parse(standards.rows);
  IngestReportSchema.parse(report);
  ReferenceSchema.array().parse(references);
  DocumentStatusSchema.array().parse(statuses);
  DocumentKeywordsSchema.array().parse(keywords);
  TimelineEvent.array().parse(timeline.events);
  BatchStep.array().parse(timeline.steps);
  Fee.array().parse(money.fees);
  FeeRule.array().parse(money.rules);
  UnclassifiedFigure.array().parse(money.unclassified);
  t.add('schema-check', performance.now() - checkStart);
  t.report(options.onStage);
  return { documents, catalog, standards, references, statuses, keywords, timeline, fees: money, report };
}

/** The per-source stages over one source. */
function parseSource(vf: VFile, src: SourceInput, t: Timings): ParsedSource {
  let text: SourceText;
  try {
    text = t.time('read', () => readSource(vf, src.bytes));
  } catch (e) {
    const m = e as VFileMessage;
    throw new IngestError(src.file, m.line ?? null, m.reason ?? String(e));
  }
  const cov = new Coverage(text);
  t.time('noise', () => markNoise(cov));
  const { frontMatter, slices } = t.time('split', () => splitSource(vf, cov));
  const drafts = t.time('elements+structure', () => slices.map((slice, k) => structureDocument(vf, cov, slice, `${src.file}#${k}`)));
  const marks: Array<[number, Disposition]> = [];
  for (const l of text.lines) {
    const d = cov.get(l.n);
    if (d) marks.push([l.n, d]);
  }
  const messages = vf.messages.map((m): PlainMessage => ({
    reason: m.reason,
    line: m.line ?? null,
    column: m.column ?? null,
    ruleId: m.ruleId ?? null,
    source: m.source ?? null,
    fatal: m.fatal ?? null,
  }));
  return { source: text, marks, frontMatter, drafts, messages };
}

/** A message of a cached source, attached again as the stage attached it. */
function restoreMessage(vf: VFile, m: PlainMessage): void {
  const place = m.line === null ? undefined : { line: m.line, column: m.column ?? 1 };
  const opts = { ...(place ? { place } : {}), ...(m.ruleId !== null ? { ruleId: m.ruleId } : {}), ...(m.source !== null ? { source: m.source } : {}) };
  if (m.fatal === null) vf.info(m.reason, opts);
  else vf.message(m.reason, opts);
}

/** A certificate whose name is a standard's certificate name gets that standard. */
function linkStandards(certificates: Certificate[], standards: SkillStandard[]): void {
  const byName = new Map<string, Certificate>(); // name key → first certificate with it
  for (const c of certificates) {
    const k = nameKey(c.name);
    if (!byName.has(k)) byName.set(k, c);
  }
  for (const st of standards) {
    const cert = byName.get(nameKey(st.certificateName));
    if (cert) cert.standard = st.id;
  }
}

/** 国务院办公厅关于印发…的通知 → 国务院办公厅; a title with no issuer before 关于 gives none. */
function issuersFromTitle(title: string): string[] {
  const m = /^(.{2,40}?)关于/u.exec(title);
  if (!m || /[《“]/u.test(m[1]!)) return [];
  return m[1]!.split(/[\s\u3000]+/u).filter(Boolean);
}

function uniqueId(wanted: string, used: Set<string>, vf: VFile, line: number): string {
  let id = wanted;
  for (let k = 2; used.has(id); k++) id = `${wanted}-${k}`;
  if (id !== wanted) vf.message(`文件标识 ${wanted} 已被占用，本文件改用 ${id}`, { place: { line, column: 1 }, ruleId: 'duplicate-id', source: 'link' });
  return id;
}

function compareAnomalies(a: Anomaly, b: Anomaly): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.kind.localeCompare(b.kind) || a.message.localeCompare(b.message);
}
