/**
 * The corpus as a graph on the built site: references linked where they occur, 引用文件 / 被引用 /
 * 转发 / 状态 on document pages, the reference pages, and the open data under /data/ — all checked
 * against content/generated/ (the figures are computed from the data, not written in).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findClause } from '../../src/lib/citation.ts';
import { JSON_DATASETS, DOCUMENT_COLUMNS, CERTIFICATE_COLUMNS, SKILL_COLUMNS } from '../../src/lib/open-data.ts';
import { citationId, mostCited, referenceStats, unresolvedGroups } from '../../src/lib/references.ts';
import type { Certificate } from '../../src/schema/catalog.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import type { Reference } from '../../src/schema/references.ts';
import type { DocumentStatus } from '../../src/schema/status.ts';
import { brokenLinks, DIST, ensureSite, generated, page, ROOT, text } from '../helpers/site.ts';
import { parseCsv } from '../helpers/csv.ts';

let docs: PolicyDocument[] = [];
let refs: Reference[] = [];
let statuses: DocumentStatus[] = [];

beforeAll(() => {
  ensureSite();
  docs = generated<PolicyDocument[]>('documents.json');
  refs = generated<Reference[]>('references.json');
  statuses = generated<DocumentStatus[]>('statuses.json');
});

/** The text of an element's content before `stop`, leaving out the clause label. */
function textBefore(container: Element, stop: Element): string {
  let out = '';
  const walk = (n: Node): boolean => {
    if (n === stop) return true;
    if (n.nodeType === 3) out += n.textContent ?? '';
    else if (!(n as Element).classList?.contains('label')) for (const c of [...n.childNodes]) if (walk(c)) return true;
    return false;
  };
  for (const c of [...container.childNodes]) if (walk(c)) break;
  return out;
}


describe('references in the text', () => {
  it('the batch-1 notice links 《关于在院校实施…试点方案》 at its place in the text to /docs/jzc-2019-6/', () => {
    const ref = refs.find((r) => r.from === 'jzcsh-2019-36' && r.target === 'jzc-2019-6' && r.printed === '《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》')!;
    expect(ref).toBeDefined();
    const clause = findClause(docs.find((d) => d.id === 'jzcsh-2019-36')!, ref.anchor)!.clause;
    const el = page('/docs/jzcsh-2019-36/').getElementById(ref.anchor)!;
    const link = el.querySelector(`a.ref[data-ref="${ref.id}"]`)!;
    expect(link.getAttribute('href')).toBe('/docs/jzc-2019-6/');
    expect(link.textContent).toBe(ref.printed);
    const p = link.closest('.clause__text')!;
    expect(textBefore(p, link)).toBe(clause.text.slice(0, ref.offset));
    expect(text(p).replace(/^\S*?(?=为|根据|《)/u, '')).toContain(clause.text.replace(/\s+/gu, ' ').slice(0, 30));
  });

  it('every reference is a link on its document’s page: resolved ones to the document or clause, unresolved ones marked 本库未收录', () => {
    for (const r of refs) {
      const link = page(`/docs/${r.from}/`).querySelector(`a.ref[data-ref="${r.id}"]`);
      expect(link, r.id).not.toBeNull();
      expect(link!.textContent?.startsWith(r.printed), r.id).toBe(true);
      const href = link!.getAttribute('href')!;
      if (r.target === null) {
        expect(link!.classList.contains('ref--unresolved')).toBe(true);
        expect(link!.getAttribute('title')).toMatch(/^本库未收录/u);
        expect(href).toBe(`/references/unresolved/#${citationId(r)}`);
      } else if (r.target === r.from && r.targetAnchor) expect(href).toBe(`#${r.targetAnchor}`);
      else expect(href).toBe(`/docs/${r.target}/${r.targetAnchor ? `#${r.targetAnchor}` : ''}`);
    }
  });

  it('keeps a title’s angle brackets as text (never markup)', () => {
    const r = refs.find((x) => x.printed.includes('<'))!;
    const link = page(`/docs/${r.from}/`).querySelector(`a.ref[data-ref="${r.id}"]`)!;
    expect(link.textContent).toContain('<国家标准化发展纲要>');
    expect(link.querySelectorAll('*').length).toBe(1); // only the screen-reader note
  });

  it('links web addresses out, with rel="noopener noreferrer" and a marked ↗', () => {
    const links = [...page('/docs/jbxz-2023-13/').querySelectorAll('a.ext-link')];
    expect(links.map((a) => a.getAttribute('href'))).toContain('https://vslc.ncb.edu.cn');
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//u);
      expect(text(a.querySelector('[aria-hidden="true"]'))).toBe('↗');
      expect(text(a.querySelector('.visually-hidden'))).toContain('外部链接');
    }
    // the Chinese bracket after the address is text, not part of the link
    const s41 = page('/docs/jbxz-2023-13/').getElementById('s4-1-p1')!;
    expect(s41.querySelector('a.ext-link')!.getAttribute('href')).toBe('https://vslc.ncb.edu.cn');
  });
});

