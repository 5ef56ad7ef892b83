/**
 * Sources a user drops into content/sources/, built into a real site (ingest, astro build and the search
 * index, as `npm run build` runs them, in a copy of the project) and read back. One build serves both:
 * - a source written to attack the site — markup, event handlers, javascript: URLs: every case must show
 *   as visible text, never become markup, a handler or a link;
 * - a skill standard as its PDF (test/fixtures/pdf/web-qianduan-standard.pdf, printed from the standard
 *   that source 001 prints as text; the copy holds none of the real sources, so no list names its
 *   certificate) and a scan without a text layer: the certificate's page marked as not in the lists held
 *   here, its matrix by level, skill pages and search hits, each cited to the PDF's page, the PDF served,
 *   the scan listed as not read;
 * - three real laws (issue 16): the 职业教育法 of 1996 and of 2022 and the 劳动法 of 2018, whose 节选 the real
 *   sources hold as 节选 (not added here): the work page with both versions, the diff page, the superseded
 *   version's banner and articles linked to their successors, the 时效性 in /docs/ and the CSV;
 * - the invented laws of the blind gold (test/fixtures/laws/versions): the diff page of its two versions, a 节选
 *   of the older one, a repealed 办法 and a law not yet in force.
 */
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import type { LawWork } from '../../src/schema/laws.ts';
import { parseCsv } from '../helpers/csv.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type ProjectCopy, copyProject } from '../helpers/site.ts';

const PDFS = join(ROOT, 'test', 'fixtures', 'pdf');
const STANDARD_PDF = 'web-qianduan-standard.pdf';
/** The three real laws, copied into the sources under their own names. */
const LAWS = {
  'zhiyejiaoyufa-1996-05-15.md': '/work/shared/fixtures/laws/zhiyejiaoyufa-1996-05-15.md',
  'zhiyejiaoyufa-2022-04-20.md': join(ROOT, 'test', 'fixtures', 'laws', 'zhiyejiaoyufa-2022-04-20.md'),
  'laodongfa-2018-12-29.md': '/work/shared/fixtures/laws/laodongfa-2018-12-29.md',
};
/** Invented laws written by hand with a gold (test/fixtures/laws/versions/README.md): two versions, a repealed 办法, one not yet in force. */
const VERSIONS = join(ROOT, 'test', 'fixtures', 'laws', 'versions');
const INVENTED = ['pingjiafa-2019.md', 'pingjiafa-2023.md', 'jiexuan-notice.txt', 'banfa-2018.md', 'banfa-2022.md', 'weilai-2026.md'];

const HOSTILE = [
  '关于做好防范测试工作的通知',
  '教职成〔2020〕99号',
  '各有关单位：',
  '一、<script>alert(1)</script>脚本',
  '正文中有<img src=x onerror=alert(2)>图片与<a href="javascript:alert(3)">链接</a>。',
  '另见 javascript:alert(4) 和 https://example.org/ok 两个地址。',
  '二、表格',
  '名称\t说明',
  '<b onmouseover=alert(5)>加粗</b>\tjavascript:alert(6)',
  '教育部',
  '2020年1月2日',
].join('\n');

let site: ProjectCopy | null = null;
let html = '';

beforeAll(() => {
  site = copyProject('added-sources-', { 'hostile.txt': HOSTILE }, { overrides: false });
  for (const pdf of [STANDARD_PDF, 'scan.pdf']) copyFileSync(join(PDFS, pdf), join(site.dir, 'content', 'sources', pdf));
  for (const [name, path] of Object.entries(LAWS)) copyFileSync(path, join(site.dir, 'content', 'sources', name));
  for (const name of INVENTED) copyFileSync(join(VERSIONS, name), join(site.dir, 'content', 'sources', name));
  site.node(['scripts/ingest/cli.ts', '--quiet', '--no-cache']);
  site.astroBuild();
  site.node(['--expose-gc', 'scripts/search/build-index.ts']);
  html = readFileSync(join(site.dir, 'dist', 'docs', 'jzc-2020-99', 'index.html'), 'utf8');
}, 300_000);

