/**
 * Citations of documents and clauses, as a memo writer copies them.
 * Pure functions over the typed collections: pages call them at build time,
 * tests call them directly; the browser only fills in the site's origin and today's date.
 */
import type { Clause, PolicyDocument } from '../schema/corpus.ts';
import { intToChinese } from './text/numerals.ts';

/** A clause with the clauses above it, outermost first. */
export interface ClausePath {
  clause: Clause;
  ancestors: Clause[];
}

/** Every clause of a document with its ancestors, in reading order. */
export function walkClauses(doc: Pick<PolicyDocument, 'clauses'>): ClausePath[] {
  const out: ClausePath[] = [];
  const walk = (cs: Clause[], ancestors: Clause[]) => {
    for (const c of cs) {
      out.push({ clause: c, ancestors });
      walk(c.children, [...ancestors, c]);
    }
  };
  walk(doc.clauses, []);
  return out;
}

export function findClause(doc: Pick<PolicyDocument, 'clauses'>, anchor: string): ClausePath | null {
  return walkClauses(doc).find((p) => p.clause.anchor === anchor) ?? null;
}

/**
 * Where a clause is, as a reader writes it: 二、（五）; 附件1 8.9; 二、（五）第2段.
 * An unnumbered paragraph is counted among its parent's unnumbered paragraphs.
 */
export function clauseLocator(path: ClausePath): string {
  const chain = [...path.ancestors, path.clause];
  const article = chain.findLastIndex((c) => ARTICLE.test(c.label ?? ''));
  if (article >= 0) return articleLocator(chain, article);
  const parts: string[] = [];
  for (let k = 0; k < chain.length; k++) {
    const c = chain[k]!;
    if (c.kind === 'enclosure') continue;
    if (c.kind === 'attachment') {
      parts.push(c.label ?? '附件');
      continue;
    }
    if (c.label) {
      parts.push(c.label);
      continue;
    }
    if (k === chain.length - 1) {
      const siblings = k === 0 ? null : chain[k - 1]!.children;
      const ordinalMatch = /-?[pt](\d+)$/u.exec(c.anchor);
      const n = ordinalMatch ? Number(ordinalMatch[1]) : (siblings?.filter((s) => !s.label).indexOf(c) ?? 0) + 1;
      parts.push(c.kind === 'table' ? `表${n}` : `第${n}段`);
    }
  }
  // A dotted number carries its parents (8 → 8.9): keep the deepest only.
  const kept: string[] = [];
  for (const p of parts) {
    if (/^\d+(?:\.\d+)*$/u.test(p) && /^\d+(?:\.\d+)*$/u.test(kept.at(-1) ?? '')) kept[kept.length - 1] = p;
    else kept.push(p);
  }
  return kept.reduce((s, p, k) => (k === 0 ? p : needsSpace(kept[k - 1]!, p) ? `${s} ${p}` : s + p), '');
}

const ARTICLE = /^第[〇零一二三四五六七八九十百千\d]+条$/u;
const DIVISION = /^第[〇零一二三四五六七八九十百千\d]+[编章节]$/u;

/**
 * Where a clause of a law is, as a memo cites it: 第三十四条, 第三十四条第二款, 第三十四条第一款第（四）项,
 * 第三十四条第一款第（四）项第2目 (编/章/节 are not cited). The 款 are the article's unnumbered paragraphs,
 * its own text the first; an article of one 款 is cited without 第一款: 第十四条第（二）项.
 * (The anchors follow the same path: art34, art34-2, art34-1-4, art34-1-4-2; scripts/ingest/structure/articles.ts.)
 */
function articleLocator(chain: Clause[], at: number): string {
  const parts: string[] = [];
  for (const c of chain.slice(0, at)) {
    if (c.kind === 'attachment') parts.push(c.label ?? '附件');
    else if (c.kind !== 'enclosure' && c.label && !DIVISION.test(c.label)) parts.push(c.label);
  }
  const art = chain[at]!;
  parts.push(art.label!);
  const kuan = art.children.filter(isKuan);
  let items = 0;
  for (let k = at + 1; k < chain.length; k++) {
    const c = chain[k]!;
    if (k === at + 1 && isKuan(c)) {
      parts.push(`第${intToChinese(kuan.indexOf(c) + 2)}款`);
      continue;
    }
    if (k === at + 1 && c.label && kuan.length > 0) parts.push('第一款');
    if (c.label) {
      const item = /^[（(]\s*(\S+?)\s*[）)]$/u.exec(c.label);
      const sub = /^(\d+)\s*[.．、]$/u.exec(c.label);
      parts.push(items === 0 && item ? `第（${item[1]}）项` : items === 1 && sub ? `第${sub[1]}目` : c.label);
      items++;
    } else if (k === chain.length - 1) {
      const n = chain[k - 1]!.children.filter((s) => !s.label && s.kind === c.kind).indexOf(c) + 1;
      parts.push(c.kind === 'table' ? `表${n}` : `第${n}段`);
    }
  }
  return parts.reduce((s, p, k) => (k === 0 ? p : needsSpace(parts[k - 1]!, p) ? `${s} ${p}` : s + p), '');
}

