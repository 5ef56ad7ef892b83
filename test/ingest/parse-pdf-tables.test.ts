/**
 * The table reader (scripts/ingest/parse/pdf/tables.ts) on real PDFs: the Web 前端开发 and 物流管理
 * standards of source 001 as Chromium prints them (test/fixtures/pdf, README there), and the seven
 * skill tables of source 001 printed line for line with every cell centred and rows broken across
 * pages (tables-middle.pdf) and as a word processor prints them, without padding and with thin ruled
 * borders (tables-tight.pdf; both made by scripts/fixtures/make-table-pdfs.ts), read with pdfjs-dist
 * here, text items and ruling lines (parse/pdf/rules.ts); then small documents made of items. The rows must be the rows the text source gives: the same cells,
 * merged 工作领域/工作任务/职业功能 names in the first row of their span and '' below, on the right page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PdfItem, PdfRule, PdfTable } from '../../scripts/ingest/parse/pdf/items.ts';
import { rulesFromOperators } from '../../scripts/ingest/parse/pdf/rules.ts';
import { readTables } from '../../scripts/ingest/parse/pdf/tables.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const PDFJS = join(ROOT, 'node_modules/pdfjs-dist/');
const FIXTURES = join(ROOT, 'test/fixtures/pdf');

/**
 * Every text item of a PDF, placed as parse/pdf/items.ts says (y downward from the page's top), and
 * its ruling lines (parse/pdf/rules.ts), as the parser reads them.
 */
async function pdfItems(file: string): Promise<{ items: PdfItem[]; rules: PdfRule[] }> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(readFileSync(file));
  const doc = await getDocument({ data, cMapUrl: join(PDFJS, 'cmaps/'), cMapPacked: true, standardFontDataUrl: join(PDFJS, 'standard_fonts/'), isEvalSupported: false, verbosity: 0 }).promise;
  const out: PdfItem[] = [];
  const rules: PdfRule[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const { height: pageHeight } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    for (const it of content.items) {
      if (!('str' in it)) continue;
      const [a, b, , d, e, f] = it.transform as number[];
      const fontSize = Math.hypot(a!, b!) || Math.abs(d!);
      const height = it.height || fontSize;
      out.push({ str: it.str, page: p, x: e!, y: pageHeight - f! - height, width: it.width, height, fontSize });
    }
    const ops = await page.getOperatorList();
    rules.push(...rulesFromOperators(ops.fnArray, ops.argsArray, OPS, p, page.view as [number, number, number, number]));
  }
  await doc.destroy();
  return { items: out, rules };
}

/** Each print is read twice: from its text alone, and with its ruling lines (its cells' borders), as the parser reads it. */
const READINGS = [
  ['text alone', false],
  ['text and ruling lines', true],
] as const;

const squash = (s: string) => s.replace(/\s+/gu, '');
const SOURCE = readFileSync(join(ROOT, 'content/sources', readdirSync(join(ROOT, 'content/sources')).find((f) => f.startsWith('001_'))!), 'utf8').split(/\r?\n/);

/** The tab-separated lines of each table under a header starting `head` (blank lines inside a table do not end it). */
function sourceTables(head: string, from: number, to: number): string[][] {
  const out: string[][] = [];
  let cur: string[] | null = null;
  for (const line of SOURCE.slice(from, to)) {
    if (line.startsWith(`${head}\t`)) {
      cur = [];
      out.push(cur);
    } else if (line.includes('\t')) cur?.push(line);
    else if (line.trim()) cur = null;
  }
  return out;
}
const lineOf = (text: string, from = 0) => SOURCE.findIndex((l, i) => i >= from && l.trim() === text);

// ------------------------------------------------------------------ Web 前端开发: one row per 职业技能

interface WebRow { area: string; task: string; skill: string; S: string[]; K: string[] }
interface WebTask { code: string | null; name: string; first: WebRow | null }
const ITEM = /\d+-\d+-\d+ ?-[SK]\d*(?=\s)/gu;

/**
 * The rows of one level as the text source gives them: each field placed by its printed code (the
 * extraction shifts cells between columns), S and K items to the 职业技能 before them, a name to the
 * first row of its span.
 */
