/**
 * Build step of query understanding (issue 14): from the generated collections and the reviewed
 * table content/search/synonyms.yaml, the vocabulary parts src/lib/search/query.ts reads at run
 * time (see the contract there). The index step calls:
 *
 *   const table = readSynonymTable();                    // throws `synonyms.yaml:12:5: …` on a bad edit
 *   const vocab = buildVocabulary(src, table);           // src: readSources(generated)
 *   for (const [part, file] of Object.entries(VOCAB_FILES)) writeFileSync(join(searchDir, file), JSON.stringify(vocab[part]));
 *
 * Traditional → simplified comes from opencc-js here, as a character map covering the corpus, the
 * dictionary and the table (every traditional form of their characters), not the library.
 * Pinyin comes from pinyin-pro here; the browser gets keys, not the library.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { Clause } from '../../src/schema/corpus.ts';
import { searchKey } from '../../src/lib/search/normalize.ts';
import { encodeGaps, type TermKind, type VocabCore, type VocabPinyin, type VocabT2s, type VocabTerms } from '../../src/lib/search/query.ts';
import { buildDictionary, type DictionarySources } from '../ingest/segment.ts';

export { VOCAB_FILES } from '../../src/lib/search/query.ts';

export const TABLE_PATH = join(import.meta.dirname, '..', '..', 'content', 'search', 'synonyms.yaml');

const Word = z.string().trim().min(1).regex(/^\S+$/u, 'a word has no spaces');
const Why = z.string().trim().min(8, 'say why (the source line that justifies it)');
export const SynonymTable = z
  .object({
    synonyms: z.array(z.object({ words: z.array(Word).min(2, 'a group needs the canonical word and at least one other'), why: Why }).strict()),
    aliases: z.array(z.object({ alias: Word, document: z.string().regex(/^[a-z0-9-]+$/u, 'a document id'), why: Why }).strict()),
    droppable: z.object({ question: z.array(Word), function: z.array(Word) }).strict(),
    rejected: z.array(z.object({ words: z.array(Word).min(2), why: Why }).strict()).default([]),
  })
  .strict()
  .superRefine((t, ctx) => {
    const group = new Map<string, number>();
    t.synonyms.forEach((g, i) =>
      g.words.forEach((w, j) => {
        if (group.has(w)) ctx.addIssue({ code: 'custom', path: ['synonyms', i, 'words', j], message: `${w} is already in synonym group ${group.get(w)! + 1}` });
        group.set(w, i);
      }),
    );
    const drops = [...t.droppable.question.map((w, i) => ['question', i, w] as const), ...t.droppable.function.map((w, i) => ['function', i, w] as const)];
    const seen = new Set<string>();
    for (const [list, i, w] of drops) {
      if (group.has(w)) ctx.addIssue({ code: 'custom', path: ['droppable', list, i], message: `${w} is a synonym: it cannot be droppable` });
      if (seen.has(w)) ctx.addIssue({ code: 'custom', path: ['droppable', list, i], message: `${w} is listed twice` });
      seen.add(w);
    }
    t.rejected.forEach((r, i) => {
      const groups = r.words.map((w) => group.get(w));
      if (groups[0] !== undefined && groups.every((g) => g === groups[0])) ctx.addIssue({ code: 'custom', path: ['rejected', i, 'words'], message: `${r.words.join('/')} were rejected as synonyms but share a group` });
    });
    const aliases = new Set<string>();
    t.aliases.forEach((a, i) => {
      if (aliases.has(searchKey(a.alias))) ctx.addIssue({ code: 'custom', path: ['aliases', i, 'alias'], message: `alias ${a.alias} is listed twice` });
      aliases.add(searchKey(a.alias));
    });
  });
export type SynonymTable = z.infer<typeof SynonymTable>;

/** Error with the table's file:line:column for a path inside it. */
export class TableError extends Error {}

