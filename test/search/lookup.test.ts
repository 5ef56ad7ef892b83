/**
 * Exact lookups (src/lib/search/lookup.ts): 文号 in every bracket form, pasted citations,
 * skill codes that match only themselves, catalog names. Small inline tables first, then the
 * tables the index step builds from the real content/generated JSON.
 */
import { describe, expect, it } from 'vitest';
import { codeEntries, docEntries } from '../../scripts/search/build-index.ts';
import { realCorpus } from '../helpers/corpus.ts';
import {
  type LookupData,
  codesIn,
  exactLookups,
  isCodeQuery,
  isDocNumberQuery,
  locatorKey,
  lookupCode,
  lookupDocNumber,
  lookupName,
  parseQueryDocNumber,
} from '../../src/lib/search/lookup.ts';
import type { SkillRow } from '../../src/schema/skills.ts';


const fixture: LookupData = {
  docs: [
    {
      id: 'jzc-2019-6',
      url: '/docs/jzc-2019-6/',
      title: '试点方案',
      numbers: ['教职成〔2019〕6号'],
      clauses: { 二: 's2', '二(五)': 's2-5', 十: 's10', '十(一)': 's10-1', 附件1: 'a1' },
      clauseTitles: { s2: '二、 试点内容', 's2-5': '二、（五） 严格职业技能等级考核与证书发放' },
    },
    { id: 'jzcsh-2019-36', url: '/docs/jzcsh-2019-36/', title: '首批', numbers: ['教职成司函〔2019〕36号', '教职成〔2019〕36号'], clauses: {}, clauseTitles: {} },
    { id: 'jzs-2019-89', url: '/docs/jzs-2019-89/', title: '确认', numbers: ['教职所〔2019〕89号'], clauses: {}, clauseTitles: {} },
  ],
  codes: [
    { code: '2-3-4-S5', url: '/certificates/web-qdkf/skills/2-3-4-S5/', title: '2-3-4-S5', text: '…', certificate: 'Web 前端开发', level: '中级' },
    { code: '2-3-4', url: '/certificates/web-qdkf/skills/2-3-4/', title: '2-3-4', text: '…', certificate: 'Web 前端开发', level: '中级' },
    { code: '3-4-S11', url: '/certificates/web-qdkf/skills/3-4-S11/', title: '3-4-S11', text: '…', certificate: 'Web 前端开发', level: '高级' },
  ],
  names: [
    { name: '北京中物联物流采购培训中心', aliases: [], url: '/organizations/bjzwlwlcgpxzx/', kind: 'organization' },
    { name: '老年照护', aliases: ['老年照护职业技能等级证书'], url: '/certificates/lnzh/', kind: 'certificate' },
    { name: '失智老年人照护', aliases: [], url: '/certificates/szlnrzh/', kind: 'certificate' },
  ],
};

describe('文号 in any bracket form', () => {
  const forms = ['教职成〔2019〕6号', '教职成[2019]6号', '教职成［2019］6号', '教职成(2019)6号', '教职成（2019）6号', '教职成【2019】6号', '教职成„2019‟6号', '教职成 〔 2019 〕 6 号', '教职成〔2019〕第6号'];
  for (const q of forms) {
    it(`${q} → jzc-2019-6`, () => {
      const hits = lookupDocNumber(q, fixture);
      expect(hits.map((h) => h.url)).toEqual(['/docs/jzc-2019-6/']);
      expect(hits[0]!.kind).toBe('docnumber');
    });
  }
  it('parses agency, year and serial', () => {
    expect(parseQueryDocNumber('教职成„2019‟6号 二（五）')).toEqual({ agency: '教职成', year: 2019, serial: 6, rest: '二（五）' });
  });
  it('a variant 文号 finds the document and says which it is', () => {
    const [hit] = lookupDocNumber('教职成〔2019〕36号', fixture);
    expect(hit!.url).toBe('/docs/jzcsh-2019-36/');
    expect(hit!.reason).toContain('教职成司函〔2019〕36号');
  });
  it('text before the 文号 does not stop it (longest known agency wins)', () => {
    expect(lookupDocNumber('关于教职所〔2019〕89号', fixture).map((h) => h.url)).toEqual(['/docs/jzs-2019-89/']);
  });
  it('an unknown 文号 or another year matches nothing', () => {
    expect(lookupDocNumber('教职成〔2020〕6号', fixture)).toEqual([]);
    expect(lookupDocNumber('教职成〔2019〕7号', fixture)).toEqual([]);
  });
});

