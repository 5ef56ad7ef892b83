/**
 * 引用清单 (the memo basket): what one collected item is, and how pages make it at build time.
 *
 * An item holds everything its exports need — its source text, its memo citation (src/lib/citation.ts,
 * src/lib/skills.ts: the site's one citation format), its permalink, the document's title and 文号 and
 * the document's GB/T 7714 reference as a template — so the basket never fetches or parses a page.
 * Pages write an item into the 加入引用清单 button's data attributes (memoDataAttributes); the browser
 * reads them back (itemFromData). Pure functions: pages, scripts and tests call them.
 */
import type { Clause, PolicyDocument } from '../../schema/corpus.ts';
import type { SkillRow, SkillStandard } from '../../schema/skills.ts';
import type { Fee, FeeRule } from '../../schema/timeline.ts';
import { type ClausePath, citedTitle, clauseHref, findClause, gbt7714, memoCitation } from '../citation.ts';
import { labelSeparator } from '../format.ts';
import { skillCitation, skillHref, standardTitle } from '../skills.ts';

export type MemoKind = 'clause' | 'skill' | 'fee';

export const KIND_NAMES: Record<MemoKind, string> = { clause: '条款', skill: '技能条目', fee: '费用' };

/** The document an item is cited from: its GB/T 7714 reference is one entry of the basket's list. */
export interface MemoSource {
  /** Document id (`jzc-2019-6`): items of one document share one GB/T 7714 entry. */
  id: string;
  /** The document's page, site-relative (`/docs/jzc-2019-6/`). */
  href: string;
  /** gbt7714() with `{{url}}` and `{{accessed}}` left to fill at export time. */
  gbt: string;
}

export interface MemoItem {
  /** Unique in a basket: the permalink for clauses and skill rows, `fee:<id>` for a fee figure or rule. */
  key: string;
  kind: MemoKind;
  /** The source text (plain text: never markup). A clause's text includes its sub-clauses, one per line. */
  text: string;
  /** The memo citation: 《标题》（文号）二、（五）. */
  cite: string;
  /** The permalink, site-relative (`/docs/jzc-2019-6/#s2-5`). */
  href: string;
  /** The title the item is cited under (without 《》). */
  title: string;
  /** 文号, or null. */
  docNumber: string | null;
  source: MemoSource | null;
  /** The reader's note. */
  note: string;
}

/** A document's source for the GB/T 7714 list. */
export function memoSource(doc: Pick<PolicyDocument, 'id' | 'title' | 'docNumber' | 'issuers' | 'date'>): MemoSource {
  return { id: doc.id, href: clauseHref(doc.id, null), gbt: gbt7714(doc, '{{url}}', '{{accessed}}') };
}

/** A table as text: cells by tabs, rows by lines, header first. */
export function tableText(table: NonNullable<Clause['table']>): string {
  return [...(table.header ? [table.header] : []), ...table.rows].map((r) => r.cells.map((c) => c.text).join('\t')).join('\n');
}

/** Whether a clause has tools (and so a 加入引用清单 button) on its page: as ClauseNode decides. */
export function isCitable(clause: Clause): boolean {
  return Boolean(clause.label || clause.heading || clause.text || clause.table);
}

/**
 * A clause's own text as printed, without its sub-clauses: label and heading on the first line
 * (（五）严格职业技能等级考核与证书发放), then its text, then its table.
 */
export function clauseOwnText(clause: Clause): string {
  const label = clause.kind === 'attachment' ? (clause.label ?? '附件') : clause.label;
  const sep = label ? labelSeparator(label) : '';
  const lines: string[] = [];
  if (clause.heading) lines.push(`${label ?? ''}${label ? sep : ''}${clause.heading}`);
  if (clause.text) lines.push(!clause.heading && label ? `${label}${sep}${clause.text}` : clause.text);
  else if (!clause.heading && label && !clause.table) lines.push(label);
  if (clause.table) lines.push(tableText(clause.table));
  return lines.join('\n');
}

/**
 * A clause's text with its sub-clauses', in reading order, one clause a line. The browser builds the same
 * text from the own texts the page wrote on each clause's button (src/scripts/memo-dom.ts joinOwnTexts).
 */
