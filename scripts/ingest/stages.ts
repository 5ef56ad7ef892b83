/**
 * THE PIPELINE — read this file first.
 *
 *   content/sources/*.txt|.md|.pdf
 *     ─► parser plugin: parse/text.ts (公文 text) | parse/markdown.ts (remark-parse + remark-gfm)
 *          | parse/pdf.ts (pdfjs-dist text items, read beforehand by readPdf: pdfjs is asynchronous)
 *          → a unist tree of `line` nodes with positions (parse/tree.ts)
 *     ─► SOURCE_STAGES, per source, transformers `(tree, file)` run by one unified processor:
 *          noise → split → elements → structure
 *     ─► CORPUS_STAGES, over the set of trees, in order:
 *          link → overrides → ids → catalog → standards → laws → references → status → events → fees
 *          → segment → pages → privacy
 *     ─► emit (pipeline.ts): the typed collections, and report.json built from the messages
 *
 * Every diagnostic is a vfile message with a rule id and a place (file:line:column): per-source
 * stages call `file.message(…)` on their VFile; corpus stages get a `Report` (diagnostics.ts) that
 * the orchestrator binds to the VFile of `place.file`. The orchestrator (pipeline.ts) only runs
 * these two lists — with the source cache and per-stage timings — and emits.
 *
 * Each entry is a small wrapper: the work is done by the stage's own module.
 */
import { type Processor, type Transformer, unified } from 'unified';
import type { VFile } from 'vfile';
import { certificateKey } from '../../src/lib/text/normalize.ts';
import type { LawHistoryEntry } from '../../src/schema/laws.ts';
import { extractCatalog, unlistedCertificate } from './catalog.ts';
import { type Corpus, collectionsOf } from './context.ts';
import { Coverage } from './coverage.ts';
import type { Report } from './diagnostics.ts';
import { documentElements } from './elements.ts';
import { extractEvents } from './events.ts';
import { extractFees } from './fees.ts';
import { readLaws, withLaw } from './laws/works.ts';
import { assignIds } from './ids.ts';
import { mergeVariants } from './link.ts';
import { markNoise } from './noise.ts';
import { applyOverrides } from './overrides.ts';
import { pageMaps, toPages } from './pages.ts';
import { markdownParser } from './parse/markdown.ts';
import { isPdf, pdfParser } from './parse/pdf.ts';
import { textParser } from './parse/text.ts';
import { type SourceRoot, documentNodes, lineNodes, linesOf } from './parse/tree.ts';
import { maskPersonal } from './privacy.ts';
import { extractReferences } from './references.ts';
import { buildDictionary, extractKeywords } from './segment.ts';
import { type FrontMatter, type Slice, splitSource } from './split.ts';
import { extractStandards } from './standards.ts';
import { structureDocument } from './structure.ts';
import { extractStatuses } from './status.ts';

/** What the per-source stages keep on the file between them (unified's `file.data`). */
declare module 'vfile' {
  interface DataMap {
    /** Where every line went (noise, metadata, a document); created by the first stage. */
    coverage: Coverage;
    /** split: a compilation's own front matter. */
    frontMatter: FrontMatter | null;
    /** split: each document's lines, in the order of the tree's document nodes. */
    slices: Slice[];
  }
}

export interface SourceStage {
  name: string;
  /** A unified transformer over one source's tree. */
  transform: (tree: SourceRoot, file: VFile) => void;
}

/** The per-source stages, in order. */
export const SOURCE_STAGES: SourceStage[] = [
  {
    // Page numbers, 此页无正文, duplicate mailto: lines: named noise (noise.ts).
    name: 'noise',
    transform: (tree, file) => markNoise(coverage(tree, file)),
  },
  {
    // One source → its documents (split.ts): each becomes a document node over its lines.
    name: 'split',
    transform: (tree, file) => {
      const { frontMatter, slices } = splitSource(file, coverage(tree, file));
      file.data.frontMatter = frontMatter;
      file.data.slices = slices;
      groupDocuments(tree, slices, file.basename!);
    },
  },
  {
    // Each document's parts (GB/T 9704): 发文机关, 文号, 标题, 主送, 附件说明, 署名, 成文日期, 抄送, the
    // document a 印发 notice carries, 附件 (elements.ts); the lines that print them are the document's metadata.
    name: 'elements',
    transform: (tree, file) => {
      const slices = file.data.slices ?? [];
      documentNodes(tree).forEach((doc, k) => {
        doc.data.elements = documentElements(file, coverage(tree, file), slices[k]!);
      });
    },
  },
  {
    // Each document's text, enclosure and attachments → paragraphs, numbering and tables as its clause
    // tree, every clause, row and cell with its position (structure.ts).
    name: 'structure',
    transform: (tree, file) => {
      const slices = file.data.slices ?? [];
      documentNodes(tree).forEach((doc, k) => {
        doc.data.draft = structureDocument(file, coverage(tree, file), slices[k]!, doc.data.key, doc.data.elements!);
      });
    },
  },
];

