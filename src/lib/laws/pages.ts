/**
 * What the law pages render (issue 16), sliced from documents.json and works.json once per build:
 * - a version's document page: its work, the other versions, the version in force and, for a
 *   superseded whole text, each article's successor in it (diff.ts), for a 节选 the whole text held;
 * - the work page /docs/<work>/: the work, its versions, the version in force, the diff pages;
 * - a diff page /docs/<work>/changes/<older>_<newer>/: for every pair of held whole versions.
 *
 * Pure: typed data in, props out (page-props.ts builds the document pages' props with lawContext).
 */
import type { PolicyDocument } from '../../schema/corpus.ts';
import type { LawStatus, LawWork } from '../../schema/laws.ts';
import { cacheKey } from '../cache-key.ts';
import { formatDate } from '../format.ts';
import type { Reference } from '../../schema/references.ts';
import { type ArticleChangeKind, type LawArticle, type VersionDiff, diffVersions, lawArticles, successors } from './diff.ts';

/** The class of a 时效性 badge (styles: .law-status--*). */
const STATUS_CLASS: Record<LawStatus, string> = {
  现行有效: 'current',
  已被修订: 'revised',
  已废止: 'repealed',
  尚未施行: 'pending',
  待核实: 'unverified',
};
export const lawStatusClass = (s: LawStatus): string => `status law-status law-status--${STATUS_CLASS[s]}`;

/** The order of the /docs/ filter. */
export const LAW_STATUSES: readonly LawStatus[] = ['现行有效', '尚未施行', '已被修订', '已废止', '待核实'];

/** /docs/<work>/changes/<older>_<newer>/ */
export function changesHref(work: string, older: string, newer: string): string {
  return `/docs/${work}/changes/${older}_${newer}/`;
}

export const workHref = (work: string): string => `/docs/${work}/`;
/** 2022年4月20日版本, 1996年5月15日版本的节选, 版本未知: a version as the banners and the work page name it. */
export const versionName = (version: string | null, excerpt = false): string => (version ? `${formatDate(version)}${excerpt ? '版本的节选' : '版本'}` : '版本未知');

/** A version of a work as the pages list it. */
export interface HeldVersion {
  doc: PolicyDocument;
  /** The version's date (null: a 节选 whose version is not known). */
  version: string | null;
  excerpt: boolean;
  status: LawStatus;
}

/** A pair of whole versions, the older first, with its diff page. */
export interface VersionPair {
  older: PolicyDocument;
  newer: PolicyDocument;
  olderVersion: string;
  newerVersion: string;
  href: string;
}

/** The work's versions held here, in the work's order (oldest first, whole before 节选). */
export function heldVersions(work: LawWork, byId: ReadonlyMap<string, PolicyDocument>): HeldVersion[] {
  return work.versions.flatMap((v) => {
    const doc = byId.get(v.document);
    return doc ? [{ doc, version: v.version, excerpt: v.excerpt, status: v.status }] : [];
  });
}

/** Every pair of held whole versions (one document per version date: the first listed), older first. */
export function versionPairs(work: LawWork, byId: ReadonlyMap<string, PolicyDocument>): VersionPair[] {
  const whole = new Map<string, PolicyDocument>();
  for (const v of heldVersions(work, byId)) if (!v.excerpt && v.version && !whole.has(v.version)) whole.set(v.version, v.doc);
  const list = [...whole].sort(([a], [b]) => a.localeCompare(b));
  const out: VersionPair[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const [ov, older] = list[i]!;
      const [nv, newer] = list[j]!;
      out.push({ older, newer, olderVersion: ov, newerVersion: nv, href: changesHref(work.id, ov, nv) });
    }
  }
  return out;
}

/** One row of a versions table: the version's document, date, 通过/修正/修订, whole or 节选, 时效性. */
export interface VersionRow {
  id: string;
  title: string;
  version: string | null;
  action: string;
  excerpt: boolean;
  status: LawStatus;
}

