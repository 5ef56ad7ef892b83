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
  type Clause,
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
import { nameKey } from './catalog/names.ts';
import { Coverage } from './coverage.ts';
import { extractEvents } from './events.ts';
import { extractFees } from './fees.ts';
import { type DocElements, type Part, readElements } from './elements.ts';
import { differences, mergeVariants } from './link.ts';
import { markNoise } from './noise.ts';
import { applyOverrides } from './overrides.ts';
import { readSource } from './read.ts';
import { extractReferences } from './references.ts';
import { extractStatuses } from './status.ts';
import { type FrontMatter, type Slice, splitSource } from './split.ts';
import { type StandardsResult, extractStandards } from './standards.ts';
import { toBlocks, toClauses, wrapWidth } from './structure.ts';
import { idFromDocNumber, initials, parseDocNumber } from './text/docnumber.ts';
import { kindOfTitle } from './text/titles.ts';

export interface SourceInput {
  file: string;
  bytes: Uint8Array;
}

export interface OverrideInput {
  file: string;
  data: OverrideFile;
}

/** One document as read from one source, before variants are merged. */
export interface Draft {
  file: string;
  startLine: number;
  endLine: number;
  elements: DocElements;
  clauses: Clause[];
  /** Provisional id (from this source alone), used to mark coverage. */
  key: string;
}

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

export function ingest(sources: SourceInput[], overrides: OverrideInput[] = [], manifest: SourceManifestEntry[] = []): IngestResult {
  const files = new Map<string, VFile>();
  const coverages = new Map<string, Coverage>();
  const fronts = new Map<string, FrontMatter | null>();
  const drafts: Draft[] = [];

  for (const src of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
    const vf = new VFile({ path: src.file });
    files.set(src.file, vf);
    let text;
    try {
      text = readSource(vf, src.bytes);
    } catch (e) {
      const m = e as VFileMessage;
      throw new IngestError(src.file, m.line ?? null, m.reason ?? String(e));
    }
    const cov = new Coverage(text);
    coverages.set(src.file, cov);
    markNoise(cov);
    const { frontMatter, slices } = splitSource(vf, cov);
    fronts.set(src.file, frontMatter);
    slices.forEach((slice, k) => drafts.push(draftOf(vf, cov, slice, `${src.file}#${k}`)));
  }

  const merged = mergeVariants(drafts, files);
  const documents: PolicyDocument[] = [];
  const ids = new Map<string, string>(); // draft key → final id
  const applied = applyOverrides(merged, overrides, files);

  for (const { merged: m, fields, records } of applied) {
    const { primary, others } = m;
    const e = primary.elements;
    const docNumber = (fields.docNumber as string | null | undefined) ?? e.docNumber?.text ?? null;
    const date = (fields.date as string | null | undefined) ?? e.date;
    const title = (fields.title as string | undefined) ?? e.title;
    const parsed = docNumber ? parseDocNumber(docNumber) : null;
    const id = uniqueId((fields.id as string | undefined) ?? (parsed ? idFromDocNumber(parsed) : `${date ?? 'undated'}-${initials(title).slice(0, 20) || 'doc'}`), ids, files.get(primary.file)!, primary.startLine);
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
        differences: d === primary ? [] : differences(primary.clauses, d.clauses),
      })),
      overrides: records,
      clauses: primary.clauses,
    };
    documents.push(PolicyDocumentSchema.parse(doc));
  }

  /** The id of the document whose lines include `line` of `file`. */
  const documentAt = (file: string, line: number): string | null => {
    const d = drafts.find((x) => x.file === file && x.startLine <= line && line <= x.endLine);
    return d ? ids.get(d.key)! : null;
  };

  // Downstream stages read the typed documents; the source texts only let them point at an exact line.
  const texts = Object.fromEntries([...coverages].map(([file, cov]) => [file, cov.source.lines.map((l) => l.text).join('\n')]));
  const { anomalies: catalogAnomalies, ...catalog } = extractCatalog(documents, { sources: texts });
  const { anomalies: standardAnomalies, ...standards } = extractStandards(documents);
  linkStandards(catalog.certificates, standards.standards);
  const references = extractReferences(documents);
  const statuses = extractStatuses(documents, catalog.batches);
  const { anomalies: eventAnomalies, ...timeline } = extractEvents(documents, catalog.batches, { sources: texts, totals: catalog.totals });
  const { anomalies: feeAnomalies, ...money } = extractFees(documents, { sources: texts, certificates: catalog.certificates, organizations: catalog.organizations });

  const report: IngestReport = { sources: [], anomalies: [...catalogAnomalies, ...standardAnomalies, ...eventAnomalies, ...feeAnomalies] };
  for (const [file, cov] of coverages) {
    const vf = files.get(file)!;
    for (const l of cov.unaccounted()) {
      vf.message(`此行未被任何文件、元数据或噪声规则收录：“${l.text.trim().slice(0, 40)}”`, { place: { line: l.n, column: 1 }, ruleId: 'unaccounted-line', source: 'emit' });
    }
    const c = cov.counts();
    const docIds = [...new Set(drafts.filter((d) => d.file === file).map((d) => ids.get(d.key)!))];
    const fm = fronts.get(file) ?? null;
    const meta = manifest.find((m) => m.file === file);
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
  // Everything written is checked against the schemas the site reads it with.
  Certificate.array().parse(catalog.certificates);
  Organization.array().parse(catalog.organizations);
  Batch.array().parse(catalog.batches);
  SkillStandard.array().parse(standards.standards);
  SkillRow.array().parse(standards.rows);
  IngestReportSchema.parse(report);
  ReferenceSchema.array().parse(references);
  DocumentStatusSchema.array().parse(statuses);
  TimelineEvent.array().parse(timeline.events);
  BatchStep.array().parse(timeline.steps);
  Fee.array().parse(money.fees);
  FeeRule.array().parse(money.rules);
  UnclassifiedFigure.array().parse(money.unclassified);
  return { documents, catalog, standards, references, statuses, timeline, fees: money, report };
}

