/**
 * What each generated page renders, sliced from the typed collections once per build, with the
 * page's `cacheKey` for Astro's incremental build (experimental.incrementalBuild).
 *
 * A page's props are everything it renders besides its code: the page reads nothing else (no
 * getCollection in the page body). So the cacheKey is simply the content key of the props
 * (cache-key.ts): when a source changes, the pages whose slice changed are rendered again and
 * every other page is copied from the previous build. Astro keys the code (the page's module
 * graph) itself.
 *
 * Each function also replaces per-page scans of whole collections by one index built here:
 * at 50× the certificate pages filtered all 30,600 skill rows each.
 */
import type { Batch, Certificate, Organization } from '../schema/catalog.ts';
import type { Anomaly, PolicyDocument } from '../schema/corpus.ts';
import type { DocumentKeywords } from '../schema/keywords.ts';
import type { Reference } from '../schema/references.ts';
import type { SkillRow, SkillStandard } from '../schema/skills.ts';
import type { DocumentStatus } from '../schema/status.ts';
import type { LawWork } from '../schema/laws.ts';
import { type LawContext, lawContext } from './laws/pages.ts';
import { anomaliesNaming } from './catalog.ts';
import { cacheKey } from './cache-key.ts';
import { unresolvedTitles } from './references.ts';
import { indexRows, skillRoute } from './skills.ts';

export interface StaticPath<P, K extends string = 'id'> {
  params: Record<K, string>;
  props: P;
  cacheKey: string;
}

/** The documents with these ids, in the given order, as a map (the pages look titles and clauses up in it). */
function pick(all: Map<string, PolicyDocument>, ids: Iterable<string | null | undefined>): Map<string, PolicyDocument> {
  const out = new Map<string, PolicyDocument>();
  for (const id of ids) {
    const d = id ? all.get(id) : undefined;
    if (d && !out.has(d.id)) out.set(d.id, d);
  }
  return out;
}

function groupBy<T>(items: readonly T[], keys: (t: T) => (string | null | undefined)[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    for (const k of new Set(keys(it))) {
      if (!k) continue;
      const list = out.get(k);
      if (list) list.push(it);
      else out.set(k, [it]);
    }
  }
  return out;
}

export type DocumentPageProps = {
  doc: PolicyDocument;
  /** The documents it cites, the ones citing it and its statuses' evidence (their clauses are named). */
  docs: Map<string, PolicyDocument>;
  /** Titles of those and of its related documents (a related document's text does not show here). */
  titles: Map<string, string>;
  /** References out of and into this document, in the order of references.json. */
  refs: Reference[];
  /** The corpus's unresolved titles → 文号 (groups unresolved references as the 本库未收录 page does). */
  unresolvedTitles: Map<string, string>;
  statuses: DocumentStatus[];
  keywords: DocumentKeywords | null;
  /** A law's version: its work, the other versions, the version in force, its articles' successors (null otherwise). */
  law: LawContext | null;
};

export function documentPaths(input: {
  documents: PolicyDocument[];
  references: Reference[];
  statuses: DocumentStatus[];
  keywords: DocumentKeywords[];
  /** works.json (issue 16); none: no document is shown as a law's version. */
  works?: LawWork[];
}): StaticPath<DocumentPageProps>[] {
  const works = new Map((input.works ?? []).map((w) => [w.id, w]));
  const all = new Map(input.documents.map((d) => [d.id, d]));
  const refsOf = groupBy(input.references, (r) => [r.from, r.target]);
  const statusesOf = groupBy(input.statuses, (s) => [s.document]);
  const keywordsOf = new Map(input.keywords.map((k) => [k.id, k]));
  const unresolved = unresolvedTitles(input.references);
  return input.documents.map((doc) => {
    const refs = refsOf.get(doc.id) ?? [];
    const statuses = statusesOf.get(doc.id) ?? [];
    const keywords = keywordsOf.get(doc.id) ?? null;
    const docs = pick(all, [doc.id, ...refs.flatMap((r) => [r.from, r.target]), ...statuses.map((s) => s.evidence.document)]);
    const named = new Map([...docs.values(), ...pick(all, (keywords?.related ?? []).map((r) => r.document)).values()].map((d) => [d.id, d.title]));
    const law = lawContext(doc, works, all, refs);
    const props: DocumentPageProps = { doc, docs, titles: named, refs, unresolvedTitles: unresolved, statuses, keywords, law };
    return { params: { id: doc.id }, props, cacheKey: cacheKey(doc, named, refs, unresolved, statuses, keywords, law, ...docs.values()) };
  });
}

