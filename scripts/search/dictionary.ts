/**
 * What the index step reads from the generated corpus to build the domain dictionary
 * (scripts/ingest/segment.ts builds it; the pages' keywords come from the same stage).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Certificate, Organization } from '../../src/schema/catalog.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import type { SkillStandard } from '../../src/schema/skills.ts';
import type { Dictionary, DictionarySources } from '../ingest/segment.ts';

export type { DictionarySources };

function readJson<T>(path: string, fallback: T): T {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback;
}

export function readSources(generated: string): DictionarySources {
  return {
    documents: readJson<PolicyDocument[]>(join(generated, 'documents.json'), []),
    certificates: readJson<Certificate[]>(join(generated, 'certificates.json'), []),
    organizations: readJson<Organization[]>(join(generated, 'organizations.json'), []),
    standards: readJson<SkillStandard[]>(join(generated, 'standards.json'), []),
  };
}


/** The longest word the segmenter merges (Han characters): longer names (certificates, organisations) stay in pieces, so a part of one still matches. */
export const MAX_MERGE_CHARS = 6;
/** Han suffixes that make a word of the word before them (人员, 类型, 方式 …). */
const SUFFIXES = ['员', '型', '化', '性', '者', '费', '式', '制', '类', '师', '家', '站', '率', '证', '法', '会', '部', '厅', '局', '办'];

/**
 * The words `segmentWords` (src/lib/search/normalize.ts) merges from Intl.Segmenter's pieces, on the indexed text and on
 * the query alike; written into search/data.json. Candidates: the domain dictionary (curated terms, names, glossary,
 * 文号 agencies), terms the documents put in quotes (“三同两别”, “双师型”), and the words nodejieba (with that
 * dictionary) finds at least twice in the documents. Kept only where Intl.Segmenter splits the word into pieces one of
 * which is a single character (考/评/员, 建/档/立/卡: a page matching 考, 评 and 员 anywhere is no answer), and not
 * where the word is a shorter kept word plus a word of its own (双师型 + 教师: 教师 must still match alone).
 */
export function mergeWords(src: DictionarySources, dict: Dictionary, cut: (text: string) => string[]): string[] {
  const seg = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const pieces = (t: string) => [...seg.segment(t)].map((s) => s.segment).filter((s) => s.trim());
  const counts = new Map<string, number>();
  const add = (t: string, n = 1) => counts.set(t, (counts.get(t) ?? 0) + n);
  for (const t of dict.terms) add(t, 2);
  const texts: string[] = [];
  const walk = (clauses: PolicyDocument['clauses']) => {
    for (const c of clauses) {
      texts.push([c.heading, c.text].filter(Boolean).join('。'));
      walk(c.children ?? []);
    }
  };
  for (const d of src.documents) {
    texts.push(d.title);
    walk(d.clauses);
  }
  for (const text of texts) {
    for (const m of text.matchAll(/[“「]([\p{Script=Han}\d]{2,6})[”」]/gu)) add(m[1]!, 2);
    const words = cut(text);
    words.forEach((w, i) => {
      if (/^\p{Script=Han}{2,4}$/u.test(w)) add(w);
      // A word and a derivational suffix nodejieba left alone (考评 + 员, 实用 + 性): one word.
      const next = words[i + 1];
      if (next && SUFFIXES.includes(next) && /^\p{Script=Han}{2}$/u.test(w)) add(w + next, 2);
    });
  }
  const candidates = [...counts].filter(([t, n]) => (n >= 2 || [...t].length >= 3) && [...t].length <= MAX_MERGE_CHARS && /^[\p{Script=Han}\dA-Za-z+]+$/u.test(t)).map(([t]) => t);
  const split = candidates.filter((t) => {
    const p = pieces(t);
    return p.length > 1 && p.some((x) => /^\p{Script=Han}$/u.test(x));
  });
  const kept = new Set(split);
  // 双师型教师 = 双师型 + 教师, 证书制度试点 = 证书 + 制度 + 试点: a word made of words of two or more characters is not
  // merged (教师 and 试点 must still match alone); 考评员 = 考评 + 员 is.
  const isWord = (x: string) => x.length >= 2 && (kept.has(x) || pieces(x).length === 1);
  const composed = (t: string) => {
    const ok: boolean[] = [true];
    for (let j = 1; j <= t.length; j++) {
      ok[j] = false;
      for (let i = 0; i < j && !ok[j]; i++) if (ok[i] && !(i === 0 && j === t.length) && isWord(t.slice(i, j))) ok[j] = true;
    }
    return ok[t.length]!;
  };
  return split.filter((t) => !composed(t)).sort();
}
