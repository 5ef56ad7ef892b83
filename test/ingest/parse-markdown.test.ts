/**
 * Parser plugin `markdown` (scripts/ingest/parse/markdown.ts): a .md source through remark-parse
 * and remark-gfm, mapped to the same positioned line nodes as a text source.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { markdownParser } from '../../scripts/ingest/parse/markdown.ts';
import type { LineNode, SourceRoot } from '../../scripts/ingest/parse/tree.ts';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { pointAt } from '../../scripts/ingest/positions.ts';
import type { Clause } from '../../src/schema/corpus.ts';

function parse(text: string, name = 'x.md'): { lines: LineNode[]; file: VFile } {
  const file = new VFile({ path: name, value: new TextEncoder().encode(text) });
  const tree = unified().use(markdownParser).parse(file) as unknown as SourceRoot;
  return { lines: tree.children as LineNode[], file };
}
const values = (lines: LineNode[]) => lines.map((l) => l.value);

const LAW = '/work/shared/fixtures/laws/zhiyejiaoyufa-1996-05-15.md';

describe('the Markdown parser', () => {
  it('reads the 职业教育法 fixture: heading marks off, every line a node with its position', () => {
    const text = readFileSync(LAW, 'utf8');
    const { lines } = parse(text);
    expect(lines).toHaveLength(text.replace(/\n$/u, '').split('\n').length);
    expect(lines[0]).toMatchObject({ value: '中华人民共和国职业教育法', position: { start: { line: 1, column: 3 }, end: { line: 1, column: 15 } } });
    expect(lines[6]).toMatchObject({ value: '第一章 总则', position: { start: { line: 7, column: 4 } } });
    expect(lines[8]!.value).toMatch(/^第一条 为了实施科教兴国战略/u);
    // The HTML comment stays as printed (it is not Markdown text the mdast could strip).
    expect(lines[4]!.value).toBe('<!-- INFO END -->');
  });

  it('takes emphasis, bullets and autolinks off through the mdast; an ordered item keeps its number', () => {
    const { lines } = parse('**第一条**　为了推动，见<https://www.moe.gov.cn/a>。\n\n- 一项内容\n* 二项内容\n\n1. 甲项\n2. 乙项\n');
    expect(values(lines)).toEqual(['第一条　为了推动，见https://www.moe.gov.cn/a。', '', '一项内容', '二项内容', '', '1. 甲项', '2. 乙项']);
    expect(lines[2]!.position.start.column).toBe(3);
    expect(lines[5]!.position.start.column).toBe(1);
  });

  it('keeps each line of a wrapped paragraph on its own line node', () => {
    const { lines } = parse('为做好2021年1+X证书制度试点工\n作，现将有关事项通知如下：\n');
    expect(values(lines)).toEqual(['为做好2021年1+X证书制度试点工', '作，现将有关事项通知如下：']);
    expect(lines[1]!.position).toEqual({ start: { line: 2, column: 1 }, end: { line: 2, column: 14 } });
  });

  it('turns a GFM table into tab-separated rows whose cells keep their positions; the delimiter row is markup', () => {
    const { lines } = parse('| 序号 | 证书名称 |\n|---|:-:|\n| 1 | **Web前端开发** |\n');
    expect(values(lines)).toEqual(['序号\t证书名称', '', '1\tWeb前端开发']);
    expect(lines[1]!.data).toEqual({ markup: true });
    expect(lines[2]!.data!.cells!.map((c) => [c.value, c.position.start, c.position.end])).toEqual([
      ['1', { line: 3, column: 3 }, { line: 3, column: 4 }],
      ['Web前端开发', { line: 3, column: 7 }, { line: 3, column: 18 }],
    ]);
  });

  it('applies and reports the text parser’s normalisations at the column of the source', () => {
    const { lines, file } = parse('## 关于1＋Ｘ证书\n');
    expect(lines[0]!.value).toBe('关于1+X证书');
    expect(file.messages.map((m) => [m.line, m.column, m.ruleId])).toEqual([[1, 6, 'fullwidth-1x']]);
  });
});

describe('columns through the Markdown marks', () => {
  it('maps every character of every clause of both law fixtures back to the character printed there', () => {
    const dir = '/work/shared/fixtures/laws';
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    const { documents } = ingest(files.map((f) => ({ file: f, bytes: readFileSync(join(dir, f)) })));
    let checked = 0;
    for (const d of documents) {
      const raw = readFileSync(join(dir, d.source[0]!.file), 'utf8').split('\n');
      const walk = (cs: Clause[]): Clause[] => cs.flatMap((c) => [c, ...walk(c.children)]);
      for (const c of walk(d.clauses)) {
        const s = c.text || c.heading || '';
        for (let i = 0; i < s.length; i++) {
          if (s[i] === ' ') continue;
          const at = pointAt(c, i);
          expect(raw[at.line - 1]![at.column - 1], `${d.source[0]!.file}:${at.line}:${at.column} ${c.anchor}[${i}]`).toBe(s[i]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('points a heading after its ## and an article after its ** at their own columns', () => {
    const { documents } = ingest([{ file: 'law.md', bytes: new TextEncoder().encode('# 某法\n\n## 第一章 总则\n\n**第一条** 为了规范，制定本法。\n') }]);
    const ch1 = documents[0]!.clauses.find((c) => c.anchor === 'ch1')!;
    expect(ch1.heading).toBe('总则');
    expect(pointAt(ch1, 0)).toEqual({ line: 3, column: 8 });
    const art1 = ch1.children[0]!;
    expect(art1.text).toBe('为了规范，制定本法。');
    expect(pointAt(art1, 0)).toEqual({ line: 5, column: 9 });
  });
});
