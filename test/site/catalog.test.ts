/**
 * The catalog pages in the built site against the real data: /certificates/ (93 rows, 6/10/77 by
 * batch, stated totals), a certificate page with its skill matrix (Web 前端开发 12/22/41 职业技能,
 * 17/31/44 S, 13/23/42 K; 物流管理 通用 + three levels), a skill page (2-3-4-S5), organisations,
 * the glossary, the CSV download; every in-site link in all of dist/ resolves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Certificate, Organization, StatedTotal } from '../../src/schema/catalog.ts';
import type { SkillRow, SkillStandard } from '../../src/schema/skills.ts';
import { glossaryAnchor, skillCitation } from '../../src/lib/skills.ts';
import { brokenLinks, DIST, ensureSite, generated, htmlFiles, page, sitePathOf, text } from '../helpers/site.ts';

let certificates: Certificate[] = [];
let organizations: Organization[] = [];
let standards: SkillStandard[] = [];
let skills: SkillRow[] = [];
let totals: StatedTotal[] = [];

beforeAll(() => {
  ensureSite();
  certificates = generated<Certificate[]>('certificates.json');
  organizations = generated<Organization[]>('organizations.json');
  standards = generated<SkillStandard[]>('standards.json');
  skills = generated<SkillRow[]>('skills.json');
  totals = generated<StatedTotal[]>('totals.json');
});

/** A <dl>'s fields: dt text → dd text. */
const fields = (dl: Element | null): Map<string, string> =>
  new Map([...(dl?.querySelectorAll('dt') ?? [])].map((dt) => [text(dt), text(dt.nextElementSibling)]));

const rowsOf = (html: Document) => [...html.querySelectorAll('table.cert-table tbody tr')];