export const versionRow = (v: HeldVersion): VersionRow => ({ id: v.doc.id, title: v.doc.title, version: v.version, action: versionAction(v.doc), excerpt: v.excerpt, status: v.status });

/** What a version's document page shows of its work (null for a document that is not a law's version). */
export interface LawContext {
  work: LawWork;
  versions: VersionRow[];
  /** The document holding the version in force, when it is not this one. */
  current: { id: string; title: string; version: string | null; excerpt: boolean } | null;
  /** This superseded whole text's articles → their successors in the current whole text (anchor → article). */
  successors: Record<string, { anchor: string; label: string }>;
  /**
   * For a 节选: the whole text of the version it copies, when held; which of the 节选's anchors exist there;
   * the articles its text cites there (references.json: 《X》第十三条 → art13), each with its successor in
   * the current whole text when that version is superseded.
   */
  whole: {
    id: string;
    title: string;
    anchors: string[];
    quoted: Array<{ anchor: string; label: string; successor: { anchor: string; label: string } | null }>;
  } | null;
  /** The diff pages this version takes part in. */
  pairs: Array<{ older: string; newer: string; href: string }>;
  /** The document whose clause repeals this one (law.repealedBy), with its title, when held. */
  repealer: { href: string; title: string } | null;
}

function anchorsOf(doc: PolicyDocument): Set<string> {
  const out = new Set<string>();
  const walk = (cs: PolicyDocument['clauses']) => {
    for (const c of cs) {
      out.add(c.anchor);
      walk(c.children);
    }
  };
  walk(doc.clauses);
  return out;
}

export function lawContext(
  doc: PolicyDocument,
  works: ReadonlyMap<string, LawWork>,
  byId: ReadonlyMap<string, PolicyDocument>,
  /** The document's references (from it): a 节选's citations of the articles it copies. */
  refs: readonly Pick<Reference, 'from' | 'target' | 'targetAnchor'>[] = [],
): LawContext | null {
  const law = doc.law;
  const work = law ? works.get(law.work) : undefined;
  if (!law || !work) return null;
  const held = heldVersions(work, byId);
  const cur = law.current && law.current !== doc.id ? byId.get(law.current) : undefined;
  const curInfo = cur?.law ?? null;
  let next: LawContext['successors'] = {};
  if (cur && curInfo && !curInfo.excerpt && !law.excerpt && law.status !== '现行有效') {
    for (const [anchor, a] of successors(diffVersions(doc, cur))) next[anchor] = { anchor: a.anchor, label: a.label };
  }
  let whole: LawContext['whole'] = null;
  if (law.excerpt && law.version) {
    const w = held.find((v) => !v.excerpt && v.version === law.version);
    if (w) {
      const there = anchorsOf(w.doc);
      const articles = new Map(lawArticles(w.doc).map((a) => [a.anchor, a]));
      const cited = [...new Set(refs.filter((r) => r.from === doc.id && r.target === w.doc.id && r.targetAnchor).map((r) => /^art\d+/u.exec(r.targetAnchor!)?.[0] ?? ''))].filter((a) => articles.has(a));
      const next = cited.length && cur && curInfo && !curInfo.excerpt && cur.id !== w.doc.id ? successors(diffVersions(w.doc, cur)) : new Map<string, LawArticle>();
      whole = {
        id: w.doc.id,
        title: w.doc.title,
        anchors: [...anchorsOf(doc)].filter((a) => /^art\d/u.test(a) && there.has(a)),
        quoted: cited.map((a) => {
          const n = next.get(a);
          return { anchor: a, label: articles.get(a)!.label, successor: n ? { anchor: n.anchor, label: n.label } : null };
        }),
      };
    }
  }
  return {
    work,
    versions: held.map(versionRow),
    current: cur ? { id: cur.id, title: cur.title, version: curInfo?.version ?? null, excerpt: curInfo?.excerpt ?? false } : null,
    successors: next,
    whole,
    pairs: versionPairs(work, byId)
      .filter((p) => p.older.id === doc.id || p.newer.id === doc.id)
      .map((p) => ({ older: p.olderVersion, newer: p.newerVersion, href: p.href })),
    repealer: law.repealedBy && byId.has(law.repealedBy.document)
      ? { href: `/docs/${law.repealedBy.document}/#${law.repealedBy.anchor}`, title: byId.get(law.repealedBy.document)!.title }
      : null,
  };
}