function webRows(lines: string[]): WebRow[] {
  const rows: WebRow[] = [];
  let area: string | null = null;
  let pendingArea = '';
  let task: WebTask | null = null;
  const tasks: WebTask[] = [];
  for (const line of lines) {
    for (const raw of line.split('\t')) {
      const f = raw.trim();
      if (!f) continue;
      const items = [...f.matchAll(ITEM)];
      if (items.length && items[0]!.index === 0) {
        const row = rows[rows.length - 1]!;
        items.forEach((m, i) => (m[0].includes('S') ? row.S : row.K).push(squash(f.slice(m.index, items[i + 1]?.index))));
      } else if (/^\d+-\d+-\d+\s/u.test(f)) {
        const prefix = /^(\d+-\d+)-/u.exec(f)![1]!;
        if (!task || (task.code !== null && task.code !== prefix)) {
          task = { code: prefix, name: '', first: null };
          tasks.push(task);
        }
        const row: WebRow = { area: pendingArea, task: '', skill: squash(f), S: [], K: [] };
        pendingArea = '';
        task.first ??= row;
        rows.push(row);
      } else if (/^\d+-/u.test(f)) {
        const code = /^\d+-\d+/u.exec(f)?.[0] ?? null;
        if (task && code !== null && task.code === code) task.name ||= squash(f);
        else {
          task = { code, name: squash(f), first: null };
          tasks.push(task);
        }
      } else if (squash(f) !== area) {
        area = squash(f);
        pendingArea = area;
        task = null;
      }
    }
  }
  for (const t of tasks) if (t.first) t.first.task = t.name;
  return rows;
}

// ------------------------------------------------------------------ 物流管理: one row per 工作内容

interface WlRow { fn: string; content: string; skills: string; knowledge: string }

/** A line with no 技能要求, or with neither 职业功能 nor 工作内容, goes on with the row above (a page break of the publication). */
function wlRows(lines: string[]): WlRow[] {
  const rows: WlRow[] = [];
  const clean = (s: string) => squash(s.replace(/<[^>]*>/gu, ''));
  for (const line of lines) {
    const [c0 = '', c1 = '', c2 = '', c3 = ''] = line.split('\t').map(clean);
    const last = rows[rows.length - 1];
    if (last && (!c2 || (!c0 && !c1))) {
      last.content += c1;
      last.skills += c2;
      last.knowledge += c3;
      continue;
    }
    rows.push({ fn: c0, content: c1, skills: c2, knowledge: c3 });
  }
  return rows;
}

const body = (t: PdfTable) => t.rows.filter((r) => !r.header);
const cellTexts = (t: PdfTable) => body(t).map((r) => r.cells.map((c) => squash(c.text)));