/** Parses and checks the table; a bad edit throws naming file:line:column and the path. */
export function parseSynonymTable(text: string, file = 'content/search/synonyms.yaml'): SynonymTable {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const at = (offset: number) => {
    const p = lines.linePos(offset);
    return `${file}:${p.line}:${p.col}`;
  };
  if (doc.errors.length) throw new TableError(doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split('\n')[0]}`).join('\n'));
  const result = SynonymTable.safeParse(doc.toJS());
  if (result.success) return result.data;
  throw new TableError(
    result.error.issues
      .map((issue) => {
        // The deepest node of the path that exists in the document gives the line.
        let path = [...issue.path] as (string | number)[];
        let node: unknown = null;
        while (path.length && !isNode((node = doc.getIn(path, true)))) path = path.slice(0, -1);
        const range = isNode(node) ? node.range : doc.contents?.range;
        return `${range ? at(range[0]) : file}: ${issue.path.join('.') || '(top)'}: ${issue.message}`;
      })
      .join('\n'),
  );
}

export function readSynonymTable(path = TABLE_PATH): SynonymTable {
  return parseSynonymTable(readFileSync(path, 'utf8'), path);
}

function clauseTexts(clauses: Clause[], out: string[]): void {
  for (const c of clauses) {
    out.push(c.text, c.heading ?? '', c.label ?? '');
    clauseTexts(c.children, out);
  }
}

export interface Vocabulary {
  core: VocabCore;
  t2s: VocabT2s;
  terms: VocabTerms;
  pinyin: VocabPinyin;
  /** Droppable words that the corpus does hold (they are dropped second, or are function words): for the report. */
  report: { questionWordsInCorpus: string[]; counts: Record<string, number> };
}

const HAN = /\p{Script=Han}/u;
/**
 * A short name in quotes: 3–8 Han characters (digits allowed: “职教20条”). Two-character quoted words are mostly
 * ordinary words put in quotes for emphasis (“指定”), which would then be offered as slips for 制定.
 */
const QUOTED_TERM = /[“「"]([\p{Script=Han}\d]{3,8})[”」"]/gu;
/** The names a text coins in quotes (QUOTED_TERM), each once: terms here, and weighted in their record by the index step. */
export function coinedNames(text: string): string[] {
  return [...new Set([...text.matchAll(QUOTED_TERM)].map((m) => m[1]!))];
}

/** Every character the corpus, the dictionary and the table use. */
function characters(texts: string[]): Set<string> {
  const set = new Set<string>();
  for (const t of texts) for (const ch of t) if (HAN.test(ch)) set.add(ch);
  return set;
}

/**
 * Traditional → simplified map: every Han character (BMP and extension A) whose OpenCC simplified
 * form is a single character of `wanted` and differs from it. Converted one per line so OpenCC's
 * phrase tables cannot join neighbours.
 */
function traditionalMap(wanted: Set<string>): [string, string][] {
  const toCn = OpenCC.Converter({ from: 't', to: 'cn' });
  const all: string[] = [];
  for (let cp = 0x3400; cp <= 0x9fff; cp++) if (cp < 0x4dc0 || cp >= 0x4e00) all.push(String.fromCodePoint(cp));
  const simp = toCn(all.join('\n')).split('\n');
  const out: [string, string][] = [];
  if (simp.length !== all.length) throw new Error('opencc-js changed the line count');
  all.forEach((t, i) => {
    const s = simp[i]!;
    if (s !== t && [...s].length === 1 && wanted.has(s)) out.push([t, s]);
  });
  return out;
}

function syllables(term: string): string[] {
  return (pinyin(term, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[])
    .flatMap((s) => s.toLowerCase().split(/[^a-z]+/u))
    .filter(Boolean);
}

/**
 * The corpus's own words (2–4 Han characters, as `cut` segments titles, headings and clause texts), most frequent
 * first: so that a pinyin query of ordinary words (kaohe chengben shangxian) and a same-sound slip of one
 * (师资培训方按 → 方案) have something to become, and a word the corpus prints is never "corrected".
 */
export function corpusWords(texts: string[], cut: (text: string) => string[]): string[] {
  const freq = new Map<string, number>();
  for (const t of texts) for (const w of cut(t)) if (CORPUS_WORD.test(w)) freq.set(w, (freq.get(w) ?? 0) + 1);
  return [...freq].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([w]) => w);
}
const CORPUS_WORD = /^\p{Script=Han}{2,4}$/u;

/**
 * The vocabulary parts (JSON objects) for the runtime, from the generated collections and the table; with `cut`
 * (nodejieba's, loaded with the dictionary) the corpus's words are terms too (kind `word`, after every named term).
 */
export function buildVocabulary(src: DictionarySources, table: SynonymTable, cut?: (text: string) => string[]): Vocabulary {
  const docs = new Map(src.documents.map((d) => [d.id, d]));
  // core
  const syn: Record<string, string> = {};
  for (const g of table.synonyms) for (const w of g.words.slice(1)) syn[w] = g.words[0]!;
  const alias: VocabCore['alias'] = {};
  for (const a of table.aliases) {
    const d = docs.get(a.document);
    // A site built from other sources may not hold the document an alias names: the alias is left out, said once.
    if (!d) {
      console.warn(`content/search/synonyms.yaml: alias ${a.alias}: no document ${a.document} among the sources; left out`);
      continue;
    }
    // An alias of a law (职业教育法 → its 节选) names the work: it opens the text in force when one is held.
    const shown = (d.law?.current && docs.get(d.law.current)) || d;
    alias[searchKey(a.alias)] = [shown.id, `/docs/${shown.id}/`, shown.title];
  }

  // terms: dictionary terms, names, glossary terms, titles, aliases; the first kind that names a term keeps it.
  const terms: VocabTerms['terms'] = [];
  const seen = new Set<string>();
  const add = (t: string, url: string, kind: TermKind) => {
    const w = t.replace(/\s+/gu, '');
    if (w.length < 2 || seen.has(w)) return;
    seen.add(w);
    terms.push([w, url, kind]);
  };
  for (const c of src.certificates) for (const n of [c.name, c.fullName, ...c.aliases]) add(n, `/certificates/${c.id}/`, 'certificate');
  for (const o of src.organizations) for (const n of [o.name, ...o.aliases]) add(n, `/organizations/${o.id}/`, 'organization');
  for (const s of src.standards) for (const g of s.glossary) for (const n of [g.term, ...g.aliases]) add(n, `/glossary/#${s.id}`, 'glossary');
  for (const d of src.documents) add(d.title.replace(/^关于/u, ''), `/docs/${d.id}/`, 'document');
  for (const a of table.aliases) {
    const held = alias[searchKey(a.alias)];
    if (held) add(a.alias, held[1], 'alias');
  }
  for (const t of buildDictionary(src).terms) add(t, '', 'term');

  // Characters: corpus text, names, terms, the table.
  const texts: string[] = [];
  for (const d of src.documents) {
    texts.push(d.title);
    clauseTexts(d.clauses, texts);
  }
  // The names the documents coin in quotes (“三同两别”, “双师型”, “学分银行”): terms too, so their pinyin is known.
  for (const t of texts) for (const name of coinedNames(t)) add(name, '', 'term');
  const corpusText = texts.join('\n');
  if (cut) for (const w of corpusWords(texts, cut)) add(w, '', 'word');
  texts.push(...terms.map((t) => t[0]), JSON.stringify(table));
  const chars = characters(texts);
  // A character the corpus or the dictionary prints is searched as it is, never converted.
  const t2sPairs = traditionalMap(chars).filter(([t]) => !chars.has(t));

  // Same-sound slips: every toneless reading of each character (行: xing and hang).
  const bySyllable = new Map<string, string>();
  for (const ch of [...chars].sort()) {
    const readings = new Set((pinyin(ch, { toneType: 'none', v: true, multiple: true, type: 'array' }) as string[]).map((r) => r.toLowerCase()));
    for (const syl of readings) if (/^[a-z]+$/u.test(syl)) bySyllable.set(syl, (bySyllable.get(syl) ?? '') + ch);
  }

  // Pinyin of Han terms (syllables separated by spaces; initials are derived at run time), parallel to terms.
  const keys = terms.map(([t]) => (HAN.test(t) ? syllables(t).join(' ') : ''));

  const dropWords = new Set([...table.droppable.question, ...table.droppable.function]);
  return {
    core: { v: 1, syn, alias, drop: [table.droppable.question, table.droppable.function], trad: encodeGaps(t2sPairs.map((p) => p[0].codePointAt(0)!)) },
    t2s: { simp: t2sPairs.map((p) => p[1]).join('') },
    terms: { terms, py: Object.fromEntries([...bySyllable].sort((a, b) => a[0].localeCompare(b[0]))) },
    pinyin: { keys },
    report: {
      questionWordsInCorpus: table.droppable.question.filter((w) => corpusText.includes(w)),
      counts: { synonyms: Object.keys(syn).length, aliases: Object.keys(alias).length, droppable: dropWords.size, traditional: t2sPairs.length, terms: terms.length, words: terms.filter((t) => t[2] === 'word').length, pinyinKeys: keys.filter(Boolean).length, characters: chars.size },
    },
  };
}

