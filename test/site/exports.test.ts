/**
 * Exports (issue #15) in the built site: one certificate's skill matrix as files, all levels and each
 * level (/data/certificates/<id>/skills|level-<n>.csv|.json), linked from the certificate page; and every
 * CSV under dist/ written by the one writer: BOM, CRLF records, RFC 4180, no cell a spreadsheet would run
 * as a formula. Figures are the text source's (Web 前端开发 12/22/41 职业技能, 17/31/44 S, 13/23/42 K;
 * 物流管理 通用 + three levels) and are checked against content/generated/ too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CERTIFICATE_SKILL_COLUMNS, type CertificateSkillJson } from '../../src/lib/export/certificate-skills.ts';
import type { SkillRow, SkillStandard } from '../../src/schema/skills.ts';
import { DIST, ensureSite, generated, page, text } from '../helpers/site.ts';
import { parseCsv } from '../helpers/csv.ts';

let skills: SkillRow[] = [];
let standards: SkillStandard[] = [];

beforeAll(() => {
  ensureSite();
  skills = generated<SkillRow[]>('skills.json');
  standards = generated<SkillStandard[]>('standards.json');
});


function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return filesUnder(p, ext);
    return e.name.endsWith(ext) ? [p] : [];
  });
}

const raw = (sitePath: string) => readFileSync(join(DIST, sitePath), 'utf8');
/** A CSV file of the site as header + records (BOM checked and removed). */
function csv(sitePath: string): { header: string[]; rows: Record<string, string>[] } {
  const text = raw(sitePath);
  expect(text.charCodeAt(0), sitePath).toBe(0xfeff);
  const [header, ...records] = parseCsv(text.slice(1));
  return { header: header!, rows: records.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}
const json = (sitePath: string) => JSON.parse(raw(sitePath)) as CertificateSkillJson;

const countBy = (rows: Record<string, string>[], type: string) => rows.filter((r) => r['类型 type'] === type).length;

describe('every CSV the site writes', () => {
  it('starts with the UTF-8 BOM, is CRLF RFC 4180, and no cell starts with an unprefixed = + - @ tab or CR', () => {
    const files = filesUnder(DIST, '.csv').map((f) => `/${relative(DIST, f)}`).sort();
    expect(files).toEqual([
      '/data/certificates.csv',
      '/data/certificates/web-qdkf/level-1.csv',
      '/data/certificates/web-qdkf/level-2.csv',
      '/data/certificates/web-qdkf/level-3.csv',
      '/data/certificates/web-qdkf/skills.csv',
      '/data/certificates/wlgl/level-0.csv',
      '/data/certificates/wlgl/level-1.csv',
      '/data/certificates/wlgl/level-2.csv',
      '/data/certificates/wlgl/level-3.csv',
      '/data/certificates/wlgl/skills.csv',
      '/data/documents.csv',
      '/data/skills.csv',
    ]);
    let cells = 0;
    for (const f of files) {
      const bytes = readFileSync(join(DIST, f));
      expect([...bytes.subarray(0, 3)], f).toEqual([0xef, 0xbb, 0xbf]);
      const table = parseCsv(bytes.toString('utf8').slice(1));
      expect(table.every((r) => r.length === table[0]!.length), f).toBe(true);
      for (const cell of table.flat()) {
        cells++;
        expect(/^[=+\-@\t\r]/u.test(cell), `${f}: ${cell}`).toBe(false);
      }
    }
    expect(cells).toBeGreaterThan(20_000);
  });
});

describe('/data/certificates/web-qdkf/: Web 前端开发', () => {
  const levels = ['level-1', 'level-2', 'level-3'];

  it('each level file has the text source’s rows: 12/22/41 职业技能, 17/31/44 技能要求, 13/23/42 知识要求', () => {
    const files = levels.map((n) => csv(`/data/certificates/web-qdkf/${n}.csv`));
    expect(files.map((f) => new Set(f.rows.map((r) => r['等级 level'])))).toEqual([new Set(['初级']), new Set(['中级']), new Set(['高级'])]);
    expect(files.map((f) => countBy(f.rows, '职业技能'))).toEqual([12, 22, 41]);
    expect(files.map((f) => countBy(f.rows, '技能要求'))).toEqual([17, 31, 44]);
    expect(files.map((f) => countBy(f.rows, '知识要求'))).toEqual([13, 23, 42]);
    expect(files.map((f) => countBy(f.rows, '工作领域'))).toEqual([3, 4, 6]);
    expect(files.map((f) => countBy(f.rows, '工作任务'))).toEqual([5, 6, 10]);
    // the same as the standard's counts and skills.json
    const std = standards.find((s) => s.id === 'web-qdkf')!;
    expect(files.map((f) => f.rows.length)).toEqual(std.levels.map((l) => Object.values(l.counts).reduce((a, b) => a + b, 0)));
    expect(files.map((f) => f.rows.length)).toEqual(['初级', '中级', '高级'].map((l) => skills.filter((r) => r.standard === 'web-qdkf' && r.level === l).length));
  });

  it('skills.csv is the three levels one after another (279 rows), with the columns described on /data/', () => {
    const all = csv('/data/certificates/web-qdkf/skills.csv');
    expect(all.header).toEqual(CERTIFICATE_SKILL_COLUMNS.map((c) => c.name));
    expect(all.rows).toHaveLength(279);
    expect(all.rows).toEqual(levels.flatMap((n) => csv(`/data/certificates/web-qdkf/${n}.csv`).rows));
  });

  it('codes as printed (3-5-4 -S4, 3-10-1-K), source file and line, permalink to a page that exists, and the memo citation', () => {
    const { rows } = csv('/data/certificates/web-qdkf/skills.csv');
    const byAnchor = new Map(skills.filter((r) => r.standard === 'web-qdkf').map((r) => [r.anchor, r]));
    for (const r of rows) {
      const row = byAnchor.get(r['锚点 anchor']!)!;
      expect(r['代码 code']).toBe(row.code ?? '');
      expect(r['内容 text']).toBe(row.text);
      expect([r['来源文件 file'], Number(r['行 line'])]).toEqual([row.source.file, row.source.line]);
      expect(r['网址 permalink']).toBe(`/certificates/web-qdkf/skills/${row.anchor}/`);
      expect(existsSync(join(DIST, r['网址 permalink']!, 'index.html'))).toBe(true);
    }
    const typo = rows.find((r) => r['代码 code'] === '3-5-4 -S4')!;
    expect(typo['规范代码 normalizedCode']).toBe('3-5-4-S4');
    expect(typo['等级 level']).toBe('高级');
    expect(typo['引用 citation']).toBe('《Web 前端开发职业技能等级标准》（高级）3-5-4-S4（原文作“3-5-4 -S4”）');
    expect(typo['标记 flags']).toContain('原文代码有多余空格');
    expect(rows.filter((r) => r['代码 code'] === '3-10-1-K')).toHaveLength(1);
    const first = rows.find((r) => r['代码 code'] === '1-1-1')!;
    expect([first['工作领域 area'], first['类型 type'], first['来源文件 file']]).toEqual([byAnchor.get('1-1-1')!.path[0], '职业技能', '001_614f8415cb5dd7e9.txt']);
  });

  it('the JSON files hold the same rows with counts, level and the CSV’s URL', () => {
    const counts = levels.map((n) => json(`/data/certificates/web-qdkf/${n}.json`));
    expect(counts.map((j) => j.level)).toEqual(['初级', '中级', '高级']);
    expect(counts.map((j) => [j.counts.skill, j.counts.requirement, j.counts.knowledge])).toEqual([[12, 17, 13], [22, 31, 23], [41, 44, 42]]);
    expect(counts.map((j) => j.csv)).toEqual(levels.map((n) => `/data/certificates/web-qdkf/${n}.csv`));
    const all = json('/data/certificates/web-qdkf/skills.json');
    expect(all.level).toBeNull();
    expect(all.certificate).toEqual({ id: 'web-qdkf', name: 'Web 前端开发', fullName: 'Web 前端开发职业技能等级证书' });
    expect(all.rows.map((r) => r.anchor)).toEqual(csv('/data/certificates/web-qdkf/skills.csv').rows.map((r) => r['锚点 anchor']));
    const typo = all.rows.find((r) => r.code === '3-5-4 -S4')!;
    expect(typo.permalink).toBe('/certificates/web-qdkf/skills/3-5-4-S4/');
    expect(typo.source).toEqual(skills.find((r) => r.standard === 'web-qdkf' && r.anchor === '3-5-4-S4')!.source);
  });
});

describe('/data/certificates/wlgl/: 物流管理 (no codes; 一般要求 + three levels)', () => {
  it('level-0 (通用) to level-3 have the standard’s rows: 职业功能 3/4/6/6, 工作内容 9/12/14/15, 技能要求 27/33/37/39, 相关知识 22/33/35/38', () => {
    const files = ['level-0', 'level-1', 'level-2', 'level-3'].map((n) => csv(`/data/certificates/wlgl/${n}.csv`));
    expect(files.map((f) => [...new Set(f.rows.map((r) => r['等级 level']))])).toEqual([['通用'], ['初级'], ['中级'], ['高级']]);
    expect(files.map((f) => countBy(f.rows, '职业功能'))).toEqual([3, 4, 6, 6]);
    expect(files.map((f) => countBy(f.rows, '工作内容'))).toEqual([9, 12, 14, 15]);
    expect(files.map((f) => countBy(f.rows, '技能要求'))).toEqual([27, 33, 37, 39]);
    expect(files.map((f) => countBy(f.rows, '相关知识'))).toEqual([22, 33, 35, 38]);
    const std = standards.find((s) => s.id === 'wlgl')!;
    expect(files.map((f) => countBy(f.rows, '技能要求'))).toEqual(std.levels.map((l) => l.counts.requirements));
    expect(files.map((f) => countBy(f.rows, '相关知识'))).toEqual(std.levels.map((l) => l.counts.knowledge));
    const all = csv('/data/certificates/wlgl/skills.csv').rows;
    expect(all).toHaveLength(333);
    expect(all).toEqual(files.flatMap((f) => f.rows));
    // no code is invented: the code column is empty, the item's number and position anchor are given
    expect(all.every((r) => r['代码 code'] === '')).toBe(true);
    expect(all.filter((r) => r['类型 type'] === '技能要求').every((r) => r['序号 label'] !== '' && /^l\d-f\d+-w\d+-s\d+$/u.test(r['锚点 anchor']!))).toBe(true);
    expect(json('/data/certificates/wlgl/level-0.json').counts).toEqual({ area: 3, task: 9, skill: 0, requirement: 27, knowledge: 22 });
  });
});

describe('links to the files', () => {
  it('the certificate page’s 下载 links are this certificate’s files, and each level section links its level’s files', () => {
    for (const [id, levels] of [['web-qdkf', [1, 2, 3]], ['wlgl', [0, 1, 2, 3]]] as const) {
      const html = page(`/certificates/${id}/`);
      const standard = html.querySelector('section.cert-standard > p')!;
      expect([...standard.querySelectorAll('a[data-download]')].map((a) => [a.getAttribute('href'), a.getAttribute('download')])).toEqual([
        [`/data/certificates/${id}/skills.csv`, `${id}-skills.csv`],
        [`/data/certificates/${id}/skills.json`, `${id}-skills.json`],
      ]);
      expect(html.querySelector('section.cert-standard a[href="/data/"]')).toBeNull();
      const sections = [...html.querySelectorAll('section.skill-level')];
      expect(sections.map((s) => s.id)).toEqual(levels.map((n) => `level-${n}`));
      for (const s of sections) {
        const hrefs = [...s.querySelectorAll('a[data-download]')].map((a) => a.getAttribute('href')!);
        expect(hrefs).toEqual([`/data/certificates/${id}/${s.id}.csv`, `/data/certificates/${id}/${s.id}.json`]);
        expect([...s.querySelectorAll('a[data-download]')].map((a) => a.getAttribute('aria-label'))).toEqual(['CSV', 'JSON'].map((f) => `${text(s.querySelector('h4'))}条目 ${f}`));
        for (const h of hrefs) expect(existsSync(join(DIST, h)), h).toBe(true);
      }
    }
  });

  it('/data/ lists every per-certificate file with its rows, describes the columns, and says why cells get an apostrophe', () => {
    const html = page('/data/');
    const hrefs = new Set([...html.querySelectorAll('a[href^="/data/certificates/"]')].map((a) => a.getAttribute('href')!));
    const files = filesUnder(join(DIST, 'data', 'certificates'), '').filter((f) => /\.(csv|json)$/u.test(f)).map((f) => `/${relative(DIST, f)}`);
    expect(files).toHaveLength(18);
    expect(new Set(files)).toEqual(hrefs);
    const cells = [...html.querySelectorAll('table.data-fields th code')].map((c) => c.textContent);
    for (const col of CERTIFICATE_SKILL_COLUMNS) expect(cells).toContain(col.name);
    const note = html.getElementById('formula-safe')!.textContent!;
    for (const t of ['=', '+', '-', '@', '单引号', '公式']) expect(note).toContain(t);
  });
});
