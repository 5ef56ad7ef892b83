/**
 * Bad input, through `npm run ingest` as a user meets it (issue 6 §1): fatal input exits non-zero
 * with a message naming the file (and line); recoverable input exits 0 with file:line warnings;
 * never a stack trace; never a half-written output folder; nothing lost. No case measures time (that
 * is `npm run bench`'s job): a case that never finished would fail on Vitest's own test timeout
 * (vitest.config.ts), and its ingest process is then stopped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/corpus.ts';

const CLI = join(ROOT, 'scripts', 'ingest', 'cli.ts');
/** The ingest cache (when the CLI has one) is not used: every run reads its sources. */
const NO_CACHE = readFileSync(CLI, 'utf8').includes("'no-cache'") ? ['--no-cache'] : [];

const HEAD = '关于做好试点工作的通知\n教职成〔2020〕1号\n各有关单位：\n';
const TAIL = '教育部\n2020年1月2日\n';
const notice = (body: string) => `${HEAD}${body}\n${TAIL}`;
/** A notice with its own title and 文号 (教职成〔2020〕n号), so that several sources stay several documents. */
const titled = (n: number, body: string) => notice(body).replace('做好试点工作', `做好第${n}项工作`).replace('1号', `${n}号`);
const OUTPUTS = ['documents.json', 'report.json'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  dir: string;
  out: string;
  signal: NodeJS.Signals | null;
}

/** Ingest processes still running (a test that timed out): stopped after each test. */
const running = new Set<ChildProcess>();
afterEach(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

/** `npm run ingest` over these sources into a fresh folder (asynchronous, so Vitest's timeout can stop a case that hangs). */
function run(files: Record<string, Uint8Array | string>, opts: { previous?: boolean } = {}): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'bad-input-'));
  const sources = join(dir, 'sources');
  const out = join(dir, 'out');
  mkdirSync(sources);
  for (const [name, data] of Object.entries(files)) writeFileSync(join(sources, name), data);
  if (opts.previous) {
    mkdirSync(out);
    writeFileSync(join(out, 'documents.json'), 'previous');
  }
  const child = spawn(process.execPath, [CLI, ...NO_CACHE, '--sources', sources, '--out', out, '--overrides', join(dir, 'none')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout!.on('data', (b: Buffer) => stdout.push(b));
  child.stderr!.on('data', (b: Buffer) => stderr.push(b));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => {
      running.delete(child);
      resolve({ status, signal, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), dir, out });
    });
  });
}

const json = <T = unknown>(r: Run, name: string): T => JSON.parse(readFileSync(join(r.out, name), 'utf8')) as T;

/** No stack trace lines, and the folder holds only sources and a whole output (no temp folders). */
function expectClean(r: Run, ok: boolean) {
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/u);
  expect(r.signal).toBeNull();
  if (ok) {
    expect(r.status, r.stderr.slice(0, 500)).toBe(0);
    expect(readdirSync(r.dir).sort()).toEqual(['out', 'sources']);
    for (const f of OUTPUTS) expect(readdirSync(r.out)).toContain(f);
  } else {
    expect(r.status).toBe(1);
    expect(readdirSync(r.dir).filter((f) => f !== 'sources' && f !== 'out')).toEqual([]);
  }
}

interface Doc {
  id: string;
  issuers: string[];
  clauses: Clause[];
  variants: { source: { file: string }; differences: { kind: string; here: string | null; primary: string | null }[] }[];
}
interface Clause {
  anchor: string;
  text: string;
  heading: string | null;
  table?: { header: { cells: { text: string }[] } | null; rows: { cells: { text: string }[] }[] };
  children: Clause[];
}
const allClauses = (cs: Clause[]): Clause[] => cs.flatMap((c) => [c, ...allClauses(c.children)]);
const allText = (d: Doc) =>
  allClauses(d.clauses)
    .map((c) => [c.heading ?? '', c.text, ...(c.table ? [c.table.header, ...c.table.rows].flatMap((r) => r?.cells.map((x) => x.text) ?? []) : [])].join('\n'))
    .join('\n');