export function clauseText(clause: Clause): string {
  const parts: string[] = [];
  const walk = (c: Clause) => {
    if (isCitable(c)) parts.push(clauseOwnText(c));
    c.children.forEach(walk);
  };
  walk(clause);
  return joinOwnTexts(parts);
}

/** Own texts of a clause and its sub-clauses → the clause's text. */
export function joinOwnTexts(parts: readonly string[]): string {
  return parts.filter((p) => p.trim() !== '').join('\n');
}

/** The item for a clause (its text with its sub-clauses'). */
export function clauseItem(doc: PolicyDocument, path: ClausePath): MemoItem {
  const href = clauseHref(doc.id, path.clause.anchor);
  return {
    key: href,
    kind: 'clause',
    text: clauseText(path.clause),
    cite: memoCitation(doc, path),
    href,
    title: citedTitle(doc, path),
    docNumber: doc.docNumber,
    source: memoSource(doc),
    note: '',
  };
}

/** The item for a skill row; its GB/T 7714 entry is the document the standard is printed in. */
export function skillItem(standard: SkillStandard, row: SkillRow, certificateId: string, doc: PolicyDocument | undefined): MemoItem {
  const href = skillHref(certificateId, row.anchor);
  return {
    key: href,
    kind: 'skill',
    text: row.text,
    cite: skillCitation(standard, row),
    href,
    title: doc?.title ?? standardTitle(standard).replace(/^《|》$/gu, ''),
    docNumber: doc?.docNumber ?? null,
    source: doc ? memoSource(doc) : null,
    note: '',
  };
}

/** The item for a fee figure or the fee rule: the sentence that states it, cited by its clause. */
export function feeItem(fee: Pick<Fee | FeeRule, 'id' | 'documentId' | 'anchor' | 'text'>, doc: PolicyDocument | undefined): MemoItem {
  const path = doc && fee.anchor ? findClause(doc, fee.anchor) : null;
  return {
    key: `fee:${fee.id}`,
    kind: 'fee',
    text: fee.text,
    cite: doc ? memoCitation(doc, path) : fee.documentId,
    href: clauseHref(fee.documentId, fee.anchor),
    title: doc ? citedTitle(doc, path) : fee.documentId,
    docNumber: doc?.docNumber ?? null,
    source: doc ? memoSource(doc) : null,
    note: '',
  };
}

/**
 * The item as the button's data attributes (a clause's `data-memo-text` holds its own text only; the key
 * is written only where it is not the permalink).
 */
export function memoDataAttributes(item: MemoItem, ownText = item.text): Record<string, string> {
  return {
    ...(item.key !== item.href ? { 'data-memo-key': item.key } : {}),
    'data-memo-kind': item.kind,
    'data-memo-text': ownText,
    'data-memo-cite': item.cite,
    'data-memo-href': item.href,
    'data-memo-title': item.title,
    'data-memo-number': item.docNumber ?? '',
    ...(item.source ? { 'data-memo-doc': item.source.id, 'data-memo-doc-href': item.source.href, 'data-memo-gbt': item.source.gbt } : {}),
  };
}

type Dataset = Readonly<Record<string, string | undefined>>;

/** The key of the item a button's dataset holds: `data-memo-key`, else its permalink. */
export function keyFromData(data: Dataset): string {
  return data.memoKey || data.memoHref || '';
}

/** An item read back from a button's dataset (`memoHref` …), or null when it lacks a permalink or citation. */
export function itemFromData(data: Dataset): MemoItem | null {
  const kind = data.memoKind;
  if (!data.memoCite || !data.memoHref || (kind !== 'clause' && kind !== 'skill' && kind !== 'fee')) return null;
  return {
    key: keyFromData(data),
    kind,
    text: data.memoText ?? '',
    cite: data.memoCite,
    href: data.memoHref,
    title: data.memoTitle ?? '',
    docNumber: data.memoNumber || null,
    source: data.memoDoc && data.memoDocHref && data.memoGbt ? { id: data.memoDoc, href: data.memoDocHref, gbt: data.memoGbt } : null,
    note: '',
  };
}
