/**
 * The printed lines of a copied section, rebuilt with their positions from the clause tree the
 * structure stage made (each clause's source map, `lineStarts`, gives back its lines: the raw source
 * is never read again), and the skill tables' header rows as the copy prints them (broken over
 * lines and interleaved).
 */
import { removeAllWhitespace } from '../../../../src/lib/text/normalize.ts';
import type { Clause } from '../../../../src/schema/corpus.ts';

/** A printed line of the level's section, rebuilt from the clauses' source maps. */
export interface CopiedLine {
  line: number;
  column: number;
  text: string;
}

/** The header rows skill tables print (the copy may break and interleave them). */
export const HEADERS = [
  ['工作领域', '工作任务', '职业技能', '技能要求', '知识要求'],
  ['工作领域', '工作任务', '职业技能要求'],
  ['工作领域', '工作任务', '职业技能', '技能要求'],
  ['工作领域', '工作任务', '技能要求', '知识要求'],
  ['职业功能', '工作内容', '技能要求', '相关知识'],
];

export const HEADER_WORDS = new Set(HEADERS.flat());

const HEADER_RUN = new RegExp(`^(?:${[...HEADER_WORDS].join('|')})+$`, 'u');

/** A line of header words only (`工作领域 工作任务`: an interleaved copy prints the header's cells apart, one or several on a line). */
export const isHeaderLine = (text: string): boolean => HEADER_RUN.test(text.replace(/\s+/gu, ''));

export function hasTable(c: Clause): boolean {
  return !!c.table || c.children.some(hasTable);
}

export function flatten(cs: Clause[]): Clause[] {
  return cs.flatMap((c) => [c, ...flatten(c.children)]);
}

/** The printed lines of some clauses, rebuilt from their source maps, each with the clause it came from. */
export function printedLines(clauses: Clause[]): (CopiedLine & { clause: Clause })[] {
  const frags: { line: number; column: number; text: string; clause: Clause }[] = [];
  for (const c of clauses) {
    const start = c.position.start;
    const head = [c.label, c.text ? c.heading : null].filter((t): t is string => !!t).join(' ');
    if (head) frags.push({ line: start.line, column: start.column, text: head, clause: c });
    const body = c.text || c.heading || '';
    const starts = c.lineStarts;
    starts.forEach(([at, line, column], k) => {
      const end = starts[k + 1]?.[0] ?? body.length;
      const text = body.slice(at, end);
      if (text.trim()) frags.push({ line, column: head && line === start.line && column <= start.column ? start.column + head.length + 1 : column, text, clause: c });
    });
  }
  frags.sort((a, b) => a.line - b.line || a.column - b.column);
  const lines: (CopiedLine & { clause: Clause })[] = [];
  for (const f of frags) {
    const last = lines.at(-1);
    if (last && last.line === f.line) last.text += f.column > last.column + last.text.length ? ` ${f.text}` : f.text;
    else lines.push({ ...f });
  }
  return lines.map((l) => ({ ...l, text: l.text.trim() }));
}

/** The multiset of a string's characters. */
function bag(t: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of removeAllWhitespace(t)) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

/** The header printed from line i (possibly broken over lines and interleaved): how many lines and its words, or null. */
export function headerAt(lines: CopiedLine[], i: number): { length: number; words: string[] } | null {
  for (const words of HEADERS) {
    const want = bag(words.join(''));
    const have = new Map<string, number>();
    let total = 0;
    const size = [...want.values()].reduce((a, b) => a + b, 0);
    for (let j = i; j < lines.length; j++) {
      let fits = true;
      for (const ch of removeAllWhitespace(lines[j]!.text)) {
        const n = (have.get(ch) ?? 0) + 1;
        if (n > (want.get(ch) ?? 0)) fits = false;
        have.set(ch, n);
        total++;
      }
      if (!fits) break;
      if (total === size) return { length: j - i + 1, words };
    }
  }
  return null;
}