describe('pasted citation → clause', () => {
  it('教职成〔2019〕6号 二（五） → #s2-5, then the document', () => {
    const hits = lookupDocNumber('教职成〔2019〕6号 二（五）', fixture);
    expect(hits.map((h) => h.url)).toEqual(['/docs/jzc-2019-6/#s2-5', '/docs/jzc-2019-6/']);
    expect(hits[0]!.kind).toBe('citation');
  });
  it('accepts 、 and half-width brackets: 二、(五)', () => {
    expect(lookupDocNumber('教职成[2019]6号二、(五)', fixture)[0]!.url).toBe('/docs/jzc-2019-6/#s2-5');
  });
  it('an unknown deeper clause falls back to its known parent, never to a sibling', () => {
    expect(lookupDocNumber('教职成〔2019〕6号 二（九）', fixture)[0]!.url).toBe('/docs/jzc-2019-6/#s2');
    // 十一 is not 十 followed by something: no clause, only the document.
    expect(lookupDocNumber('教职成〔2019〕6号 十一', fixture).map((h) => h.url)).toEqual(['/docs/jzc-2019-6/']);
  });
  it('locator keys ignore brackets, 、 and spaces', () => {
    expect(locatorKey('二、（五）')).toBe('二(五)');
    expect(locatorKey('附件 1')).toBe('附件1');
  });
  it('a 文号 with a clause is a 文号 query; with other words it is not', () => {
    expect(isDocNumberQuery('教职成〔2019〕6号 二（五）')).toBe(true);
    expect(isDocNumberQuery('教职成〔2019〕6号')).toBe(true);
    expect(isDocNumberQuery('教职成〔2019〕6号 学分银行')).toBe(false);
  });
});

describe('skill codes match only themselves', () => {
  it('finds 2-3-4-S5 and 2-3-4, in any case and spacing', () => {
    expect(lookupCode('2-3-4-S5', fixture).map((h) => h.url)).toEqual(['/certificates/web-qdkf/skills/2-3-4-S5/']);
    expect(lookupCode('2 - 3 - 4 - s5', fixture).map((h) => h.url)).toEqual(['/certificates/web-qdkf/skills/2-3-4-S5/']);
    expect(lookupCode('2-3-4', fixture).map((h) => h.url)).toEqual(['/certificates/web-qdkf/skills/2-3-4/']);
  });
  it('a code that exists nowhere matches nothing (3-4-S1 is not 3-4-S11, 2-3-4-S1 is not 2-3-4-S5)', () => {
    expect(lookupCode('3-4-S1', fixture)).toEqual([]);
    expect(lookupCode('2-3-4-S1', fixture)).toEqual([]);
    expect(lookupCode('9-9-9-K9', fixture)).toEqual([]);
  });
  it('recognises code queries, and not years or 文号', () => {
    expect(isCodeQuery('2-3-4-S5')).toBe(true);
    expect(isCodeQuery('1-1-1-K1')).toBe(true);
    expect(isCodeQuery('2019')).toBe(false);
    expect(codesIn('教职成〔2019〕6号')).toEqual([]);
    expect(codesIn('Web 2-3-4-S5 要求')).toEqual(['2-3-4-S5']);
  });
});