describe.each(READINGS)('tables read from the Web 前端开发 standard PDF (%s)', async (_how, ruled) => {
  const { items, rules } = await pdfItems(join(FIXTURES, 'web-qianduan-standard.pdf'));
  const { tables, used } = readTables(items, ruled ? rules : []);
  const start = lineOf('附件 2-2:');
  const gold = sourceTables('工作领域', start, lineOf('附件 2-3:', start)).map(webRows);

  it('finds the three skill tables, headed 工作领域 / 工作任务 / 职业技能 / 技能要求 / 知识要求, and nothing else', () => {
    expect(tables).toHaveLength(3);
    for (const t of tables) {
      expect(t.rows[0]!.header).toBe(true);
      expect(t.rows[0]!.cells.map((c) => c.text)).toEqual(['工作领域', '工作任务', '职业技能', '技能要求', '知识要求']);
    }
  });

  it('gives 12/22/41 rows, one per 职业技能, with 3/4/6 工作领域, 5/6/10 工作任务, 17/31/44 S and 13/23/42 K items', () => {
    const figures = tables.map((t) => {
      const rows = cellTexts(t);
      return {
        areas: new Set(rows.map((r) => r[0]).filter(Boolean)).size,
        tasks: rows.filter((r) => r[1]).length,
        skills: rows.length,
        S: rows.reduce((n, r) => n + (r[3]!.match(/\d+-\d+-\d+-?S\d*/gu)?.length ?? 0), 0),
        K: rows.reduce((n, r) => n + (r[4]!.match(/\d+-\d+-\d+-?K\d*/gu)?.length ?? 0), 0),
      };
    });
    expect(figures).toEqual([
      { areas: 3, tasks: 5, skills: 12, S: 17, K: 13 },
      { areas: 4, tasks: 6, skills: 22, S: 31, K: 23 },
      { areas: 6, tasks: 10, skills: 41, S: 44, K: 42 },
    ]);
  });

  it('gives every row as the text source has it: merged names in the first row of their span, "" below', () => {
    expect(gold.map((g) => g.length)).toEqual([12, 22, 41]);
    tables.forEach((t, k) => {
      const want = gold[k]!.map((r) => [r.area, r.task, r.skill, r.S.join(''), r.K.join('')]);
      expect(cellTexts(t)).toEqual(want);
    });
  });

  it('sets each S/K item apart by a space, as the text source prints them (…开发。 2-3-3-S4 能…)', () => {
    for (const t of tables)
      for (const r of body(t))
        for (const c of r.cells.slice(3)) expect(c.text.match(/(?:^| )\d+-\d+-\d+ ?-[SK]\d*/gu)?.length ?? 0).toBe(c.text.match(/\d+-\d+-\d+ ?-[SK]\d*/gu)?.length ?? 0);
  });

  it('puts each row on the page it is printed on, under a header repeated on every page', () => {
    const perPage = new Map<number, number>();
    for (const t of tables) for (const r of body(t)) perPage.set(r.page, (perPage.get(r.page) ?? 0) + 1);
    expect(Object.fromEntries(perPage)).toEqual({ 5: 7, 6: 5, 7: 7, 8: 6, 9: 6, 10: 3, 11: 7, 12: 6, 13: 7, 14: 9, 15: 8, 16: 4 });
    const headerPages = tables.flatMap((t) => t.rows.filter((r) => r.header).map((r) => r.page));
    expect(headerPages).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
  });

  it('takes no page number or running text into a table, and leaves the rest of the document to the parser', () => {
    const inTables = tables.flatMap((t) => t.rows.flatMap((r) => r.cells.flatMap((c) => c.items)));
    expect(new Set(inTables).size).toBe(inTables.length);
    for (const it of inTables) expect(used.has(it)).toBe(true);
    // the page numbers, the headings and the 名词解释 are not table content
    const texts = [...used].map((it) => it.str.trim());
    expect(texts.filter((t) => /^\d{1,2}$/u.test(t))).toEqual([]);
    expect(texts.some((t) => t.includes('能力标准与知识要求'))).toBe(false);
    expect(texts.some((t) => t.includes('名词解释'))).toBe(false);
  });
});

describe.each(READINGS)('tables read from the 物流管理 standard PDF (%s)', async (_how, ruled) => {
  const { items, rules } = await pdfItems(join(FIXTURES, 'wuliu-standard.pdf'));
  const { tables } = readTables(items, ruled ? rules : []);
  const start = lineOf('附件 2-3:');
  const gold = sourceTables('职业功能', start, SOURCE.length).slice(0, 4).map(wlRows);

  it('finds 表 1–4, headed 职业功能 / 工作内容 / 技能要求 / 相关知识', () => {
    expect(tables).toHaveLength(4);
    for (const t of tables) expect(t.rows[0]!.cells.map((c) => c.text)).toEqual(['职业功能', '工作内容', '技能要求', '相关知识']);
  });

  it('gives per level 3/4/6/6 职业功能, 9/12/14/15 工作内容 rows, 27/33/37/39 技能要求 and 22/33/35/38 相关知识 items', () => {
    const count = (s: string) => s.match(/(?:^|\s)\d+\.\s/gu)?.length ?? 0;
    const figures = tables.map((t) => {
      const rows = body(t).map((r) => r.cells.map((c) => c.text));
      return {
        functions: rows.filter((r) => r[0]).length,
        contents: rows.length,
        skills: rows.reduce((n, r) => n + count(r[2]!), 0),
        knowledge: rows.reduce((n, r) => n + count(r[3]!), 0),
      };
    });
    expect(figures).toEqual([
      { functions: 3, contents: 9, skills: 27, knowledge: 22 },
      { functions: 4, contents: 12, skills: 33, knowledge: 33 },
      { functions: 6, contents: 14, skills: 37, knowledge: 35 },
      { functions: 6, contents: 15, skills: 39, knowledge: 38 },
    ]);
  });

  it('gives every row as the text source has it', () => {
    tables.forEach((t, k) => {
      const want = gold[k]!.map((r) => [r.fn, r.content, r.skills, r.knowledge]);
      expect(cellTexts(t)).toEqual(want);
    });
  });

  it('continues a table on the next page under its repeated header, and starts 表 3 and 表 4 on the page after their captions', () => {
    expect(tables.map((t) => [...new Set(t.rows.map((r) => r.page))])).toEqual([[3, 4], [4, 5], [6, 7], [8, 9]]);
    expect(tables.map((t) => t.rows.filter((r) => r.header).length)).toEqual([2, 2, 2, 2]);
  });
});

