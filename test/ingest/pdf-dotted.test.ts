/**
 * The third layout of 1+X standards as a real PDF (issue 13): 工作领域 | 工作任务 | 职业技能要求 with
 * dotted codes (`1.静态网站搭建`, `1.1 静态网页开发`, `1.1.1 能…`), printed as Word/WPS print it
 * (test/fixtures/pdf/dotted-standard.pdf, ruled, one row per item, merged cells top-aligned) and as a
 * 三线表 at 9 pt (dotted-standard-threeline.pdf, one row per task, the items one after another in one
 * cell), and ruled with one row per task whose rows break across pages (dotted-standard-pertask.pdf).
 * Gold: dotted-standard.gold.json, written by scripts/fixtures/make-dotted-pdf.ts from the Web
 * 前端开发 tables of source 001 before any reader ran (README there). Also the pdftotext copies of
 * the three prints, read as text sources: each gives the gold row for row (README: the copies).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, readPdfSources } from '../../scripts/ingest/pipeline.ts';
import { removeExtractionSpaces } from '../../src/lib/text/normalize.ts';
import type { SkillRow } from '../../src/schema/skills.ts';
import { ROOT } from '../helpers/corpus.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'pdf');
const LEVELS = ['初级', '中级', '高级'] as const;

interface GoldRow { type: 'area' | 'task' | 'skill'; code: string; path: string[]; text: string; from?: string; page?: number }
interface GoldLevel { level: string; hours: string; areas: number; tasks: number; items: number; pages: number[]; rows: GoldRow[] }
const GOLD: Record<'dotted-standard' | 'dotted-standard-threeline' | 'dotted-standard-pertask', GoldLevel[]> = JSON.parse(readFileSync(join(FIXTURES, 'dotted-standard.gold.json'), 'utf8'));

/**
 * The gold as the ingest writes names and texts: spaces around punctuation squeezed (removeExtractionSpaces,
 * the rule every source kind goes through; the text source gives `结构,并将` too). It changes one text only.
 */
const expected = (g: GoldLevel[]) =>
  g.map((l) => ({
    ...l,
    rows: l.rows.map((r) => ({ ...r, path: r.path.map(removeExtractionSpaces), text: removeExtractionSpaces(r.text) })),
  }));

/** An area's or a task's page: where its name is printed, the page of its first item (names are top-aligned). */
const withPages = (g: GoldLevel[]) =>
  g.map((l) => ({
    ...l,
    rows: l.rows.map((r, i) => ({ ...r, page: r.page ?? l.rows.slice(i).find((x) => x.type === 'skill')!.page! })),
  }));

const shape = (r: { type: string; code: string | null; path: string[]; text: string }) => `${r.type} ${r.code} ${r.path.join('/')} | ${r.text}`;

async function readPdfFixture(file: string) {
  const sources = await readPdfSources([{ file, bytes: new Uint8Array(readFileSync(join(FIXTURES, file))) }]);
  // until 'pages': the stage that gives each row its physical page
  return ingest(sources, [], [], { until: 'pages' });
}

const readCopy = (file: string) => ingest([{ file, bytes: new Uint8Array(readFileSync(join(FIXTURES, file))) }], [], [], { until: 'standards' });

const levelRows = (rows: SkillRow[], level: string) => rows.filter((r) => r.level === level);
const rightRows = (rows: SkillRow[], g: GoldLevel) => {
  const got = new Set(levelRows(rows, g.level).map(shape));
  return g.rows.filter((r) => got.has(shape(r))).length;
};

describe('the gold', () => {
  it('is the Web 前端开发 tables of source 001 renumbered: 3/4/6 areas, 5/6/10 tasks, 12/22/41 items', () => {
    for (const g of Object.values(GOLD))
      expect(g.map((l) => [l.level, l.hours, l.areas, l.tasks, l.items])).toEqual([
        ['初级', '培训学时：96 学时。', 3, 5, 12],
        ['中级', '培训学时：224 学时。', 4, 6, 22],
        ['高级', '培训学时：320 学时。', 6, 10, 41],
      ]);
    const changed = GOLD['dotted-standard'].flatMap((l) => l.rows.filter((r) => removeExtractionSpaces(r.text) !== r.text).map((r) => `${l.level} ${r.code}`));
    expect(changed).toEqual(['高级 6.1.4']);
  });
});

