/**
 * The corpus as a graph: what pages show of references.json. Pure functions over the typed
 * collections (references, documents); pages and tests call the same ones.
 */
import type { PolicyDocument } from '../schema/corpus.ts';
import type { Reference } from '../schema/references.ts';
import { clauseLocator, findClause } from './citation.ts';
import { clauseTitle } from './format.ts';
// The same 文号 parsing, id scheme and title comparison as ingest: one definition each.
import { idFromDocNumber as idOf, parseDocNumber } from './text/docnumber.ts';
import { titleKey } from './text/titles.ts';

export { titleKey };

export const UNRESOLVED_PATH = '/references/unresolved/';

/** The kinds of reference, as a reader names them. */
export const REFERENCE_KIND: Record<Reference['kind'], string> = {
  title: '《标题》',
  docNumber: '文号',
  alias: '简称',
  attachment: '附件',
};

/** A reference to a clause or document of this same document (附件 2, a standard inside a notice). */
export const isInternal = (r: Reference): boolean => r.target === r.from;

/** The id of one reference's entry on a page listing citations: jzcsh-2019-89/r2 → c-jzcsh-2019-89-r2. */
export function citationId(r: Pick<Reference, 'id'>): string {
  return `c-${r.id.replace(/[^A-Za-z0-9-]+/gu, '-')}`;
}

/**
 * Where a reference leads: the cited document (and clause), `#anchor` inside the citing document,
 * or, unresolved, this citation's entry on the 本库未收录 page.
 */
export function refHref(r: Reference): string {
  if (r.target === null) return `${UNRESOLVED_PATH}#${citationId(r)}`;
  const hash = r.targetAnchor ? `#${r.targetAnchor}` : '';
  if (r.target === r.from && hash) return hash;
  return `/docs/${r.target}/${hash}`;
}

/** 教职所〔2020〕21号 → jzs-2020-21 (the id the document would get once added); null if not a 文号. */
export function idFromDocNumber(docNumber: string): string | null {
  const n = parseDocNumber(docNumber);
  return n ? idOf(n) : null;
}

/** FNV-1a, 32 bits, as 8 hex digits: a stable short id for a title. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of new TextEncoder().encode(text)) h = Math.imul(h ^ ch, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * What an unresolved reference is grouped under: its 文号 (normalised by ingest), else its title.
 * `titles` maps title keys to a 文号 printed with that title elsewhere, so a bare title joins its
 * 文号's group. `id` is ASCII: the would-be document id for a 文号, `t-<hash>` for a title.
 */
export function unresolvedKey(r: Pick<Reference, 'docNumber' | 'title' | 'printed'>, titles?: ReadonlyMap<string, string>): { key: string; id: string } {
  const tk = titleKey(r.title ?? r.printed);
  const number = r.docNumber ?? titles?.get(tk) ?? null;
  if (number) return { key: number, id: idFromDocNumber(number) ?? `n-${hash(number)}` };
  return { key: tk, id: `t-${hash(tk)}` };
}

export interface Citing {
  ref: Reference;
  document: PolicyDocument | undefined;
}

export interface UnresolvedGroup {
  id: string;
  /** The normalised 文号, or null when only a title is cited. */
  docNumber: string | null;
  /** Distinct titles as cited. */
  titles: string[];
  /** Distinct printed forms. */
  printed: string[];
  refs: Reference[];
  /** Distinct citing documents. */
  documents: string[];
}

/** Unresolved references grouped by 文号 or title: most-cited first (then by 文号/title). */
export function unresolvedGroups(refs: readonly Reference[]): UnresolvedGroup[] {
  const unresolved = refs.filter((r) => r.target === null);
  const titles = new Map<string, string>();
  for (const r of unresolved) if (r.docNumber && r.title) titles.set(titleKey(r.title), r.docNumber);
  const groups = new Map<string, UnresolvedGroup>();
  for (const r of unresolved) {
    const { key, id } = unresolvedKey(r, titles);
    let g = groups.get(key);
    if (!g) {
      g = { id, docNumber: r.docNumber ?? titles.get(titleKey(r.title ?? r.printed)) ?? null, titles: [], printed: [], refs: [], documents: [] };
      groups.set(key, g);
    }
    g.refs.push(r);
    if (r.title && !g.titles.includes(r.title)) g.titles.push(r.title);
    if (!g.printed.includes(r.printed)) g.printed.push(r.printed);
    if (!g.documents.includes(r.from)) g.documents.push(r.from);
  }
  return [...groups.values()].sort(
    (a, b) => b.documents.length - a.documents.length || b.refs.length - a.refs.length || (a.docNumber ?? a.titles[0] ?? '').localeCompare(b.docNumber ?? b.titles[0] ?? '', 'zh-CN'),
  );
}