/** The tab-separated lines of the seven skill tables of source 001, as tables-*.pdf print them (scripts/fixtures/make-table-pdfs.ts). */
function sourceLines(): string[][][] {
  const out: string[][][] = [];
  for (let i = 0; i < SOURCE.length; i++) {
    if (!/^(工作领域|职业功能)\t/u.test(SOURCE[i]!)) continue;
    const n = SOURCE[i]!.split('\t').length;
    const rows: string[][] = [];
    let j = i + 1;
    for (; j < SOURCE.length; j++) {
      if (SOURCE[j] === '') continue;
      if (!SOURCE[j]!.includes('\t') || /^(工作领域|职业功能)\t/u.test(SOURCE[j]!)) break;
      const cells = SOURCE[j]!.split('\t').map((c) => squash(c.replace(/<[^>]*>/gu, '')));
      rows.push(Array.from({ length: n }, (_, c) => cells[c] ?? ''));
    }
    out.push(rows);
    i = j - 1;
  }
  return out;
}

describe.each(READINGS)('tables read from a hostile print: every cell centred, rows broken across pages, 工作领域 wrapped a character a line (%s)', async (_how, ruled) => {
  const { items, rules } = await pdfItems(join(FIXTURES, 'tables-middle.pdf'));
  const { tables } = readTables(items, ruled ? rules : []);
  const gold = sourceLines();

  it('gives the text source lines, tab-joined, cell for cell (shifted cells, rows split by the source, merged cells "" below)', () => {
    expect(gold.map((g) => g.length)).toEqual([12, 22, 42, 9, 13, 16, 16]);
    expect(tables.map((t) => cellTexts(t).map((r) => r.join('\t')))).toEqual(gold.map((g) => g.map((r) => r.join('\t'))));
  });

  it('keeps the small running title and the "— N —" page numbers out of the tables', () => {
    const texts = tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text)));
    expect(texts.filter((t) => /—|职业技能等级标准（表格）/u.test(t))).toEqual([]);
  });
});

describe('tables read from a word processor\'s print: no cell padding, top-aligned, thin ruled borders', async () => {
  const { items, rules } = await pdfItems(join(FIXTURES, 'tables-tight.pdf'));
  const gold = sourceLines();

  it('with its ruling lines, gives the text source lines cell for cell: names that fill their cell, touching cells, misprinted codes', () => {
    const { tables } = readTables(items, rules);
    expect(tables.map((t) => cellTexts(t).map((r) => r.join('\t')))).toEqual(gold.map((g) => g.map((r) => r.join('\t'))));
  });

  it('takes every character of the items it uses into one cell, once (an item run across a border is parted, its pieces in two cells)', () => {
    const { tables, used } = readTables(items, rules);
    const all = new Set(items);
    for (const it of used) expect(all.has(it)).toBe(true);
    const cells = tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.text))).join('');
    const taken = [...used].map((it) => it.str).join('');
    expect(squash(cells).length).toBe(squash(taken).length);
  });
});

// ------------------------------------------------------------------ small documents made here

/** A text item as pdfjs gives one: CJK one em a character, Latin and digits half. */
function item(page: number, x: number, y: number, str: string, fontSize = 10): PdfItem {
  const width = [...str].reduce((w, ch) => w + (/[\u2e80-\uffff]/u.test(ch) ? fontSize : fontSize / 2), 0);
  return { str, page, x, y, width, height: fontSize, fontSize };
}
const X = [60, 200, 340];
const header = (page: number, y: number, words = ['工作领域', '工作任务', '职业技能要求']) => words.map((w, c) => item(page, X[c]! + 20, y, w));

