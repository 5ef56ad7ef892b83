/**
 * Parser plugin `pdf` (scripts/ingest/parse/pdf.ts): a PDF's text layer through pdfjs-dist → the same
 * positioned line nodes as a text source, on the real PDFs of test/fixtures/pdf (README there): the
 * notice 教职成〔2019〕6号 as a 公文, the 职业教育法 with 第 N 页 共 M 页 and a running title, the two
 * standards with their skill tables, a scan without text layer, a truncated and an encrypted file.
 * Also: control characters removed and reported in every source kind.
 */
import { MemoryCache } from '../helpers/memory-cache.ts';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { SourceInput } from '../../scripts/ingest/context.ts';
import { markdownParser } from '../../scripts/ingest/parse/markdown.ts';
import { type PdfRead, parsePdf, readPdf } from '../../scripts/ingest/parse/pdf.ts';
import type { PdfItem } from '../../scripts/ingest/parse/pdf/items.ts';
import { textParser } from '../../scripts/ingest/parse/text.ts';
import { type LineNode, type SourceRoot, documentNodes, lineNodes } from '../../scripts/ingest/parse/tree.ts';
import { ingest, readPdfSources } from '../../scripts/ingest/pipeline.ts';
import { sourceProcessor } from '../../scripts/ingest/stages.ts';
import type { Draft } from '../../scripts/ingest/structure.ts';
import type { Clause } from '../../src/schema/corpus.ts';
import { ROOT, realSources } from '../helpers/corpus.ts';
import { draft, walk } from '../helpers/stages.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'pdf');
const LAW_MD = '/work/shared/fixtures/laws/zhiyejiaoyufa-1996-05-15.md';
const CLI = join(ROOT, 'scripts', 'ingest', 'cli.ts');

const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

/** The per-source stages over one PDF fixture (read first, as the pipeline does). */
async function parseFixture(name: string): Promise<{ file: VFile; lines: LineNode[]; drafts: Draft[] }> {
  const bytes = bytesOf(name);
  const file = new VFile({ path: name, value: bytes });
  file.data.pdf = await readPdf(name, bytes);
  const p = sourceProcessor(name);
  const tree = p.runSync(p.parse(file), file);
  return { file, lines: lineNodes(tree), drafts: documentNodes(tree).map((d) => d.data.draft!) };
}

/** A clause tree as anchor, heading and text, in document order. */
const shape = (cs: Clause[]) => walk(cs).map((c) => ({ anchor: c.anchor, heading: c.heading, text: c.text }));

describe('the notice 教职成〔2019〕6号 as a PDF', () => {
  it('gives the clause tree the text source 001 gives: same anchors, headings and texts', async () => {
    const { drafts } = await parseFixture('notice-jzc-2019-6.pdf');
    expect(drafts).toHaveLength(1);
    const pdf = drafts[0]!;
    const text = draft('001', '教职成〔2019〕6号');
    expect(walk(pdf.clauses)).toHaveLength(40);
    expect(shape(pdf.clauses)).toEqual(shape(text.clauses));
    // The 公文 parts too (the title's 文种 the text source completes from a citation elsewhere in 001).
    const { docNumber, signature, date, addressees, enclosure } = pdf.elements;
    expect(docNumber?.text).toBe('教职成〔2019〕6号');
    expect({ signature, date, addressees, enclosure: enclosure?.title }).toEqual({
      signature: text.elements.signature,
      date: text.elements.date,
      addressees: text.elements.addressees,
      enclosure: text.elements.enclosure?.title,
    });
  });

  it('numbers lines across the PDF, each with its page and line on the page; page numbers are named noise', async () => {
    const { file, lines } = await parseFixture('notice-jzc-2019-6.pdf');
    expect(lines.map((l) => l.position.start.line)).toEqual(lines.map((_l, k) => k + 1));
    expect(lines[1]).toMatchObject({ value: '教职成〔2019〕6号', data: { page: 1, pageLine: 2 } });
    const pageNumbers = lines.filter((l) => l.data?.noise === 'page-number');
    expect(pageNumbers.map((l) => [l.value, l.data!.page])).toEqual(Array.from({ length: 9 }, (_v, k) => [`— ${k + 1} —`, k + 1]));
    // Each is the last line of its page.
    for (const l of pageNumbers) expect(lines.filter((x) => x.data!.page === l.data!.page).at(-1)).toBe(l);
    const counts = file.data.coverage!.counts();
    expect(counts).toEqual({ nonBlank: lines.length, covered: lines.length, noise: { 'page-number': 9 } });
  });
});

