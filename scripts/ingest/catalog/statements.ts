/**
 * What running text says about batches: figures ("…启动试点的 92 个职业技能等级证书",
 * "64家职业教育培训评价组织"), the certificates it names ("A、B、C等 6个职业技能等级证书",
 * "首批 6 个试点证书（A、B、C）"), and the batch notices it cites by title and 文号.
 */
import type { Clause, PolicyDocument } from '../../../src/schema/corpus.ts';
import { findDocNumbers } from '../../../src/lib/text/docnumber.ts';
import { chineseToInt } from '../../../src/lib/text/numerals.ts';
import { type Place, placeOf } from '../diagnostics.ts';
import { pointAt } from '../positions.ts';
import { sentenceAt } from '../text/sentences.ts';
import { batchesNamed, statusNamed } from './tables.ts';

export interface Figure {
  document: string;
  anchor: string;
  file: string;
  /** The clause's first line (where a listing of the names it enumerates points). */
  line: number;
  /** Where the clause starts. */
  clausePlace: Place;
  /** Where the figure itself is printed (a wrapped paragraph may print it lines below its start). */
  place: Place;
  value: number;
  of: 'certificates' | 'organizations';
  batches: number[];
  sentence: string;
  /** The certificate names the sentence enumerates, as printed. */
  names: string[];
}

export interface CitedNotice {
  title: string;
  docNumber: string;
  status: '公示' | '确认';
  batch: number;
  document: string;
  anchor: string;
  line: number;
  /** Where the citation (its 《) is printed. */
  place: Place;
}

// Bounded and anchored after a non-digit: on a long run of digits an unbounded \d+ retried at every position (quadratic).
const NUM = '(?<![\\d一二三四五六七八九十百两])(\\d{1,6}|[一二三四五六七八九十百两]{1,8})';
const CERTS = new RegExp(`${NUM}\\s*个(?:试点|职业技能等级|启动试点的)*证书`, 'gu');
const ORGS = new RegExp(`${NUM}\\s*家(?:职业教育)?(?:培训评价组织|单位入围)`, 'gu');

/**
 * The place of a character of `[heading, text].join(' ')` (what `paragraphs` reads): through the
 * clause's source map when the character is in its text (or in a heading-only clause), else the clause's start.
 */
export function placeIn(c: Clause, offset: number): Place {
  const file = c.source.file;
  const inText = c.heading && c.text ? offset - c.heading.length - 1 : offset;
  if (inText < 0) return placeOf(file, c.position);
  const { line, column } = pointAt(c, inText);
  return { file, line, column };
}

function paragraphs(doc: PolicyDocument): { c: Clause; text: string }[] {
  const out: { c: Clause; text: string }[] = [];
  const walk = (cs: Clause[]) => {
    for (const c of cs) {
      const text = [c.heading, c.text].filter(Boolean).join(' ');
      if (text && c.kind !== 'table') out.push({ c, text });
      walk(c.children);
    }
  };
  walk(doc.clauses);
  return out;
}

/** Figures stated about one or more batches; a sentence naming no batch takes the document title's (when it names exactly one). */
export function figures(doc: PolicyDocument): Figure[] {
  const titleBatches = batchesNamed(doc.title);
  const out: Figure[] = [];
  for (const { c, text } of paragraphs(doc)) {
    for (const [re, of] of [[CERTS, 'certificates'], [ORGS, 'organizations']] as const) {
      for (const m of text.matchAll(re)) {
        const value = chineseToInt(m[1]!);
        if (value === null) continue;
        const s = sentenceAt(text, m.index);
        const named = batchesNamed(text.slice(s.start, m.index));
        const batches = named.length ? named : titleBatches.length === 1 ? titleBatches : [];
        if (!batches.length) continue;
        out.push({
          document: doc.id,
          anchor: c.anchor,
          file: c.source.file,
          line: c.source.line,
          clausePlace: placeOf(c.source.file, c.position),
          place: placeIn(c, m.index),
          value,
          of,
          batches,
          sentence: s.text,
          names: of === 'certificates' ? enumerated(text, s.start, m.index, m.index + m[0].length) : [],
        });
      }
    }
  }
  return out;
}

/** "…为A、B、C等 6个证书" (list before 等) or "6 个试点证书（A、B、C）" (list in brackets after). */
function enumerated(text: string, sentenceStart: number, at: number, after: number): string[] {
  const before = text.slice(sentenceStart, at);
  const m = /([^，。；：:,]*?)等\s*$/u.exec(before);
  let list: string | null = null;
  if (m && m[1]!.includes('、')) list = m[1]!.replace(/^.*?(?:为|是|包括|：|:)/u, '');
  else {
    const b = /^\s*[（(]([^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*)[）)]/u.exec(text.slice(after));
    if (b && b[1]!.includes('、')) list = b[1]!;
  }
  if (!list) return [];
  return list.split('、').map((x) => x.trim()).filter(Boolean);
}

/** 《关于确认参与…第三批…的通知》（教职所〔2020〕21号）: a batch notice cited by title and 文号. */
export function citedNotices(doc: PolicyDocument): CitedNotice[] {
  const out: CitedNotice[] = [];
  for (const { c, text } of paragraphs(doc)) {
    for (const m of text.matchAll(/《([^《》]*(?:培训评价组织|职业技能等级证书)[^《》]*)》\s*[（(]([^（）()]+)[）)]/gu)) {
      const title = m[1]!;
      const status = statusNamed(title);
      const batches = batchesNamed(title);
      const number = findDocNumbers(m[2]!)[0];
      if (!status || batches.length !== 1 || !number) continue;
      out.push({ title, docNumber: number.text, status, batch: batches[0]!, document: doc.id, anchor: c.anchor, line: c.source.line, place: placeIn(c, m.index) });
    }
  }
  return out;
}