describe('dotted-standard.pdf (ruled, one row per item, 工作领域/工作任务 merged and top-aligned)', async () => {
  const result = await readPdfFixture('dotted-standard.pdf');
  const { standards, rows } = result.standards;
  const gold = withPages(expected(GOLD['dotted-standard']));

  it('is one standard, dotted, with the gold figures and 培训学时 per level', () => {
    expect(standards.map((s) => [s.title, s.certificateName, s.codeStyle])).toEqual([['Web 前端开发职业技能等级标准', 'Web 前端开发', 'dotted']]);
    expect(standards[0]!.levels.map((l) => [l.level, l.trainingHours, l.counts.areas, l.counts.tasks, l.counts.skills, l.counts.requirements, l.counts.knowledge])).toEqual([
      ['初级', 96, 3, 5, 12, 0, 0],
      ['中级', 224, 4, 6, 22, 0, 0],
      ['高级', 320, 6, 10, 41, 0, 0],
    ]);
    expect(rows.every((r) => r.source.file === 'dotted-standard.pdf')).toBe(true);
  });

  it('gives the gold row for row: type, code, path, text, page', () => {
    for (const g of gold) {
      expect(levelRows(rows, g.level).map((r) => [shape(r), r.source.page])).toEqual(g.rows.map((r) => [shape(r), r.page]));
    }
    // the pages the items are on: 初级 p. 2, 中级 pp. 3–4, 高级 pp. 5–6 (its caption at the foot of p. 4)
    expect(gold.map((l) => l.pages)).toEqual([[2], [3, 4], [5, 6]]);
  });

  it('reads a merged 工作领域 split by a page break: the rows under its empty cell on the next page are its own', () => {
    const r = rows.find((x) => x.level === '高级' && x.code === '5.2.1')!;
    expect([r.path, r.parent, r.source.page]).toEqual([['移动端动态网站开发', '架构设计', '使用 ES6 新规范构建前端程序'], 'l3-5.2', 6]);
    expect(rows.find((x) => x.level === '高级' && x.code === '5.2')!.parent).toBe('l3-5');
  });

  it('keeps captions, headers, page numbers and front matter out of the rows', () => {
    expect(rows.filter((r) => /工作领域|职业技能要求|表 \d|培训学时|^\d+$/u.test(r.text))).toEqual([]);
  });
});

describe('dotted-standard-threeline.pdf (三线表, 9 pt, one row per task, rows broken across pages)', async () => {
  const result = await readPdfFixture('dotted-standard-threeline.pdf');
  const { standards, rows } = result.standards;
  const gold = withPages(expected(GOLD['dotted-standard-threeline']));

  it('is one standard, dotted, with the gold figures', () => {
    expect(standards[0]!.levels.map((l) => [l.level, l.trainingHours, l.counts.areas, l.counts.tasks, l.counts.skills])).toEqual([
      ['初级', 96, 3, 5, 12],
      ['中级', 224, 4, 6, 22],
      ['高级', 320, 6, 10, 41],
    ]);
  });

  it('gives the gold row for row, but for one wrap between Chinese and a Latin word the print cannot tell', () => {
    // 2.1.4 `…可维护的 API` wraps before `API`; the print shows no space either way and the cell's own
    // spacing (`运用API设计`) says none: a known limit of joinWrapped (README).
    const differs = (l: string, r: { code: string }) => l === '高级' && r.code === '2.1.4';
    for (const g of gold) {
      const got = levelRows(rows, g.level);
      expect(got.map((r) => [shape(r), r.source.page])).toEqual(
        g.rows.map((r) => [shape(differs(g.level, r) ? { ...r, text: r.text.replace('的 API', '的API'), path: r.path.map((p) => p.replace('的 API', '的API')) } : r), r.page]),
      );
    }
    expect(gold.map((l) => l.pages)).toEqual([[2], [3], [4, 5]]);
  });

  it('starts a row at a dotted 工作领域 code beside its branch’s codes, though no rule or gap shows it (2. then 3. on the next line)', () => {
    expect(rows.filter((r) => r.level === '初级' && r.type === 'area').map((r) => [r.code, r.text])).toEqual([
      ['1.', '静态网站搭建'],
      ['2.', '动态网站搭建'],
      ['3.', '移动端静态网站开发'],
    ]);
  });
});

describe('dotted-standard-pertask.pdf (ruled, one row per task, a cell of items broken by the page break)', async () => {
  const result = await readPdfFixture('dotted-standard-pertask.pdf');
  const { rows } = result.standards;
  const gold = withPages(expected(GOLD['dotted-standard-pertask']));

  it('gives the gold row for row, each item on the page it is printed on', () => {
    for (const g of gold) expect(levelRows(rows, g.level).map((r) => [shape(r), r.source.page])).toEqual(g.rows.map((r) => [shape(r), r.page]));
    expect(gold.map((l) => l.pages)).toEqual([[2], [3, 4], [5, 6]]);
  });

  it('the 高级 task 5.2 breaks after 5.2.1: 5.2.2 and 5.2.3 are on p. 6 under the empty merged cells, still its items', () => {
    expect(rows.filter((r) => r.level === '高级' && r.code?.startsWith('5.2.')).map((r) => [r.code, r.parent, r.source.page])).toEqual([
      ['5.2.1', 'l3-5.2', 5],
      ['5.2.2', 'l3-5.2', 6],
      ['5.2.3', 'l3-5.2', 6],
    ]);
  });
});

