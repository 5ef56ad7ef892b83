/**
 * Stage `structure` on the real sources: clauses, their positions and source maps, and the
 * per-document corrections of issue 12. Runs only the per-source stages (read → noise → split →
 * elements → structure), not the whole ingest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { Clause } from '../../src/schema/corpus.ts';
import { Coverage } from '../../scripts/ingest/coverage.ts';
import { markNoise } from '../../scripts/ingest/noise.ts';
import { pointAt } from '../../scripts/ingest/positions.ts';
import { readSource } from '../../scripts/ingest/read.ts';
import { splitSource } from '../../scripts/ingest/split.ts';
import { type Draft, structureDocument } from '../../scripts/ingest/structure.ts';
import { SOURCES, realSources } from '../helpers/corpus.ts';

interface Parsed {
  file: VFile;
  drafts: Draft[];
  /** The source's lines as printed (1-based: lines[n - 1]). */
  raw: string[];
}

const parsed = new Map<string, Parsed>();
/** The per-source stages over one real source (by its number prefix, e.g. '001'). */
function source(prefix: string): Parsed {
  const name = realSources().find((s) => s.file.startsWith(`${prefix}_`))!.file;
  let p = parsed.get(name);
  if (!p) {
    const bytes = readFileSync(join(SOURCES, name));
    const file = new VFile({ path: name });
    const text = readSource(file, bytes);
    const cov = new Coverage(text);
    markNoise(cov);
    const { slices } = splitSource(file, cov);
    const drafts = slices.map((s, k) => structureDocument(file, cov, s, `${name}#${k}`));
    p = { file, drafts, raw: new TextDecoder().decode(bytes).split(/\r?\n/u) };
    parsed.set(name, p);
  }
  return p;
}

function draft(prefix: string, docNumber: string): Draft {
  const d = source(prefix).drafts.find((x) => x.elements.docNumber?.text === docNumber);
  if (!d) throw new Error(`no ${docNumber} in ${prefix}`);
  return d;
}

function walk(cs: Clause[]): Clause[] {
  return cs.flatMap((c) => [c, ...walk(c.children)]);
}

function find(cs: Clause[], anchor: string): Clause {
  const c = walk(cs).find((x) => x.anchor === anchor);
  if (!c) throw new Error(`no clause ${anchor}`);
  return c;
}

/** Lines whose text the read stage normalised (columns there are of the normalised text). */
function normalisedLines(p: Parsed): Set<number> {
  return new Set(p.file.messages.filter((m) => m.source === 'read' && m.line).map((m) => m.line!));
}

describe('positions', () => {
  it('gives every clause, row and cell a position, and every clause a source map', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      for (const d of source(prefix).drafts) {
        for (const c of walk(d.clauses)) {
          expect(c.position, `${prefix} ${c.anchor}`).toBeDefined();
          expect(c.lineStarts?.[0]?.[0], `${prefix} ${c.anchor}`).toBe(0);
          expect(c.position!.start.line).toBe(c.source.line);
          for (const r of [c.table?.header, ...(c.table?.rows ?? [])]) {
            if (!r) continue;
            expect(r.position?.start.line).toBe(r.line);
            for (const cell of r.cells) expect(cell.position?.start.line).toBe(r.line);
          }
        }
      }
    }
  });

  it('maps every character of every clause back to the character printed there', () => {
    let checked = 0;
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const p = source(prefix);
      const skip = normalisedLines(p);
      for (const d of p.drafts) {
        for (const c of walk(d.clauses)) {
          const s = c.text || c.heading || '';
          for (let i = 0; i < s.length; i++) {
            const at = pointAt(c, i);
            if (skip.has(at.line) || s[i] === ' ') continue; // a space may be put between wrapped Latin words
            expect(p.raw[at.line - 1]![at.column - 1], `${prefix}:${at.line}:${at.column} ${c.anchor}[${i}]`).toBe(s[i]);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50_000);
  });

  it('points at the line a figure of a wrapped paragraph is printed on', () => {
    // 国发〔2019〕4号's 具体指标 paragraph is printed over 001:60 and 001:62: “建设 50 所…” on the first
    // line, “顶岗实习时间一般为6个月”, “从2019年开始” on the second.
    const d = draft('001', '国发〔2019〕4号');
    const c = walk(d.clauses).find((x) => x.text.startsWith('具体指标：'))!;
    expect(c.position).toEqual({ start: { line: 60, column: 1 }, end: { line: 62, column: source('001').raw[61]!.length + 1 } });
    const raw = source('001').raw;
    for (const [figure, line] of [['50 所', 60], ['6个月', 62], ['从2019年开始', 62]] as const) {
      const at = pointAt(c, c.text.indexOf(figure));
      expect(at.line, figure).toBe(line);
      expect(raw[line - 1]!.slice(at.column - 1).startsWith(figure), figure).toBe(true);
    }
  });

  it('keeps offsets right through letter-spaced text, labels and headings', () => {
    // A heading split from its label: 二、（五） of the 方案 → its heading points after （五）.
    const d = draft('001', '教职成〔2019〕6号');
    const e = d.clauses.find((c) => c.kind === 'enclosure')!;
    const s25 = find(e.children, 's2-5');
    const at = pointAt(s25, 0);
    const line = source('001').raw[at.line - 1]!;
    const first = s25.text || s25.heading!;
    expect(line[at.column - 1]).toBe(first[0]);
    expect(at.column).toBeGreaterThan(s25.position!.start.column);
  });

  it('gives a table cell the span between its tabs', () => {
    // 004:225 账号<TAB>1234567891<TAB>一键复制
    const d = draft('004', '鲁教职处函〔2020〕10号');
    const t = walk(d.clauses).find((c) => c.kind === 'table' && c.source.line === 225)!;
    const row = [t.table!.header, ...t.table!.rows].find((r) => r?.line === 225)!;
    expect(row.cells.map((c) => [c.text, c.position!.start.column, c.position!.end.column])).toEqual([
      ['账号', 1, 3],
      ['1234567891', 4, 14],
      ['一键复制', 15, 19],
    ]);
    expect(row.position).toEqual({ start: { line: 225, column: 1 }, end: { line: 225, column: 19 } });
  });
});
