/**
 * Content collections: the generated corpus and the ingest report, validated
 * against the same schemas ingest writes them with (src/schema/corpus.ts).
 * Pages read data only through these collections.
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { IngestReport, PolicyDocument } from './schema/corpus.ts';
import { Batch, Certificate, Organization, StatedTotal } from './schema/catalog.ts';
import { SkillRow, SkillStandard } from './schema/skills.ts';
import { BatchStep, Fee, FeeRule, TimelineEvent, UnclassifiedFigure } from './schema/timeline.ts';

const documents = defineCollection({
  loader: file('content/generated/documents.json'),
  schema: PolicyDocument,
});

/** The report is one object; it becomes the single entry `report`. */
const report = defineCollection({
  loader: file('content/generated/report.json', {
    parser: (text) => ({ report: JSON.parse(text) as Record<string, unknown> }),
  }),
  schema: IngestReport,
});

/* ---------- catalog and skill standards (issue 3) ---------- */

const certificates = defineCollection({ loader: file('content/generated/certificates.json'), schema: Certificate });
const organizations = defineCollection({ loader: file('content/generated/organizations.json'), schema: Organization });
const batches = defineCollection({ loader: file('content/generated/batches.json'), schema: Batch });
const standards = defineCollection({ loader: file('content/generated/standards.json'), schema: SkillStandard });

/** Stated totals have no id of their own: document, clause and what is counted identify one. */
const totals = defineCollection({
  loader: file('content/generated/totals.json', {
    parser: (text) =>
      (JSON.parse(text) as { document: string; anchor: string; of: string }[]).map((t) => ({ ...t, id: `${t.document}/${t.anchor}/${t.of}` })),
  }),
  schema: StatedTotal,
});

/** A skill's anchor is unique only within its standard: the entry id is `standard/anchor` (`web-qdkf/2-3-4-S5`). */
const skills = defineCollection({
  loader: file('content/generated/skills.json', {
    parser: (text) =>
      (JSON.parse(text) as { standard: string; anchor: string }[]).map((r) => ({ ...r, id: `${r.standard}/${r.anchor}` })),
  }),
  schema: SkillRow,
});

/* ---------- timeline and fees (issue 5) ---------- */

const events = defineCollection({ loader: file('content/generated/events.json'), schema: TimelineEvent });
const batchSteps = defineCollection({ loader: file('content/generated/batch-steps.json'), schema: BatchStep });
const fees = defineCollection({ loader: file('content/generated/fees.json'), schema: Fee });
const feeRules = defineCollection({ loader: file('content/generated/fee-rules.json'), schema: FeeRule });
const feeUnclassified = defineCollection({ loader: file('content/generated/fee-unclassified.json'), schema: UnclassifiedFigure });

export const collections = {
  documents,
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
};
