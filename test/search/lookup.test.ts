/**
 * Exact lookups (src/lib/search/lookup.ts): 文号 in every bracket form, pasted citations,
 * skill codes that match only themselves, catalog names. Small inline tables first, then the
 * tables the index step builds from the real content/generated JSON.
 */
import { describe, expect, it } from 'vitest';
import { codeEntries, docEntries } from '../../scripts/search/build-index.ts';
import { realCorpus } from '../helpers/corpus.ts';
import { chineseToInt, intToChinese } from '../../src/lib/text/numerals.ts';
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
  mentionedNames,
  notHeldFor,
  notHeldMessage,
  parseCitation,
  parseQueryDocNumber,
  wantsDocNumbers,
} from '../../src/lib/search/lookup.ts';
import { notHeldNumbers } from '../../scripts/search/lookup-data.ts';
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
    { name: '物流管理', aliases: [], url: '/certificates/wlgl/', kind: 'certificate' },
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
    expect(parseQueryDocNumber('教职成„2019‟6号 二（五）')).toMatchObject({ agency: '教职成', year: 2019, serial: 6, rest: '二（五）', strict: true });
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

describe('文号 as a reader types it (issue 14)', () => {
  const typed: [string, string][] = [
    ['教职成〔2019〕6 号', '/docs/jzc-2019-6/'],
    ['教职成2019年6号', '/docs/jzc-2019-6/'],
    ['教职成（2019）6号', '/docs/jzc-2019-6/'],
    ['教职成[2019]6', '/docs/jzc-2019-6/'],
    ['教职成 2019 6', '/docs/jzc-2019-6/'],
    ['教职成司函2019 36', '/docs/jzcsh-2019-36/'],
    ['教职成司函2019年36号', '/docs/jzcsh-2019-36/'],
    ['教职所［2019］89', '/docs/jzs-2019-89/'],
  ];
  for (const [q, url] of typed) {
    it(`${q} → ${url}`, () => {
      expect(lookupDocNumber(q, fixture).map((h) => h.url)).toEqual([url]);
      expect(isDocNumberQuery(q)).toBe(true);
    });
  }
  it('a year and a month, a batch, or a bare number with an unknown agency are not 文号', () => {
    for (const q of ['教职成2019年6月', '2024年第2批', '学分银行 2019 6', '职教20条']) {
      expect(resolveTyped(q), q).toBeNull();
    }
  });
  it('numerals both ways: 第11条 is 第十一条, 第一段 is 第1段', () => {
    expect(intToChinese(11)).toBe('十一');
    expect(intToChinese(20)).toBe('二十');
    expect(intToChinese(105)).toBe('一百零五');
    expect(intToChinese(110)).toBe('一百一十');
    expect(chineseToInt('二十一')).toBe(21);
    expect(chineseToInt('一百零五')).toBe(105);
    expect(locatorKey('第11条')).toBe('第十一条');
    expect(locatorKey('二、（五）第一段')).toBe('二(五)第1段');
  });
});

/** The 文号 a query resolves to against the fixture (held or not), or null. */
function resolveTyped(q: string): string | null {
  return lookupDocNumber(q, fixture).length ? 'held' : (notHeldFor(q, fixture)?.number ?? null);
}