describe('the notice PDF beside the text source that also holds it', () => {
  it('is one document with the PDF as a variant: same 文号 and 成文日期, though the PDF\'s 标题 lacks the 的通知', async () => {
    const sources = await readPdfSources([...realSources().filter((s) => s.file.startsWith('001_')), { file: 'notice.pdf', bytes: bytesOf('notice-jzc-2019-6.pdf') }]);
    const r = ingest(sources, [], [], { until: 'ids' });
    const held = r.documents.filter((d) => d.docNumber === '教职成〔2019〕6号');
    expect(held.map((d) => d.id)).toEqual(['jzc-2019-6']);
    // The PDF, the longer copy in lines, is the primary; each copy keeps its own title.
    const T = '教育部等四部门印发《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》';
    expect(held[0]!.variants.map((v) => [v.source.file, v.title, v.docNumber, v.date])).toEqual([
      ['notice.pdf', T, '教职成〔2019〕6号', '2019-04-04'],
      ['001_614f8415cb5dd7e9.txt', `${T}的通知`, '教职成〔2019〕6号', '2019-04-04'],
    ]);
    // and their texts are the same, paragraph for paragraph
    expect(held[0]!.variants.map((v) => v.differences.length)).toEqual([0, 0]);
    expect(r.report.anomalies.filter((a) => a.kind === 'variant-text-differs')).toEqual([]);
  });
});

describe('the 职业教育法 as a PDF (第 N 页 共 M 页, the title repeated at the top of pages 2–5)', () => {
  it('gives the articles and chapters the Markdown fixture gives', async () => {
    const { drafts } = await parseFixture('regulation.pdf');
    const md = new VFile({ path: 'law.md', value: new Uint8Array(readFileSync(LAW_MD)) });
    const p = sourceProcessor('law.md');
    const mdDrafts = documentNodes(p.runSync(p.parse(md), md)).map((d) => d.data.draft!);
    const articles = (d: Draft) => shape(d.clauses).filter((c) => /^(?:ch|sec|art)\d/u.test(c.anchor));
    // 40 articles, 5 chapters, 23 later 款 and 第二十四条's eight 项 (art24-1-1 … art24-2-4: issue 16 scoped them to their article).
    expect(articles(drafts[0]!)).toHaveLength(76);
    expect(articles(drafts[0]!)).toEqual(articles(mdDrafts[0]!));
    expect(drafts[0]!.elements.title).toBe(mdDrafts[0]!.elements.title);
  });

  it('is a law version as the Markdown is (issue 16): history from the bracketed adoption line, 施行 from 第四十条, cited by page', async () => {
    const sources = await readPdfSources([{ file: 'regulation.pdf', bytes: bytesOf('regulation.pdf') }]);
    const pdf = ingest(sources, [], [], { until: 'pages', asOf: '2026-11-30' }).documents[0]!;
    const md = ingest([{ file: 'law.md', bytes: new Uint8Array(readFileSync(LAW_MD)) }], [], [], { until: 'events', asOf: '2026-11-30' }).documents[0]!;
    expect(pdf.id).toBe(md.id);
    expect(pdf.id).toBe('1996-05-15-zhrmghgzyjyf');
    const facts = (d: typeof pdf) => ({ ...d.law!, history: d.law!.history.map((h) => [h.date, h.action, h.anchor]) });
    expect(facts(pdf)).toEqual(facts(md));
    expect(pdf.issuers).toEqual(['全国人民代表大会常务委员会']);
    // Each entry cited where the PDF prints it: the adoption line on page 1, 第四十条 on page 5.
    expect(pdf.law!.history.map((h) => [h.action, h.source.page])).toEqual([['通过', 1], ['施行', 5]]);
  });

  it('counts the page numbers and the running title as noise; the title printed large on page 1 is text', async () => {
    const { file, lines } = await parseFixture('regulation.pdf');
    expect(file.data.coverage!.counts().noise).toEqual({ 'page-number': 5, 'running-header': 4 });
    expect(lines.filter((l) => l.data?.noise === 'running-header').map((l) => [l.value, l.data!.page, l.data!.pageLine])).toEqual(
      [2, 3, 4, 5].map((p) => ['中华人民共和国职业教育法', p, 1]),
    );
    expect(lines[0]).toMatchObject({ value: '中华人民共和国职业教育法', data: { page: 1, pageLine: 1 } });
    expect(lines[0]!.data!.noise).toBeUndefined();
    expect(lines.find((l) => l.value.startsWith('第二十二条'))!.data).toMatchObject({ page: 3, pageLine: 13 });
  });
});