/** A 款 of an article: an unnumbered paragraph directly under it. */
const isKuan = (c: Clause) => c.label === null && c.kind !== 'table';

/**
 * A space between two parts of a locator only where they would run together: after 附件N/附表
 * (附件2 1.) and between two numbers (附件2-3 4.3.1 1.). After 二、 or （一） none: 二、1., 一、（一）1.
 */
function needsSpace(before: string, part: string): boolean {
  return /^附/u.test(before) || (/\d$/u.test(before) && /^\d/u.test(part));
}

/** The title a clause is cited under: the carried document's inside an enclosure, else the document's. */
export function citedTitle(doc: Pick<PolicyDocument, 'title' | 'enclosedTitle'>, path: ClausePath | null): string {
  if (path && doc.enclosedTitle && [...path.ancestors, path.clause].some((c) => c.kind === 'enclosure')) return doc.enclosedTitle;
  return doc.title;
}

/**
 * A title as a citation prints it, in 《》: a title that itself holds a title has its inner 《》 turned to 〈〉
 * (《教育部等四部门印发〈…方案〉》); a title that is a quoted title with 节选 after it (a law's excerpt:
 * 《中华人民共和国职业教育法》节选) is already in citation form, 节选 outside the 书名号.
 */
export function quoteTitle(title: string): string {
  if (EXCERPT_TITLE.test(title)) return title;
  return `《${title.replace(/《/gu, '〈').replace(/》/gu, '〉')}》`;
}
const EXCERPT_TITLE = /^《[^《》]+》[（(]?节选[）)]?$/u;

/**
 * The version a citation names, for a law text that a newer version replaced (时效性 已被修订): （1996年）,
 * （2009年修正）, （2015年修订）— its latest 通过/修正/修订/公布, as lawyers cite an old version. The version in
 * force, a 节选 and anything that is not a law are cited by name alone (《中华人民共和国职业教育法》第三十四条).
 */
export function versionNote(doc: Pick<PolicyDocument, 'law'>): string {
  const law = doc.law;
  if (!law || law.excerpt || !law.version || law.status !== '已被修订') return '';
  const step = [...law.history].reverse().find((h) => h.date === law.version && h.action !== '施行');
  const year = law.version.slice(0, 4);
  return step && (step.action === '修订' || step.action === '修正') ? `（${year}年${step.action}）` : `（${year}年）`;
}

/** 《关于在院校实施…试点方案》（教职成〔2019〕6号）二、（五）; 《中华人民共和国职业教育法》节选; 《中华人民共和国职业教育法》（1996年）第八条 */
export function memoCitation(doc: Pick<PolicyDocument, 'title' | 'enclosedTitle' | 'docNumber'> & Partial<Pick<PolicyDocument, 'law'>>, path: ClausePath | null): string {
  const title = quoteTitle(citedTitle(doc, path));
  const number = doc.docNumber ? `（${doc.docNumber}）` : '';
  return `${title}${versionNote({ law: doc.law ?? null })}${number}${path ? clauseLocator(path) : ''}`;
}

/**
 * A GB/T 7714-2015 reference to the document as an online resource ([EB/OL]):
 * 责任者. 题名: 文号[EB/OL]. (发布日期)[引用日期]. 访问路径.
 * More than three issuers are cut to three and “等” (GB/T 7714-2015 8.1.2).
 * `accessed` and `url` are filled where they are known (in the browser, at copy time).
 */
export function gbt7714(doc: Pick<PolicyDocument, 'title' | 'docNumber' | 'issuers' | 'date'> & Partial<Pick<PolicyDocument, 'law'>>, url: string, accessed: string): string {
  const issuers = doc.issuers.length > 3 ? `${doc.issuers.slice(0, 3).join(', ')}, 等` : doc.issuers.join(', ');
  const head = issuers ? `${issuers}. ` : '';
  // 其他题名信息: the 文号, or the version of a law text that was revised since (1996年).
  const note = versionNote({ law: doc.law ?? null }).replace(/^（|）$/gu, '');
  const number = doc.docNumber ? `: ${doc.docNumber}` : note ? `: ${note}` : '';
  const published = doc.date ? `(${doc.date})` : '';
  return `${head}${doc.title}${number}[EB/OL]. ${published}[${accessed}]. ${url}.`;
}

/** [《标题》（文号）二、（五）](permalink) */
export function markdownLink(text: string, url: string): string {
  return `[${text.replace(/([[\]])/gu, '\\$1')}](${url})`;
}

/** The path of a clause's permalink, relative to the site root. */
export function clauseHref(docId: string, anchor: string | null): string {
  return `/docs/${docId}/${anchor ? `#${anchor}` : ''}`;
}
