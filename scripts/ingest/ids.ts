/**
 * Stage `ids`: every merged document gets its stable, ASCII id and becomes a typed document.
 *
 *   id from the 文号 (机关代字 in pinyin initials, year, number: 教职成〔2019〕6号 → jzc-2019-6),
 *   else from the date and the title's initials; an override may set it; a taken id gets -2, -3…
 *
 * It also checks the 机关代字 of every 文号 against the others of the corpus: one printed with
 * the characters of another agency's code in another order (职教所 where every other notice of the
 * institute reads 教职所) is reported as a probable misprint — and kept as printed, unless an
 * override says otherwise.
 */
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import { PolicyDocument as PolicyDocumentSchema } from '../../src/schema/corpus.ts';
import type { Report } from './diagnostics.ts';
import { dateSourceOf, docNumberPlace } from './places.ts';
import type { Draft } from './structure.ts';
import { differences } from './link.ts';
import type { Overridden } from './overrides.ts';
import { idFromDocNumber, initials, parseDocNumber } from '../../src/lib/text/docnumber.ts';
import { kindOfTitle } from '../../src/lib/text/titles.ts';

export interface Identified {
  documents: PolicyDocument[];
  /** Draft key → the id of its document. */
  ids: Map<string, string>;
}

export function assignIds(overridden: Overridden[], report: Report): Identified {
  const documents: PolicyDocument[] = [];
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const { merged: m, fields, records } of overridden) {
    const { primary, others } = m;
    const e = primary.elements;
    const docNumber = (fields.docNumber as string | null | undefined) ?? e.docNumber?.text ?? null;
    const date = (fields.date as string | null | undefined) ?? e.date;
    const title = (fields.title as string | undefined) ?? e.title;
    const parsed = docNumber ? parseDocNumber(docNumber) : null;
    const wanted = (fields.id as string | undefined) ?? (parsed ? idFromDocNumber(parsed) : `${date ?? 'undated'}-${initials(title).slice(0, 20) || 'doc'}`);
    const id = uniqueId(wanted, used, report, primary);
    used.add(id);
    for (const d of [primary, ...others]) ids.set(d.key, id);
    const doc: PolicyDocument = {
      id,
      title,
      enclosedTitle: e.enclosure?.title ?? null,
      docNumber: parsed?.text ?? docNumber,
      issuers: (fields.issuers as string[] | undefined) ?? (e.signature.length ? e.signature : issuersFromTitle(title)),
      date,
      // Where the primary variant prints its date: the events stage cites the 成文 event there.
      dateSource: dateSourceOf(primary),
      kind: (fields.kind as PolicyDocument['kind'] | undefined) ?? kindOfTitle(title),
      addressees: e.addressees,
      attachments: e.attachmentNote.length ? e.attachmentNote : e.attachments.map((a) => ({ label: a.label, title: a.title ?? '' })),
      copiedTo: e.copiedTo,
      source: [primary, ...others].map((d) => ({ file: d.file, startLine: d.startLine, endLine: d.endLine })),
      variants: [primary, ...others].map((d) => ({
        source: { file: d.file, startLine: d.startLine, endLine: d.endLine },
        title: d.elements.title,
        docNumber: d.elements.docNumber?.text ?? null,
        date: d.elements.date,
        differences: d === primary ? [] : differences(primary.clauses, d.clauses),
      })),
      overrides: records,
      clauses: primary.clauses,
      // Set by the `laws` stage for a law or regulation (issue 16).
      law: null,
    };
    documents.push(PolicyDocumentSchema.parse(doc));
  }
  reportMisprintedAgencies(overridden, report);
  return { documents, ids };
}

/** 国务院办公厅关于印发…的通知 → 国务院办公厅; a title with no issuer before 关于 gives none. */
export function issuersFromTitle(title: string): string[] {
  const m = /^(.{2,40}?)关于/u.exec(title);
  if (!m || /[《“]/u.test(m[1]!)) return [];
  return m[1]!.split(/[\s\u3000]+/u).filter(Boolean);
}

/** `wanted`, or `wanted-2`, `-3`… when taken; a changed id is reported at the document's first line. */
export function uniqueId(wanted: string, used: Set<string>, report: Report, at: Pick<Draft, 'file' | 'startLine'>): string {
  let id = wanted;
  for (let k = 2; used.has(id); k++) id = `${wanted}-${k}`;
  if (id !== wanted) report({ file: at.file, line: at.startLine }, 'duplicate-id', `文件标识 ${wanted} 已被占用，本文件改用 ${id}`);
  return id;
}

/** The characters of an agency code, in order: 职教所 and 教职所 both give 所教职. */
function letters(agency: string): string {
  return [...agency].sort().join('');
}

/**
 * A 文号 whose 机关代字 is printed by this document alone, while two or more others print the same
 * characters in another order, is a probable misprint: reported at its line and column, kept as printed.
 * A document whose 文号 an override sets is left alone (a person has decided).
 */
export function reportMisprintedAgencies(overridden: Overridden[], report: Report): void {
  const printed: Array<{ draft: Draft; agency: string; text: string }> = [];
  for (const { merged, fields } of overridden) {
    if (fields.docNumber !== undefined) continue;
    for (const d of [merged.primary, ...merged.others]) {
      const n = d.elements.docNumber;
      if (n) printed.push({ draft: d, agency: n.agency, text: n.text });
    }
  }
  const byAgency = new Map<string, Set<string>>(); // agency → 文号 printed with it
  for (const p of printed) (byAgency.get(p.agency) ?? byAgency.set(p.agency, new Set()).get(p.agency)!).add(p.text);
  for (const p of printed) {
    if (byAgency.get(p.agency)!.size !== 1) continue;
    const others = [...byAgency].filter(([a, numbers]) => a !== p.agency && letters(a) === letters(p.agency) && numbers.size >= 2);
    if (others.length !== 1) continue;
    const [agency, numbers] = others[0]!;
    report(
      docNumberPlace(p.draft),
      'probable-misprint-doc-number',
      `文号“${p.text}”的机关代字“${p.agency}”疑为“${agency}”之误：同一发文机关的其余 ${numbers.size} 件文号均作“${agency}”（${[...numbers].join('、')}）；按原文保留，如需更正请在 content/overrides/ 写校订`,
    );
  }
}