/** Placed items of a made-up PdfRead (A4, 12 pt text, left edge 70, right edge 526). */
function read(pages: Array<Array<[string, number, number, number?]>>): PdfRead {
  const items: PdfItem[] = pages.flatMap((its, k) =>
    its.map(([str, x, y, width]) => ({ str, page: k + 1, x, y, width: width ?? str.length * 12, height: 12, fontSize: 12 })),
  );
  return { pages: pages.length, items, tables: [], used: new Set() };
}
function parseRead(r: PdfRead, name = 'made.pdf'): { lines: LineNode[]; file: VFile } {
  const file = new VFile({ path: name, value: new Uint8Array() });
  file.data.pdf = r;
  return { lines: parsePdf(file).children as LineNode[], file };
}

describe('lines from positions', () => {
  it('groups items by baseline and orders them by x; justified CJK runs close up, Latin words keep their space', () => {
    const { lines } = parseRead(
      read([
        [
          ['理 解', 130, 100.4, 36], // same baseline (within half a line), printed after the item on its left
          ['能 够', 70, 100, 36],
          ['1.2Java 面 向 对 象', 70, 130],
          ['使用', 70, 160, 24],
          ['HTML5', 110, 160.5, 40], // a gap of 16 pt: a space
          ['和', 155, 160, 12], // a gap of 5 pt: a space
          ['CSS3', 167, 160, 32], // touching: no space
        ],
      ]),
    );
    expect(lines.map((l) => l.value)).toEqual(['能够理解', '1.2Java 面向对象', '使用 HTML5 和CSS3']);
    expect(lines.map((l) => l.data)).toMatchObject([{ page: 1, pageLine: 1 }, { page: 1, pageLine: 2 }, { page: 1, pageLine: 3 }]);
  });

  it('marks page numbers in every printed form and a running header, however many pages', () => {
    const forms = ['8', '— 3 —', '- 3 -', '第 3 页 共 18 页', '3/18'];
    const body = ['一、总体要求', '二、试点内容', '三、组织实施', '四、保障措施', '五、其他'];
    const { lines } = parseRead(
      read(
        forms.map((f, k) => [
          ['某某职业技能等级标准', 200, 40],
          [body[k]!, 70, 100],
          [f, 280, 800],
        ]),
      ),
    );
    expect(lines.filter((l) => l.data?.noise === 'page-number').map((l) => l.value)).toEqual(forms);
    expect(lines.filter((l) => l.data?.noise === 'running-header')).toHaveLength(5);
    expect(lines.filter((l) => !l.data?.noise).map((l) => l.value)).toEqual(body);
    // A number alone at a page's foot far from the page's own number is text, not a page number.
    const year = parseRead(read([[['成立年份', 70, 100], ['2019', 70, 800]]])).lines;
    expect(year.map((l) => l.data?.noise)).toEqual([undefined, undefined]);
  });

  it('warns when the text layer cannot be decoded (private-use characters: a font without ToUnicode)', () => {
    const { file } = parseRead(read([[['\ue001\ue002\ue003\ue004', 70, 100], ['第一条', 70, 130]]]));
    expect(file.messages.map((m) => [m.line, m.ruleId])).toEqual([[1, 'pdf-undecodable-text']]);
    expect(parseRead(read([[['第一条 正文\ue001', 70, 100]]])).file.messages).toEqual([]);
  });

  it('reports a page without text among pages with text (a scanned page), at the line after it', () => {
    const { lines, file } = parseRead(read([[['第一页', 70, 100]], [], [['第三页', 70, 100]]]));
    expect(lines.map((l) => [l.value, l.data!.page])).toEqual([
      ['第一页', 1],
      ['第三页', 3],
    ]);
    expect(file.messages.map((m) => [m.line, m.ruleId, m.reason.split(' · ')[0]])).toEqual([[2, 'pdf-page-no-text', 'made.pdf 第 2 页无文字层（扫描页或空白页），该页未读取']]);
  });

  it('removes and reports control characters, as for text sources', () => {
    const { lines, file } = parseRead(read([[['第一条\u202e 本法适用于\u0007职业\f教育。', 70, 100]]]));
    expect(lines[0]!.value).toBe('第一条 本法适用于职业教育。');
    expect(file.messages.map((m) => [m.line, m.ruleId])).toEqual([[1, 'control-character']]);
    expect(file.messages[0]!.reason).toContain('U+202E、U+0007、U+000C');
  });
});

