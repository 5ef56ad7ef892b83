/**
 * The real corpus and inline fixtures for ingest tests.
 *
 * realCorpus() runs the real ingest over content/sources in process, as `npm run ingest` would
 * (without writing), once per worker: vitest.config.ts runs test files one after another in the
 * same fork without reloading modules, so every file of a worker reads the same result. It is
 * deep-frozen: a test that changed it would throw instead of changing what later files see
 * (copy with structuredClone to edit).
 */
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

/** Freezes an object graph in place (Maps and Sets are frozen as objects: their entries stay writable). */
function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value) || ArrayBuffer.isView(value)) return value;
  seen.add(value);
  for (const v of Object.values(value)) deepFreeze(v, seen);
  if (value instanceof Map) for (const [k, v] of value) (deepFreeze(k, seen), deepFreeze(v, seen));
  if (value instanceof Set) for (const v of value) deepFreeze(v, seen);
  return Object.freeze(value);
}

let cached: IngestResult | null = null;
/** The real sources and overrides through the whole ingest, once per worker; read-only. */
export function realCorpus(): IngestResult {
  cached ??= deepFreeze(ingest(realSources(), realOverrides(), SourceManifestEntry.array().parse(parseYaml(readFileSync(join(SOURCES, 'sources.yaml'), 'utf8')))));
  return cached;
}

export function doc(id: string): PolicyDocument {
  const d = realCorpus().documents.find((x) => x.id === id);
  if (!d) throw new Error(`no document ${id}`);
  return d;
}

/** Ingest small inline sources (fixtures) with no overrides. */
export function ingestText(files: Record<string, string>, options: { until?: string } = {}): IngestResult {
  return ingest(Object.entries(files).map(([file, text]) => ({ file, bytes: new TextEncoder().encode(text) })), [], [], options);
}

/** A one-paragraph document (source x.txt, text on line 2) for stage tests that start from typed documents. */
export function paragraphDoc(text: string, fields: Partial<PolicyDocument> = {}): PolicyDocument {
  return {
    id: 'x',
    title: '关于某事的通知',
    enclosedTitle: null,
    docNumber: null,
    issuers: [],
    date: '2021-03-01',
    dateSource: null,
    kind: '通知',
    addressees: [],
    attachments: [],
    copiedTo: [],
    source: [{ file: 'x.txt', startLine: 1, endLine: 3 }],
    variants: [],
    overrides: [],
    law: null,
    clauses: [
      {
        anchor: 'p1',
        kind: 'paragraph',
        label: null,
        heading: null,
        text,
        source: { file: 'x.txt', line: 2 },
        position: { start: { line: 2, column: 1 }, end: { line: 2, column: text.length + 1 } },
        lineStarts: [[0, 2, 1]],
        children: [],
      },
    ],
    ...fields,
  };
}

/** The five real sources by their number. */
export const C000 = '000_44d53e97b2e1de92.txt';
export const C001 = '001_614f8415cb5dd7e9.txt';
export const C002 = '002_639c99f2059b9d6f.txt';
export const C003 = '003_06cb2281395e9f18.txt';
export const C004 = '004_eb59026145488a15.txt';

/** A real source's lines as the file holds them (index 0 is line 1). */
export function rawLines(file: string): string[] {
  return readFileSync(join(SOURCES, file), 'utf8').split(/\r?\n/u);
}