export type CertificatePageProps = {
  cert: Certificate;
  /** Its organisations, in the certificate's order (null: named in a list but not in the catalog). */
  organizations: (Organization | null)[];
  batch: Batch | null;
  standard: SkillStandard | null;
  rows: SkillRow[];
  /** The documents listing it, giving its contacts, and printing its standard. */
  docs: Map<string, PolicyDocument>;
  /** The ingest's anomalies naming it. */
  anomalies: Anomaly[];
};

export function certificatePaths(input: {
  certificates: Certificate[];
  organizations: Organization[];
  batches: Batch[];
  standards: SkillStandard[];
  skills: SkillRow[];
  documents: PolicyDocument[];
  anomalies: Anomaly[];
}): StaticPath<CertificatePageProps>[] {
  const all = new Map(input.documents.map((d) => [d.id, d]));
  const orgs = new Map(input.organizations.map((o) => [o.id, o]));
  const batches = new Map(input.batches.map((b) => [b.id, b]));
  const standards = new Map(input.standards.map((s) => [s.id, s]));
  const rowsOf = groupBy(input.skills, (r) => [r.standard]);
  return input.certificates.map((cert) => {
    const standard = (cert.standard ? standards.get(cert.standard) : undefined) ?? null;
    const rows = standard ? (rowsOf.get(standard.id) ?? []) : [];
    const props: CertificatePageProps = {
      cert,
      organizations: cert.organizations.map((id) => orgs.get(id) ?? null),
      batch: cert.batch === null ? null : (batches.get(`batch-${cert.batch}`) ?? null),
      standard,
      rows,
      docs: pick(all, [...cert.listings.map((l) => l.document), ...cert.contacts.map((c) => c.document), standard?.document]),
      anomalies: anomaliesNaming(input.anomalies, [cert.name, cert.fullName, ...cert.aliases]),
    };
    const { organizations, batch, docs, anomalies } = props;
    return { params: { id: cert.id }, props, cacheKey: cacheKey(cert, organizations, batch, standard, rows, anomalies, ...docs.values()) };
  });
}

export type OrganizationPageProps = {
  org: Organization;
  certificates: Certificate[];
  /** Names of the certificates its listings name (for the conflicts box). */
  certificateNames: Map<string, string>;
  /** The documents listing it. */
  docs: Map<string, PolicyDocument>;
  anomalies: Anomaly[];
};

export function organizationPaths(input: {
  organizations: Organization[];
  certificates: Certificate[];
  documents: PolicyDocument[];
  anomalies: Anomaly[];
}): StaticPath<OrganizationPageProps>[] {
  const all = new Map(input.documents.map((d) => [d.id, d]));
  const certs = new Map(input.certificates.map((c) => [c.id, c]));
  return input.organizations.map((org) => {
    const certificates = org.certificates.flatMap((id) => certs.get(id) ?? []);
    const certificateNames = new Map(org.listings.flatMap((l) => (l.certificate && certs.has(l.certificate) ? [[l.certificate, certs.get(l.certificate)!.name] as const] : [])));
    const props: OrganizationPageProps = {
      org,
      certificates,
      certificateNames,
      docs: pick(all, org.listings.map((l) => l.document)),
      anomalies: anomaliesNaming(input.anomalies, [org.name, ...org.aliases]),
    };
    return { params: { id: org.id }, props, cacheKey: cacheKey(org, certificates, certificateNames, props.anomalies, ...props.docs.values()) };
  });
}

export type SkillPageProps = {
  cert: Certificate;
  standard: SkillStandard;
  row: SkillRow;
  /** All rows of the standard, and their index by anchor (shared by the standard's pages). */
  rows: SkillRow[];
  byAnchor: ReturnType<typeof indexRows>;
  /** The document printing the standard. */
  doc: PolicyDocument | undefined;
};

export function skillPaths(input: {
  certificates: Certificate[];
  standards: SkillStandard[];
  skills: SkillRow[];
  documents: PolicyDocument[];
}): StaticPath<SkillPageProps, 'id' | 'anchor'>[] {
  const all = new Map(input.documents.map((d) => [d.id, d]));
  const standards = new Map(input.standards.map((s) => [s.id, s]));
  const rowsOf = groupBy(input.skills, (r) => [r.standard]);
  // Per standard, once: its rows, their index and its document (not again on each of its pages).
  return input.certificates.flatMap((cert) => {
    const standard = cert.standard ? standards.get(cert.standard) : undefined;
    if (!standard) return [];
    const rows = rowsOf.get(standard.id) ?? [];
    const byAnchor = indexRows(rows);
    const doc = all.get(standard.document);
    return rows.map((row) => ({
      params: skillRoute(cert, row),
      props: { cert, standard, row, rows, byAnchor, doc },
      cacheKey: cacheKey(cert, standard, row, rows, doc ?? null),
    }));
  });
}