describe('tables of a small document made here', () => {
  it('joins a cell wrapped over lines (CJK without spaces, Latin with one), drops justified spaces between CJK, keeps a dotted code whole', () => {
    const items = [
      item(1, 60, 60, '表 1 初级职业技能要求（这一行横跨页面，不是表格）'),
      ...header(1, 100),
      item(1, X[0]! + 2, 130, '1. 网页设计'),
      item(1, X[1]! + 2, 130, '1.1 页面 布局'),
      item(1, X[2]! + 2, 130, '1.1.1 能 够 理 解 HTML'),
      item(1, X[2]! + 2, 142, 'Document Object'),
      item(1, X[2]! + 2, 154, 'Model 的结构'),
      item(1, X[2]! + 2, 180, '1.1.2 能使用 CSS 布局'),
      item(1, X[1]! + 2, 206, '1.2 页面美化'),
      item(1, X[2]! + 2, 206, '1.2.1 能美化页面'),
      item(1, 60, 240, '5.3 中级：以下为正文段落，宽度横跨整个页面的所有列，表格在此结束。'),
    ];
    const { tables, used } = readTables(items);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['工作领域', '工作任务', '职业技能要求'],
      ['1. 网页设计', '1.1 页面布局', '1.1.1 能够理解 HTML Document Object Model 的结构'],
      ['', '', '1.1.2 能使用 CSS 布局'],
      ['', '1.2 页面美化', '1.2.1 能美化页面'],
    ]);
    expect(tables[0]!.rows[0]!.header).toBe(true);
    expect(used.has(items[0]!)).toBe(false);
    expect(used.has(items[items.length - 1]!)).toBe(false);
    expect(used.size).toBe(items.length - 2);
  });

  it('goes on over a page break without a repeated header, past a small running title and "第 N 页 共 M 页"', () => {
    const items = [
      ...header(1, 100),
      item(1, X[0]! + 2, 130, '网页设计'),
      item(1, X[1]! + 2, 130, '页面布局'),
      item(1, X[2]! + 2, 130, '1.1.1 能理解页面结构'),
      item(1, 250, 800, '第 1 页 共 2 页'),
      item(2, 200, 30, '某某职业技能等级标准', 7),
      item(2, X[1]! + 2, 60, '页面美化'),
      item(2, X[2]! + 2, 60, '1.2.1 能美化页面'),
      item(2, 250, 800, '第 2 页 共 2 页'),
    ];
    const { tables } = readTables(items);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((r) => [r.page, ...r.cells.map((c) => c.text)])).toEqual([
      [1, '工作领域', '工作任务', '职业技能要求'],
      [1, '网页设计', '页面布局', '1.1.1 能理解页面结构'],
      [2, '', '页面美化', '1.2.1 能美化页面'],
    ]);
  });

  it('reads other standards\' headers (职业功能 / 工作内容 / 技能要求 / 相关知识 and 工作领域 / 工作任务 / 职业技能 / 技能要求 / 知识要求 …) but takes 类别 / 内容 for no skill table', () => {
    const four = ['职业功能', '工作内容', '技能要求', '相关知识'].map((w, c) => item(1, 60 + 120 * c + 10, 100, w));
    const body = [item(1, 62, 130, '仓储管理'), item(1, 182, 130, '入库作业'), item(1, 302, 130, '1. 能完成入库'), item(1, 422, 130, '1. 入库流程')];
    expect(readTables([...four, ...body]).tables[0]!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['职业功能', '工作内容', '技能要求', '相关知识'],
      ['仓储管理', '入库作业', '1. 能完成入库', '1. 入库流程'],
    ]);
    const plain = [item(1, 80, 100, '类别'), item(1, 300, 100, '内容'), item(1, 62, 130, '职业道德'), item(1, 202, 130, '爱岗敬业')];
    expect(readTables(plain).tables).toEqual([]);
  });

  it('with ruling lines, parts cells by their borders where no gap or code shows (a wrapped name touching the next row\'s), and reads a table without row rules (三线表) from its text', () => {
    const h = (page: number, y: number, x0: number, x1: number) => ({ page, x0, y0: y - 0.25, x1, y1: y + 0.25 });
    const v = (page: number, x: number, y0: number, y1: number) => ({ page, x0: x - 0.25, y0, x1: x + 0.25, y1 });
    const items = [
      ...header(1, 100),
      item(1, X[0]! + 2, 111, '网页设计'),
      item(1, X[1]! + 2, 111, '页面布局'),
      item(1, X[1]! + 2, 121, '与结构'),
      item(1, X[2]! + 2, 111, '1.1.1 能理解页面结构'),
      item(1, X[1]! + 2, 131, '页面美化'),
      item(1, X[2]! + 2, 131, '能美化页面'),
      item(1, 60, 170, '表后的正文段落，横跨整个页面的宽度，表格在此结束。'),
    ];
    const frame = [h(1, 98, 58, 480), h(1, 111, 58, 480), v(1, 58, 98, 141), v(1, 198, 98, 141), v(1, 338, 98, 141), v(1, 480, 98, 141), h(1, 141, 58, 480)];
    const texts = (rules: PdfRule[]) => readTables(items, rules).tables[0]!.rows.map((r) => r.cells.map((c) => c.text));
    expect(texts([...frame, h(1, 131, 198, 480)])).toEqual([
      ['工作领域', '工作任务', '职业技能要求'],
      ['网页设计', '页面布局与结构', '1.1.1 能理解页面结构'],
      ['', '页面美化', '能美化页面'],
    ]);
    // the text alone cannot tell the two 工作任务 apart; nor can a frame without row rules
    expect(texts([])).toEqual(texts(frame));
    expect(texts(frame)).toHaveLength(2);
  });
});

