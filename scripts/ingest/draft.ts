/**
 * One document as read from one source: its elements (elements stage) and its clause tree
 * (structure stage), built from one slice of the source.
 *
 * Moved here unchanged from pipeline.ts's `draftOf`, split at the seam between the two stages.
 * The structure stage's own module is to take `structureOf` over (issue 12: structure.ts exports
 * the draft builder); stages.ts then calls it from there.
 */
import type { VFile } from 'vfile';
import type { Clause } from '../../src/schema/corpus.ts';
import type { Coverage } from './coverage.ts';
import { type DocElements, type Part, readElements } from './elements.ts';
import type { Slice } from './split.ts';
import { toBlocks, toClauses, wrapWidth } from './structure.ts';

/** One document as read from one source, before variants are merged. */
export interface Draft {
  file: string;
  startLine: number;
  endLine: number;
  elements: DocElements;
  clauses: Clause[];
  /** Provisional id (from this source alone), used to mark coverage. */
  key: string;
}

/** Elements stage, for one slice: the parts of the 公文, their lines marked as metadata. */
export function elementsOf(vf: VFile, cov: Coverage, slice: Slice): DocElements {
  const el = readElements(vf, slice);
  const meta = (lines: { n: number }[], what: string) => lines.forEach((l) => cov.mark(l.n, { as: 'metadata', what }));
  meta(el.masthead, 'masthead');
  meta(el.titleLines, 'title');
  meta(el.docNumberLines, 'doc-number');
  meta(el.addresseeLines, 'addressees');
  meta(el.attachmentNoteLines, 'attachment-note');
  meta(el.signatureLines, 'signature');
  meta(el.dateLines, 'date');
  meta(el.copiedToLines, 'copied-to');
  return el;
}

/** Structure stage, for one slice whose elements are read: the clause tree of body, enclosure and attachments. */
export function structureOf(vf: VFile, cov: Coverage, slice: Slice, el: DocElements, key: string): Draft {
  const meta = (lines: { n: number }[], what: string) => lines.forEach((l) => cov.mark(l.n, { as: 'metadata', what }));
  const width = wrapWidth(slice.lines);
  const used = new Set<string>();
  const clauses: Clause[] = toClauses(vf, toBlocks([...el.body, ...el.trailing], width, cov, key), { numbered: '', plain: '' }, used);
  const partClause = (p: Part, anchor: string, kind: 'enclosure' | 'attachment', scope: { numbered: string; plain: string }): Clause => {
    meta(p.headLines, kind);
    used.add(anchor);
    return {
      anchor,
      kind,
      label: p.label,
      heading: p.title,
      text: '',
      source: { file: vf.basename!, line: p.line },
      children: toClauses(vf, toBlocks(p.lines, width, cov, key), scope, used),
    };
  };
  if (el.enclosure) clauses.push(partClause(el.enclosure, 'e', 'enclosure', { numbered: '', plain: 'e-' }));
  el.attachments.forEach((a, k) => {
    const n = /(\d+(?:-\d+)?)$/u.exec(a.label ?? '')?.[1] ?? String(k + 1);
    const base = a.label?.startsWith('附表') ? `at${n}` : `a${n}`;
    let anchor = base;
    for (let j = 2; used.has(anchor); j++) anchor = `${base}-${j}`;
    clauses.push(partClause(a, anchor, 'attachment', { numbered: `${anchor}-`, plain: `${anchor}-` }));
  });
  return { file: vf.basename!, startLine: slice.lines[0]!.n, endLine: slice.lines.at(-1)!.n, elements: el, clauses, key };
}

/** Where a draft's 文号 is printed: its line, and the columns of the number from its 机关代字 on (the line's start when not found). */
export function docNumberPlace(d: Draft): { file: string; line: number; column: number; end?: { line: number; column: number } } {
  const line = d.elements.docNumberLines[0];
  const n = d.elements.docNumber;
  if (!line || !n) return { file: d.file, line: line?.n ?? d.startLine, column: 1 };
  const at = line.text.indexOf(n.agency);
  if (at < 0) return { file: d.file, line: line.n, column: 1 };
  const printed = /^[^〔\[［(（]*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号?/u.exec(line.text.slice(at))?.[0] ?? n.agency;
  return { file: d.file, line: line.n, column: at + 1, end: { line: line.n, column: at + 1 + printed.length } };
}
