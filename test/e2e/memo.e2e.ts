/**
 * 引用清单 in Chromium against the built site: a reader adds two clauses of 教职成〔2019〕6号 and a skill
 * row, reloads, reorders with the keyboard, annotates, and takes the four exports (memo draft, GB/T 7714
 * list, Markdown, a .docx unpacked with mammoth); 复制原文及引用 copies a clause's text and citation.
 * What each export must hold is computed in Node with the same library functions from the site's own
 * /data/*.json, so the test checks the browser's wiring against the citations the pages were built with.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { findClause } from '../../src/lib/citation.ts';
import { gbtList, isoDate, markdown, memoDraft, referenceEntries, withCitation } from '../../src/lib/memo/export.ts';
import { type MemoItem, clauseItem, feeItem, skillItem } from '../../src/lib/memo/item.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import type { SkillRow, SkillStandard } from '../../src/schema/skills.ts';
import type { FeeRule } from '../../src/schema/timeline.ts';
import type { Locator } from 'playwright-core';
import { type Page, screenshot, axeViolations, serious } from './browser.ts';
import { servedSite } from './served-site.ts';

const site = servedSite();

const DOC = 'jzc-2019-6';
const SKILL = '/certificates/web-qdkf/skills/1-1-1-S1/';

function data<T>(name: string): T {
  return JSON.parse(readFileSync(join(site.dir, 'data', name), 'utf8')) as T;
}

/** The three items as the pages were built to give them. */
function expectedItems(): { s25: MemoItem; s26: MemoItem; skill: MemoItem } {
  const docs = data<PolicyDocument[]>('documents.json');
  const doc = (id: string) => docs.find((d) => d.id === id)!;
  const fangan = doc(DOC);
  const standard = data<SkillStandard[]>('standards.json').find((s) => s.id === 'web-qdkf')!;
  const row = data<SkillRow[]>('skills.json').find((r) => r.standard === 'web-qdkf' && r.anchor === '1-1-1-S1')!;
  return {
    s25: clauseItem(fangan, findClause(fangan, 's2-5')!),
    s26: clauseItem(fangan, findClause(fangan, 's2-6')!),
    skill: skillItem(standard, row, 'web-qdkf', doc(standard.document)),
  };
}

/** What a 加入引用清单 button shows (加入引用清单 / 已加入). */
const label = (button: Locator) => button.locator('[data-memo-label]').textContent();
/** axe-core's serious and critical violations on the page as it is now. */
async function axeProblems(page: Page): Promise<string[]> {
  return serious(await axeViolations(page)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const keys = (page: Page) => page.locator('.memo-item').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.key));