describe('tables set close, nothing padding their cells', () => {
  it('takes the columns of a table from its own lines, not from the next table after the paragraph below it', () => {
    const items = [
      ...header(1, 100),
      item(1, X[0]! + 2, 111, '网页设计与制作规范要求'),
      item(1, X[1]! + 2, 111, '页面布局'),
      item(1, X[2]! + 2, 111, '1.1.1 能理解页面结构'),
      item(1, 60, 122, '表后的正文段落，横跨整个页面的宽度，表格在此结束，下一个表格紧接其后。'),
      ...['职业功能', '工作内容', '技能要求', '相关知识'].map((w, c) => item(1, [60, 150, 300, 420][c]! + 10, 133, w)),
      ...['仓储管理', '入库作业', '1. 能完成入库', '1. 入库流程'].map((w, c) => item(1, [60, 150, 300, 420][c]! + 2, 144, w)),
    ];
    expect(readTables(items).tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text)))).toEqual([
      [
        ['工作领域', '工作任务', '职业技能要求'],
        ['网页设计与制作规范要求', '页面布局', '1.1.1 能理解页面结构'],
      ],
      [
        ['职业功能', '工作内容', '技能要求', '相关知识'],
        ['仓储管理', '入库作业', '1. 能完成入库', '1. 入库流程'],
      ],
    ]);
  });
});

describe('cells that touch, given as one item', () => {
  it('parts an item run across one column boundary at the space right at it, and leaves a paragraph across the columns whole', () => {
    const items = [
      ...header(1, 100),
      item(1, 64, 111, '静态网站搭建与动态网站开发 能理解页面'),
      item(1, X[2]! + 2, 111, '1.1.1 能理解页面结构'),
      item(1, X[2]! + 2, 122, '与样式'),
      item(1, X[1]! + 2, 140, '页面美化'),
      item(1, X[2]! + 2, 140, '1.1.2 能美化页面'),
      item(1, 60, 170, '表后的正文段落 横跨整个页面的宽度，表格在此结束。'),
    ];
    const { tables, used } = readTables(items);
    expect(tables[0]!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['工作领域', '工作任务', '职业技能要求'],
      ['静态网站搭建与动态网站开发', '能理解页面', '1.1.1 能理解页面结构与样式'],
      ['', '页面美化', '1.1.2 能美化页面'],
    ]);
    expect(used.has(items[3]!)).toBe(true);
    expect(used.has(items[items.length - 1]!)).toBe(false);
  });
});