/* ---------- the work page ---------- */

/**
 * The text /docs/<work>/ shows: the version in force (works.json `current`); when none is in force (its only
 * versions 尚未施行, or the work 已废止), the newest version held, a whole text before a 节选.
 */
export function shownVersion(work: LawWork, byId: ReadonlyMap<string, PolicyDocument>): PolicyDocument | null {
  if (work.current) return byId.get(work.current) ?? null;
  const held = heldVersions(work, byId);
  return (held.filter((v) => !v.excerpt).at(-1) ?? held.at(-1))?.doc ?? null;
}

export type WorkPageProps = {
  work: LawWork;
  versions: VersionRow[];
  /** The document whose text the page shows: the version in force, else (none in force) the newest (shownVersion). */
  current: PolicyDocument | null;
  pairs: Array<{ older: string; newer: string; olderId: string; newerId: string; href: string; counts: Record<ArticleChangeKind, number> }>;
};

export function workPaths(input: { documents: PolicyDocument[]; works: LawWork[] }): Array<{ params: { work: string }; props: WorkPageProps; cacheKey: string }> {
  const byId = new Map(input.documents.map((d) => [d.id, d]));
  return input.works.map((work) => {
    const held = heldVersions(work, byId);
    const versions = held.map(versionRow);
    const current = shownVersion(work, byId);
    const pairs = versionPairs(work, byId).map((p) => ({
      older: p.olderVersion,
      newer: p.newerVersion,
      olderId: p.older.id,
      newerId: p.newer.id,
      href: p.href,
      counts: diffVersions(p.older, p.newer).counts,
    }));
    const props: WorkPageProps = { work, versions, current, pairs };
    return { params: { work: work.id }, props, cacheKey: cacheKey(work, current, pairs, versions) };
  });
}

/* ---------- the diff pages ---------- */

export type ChangesPageProps = {
  work: LawWork;
  older: PolicyDocument;
  newer: PolicyDocument;
  olderVersion: string;
  newerVersion: string;
  diff: VersionDiff;
};

export function changesPaths(input: { documents: PolicyDocument[]; works: LawWork[] }): Array<{ params: { work: string; pair: string }; props: ChangesPageProps; cacheKey: string }> {
  const byId = new Map(input.documents.map((d) => [d.id, d]));
  return input.works.flatMap((work) =>
    versionPairs(work, byId).map((p) => {
      const props: ChangesPageProps = { work, older: p.older, newer: p.newer, olderVersion: p.olderVersion, newerVersion: p.newerVersion, diff: diffVersions(p.older, p.newer) };
      return { params: { work: work.id, pair: `${p.olderVersion}_${p.newerVersion}` }, props, cacheKey: cacheKey(work, p.older, p.newer) };
    }),
  );
}

/** Where an article of a version stands: /docs/<id>/#art11. */
export function articleHref(doc: PolicyDocument, a: LawArticle): string {
  return `/docs/${doc.id}/#${a.anchor}`;
}

/** 通过/修正/修订 of a version's latest history line (the verb the versions table shows). */
export function versionAction(doc: PolicyDocument): string {
  const law = doc.law;
  if (!law || !law.version) return '';
  const hit = law.history.filter((h) => h.date === law.version && h.action !== '施行' && h.action !== '公布').at(-1);
  return hit?.action ?? '';
}