describe('引用清单 (memo basket) in Chromium', () => {
  it('复制原文及引用 copies a clause’s text (its paragraphs too) followed by its memo citation', async () => {
    const { s25 } = expectedItems();
    const page = await site.session.browser.newPage();
    await page.goto(`${site.origin}/docs/${DOC}/#s2-5`);
    const cite = page.locator('[id="s2-5"] details.cite').first();
    await cite.locator('summary').click();
    const button = cite.locator('button[data-format="text-memo"]');
    expect(await button.textContent()).toBe('复制原文及引用');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('已复制');
    const copied = await clipboard(page);
    expect(copied).toBe(withCitation(s25.text, s25.cite));
    expect(copied.split('\n')).toEqual([
      '（五）严格职业技能等级考核与证书发放',
      expect.stringMatching(/^培训评价组织负责职业技能等级考核与证书发放。.*证书。$/u),
      '——《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》（教职成〔2019〕6号）二、（五）',
    ]);
    await expect.poll(() => page.textContent('#live-status')).toContain('已复制原文及引用');
    await page.close();
  });

  it('collects two clauses and a skill row, keeps them over a reload, reorders, annotates, removes, and exports them', async () => {
    const { s25, s26, skill } = expectedItems();
    const page = await site.session.browser.newPage();
    await page.goto(`${site.origin}/docs/${DOC}/#s2-5`);
    const add = (anchor: string) => page.locator(`[id="${anchor}"] button[data-memo-add]`).first();

    // Keyboard: focus the button and press Enter; it then says 已加入.
    expect(await add('s2-5').isVisible()).toBe(true);
    expect(await label(add('s2-5'))).toBe('加入引用清单');
    await add('s2-5').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => label(add('s2-5'))).toBe('已加入');
    await expect.poll(() => page.textContent('#live-status')).toContain('已加入引用清单（共 1 条）');
    expect(await add('s2-5').evaluate((b) => b.textContent)).toContain('已加入引用清单：二、（五）');
    await add('s2-6').press('Space');
    await expect.poll(() => label(add('s2-6'))).toBe('已加入');
    // The paragraph inside (五) is its own clause, not added with its section.
    expect(await label(add('s2-5-p1'))).toBe('加入引用清单');
    await screenshot(page, 'memo-doc-added');
    expect(await axeProblems(page)).toEqual([]);

    // A reload keeps the state.
    await page.reload();
    await expect.poll(() => label(add('s2-6'))).toBe('已加入');

    await page.goto(`${site.origin}${SKILL}`);
    const skillAdd = page.locator('.doc__toolbar button[data-memo-add]');
    await skillAdd.click();
    await expect.poll(() => label(skillAdd)).toBe('已加入');
    await screenshot(page, 'memo-skill-added');

    // The basket page lists them in the order added, each with its text and citation.
    const before = site.session.requests.length;
    await page.goto(`${site.origin}/memo/`);
    await expect.poll(() => keys(page)).toEqual([s25.key, s26.key, skill.key]);
    expect(await page.locator('.memo-item').first().locator('.memo-item__cite a').textContent()).toBe(s25.cite);
    expect(await page.locator('.memo-item').first().locator('.memo-item__cite a').getAttribute('href')).toBe(s25.href);
    expect(await page.locator('.memo-item').first().locator('.memo-item__text p').allTextContents()).toEqual(s25.text.split('\n'));
    expect(await page.locator('.memo-item').nth(2).locator('.memo-item__text').textContent()).toBe(skill.text);
    expect(await page.textContent('[data-memo-count]')).toBe('共 3 条，出自 2 份文件。');
    // The page asks the server for nothing but itself and its assets (the web app manifest and its icons among them): no page, no JSON.
    const fetched = site.session.requests.slice(before).map((u) => new URL(u).pathname);
    const asset = (p: string) => p.startsWith('/_astro/') || p.startsWith('/icons/') || ['/memo/', '/favicon.svg', '/manifest.webmanifest'].includes(p);
    expect(fetched.filter((p) => !asset(p))).toEqual([]);

    await page.reload();
    await expect.poll(() => keys(page)).toEqual([s25.key, s26.key, skill.key]);

    // Reorder with the keyboard: the skill row up one place; focus stays with it.
    const third = page.locator('.memo-item').nth(2);
    await third.locator('button[data-act="up"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => keys(page)).toEqual([s25.key, skill.key, s26.key]);
    expect(await page.evaluate(() => (document.activeElement?.closest('.memo-item') as HTMLElement | null)?.dataset.key)).toBe(skill.key);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.act)).toBe('up');
    await expect.poll(() => page.textContent('#live-status')).toContain('已上移：现为第 2 条');
    // Up again: now first, its 上移 disabled, focus on 下移.
    await page.keyboard.press('Enter');
    await expect.poll(() => keys(page)).toEqual([skill.key, s25.key, s26.key]);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.act)).toBe('down');
    await page.keyboard.press('Enter');
    await expect.poll(() => keys(page)).toEqual([s25.key, skill.key, s26.key]);

    // Annotate the 学分银行 clause; the note survives a reload.
    const note = '学分银行：请教务处牵头对接';
    await page.locator(`.memo-item[data-key="${s26.key}"] textarea`).fill(note);
    await page.keyboard.press('Tab');
    await page.reload();
    await expect.poll(() => page.locator(`.memo-item[data-key="${s26.key}"] textarea`).inputValue()).toBe(note);
    await screenshot(page, 'memo-page');
    expect(await axeProblems(page)).toEqual([]);

    const items = [s25, skill, { ...s26, note }];
    const ctx = { origin: site.origin, accessed: isoDate(new Date()) };

    // Memo draft: text, citation, note.
    await page.click('button[data-memo-copy="memo"]');
    await expect.poll(() => clipboard(page)).toBe(memoDraft(items));
    const draft = await clipboard(page);
    expect(draft).toContain(`${s25.text}\n——${s25.cite}\n\n${skill.text}\n——${skill.cite}\n\n`);
    expect(draft.trimEnd().endsWith(`——${s26.cite}\n备注：${note}`)).toBe(true);

    // GB/T 7714: one numbered entry per document.
    await page.click('button[data-memo-copy="gbt"]');
    await expect.poll(() => clipboard(page)).toBe(gbtList(items, ctx));
    const gbt = (await clipboard(page)).trimEnd().split('\n');
    expect(gbt).toHaveLength(2);
    expect(gbt[0]).toBe(`[1] 教育部, 国家发展改革委, 财政部, 等. 教育部等四部门印发《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》的通知: 教职成〔2019〕6号[EB/OL]. (2019-04-04)[${ctx.accessed}]. ${site.origin}/docs/${DOC}/.`);
    expect(gbt[1]).toMatch(/^\[2\] 教育部职业技术教育中心研究所\. .*: 职教所〔2019〕67号\[EB\/OL\]\. /u);

    // Markdown with permalinks.
    await page.click('button[data-memo-copy="markdown"]');
    await expect.poll(() => clipboard(page)).toBe(markdown(items, ctx));
    const md = await clipboard(page);
    expect(md).toContain(`——[${s25.cite}](${site.origin}/docs/${DOC}/#s2-5)`);
    expect(md).toContain(`——[${skill.cite}](${site.origin}${SKILL})`);

    // .docx: the library is loaded only now, as a chunk of its own; the file unpacks and holds the citations.
    const docxChunk = (u: string) => /\/_astro\/memo-docx\.[^/]+\.js$/u.test(u);
    expect(site.session.requests.some(docxChunk)).toBe(false);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-memo-download="docx"]')]);
    expect(download.suggestedFilename()).toBe(`引用清单-${ctx.accessed}.docx`);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(site.session.requests.filter(docxChunk)).toHaveLength(1);
    const { value: docText } = await mammoth.extractRawText({ buffer: bytes });
    for (const i of items) expect(docText).toContain(`——${i.cite}`);
    expect(docText).toContain(`备注：${note}`);
    for (const e of referenceEntries(items, ctx)) expect(docText).toContain(`[${e.n}] ${e.text}`);
    expect(docText).toContain('培训评价组织负责职业技能等级考核与证书发放。');
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    expect(html).toContain(`href="${site.origin}/docs/${DOC}/#s2-5"`);

    // Text downloads are the same texts.
    const [md2] = await Promise.all([page.waitForEvent('download'), page.click('button[data-memo-download="markdown"]')]);
    expect(md2.suggestedFilename()).toBe(`引用清单-${ctx.accessed}.md`);
    expect(readFileSync((await md2.path())!, 'utf8')).toBe(md);

    // Printing: the items and their citations with absolute URLs; no tools, no note fields, no exports.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.memo-export').isVisible()).toBe(false);
    expect(await page.locator('.memo-item textarea').first().isVisible()).toBe(false);
    expect(await page.locator('.memo-item button').first().isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.memo-item__url').first().textContent()).toBe(`${site.origin}/docs/${DOC}/#s2-5`);
    expect(await page.locator('.memo-item__url').first().isVisible()).toBe(true);
    expect(await page.locator(`.memo-item[data-key="${s26.key}"] .memo-item__note-print`).textContent()).toBe(`备注：${note}`);
    await screenshot(page, 'memo-print');
    await page.emulateMedia({ media: 'screen' });

    // Remove the skill row: two left, focus on the next item's 移除.
    await page.locator(`.memo-item[data-key="${skill.key}"] button[data-act="remove"]`).click();
    await expect.poll(() => keys(page)).toEqual([s25.key, s26.key]);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.act)).toBe('remove');

    // The clause page says which are in the basket; pressing 已加入 takes one out.
    await page.goto(`${site.origin}/docs/${DOC}/#s2-5`);
    await expect.poll(() => label(add('s2-5'))).toBe('已加入');
    await add('s2-5').click();
    await expect.poll(() => label(add('s2-5'))).toBe('加入引用清单');
    await expect.poll(() => page.textContent('#live-status')).toContain('已从引用清单移出');
    await page.goto(`${site.origin}/memo/`);
    await expect.poll(() => keys(page)).toEqual([s26.key]);

    expect(site.session.requests.filter((u) => !u.startsWith(`${site.origin}/`) && !u.startsWith('blob:'))).toEqual([]);
    expect(site.session.violations).toEqual([]);
    expect(site.session.errors).toEqual([]);
    await page.close();
  });

  it('at 390 px the basket page does not scroll sideways and its buttons are 44 px tall', async () => {
    const page = await site.session.browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${site.origin}/memo/`);
    await page.waitForSelector('.memo-item');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const heights = await page.locator('.memo-item__tools button, .memo-export button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    await screenshot(page, 'memo-page-phone');
    await page.close();
  });

  it('a fee rule can be collected from /fees/', async () => {
    const docs = data<PolicyDocument[]>('documents.json');
    const rule = data<FeeRule[]>('fee-rules.json')[0]!;
    const expected = feeItem(rule, docs.find((d) => d.id === rule.documentId));
    const page = await site.session.browser.newPage();
    await page.goto(`${site.origin}/fees/`);
    const button = page.locator('.fee-calc button[data-memo-add]');
    await button.click();
    await expect.poll(() => label(button)).toBe('已加入');
    await page.locator('#exam-caps').scrollIntoViewIfNeeded();
    await screenshot(page, 'memo-fees');
    await page.goto(`${site.origin}/memo/`);
    await expect.poll(() => page.locator('.memo-item--fee .memo-item__text').textContent()).toBe('若为混合型考试，则根据各类型考核分值所占比例确定成本上限。');
    expect(await page.locator('.memo-item--fee .memo-item__cite a').textContent()).toBe(expected.cite);
    expect(expected.cite).toMatch(/^《.+》（教职所〔2019〕314号）3\.$/u);
    expect(site.session.violations).toEqual([]);
    await page.close();
  });
});