describe('document pages', () => {
  it('jzc-2019-6 is cited (被引用) by every citing document, at least five, each with its clause', () => {
    const citing = [...new Set(refs.filter((r) => r.target === 'jzc-2019-6' && r.from !== 'jzc-2019-6').map((r) => r.from))];
    expect(citing.length).toBeGreaterThanOrEqual(5);
    const box = page('/docs/jzc-2019-6/').querySelector('.doc-cited-by')!;
    const items = [...box.querySelectorAll(':scope > ul > li[data-from]')];
    expect(items.map((li) => li.getAttribute('data-from')).sort()).toEqual(citing.sort());
    const notice = items.find((li) => li.getAttribute('data-from') === 'jzcsh-2019-36')!;
    const hrefs = [...notice.querySelectorAll('.graph-list__cites a')].map((a) => a.getAttribute('href'));
    for (const r of refs.filter((x) => x.from === 'jzcsh-2019-36' && x.target === 'jzc-2019-6')) expect(hrefs).toContain(`/docs/jzcsh-2019-36/#${r.anchor}`);
    expect(text(notice)).toContain('《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》（教职成〔2019〕6 号）');
  });

  it('引用文件 groups references by cited document, resolved and unresolved', () => {
    for (const d of docs) {
      const out = refs.filter((r) => r.from === d.id && r.target !== d.id);
      const box = page(`/docs/${d.id}/`).querySelector('.doc-refs')!;
      expect(box, d.id).not.toBeNull();
      const targets = [...box.querySelectorAll(':scope > ul > li')].map((li) => li.getAttribute('data-target'));
      expect(new Set(targets.filter(Boolean))).toEqual(new Set(out.flatMap((r) => (r.target ? [r.target] : []))));
      expect(box.querySelectorAll('.graph-list__cites li').length).toBe(out.length);
    }
    const ljz = text(page('/docs/ljzch-2020-10/').querySelector('.doc-refs'));
    expect(ljz).toContain('教职所〔2020〕21号');
    expect(ljz).toContain('本库未收录');
  });

  it('shows the forwarding chain on both documents', () => {
    const fwd = page('/docs/2019-04-23-scsjytzfjybzcsgyzhsp/').querySelector('.forward-chain')!;
    expect(fwd.querySelector('a')?.getAttribute('href')).toBe('/docs/jzcsh-2019-36/');
    expect(text(fwd)).toContain('本文转发');
    const back = page('/docs/jzcsh-2019-36/').querySelector('.forward-chain')!;
    expect(back.querySelector('a')?.getAttribute('href')).toBe('/docs/2019-04-23-scsjytzfjybzcsgyzhsp/');
    expect(text(back)).toContain('转发');
    expect(page('/docs/jzc-2019-6/').querySelector('.forward-chain')).toBeNull();
  });

  it('shows every status with its evidence clause linked', () => {
    for (const s of statuses) {
      const box = page(`/docs/${s.document}/`).querySelector('.doc-status')!;
      expect(box, s.id).not.toBeNull();
      expect(text(box)).toContain(s.label);
      const href = s.evidence.document === s.document ? `#${s.evidence.anchor}` : `/docs/${s.evidence.document}/#${s.evidence.anchor}`;
      expect([...box.querySelectorAll('a')].map((a) => a.getAttribute('href')), s.id).toContain(href);
    }
    const without = docs.filter((d) => !statuses.some((s) => s.document === d.id));
    for (const d of without) expect(page(`/docs/${d.id}/`).querySelector('.doc-status')).toBeNull();
  });

  it('shows each document’s keywords and its related documents with the keywords they share', () => {
    const all = JSON.parse(readFileSync(join(ROOT, 'content', 'generated', 'keywords.json'), 'utf8')) as Array<{ id: string; keywords: string[]; related: Array<{ document: string; shared: string[] }> }>;
    expect(all).toHaveLength(docs.length);
    for (const k of all) {
      const box = page(`/docs/${k.id}/`).querySelector('.doc-related')!;
      expect(text(box.querySelector('.doc-keywords'))).toContain(k.keywords[0]!);
      expect([...box.querySelectorAll('a.graph-list__doc')].map((a) => a.getAttribute('href'))).toEqual(k.related.map((r) => `/docs/${r.document}/`));
    }
  });

  it('/docs/ has a 状态 column with each document’s badges', () => {
    const list = page('/docs/');
    expect([...list.querySelectorAll('table.doc-table thead th')].map((th) => text(th))).toContain('状态');
    for (const d of docs) {
      const row = list.querySelector(`tr[data-doc="${d.id}"]`)!;
      const badges = [...row.querySelectorAll('.status')].map((b) => text(b));
      // statuses.json's badges, and a law's 时效性 (issue 16).
      expect(badges.sort(), d.id).toEqual([...statuses.filter((s) => s.document === d.id).map((s) => s.label), ...(d.law ? [d.law.status] : [])].sort());
    }
  });
});