// What the copied-text reader (scripts/ingest/standards/copied/**) gives: every copy row for row as the
// PDFs' gold (codes, paths with whole names, whole texts); the PDF figures above are the gold.
describe('the pdftotext copies as text sources (README: the copies)', () => {
  const figures = (file: string, g: GoldLevel[]) => {
    const { standards } = readCopy(file);
    const rows = standards.rows;
    return {
      levels: standards.standards.flatMap((s) => s.levels.map((l) => [l.level, l.trainingHours, l.counts.areas, l.counts.tasks, l.counts.skills])),
      right: g.map((l) => rightRows(rows, l)),
    };
  };
  const ALL = { levels: [['初级', 96, 3, 5, 12], ['中级', 224, 4, 6, 22], ['高级', 320, 6, 10, 41]], right: [20, 32, 57] };
  /** The copy's rows in order as the gold's: type, code, path, text (no pages in a text source). */
  const rowForRow = (file: string, g: GoldLevel[]) => {
    const { rows } = readCopy(file).standards;
    for (const l of g) expect(levelRows(rows, l.level).map(shape)).toEqual(l.rows.map(shape));
  };

  it('dotted-standard.raw.txt (-raw): row for row, a 工作领域 name wrapped after an item (`2.动态网站搭` / `建`) its own row', () => {
    const g = expected(GOLD['dotted-standard']);
    expect(figures('dotted-standard.raw.txt', g)).toEqual(ALL);
    rowForRow('dotted-standard.raw.txt', g);
  });

  it('dotted-standard.pdftotext.txt (plain): every table found though its caption is printed inside the header; row for row in code order', () => {
    const g = expected(GOLD['dotted-standard']);
    expect(figures('dotted-standard.pdftotext.txt', g)).toEqual(ALL);
    rowForRow('dotted-standard.pdftotext.txt', g);
  });

  it('dotted-standard-threeline.raw.txt (-raw): row for row, the 工作领域 read where it shares its line with the task and first item', () => {
    const g = expected(GOLD['dotted-standard-threeline']);
    expect(figures('dotted-standard-threeline.raw.txt', g)).toEqual(ALL);
    rowForRow('dotted-standard-threeline.raw.txt', g);
    const { rows } = readCopy('dotted-standard-threeline.raw.txt').standards;
    expect(rows.filter((r) => r.level === '初级' && r.type === 'area').map((r) => [r.code, r.text])).toEqual([
      ['1.', '静态网站搭建'],
      ['2.', '动态网站搭建'],
      ['3.', '移动端静态网站开发'],
    ]);
  });

  it('dotted-standard-pertask.raw.txt (-raw) and .pdftotext.txt (plain): row for row', () => {
    const g = expected(GOLD['dotted-standard-pertask']);
    expect(figures('dotted-standard-pertask.raw.txt', g)).toEqual(ALL);
    expect(figures('dotted-standard-pertask.pdftotext.txt', g)).toEqual(ALL);
    rowForRow('dotted-standard-pertask.raw.txt', g);
    rowForRow('dotted-standard-pertask.pdftotext.txt', g);
  });

  it('dotted-standard-threeline.pdftotext.txt (plain): row for row, a task name’s last line printed as a block after its item’s (`4.2 移动端静态网页` … `美化`) its own', () => {
    const g = expected(GOLD['dotted-standard-threeline']);
    expect(figures('dotted-standard-threeline.pdftotext.txt', g)).toEqual(ALL);
    rowForRow('dotted-standard-threeline.pdftotext.txt', g);
    const { rows } = readCopy('dotted-standard-threeline.pdftotext.txt').standards;
    expect(rows.filter((r) => r.level === '高级' && r.code?.startsWith('4.2')).map((r) => [r.code, r.path[1], r.text])).toEqual([
      ['4.2', '移动端静态网页美化', '移动端静态网页美化'],
      ['4.2.1', '移动端静态网页美化', '能够利用 HTML5 进行静态网页美化'],
      ['4.2.2', '移动端静态网页美化', '能运用 CSS3 新特性调整页面属性'],
    ]);
  });

  it('every copy gives the anchors, parents and flags its PDF gives', async () => {
    const ids = (rows: SkillRow[]) => rows.map((r) => [r.level, r.type, r.code, r.anchor, r.parent, r.flags]);
    for (const pdf of ['dotted-standard', 'dotted-standard-threeline', 'dotted-standard-pertask']) {
      const want = ids((await readPdfFixture(`${pdf}.pdf`)).standards.rows);
      for (const copy of [`${pdf}.raw.txt`, `${pdf}.pdftotext.txt`]) expect([copy, ids(readCopy(copy).standards.rows)]).toEqual([copy, want]);
    }
  });
});