describe('/certificates/', () => {
  it('has one row per certificate, 93 in all, 6/10/77 by batch', () => {
    const rows = rowsOf(page('/certificates/'));
    expect(certificates).toHaveLength(93);
    expect(rows).toHaveLength(93);
    const byBatch = (n: string) => rows.filter((r) => r.getAttribute('data-batch') === n).length;
    expect([byBatch('1'), byBatch('2'), byBatch('3')]).toEqual([6, 10, 77]);
    expect(text(page('/certificates/').querySelector('[data-count]'))).toBe('共 93 个证书');
    expect(text(page('/certificates/').querySelector('.lead'))).toContain('首批 6 个，第二批 10 个，第三批 77 个');
  });

  it('links each row to its certificate, its organisations and the clauses of the notices that list it', () => {
    for (const row of rowsOf(page('/certificates/'))) {
      const cert = certificates.find((c) => c.id === row.getAttribute('data-cert'))!;
      const hrefs = [...row.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).toContain(`/certificates/${cert.id}/`);
      for (const o of cert.organizations) expect(hrefs).toContain(`/organizations/${o}/`);
      expect(row.getAttribute('data-orgs')).toBe(cert.organizations.join('|'));
      expect(hrefs.some((h) => /^\/docs\/[^/]+\/#/u.test(h ?? ''))).toBe(true);
    }
    const web = rowsOf(page('/certificates/')).find((r) => r.getAttribute('data-cert') === 'web-qdkf')!;
    expect([...web.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(
      expect.arrayContaining(['/docs/zjs-2019-67/#a1-t1', '/docs/jzs-2019-89/#a1-t1', '/certificates/web-qdkf/#standard']),
    );
    expect(rowsOf(page('/certificates/')).filter((r) => r.getAttribute('data-standard') === '1').map((r) => r.getAttribute('data-cert'))).toEqual(['web-qdkf', 'wlgl']);
  });

  it('offers batch and organisation filters with counts', () => {
    const html = page('/certificates/');
    const batches = [...html.querySelectorAll('select[name="batch"] option')].map((o) => text(o));
    expect(batches).toEqual(['全部', '首批（6）', '第二批（10）', '第三批（77）']);
    expect(html.querySelectorAll('select[name="org"] option').length).toBe(new Set(certificates.flatMap((c) => c.organizations)).size + 1);
  });

  it('shows the stated totals: 92 stated vs 93 listed (004), 447 unverifiable (003)', () => {
    const section = page('/certificates/').querySelector('section[aria-labelledby="totals"]')!;
    const rows = [...section.querySelectorAll('table.cert-totals tbody tr')];
    expect(rows).toHaveLength(totals.filter((t) => t.of === 'certificates').length);
    const cells = (r: Element) => [...r.querySelectorAll('td')].map((td) => text(td));
    const bad = rows.filter((r) => r.getAttribute('data-verdict') === '不一致').map(cells);
    expect(bad).toHaveLength(2);
    for (const b of bad) expect(b.slice(0, 5)).toEqual(['鲁教职处函〔2020〕10号', '首批、第二批、第三批', '92 个证书', '93 个证书', '不一致']);
    const unknown = rows.filter((r) => r.getAttribute('data-verdict') === '无法核对').map((r) => text(r));
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toContain('447 个证书');
    expect(text(section)).toContain('鲁教职处函〔2020〕10号（2 处）称首批、第二批、第三批共 92 个，名单列出 93 个');
    expect(text(section)).toContain('项目办函〔2024〕2号称首批、第二批、第三批、第四批共 447 个，语料中没有第四批的名单，无法核对');
  });

  it('reports the disagreements between sources', () => {
    const section = text(page('/certificates/').querySelector('section[aria-labelledby="disagreements"]'));
    for (const c of certificates.flatMap((x) => x.listings).filter((l) => l.conflict)) expect(section).toContain(c.conflict!);
    expect(section).toContain('第三批联系表列出 76 个证书，名单有 77 个');
  });
});

describe('/certificates/web-qdkf/', () => {
  const level = (l: string) => page('/certificates/web-qdkf/').querySelector(`section.skill-level[data-level="${l}"]`)!;

  it('shows name, organisation, batch notices and the contact entries as printed', () => {
    const html = page('/certificates/web-qdkf/');
    expect(text(html.querySelector('h1'))).toBe('Web 前端开发职业技能等级证书');
    const meta = text(html.querySelector('.cert-meta'));
    expect(meta).toContain('工业和信息化部教育与考试中心');
    expect(meta).toContain('公示职教所〔2019〕67号（2019年3月26日）');
    expect(meta).toContain('确认教职所〔2019〕89号（2019年4月15日）');
    const statuses = [...html.querySelectorAll('table.cert-listings tbody tr')].map((r) => r.getAttribute('data-status'));
    expect(statuses.slice(0, 2)).toEqual(['公示', '确认']);
    expect(html.querySelectorAll('.cert-contact')).toHaveLength(2);
    expect(text(html.querySelector('.cert-contacts'))).toContain('shch@ceiaec.org');
  });

  it('shows the front matter: 培训学时 96/224/320, 衔接专业, 培养目标, 考核方式', () => {
    const front = text(page('/certificates/web-qdkf/').querySelector('.skill-front'));
    expect([...page('/certificates/web-qdkf/').querySelectorAll('.skill-front__hours li')].map((li) => text(li))).toEqual(['初级：96 学时', '中级：224 学时', '高级：320 学时']);
    expect(front).toContain('衔接中职专业');
    expect(front).toContain('培养目标');
    expect(front).toContain('考核方式');
  });

  it('has three levels with 12/22/41 职业技能, 17/31/44 S and 13/23/42 K', () => {
    const tabs = [...page('/certificates/web-qdkf/').querySelectorAll('.skill-tabs a')].map((a) => [text(a), a.getAttribute('href')]);
    expect(tabs).toEqual([
      ['初级', '#level-1'],
      ['中级', '#level-2'],
      ['高级', '#level-3'],
    ]);
    const n = (l: string, type: string) => level(l).querySelectorAll(`li.skill-node--${type}`).length;
    expect(['初级', '中级', '高级'].map((l) => n(l, 'skill'))).toEqual([12, 22, 41]);
    expect(['初级', '中级', '高级'].map((l) => n(l, 'requirement'))).toEqual([17, 31, 44]);
    expect(['初级', '中级', '高级'].map((l) => n(l, 'knowledge'))).toEqual([13, 23, 42]);
    expect(['初级', '中级', '高级'].map((l) => text(level(l).querySelector('[data-count="skill"]')))).toEqual(['12', '22', '41']);
  });

  it('gives every row its anchor as id, its printed code (an uncoded row: its name, never its position), its flags and a permalink to its page', () => {
    const html = page('/certificates/web-qdkf/');
    const web = skills.filter((r) => r.standard === 'web-qdkf');
    for (const r of web) {
      const li = html.getElementById(r.anchor);
      expect(li, r.anchor).not.toBeNull();
      const head = li!.querySelector('.skill-row')!;
      if (r.code !== null) expect(text(head.querySelector('.skill-name code'))).toBe(r.code);
      else {
        expect(text(head)).not.toContain(r.anchor);
        expect(text(head.querySelector('.skill-row__text'))).toBe(text(li!.querySelector('.skill-row__text')));
        expect(text(head)).toContain(r.label ?? r.text.replace(/\s+/gu, ' '));
      }
      expect(head.querySelector('a.permalink')?.getAttribute('href')).toBe(`/certificates/web-qdkf/skills/${r.anchor}/`);
    }
    expect(text(html.getElementById('3-5-4-S4')!.querySelector('.skill-row'))).toContain('原文代码有多余空格');
    expect(text(html.getElementById('3-10-1-K')!.querySelector('.skill-row'))).toContain('原文代码缺少序号');
  });

  it('shows 初级/中级/高级 side by side: HTML 1-1-1 → 2-1-1 → 3-1-1', () => {
    const table = page('/certificates/web-qdkf/').querySelector('.skill-compare__table')!;
    const first = table.querySelector('tbody tr')!;
    expect(text(first.querySelector('th'))).toBe('静态网页开发');
    const cells = [...first.querySelectorAll('td')].map((td) => text(td.querySelector('.cell-items li')));
    expect(cells[0]).toMatch(/^1-1-1 能使用 HTML/u);
    expect(cells[1]).toMatch(/^2-1-1 能熟练使用 HTML/u);
    expect(cells[2]).toMatch(/^3-1-1 能熟练使用 HTML/u);
  });
});

describe('/certificates/wlgl/', () => {
  it('has 一般要求 (通用) and three levels, uncoded rows shown as 位置', () => {
    const html = page('/certificates/wlgl/');
    expect([...html.querySelectorAll('.skill-tabs a')].map((a) => text(a))).toEqual(['一般要求（各级通用）', '初级', '中级', '高级']);
    expect([...html.querySelectorAll('section.skill-level')].map((s) => s.getAttribute('data-level'))).toEqual(['通用', '初级', '中级', '高级']);
    const std = standards.find((s) => s.id === 'wlgl')!;
    for (const l of std.levels) {
      const section = html.querySelector(`section.skill-level[data-level="${l.level}"]`)!;
      expect(section.querySelectorAll('li.skill-node--requirement').length).toBe(l.counts.requirements);
      expect(section.querySelectorAll('li.skill-node--knowledge').length).toBe(l.counts.knowledge);
    }
    expect(html.querySelectorAll('.skill-name--code')).toHaveLength(0);
    expect(text(html.querySelector('.cert-note'))).toContain('北京中物联物流采购培训中心');
  });
});

describe('skill pages /certificates/<id>/skills/<anchor>/', () => {
  it('exist for every row of both standards', () => {
    for (const r of skills) {
      const id = r.standard;
      expect(existsSync(join(DIST, 'certificates', id, 'skills', r.anchor, 'index.html')), `${id}/${r.anchor}`).toBe(true);
    }
    expect(htmlFiles(join(DIST, 'certificates', 'web-qdkf', 'skills'))).toHaveLength(skills.filter((r) => r.standard === 'web-qdkf').length);
  });

  it('2-3-4-S5: its text, its parents 2-3-4 and 2-3, its K row, other levels, and its citation', () => {
    const html = page('/certificates/web-qdkf/skills/2-3-4-S5/');
    const row = skills.find((r) => r.standard === 'web-qdkf' && r.anchor === '2-3-4-S5')!;
    expect(text(html.querySelector('h1'))).toBe(`2-3-4-S5 ${row.text}`);
    const parents = [...html.querySelectorAll('.skill-parents a')].map((a) => a.getAttribute('href'));
    expect(parents).toEqual(['/certificates/web-qdkf/skills/l2-f2/', '/certificates/web-qdkf/skills/2-3/', '/certificates/web-qdkf/skills/2-3-4/']);
    expect(text(html.querySelector('section[aria-labelledby="matching"]'))).toContain('2-3-4-K4');
    const levels = [...html.querySelectorAll('.skill-other')].map((d) => [d.getAttribute('data-level'), text(d.querySelector('p a'))]);
    expect(levels).toEqual([
      ['初级', '1-3'],
      ['高级', '3-3'],
    ]);
    const menu = html.querySelector('[data-cite-href="/certificates/web-qdkf/skills/2-3-4-S5/"]')!;
    const memo = menu.querySelector('button[data-format="memo"]')!.getAttribute('data-cite');
    expect(memo).toBe('《Web 前端开发职业技能等级标准》（中级）2-3-4-S5');
    expect(memo).toBe(skillCitation(standards.find((s) => s.id === 'web-qdkf')!, row));
    expect(text(html.querySelector('.skill-meta'))).toContain('001_614f8415cb5dd7e9.txt:444');
    const terms = [...html.querySelectorAll('.skill-terms a')].map((a) => text(a));
    expect(terms).toEqual(expect.arrayContaining(['HTTP', 'API']));
  });

  it('a 职业技能 page lists its S and K rows', () => {
    const html = page('/certificates/web-qdkf/skills/1-1-1/');
    expect(text(html.querySelector('section[aria-labelledby="children-requirement"]'))).toMatch(/1-1-1-S1.*1-1-1-S2/u);
    expect(text(html.querySelector('section[aria-labelledby="children-knowledge"]'))).toMatch(/1-1-1-K1.*1-1-1-K2/u);
    expect([...html.querySelectorAll('.skill-other .cell-items, .skill-other .skill-links li')].length).toBeGreaterThan(0);
    const other = [...html.querySelectorAll('.skill-other')].map((d) => text(d.querySelector('.skill-links li')));
    expect(other[0]).toMatch(/^2-1-1 /u);
    expect(other[1]).toMatch(/^3-1-1 /u);
  });

  it('flags a code printed with a stray space and gives the normalised form', () => {
    const meta = fields(page('/certificates/web-qdkf/skills/3-5-4-S4/').querySelector('.skill-meta'));
    expect(meta.get('代码（原文）')).toBe('3-5-4 -S4');
    expect(meta.get('规范代码')).toBe('3-5-4-S4');
    expect(meta.get('注意')).toBe('原文代码有多余空格');
  });

  it('an uncoded 物流管理 row says 位置, not 代码', () => {
    const meta = fields(page('/certificates/wlgl/skills/l1-f2-w1-s1/').querySelector('.skill-meta'));
    expect(meta.get('位置')).toMatch(/^l1-f2-w1-s1（原表无代码/u);
    expect(meta.has('代码（原文）')).toBe(false);
    expect(meta.has('规范代码')).toBe(false);
    expect(meta.get('原文序号')).toBe('1.');
  });
});

describe('organisations and glossary', () => {
  it('/organizations/ lists every organisation, each page its certificates and printed names', () => {
    expect(page('/organizations/').querySelectorAll('table.org-table tbody tr')).toHaveLength(organizations.length);
    const gz = organizations.find((o) => o.name === '广州城市轨道交通培训学院股份有限公司')!;
    const html = page(`/organizations/${gz.id}/`);
    expect(text(html.querySelector('.org-meta'))).toContain('“广州城市轨道交通培训学院股份有限”');
    expect([...html.querySelectorAll('.org-certs a')].map((a) => a.getAttribute('href'))).toEqual(gz.certificates.map((c) => `/certificates/${c}/`));
  });

  it('an organisation page names the swapped contact-table rows once, linking the certificate concerned', () => {
    const note = page('/organizations/bjzwlwlcgpxzx/').querySelector('.cert-note')!;
    expect([...note.querySelectorAll('.cert-conflicts a')].map((a) => [text(a), a.getAttribute('href')])).toContainEqual(['老年照护', '/certificates/lnzh/']);
    const items = [...note.querySelectorAll('li')].map((li) => text(li));
    const conflict = organizations.find((o) => o.id === 'bjzwlwlcgpxzx')!.listings.find((l) => l.conflict)!.conflict!;
    expect(items.filter((t) => t.includes(conflict))).toHaveLength(1);
    expect(items.some((t) => t.includes('培训评价组织名称互换'))).toBe(true);
  });

  it('/glossary/ has every term of both standards with its anchor', () => {
    const html = page('/glossary/');
    const all = standards.flatMap((s) => s.glossary.map((g, i) => ({ s, g, i })));
    expect(all.length).toBe(41);
    expect(html.querySelectorAll('.glossary__entry')).toHaveLength(all.length);
    for (const { s, g, i } of all) expect(text(html.getElementById(glossaryAnchor(s.id, g, i))?.querySelector('dfn'))).toBe(g.term);
  });
});

describe('downloads, links and scripts', () => {
  it('/data/skills.csv is the generated CSV with a UTF-8 BOM', () => {
    const csv = readFileSync(join(DIST, 'data', 'skills.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.trim().split('\n')).toHaveLength(skills.length + 1);
  });

  it('every in-site link in all of dist/ resolves to a page (or file) and an id', () => {
    const { broken, checked } = brokenLinks('/');
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(skills.length * 3);
  });

  it('the new pages have no inline script and load their behaviour from external files', () => {
    for (const file of ['certificates', 'organizations', 'glossary'].flatMap((d) => htmlFiles(join(DIST, d)))) {
      const html = page(sitePathOf(file));
      for (const s of html.querySelectorAll('script')) expect(s.getAttribute('src'), sitePathOf(file)).toBeTruthy();
    }
    const srcs = [...page('/certificates/web-qdkf/').querySelectorAll('script[src]')].map((s) => s.getAttribute('src')!);
    expect(srcs.length).toBeGreaterThan(0);
    for (const src of srcs) expect(existsSync(join(DIST, src))).toBe(true);
  });
});
