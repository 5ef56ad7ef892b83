/** Runs the real ingest over content/sources once per test file, as `npm run ingest` would. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { OverrideFile, type PolicyDocument, SourceManifestEntry } from '../../src/schema/corpus.ts';
import { type IngestResult, type SourceInput, ingest } from '../../scripts/ingest/pipeline.ts';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SOURCES = join(ROOT, 'content', 'sources');
export const OVERRIDES = join(ROOT, 'content', 'overrides');

export function realSources(): SourceInput[] {
  return readdirSync(SOURCES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, bytes: readFileSync(join(SOURCES, file)) }));
}

export function realOverrides() {
  return readdirSync(OVERRIDES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, data: OverrideFile.parse(parseYaml(readFileSync(join(OVERRIDES, file), 'utf8'))) }));
}

let cached: IngestResult | null = null;
export function realCorpus(): IngestResult {
  cached ??= ingest(realSources(), realOverrides(), SourceManifestEntry.array().parse(parseYaml(readFileSync(join(SOURCES, 'sources.yaml'), 'utf8'))));
  return cached;
}

export function doc(id: string): PolicyDocument {
  const d = realCorpus().documents.find((x) => x.id === id);
  if (!d) throw new Error(`no document ${id}`);
  return d;
}

/** Ingest small inline sources (fixtures) with no overrides. */
export function ingestText(files: Record<string, string>): IngestResult {
  return ingest(Object.entries(files).map(([file, text]) => ({ file, bytes: new TextEncoder().encode(text) })));
}
