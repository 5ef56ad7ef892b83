/**
 * Stage `structure` on the real sources: clauses, their positions and source maps, and the
 * per-document corrections of issue 12. Runs only the per-source stages (read → noise → split →
 * elements → structure), not the whole ingest.
 */
import { describe, expect, it } from 'vitest';
import { pointAt } from '../../scripts/ingest/positions.ts';
import { continues } from '../../scripts/ingest/structure.ts';
import { type MappedLine, align, mappedLines, positionOfLines } from '../../scripts/ingest/structure/sourcemap.ts';
import { draft, find, source, walk } from '../helpers/stages.ts';
import type { Parsed } from '../helpers/stages.ts';

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

  it('points into letter-spaced text at the character printed there (002:61 “系 人 ： 姬 岳 江”)', () => {
    const d = source('002').drafts.find((x) => x.elements.title.startsWith('四川省教育厅转发'))!;
    const c = walk(d.clauses).find((x) => x.text.includes('联系人：姬岳江'))!;
    const raw = source('002').raw;
    const at = pointAt(c, c.text.indexOf('姬岳江'));
    expect(at.line).toBe(61);
    expect(raw[60]!.slice(at.column - 1).startsWith('姬 岳 江')).toBe(true);
    const after = pointAt(c, c.text.indexOf('姬岳江') + 2);
    expect(raw[60]![after.column - 1]).toBe('江');
    const phone = pointAt(c, c.text.indexOf('028-86155729'));
    expect(raw[60]!.slice(phone.column - 1).startsWith('028-86155729')).toBe(true);
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

describe('corrections (issue 12)', () => {
  it('reads 314’s opening paragraph, which has no 主送 line before it, as its first clause', () => {
    // 001:1517 “为规范职业技能等级证书考核颁证，根据《…》（教职成厅函〔2019〕19号），…方案：” then 1.–5.
    const d = draft('001', '教职所〔2019〕314号');
    const raw = source('001').raw;
    const p1 = d.clauses[0]!;
    expect([p1.anchor, p1.kind, p1.label, p1.source.line]).toEqual(['p1', 'paragraph', null, 1517]);
    expect(p1.text).toBe(raw[1516]);
    expect(p1.text).toContain('（教职成厅函〔2019〕19号）');
    expect(d.clauses.map((c) => c.anchor)).toEqual(['p1', 's1', 's2', 's3', 's4', 's5', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9']);
    expect(d.clauses[1]!.source.line).toBe(1519);
    // The 19号 citation points at its own column of line 1517.
    const at = pointAt(p1, p1.text.indexOf('教职成厅函'));
    expect(raw[at.line - 1]!.slice(at.column - 1).startsWith('教职成厅函〔2019〕19号')).toBe(true);
  });

  it('keeps each bullet of 鲁教职处函〔2020〕10号 attachment 2 (004:244–251) and the paragraphs after them clauses of their own', () => {
    const d = draft('004', '鲁教职处函〔2020〕10号');
    const step = find(d.clauses, 'a2-s1-3');
    const bullets = step.children.filter((c) => c.source.line >= 244 && c.source.line <= 251);
    expect(bullets.map((c) => c.source.line)).toEqual([244, 245, 246, 247, 248, 249, 250, 251]);
    expect(bullets.map((c) => c.text.slice(0, 6))).toEqual(['申报批次 (', '选择试点证书', '拟申请的专业', 'Table ', '拟申报的培训', '师资情况描述', '场地情况描述', '其他佐证材料']);
    for (const c of bullets) expect(c.position.end.line).toBe(c.source.line);
    // 004:251 ends an English sentence (“… button.”); 004:253 is a paragraph of its own.
    expect(step.children.find((c) => c.source.line === 253)?.text.startsWith('At the bottom right of the form')).toBe(true);
    // 004:255–257: one sentence wrapped over a page break stays one paragraph.
    const note = step.children.find((c) => c.source.line === 255)!;
    expect(note.position.end.line).toBe(257);
    expect(note.text).toContain('这样会保存数据，后续还可以反复修改');
  });

  it('numbers 附件 3’s note item 1. (004:313, after “注:”) like items 2.–7.', () => {
    const a3 = find(draft('004', '鲁教职处函〔2020〕10号').clauses, 'a3');
    const notes = a3.children.filter((c) => c.source.line >= 313);
    expect(notes.map((c) => [c.anchor, c.label, c.source.line])).toEqual([
      ['a3-p4', null, 313],
      ['a3-s1', '1.', 313],
      ['a3-s2', '2.', 314],
      ['a3-s3', '3.', 315],
      ['a3-s4', '4.', 316],
      ['a3-s5', '5.', 317],
      ['a3-s6', '6.', 318],
      ['a3-s7', '7.', 319],
    ]);
    expect(notes[0]!.text).toBe('注:');
    expect(notes[1]!.text).toBe('“报送单位”为各市教育(教体)局或高职院校。');
    const raw = source('004').raw;
    const at = pointAt(notes[1]!, 0);
    expect(at.line).toBe(313);
    expect(raw[312]!.slice(at.column - 1)).toBe(notes[1]!.text);
    // The item's position starts at its label, after the lead-in: “- 注: 1. …”.
    expect(notes[1]!.position.start).toEqual({ line: 313, column: 6 });
    expect(notes[0]!.position).toEqual({ start: { line: 313, column: 1 }, end: { line: 313, column: 5 } }); // from its bullet mark
  });

  it('keeps the blanks a form leaves for a date (004:309 “2020 年 月 日”)', () => {
    const a3 = find(draft('004', '鲁教职处函〔2020〕10号').clauses, 'a3');
    expect(a3.children.find((c) => c.source.line === 309)!.text).toBe('时间: 2020 年 月 日');
    // Letter-spaced text is still closed up.
    expect(walk(draft('004', '鲁教职处函〔2020〕10号').clauses).some((c) => / [年月日]/u.test(c.text) && c.source.line !== 309 && /[^\d\s] [年月日]/u.test(c.text))).toBe(false);
  });
});

describe('rejoining rules', () => {
  it('starts a new paragraph at a bullet or after an English sentence, not after a broken web address', () => {
    const long = '- 选择试点证书** (Select Pilot Certificate): A dropdown menu with the placeholder text (Please enter a keyword).';
    expect(continues(long.slice(0, -1), '- 拟申请的专业名称** (Proposed Major Name): A dropdown menu', 20)).toBe(false);
    expect(continues('… and a blue "选择" (Select) button.', 'At the bottom right of the form', 20)).toBe(false);
    expect(continues('查询二维码或登录中国工程建设标准化官方网站（网址：www.', 'cecs.org.cn）查询。', 20)).toBe(true);
  });
});

describe('column maps', () => {
  it('uses a line’s column map where normalisation changed its length (001:832 “指导思想 and 基本原则”)', () => {
    // （一）指导思想 and 基本原则 → （一）指导思想和基本原则: 和 stands for “ and ” at column 8, 基 is at 13.
    const printed = '（一）指导思想 and 基本原则';
    const text = '（一）指导思想和基本原则';
    const columns = [1, 2, 3, 4, 5, 6, 7, 8, 13, 14, 15, 16, 17];
    const line: MappedLine = { n: 832, text, columns };
    expect(printed[columns[8]! - 1]).toBe('基');
    expect(positionOfLines([line])).toEqual({ start: { line: 832, column: 1 }, end: { line: 832, column: printed.length + 1 } });
    const origins = align('基本原则', mappedLines([line]), true);
    expect(origins.map(([, c]) => printed[c - 1]).join('')).toBe('基本原则');
  });
});
