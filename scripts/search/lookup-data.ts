/**
 * What search/lookup.json holds beyond the 文号 → document table (build-index.ts docEntries), for issue 14:
 * - every clause a memo citation can name that docEntries leaves out (unnumbered paragraphs 第N段 and tables 表N,
 *   under the locator the site's own citation function prints: src/lib/citation.ts clauseLocator), keyed by
 *   locatorKey, and marked `e:` when the clause sits in the document's enclosure (the 方案 a 通知 carries, cited under
 *   the enclosed title: 第1段 of the 通知 and 第1段 of the 方案 are different clauses);
 * - the enclosed title, so a pasted 《方案》（文号）… citation finds its document;
 * - the 文号 the corpus cites but does not hold, with the documents that cite them (content/generated/references.json).
 * lookup.json is loaded only for 文号 and citation queries (engine.ts), so none of this is on a keyword query's path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clauseLocator, walkClauses } from '../../src/lib/citation.ts';
import { type DocEntry, type LookupTable, type NotHeldEntry, locatorKey, splitDocNumber } from '../../src/lib/search/lookup.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import type { Reference } from '../../src/schema/references.ts';

const normNumber = (n: string): string => {
  const s = splitDocNumber(n);
  return s ? `${s.agency}〔${s.year}〕${s.serial}号` : n;
};

/** docEntries' tables with the unnumbered clauses and the enclosed title added (entries are copied, not changed). */
export function withCitationClauses(entries: DocEntry[], documents: readonly PolicyDocument[]): DocEntry[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  return entries.map((entry) => {
    const doc = byId.get(entry.id);
    if (!doc) return entry;
    const paras: Record<string, string> = {};
    const numbered = new Set(Object.values(entry.clauses));
    const anchors: string[] = [];
    for (const path of walkClauses(doc)) {
      const c = path.clause;
      if (c.kind === 'enclosure') continue;
      if (c.label || c.kind === 'attachment') {
        if (!numbered.has(c.anchor)) anchors.push(c.anchor);
        continue;
      }
      const key = locatorKey(clauseLocator(path));
      if (!key) continue;
      const inEnclosure = path.ancestors.some((a) => a.kind === 'enclosure');
      const k = (inEnclosure ? 'e:' : '') + key;
      if (!(k in paras)) paras[k] = c.anchor;
    }
    return {
      ...entry,
      ...(doc.enclosedTitle ? { enclosedTitle: doc.enclosedTitle } : {}),
      ...(Object.keys(paras).length ? { paras } : {}),
      ...(anchors.length ? { anchors } : {}),
    };
  });
}

/**
 * The 文号 that documents of the corpus cite and the corpus does not hold (neither as a document's 文号 nor as a
 * variant's), each with the citing documents in corpus order: the citing clause's permalink, the title, the 文号.
 */
export function notHeldNumbers(documents: readonly PolicyDocument[], references: readonly Pick<Reference, 'from' | 'anchor' | 'docNumber'>[]): NotHeldEntry[] {
  const held = new Set(documents.flatMap((d) => [d.docNumber, ...d.variants.map((v) => v.docNumber)].flatMap((n) => (n ? [normNumber(n)] : []))));
  const byId = new Map(documents.map((d) => [d.id, d]));
  const out = new Map<string, NotHeldEntry>();
  for (const r of references) {
    if (!r.docNumber) continue;
    const number = normNumber(r.docNumber);
    if (held.has(number)) continue;
    const doc = byId.get(r.from);
    if (!doc) continue;
    let e = out.get(number);
    if (!e) out.set(number, (e = { number, citedBy: [] }));
    if (e.citedBy.some((c) => c.url.startsWith(`/docs/${doc.id}/`))) continue;
    e.citedBy.push({ url: `/docs/${doc.id}/${r.anchor ? `#${r.anchor}` : ''}`, title: doc.title, ...(doc.docNumber ? { docNumber: doc.docNumber } : {}) });
  }
  return [...out.values()];
}

/**
 * search/lookup.json: the 文号 table, the citation tables beside it keyed by document id (see LookupTable: inside the
 * entries they spoil gzip at 50×), and the cited-but-not-held 文号 (references.json in `generatedDir`).
 */
export function lookupData(entries: DocEntry[], documents: readonly PolicyDocument[], generatedDir: string): LookupTable {
  const refsPath = join(generatedDir, 'references.json');
  const references = existsSync(refsPath) ? (JSON.parse(readFileSync(refsPath, 'utf8')) as Reference[]) : [];
  const notHeld = notHeldNumbers(documents, references);
  const paras: Record<string, Record<string, string>> = {};
  const enclosedTitles: Record<string, string> = {};
  const anchors: Record<string, string[]> = {};
  const docs = withCitationClauses(entries, documents).map(({ paras: p, enclosedTitle, anchors: a, ...entry }) => {
    if (p) paras[entry.id] = p;
    if (enclosedTitle) enclosedTitles[entry.id] = enclosedTitle;
    if (a) anchors[entry.id] = a;
    return entry;
  });
  return { docs, paras, enclosedTitles, anchors, ...(notHeld.length ? { notHeld } : {}) };
}
