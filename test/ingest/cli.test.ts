/**
 * `npm run ingest` as a user meets it: exit codes, messages that name file and line,
 * and an output folder that is whole or untouched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/corpus.ts';

function run(files: Record<string, Uint8Array | string>, outExisting?: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
  const sources = join(dir, 'sources');
  const out = join(dir, 'out');
  mkdirSync(sources);
  for (const [name, data] of Object.entries(files)) writeFileSync(join(sources, name), data);
  if (outExisting) {
    mkdirSync(out);
    for (const [name, data] of Object.entries(outExisting)) writeFileSync(join(out, name), data);
  }
  const r = spawnSync(process.execPath, ['scripts/ingest/cli.ts', '--sources', sources, '--out', out, '--overrides', join(dir, 'none')], { cwd: ROOT, encoding: 'utf8' });
  return { ...r, dir, out };
}

const NOTICE = '关于做好试点工作的通知\n教职成〔2020〕1号\n各有关单位：\n一、总体要求\n请认真执行。\n教育部\n2020年1月2日\n';

describe('ingest CLI', () => {
  it('writes documents.json and report.json and exits 0', () => {
    const r = run({ 'a.txt': NOTICE });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1 documents, 7\/7 non-blank lines accounted for/u);
    const docs = JSON.parse(readFileSync(join(r.out, 'documents.json'), 'utf8'));
    expect(docs.map((d: { id: string }) => d.id)).toEqual(['jzc-2020-1']);
    expect(readdirSync(r.dir).sort()).toEqual(['out', 'sources']);
  });

  it('prints warnings as file:line: message', () => {
    const r = run({ 'b.txt': '关于做好试点工作的通知\n教职成司函„2019‟36 号\n正文。\n' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('b.txt:2: 已规范化“„2019‟”');
  });

  it.each([
    ['a GBK file', 'gbk.txt', Uint8Array.from([0xb9, 0xd8, 0xd3, 0xda, 0x0a]), /gbk\.txt:1: gbk\.txt 不是 UTF-8 编码（偏移 0 处的字节 0xb9 无效）/u],
    ['a binary file', 'bin.txt', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), /bin\.txt:1: bin\.txt 是二进制文件（偏移 4 处有 NUL 字节）/u],
  ])('refuses %s with a message naming it, and leaves the old output as it was', (_what, name, bytes, message) => {
    const r = run({ 'ok.txt': NOTICE, [name]: bytes }, { 'documents.json': 'previous' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /u); // no stack trace
    expect(readFileSync(join(r.out, 'documents.json'), 'utf8')).toBe('previous');
    expect(readdirSync(r.dir).sort()).toEqual(['out', 'sources']);
  });

  it('reads an empty source as no documents, with a warning', () => {
    const r = run({ 'empty.txt': '', 'ok.txt': NOTICE });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('empty.txt:1: empty.txt 没有文字内容');
    const report = JSON.parse(readFileSync(join(r.out, 'report.json'), 'utf8'));
    expect(report.sources.find((s: { file: string }) => s.file === 'empty.txt')).toMatchObject({ nonBlankLines: 0, documents: [] });
  });

  it('masks personal numbers in everything it writes (the privacy stage), unless told to publish them', () => {
    const text = '关于做好试点工作的通知\n教职成〔2020〕1号\n各有关单位：\n一、总体要求\n联系人：张三，手机 13801328764，电话 010-58934617。\n教育部\n2020年1月2日\n';
    const masked = run({ 'a.txt': text });
    expect(masked.status).toBe(0);
    expect(masked.stdout).toContain('ingest: 1 personal numbers masked (1 mobile, 0 bank, 0 ID-card occurrences)');
    const out = readdirSync(masked.out).map((f) => readFileSync(join(masked.out, f), 'utf8')).join('\n');
    expect(out).toContain('138****8764');
    expect(out).not.toContain('13801328764');
    expect(out).toContain('010-58934617');

    const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
    mkdirSync(join(dir, 'sources'));
    writeFileSync(join(dir, 'sources', 'a.txt'), text);
    const args = ['scripts/ingest/cli.ts', '--sources', join(dir, 'sources'), '--out', join(dir, 'out'), '--overrides', join(dir, 'none'), '--publish-personal'];
    const published = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    expect(published.stdout).toContain('ingest: personal numbers published (--publish-personal)');
    expect(readFileSync(join(dir, 'out', 'documents.json'), 'utf8')).toContain('13801328764');
  });

  it('says so when the sources folder is missing', () => {
    const r = spawnSync(process.execPath, ['scripts/ingest/cli.ts', '--sources', '/nonexistent/x', '--out', join(tmpdir(), 'never')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('/nonexistent/x: no such folder');
    expect(existsSync(join(tmpdir(), 'never'))).toBe(false);
  });
});

describe('ingest CLI with a bad override', () => {
  it('names the override file and the missing field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
    mkdirSync(join(dir, 'sources'));
    mkdirSync(join(dir, 'overrides'));
    writeFileSync(join(dir, 'sources', 'a.txt'), NOTICE);
    writeFileSync(join(dir, 'overrides', 'x.yaml'), 'match:\n  title: 关于做好试点工作的通知\nset:\n  docNumber: 教职成〔2020〕2号\n');
    const r = spawnSync(process.execPath, ['scripts/ingest/cli.ts', '--sources', join(dir, 'sources'), '--overrides', join(dir, 'overrides'), '--out', join(dir, 'out')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/x\.yaml: does not match its schema:[\s\S]*reason/u);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
