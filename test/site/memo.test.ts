/**
 * 引用清单 in the built pages: every citable clause of every document page has one 加入引用清单 button
 * whose build-time data gives, joined as the browser joins it (src/scripts/memo-dom.ts), exactly the
 * clause's text (src/lib/memo/item.ts clauseText) and the site's citation; skill pages and every fee
 * figure and rule have theirs; /memo/ is a page of the nav and ships no inline script.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findClause, memoCitation, walkClauses } from '../../src/lib/citation.ts';
import { clauseItem, clauseText, feeItem, isCitable, itemFromData, joinOwnTexts, memoDataAttributes, skillItem } from '../../src/lib/memo/item.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import type { SkillRow, SkillStandard } from '../../src/schema/skills.ts';
import type { Fee, FeeRule } from '../../src/schema/timeline.ts';
import { ensureSite, generated, page, text } from '../helpers/site.ts';

let documents: PolicyDocument[] = [];

beforeAll(() => {
  ensureSite();
  documents = generated<PolicyDocument[]>('documents.json');
});

/** A button's data attributes as the browser's dataset. */
function dataset(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of [...el.attributes]) if (a.name.startsWith('data-')) out[a.name.slice(5).replace(/-([a-z])/gu, (_, c: string) => c.toUpperCase())] = a.value;
  return out;
}

describe('clause pages', () => {
  it('every citable clause: one button, its text joined from the page as the script joins it, its citation', () => {
    let checked = 0;
    const problems: string[] = [];
    for (const doc of documents) {
      const html = page(`/docs/${doc.id}/`);
      for (const path of walkClauses(doc)) {
        const c = path.clause;
        const el = html.getElementById(c.anchor);
        const own = [...(el?.querySelectorAll('button[data-memo-add]') ?? [])].filter((b) => b.closest('.clause') === el);
        if (!isCitable(c)) {
          if (own.length !== 0) problems.push(`${doc.id}#${c.anchor}: button on a clause without tools`);
          continue;
        }
        if (own.length !== 1) {
          problems.push(`${doc.id}#${c.anchor}: ${own.length} buttons`);
          continue;
        }
        const joined = joinOwnTexts([...el!.querySelectorAll('button[data-memo-add][data-memo-kind="clause"]')].map((b) => b.getAttribute('data-memo-text') ?? ''));
        if (joined !== clauseText(c)) problems.push(`${doc.id}#${c.anchor}: text ${JSON.stringify(joined.slice(0, 60))} ≠ ${JSON.stringify(clauseText(c).slice(0, 60))}`);
        const item = itemFromData(dataset(own[0]!));
        const expected = clauseItem(doc, path);
        if (JSON.stringify({ ...item, text: '' }) !== JSON.stringify({ ...expected, text: '' })) problems.push(`${doc.id}#${c.anchor}: data ${JSON.stringify(item)}`);
        if (item?.cite !== memoCitation(doc, path)) problems.push(`${doc.id}#${c.anchor}: citation`);
        checked++;
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(700);
  });

  it('each clause’s 引用 menu offers 复制原文及引用 with its memo citation; the document’s own menu does not', () => {
    const doc = documents.find((d) => d.id === 'jzc-2019-6')!;
    const html = page('/docs/jzc-2019-6/');
    const menu = html.getElementById('s2-5')!.querySelector('.cite__menu')!;
    const button = menu.querySelector('button[data-format="text-memo"]')!;
    expect(text(button)).toBe('复制原文及引用');
    expect(button.getAttribute('data-cite')).toBe(memoCitation(doc, findClause(doc, 's2-5')));
    expect(html.querySelector('.doc__toolbar button[data-format="text-memo"]')).toBeNull();
    const add = html.getElementById('s2-5')!.querySelector('button[data-memo-add]')!;
    expect(text(add)).toBe('加入引用清单引用清单：二、（五）');
    expect(add.querySelector('[data-memo-state]')?.hasAttribute('hidden')).toBe(true);
  });
});

describe('skill pages and fees', () => {
  it('a skill page’s button holds the row’s item', () => {
    const standards = generated<SkillStandard[]>('standards.json');
    const rows = generated<SkillRow[]>('skills.json');
    for (const anchor of ['1-1-1-S1', '2-3-4-S5', '3-5-4-S4']) {
      const row = rows.find((r) => r.standard === 'web-qdkf' && r.anchor === anchor)!;
      const standard = standards.find((s) => s.id === row.standard)!;
      const buttons = page(`/certificates/web-qdkf/skills/${anchor}/`).querySelectorAll('button[data-memo-add]');
      expect(buttons).toHaveLength(1);
      expect(itemFromData(dataset(buttons[0]!))).toEqual(skillItem(standard, row, 'web-qdkf', documents.find((d) => d.id === standard.document)));
    }
    const uncoded = rows.find((r) => r.standard === 'wlgl' && r.type === 'requirement')!;
    const wlgl = standards.find((s) => s.id === 'wlgl')!;
    const item = itemFromData(dataset(page(`/certificates/wlgl/skills/${uncoded.anchor}/`).querySelector('button[data-memo-add]')!));
    expect(item?.cite).toMatch(/^《物流管理职业技能等级标准》/u);
    expect(item).toEqual(skillItem(wlgl, uncoded, 'wlgl', documents.find((d) => d.id === wlgl.document)));
  });

  it('every fee figure on /fees/ and the mixed-exam rule have a button with the sentence and its clause’s citation', () => {
    const fees = generated<Fee[]>('fees.json');
    const rules = generated<FeeRule[]>('fee-rules.json');
    const html = page('/fees/');
    const byKey = new Map([...html.querySelectorAll('button[data-memo-add]')].map((b) => [b.getAttribute('data-memo-key'), b]));
    for (const f of [...fees, ...rules]) {
      const b = byKey.get(`fee:${f.id}`);
      expect(b, f.id).toBeDefined();
      const expected = feeItem(f, documents.find((d) => d.id === f.documentId));
      expect(itemFromData(dataset(b!))).toEqual(expected);
      expect(memoDataAttributes(expected)['data-memo-key']).toBe(`fee:${f.id}`);
    }
    expect(byKey.size).toBe(new Set([...fees, ...rules].map((f) => f.id)).size);
  });
});

describe('/memo/', () => {
  it('is in the nav of every page, marked current on itself, and ships no inline script', () => {
    const memo = page('/memo/');
    expect(text(memo.querySelector('h1'))).toBe('引用清单');
    expect(memo.querySelector('.site-nav a[href="/memo/"]')?.getAttribute('aria-current')).toBe('page');
    expect(page('/').querySelector('.site-nav a[href="/memo/"]')?.textContent).toBe('引用清单');
    for (const s of memo.querySelectorAll('script')) expect(s.getAttribute('src')).toBeTruthy();
    expect(memo.querySelector('[data-memo-list]')?.children).toHaveLength(0);
    expect(text(memo.querySelector('[data-memo-nojs]'))).toContain('需要启用 JavaScript');
  });
});