/**
 * `node scripts/search/vocabulary.ts [--generated content/generated] [--table FILE] [--out DIR]`: checks the table,
 * builds the vocabulary and prints each part's size (raw / gzip) and the report; with --out, writes the parts.
 */
if (import.meta.url === `file://${process.argv[1]}`) {
  const { parseArgs } = await import('node:util');
  const { gzipSync } = await import('node:zlib');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { readSources } = await import('./dictionary.ts');
  const { VOCAB_FILES } = await import('../../src/lib/search/query.ts');
  const { values } = parseArgs({ options: { generated: { type: 'string', default: 'content/generated' }, table: { type: 'string', default: TABLE_PATH }, out: { type: 'string' } } });
  let table: SynonymTable;
  try {
    table = readSynonymTable(values.table);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  const { buildDictionary, cut, loadJieba } = await import('../ingest/segment.ts');
  const src = readSources(values.generated!);
  loadJieba(buildDictionary(src));
  const vocab = buildVocabulary(src, table, cut);
  if (values.out) mkdirSync(values.out, { recursive: true });
  for (const [part, file] of Object.entries(VOCAB_FILES)) {
    const json = JSON.stringify(vocab[part as keyof typeof VOCAB_FILES]);
    if (values.out) writeFileSync(join(values.out, file), json);
    console.log(`${file.padEnd(18)} ${String(Buffer.byteLength(json)).padStart(6)} B  ${String(gzipSync(json).length).padStart(6)} B gzip`);
  }
  console.log(JSON.stringify(vocab.report));
}