describe('names', () => {
  it('an exact certificate name, with or without 职业技能等级证书', () => {
    expect(lookupName('老年照护', fixture).map((h) => h.url)).toEqual(['/certificates/lnzh/']);
    expect(lookupName('老年照护职业技能等级证书', fixture).map((h) => h.url)).toEqual(['/certificates/lnzh/']);
  });
  it('a distinctive part of a name (≥ 3 characters)', () => {
    expect(lookupName('中物联', fixture).map((h) => h.url)).toEqual(['/organizations/bjzwlwlcgpxzx/']);
  });
  it('a part shared by too many names, or too short, finds nothing', () => {
    expect(lookupName('照护', fixture)).toEqual([]);
  });
  it('exactLookups puts a citation before its document and drops duplicate URLs', () => {
    const urls = exactLookups('教职成〔2019〕6号 二（五）', fixture).map((h) => h.url);
    expect(urls).toEqual(['/docs/jzc-2019-6/#s2-5', '/docs/jzc-2019-6/']);
  });
});

describe('tables built from the real corpus', () => {
  // The ingest in-process, not content/generated: the test does not depend on a build having run first.
  const corpus = realCorpus();
  const src = { documents: corpus.documents, certificates: corpus.catalog.certificates, organizations: corpus.catalog.organizations, standards: corpus.standards.standards };
  const docs = docEntries(src.documents);
  it('every document with a 文号 is found by it, in four bracket forms', () => {
    const numbered = src.documents.filter((d) => d.docNumber);
    expect(numbered.length).toBeGreaterThan(15);
    for (const d of numbered) {
      for (const form of [d.docNumber!, d.docNumber!.replace('〔', '[').replace('〕', ']'), d.docNumber!.replace('〔', '（').replace('〕', '）'), d.docNumber!.replace('〔', '„').replace('〕', '‟')]) {
        expect(lookupDocNumber(form, { docs }).map((h) => h.url), form).toContain(`/docs/${d.id}/`);
      }
    }
  });
  it('教职成〔2019〕6号 二（五） and 国发〔2019〕4号 二、（六） reach their clauses', () => {
    expect(lookupDocNumber('教职成〔2019〕6号 二（五）', { docs })[0]!.url).toBe('/docs/jzc-2019-6/#s2-5');
    expect(lookupDocNumber('国发〔2019〕4号 二、（六）', { docs })[0]!.url).toBe('/docs/gf-2019-4/#s2-6');
  });
  it('the variant 文号 教职成〔2019〕36号 finds 教职成司函〔2019〕36号', () => {
    expect(lookupDocNumber('教职成〔2019〕36号', { docs })[0]!.url).toBe('/docs/jzcsh-2019-36/');
  });
  it('every printed code finds exactly its own rows, at /certificates/<id>/skills/<code>/ when that page exists', () => {
    const rows: SkillRow[] = corpus.standards.rows;
    const all = new Set(rows.flatMap((r) => (r.normalizedCode ? [r.normalizedCode] : [])));
    const pageUrls = new Set([...all].map((c) => `/certificates/web-qdkf/skills/${c}/`));
    const codes = codeEntries(rows, src, pageUrls);
    expect(codes.length).toBe(rows.filter((r) => r.normalizedCode).length);
    for (const code of all) {
      const hits = lookupCode(code, { codes });
      expect(hits.length, code).toBeGreaterThan(0);
      expect(hits.every((h) => h.reason.endsWith(code))).toBe(true);
    }
    expect(lookupCode('2-3-4-S5', { codes })[0]!.url).toBe('/certificates/web-qdkf/skills/2-3-4-S5/');
    // Without pages, a code points at its level's table in the standard's document.
    const fallback = codeEntries(rows, src, new Set());
    expect(lookupCode('2-3-4-S5', { codes: fallback })[0]!.url).toMatch(/^\/docs\/zjs-2019-67\/#/u);
    // Codes that are not printed anywhere match nothing.
    for (const missing of ['3-4-S1', '9-9-9', '2-3-4-S99', '1-1-1-K99']) if (!all.has(missing)) expect(lookupCode(missing, { codes }), missing).toEqual([]);
  });
});