/** The processor of one source: its parser (by file extension), then the per-source stages. */
export function sourceProcessor(file: string, time: <T>(stage: string, f: () => T) => T = (_s, f) => f()): Processor<SourceRoot, SourceRoot, SourceRoot> {
  const parser = isPdf(file) ? pdfParser : /\.md$/iu.test(file) ? markdownParser : textParser;
  let p = unified().use(function timedParser(this: Processor) {
    parser.call(this);
    const parse = (this as unknown as { parser: (doc: string, f: VFile) => SourceRoot }).parser;
    (this as unknown as { parser: (doc: string, f: VFile) => SourceRoot }).parser = (doc, f) => time('parse', () => parse(doc, f));
  }) as unknown as Processor<SourceRoot, SourceRoot, SourceRoot>;
  for (const stage of SOURCE_STAGES) {
    const plugin = (): Transformer<SourceRoot, SourceRoot> => (tree, f) => time(stage.name, () => stage.transform(tree, f));
    Object.defineProperty(plugin, 'name', { value: stage.name });
    p = p.use(plugin) as unknown as Processor<SourceRoot, SourceRoot, SourceRoot>;
  }
  return p;
}

export interface CorpusStage {
  name: string;
  run: (corpus: Corpus, report: Report) => void;
}

/** The corpus-wide stages, in order. */
export const CORPUS_STAGES: CorpusStage[] = [
  {
    // One document found in several sources → one document with variants; disagreements reported (link.ts).
    name: 'link',
    run: (c, report) => void (c.merged = mergeVariants(c.drafts, report)),
  },
  {
    // Decisions a person wrote down in content/overrides/*.yaml (overrides.ts).
    name: 'overrides',
    run: (c, report) => void (c.overridden = applyOverrides(c.merged, c.overrides, report)),
  },
  {
    // Stable ids from 文号 or date + title; the typed documents; misprinted 机关代字 (ids.ts).
    name: 'ids',
    run: (c, report) => void Object.assign(c, assignIds(c.overridden, report)),
  },
  {
    // Certificates, organisations, batches, stated totals (catalog.ts).
    name: 'catalog',
    run: (c, report) => void (c.catalog = extractCatalog(c.documents, report)),
  },
  {
    // Skill standards and their rows; a certificate gets the standard of its name (standards.ts).
    name: 'standards',
    run: (c, report) => {
      c.standards = extractStandards(c.documents, report);
      linkStandards(c, report);
    },
  },
  {
    // Laws and regulations as works with versions: history, 施行, version, status (laws/works.ts); works.json.
    name: 'laws',
    run: (c, report) => applyLaws(c, report),
  },
  {
    // What each document cites; a law by name, the version in force at the citing date (references.ts).
    name: 'references',
    run: (c) => void (c.references = extractReferences(c.documents, c.works)),
  },
  {
    // What the texts say about each document's standing (status.ts).
    name: 'status',
    run: (c) => void (c.statuses = extractStatuses(c.documents, c.catalog.batches)),
  },
  {
    // Dated events and batch steps (events.ts).
    name: 'events',
    run: (c, report) => void (c.timeline = extractEvents(c.documents, c.catalog.batches, report, { totals: c.catalog.totals })),
  },
  {
    // Money figures, the mixed-exam rule, figures left unclassified (fees.ts).
    name: 'fees',
    run: (c, report) => void (c.fees = extractFees(c.documents, report, { certificates: c.catalog.certificates, organizations: c.catalog.organizations })),
  },
  {
    // Keywords per document and related documents, with the corpus's own dictionary (segment.ts; loads nodejieba).
    name: 'segment',
    run: (c) => {
      const dictionary = buildDictionary({ documents: c.documents, certificates: c.catalog.certificates, organizations: c.catalog.organizations, standards: c.standards.standards });
      c.keywords = extractKeywords(c.documents, dictionary);
    },
  },
  {
    // PDF sources: every place pointing into one, from the global line to { page, line within the page } (pages.ts).
    name: 'pages',
    run: (c) => {
      const maps = pageMaps(c.sources);
      if (maps.size > 0) Object.assign(c, toPages(collectionsOf(c), maps));
    },
  },
  {
    // Personal mobile and bank numbers masked in everything written, messages too (privacy.ts), unless published.
    name: 'privacy',
    run: (c) => maskCorpus(c),
  },
];

