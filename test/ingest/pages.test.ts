/**
 * The pages stage (scripts/ingest/pages.ts): places in a PDF source given as { page, line within the page }.
 * No PDF parser is needed: a text fixture is parsed once, its line nodes are given `data.page`/`data.pageLine`
 * by hand (as the PDF parser gives them), and that parse is handed to the ingest through its source cache.
 */
import { describe, expect, it } from 'vitest';
import { type ParsedSource, type SourceCache, ingest } from '../../scripts/ingest/pipeline.ts';
import { pageMapOf, pagedAnomaly, pagesOf, placeOf, toPages } from '../../scripts/ingest/pages.ts';
import { lineNode, lineNodes, type SourceRoot } from '../../scripts/ingest/parse/tree.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import { paragraphDoc } from '../helpers/corpus.ts';

describe('the page map of a tree', () => {
  const tree: SourceRoot = {
    type: 'root',
    children: [
      lineNode(1, '标题', 1, 3, { page: 1, pageLine: 1 }),
      lineNode(2, '第一条', 1, 4, { page: 1, pageLine: 2 }),
      lineNode(3, '第二条', 1, 4, { page: 2, pageLine: 1 }),
      lineNode(5, '第三条', 1, 4, { page: 2, pageLine: 3 }),
    ],
  };

  it('maps each global line to [page, line within the page]; a text tree has none', () => {
    const map = pageMapOf(tree)!;
    expect([...map]).toEqual([[1, [1, 1]], [2, [1, 2]], [3, [2, 1]], [5, [2, 3]]]);
    expect(pageMapOf({ type: 'root', children: [lineNode(1, '正文')] })).toBeNull();
  });

  it('counts the pages: the parser’s pageCount on the root (a scan has no lines), else the last page a line is on', () => {
    expect(pagesOf(tree, pageMapOf(tree)!)).toBe(2);
    expect(pagesOf({ type: 'root', children: [], data: { pageCount: 4 } }, undefined)).toBe(4);
    expect(pagesOf({ type: 'root', children: [lineNode(1, '正文')] }, undefined)).toBeUndefined();
  });

  it('places a line missing from the map after the nearest line before it', () => {
    const map = pageMapOf(tree)!;
    expect(placeOf(map, 4)).toEqual([2, 2]);
    expect(placeOf(map, 7)).toEqual([2, 5]);
    expect(placeOf(new Map([[3, [2, 1] as const]]), 1)).toEqual([2, 1]);
  });
});

describe('toPages over the collections', () => {
  const map = new Map([[2, [3, 7] as const], [3, [4, 1] as const]]);
  const maps = new Map([['x.pdf', map]]);
  const doc = paragraphDoc('第一行第二行', {
    source: [{ file: 'x.pdf', startLine: 2, endLine: 3 }],
    dateSource: { file: 'x.pdf', line: 3, position: { start: { line: 3, column: 1 }, end: { line: 3, column: 11 } } },
  });
  const clause = { ...doc.clauses[0]!, source: { file: 'x.pdf', line: 2 }, position: { start: { line: 2, column: 1 }, end: { line: 3, column: 4 } }, lineStarts: [[0, 2, 1], [3, 3, 1]] as Array<[number, number, number]> };
  const pdfDoc: PolicyDocument = { ...doc, clauses: [clause] };

  it('rewrites every place in the PDF: source, positions, lineStarts, spans, locations', () => {
    const [out] = toPages([pdfDoc], maps);
    expect(out!.source).toEqual([{ file: 'x.pdf', startLine: 7, endLine: 1, startPage: 3, endPage: 4 }]);
    expect(out!.dateSource).toEqual({ file: 'x.pdf', page: 4, line: 1, position: { start: { page: 4, line: 1, column: 1 }, end: { page: 4, line: 1, column: 11 } } });
    const c = out!.clauses[0]!;
    expect(c.source).toEqual({ file: 'x.pdf', page: 3, line: 7 });
    expect(c.position).toEqual({ start: { line: 7, column: 1, page: 3 }, end: { line: 1, column: 4, page: 4 } });
    expect(c.lineStarts).toEqual([[0, 7, 1, 3], [3, 1, 1, 4]]);
  });

  it('leaves text sources and the input as they are', () => {
    const text = paragraphDoc('正文');
    expect(toPages([text], maps)).toEqual([text]);
    expect(toPages([pdfDoc], new Map())[0]).toBe(pdfDoc);
    expect(pdfDoc.clauses[0]!.source).toEqual({ file: 'x.pdf', line: 2 });
    expect(clause.lineStarts).toEqual([[0, 2, 1], [3, 3, 1]]);
  });

  it('gives an anomaly of the PDF its page; one with no place stays at line 0', () => {
    expect(pagedAnomaly({ file: 'x.pdf', line: 3, column: 2, kind: 'k', message: 'm' }, maps)).toEqual({ file: 'x.pdf', page: 4, line: 1, column: 2, kind: 'k', message: 'm' });
    expect(pagedAnomaly({ file: 'x.pdf', line: 0, kind: 'pdf-no-text', message: 'm' }, maps)).toEqual({ file: 'x.pdf', line: 0, kind: 'pdf-no-text', message: 'm' });
    expect(pagedAnomaly({ file: 'y.txt', line: 3, kind: 'k', message: 'm' }, maps)).toEqual({ file: 'y.txt', line: 3, kind: 'k', message: 'm' });
  });
});

