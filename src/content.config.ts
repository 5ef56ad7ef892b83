/**
 * Content collections: the generated corpus and the ingest report, validated
 * against the same schemas ingest writes them with (src/schema/corpus.ts).
 * Pages read data only through these collections.
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';
import { IngestReport, PolicyDocument } from './schema/corpus.ts';
import { Batch, Certificate, Organization, StatedTotal } from './schema/catalog.ts';
import { SkillRow, SkillStandard } from './schema/skills.ts';
import { BatchStep, Fee, FeeRule, TimelineEvent, UnclassifiedFigure } from './schema/timeline.ts';
import { DocumentKeywords } from './schema/keywords.ts';
import { Reference } from './schema/references.ts';
import { DocumentStatus } from './schema/status.ts';
import { LawWork } from './schema/laws.ts';

/**
 * getCollection returns entries sorted by id, not in the file's order (source order for documents,
 * tree order for skill rows). Each entry of a list keeps its place as `fileOrder`, so the open data
 * (/data/) can serve a collection in the order ingest wrote it (src/lib/open-data.ts inFileOrder).
 */
const fileOrder = { fileOrder: z.number().int().nonnegative() };
function ordered(path: string, idOf?: (row: Record<string, unknown>) => string) {
  return file(path, {
    parser: (text) =>
      (JSON.parse(text) as Record<string, unknown>[]).map((row, n) => ({ ...row, ...(idOf ? { id: idOf(row) } : {}), fileOrder: n })),
  });
}

const documents = defineCollection({
  loader: ordered('content/generated/documents.json'),
  schema: PolicyDocument.extend(fileOrder),
});

/** The report is one object; it becomes the single entry `report`. */
const report = defineCollection({
  loader: file('content/generated/report.json', {
    parser: (text) => ({ report: JSON.parse(text) as Record<string, unknown> }),
  }),
  schema: IngestReport,
});

/* ---------- catalog and skill standards (issue 3) ---------- */

const certificates = defineCollection({ loader: ordered('content/generated/certificates.json'), schema: Certificate.extend(fileOrder) });
const organizations = defineCollection({ loader: ordered('content/generated/organizations.json'), schema: Organization.extend(fileOrder) });
const batches = defineCollection({ loader: ordered('content/generated/batches.json'), schema: Batch.extend(fileOrder) });
const standards = defineCollection({ loader: ordered('content/generated/standards.json'), schema: SkillStandard.extend(fileOrder) });

/** Stated totals have no id of their own: document, clause and what is counted identify one. */
const totals = defineCollection({
  loader: ordered('content/generated/totals.json', (t) => `${t.document}/${t.anchor}/${t.of}`),
  schema: StatedTotal.extend(fileOrder),
});

/** A skill's anchor is unique only within its standard: the entry id is `standard/anchor` (`web-qdkf/2-3-4-S5`). */
const skills = defineCollection({
  loader: ordered('content/generated/skills.json', (r) => `${r.standard}/${r.anchor}`),
  schema: SkillRow.extend(fileOrder),
});

/* ---------- timeline and fees (issue 5) ---------- */

const events = defineCollection({ loader: ordered('content/generated/events.json'), schema: TimelineEvent.extend(fileOrder) });
const batchSteps = defineCollection({ loader: ordered('content/generated/batch-steps.json'), schema: BatchStep.extend(fileOrder) });
const fees = defineCollection({ loader: ordered('content/generated/fees.json'), schema: Fee.extend(fileOrder) });
const feeRules = defineCollection({ loader: ordered('content/generated/fee-rules.json'), schema: FeeRule.extend(fileOrder) });
const feeUnclassified = defineCollection({ loader: ordered('content/generated/fee-unclassified.json'), schema: UnclassifiedFigure.extend(fileOrder) });

/* ---------- references and statuses (issue 8) ---------- */

/** Laws as works with versions (issue 16): one entry per work (id = work id, `zhrmghgzyjyf`). */
const works = defineCollection({ loader: ordered('content/generated/works.json'), schema: LawWork.extend(fileOrder) });
const references = defineCollection({ loader: ordered('content/generated/references.json'), schema: Reference.extend(fileOrder) });
const statuses = defineCollection({ loader: ordered('content/generated/statuses.json'), schema: DocumentStatus.extend(fileOrder) });
/** Keywords and related documents, one entry per document (id = document id). */
const keywords = defineCollection({ loader: ordered('content/generated/keywords.json'), schema: DocumentKeywords.extend(fileOrder) });

export const collections = {
  documents,
  works,
  report,
  certificates,
  organizations,
  batches,
  totals,
  standards,
  skills,
  events,
  batchSteps,
  fees,
  feeRules,
  feeUnclassified,
  references,
  statuses,
  keywords,
};
