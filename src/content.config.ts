/**
 * Content collections: the generated corpus and the ingest report, validated
 * against the same schemas ingest writes them with (src/schema/corpus.ts).
 * Pages read data only through these collections.
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { IngestReport, PolicyDocument } from './schema/corpus.ts';

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

export const collections = { documents, report };
