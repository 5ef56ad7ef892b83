/**
 * The declared pipeline (scripts/ingest/stages.ts): the two stage lists, one source through its
 * unified processor, and the one message channel as report.json shows it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { SourceRoot } from '../../scripts/ingest/parse/tree.ts';
import { documentNodes, lineNodes } from '../../scripts/ingest/parse/tree.ts';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { jiebaLoads } from '../../scripts/ingest/segment.ts';
import { CORPUS_STAGES, SOURCE_STAGES, sourceProcessor } from '../../scripts/ingest/stages.ts';
import { C001, C002, SOURCES, realCorpus, realOverrides, realSources } from '../helpers/corpus.ts';

describe('the stage lists', () => {
  it('declares the per-source and the corpus stages in pipeline order', () => {
    expect(SOURCE_STAGES.map((s) => s.name)).toEqual(['noise', 'split', 'elements', 'structure']);
    expect(CORPUS_STAGES.map((s) => s.name)).toEqual(['link', 'overrides', 'ids', 'catalog', 'standards', 'laws', 'references', 'status', 'events', 'fees', 'segment', 'pages', 'privacy']);
  });

  it('stops after the stage a test names: the later stages do not run, nodejieba is not loaded', () => {
    const loads = jiebaLoads();
    const stages: string[] = [];
    const r = ingest(realSources(), realOverrides(), [], { until: 'catalog', onStage: (stage) => stages.push(stage) });
    expect(stages.filter((s) => CORPUS_STAGES.some((c) => c.name === s))).toEqual(['link', 'overrides', 'ids', 'catalog']);
    expect(r.documents).toHaveLength(22);
    expect(r.catalog.certificates).toHaveLength(93);
    expect([r.standards.rows.length, r.references.length, r.timeline.events.length, r.keywords.length]).toEqual([0, 0, 0, 0]);
    expect(jiebaLoads()).toBe(loads);
    expect(() => ingest(realSources(), realOverrides(), [], { until: 'catalogue' })).toThrow(/no corpus stage named catalogue/u);
  });

  it('has a test file for every stage (tests mirror the code)', () => {
    const missing = [...SOURCE_STAGES, ...CORPUS_STAGES].map((s) => s.name).filter((name) => !existsSync(join(import.meta.dirname, `${name}.test.ts`)));
    expect(missing).toEqual([]);
  });
});

describe('one source through its processor (002: the 四川 forwarding notice and the 36号 notice it forwards)', () => {
  const file = new VFile({ path: C002, value: readFileSync(join(SOURCES, C002)) });
  const processor = sourceProcessor(C002);
  const tree = processor.runSync(processor.parse(file), file) as SourceRoot;

  it('groups each document’s lines under a document node that carries its draft', () => {
    const docs = documentNodes(tree);
    expect(docs.map((d) => [d.position.start.line, d.position.end.line, d.data.draft!.elements.docNumber?.text ?? null])).toEqual([
      [4, 121, null],
      [122, 452, '教职成司函〔2019〕36号'],
    ]);
    for (const d of docs) {
      expect(d.position.start.line).toBe(d.data.draft!.startLine);
      expect(d.position.end.line).toBe(d.data.draft!.endLine);
      expect(d.children.every((l) => l.type === 'line')).toBe(true);
    }
    // Every source line is in the tree once, in order.
    expect(lineNodes(tree).map((l) => l.position.start.line)).toEqual(lineNodes(tree).map((_l, i) => i + 1));
  });

  it('accounts for every line in the coverage the stages share on file.data', () => {
    expect(file.data.coverage!.unaccounted()).toEqual([]);
    expect(file.messages.filter((m) => m.ruleId === 'bracket-artifact').map((m) => [m.line, m.source])).toEqual([[16, 'read'], [226, 'read']]);
  });
});

describe('the one message channel', () => {
  const { report } = realCorpus();

  it('builds report.json from the messages: every anomaly has a rule, a file and a line, and a column', () => {
    expect(report.anomalies.length).toBeGreaterThan(70);
    for (const a of report.anomalies) {
      expect(a.kind).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
      expect(report.sources.map((s) => s.file)).toContain(a.file);
      expect(a.line).toBeGreaterThan(0);
      expect(a.column).toBeGreaterThanOrEqual(1);
    }
  });

  it('puts a corpus stage’s message on the file it names, at the column of the text (36号, both sources)', () => {
    const conflicts = report.anomalies.filter((a) => a.kind === 'conflicting-doc-number');
    expect(conflicts.map((a) => [a.file, a.line, a.column])).toEqual([
      [C001, 946, 2],
      [C002, 124, 2],
    ]);
  });
});
