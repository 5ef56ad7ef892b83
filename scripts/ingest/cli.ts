/**
 * `npm run ingest -- [--sources DIR] [--out DIR] [--overrides DIR] [--timings] [--verbose] [--no-cache] [--cache DIR]`
 *
 * Reads every .txt/.md/.pdf source (a PDF's text layer through pdfjs-dist, parse/pdf.ts), the manifest and the overrides, runs the pipeline (the stage
 * lists of stages.ts, privacy masking last) and writes the collections and report.json.
 * Output is written to a temporary folder and
 * swapped in whole, so a failed run never leaves a half-written corpus.
 *
 * A source whose bytes are unchanged since an earlier run is not parsed again: the
 * per-source stages' result is kept in `.cache/ingest/` (see source-cache.ts). `--timings`
 * prints the time of each stage; `--verbose` says how many sources came from the cache.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { OverrideFile, SourceManifestEntry } from '../../src/schema/corpus.ts';
import { publishPersonal } from './privacy.ts';
import { skillsCsv } from './skills-csv.ts';
import { IngestError, type OverrideInput, type SourceInput, ingest, readPdfSources } from './pipeline.ts';
import { isPdf } from './parse/pdf.ts';
import { DiskSourceCache } from './source-cache.ts';

const SOURCE_EXT = /\.(txt|md|pdf)$/iu;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sources: { type: 'string', default: 'content/sources' },
      overrides: { type: 'string', default: 'content/overrides' },
      out: { type: 'string', default: 'content/generated' },
      'publish-personal': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      timings: { type: 'boolean', default: false },
      cache: { type: 'string', default: '.cache/ingest' },
      'no-cache': { type: 'boolean', default: false },
    },
  });
  const sourcesDir = resolve(values.sources!);
  const outDir = resolve(values.out!);
  if (!existsSync(sourcesDir)) return fail(`${values.sources}: no such folder`);

  const files: SourceInput[] = readdirSync(sourcesDir)
    .filter((f) => SOURCE_EXT.test(f))
    .sort()
    .map((f) => {
      try {
        return { file: f, bytes: readFileSync(join(sourcesDir, f)) };
      } catch (e) {
        throw new IngestError(f, null, `cannot read: ${(e as Error).message}`);
      }
    });
  const manifestPath = join(sourcesDir, 'sources.yaml');
  const manifest = existsSync(manifestPath) ? readYaml(manifestPath, SourceManifestEntry.array()) : [];
  const overridesDir = resolve(values.overrides!);
  const overrides: OverrideInput[] = existsSync(overridesDir)
    ? readdirSync(overridesDir)
        .filter((f) => /\.ya?ml$/u.test(f))
        .sort()
        .map((f) => ({ file: f, data: readYaml(join(overridesDir, f), OverrideFile) }))
    : [];

  const stages: Array<[string, number]> = [];
  const t0 = performance.now();
  const cache = values['no-cache'] ? undefined : new DiskSourceCache(resolve(values.cache!));
  // A PDF's text layer is read first (pdfjs is asynchronous); an encrypted or corrupt one stops here, nothing written.
  const readStart = performance.now();
  const sources = await readPdfSources(files, cache);
  if (files.some((f) => isPdf(f.file))) stages.push(['read-pdf', performance.now() - readStart]);
  // Personal mobile and bank numbers are masked in everything written (the privacy stage), unless the build publishes them.
  const { documents, catalog, standards, works, references, statuses, keywords, timeline, fees, report, privacy } = ingest(sources, overrides, manifest, {
    cache,
    maskPersonal: !publishPersonal(values['publish-personal']),
    onStage: (stage, ms) => stages.push([stage, ms]),
    onCache: ({ cached, total }) => {
      if (values.verbose) console.log(`ingest: cached ${cached}/${total} sources`);
    },
  });
  const pipelineMs = performance.now() - t0;
  const writeStart = performance.now();

  // Write next to the target, then swap: readers never see a partial folder.
  const tmp = join(dirname(outDir), `.${basename(outDir)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const outputs: Record<string, unknown> = {
    'documents.json': documents,
    'certificates.json': catalog.certificates,
    'organizations.json': catalog.organizations,
    'batches.json': catalog.batches,
    'totals.json': catalog.totals,
    'standards.json': standards.standards,
    'skills.json': standards.rows,
    'works.json': works,
    'references.json': references,
    'statuses.json': statuses,
    'keywords.json': keywords,
    'events.json': timeline.events,
    'batch-steps.json': timeline.steps,
    'fees.json': fees.fees,
    'fee-rules.json': fees.rules,
    'fee-unclassified.json': fees.unclassified,
    'report.json': report,
  };
  for (const [name, data] of Object.entries(outputs)) writeFileSync(join(tmp, name), `${JSON.stringify(data, null, 2)}\n`);
  writeFileSync(join(tmp, 'skills.csv'), skillsCsv(standards.rows));
  const old = join(dirname(outDir), `.${basename(outDir)}.old-${process.pid}`);
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(tmp, outDir);
  rmSync(old, { recursive: true, force: true });
  const writeMs = performance.now() - writeStart;

  if (!values.quiet) {
    // A PDF's line is counted within its page: file（第 N 页）:line.
    for (const a of report.anomalies) console.warn(`${a.file}${a.page ? `（第 ${a.page} 页）` : ''}:${a.line}: ${a.message} [${a.kind}]`);
  }
  const covered = report.sources.reduce((s, r) => s + r.coveredLines, 0);
  const nonBlank = report.sources.reduce((s, r) => s + r.nonBlankLines, 0);
  console.log(
    `ingest: ${sources.length} sources, ${documents.length} documents, ${covered}/${nonBlank} non-blank lines accounted for, ${report.anomalies.length} anomalies → ${values.out}`,
  );
  if (!values.quiet) {
    console.log(
      privacy
        ? `ingest: ${privacy.distinct} personal numbers masked (${privacy.counts.mobile} mobile, ${privacy.counts.bank} bank, ${privacy.counts.idCard} ID-card occurrences); --publish-personal or PUBLISH_PERSONAL=1 publishes them`
        : 'ingest: personal numbers published (--publish-personal)',
    );
  }
  if (values.timings) {
    const rows: Array<[string, number]> = [...stages, ['(pipeline total)', pipelineMs], ['write', writeMs]];
    console.log('ingest timings (ms):');
    for (const [stage, ms] of rows) console.log(`  ${stage.padEnd(20)} ${ms.toFixed(1).padStart(10)}`);
  }
  return 0;
}

/** A YAML file checked against its schema; a mistake names the file and the field. */
function readYaml<T>(path: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8')) ?? [];
  } catch (e) {
    const line = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? null;
    throw new IngestError(basename(path), line, `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const r = schema.safeParse(data);
  if (!r.success) throw new IngestError(basename(path), null, `does not match its schema:\n${z.prettifyError(r.error)}`);
  return r.data;
}

function fail(message: string): number {
  console.error(`ingest: error: ${message}`);
  return 1;
}

try {
  process.exitCode = await main();
} catch (e) {
  if (e instanceof IngestError) process.exitCode = fail(`${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`);
  else process.exitCode = fail(e instanceof Error ? e.message : String(e));
}