export interface TargetGroup {
  /** The cited document id, or null (本库未收录). */
  target: string | null;
  /** For unresolved: the group id on the 本库未收录 page. */
  key: string;
  refs: Reference[];
}

/** The 文号 an unresolved reference prints with a title, by title: how references citing the title alone are grouped with it. */
export function unresolvedTitles(refs: readonly Reference[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const r of refs) if (r.target === null && r.docNumber && r.title) titles.set(titleKey(r.title), r.docNumber);
  return titles;
}

/**
 * A document's references out of itself (internal ones left out), grouped by cited document, in reading order.
 * `titles`: the corpus's unresolvedTitles, when `refs` are only this document's.
 */
export function referencesOut(refs: readonly Reference[], docId: string, titles: ReadonlyMap<string, string> = unresolvedTitles(refs)): TargetGroup[] {
  const groups = new Map<string, TargetGroup>();
  for (const r of refs) {
    if (r.from !== docId || isInternal(r)) continue;
    const key = r.target ?? `unresolved:${unresolvedKey(r, titles).id}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { target: r.target, key, refs: [] }));
    g.refs.push(r);
  }
  return [...groups.values()];
}

export interface CitingDocument {
  from: string;
  refs: Reference[];
}

/** The documents citing `docId` (itself left out), each with its citing references; in the order of references.json. */
export function citedBy(refs: readonly Reference[], docId: string): CitingDocument[] {
  const out = new Map<string, CitingDocument>();
  for (const r of refs) {
    if (r.target !== docId || r.from === docId) continue;
    let c = out.get(r.from);
    if (!c) out.set(r.from, (c = { from: r.from, refs: [] }));
    c.refs.push(r);
  }
  return [...out.values()];
}

/** 转发: the documents `docId` forwards, and those forwarding it. */
export function forwarding(refs: readonly Reference[], docId: string): { forwards: string[]; forwardedBy: string[] } {
  const fw = refs.filter((r) => r.relation === '转发' && r.target !== null && r.target !== r.from);
  return {
    forwards: [...new Set(fw.filter((r) => r.from === docId).map((r) => r.target!))],
    forwardedBy: [...new Set(fw.filter((r) => r.target === docId).map((r) => r.from))],
  };
}

export interface ReferenceStats {
  found: number;
  resolved: number;
  unresolved: number;
  /** Resolved within the citing document itself (附件 references, a standard printed in the notice). */
  internal: number;
  byKind: Record<Reference['kind'], { found: number; resolved: number; unresolved: number }>;
  forwarding: number;
}

export function referenceStats(refs: readonly Reference[]): ReferenceStats {
  const byKind = Object.fromEntries(
    (Object.keys(REFERENCE_KIND) as Reference['kind'][]).map((k) => [k, { found: 0, resolved: 0, unresolved: 0 }]),
  ) as ReferenceStats['byKind'];
  for (const r of refs) {
    byKind[r.kind].found++;
    byKind[r.kind][r.target === null ? 'unresolved' : 'resolved']++;
  }
  return {
    found: refs.length,
    resolved: refs.filter((r) => r.target !== null).length,
    unresolved: refs.filter((r) => r.target === null).length,
    internal: refs.filter(isInternal).length,
    byKind,
    forwarding: refs.filter((r) => r.relation === '转发').length,
  };
}

export interface Ranked {
  target: string;
  /** Distinct citing documents (the ranking), itself left out. */
  documents: string[];
  references: number;
}

/** Documents of the corpus by how many other documents cite them, most first (ties: more references, then id). */
export function mostCited(refs: readonly Reference[]): Ranked[] {
  const by = new Map<string, Ranked>();
  for (const r of refs) {
    if (r.target === null || r.target === r.from) continue;
    let e = by.get(r.target);
    if (!e) by.set(r.target, (e = { target: r.target, documents: [], references: 0 }));
    e.references++;
    if (!e.documents.includes(r.from)) e.documents.push(r.from);
  }
  return [...by.values()].sort((a, b) => b.documents.length - a.documents.length || b.references - a.references || a.target.localeCompare(b.target));
}

/** How a clause is named in a list of citations: 二、（五）, 附件1 第2段, else its 目录 title, else 标题. */
export function clauseName(doc: PolicyDocument | undefined, anchor: string): string {
  if (!doc) return anchor;
  const path = findClause(doc, anchor);
  if (!path) return anchor;
  return clauseLocator(path) || clauseTitle(path.clause, 16) || '正文';
}