/**
 * A one-page PDF whose text is set in a non-embedded Chinese font with a predefined CMap
 * (STSong-Light, UniGB-UCS2-H), as older government PDFs are: its text comes out only when pdfjs
 * finds its CMap files (cMapUrl).
 */
function predefinedCMapPdf(text: string): Uint8Array {
  const hex = Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
  const stream = `BT /F1 20 Tf 100 700 Td <${hex}> Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, k) => {
    const at = out.length;
    out += `${k + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe('fonts', () => {
  it('reads Chinese set in a font with a predefined CMap (the CMaps of pdfjs-dist are found)', async () => {
    const r = await readPdf('cmap.pdf', predefinedCMapPdf('中文标题'));
    expect(r.items.map((i) => i.str)).toEqual(['中文标题']);
  });
});

describe('bad PDFs', () => {
  it('a scan without text layer: a warning naming the file, no document, the other sources read', async () => {
    const sources = await readPdfSources([
      { file: 'scan.pdf', bytes: bytesOf('scan.pdf') },
      { file: 'notice.pdf', bytes: bytesOf('notice-jzc-2019-6.pdf') },
    ]);
    const r = ingest(sources, [], [], { until: 'ids' });
    expect(r.report.anomalies.filter((a) => a.file === 'scan.pdf')).toEqual([
      { file: 'scan.pdf', line: 1, column: 1, kind: 'pdf-no-text', message: expect.stringContaining('scan.pdf 无文字层，可能是扫描件，需要先做文字识别') },
    ]);
    expect(r.report.sources.find((s) => s.file === 'scan.pdf')).toMatchObject({ lines: 0, nonBlankLines: 0, documents: [] });
    expect(r.documents.map((d) => d.docNumber)).toEqual(['教职成〔2019〕6号']);
  });

  /** `npm run ingest` over these sources, with a previous output in place. */
  function run(files: Record<string, Uint8Array>): Promise<{ status: number | null; stderr: string; out: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-bad-'));
    mkdirSync(join(dir, 'sources'));
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'documents.json'), 'previous');
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, 'sources', name), data);
    const child = spawn(process.execPath, [CLI, '--no-cache', '--quiet', '--sources', join(dir, 'sources'), '--out', join(dir, 'out'), '--overrides', join(dir, 'none')], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const err: Buffer[] = [];
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    return new Promise((resolve) => child.on('close', (status) => resolve({ status, stderr: Buffer.concat(err).toString('utf8'), out: join(dir, 'out') })));
  }

  it.each([
    ['corrupt.pdf', /corrupt\.pdf: 不是可读的 PDF/u],
    ['encrypted.pdf', /encrypted\.pdf: PDF 已加密/u],
  ])('%s: exit 1 naming the file, no stack trace, the previous output untouched', async (name, message) => {
    const r = await run({ [name]: bytesOf(name), 'notice.pdf': bytesOf('notice-jzc-2019-6.pdf') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/u);
    expect(readFileSync(join(r.out, 'documents.json'), 'utf8')).toBe('previous');
  });
});

