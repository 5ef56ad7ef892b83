/**
 * The ingest cache (scripts/ingest/source-cache.ts): an unchanged source is not parsed again,
 * the output is byte-identical with and without the cache, and a changed source is parsed
 * again — only that one.
 */
import { MemoryCache } from '../helpers/memory-cache.ts';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskSourceCache, parserVersion } from '../../scripts/ingest/source-cache.ts';
import { type ParsedSource, ingest } from '../../scripts/ingest/pipeline.ts';
import { CORPUS_STAGES, SOURCE_STAGES } from '../../scripts/ingest/stages.ts';
import { OVERRIDES, ROOT, SOURCES, realOverrides, realSources } from '../helpers/corpus.ts';

function ingestCli(sources: string, out: string, cache: string | null) {
  const args = ['scripts/ingest/cli.ts', '--sources', sources, '--out', out, '--overrides', OVERRIDES, '--quiet', '--verbose', ...(cache ? ['--cache', cache] : ['--no-cache'])];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** Every file of an output folder, by name. */
function folder(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('ingest cache', () => {
  it('reads unchanged sources from the cache, writes the same bytes, and parses a changed source again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-cache-'));
    const sources = join(dir, 'sources');
    cpSync(SOURCES, sources, { recursive: true });
    const cache = join(dir, 'cache');

    expect(ingestCli(sources, join(dir, 'cold'), cache)).toMatch(/cached 0\/5 sources/u);
    expect(ingestCli(sources, join(dir, 'warm'), cache)).toMatch(/cached 5\/5 sources/u);
    ingestCli(sources, join(dir, 'plain'), null);
    const plain = folder(join(dir, 'plain'));
    expect(Object.keys(plain)).toContain('documents.json');
    expect(folder(join(dir, 'cold'))).toEqual(plain);
    expect(folder(join(dir, 'warm'))).toEqual(plain);

    // One byte of one source: the 2024 round becomes 2025 in the 陕西 notice.
    const file = join(sources, '003_06cb2281395e9f18.txt');
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('2024'));
    expect(at).toBeGreaterThanOrEqual(0);
    bytes[at + 3] = '5'.charCodeAt(0);
    writeFileSync(file, bytes);
    expect(ingestCli(sources, join(dir, 'touched'), cache)).toMatch(/cached 4\/5 sources/u);
    ingestCli(sources, join(dir, 'touched-plain'), null);
    const touched = folder(join(dir, 'touched'));
    expect(touched).toEqual(folder(join(dir, 'touched-plain')));
    expect(touched['documents.json']).not.toEqual(plain['documents.json']);
    // And the cache now holds both versions of that source: going back is a hit.
    bytes[at + 3] = '4'.charCodeAt(0);
    writeFileSync(file, bytes);
    expect(ingestCli(sources, join(dir, 'back'), cache)).toMatch(/cached 5\/5 sources/u);
    expect(folder(join(dir, 'back'))).toEqual(plain);
  });

  it('keys entries by the parser version and the file name as well as the bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-cache-'));
    const tree: ParsedSource['tree'] = { type: 'root', children: [{ type: 'line', value: '正文', position: { start: { line: 1, column: 1 }, end: { line: 1, column: 3 } } }] };
    const parsed: ParsedSource = { tree, marks: [], frontMatter: null, messages: [] };
    const bytes = new TextEncoder().encode('正文\n');
    new DiskSourceCache(dir, 'v1').set('a.txt', bytes, parsed);
    expect(new DiskSourceCache(dir, 'v1').get('a.txt', bytes)).toEqual(parsed);
    expect(new DiskSourceCache(dir, 'v1').get('b.txt', bytes)).toBeUndefined();
    expect(new DiskSourceCache(dir, 'v1').get('a.txt', new TextEncoder().encode('正文。\n'))).toBeUndefined();
    expect(new DiskSourceCache(dir, 'v2').get('a.txt', bytes)).toBeUndefined();
    expect(parserVersion()).toMatch(/^[0-9a-f]{16}$/u);
  });

  it('gives the pipeline the same result from a cache as from parsing, messages included', () => {
    const cache = new MemoryCache();
    const stats: Array<{ cached: number; total: number }> = [];
    const first = ingest(realSources(), realOverrides(), [], { cache, onCache: (s) => stats.push(s) });
    const second = ingest(realSources(), realOverrides(), [], { cache, onCache: (s) => stats.push(s) });
    expect(stats.map((s) => `${s.cached}/${s.total}`)).toEqual(['0/5', '5/5']);
    expect(JSON.stringify(second)).toEqual(JSON.stringify(first));
    expect(second.report.anomalies.length).toBeGreaterThan(50);
  });

  it('reports each stage once, in the order stages.ts declares them', () => {
    const stages: string[] = [];
    ingest(realSources(), realOverrides(), [], { onStage: (s, ms) => (stages.push(s), expect(ms).toBeGreaterThanOrEqual(0)) });
    expect(stages).toEqual(['parse', ...SOURCE_STAGES.map((s) => s.name), ...CORPUS_STAGES.map((s) => s.name), 'emit']);
  });

  it('restores a cached source’s tree: its document nodes carry the drafts, its lines their positions', () => {
    const cache = new MemoryCache();
    ingest(realSources(), realOverrides(), [], { cache });
    const tree = cache.stored('001_614f8415cb5dd7e9.txt')!.tree;
    const docs = tree.children.filter((c) => c.type === 'document');
    // 001 (the 教务处 compilation) holds 18 documents; 国发〔2019〕4号 starts at line 42.
    expect(docs).toHaveLength(18);
    const gf = docs.find((d) => d.data.draft!.elements.docNumber?.text === '国发〔2019〕4号')!;
    expect(gf.position.start.line).toBe(42);
    expect(gf.data.draft!.startLine).toBe(42);
    const line186 = tree.children.flatMap((c) => (c.type === 'document' ? c.children : [c])).find((l) => l.position!.start.line === 186)!;
    expect(line186).toMatchObject({ type: 'line', value: '(职教所〔2019〕67号)', position: { start: { line: 186, column: 1 }, end: { line: 186, column: 15 } } });
  });
});