describe('fatal input: non-zero exit, the file named, the previous output untouched', () => {
  it.each([
    ['a binary file (PNG)', 'image.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), /image\.txt:\d+: image\.txt 是二进制文件/u],
    ['a GBK file', 'gbk.txt', Uint8Array.from([...new TextEncoder().encode('# '), 0xb9, 0xd8, 0xd3, 0xda, 0xca, 0xd4, 0xb5, 0xe3, 0x0a]), /gbk\.txt:1: gbk\.txt 不是 UTF-8 编码/u],
    ['a UTF-16 file', 'u16.txt', Uint8Array.from([0xff, 0xfe, ...[...'关于通知\n'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]), /u16\.txt:\d+: u16\.txt/u],
    ['a NUL byte inside text', 'nul.txt', notice('一、总体要求\n请认真\u0000执行。'), /nul\.txt:5: nul\.txt 是二进制文件/u],
  ])('%s', async (_what, name, bytes, message) => {
    const r = await run({ 'ok.txt': notice('一、总体要求\n请认真执行。'), [name]: bytes }, { previous: true });
    expectClean(r, false);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(join(r.out, 'documents.json'), 'utf8')).toBe('previous');
  });
});

describe('recoverable input: exit 0, file:line warnings, nothing lost', () => {
  it('an empty file is a warning, the other sources are read', async () => {
    const r = await run({ 'empty.txt': '', 'ok.txt': notice('一、总体要求\n请认真执行。') });
    expectClean(r, true);
    expect(r.stderr).toMatch(/^empty\.txt:1: /mu);
    expect(json<Doc[]>(r, 'documents.json')).toHaveLength(1);
  });

  it('a 5 MB line is read whole', async () => {
    const unit = '参照《国家职业教育改革实施方案》（国发〔2019〕4号），第二批 Web 前端开发证书 2-3-4-S5 试点工作要求。';
    const line = unit.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(unit)));
    const r = await run({ 'big.txt': notice(`一、总体要求\n${line}`) });
    expectClean(r, true);
    const [d] = json<Doc[]>(r, 'documents.json');
    expect(allText(d!)).toContain(line);
    const report = json<{ sources: { nonBlankLines: number; coveredLines: number }[] }>(r, 'report.json');
    expect(report.sources[0]).toMatchObject({ nonBlankLines: 7, coveredLines: 7 });
  });

  // Stages with regular expressions or truncation once were quadratic on one long line (catalog/statements.ts
  // figures(), events.ts truncate(), fees.ts mixed-rule regex and truncate()) and never finished on these.
  it('a 1 MB line of digits, of dates and of fee figures is each read whole', async () => {
    const mb = (u: string) => u.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(u)));
    const lines = { 'digits.txt': mb('1'), 'dates.txt': mb('2019年4月1日至'), 'fees.txt': mb('收费1800元/人，') };
    const r = await run(Object.fromEntries(Object.entries(lines).map(([file, line], k) => [file, titled(k + 1, `一、总体要求\n${line}`)])));
    expectClean(r, true);
    const docs = json<Doc[]>(r, 'documents.json');
    expect(docs.map((d) => d.id).sort()).toEqual(['jzc-2020-1', 'jzc-2020-2', 'jzc-2020-3']);
    Object.values(lines).forEach((line, k) => expect(allText(docs.find((d) => d.id === `jzc-2020-${k + 1}`)!), Object.keys(lines)[k]).toContain(line));
    const report = json<{ sources: { file: string; nonBlankLines: number; coveredLines: number }[] }>(r, 'report.json');
    expect(report.sources.map((x) => [x.file, x.coveredLines])).toEqual(report.sources.map((x) => [x.file, x.nonBlankLines]));
  });

  it.each([
    ['flat, two levels alternating', (k: number) => (k % 2 ? `（${k}）要求${k}` : `${k}. 事项${k}`)],
    ['five levels deep, cycling', (k: number) => ['一二三四五六七八九十'[k % 10] + `、部分${k}`, `（${'一二三四五六七八九十'[k % 10]}）条${k}`, `${(k % 9) + 1}. 款${k}`, `（${(k % 9) + 1}）项${k}`, `①目${k}`][k % 5]!],
  ])('10,000 numbered items (%s): every one a clause, numbering problems as file:line warnings', async (_what, item) => {
    const lines = Array.from({ length: 10_000 }, (_, i) => item(i + 1));
    const r = await run({ 'items.txt': notice(lines.join('\n')) });
    expectClean(r, true);
    const [d] = json<Doc[]>(r, 'documents.json');
    // Nothing lost: every item's words are in the document (its clauses or its metadata).
    const text = `${allText(d!)}\n${d!.issuers.join('\n')}`;
    expect(lines.filter((l) => !text.includes(l.replace(/^[（(]?[\d一二三四五六七八九十①]+[)）、.]?\s*/u, '')))).toEqual([]);
    const report = json<{ sources: { nonBlankLines: number; coveredLines: number }[] }>(r, 'report.json');
    expect(report.sources[0]!.coveredLines).toBe(report.sources[0]!.nonBlankLines);
    // Every warning printed names the file and a line.
    const warnings = r.stderr.split('\n').filter(Boolean);
    expect(warnings.every((w) => /^items\.txt:\d+: /u.test(w))).toBe(true);
    const anchors = allClauses(d!.clauses).map((c) => c.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  // A long flat list: items numbered 1000 and up are items too, and the last one is not read as the signature.
  it('10,000 flat numbered items: item 10000 is a clause, not the signature', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `${i + 1}. 事项${i + 1}`);
    const r = await run({ 'items.txt': notice(lines.join('\n')) });
    const [d] = json<Doc[]>(r, 'documents.json');
    expect(d!.issuers).toEqual(['教育部']);
    expect(allClauses(d!.clauses).some((c) => c.text.startsWith('事项10000') || c.heading === '事项10000')).toBe(true);
  });

  it('a table with ragged rows keeps every cell', async () => {
    const table = ['序号\t名称\t证书\t联系人', '1\t甲组织', '2\t乙组织\t乙证书\t张三\t多余列\t又一列', '3\t丙组织\t丙证书', '4\t丁组织\t丁证书\t李四'];
    const r = await run({ 'ragged.txt': notice(`一、名单\n${table.join('\n')}`) });
    expectClean(r, true);
    const [d] = json<Doc[]>(r, 'documents.json');
    const text = allText(d!);
    for (const cell of table.flatMap((l) => l.split('\t'))) expect(text).toContain(cell);
    const report = json<{ sources: { nonBlankLines: number; coveredLines: number }[] }>(r, 'report.json');
    expect(report.sources[0]!.coveredLines).toBe(report.sources[0]!.nonBlankLines);
  });

  it('two documents with the same 文号 and different text become one document with both texts as variants', async () => {
    const r = await run({ 'a.txt': notice('一、总体要求\n请认真执行。'), 'b.txt': notice('一、总体要求\n请认真执行并按时报送材料。\n二、新增条款\n另有规定。') });
    expectClean(r, true);
    const docs = json<Doc[]>(r, 'documents.json');
    expect(docs.map((d) => d.id)).toEqual(['jzc-2020-1']);
    expect(docs[0]!.variants.map((v) => v.source.file).sort()).toEqual(['a.txt', 'b.txt']);
    const diffs = docs[0]!.variants.flatMap((v) => v.differences);
    expect(diffs.map((x) => x.kind)).toContain('changed');
    expect(JSON.stringify(diffs)).toContain('请认真执行。');
    expect(JSON.stringify(diffs)).toContain('另有规定。');
  });

  it('markup and javascript: URLs in a source stay text, byte for byte', async () => {
    const hostile = ['<script>alert(1)</script>请认真执行。', '<img src=x onerror=alert(1)>图片', '详见 javascript:alert(1) 与 <a href="javascript:alert(2)">链接</a>。'];
    const r = await run({ 'x.txt': notice(`一、总体要求\n${hostile.join('\n')}\n二、附表\n名称\t网址\n<b>加粗</b>\tjavascript:alert(4)`) });
    expectClean(r, true);
    const [d] = json<Doc[]>(r, 'documents.json');
    const text = allText(d!);
    for (const h of [...hostile.map((h) => h.replace(/。$/u, '')), '<b>加粗</b>', 'javascript:alert(4)']) expect(text).toContain(h);
  });

  it('CRLF line ends, a UTF-8 BOM and control characters read as text', async () => {
    const r = await run({ 'crlf.txt': titled(1, '一、总体要求\n请认真执行。').replace(/\n/gu, '\r\n'), 'bom.txt': `\uFEFF${titled(2, '一、总体要求\n请按时报送。')}`, 'ctrl.txt': titled(3, '一、总体要求\n请认真\u001b[31m执行\u0007。\u202e反向\u200b') });
    expectClean(r, true);
    const docs = json<Doc[]>(r, 'documents.json');
    expect(docs.map((d) => d.id).sort()).toEqual(['jzc-2020-1', 'jzc-2020-2', 'jzc-2020-3']);
    expect(allText(docs.find((d) => d.id === 'jzc-2020-1')!)).toContain('请认真执行。');
    expect(allText(docs.find((d) => d.id === 'jzc-2020-1')!)).not.toContain('\r');
  });
});