describe('a 文号 the corpus does not hold (issue 14)', () => {
  const table = {
    docs: fixture.docs,
    notHeld: [{ number: '教职所〔2018〕144号', citedBy: [{ url: '/docs/jzs-2019-89/#p1', title: '确认', docNumber: '教职所〔2019〕89号' }] }],
  };
  it('教职成〔2019〕7号: not held, cited by nothing, said in Chinese', () => {
    expect(lookupDocNumber('教职成〔2019〕7号', table)).toEqual([]);
    const n = notHeldFor('教职成〔2019〕7号', table)!;
    expect(n).toEqual({ number: '教职成〔2019〕7号', citedBy: [] });
    expect(notHeldMessage(n)).toBe('本库未收录文号为 教职成〔2019〕7号 的文件。库中也没有文件引用这个文号；请核对文号。');
  });
  it('a cited number in any typed form lists the documents that cite it', () => {
    for (const q of ['教职所〔2018〕144号', '教职所[2018]144', '教职所2018年144号', '教职所2018 144', '关于教职所（2018）144号']) {
      expect(notHeldFor(q, table), q).toEqual(table.notHeld[0]);
    }
    expect(notHeldMessage(table.notHeld[0]!)).toContain('《确认》（教职所〔2019〕89号）');
  });
  it('a held number is not “not held”, nor is a query without a 文号', () => {
    expect(notHeldFor('教职成〔2019〕6号', table)).toBeNull();
    expect(notHeldFor('教职成〔2019〕36号', table)).toBeNull();
    expect(notHeldFor('学分银行', table)).toBeNull();
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

describe('pasted citations in the site\'s formats (fixture)', () => {
  const doc = {
    id: 'jzc-2019-6',
    url: '/docs/jzc-2019-6/',
    title: '教育部等四部门印发《关于在院校实施试点方案》的通知',
    enclosedTitle: '关于在院校实施试点方案',
    numbers: ['教职成〔2019〕6号'],
    clauses: { 二: 's2', '二(五)': 's2-5', 第十一条: 'a11' },
    clauseTitles: { s2: '二、 试点内容', 's2-5': '二、（五） 严格考核' },
    paras: { 第1段: 'p1', 'e:第1段': 'e-p1', '二(五)第1段': 's2-5-p1', '二(五)第2段': 's2-5-p2' },
  };
  const law = { id: 'law', url: '/docs/law/', title: '《中华人民共和国职业教育法》节选', numbers: [], clauses: {}, clauseTitles: {}, paras: { 第1段: 'p1' } };
  const table = { docs: [doc, law] };
  const first = (q: string) => lookupDocNumber(q, table)[0]?.url;
  it('memo citation with locator, with 第N段, under the enclosed title', () => {
    expect(first('《关于在院校实施试点方案》（教职成〔2019〕6号）二、（五）')).toBe('/docs/jzc-2019-6/#s2-5');
    expect(first('《关于在院校实施试点方案》（教职成〔2019〕6号）二、（五）第2段')).toBe('/docs/jzc-2019-6/#s2-5-p2');
    // 第1段 of the enclosure vs 第1段 of the 通知: the title says which.
    expect(first('《关于在院校实施试点方案》（教职成〔2019〕6号）第1段')).toBe('/docs/jzc-2019-6/#e-p1');
    expect(first('《教育部等四部门印发〈关于在院校实施试点方案〉的通知》（教职成〔2019〕6号）第1段')).toBe('/docs/jzc-2019-6/#p1');
  });
  it('文号 plus 第N条, 二、（五）, 第1段', () => {
    expect(first('教职成〔2019〕6号 第11条')).toBe('/docs/jzc-2019-6/#a11');
    expect(first('教职成〔2019〕6号第十一条')).toBe('/docs/jzc-2019-6/#a11');
    expect(first('教职成〔2019〕6号 二、（五）')).toBe('/docs/jzc-2019-6/#s2-5');
    expect(first('教职成2019年6号 二（五）第1段')).toBe('/docs/jzc-2019-6/#s2-5-p1');
    expect(first('教职成〔2019〕6号 第1段')).toBe('/docs/jzc-2019-6/#p1');
  });
  it('a title without 文号 (a law cited by title)', () => {
    expect(first('《中华人民共和国职业教育法》节选第1段')).toBe('/docs/law/#p1');
    expect(first('《中华人民共和国职业教育法》')).toBe('/docs/law/');
  });
  it('Markdown and GB/T 7714 carry the permalink: that clause, whatever the host', () => {
    expect(first('[《关于在院校实施试点方案》（教职成〔2019〕6号）二、（五）](https://example.org/docs/jzc-2019-6/#s2-5)')).toBe('/docs/jzc-2019-6/#s2-5');
    expect(first('教育部. 教育部等四部门印发《关于在院校实施试点方案》的通知: 教职成〔2019〕6号[EB/OL]. (2019-04-04)[2026-11-30]. http://127.0.0.1:4321/docs/jzc-2019-6/#s2-5-p1.')).toBe('/docs/jzc-2019-6/#s2-5-p1');
    // An anchor the document does not have: the document.
    expect(first('https://example.org/docs/jzc-2019-6/#s9-9')).toBe('/docs/jzc-2019-6/');
  });
  it('citation queries load the 文号 table; keyword queries do not', () => {
    for (const q of ['《中华人民共和国职业教育法》节选第1段', '教职成2019年6号', 'https://x/docs/law/#p1']) expect(wantsDocNumbers(q), q).toBe(true);
    for (const q of ['学分银行', '职教20条', '2-3-4-S5', '2019年第二批']) expect(wantsDocNumbers(q), q).toBe(false);
    expect(isDocNumberQuery('《关于在院校实施试点方案》（教职成〔2019〕6号）二、（五）第2段')).toBe(true);
    expect(isDocNumberQuery('教职成〔2019〕6号 学分银行')).toBe(false);
    expect(parseCitation('《关于在院校实施试点方案》（教职成〔2019〕6号）二、（五）')).toMatchObject({ title: '关于在院校实施试点方案', locator: '二、（五）', leftover: '' });
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
  it('names a longer query mentions: the longest, one per place, not the query that is only a name', () => {
    expect(mentionedNames('物流管理初级 库存ABC管理法', fixture).map((h) => h.url)).toEqual(['/certificates/wlgl/']);
    // 失智老年人照护 holds no 老年照护 (老年人照护); the longer name wins its place.
    expect(mentionedNames('失智老年人照护证书怎么考', fixture).map((h) => h.url)).toEqual(['/certificates/szlnrzh/']);
    expect(mentionedNames('老年照护和物流管理的考核', fixture).map((h) => h.url).sort()).toEqual(['/certificates/lnzh/', '/certificates/wlgl/']);
    expect(mentionedNames('老年照护', fixture)).toEqual([]);
    expect(mentionedNames('考核收费标准是多少', fixture)).toEqual([]);
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
  it('lookup.json: the cited-but-not-held 文号 of the corpus with their citing documents', () => {
    const refs = corpus.references;
    const notHeld = notHeldNumbers(src.documents, refs);
    expect(Object.fromEntries(notHeld.map((n) => [n.number, n.citedBy.map((c) => c.url)]))).toEqual({
      '教职所〔2018〕144号': ['/docs/zjs-2019-67/#p1', '/docs/jzs-2019-89/#p1', '/docs/jzs-2019-219/#p1'],
      '教师司函〔2019〕43号': ['/docs/jzcsh-2019-89/#s3-5'],
      '财科教〔2019〕32号': ['/docs/jzcsh-2019-102/#a1-p4'],
      '教职所〔2019〕101号': ['/docs/jzs-2019-341/#p1'],
      '项目办函〔2022〕8号': ['/docs/xmbh-2024-2/#s6-5'],
      '教职所〔2020〕21号': ['/docs/ljzch-2020-10/#p1'],
    });
  });
  it('教职所〔2019〕67号 (the issuer\'s usual code) finds 职教所〔2019〕67号 as the source prints it, and says so', () => {
    const hits = lookupDocNumber('教职所〔2019〕67号', { docs });
    expect(hits.map((h) => h.url)).toEqual(['/docs/zjs-2019-67/']);
    expect(hits[0]!.reason).toBe('文号 职教所〔2019〕67号（所查 教职所〔2019〕67号 的机关代字顺序不同）');
    expect(notHeldFor('教职所〔2019〕67号', { docs })).toBeNull();
    // Other characters are another agency: 教职成〔2019〕89号 is not 教职所〔2019〕89号.
    expect(lookupDocNumber('教职成〔2019〕89号', { docs })).toEqual([]);
  });
  it('a 文号 said without its year finds its document: the agency whole (教职成司函36号) or shortened in order (职成司36号文)', () => {
    const numbered = src.documents.filter((d) => d.docNumber);
    for (const d of numbered) {
      const m = /^(.+)〔\d{4}〕(\d+)号$/u.exec(d.docNumber!)!;
      for (const q of [`${m[1]}${m[2]}号`, `${m[1]}${m[2]}号文`]) expect(lookupDocNumber(q, { docs }).map((h) => h.url), q).toContain(`/docs/${d.id}/`);
    }
    // As readers wrote them (test/search/judged.json 职成司36号文 was written blind): a shortened agency, in order.
    expect(lookupDocNumber('职成司36号文', { docs }).map((h) => h.url)).toEqual(['/docs/jzcsh-2019-36/']);
    expect(lookupDocNumber('人社部34号文', { docs }).map((h) => h.url)).toEqual(['/docs/rsbf-2019-34/']);
    expect(lookupDocNumber('国发4号文件', { docs }).map((h) => h.url)).toEqual(['/docs/gf-2019-4/']);
    expect(isDocNumberQuery('职成司36号文')).toBe(true);
  });
  it('a yearless number is never said to be not held, and words before a number are not an agency', () => {
    for (const q of ['职成司37号文', '关于6号文', '第三批2号', '培训费500号']) {
      expect(lookupDocNumber(q, { docs }), q).toEqual([]);
      expect(notHeldFor(q, { docs }), q).toBeNull();
    }
    // Other characters, or fewer than half of the agency's: not that agency.
    expect(lookupDocNumber('教职所36号', { docs })).toEqual([]);
    expect(lookupDocNumber('函36号', { docs })).toEqual([]);
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
