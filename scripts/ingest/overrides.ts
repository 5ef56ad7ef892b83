/**
 * Stage `overrides`: decisions a person made and wrote down in content/overrides/*.yaml.
 * Each names the document it is about, the fields it sets, and why. Ingest applies
 * it, keeps what the value was, and the document page shows it as 编者按/校订.
 */
import type { VFile } from 'vfile';
import type { AppliedOverride } from '../../src/schema/corpus.ts';
import type { Merged } from './link.ts';
import type { OverrideInput } from './pipeline.ts';
import { parseDocNumber } from '../../src/lib/text/docnumber.ts';
import { titleKey } from '../../src/lib/text/titles.ts';

/** Fields an override may set; anything else is refused, so a typo cannot pass silently. */
const SETTABLE = new Set(['docNumber', 'title', 'date', 'issuers', 'kind', 'id']);

export interface Overridden {
  merged: Merged;
  fields: Record<string, unknown>;
  records: AppliedOverride[];
}

export function applyOverrides(merged: Merged[], overrides: OverrideInput[], files: Map<string, VFile>): Overridden[] {
  const out: Overridden[] = merged.map((m) => ({ merged: m, fields: {}, records: [] }));
  for (const o of overrides) {
    const { match } = o.data;
    const hits = out.filter(({ merged: m }) =>
      [m.primary, ...m.others].some(
        (d) =>
          (match.title !== undefined || match.docNumber !== undefined) &&
          (match.title === undefined || titleKey(d.elements.title) === titleKey(match.title)) &&
          (match.docNumber === undefined || d.elements.docNumber?.text === parseDocNumber(match.docNumber)?.text),
      ),
    );
    if (hits.length !== 1) {
      throw new Error(`${o.file}: matches ${hits.length} documents (it must match exactly one)`);
    }
    const hit = hits[0]!;
    const e = hit.merged.primary.elements;
    const current: Record<string, unknown> = { docNumber: e.docNumber?.text ?? null, title: e.title, date: e.date, issuers: e.signature, kind: null, id: null };
    for (const [field, value] of Object.entries(o.data.set)) {
      if (!SETTABLE.has(field)) throw new Error(`${o.file}: cannot set “${field}” (settable: ${[...SETTABLE].join(', ')})`);
      hit.fields[field] = value;
      // What the sources said instead: the variants' differing values, else the value ingest had.
      const printed = [hit.merged.primary, ...hit.merged.others]
        .map((d) => (field === 'docNumber' ? (d.elements.docNumber?.text ?? null) : field === 'title' ? d.elements.title : field === 'date' ? d.elements.date : undefined))
        .filter((v): v is string => typeof v === 'string' && v !== value);
      const was = printed.length ? [...new Set(printed)].join('；') : (current[field] ?? null);
      hit.records.push({ field, value, was, reason: o.data.reason, file: o.file });
    }
    const vf = files.get(hit.merged.primary.file);
    vf?.info(`已应用校订 ${o.file}（${Object.keys(o.data.set).join('、')}）：${o.data.reason}`, {
      place: { line: hit.merged.primary.startLine, column: 1 },
      ruleId: 'override-applied',
      source: 'overrides',
    });
  }
  return out;
}
