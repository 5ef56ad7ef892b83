/**
 * Glossaries of a standard:
 * - a 名词解释 attachment of numbered terms (`1.HTML：…`, `26. **BLADE**: …`), where the
 *   extraction ran several terms into one line (`… 7.CSS3：…`) or put a definition on the line
 *   after its term (`17.API:` ⏎ `(Application Programming Interface, …`);
 * - a 术语和定义 section (GB/T 1.1): `3.1` ⏎ `物品 goods` ⏎ `货物` (admitted term) ⏎ definition ⏎ `[GB/T 18354-2006，定义 2.1]`.
 */
import type { Clause } from '../../../src/schema/corpus.ts';
import type { GlossaryEntry } from '../../../src/schema/skills.ts';
import { standardText as clean } from './model.ts';
import { type Place, type Report, placeOf } from '../diagnostics.ts';

function paragraphs(cs: Clause[]): Clause[] {
  return cs.flatMap((c) => [c, ...paragraphs(c.children)]).filter((c) => c.kind !== 'table');
}

// A term starts a line or follows a sentence end or a space: `12.OOP:`, `7.CSS3：`, `26. **BLADE**:`.
const TERM = /(?<=^|[\s。；;）)])(\d{1,3})[.．]\s*(?:\*\*)?([^:：。，,\s*][^:：。*]{0,29}?)(?:\*\*)?\s*[:：]/gu;

export function readNumberedGlossary(clause: Clause, file: string, report: Report): GlossaryEntry[] {
  const found: { number: number; term: string; parts: string[]; line: number; at: Place }[] = [];
  let expected = 1;
  for (const p of paragraphs(clause.children)) {
    const text = `${p.label ?? ''}${p.heading ?? ''}${p.text}`.replace(/\*\*/gu, '');
    const at = placeOf(file, p.position);
    let last = 0;
    for (const m of text.matchAll(TERM)) {
      const n = Number(m[1]);
      if (n < expected || n > expected + 2) continue;
      const before = text.slice(last, m.index).trim();
      if (before && found.length) found[found.length - 1]!.parts.push(before);
      for (let gap = expected; gap < n; gap++)
        report(at, 'glossary-number-gap', `名词解释缺少第 ${gap} 条（第 ${n} 条前）`);
      found.push({ number: n, term: m[2]!.trim(), parts: [], line: p.source.line, at });
      expected = n + 1;
      last = m.index + m[0].length;
    }
    const rest = text.slice(last).trim();
    if (rest) {
      if (found.length) found[found.length - 1]!.parts.push(rest);
      else report(at, 'glossary-unnumbered', `名词解释中第一条之前的文字未读：“${rest.slice(0, 20)}”`);
    }
  }
  return found.map((f): GlossaryEntry => {
    const definition = clean(f.parts.join(' '));
    if (!definition) report(f.at, 'glossary-empty', `名词“${f.term}”没有解释`);
    return { number: String(f.number), term: f.term, english: null, aliases: [], definition, reference: null, source: { file, line: f.line } };
  });
}

/** 术语和定义: each numbered subsection is one term. */
export function readTermsAndDefinitions(section: Clause, file: string): GlossaryEntry[] {
  const out: GlossaryEntry[] = [];
  for (const sub of section.children.filter((c) => c.kind === 'section' && c.label)) {
    const ps = paragraphs(sub.children).map((p) => ({ text: clean(`${p.heading ?? ''} ${p.text}`), line: p.source.line }));
    const head = sub.heading ? { text: clean(sub.heading), line: sub.source.line } : ps.shift();
    if (!head) continue;
    const m = /^([^A-Za-z]+?)\s*([A-Za-z][A-Za-z\s-]*)?$/u.exec(head.text);
    const entry: GlossaryEntry = {
      number: sub.label!.replace(/[.．]$/u, ''),
      term: m ? m[1]!.trim() : head.text,
      english: m?.[2]?.trim() || null,
      aliases: [],
      definition: '',
      reference: null,
      source: { file, line: head.line },
    };
    const defs: string[] = [];
    for (const p of ps) {
      if (/^\[.*\]$/u.test(p.text)) entry.reference = p.text.slice(1, -1).trim();
      else if (defs.length === 0 && p.text.length <= 10 && /^[\p{Script=Han}]+$/u.test(p.text)) entry.aliases.push(p.text);
      else defs.push(p.text);
    }
    entry.definition = defs.join('\n');
    out.push(entry);
  }
  return out;
}

export function isGlossaryHeading(heading: string | null): boolean {
  return heading !== null && /^(?:名词解释|术语解释|名词术语|术语表)$/u.test(clean(heading));
}

export function isTermsHeading(heading: string | null): boolean {
  return heading !== null && /^术语(?:和|与)定义$/u.test(clean(heading));
}