describe('reference pages', () => {
  it('/references/ gives the figures and ranks the most-cited documents', () => {
    const html = page('/references/');
    const stats = referenceStats(refs);
    expect(text(html.querySelector('tfoot [data-found]'))).toBe(String(stats.found));
    expect(text(html.querySelector('tfoot [data-resolved]'))).toBe(String(stats.resolved));
    expect(text(html.querySelector('tfoot [data-unresolved]'))).toBe(String(stats.unresolved));
    const rows = [...html.querySelectorAll('table.most-cited tbody tr')];
    const ranked = mostCited(refs);
    expect(rows.map((r) => r.getAttribute('data-target'))).toEqual(ranked.map((r) => r.target));
    expect(rows[0]!.getAttribute('data-target')).toBe('jzc-2019-6');
    expect(text(rows[0]!.querySelector('[data-documents]'))).toBe(String(ranked[0]!.documents.length));
  });

  it('/references/unresolved/ lists every unresolved reference, grouped, with 教职所〔2020〕21号', () => {
    const html = page('/references/unresolved/');
    const groups = unresolvedGroups(refs);
    expect(html.querySelectorAll('.unresolved__group')).toHaveLength(groups.length);
    for (const r of refs.filter((x) => x.target === null)) {
      const li = html.getElementById(citationId(r));
      expect(li, r.id).not.toBeNull();
      expect(li!.querySelector('a')?.getAttribute('href')).toBe(`/docs/${r.from}/#${r.anchor}`);
      expect(text(li)).toContain(r.printed.replace(/\s+/gu, ' '));
    }
    const third = html.getElementById('jzs-2020-21')!;
    expect(text(third.querySelector('.unresolved__title'))).toContain('教职所〔2020〕21号');
    expect(text(third)).toContain('关于确认参与 1+X 证书制度试点的第三批职业教育培训评价组织及职业技能等级证书的通知');
    // most cited first: 教职所〔2018〕144号, cited by three documents
    expect(html.querySelector('.unresolved__group')?.getAttribute('id')).toBe('jzs-2018-144');
  });
});

