/**
 * A source written to attack the site — markup, event handlers, javascript: URLs — built into a
 * real site (ingest + astro build in a copy of the project) and read back: every case must show
 * as visible text, never become markup, a handler or a link.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProjectCopy, copyProject } from '../helpers/site.ts';

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
  site = copyProject('hostile-site-', { 'hostile.txt': HOSTILE }, { overrides: false });
  site.node(['scripts/ingest/cli.ts', '--quiet', '--no-cache']);
  site.astroBuild();
  html = readFileSync(join(site.dir, 'dist', 'docs', 'jzc-2020-99', 'index.html'), 'utf8');
}, 180_000);

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