describe('the standards as PDFs', () => {
  it('give the skill rows the text source gives, level by level', async () => {
    const sources = await readPdfSources(['web-qianduan-standard.pdf', 'wuliu-standard.pdf'].map((file) => ({ file, bytes: bytesOf(file) })));
    const { standards } = ingest(sources, [], [], { until: 'standards' });
    const count = (standard: string, level: string, type: string) => standards.rows.filter((r) => r.standard === standard && r.level === level && r.type === type).length;
    expect(['初级', '中级', '高级'].map((l) => ['skill', 'requirement', 'knowledge'].map((t) => count('web-qdkf', l, t)))).toEqual([
      [12, 17, 13],
      [22, 31, 23],
      [41, 44, 42],
    ]);
    expect(['通用', '初级', '中级', '高级'].map((l) => ['task', 'requirement', 'knowledge'].map((t) => count('wlgl', l, t)))).toEqual([
      [9, 27, 22],
      [12, 33, 33],
      [14, 37, 35],
      [15, 39, 38],
    ]);
    expect(standards.rows.every((r) => r.source.file.endsWith('.pdf'))).toBe(true);
    // Row for row, the text source's texts and paths. Where a cell's line wraps between Chinese and a
    // Latin word (能熟练使用 / CSS3特性…) the print shows no space either way; the cell's own spacing
    // (CSS3特性, MySQL数据库: none) decides, as the text source has it.
    const text = ingest(realSources().filter((s) => s.file.startsWith('001_')), [], [], { until: 'standards' }).standards.rows;
    const key = (r: { standard: string; level: string; anchor: string }) => `${r.standard} ${r.level} ${r.anchor}`;
    const fromPdf = new Map(standards.rows.map((r) => [key(r), r]));
    const differ = text.filter((r) => {
      const p = fromPdf.get(key(r));
      return !p || p.text !== r.text || p.path.join('/') !== r.path.join('/');
    });
    expect(text.filter((r) => r.standard === 'web-qdkf' || r.standard === 'wlgl')).toHaveLength(612);
    expect(differ.map((r) => `${r.level} ${r.anchor}`)).toEqual([]);
    expect(fromPdf.get('web-qdkf 高级 3-3-1')!.text).toBe('能熟练使用CSS3特性调整页面属性');
    expect(fromPdf.get('web-qdkf 高级 3-3-2')!.text).toBe('能熟练使用MySQL数据库进行数据管理');
    // and where the cell spaces its Latin words, the wrap gets a space (能熟练使用 / HTML 编写静态网页)
    expect(fromPdf.get('web-qdkf 中级 2-1-1')!.text).toBe('能熟练使用 HTML 编写静态网页');
  });
});

describe('a ruled table printed without padding (tables-tight.pdf)', () => {
  it('is read with the ruling lines of its pages: every row, touching cells parted, a misprinted code in its row', async () => {
    const read = await readPdf('tables-tight.pdf', bytesOf('tables-tight.pdf'));
    const rows = read.tables.map((t) => t.rows.filter((r) => !r.header).map((r) => r.cells.map((c) => c.text.replace(/\s+/gu, ''))));
    expect(rows.map((t) => t.length)).toEqual([12, 22, 42, 9, 13, 16, 16]);
    expect(rows[0]!.find((r) => r[2]!.startsWith('1-5-2'))!.slice(2, 4)).toEqual(['1-5-2能使用CSS3新特性美化静态页面', '1-5-1-S2能使用CSS3的选择器、边框特性、颜色、字体功能美化网页']);
    expect(rows[6]![6]!.slice(0, 2)).toEqual(['运输管理', '运输方案设计与规划']);
    // the item "运输管理 运输方" that ran across the border is taken, whole, once
    const taken = [...read.used].filter((it) => it.str.startsWith('运输管理'));
    expect(taken.map((it) => it.str)).toEqual(['运输管理 运输方']);
    expect(read.items.includes(taken[0]!)).toBe(true);
  });
});