// A standard with hyphen codes printed over two pages: page 1 holds lines 1–9, page 2 the rest.
const STANDARD = `测试运维职业技能等级标准

1 范围

本标准规定了测试运维职业技能等级对应的工作领域、工作任务及职业技能要求。

2 职业技能等级要求

2.1 测试运维（初级）
工作领域	工作任务	职业技能要求
1.环境部署	1.1 环境准备	1.1.1 能根据部署手册检查服务器硬件配置。
	1.2 组件安装	1.2.1 能按手册安装计算组件。
`;

/**
 * The fixture's parse with pages on its line nodes, served as if from the cache (as the PDF parser would
 * give it): parsed as text (a .pdf goes to the PDF parser, which needs a real PDF), then named std.pdf.
 */
function pagedIngest(until?: string) {
  let parsed: ParsedSource | undefined;
  const capture: SourceCache = { has: () => false, get: () => undefined, set: (_f, _b, p) => void (parsed = JSON.parse(JSON.stringify(p).replaceAll('std.txt', 'std.pdf')) as ParsedSource) };
  const bytes = new TextEncoder().encode(STANDARD);
  ingest([{ file: 'std.txt', bytes }], [], [], { cache: capture, until: 'ids' });
  for (const l of lineNodes(parsed!.tree)) {
    const n = l.position.start.line;
    l.data = { ...l.data, page: n <= 9 ? 1 : 2, pageLine: n <= 9 ? n : n - 9 };
  }
  const serve: SourceCache = { has: () => true, get: () => structuredClone(parsed), set: () => {} };
  return ingest([{ file: 'std.pdf', bytes }], [], [], { cache: serve, ...(until ? { until } : {}) });
}

describe('the pipeline over a paged source', () => {
  const r = pagedIngest();

  it('gives the skill rows and clauses of a PDF { file, page, line }', () => {
    const rows = r.standards.rows;
    expect(rows.map((x) => [x.code, x.source])).toEqual([
      ['1.', { file: 'std.pdf', page: 2, line: 2 }],
      ['1.1', { file: 'std.pdf', page: 2, line: 2 }],
      ['1.1.1', { file: 'std.pdf', page: 2, line: 2 }],
      ['1.2', { file: 'std.pdf', page: 2, line: 3 }],
      ['1.2.1', { file: 'std.pdf', page: 2, line: 3 }],
    ]);
    const std = r.standards.standards[0]!;
    expect([std.source, std.levels[0]!.source]).toEqual([{ file: 'std.pdf', page: 1, line: 1 }, { file: 'std.pdf', page: 1, line: 9 }]);
    const table = r.documents[0]!.clauses.flatMap(function all(c): typeof c[] { return [c, ...c.children.flatMap(all)]; }).find((c) => c.kind === 'table')!;
    expect(table.source).toEqual({ file: 'std.pdf', page: 2, line: 1 });
    expect(table.table!.rows.map((row) => [row.page, row.line, row.cells[0]!.position.start])).toEqual([
      [2, 2, { page: 2, line: 2, column: 1 }],
      [2, 3, { page: 2, line: 3, column: 1 }],
    ]);
    expect(r.documents[0]!.source).toEqual([{ file: 'std.pdf', startLine: 1, endLine: 3, startPage: 1, endPage: 2 }]);
  });

  it('reports the PDF’s page count', () => {
    expect(r.report.sources.map((s) => [s.file, s.lines, s.pages])).toEqual([['std.pdf', 12, 2]]);
  });

  it('leaves lines global when the pages stage has not run (until), so the line-based stages read them', () => {
    const early = pagedIngest('standards');
    expect(early.standards.rows[0]!.source).toEqual({ file: 'std.pdf', line: 11 });
  });
});
