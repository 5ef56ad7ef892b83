/**
 * Stage `status`: what the texts say about a document's standing — never a guess.
 *
 *  - 公示期：A 至 B, or 公示时间为 A—B, in a 公示 → 公示 (A–B); it has ended when a newer document of the
 *    corpus is dated after B (the corpus, not the build's clock, is the reference: the same sources give the same site);
 *  - a batch list first 公示, then 确认 by a later notice → 已确认, citing the confirming notice;
 *  - （试行） in a title or 在…期内试行 in a clause → 试行 — unless the document only publishes it for
 *    comment (…在试点期内试行，现予以公示): a proposal under 公示 is not yet in force; 试运行 in a title → 试运行;
 *  - a plan whose title states its period (2019—2021年) → 实施期, ended when a newer document is dated after it.
 */
import type { Batch } from '../../src/schema/catalog.ts';
import type { Clause, PolicyDocument } from '../../src/schema/corpus.ts';
import type { DocumentStatus } from '../../src/schema/status.ts';
import { findDate } from '../../src/lib/text/dates.ts';

/** 公示期：2019年3月26日至3月31日 · 公示时间为 2019 年 6 月 12 日—6 月 20 日。 */
const PERIOD = /公示(?:期|时间)\s*(?:[:：]|为|是)\s*([^。；]+)/u;
/** A rule put out for comment: “…在试点期内试行，现予以公示”. */
const PROPOSED = /试行[^。；]{0,6}现予(?:以)?公示/u;
const PLAN_YEARS = /[（(]\s*(\d{4})\s*[—–\-－~至]+\s*(\d{4})\s*年?\s*[）)]/u;

export function extractStatuses(documents: PolicyDocument[], batches: Batch[]): DocumentStatus[] {
  const newest = documents.map((d) => d.date ?? '').sort().at(-1) ?? '';
  const out: DocumentStatus[] = [];
  const push = (s: Omit<DocumentStatus, 'id'>) => out.push({ id: `${s.document}/${s.kind}`, ...s });

  for (const d of documents) {
    for (const c of walk(d.clauses)) {
      const m = PERIOD.exec(c.text);
      if (!m) continue;
      const [from, to] = periodOf(m[1]!, d.date);
      if (!from) continue;
      const ended = to !== null && newest > to;
      // The evidence is the sentence that states the period (137号 states it at the end of a long paragraph).
      const start = Math.max(...['。', '；'].map((p) => c.text.lastIndexOf(p, m.index - 1))) + 1;
      const stop = /[。；]/u.exec(c.text.slice(m.index));
      const text = c.text.slice(start, stop ? m.index + stop.index + 1 : c.text.length).trim();
      push({ document: d.id, kind: '公示', label: ended ? '公示期已结束' : '公示中', from, to, evidence: { document: d.id, anchor: c.anchor, source: c.source, text } });
    }
    const trial = /[（(]试行[）)]/u.test(d.title) ? d.clauses.find((c) => c.kind === 'enclosure') ?? d.clauses[0] : walk(d.clauses).find((c) => /期内试行/u.test(c.text) && !PROPOSED.test(c.text));
    if (trial) push({ document: d.id, kind: '试行', label: '试行', from: d.date, to: null, evidence: { document: d.id, anchor: trial.anchor, source: trial.source, text: trial.heading ?? trial.text } });
    if (/试运行/u.test(d.title)) {
      const c = d.clauses[0]!;
      push({ document: d.id, kind: '试运行', label: '试运行', from: d.date, to: null, evidence: { document: d.id, anchor: c.anchor, source: c.source, text: c.text } });
    }
    const plan = PLAN_YEARS.exec(d.enclosedTitle ?? d.title);
    if (plan) {
      const to = `${plan[2]}-12-31`;
      const c = d.clauses.find((x) => x.kind === 'enclosure') ?? d.clauses[0]!;
      push({ document: d.id, kind: '实施期', label: newest > to ? `实施期（${plan[1]}—${plan[2]}年）已结束` : `实施期 ${plan[1]}—${plan[2]}年`, from: `${plan[1]}-01-01`, to, evidence: { document: d.id, anchor: c.anchor, source: c.source, text: c.heading ?? c.text } });
    }
  }

  // A batch's 公示 is followed by its 确认: the 公示 document is then 已确认.
  // When the confirming notice is not in the corpus but a document cites it, that citation is the evidence.
  for (const b of batches) {
    const confirmed = b.confirmed;
    if (!b.announced?.document || !confirmed) continue;
    const confirming = documents.find((d) => d.id === (confirmed.document ?? confirmed.citedIn?.document));
    if (!confirming) continue;
    const c = (confirmed.document ? walk(confirming.clauses).find((x) => /确认|确定/u.test(x.text)) : walk(confirming.clauses).find((x) => x.anchor === confirmed.citedIn!.anchor)) ?? confirming.clauses[0]!;
    const via = confirmed.document ? '' : `，据${confirming.docNumber ?? confirming.title}所引`;
    push({ document: b.announced.document, kind: '已确认', label: `已确认（${confirmed.docNumber ?? confirmed.title}${via}）`, from: confirmed.date, to: null, evidence: { document: confirming.id, anchor: c.anchor, source: c.source, text: c.text } });
  }
  return out;
}

/** “2019年3月26日至3月31日”, “2019年11月26日—12月2日”: the end takes the start's year. */
function periodOf(text: string, docDate: string | null): [string | null, string | null] {
  const start = findDate(text);
  if (!start) return [null, null];
  const rest = text.slice(start.index + start.length);
  const full = findDate(rest);
  if (full) return [start.iso, full.iso];
  const md = /(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(rest);
  const year = start.iso.slice(0, 4) || docDate?.slice(0, 4);
  return [start.iso, md ? `${year}-${md[1]!.padStart(2, '0')}-${md[2]!.padStart(2, '0')}` : null];
}

function walk(cs: Clause[]): Clause[] {
  return cs.flatMap((c) => [c, ...walk(c.children)]);
}