describe('open data /data/', () => {
  const file = (name: string) => readFileSync(join(DIST, 'data', name), 'utf8');

  it('offers every generated JSON collection, equal to what ingest wrote', () => {
    const written = readdirSync(join(ROOT, 'content', 'generated')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/u, ''));
    expect(JSON_DATASETS.map((d) => d.name).sort()).toEqual(written.sort());
    for (const d of JSON_DATASETS) expect(JSON.parse(file(`${d.name}.json`)), d.name).toEqual(generated(`${d.name}.json`));
  });

  it('describes every field of every JSON file, and no field that is not there', () => {
    for (const d of JSON_DATASETS) {
      const data = generated<unknown>(`${d.name}.json`);
      const entries = (Array.isArray(data) ? data : [data]) as Record<string, unknown>[];
      const keys = new Set(entries.flatMap((e) => Object.keys(e)));
      expect(new Set(Object.keys(d.fields)), d.name).toEqual(keys);
    }
  });

  it('/data/documents.csv starts with a BOM and has one row per document', () => {
    const csv = file('documents.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(DOCUMENT_COLUMNS.map((c) => c.name));
    expect(rows).toHaveLength(docs.length + 1);
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(docs.map((d) => d.id)));
    const plan = rows.find((r) => r[0] === 'jzc-2019-6')!;
    expect(plan[2]).toBe('教职成〔2019〕6号');
    expect(rows.every((r) => r.length === DOCUMENT_COLUMNS.length)).toBe(true);
  });

  it('/data/certificates.csv and /data/skills.csv have one row per certificate and skill row', () => {
    const certs = generated<Certificate[]>('certificates.json');
    const c = parseCsv(file('certificates.csv').slice(1));
    expect(file('certificates.csv').charCodeAt(0)).toBe(0xfeff);
    expect(c[0]).toEqual(CERTIFICATE_COLUMNS.map((x) => x.name));
    expect(c).toHaveLength(certs.length + 1);
    const s = parseCsv(file('skills.csv').slice(1));
    expect(s[0]).toEqual(SKILL_COLUMNS.map((x) => x.name));
    expect(s).toHaveLength(generated<unknown[]>('skills.json').length + 1);
    // the same bytes as the skills.csv ingest writes
    expect(file('skills.csv')).toBe(readFileSync(join(ROOT, 'content', 'generated', 'skills.csv'), 'utf8'));
  });

  it('the /data/ page links every file and describes every CSV column', () => {
    const html = page('/data/');
    const hrefs = [...html.querySelectorAll('a[href^="/data/"]')].map((a) => a.getAttribute('href')!);
    for (const d of JSON_DATASETS) expect(hrefs).toContain(`/data/${d.name}.json`);
    for (const n of ['documents', 'certificates', 'skills']) expect(hrefs).toContain(`/data/${n}.csv`);
    for (const h of hrefs) expect(existsSync(join(DIST, h)), h).toBe(true);
    const cells = [...html.querySelectorAll('table.data-fields th code')].map((c) => text(c));
    for (const col of [...DOCUMENT_COLUMNS, ...CERTIFICATE_COLUMNS, ...SKILL_COLUMNS]) expect(cells).toContain(col.name);
  });
});

describe('links', () => {
  it('every in-site link on the document, reference and data pages resolves', () => {
    for (const under of ['/docs/', '/references/', '/data/']) {
      const { broken, checked } = brokenLinks(under);
      expect(broken, under).toEqual([]);
      expect(checked).toBeGreaterThan(0);
    }
  });
});