function draftOf(vf: VFile, cov: Coverage, slice: Slice, key: string): Draft {
  const el = readElements(vf, slice);
  const meta = (lines: { n: number }[], what: string) => lines.forEach((l) => cov.mark(l.n, { as: 'metadata', what }));
  meta(el.masthead, 'masthead');
  meta(el.titleLines, 'title');
  meta(el.docNumberLines, 'doc-number');
  meta(el.addresseeLines, 'addressees');
  meta(el.attachmentNoteLines, 'attachment-note');
  meta(el.signatureLines, 'signature');
  meta(el.dateLines, 'date');
  meta(el.copiedToLines, 'copied-to');

  const width = wrapWidth(slice.lines);
  const used = new Set<string>();
  const clauses: Clause[] = toClauses(vf, toBlocks([...el.body, ...el.trailing], width, cov, key), { numbered: '', plain: '' }, used);
  const partClause = (p: Part, anchor: string, kind: 'enclosure' | 'attachment', scope: { numbered: string; plain: string }): Clause => {
    meta(p.headLines, kind);
    used.add(anchor);
    return {
      anchor,
      kind,
      label: p.label,
      heading: p.title,
      text: '',
      source: { file: vf.basename!, line: p.line },
      children: toClauses(vf, toBlocks(p.lines, width, cov, key), scope, used),
    };
  };
  if (el.enclosure) clauses.push(partClause(el.enclosure, 'e', 'enclosure', { numbered: '', plain: 'e-' }));
  el.attachments.forEach((a, k) => {
    const n = /(\d+(?:-\d+)?)$/u.exec(a.label ?? '')?.[1] ?? String(k + 1);
    const base = a.label?.startsWith('附表') ? `at${n}` : `a${n}`;
    let anchor = base;
    for (let j = 2; used.has(anchor); j++) anchor = `${base}-${j}`;
    clauses.push(partClause(a, anchor, 'attachment', { numbered: `${anchor}-`, plain: `${anchor}-` }));
  });
  return { file: vf.basename!, startLine: slice.lines[0]!.n, endLine: slice.lines.at(-1)!.n, elements: el, clauses, key };
}

/** A certificate whose name is a standard's certificate name gets that standard. */
function linkStandards(certificates: Certificate[], standards: SkillStandard[]): void {
  for (const st of standards) {
    const cert = certificates.find((c) => nameKey(c.name) === nameKey(st.certificateName));
    if (cert) cert.standard = st.id;
  }
}

/** 国务院办公厅关于印发…的通知 → 国务院办公厅; a title with no issuer before 关于 gives none. */
function issuersFromTitle(title: string): string[] {
  const m = /^(.{2,40}?)关于/u.exec(title);
  if (!m || /[《“]/u.test(m[1]!)) return [];
  return m[1]!.split(/[\s\u3000]+/u).filter(Boolean);
}

function uniqueId(wanted: string, taken: Map<string, string>, vf: VFile, line: number): string {
  const used = new Set(taken.values());
  let id = wanted;
  for (let k = 2; used.has(id); k++) id = `${wanted}-${k}`;
  if (id !== wanted) vf.message(`文件标识 ${wanted} 已被占用，本文件改用 ${id}`, { place: { line, column: 1 }, ruleId: 'duplicate-id', source: 'link' });
  return id;
}

function compareAnomalies(a: Anomaly, b: Anomaly): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.kind.localeCompare(b.kind) || a.message.localeCompare(b.message);
}
