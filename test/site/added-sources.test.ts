/**
 * Sources a user drops into content/sources/, built into a real site (ingest, astro build and the search
 * index, as `npm run build` runs them, in a copy of the project) and read back. One build serves both:
 * - a source written to attack the site — markup, event handlers, javascript: URLs: every case must show
 *   as visible text, never become markup, a handler or a link;
 * - a skill standard as its PDF (test/fixtures/pdf/web-qianduan-standard.pdf, printed from the standard
 *   that source 001 prints as text; the copy holds none of the real sources, so no list names its
 *   certificate) and a scan without a text layer: the certificate's page marked as not in the lists held
 *   here, its matrix by level, skill pages and search hits, each cited to the PDF's page, the PDF served,
 *   the scan listed as not read.
 */
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type ProjectCopy, copyProject } from '../helpers/site.ts';

const PDFS = join(ROOT, 'test', 'fixtures', 'pdf');
const STANDARD_PDF = 'web-qianduan-standard.pdf';

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