/** The lines of a tree, tracked for coverage: created when a stage first asks. */
function coverage(tree: SourceRoot, file: VFile): Coverage {
  file.data.coverage ??= new Coverage({ file: file.basename!, lines: linesOf(tree) });
  return file.data.coverage;
}

/** Each slice's lines (first to last, blank and noise lines between them included) under a document node. */
function groupDocuments(tree: SourceRoot, slices: Slice[], file: string): void {
  const lines = lineNodes(tree);
  const children: SourceRoot['children'] = [];
  let i = 0;
  slices.forEach((slice, k) => {
    const from = slice.lines[0]!.n;
    const to = slice.lines.at(-1)!.n;
    while (i < lines.length && lines[i]!.position.start.line < from) children.push(lines[i++]!);
    const own = [];
    while (i < lines.length && lines[i]!.position.start.line <= to) own.push(lines[i++]!);
    children.push({
      type: 'document',
      children: own,
      position: { start: own[0]!.position.start, end: own.at(-1)!.position.end },
      data: { key: `${file}#${k}`, tocTitle: slice.tocTitle },
    });
  });
  while (i < lines.length) children.push(lines[i++]!);
  tree.children = children;
}

/**
 * A certificate whose name is a standard's certificate name gets that standard. A standard whose certificate
 * is in no list of the corpus gets a certificate of its own, flagged `listed: false` (catalog.ts).
 */
function linkStandards(c: Corpus, report: Report): void {
  const byName = new Map<string, (typeof c.catalog.certificates)[number]>(); // name key → first certificate with it
  for (const cert of c.catalog.certificates) {
    const k = certificateKey(cert.name);
    if (!byName.has(k)) byName.set(k, cert);
  }
  for (const st of c.standards.standards) {
    const k = certificateKey(st.certificateName);
    const cert = byName.get(k);
    if (cert?.standard && cert.standard !== st.id) {
      // The same certificate's standard in a second source (its PDF beside its text, say): the first keeps the page.
      report(st.source, 'duplicate-standard', `证书“${cert.name}”已有标准 ${cert.standard}；《${st.title}》（${st.id}）另列为标准，不替换证书页所示标准`);
    } else if (cert) cert.standard = st.id;
    else {
      const own = unlistedCertificate(st, new Set(c.catalog.certificates.map((x) => x.id)));
      c.catalog.certificates.push(own);
      byName.set(k, own);
      report(st.source, 'unlisted-certificate', `“${own.fullName}”未见于本库所收名单：按其标准《${st.title}》建立证书页（${own.id}）`);
    }
  }
}

/** The laws stage: each law document's `law`, and the works (the header histories come from the elements stage). */
function applyLaws(c: Corpus, report: Report): void {
  const headers = new Map<string, LawHistoryEntry[]>();
  for (const { merged } of c.overridden) headers.set(c.ids.get(merged.primary.key)!, merged.primary.elements.lawHistory ?? []);
  const { versions, works, notes } = readLaws({ documents: c.documents, headers, asOf: c.asOf });
  for (const n of notes) report(n.place, n.rule, n.message);
  c.documents = c.documents.map((d) => (versions.has(d.id) ? withLaw(d, versions.get(d.id)!) : d));
  c.works = works;
}

/** The privacy stage over the corpus: every collection, every message and every source's front matter. */
function maskCorpus(c: Corpus): void {
  if (!c.privacy.mask) return;
  const messages = [...c.files.values()].flatMap((f) => f.messages);
  const sources = [...c.sources];
  const { result, counts, distinct } = maskPersonal({ collections: collectionsOf(c), fronts: sources.map(([, p]) => p.frontMatter), reasons: messages.map((m) => m.reason) });
  Object.assign(c, result.collections);
  sources.forEach(([file, p], k) => c.sources.set(file, { ...p, frontMatter: result.fronts[k]! }));
  messages.forEach((m, k) => {
    m.reason = result.reasons[k]!;
    m.message = result.reasons[k]!;
  });
  c.privacy.masked = { counts, distinct };
}