describe('the source cache holds a PDF by its bytes', () => {
  it('a second run reads nothing (not even the text layer) and gives the same result', async () => {
    const cache = new MemoryCache();
    const input: SourceInput[] = [{ file: 'notice.pdf', bytes: bytesOf('notice-jzc-2019-6.pdf') }];
    let stats = { cached: -1 };
    const first = ingest(await readPdfSources(input, cache), [], [], { cache, until: 'ids' });
    const again = await readPdfSources(input, cache);
    expect(again[0]!.pdf).toBeUndefined();
    const second = ingest(again, [], [], { cache, until: 'ids', onCache: (s) => void (stats = s) });
    expect(stats.cached).toBe(1);
    // Read once, by the ingest: readPdfSources only asked whether the cache holds it.
    expect(cache.reads).toBe(1);
    expect(second.documents).toEqual(first.documents);
    expect(second.report).toEqual(first.report);
  });
});

describe('control characters in text and Markdown sources', () => {
  const parse = (plugin: typeof textParser, text: string, name: string) => {
    const file = new VFile({ path: name, value: new TextEncoder().encode(text) });
    const tree = unified().use(plugin).parse(file) as unknown as SourceRoot;
    return { lines: tree.children as LineNode[], file };
  };

  it('a text source: removed, reported at their line and column, the column map right', () => {
    const { lines, file } = parse(textParser, '关于通知\n第一条\u202e 本法\u0007适用于„2019‟\u2066。\n', 'x.txt');
    expect(lines[1]!.value).toBe('第一条 本法适用于〔2019〕。');
    expect(file.messages.map((m) => [m.line, m.column, m.ruleId])).toEqual([
      [2, 4, 'control-character'],
      [2, 12, 'bracket-artifact'],
    ]);
    expect(file.messages[0]!.reason).toContain('U+202E、U+0007、U+2066');
    // 本 is printed at column 6 (after 第一条, U+202E and a space), 适 at 9 (after U+0007), 。 at 19 (after U+2066).
    const cols = lines[1]!.data!.columns!;
    expect(cols[lines[1]!.value.indexOf('本')]).toBe(6);
    expect(cols[lines[1]!.value.indexOf('适')]).toBe(9);
    expect(cols[lines[1]!.value.indexOf('。')]).toBe(19);
    expect(lines[0]!.data).toBeUndefined();
  });

  it('a text source copied with pdftotext: the form feed opening each page is a page break, not reported', () => {
    const { lines, file } = parse(textParser, '第一页\n\f第二页的\u0007字\n\f\n', 'copy.txt');
    expect(lines.map((l) => l.value)).toEqual(['第一页', '第二页的字', '']);
    // only the BEL inside the line is reported, at its source column (the form feed is column 1)
    expect(file.messages.map((m) => [m.line, m.column, m.ruleId])).toEqual([[2, 6, 'control-character']]);
    expect(lines[1]!.data!.columns![lines[1]!.value.indexOf('第')]).toBe(2);
    expect(lines[1]!.data!.columns![lines[1]!.value.indexOf('字')]).toBe(7);
    // each line knows its page and its line within the page, as a PDF's lines do (the last form feed opens no page)
    expect(lines.map((l) => [l.data?.page, l.data?.pageLine])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
  });

  it('a text without form feeds has no pages', () => {
    const { lines } = parse(textParser, '第一行\n第二行\n', 'plain.txt');
    expect(lines.map((l) => l.data?.page)).toEqual([undefined, undefined]);
  });

  it('a Markdown source: removed from lines and table cells, reported', () => {
    const { lines, file } = parse(markdownParser, '# 标题\u202d\n\n| 代码 | 名称 |\n|---|---|\n| 1-1 | 静态\u0008网页 |\n', 'x.md');
    expect(lines[0]!.value).toBe('标题');
    expect(lines[4]!.value).toBe('1-1\t静态网页');
    expect(lines[4]!.data!.cells!.map((c) => c.value)).toEqual(['1-1', '静态网页']);
    expect(file.messages.map((m) => [m.line, m.ruleId])).toEqual([
      [1, 'control-character'],
      [5, 'control-character'],
    ]);
  });
});
