/**
 * Exports (issue 15) in Chromium: a certificate page's 下载 links give that certificate's and that level's
 * own files — a CSV with a BOM whose rows are the level's rows, and JSON with the counts — as a reader who
 * clicks them gets them (a real download, not a fetch of the URL).
 * Figures from the text source (001): 物流管理 初级 4 职业功能, 12 工作内容, 33 技能要求, 33 相关知识;
 * Web 前端开发 中级 22 职业技能, 31 技能要求, 23 知识要求.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../helpers/csv.ts';
import { servedSite } from './served-site.ts';

const site = servedSite();


describe('exports in Chromium', () => {
  it('物流管理: 下载 初级 CSV gives that level’s 82 rows, with a BOM, named for the certificate and level', async () => {
    const page = await site.session.browser.newPage();
    // the level tabs show one level at a time: #level-1 opens 初级, as a reader arriving from a link does
    await page.goto(`${site.origin}/certificates/wlgl/#level-1`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[aria-label="初级条目 CSV"]')]);
    expect(download.suggestedFilename()).toBe('wlgl-level-1.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(text.slice(1));
    const level = header!.indexOf('等级 level');
    const type = header!.indexOf('类型 type');
    expect(rows).toHaveLength(82);
    expect(new Set(rows.map((r) => r[level]))).toEqual(new Set(['初级']));
    const count = (t: string) => rows.filter((r) => r[type] === t).length;
    expect([count('职业功能'), count('工作内容'), count('技能要求'), count('相关知识')]).toEqual([4, 12, 33, 33]);
    // formula-safe: no cell begins with = + - @
    for (const r of rows) for (const cell of r) expect(cell, cell).not.toMatch(/^[=+\-@]/u);
    await page.close();
  });

  it('Web 前端开发: 下载 中级 JSON gives that level’s counts and rows', async () => {
    const page = await site.session.browser.newPage();
    await page.goto(`${site.origin}/certificates/web-qdkf/#level-2`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[aria-label="中级条目 JSON"]')]);
    expect(download.suggestedFilename()).toBe('web-qdkf-level-2.json');
    const json = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { level: string; rows: { level: string; type: string }[] };
    expect(json.level).toBe('中级');
    const count = (t: string) => json.rows.filter((r) => r.type === t).length;
    expect([count('skill'), count('requirement'), count('knowledge')]).toEqual([22, 31, 23]);
    expect(json.rows.every((r) => r.level === '中级')).toBe(true);
    await page.close();
  });
});