describe('a ruled table broken across a page', () => {
  const h = (page: number, y: number) => ({ page, x0: 58, y0: y - 0.25, x1: 480, y1: y + 0.25 });
  const items = [
    ...header(1, 100),
    item(1, X[0]! + 2, 111, '网页设计'),
    item(1, X[1]! + 2, 111, '页面布局'),
    item(1, X[2]! + 2, 111, '能理解页面结构'),
    item(1, X[1]! + 2, 122, '页面美化'),
    item(1, X[2]! + 2, 122, '能美化'),
    ...header(2, 100),
    item(2, X[2]! + 2, 111, '页面的样式'),
    item(2, X[1]! + 2, 122, '交互开发'),
    item(2, X[2]! + 2, 122, '能开发交互'),
  ];
  const rules = [h(1, 98), h(1, 110.5), h(1, 121.5), h(2, 98), h(2, 110.5), h(2, 121.5), h(2, 132.5)];
  const body = (rs: PdfRule[]) => readTables(items, rs).tables[0]!.rows.filter((r) => !r.header).map((r) => [r.page, ...r.cells.map((c) => c.text)]);

  it('goes on with a row that has no border under it at the foot of the page, though no code shows it', () => {
    expect(body(rules)).toEqual([
      [1, '网页设计', '页面布局', '能理解页面结构'],
      [1, '', '页面美化', '能美化页面的样式'],
      [2, '', '交互开发', '能开发交互'],
    ]);
  });

  it('also where the next page repeats no header, and so has no border above the rest of the row', () => {
    const noHeader = items.filter((it) => !(it.page === 2 && it.y === 100));
    const rs = rules.filter((r) => r.page === 1 || r.y0 > 115);
    expect(readTables(noHeader, rs).tables[0]!.rows.map((r) => [r.page, r.header, ...r.cells.map((c) => c.text)])).toEqual([
      [1, true, '工作领域', '工作任务', '职业技能要求'],
      [1, false, '网页设计', '页面布局', '能理解页面结构'],
      [1, false, '', '页面美化', '能美化页面的样式'],
      [2, false, '', '交互开发', '能开发交互'],
    ]);
  });

  it('is not read from its text alone (rows touching, no codes: the known limit of the text reading)', () => {
    expect(body([])).not.toEqual(body(rules));
  });
});

describe('ruling lines from an operator list (parse/pdf/rules.ts)', () => {
  const OPS = { save: 10, restore: 11, transform: 12, constructPath: 91, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75, stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27 };
  const M = 0;
  const L = 1;
  const C = 2;
  const Z = 4;
  const path = (paint: number, data: number[]) => [OPS.constructPath, [paint, [Float32Array.from(data)], null]] as const;

  it('takes thin filled rectangles and stroked segments, placed under the current transform, y down from the top of the page', () => {
    const list = [
      [OPS.save, null],
      [OPS.transform, [0.5, 0, 0, 0.5, 10, 20]],
      // a filled border 1 unit thick (0.5 pt after the transform), 200 long
      path(OPS.fill, [M, 0, 100, L, 200, 100, L, 200, 101, L, 0, 101, Z]),
      [OPS.restore, null],
      // a stroked vertical segment and a stroked rectangle (four segments)
      path(OPS.stroke, [M, 50, 700, L, 50, 600]),
      path(OPS.stroke, [M, 300, 300, L, 340, 300, L, 340, 320, L, 300, 320, Z]),
      // a cell's shading (thick fill), a curve, a path only for clipping: no rules
      path(OPS.fill, [M, 0, 0, L, 100, 0, L, 100, 40, L, 0, 40, Z]),
      path(OPS.stroke, [M, 0, 0, C, 10, 10, 20, 10, 30, 0]),
      path(28, [M, 0, 500, L, 100, 500]),
    ] as const;
    const rules = rulesFromOperators(
      list.map((o) => o[0]),
      list.map((o) => o[1]),
      OPS,
      3,
      [0, 0, 600, 800],
    );
    const round = (r: PdfRule) => [r.page, ...[r.x0, r.y0, r.x1, r.y1].map((n) => Math.round(n * 100) / 100)];
    expect(rules.map(round)).toEqual([
      [3, 10, 729.5, 110, 730],
      [3, 50, 100, 50, 200],
      [3, 300, 500, 340, 500],
      [3, 340, 480, 340, 500],
      [3, 300, 480, 340, 480],
      [3, 300, 480, 300, 500],
    ]);
  });
});