afterAll(() => site?.remove());

describe('a hostile source, built into the site', () => {
  it('shows markup as visible text', () => {
    const { document } = parseHTML(html);
    const body = document.querySelector('.doc__body')!.textContent ?? '';
    for (const t of ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '<a href="javascript:alert(3)">链接</a>', 'javascript:alert(4)', '<b onmouseover=alert(5)>加粗</b>', 'javascript:alert(6)']) {
      expect(body, t).toContain(t);
    }
  });
  it('never turns it into an element, a handler or a javascript: link', () => {
    const { document } = parseHTML(html);
    const main = document.querySelector('.doc__body')!;
    expect(main.querySelectorAll('script, img, b, iframe, object')).toHaveLength(0);
    for (const el of main.querySelectorAll('*')) {
      for (const a of el.getAttributeNames()) expect(a.startsWith('on'), `${el.tagName} ${a}`).toBe(false);
    }
    const hrefs = [...main.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
    expect(hrefs.filter((h) => /^\s*javascript:/iu.test(h))).toEqual([]);
    // The one real web address becomes an external link, marked and isolated.
    const ext = main.querySelector('a[href="https://example.org/ok"]')!;
    expect(ext.getAttribute('rel')).toBe('noopener noreferrer');
    // Anywhere in the page, attributes included, the markup is escaped.
    expect(html).not.toMatch(/<script>alert|<img src=x|<b onmouseover|<a href="javascript:/u);
  });
});

describe('a skill standard dropped in as its PDF', () => {
  const dist = () => join(site!.dir, 'dist');
  const page = (path: string) => parseHTML(readFileSync(join(dist(), path, 'index.html'), 'utf8')).document;
  const skills = () => readdirSync(join(dist(), 'certificates', 'web-qdkf', 'skills'));

  it('gives its certificate page a matrix by level and every row its skill page (12/22/41 skills, 279 rows)', () => {
    // Rows of the text source's standard (issue 3): 工作领域 3/4/6, 工作任务 5/6/10, 职业技能 12/22/41, S 17/31/44, K 13/23/42.
    expect(skills()).toHaveLength(13 + 21 + 75 + 92 + 78);
    const cert = page('certificates/web-qdkf');
    expect(cert.body.textContent).toContain('Web 前端开发');
    expect(cert.body.textContent).toContain('未见于本库所收名单');
    for (const level of ['初级', '中级', '高级']) expect(cert.body.textContent).toContain(level);
  });

  it('cites a skill row to the PDF page that prints it, and links there', () => {
    // 2-3-4-S5 stands in the 中级 table on the PDF's page 8 (test/fixtures/pdf/README.md: 中级 on pages 7–10).
    const row = page('certificates/web-qdkf/skills/2-3-4-S5');
    const links = [...row.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    expect(links).toContain(`/sources/${STANDARD_PDF}#page=8`);
    expect(row.body.textContent).toContain(`${STANDARD_PDF} 第 8 页`);
    expect(row.body.textContent).toMatch(/（中级）2-3-4-S5，第 8 页/u);
  });

  it('serves the PDF itself under /sources/, byte for byte', () => {
    expect(readFileSync(join(dist(), 'sources', STANDARD_PDF)).equals(readFileSync(join(PDFS, STANDARD_PDF)))).toBe(true);
  });

  it('lists the scan on /sources/ as not read, and builds everything else', () => {
    const sources = page('sources').body.textContent ?? '';
    expect(sources).toContain('scan.pdf');
    expect(sources).toContain('无文字层，可能是扫描件，需要先做文字识别');
    expect(existsSync(join(dist(), 'docs', 'jzc-2020-99', 'index.html'))).toBe(true);
  });

  it('is found by search: its code leads to the row, a phrase of a row’s text to that row’s page', () => {
    const search = (q: string) => JSON.parse(site!.node(['scripts/search/cli.ts', q, '--json', '--limit', '5'])) as Array<{ url: string; excerpt?: string }>;
    expect(search('2-3-4-S5')[0]!.url).toBe('/certificates/web-qdkf/skills/2-3-4-S5/');
    const phrase = search('RESTful API 规范');
    // The phrase is 职业技能 2-3-4's own text (“能根据 RESTful API 规范设计可用的 API”), the row above 2-3-4-S5.
    expect(phrase[0]!.url).toBe('/certificates/web-qdkf/skills/2-3-4/');
    expect(JSON.stringify(phrase[0])).toMatch(/2-3-4.*RESTful API ?规范/u);
  });
});

describe('three real laws added (issue 16): works, versions, the diff', () => {
  const dist = () => join(site!.dir, 'dist');
  const page = (path: string) => parseHTML(readFileSync(join(dist(), path, 'index.html'), 'utf8')).document;
  const generated = <T,>(name: string) => JSON.parse(readFileSync(join(site!.dir, 'content', 'generated', name), 'utf8')) as T;
  const docs = () => generated<PolicyDocument[]>('documents.json');
  /** The document holding a work's whole text of this version (its id is the ingest's to choose). */
  const versionDoc = (name: string, version: string) => docs().find((d) => d.law?.name === name && d.law.version === version && !d.law.excerpt)!;
  const ZYJYF = '中华人民共和国职业教育法';
  const work = () => generated<LawWork[]>('works.json').find((w) => w.name === ZYJYF)!;

  it('holds 职业教育法 as one work of two whole versions: 1996 已被修订, 2022 现行有效 and current', () => {
    const [v1996, v2022] = [versionDoc(ZYJYF, '1996-05-15'), versionDoc(ZYJYF, '2022-04-20')];
    expect([v1996.law!.status, v2022.law!.status]).toEqual(['已被修订', '现行有效']);
    expect(work().current).toBe(v2022.id);
    expect(docs().some((d) => d.id === work().id)).toBe(false);
  });

  it('gives the work page both versions with their statuses, the diff link, the current text (#art34), out of the index', () => {
    const w = work();
    const [v1996, v2022] = [versionDoc(ZYJYF, '1996-05-15'), versionDoc(ZYJYF, '2022-04-20')];
    const doc = page(`docs/${w.id}`);
    expect(doc.querySelector('h1')!.textContent).toBe(ZYJYF);
    const rows = [...doc.querySelectorAll('.law-versions tbody tr')].map((tr) => [tr.getAttribute('data-version'), tr.querySelector('[data-label="文本"]')!.textContent, tr.querySelector('.law-status')!.textContent, tr.querySelector('a')?.getAttribute('href') ?? null]);
    expect(rows).toContainEqual(['1996-05-15', '全文', '已被修订', `/docs/${v1996.id}/`]);
    expect(rows).toContainEqual(['2022-04-20', '全文', '现行有效', `/docs/${v2022.id}/`]);
    expect(doc.querySelector(`a[href="/docs/${w.id}/changes/1996-05-15_2022-04-20/"]`)).not.toBeNull();
    expect(doc.querySelector('#art34 .clause__heading, #art34 .clause__text')!.textContent).toContain('第三十四条');
    expect(doc.querySelector('#art34')!.textContent).toContain('职业培训机构的设立，应当符合下列基本条件');
    // Its canonical link (to the current version's page) needs the site's origin: test/site/site-url.test.ts.
    expect(doc.querySelector('[data-law-work]')!.getAttribute('data-pagefind-ignore')).toBe('all');
  });

  it('counts the diff 1996 → 2022: 42 added, 13 removed, 26 changed, 0 renumbered, 1 unchanged; 1996 第八条 beside 2022 第十一条', () => {
    const w = work();
    const doc = page(`docs/${w.id}/changes/1996-05-15_2022-04-20`);
    const counts = Object.fromEntries([...doc.querySelectorAll('[data-count]')].map((dd) => [dd.getAttribute('data-count'), Number(dd.textContent)]));
    expect(counts).toEqual({ added: 42, removed: 13, changed: 26, renumbered: 0, unchanged: 1 });
    expect(doc.querySelectorAll('.law-change')).toHaveLength(42 + 13 + 26 + 1);
    const art8 = doc.querySelector('.law-change[data-older="art8"]')!;
    expect(art8.getAttribute('data-newer')).toBe('art11');
    expect([...art8.querySelectorAll('ins')].map((e) => e.textContent)).toContain('和职业技能等级证书');
    expect(art8.querySelector(`a[href="/docs/${versionDoc(ZYJYF, '2022-04-20').id}/#art11"]`)).not.toBeNull();
  });

  it('marks the 1996 page superseded: a banner linking to the 2022 page, 第八条 → 现行文本第十一条', () => {
    const [v1996, v2022] = [versionDoc(ZYJYF, '1996-05-15'), versionDoc(ZYJYF, '2022-04-20')];
    const doc = page(`docs/${v1996.id}`);
    const banner = doc.querySelector('[data-law-banner]')!;
    expect(banner.textContent).toContain('已被修订');
    expect(banner.querySelector('[data-current-link]')!.getAttribute('href')).toBe(`/docs/${v2022.id}/`);
    const link = doc.querySelector('#art8 > .law-link a')!;
    expect([link.textContent, link.getAttribute('href')]).toEqual(['现行文本第十一条', `/docs/${v2022.id}/#art11`]);
    expect(doc.querySelector('[data-law-status]')!.textContent).toContain('已被修订');
    // The text in force has no banner.
    expect(page(`docs/${v2022.id}`).querySelector('[data-law-banner]')).toBeNull();
  });

  it('gives the 劳动法 (one version, in force) no banner, and a work page with its history (1994 通过, 2009 and 2018 修正, 1995 施行)', () => {
    const whole = versionDoc('中华人民共和国劳动法', '2018-12-29');
    const own = page(`docs/${whole.id}`);
    expect(own.querySelector('[data-law-banner]')).toBeNull();
    expect(own.querySelector('[data-law-status]')!.textContent).toContain('现行有效');
    const w = page(`docs/${whole.law!.work}`);
    expect(w.querySelectorAll('.law-versions tbody tr')).toHaveLength(1);
    expect([...w.querySelectorAll('.law-history time')].map((t) => t.getAttribute('datetime'))).toEqual(expect.arrayContaining(['1994-07-05', '2009-08-27', '2018-12-29', '1995-01-01']));
    expect(w.querySelector('.law-changes-list')).toBeNull();
  });

  it('shows 时效性 in /docs/ with its filter, and in documents.csv', () => {
    const list = page('docs');
    const options = [...list.querySelectorAll('select[name="law"] option')].map((o) => o.getAttribute('value'));
    expect(options).toEqual(['', '现行有效', '尚未施行', '已被修订', '已废止']);
    const v1996 = versionDoc(ZYJYF, '1996-05-15');
    expect(list.querySelector(`tr[data-doc="${v1996.id}"]`)!.getAttribute('data-law-status')).toBe('已被修订');
    const rows = parseCsv(readFileSync(join(dist(), 'data', 'documents.csv'), 'utf8').slice(1));
    const col = (name: string) => rows[0]!.indexOf(name);
    const row = rows.find((r) => r[0] === versionDoc(ZYJYF, '2022-04-20').id)!;
    expect([row[col('时效性 lawStatus')], row[col('版本日期 lawVersion')], row[col('施行日期 lawEffective')], row[col('法规 lawWork')]]).toEqual(['现行有效', '2022-04-20', '2022-05-01', work().id]);
    // A document that is no law leaves the four empty.
    const notice = rows.find((r) => r[0] === 'jzc-2020-99')!;
    expect(['时效性 lawStatus', '版本日期 lawVersion', '施行日期 lawEffective', '法规 lawWork'].map((c) => notice[col(c)])).toEqual(['', '', '', '']);
  });
});

describe('the invented laws of the blind gold, built (test/fixtures/laws/versions)', () => {
  const page = (path: string) => parseHTML(readFileSync(join(site!.dir, 'dist', path, 'index.html'), 'utf8')).document;
  const docs = () => JSON.parse(readFileSync(join(site!.dir, 'content', 'generated', 'documents.json'), 'utf8')) as PolicyDocument[];
  const byName = (name: string) => docs().filter((d) => d.law?.name === name);

  it('gives 职业技能评价示例法 2019 → 2023 a diff page counting the gold’s 16 entries: 7 unchanged, 2 renumbered, 5 changed, 1 added, 1 removed', () => {
    const [v1] = byName('中华人民共和国职业技能评价示例法').filter((d) => d.law!.version === '2019-03-01' && !d.law!.excerpt);
    const doc = page(`docs/${v1!.law!.work}/changes/2019-03-01_2023-06-28`);
    const counts = Object.fromEntries([...doc.querySelectorAll('[data-count]')].map((dd) => [dd.getAttribute('data-count'), Number(dd.textContent)]));
    expect(counts).toEqual({ added: 1, removed: 1, changed: 5, renumbered: 2, unchanged: 7 });
    const moved = doc.querySelector('.law-change[data-older="art7"]')!;
    expect([moved.getAttribute('data-change'), moved.getAttribute('data-newer')]).toEqual(['renumbered', 'art8']);
    expect(doc.querySelector('.law-change[data-older="art15"] del')!.textContent).toBe('2019年9月1日');
    // The 2019 page: its 第七条 is 现行文本第八条.
    expect(page(`docs/${v1!.id}`).querySelector('#art7 > .law-link a')!.textContent).toBe('现行文本第八条');
  });

  it('marks the 节选 in the 摘编 of 2020 as copying the 2019 version, linked to that whole text, and as superseded', () => {
    const excerpt = byName('中华人民共和国职业技能评价示例法').find((d) => d.law!.excerpt)!;
    expect(excerpt.law!.version).toBe('2019-03-01');
    const [v1] = byName('中华人民共和国职业技能评价示例法').filter((d) => d.law!.version === '2019-03-01' && !d.law!.excerpt);
    const doc = page(`docs/${excerpt.id}`);
    const banners = doc.querySelectorAll('[data-law-banner]');
    expect([...banners].map((b) => b.textContent).join(' ')).toMatch(/节选.*照录2019年3月1日的版本/u);
    expect(doc.querySelector('[data-whole-link]')!.getAttribute('href')).toMatch(new RegExp(`^/docs/${v1!.id}/`, 'u'));
    expect(doc.querySelector('[data-current-link]')!.getAttribute('href')).toBe(`/docs/${excerpt.law!.current}/`);
    // It quotes 第十三条 (references.json): linked there, and to the same article in the text in force.
    expect(doc.querySelector('[data-quoted-link]')!.getAttribute('href')).toBe(`/docs/${v1!.id}/#art13`);
    expect(doc.querySelector('[data-quoted-successor]')!.getAttribute('href')).toBe(`/docs/${excerpt.law!.current}/#art13`);
  });

  it('marks the repealed 办法 已废止, naming the 2022 办法’s clause that repeals it; the law of 2026 尚未施行', () => {
    const [old] = byName('职业技能评价示例管理办法');
    const [repealer] = byName('职业技能评价示例监督管理办法');
    const banner = page(`docs/${old!.id}`).querySelector('[data-law-banner]')!;
    expect(banner.textContent).toContain('已废止');
    expect(banner.querySelector('[data-repealer-link]')!.getAttribute('href')).toBe(`/docs/${repealer!.id}/#art7`);
    const [future] = byName('中华人民共和国数字职业技能示例法');
    expect(page(`docs/${future!.id}`).querySelector('[data-law-status]')!.textContent).toContain('尚未施行');
    expect(page(`docs/${future!.law!.work}`).querySelector('#law-text-title')!.textContent).toBe('文本（尚未施行）');
  });
});
