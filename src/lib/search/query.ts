/**
 * Query understanding, shared by the browser and the command line (issue 14). Pure: no Node
 * APIs, no fetches; the caller loads the vocabulary parts and passes them in.
 *
 * CONTRACT (for engine.ts and build-index.ts)
 *
 * Data: scripts/search/vocabulary.ts `buildVocabulary(sources, table)` returns four JSON objects;
 * the index step writes them as dist/search/<VOCAB_FILES[part]> (sizes on the real corpus, gzip):
 *   core    vocab.json         1.6 KB  every query: synonyms, aliases (→ id, url, title), droppable words, and
 *                                      the traditional characters the t2s part maps (to decide whether to load it)
 *   t2s     vocab-t2s.json     1.4 KB  only when `vocabNeeds(q, core).t2s` (the query holds such a character)
 *   terms   vocab-terms.json  10.7 KB  when `vocabNeeds(q, core).terms` (a pinyin-shaped query) or when results
 *                                      are weak (corrections): dictionary terms, titles, names → page; readings
 *   pinyin  vocab-pinyin.json  3.4 KB  only when `vocabNeeds(q, core).pinyin`: pinyin of each term
 * This module: 7.3 KB minified, 3.4 KB gzip (3.2 KB without normalize.ts, which the engine ships already).
 *
 * Runtime, in this order:
 *   const need = vocabNeeds(query, core);                       // which optional parts to load first
 *   const plan = planQuery(query, { core, t2s?, terms?, pinyin? });
 *   plan.aliases     → exact hits (a document named by an alias: 职教20条 → /docs/gf-2019-4/), shown first
 *   plan.pinyin      → for an ASCII query: the terms it spells (laonian zhaohu → 老年照护 → its page)
 *   plan.search      → the text to hand to segmentQuery()/Pagefind instead of the normalised query: folded,
 *                      synonyms canonical, question and function words dropped (plan.dropped, in the order
 *                      they were dropped); never empty (a query of droppable words only is kept whole).
 *                      Keeping the function words does not help: Pagefind ANDs its terms, so 是 or 要 only
 *                      re-rank towards long pages (measured on the built site: 考核费用标准是 ranks
 *                      zjs-2019-67 first, 考核费用标准 the clause 「确定考核费用标准」's documents).
 *                      plan.text is the whole folded query with synonyms canonical (for a quoted phrase).
 *   plan.corrections → 您是不是要找 …: offer `corrected` (the query with the slip mended) when results are
 *                      weak, not only when empty. Weak: fewer than 3 hits, or the best hit's title and
 *                      excerpt do not hold every content word (老年照户 finds 物流管理 pages through 老年).
 *                      `strength` 0–1: show ≥ 0.6 when weak, any when there are none; link `url` when set.
 *                      Needs the terms part: load it, then suggestCorrections(plan, vocab) (or planQuery again).
 * Index side: queries are canonical, so build-index.ts must make every page findable by the canonical
 *   words of the variants it prints: append `canonicalAdditions(clauseText, core).join(' ')` to each
 *   clause of the prepared copy (e.g. a visually hidden span inside the clause: Pagefind indexes it,
 *   the served HTML is unchanged, and the quoted text is never rewritten). `canonicalText` does the
 *   rewriting instead, for keyword lists and other text no reader sees as a quotation. Without the index
 *   side, the query side alone still finds canonical forms (chosen as the form the sources print most),
 *   but not a variant that only the page prints (a page saying only 收费标准, asked 费用标准 or 收费标准).
 */
import { perObject } from './memo.ts';
import { normalizeQuery, searchKey } from './normalize.ts';

/** File names under dist/search/ of each vocabulary part. */
export const VOCAB_FILES = { core: 'vocab.json', t2s: 'vocab-t2s.json', terms: 'vocab-terms.json', pinyin: 'vocab-pinyin.json' } as const;

export interface VocabCore {
  v: 1;
  /** Variant → canonical word (the canonical word itself is not a key). */
  syn: Record<string, string>;
  /** Alias (searchKey form) → [document id, url, title]. */
  alias: Record<string, [string, string, string]>;
  /** Droppable words: drop[0] first (question words), then drop[1] (function words). */
  drop: [string[], string[]];
  /** The traditional characters vocab-t2s.json maps, ascending, as code-point gaps (encodeGaps): 0.6 KB gzip instead of 1.4. */
  trad: string;
}
export interface VocabT2s {
  /** Simplified character for each character of VocabCore.trad, same order. */
  simp: string;
}

const GAP_END = '0123456789abcdefghijklmnopqrstuv';
const GAP_MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*';
const GAP_BASE = 0x3400;
/** Ascending code points (≥ U+3400) as gaps from the previous one, base 32, the last digit of each from GAP_END. */
export function encodeGaps(codePoints: number[]): string {
  let out = '';
  let prev = GAP_BASE;
  for (const cp of codePoints) {
    let d = cp - prev;
    if (d < 0 || (d === 0 && cp !== GAP_BASE)) throw new Error('encodeGaps: code points must ascend');
    prev = cp;
    let digits = GAP_END[d % 32]!;
    for (d = Math.floor(d / 32); d > 0; d = Math.floor(d / 32)) digits = GAP_MORE[d % 32]! + digits;
    out += digits;
  }
  return out;
}
export function decodeGaps(text: string): number[] {
  const out: number[] = [];
  let prev = GAP_BASE;
  let d = 0;
  for (const ch of text) {
    const end = GAP_END.indexOf(ch);
    if (end < 0) {
      d = d * 32 + GAP_MORE.indexOf(ch);
      continue;
    }
    prev += d * 32 + end;
    out.push(prev);
    d = 0;
  }
  return out;
}
const tradCodes = perObject((core: VocabCore): number[] => decodeGaps(core.trad));
/** `word`: a word the corpus prints (vocabulary.ts corpusWords), for pinyin spelled word by word and same-sound slips; no page. */
export type TermKind = 'certificate' | 'organization' | 'glossary' | 'document' | 'term' | 'alias' | 'word';
export interface VocabTerms {
  /** [term, url ('' when the term has no page of its own), kind]. */
  terms: [string, string, TermKind][];
  /** Toneless pinyin syllable → the corpus characters read so (for same-sound slips: 照户 → 照护). */
  py: Record<string, string>;
}
export interface VocabPinyin {
  /** Toneless pinyin of each term of VocabTerms.terms, same order, syllables separated by spaces (ü as v); '' for a term without Han. */
  keys: string[];
}
export interface Vocab {
  core: VocabCore;
  t2s?: VocabT2s;
  terms?: VocabTerms;
  pinyin?: VocabPinyin;
}

export interface QueryWord {
  /** The word as the search uses it (synonyms mapped to their canonical word). */
  text: string;
  /** The word as it stood in the folded query. */
  typed: string;
  /** 0: content word; 1: a question word (dropped first); 2: a function word (dropped next). */
  drop: 0 | 1 | 2;
  /** Index of the whitespace-separated token it came from (words of one token are adjacent). */
  token: number;
}
export interface AliasHit {
  alias: string;
  id: string;
  url: string;
  title: string;
}
export interface PinyinHit {
  term: string;
  url: string;
  kind: TermKind;
  how: 'full' | 'initials' | 'prefix';
  strength: number;
}
export interface Correction {
  /** The slip as typed (after folding), e.g. 物流管里. */
  from: string;
  /** The dictionary term, e.g. 物流管理. */
  to: string;
  /** The whole query with the slip mended (for 您是不是要找 …). */
  corrected: string;
  /** Offset of `from` in the folded query (0 for pinyin). */
  at: number;
  url: string;
  how: 'homophone' | 'edit' | 'pinyin';
  /** 0–1: one same-sounding slip 0.9 (0.6 in a 2-character term), two same-sounding slips in a 4+ term 0.8, another one-character slip 0.5 (4+ characters) or 0.3 (3); pinyin as PinyinHit. */
  strength: number;
}
export interface QueryPlan {
  query: string;
  /** normalizeQuery + traditional → simplified (when the t2s part was given). */
  folded: string;
  /** Characters changed by the traditional → simplified map. */
  traditional: number;
  words: QueryWord[];
  /** The content words (drop 0), canonical. */
  content: string[];
  /** The text to search: content words, synonyms canonical, words of one token joined as typed. */
  search: string;
  /** The whole folded query with synonyms canonical (nothing dropped). */
  text: string;
  /** The droppable words of the query in the order to drop them: question words (level 1), then function words (2). */
  dropped: { word: string; level: 1 | 2 }[];
  /** Synonyms applied: typed → canonical. */
  synonyms: { from: string; to: string }[];
  aliases: AliasHit[];
  pinyin: PinyinHit[];
  corrections: Correction[];
}

const HAN_RUN = /\p{Script=Han}+/u;
const HAN_CHAR = /^\p{Script=Han}$/u;
const ASCII_LETTERS = /^[a-zA-Zü' ]+$/u;

/** Which optional parts planQuery needs for this query before it runs. */
export function vocabNeeds(query: string, core: VocabCore): { t2s: boolean; pinyin: boolean; terms: boolean } {
  const q = normalizeQuery(query);
  let t2s = false;
  for (const ch of q) if (ch.codePointAt(0)! >= GAP_BASE && tradCodes(core).includes(ch.codePointAt(0)!)) t2s = true;
  const pinyin = isPinyinQuery(q);
  return { t2s, pinyin, terms: pinyin };
}

/** Toneless pinyin syllables (ü as v), one or more; or 2–8 initials (lnzh). English words such as web, bim, office fail both. */
const SYLLABLES = /^(?:(?:[zcs]h|[bpmfdtnlgkhjqxrcsyzw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|a|o|e|i|u|v))+$/u;
const INITIALS = /^[bpmfdtnlgkhjqxrzcsyw]{2,8}$/u;
function isPinyinQuery(q: string): boolean {
  if (!ASCII_LETTERS.test(q)) return false;
  const flat = q.toLowerCase().replace(/ü/gu, 'v').replace(/[ ']/gu, '');
  return flat.length >= 2 && (SYLLABLES.test(flat) || INITIALS.test(flat));
}

/** Traditional → simplified, character by character (characters the map does not hold stay). */
export function toSimplified(text: string, vocab: Pick<Vocab, 'core' | 't2s'>): string {
  const t2s = vocab.t2s;
  if (!t2s) return text;
  const m = t2sMap(t2s, vocab.core);
  let out = '';
  for (const ch of text) out += m.get(ch) ?? ch;
  return out;
}

const t2sMaps = new WeakMap<VocabT2s, Map<string, string>>();
/** The t2s part as a map (its characters pair with the core part's `trad`, so it is kept per t2s part, given the core). */
function t2sMap(t2s: VocabT2s, core: VocabCore): Map<string, string> {
  let m = t2sMaps.get(t2s);
  if (!m) {
    const to = [...t2s.simp];
    m = new Map(tradCodes(core).map((cp, i) => [String.fromCodePoint(cp), to[i]!]));
    t2sMaps.set(t2s, m);
  }
  return m;
}

/** Folded query: width, brackets, spaces (normalizeQuery), then traditional → simplified. */
export function foldQuery(query: string, vocab: Pick<Vocab, 'core' | 't2s'>): string {
  return toSimplified(normalizeQuery(query), vocab);
}

/** A word's canonical form (the word itself when it is in no synonym group). */
export function canonicalWord(word: string, core: VocabCore): string {
  return core.syn[word] ?? word;
}

const variantsRegex = perObject((core: VocabCore): RegExp | null => {
  const keys = Object.keys(core.syn).sort((a, b) => b.length - a.length);
  return keys.length ? new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'), 'gu') : null;
});
/**
 * Text with every synonym variant replaced by its canonical word, longest variant first
 * (不合格 → 未能通过, 老师 → 教师). The index step applies it to the indexed copy of each page,
 * the query side to the query: both meet on the canonical word.
 */
export function canonicalText(text: string, core: VocabCore): string {
  const re = variantsRegex(core);
  return re ? text.replace(re, (m) => core.syn[m] ?? m) : text;
}

/**
 * The canonical words a text should also be found by: for each variant it holds, its canonical word,
 * unless the text holds that already (「教师培训收费标准」 → [费用]). The index step appends these to the
 * indexed copy of a clause, so the quoted text itself is never rewritten (results quote the source).
 */
export function canonicalAdditions(text: string, core: VocabCore): string[] {
  const re = variantsRegex(core);
  if (!re) return [];
  const out = new Set<string>();
  for (const m of text.match(re) ?? []) {
    const c = core.syn[m];
    if (c && !text.includes(c)) out.add(c);
  }
  return [...out];
}

/** Droppable words, synonyms and aliases with their drop level; those of 2+ characters are matched whole before segmenting. */
const lexicon = perObject((core: VocabCore): { words: Map<string, 0 | 1 | 2>; max: number } => {
  const words = new Map<string, 0 | 1 | 2>();
  for (const k of Object.keys(core.alias)) words.set(k, 0);
  for (const [k, v] of Object.entries(core.syn)) (words.set(k, 0), words.set(v, 0));
  core.drop[1].forEach((w) => words.set(w, 2));
  core.drop[0].forEach((w) => words.set(w, 1));
  let max = 0;
  for (const k of words.keys()) max = Math.max(max, k.length);
  return { words, max };
});

let segmenter: Intl.Segmenter | null | undefined;
function segmentRun(run: string): string[] {
  if (segmenter === undefined) segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : null;
  if (!segmenter) return [run];
  const out: string[] = [];
  for (const s of segmenter.segment(run)) if (s.segment.trim()) out.push(s.segment);
  return out;
}

/** The folded query's words: lexicon words whole (longest first, left to right), the rest by Intl.Segmenter. */
function queryWords(folded: string, core: VocabCore): QueryWord[] {
  const { words: lex, max } = lexicon(core);
  const out: QueryWord[] = [];
  folded.split(/\s+/u).filter(Boolean).forEach((tok, token) => {
    const push = (typed: string, drop: 0 | 1 | 2) => out.push({ text: canonicalWord(typed, core), typed, drop, token });
    if (!HAN_RUN.test(tok)) return push(tok, 0);
    const key = searchKey(tok);
    if (core.alias[key]) return push(tok, 0);
    let gap = '';
    const flush = () => {
      if (!gap) return;
      // A Han–number–Han token such as 职教20条 stays whole, as segmentQuery keeps it.
      const parts = /\d/u.test(gap) && /^\p{Script=Han}[\p{Script=Han}\d]*\p{Script=Han}$/u.test(gap) ? [gap] : segmentRun(gap);
      // A one-character droppable word (是, 的, 吗) only when the segmenter leaves it alone (not 目的, 要求).
      for (const w of parts) push(w, lex.get(w) ?? 0);
      gap = '';
    };
    for (let i = 0; i < tok.length; ) {
      let hit = '';
      for (let n = Math.min(max, tok.length - i); n >= 2; n--) {
        const w = tok.slice(i, i + n);
        if (lex.has(w) || lex.has(searchKey(w))) {
          hit = w;
          break;
        }
      }
      if (hit) {
        flush();
        push(hit, lex.get(hit) ?? lex.get(searchKey(hit)) ?? 0);
        i += hit.length;
      } else {
        gap += tok[i];
        i++;
      }
    }
    flush();
  });
  return out;
}

/** Words back to a search text: the words of one token joined as typed (segmentQuery splits them again), tokens by a space. */
function joinWords(words: QueryWord[]): string {
  let s = '';
  let last = -1;
  for (const w of words) {
    s += s && w.token !== last ? ' ' + w.text : w.text;
    last = w.token;
  }
  return s;
}

/** Aliases the query names (longest first; a shorter alias inside a longer one is not repeated). */
function findAliases(folded: string, core: VocabCore): AliasHit[] {
  const key = searchKey(folded);
  const keys = Object.keys(core.alias).filter((k) => key.includes(k)).sort((a, b) => b.length - a.length);
  const out: AliasHit[] = [];
  for (const k of keys) {
    if (out.some((h) => h.alias.includes(k))) continue;
    const [id, url, title] = core.alias[k]!;
    if (!out.some((h) => h.id === id)) out.push({ alias: k, id, url, title });
  }
  return out;
}

/** [term index, full pinyin without spaces, initials] of the terms that have pinyin. */
const pinyinKeys = perObject((p: VocabPinyin): [number, string, string][] =>
  p.keys.flatMap((key, i): [number, string, string][] => (key ? [[i, key.replace(/ /gu, ''), key.split(' ').map((s) => s[0]).join('')]] : [])),
);

/** Pinyin of an ASCII query → terms: full pinyin with or without spaces, initials, or a prefix of the full pinyin. */
export function pinyinMatches(query: string, vocab: Vocab): PinyinHit[] {
  const q = normalizeQuery(query).toLowerCase().replace(/ü/gu, 'v');
  if (!vocab.pinyin || !vocab.terms || !isPinyinQuery(q)) return [];
  const flat = q.replace(/[ ']/gu, '');
  const hits: PinyinHit[] = [];
  const initials: number[] = [];
  for (const [i, full, ini] of pinyinKeys(vocab.pinyin)) {
    const [term, url, kind] = vocab.terms.terms[i]!;
    if (full === flat) hits.push({ term, url, kind, how: 'full', strength: 1 });
    // A corpus word is spelled in full only: its initials (2,600 words) or a prefix would drown the named terms'.
    else if (kind === 'word') continue;
    else if (flat.length >= 3 && ini === flat) initials.push(i);
    else if (flat.length >= 6 && full.startsWith(flat)) hits.push({ term, url, kind, how: 'prefix', strength: 0.6 });
  }
  if (!hits.some((h) => h.how === 'full')) {
    const spelled = spellWords(q, vocab);
    if (spelled) hits.push({ term: spelled, url: '', kind: 'word', how: 'full', strength: 0.9 });
  }
  // Initials are ambiguous: the more terms share them, the weaker each.
  for (const i of initials) {
    const [term, url, kind] = vocab.terms.terms[i]!;
    hits.push({ term, url, kind, how: 'initials', strength: Math.round((0.8 / initials.length) * 100) / 100 });
  }
  // One hit per term, strongest first; a page's own name before a curated term without a page.
  const best = new Map<string, PinyinHit>();
  for (const h of hits) {
    const b = best.get(h.term);
    if (!b || h.strength > b.strength || (h.strength === b.strength && !b.url && h.url)) best.set(h.term, h);
  }
  return [...best.values()].sort((a, b) => b.strength - a.strength || Number(!!b.url) - Number(!!a.url) || a.term.length - b.term.length).slice(0, 8);
}

/** The terms that name something (every kind but the corpus's words). */
const namedTerms = perObject((terms: VocabTerms): string[] => terms.terms.filter((t) => t[2] !== 'word').map((t) => t[0]));

/** Words a pinyin query spells at most (kaohe chengben shangxian: 3), and the words tried for each piece's sound. */
export const MAX_SPELLED = 4;
const SAME_SOUND = 3;
/** Full pinyin → the first SAME_SOUND terms (list order) read so. */
const fullKeys = perObject((p: VocabPinyin): Map<string, number[]> => {
  const keys = new Map<string, number[]>();
  for (const [i, full] of pinyinKeys(p)) {
    const list = keys.get(full) ?? [];
    if (list.length < SAME_SOUND) keys.set(full, [...list, i]);
  }
  return keys;
});
/**
 * A pinyin query spelled word by word (kaohe chengben shangxian, kaohechengbenshangxian) → the Han words it spells,
 * space-separated (考核 成本 上限): the fewest words (2..MAX_SPELLED) whose full pinyin, joined, is the query, never
 * across a space the reader typed. Where a sound is several words (shangxian: 上线, 上限), the words that stand next to
 * each other in a named term (a title: 考核成本上限设置方案) win, then the list's order (named terms first, then the
 * corpus's words, most frequent first). null when no such split exists.
 */
export function spellWords(query: string, vocab: Vocab): string | null {
  if (!vocab.pinyin || !vocab.terms) return null;
  const terms = vocab.terms.terms;
  const keys = fullKeys(vocab.pinyin);
  const tokens = query.toLowerCase().replace(/ü/gu, 'v').split(/[ ']+/u).filter(Boolean);
  const flat = tokens.join('');
  const forced = new Set<number>();
  let at = 0;
  for (const t of tokens) forced.add((at += t.length));
  // best[j]: the fewest pieces covering flat[0, j) (their pinyin), ending on every typed boundary before j.
  const best: (string[] | null)[] = [[]];
  for (let j = 1; j <= flat.length; j++) {
    best[j] = null;
    for (let i = j - 1; i >= 0; i--) {
      const prev = best[i];
      if (!prev) continue;
      let crosses = false;
      for (const f of forced) if (f > i && f < j) crosses = true;
      if (crosses) break;
      const piece = flat.slice(i, j);
      if (keys.has(piece) && (!best[j] || prev.length + 1 < best[j]!.length)) best[j] = [...prev, piece];
    }
  }
  const pieces = best[flat.length];
  if (!pieces || pieces.length < 2 || pieces.length > MAX_SPELLED) return null;
  const named = namedTerms(vocab.terms);
  let choice: string[] = [];
  let score = -1;
  const walk = (k: number, words: string[], s: number) => {
    if (k === pieces.length) {
      if (s > score) (score = s), (choice = words);
      return;
    }
    for (const i of keys.get(pieces[k]!)!) {
      const w = terms[i]![0];
      const prev = words[words.length - 1];
      walk(k + 1, [...words, w], s + (prev && named.some((n) => n.includes(prev + w)) ? 1 : 0));
    }
  };
  walk(0, [], 0);
  return choice.join(' ');
}

/** Character → its toneless readings. */
const charPinyin = perObject((terms: VocabTerms): Map<string, string[]> => {
  const m = new Map<string, string[]>();
  for (const [syl, chars] of Object.entries(terms.py)) for (const ch of chars) m.set(ch, [...(m.get(ch) ?? []), syl]);
  return m;
});
/** Every term and word, to tell a known word from a slip. */
const knownTerms = perObject((terms: VocabTerms): Set<string> => new Set(terms.terms.map((t) => t[0])));
/**
 * The longest term a slip is looked for in: a name, a term, a short title (the corpus's titles run to 60 characters;
 * readers type their 文号 or a few of their words, and a pasted title with a slip still finds its page by its other words).
 */
const MAX_SLIP_TERM = 12;
/** The longest term in which two slips are looked for (two same-sound slips in 双師形教師-like names, not in titles). */
const MAX_TWO_SLIPS = 8;
/**
 * A text's keys with one Han character replaced by a wildcard, and (4–MAX_TWO_SLIPS characters) two: a term and a query span share
 * a key when they differ in those characters only.
 */
function slipKeys(text: string): string[] {
  const han: number[] = [];
  for (let j = 0; j < text.length; j++) if (HAN_CHAR.test(text[j]!)) han.push(j);
  const keys = han.map((j) => text.slice(0, j) + '\u0000' + text.slice(j + 1));
  if (text.length >= 4 && text.length <= MAX_TWO_SLIPS) {
    for (let a = 0; a < han.length; a++) {
      for (let b = a + 1; b < han.length; b++) {
        const [j, k] = [han[a]!, han[b]!];
        keys.push(text.slice(0, j) + '\u0000' + text.slice(j + 1, k) + '\u0000' + text.slice(k + 1));
      }
    }
  }
  return keys;
}
/** The terms of 2+ characters by their first character. */
const byFirst = perObject((terms: VocabTerms): Map<string, [string, TermKind][]> => {
  const m = new Map<string, [string, TermKind][]>();
  for (const [term, , kind] of terms.terms) if (term.length >= 2) m.set(term[0]!, [...(m.get(term[0]!) ?? []), [term, kind]]);
  return m;
});
/** The characters of `q` inside a term of 2+ characters it holds (corpus words too when `words`). */
function coveredBy(q: string, terms: VocabTerms, words: boolean): Uint8Array {
  const m = byFirst(terms);
  const out = new Uint8Array(q.length);
  for (let k = 0; k < q.length; k++) for (const [term, kind] of m.get(q[k]!) ?? []) if ((words || kind !== 'word') && q.startsWith(term, k)) out.fill(1, k, k + term.length);
  return out;
}
/** Every term of 2–MAX_SLIP_TERM characters holding Han by its slipKeys (built once per terms part: ~3,100 terms). */
const slipIndex = perObject((terms: VocabTerms): Map<string, number[]> => {
  const m = new Map<string, number[]>();
  terms.terms.forEach(([term], t) => {
    if (term.length < 2 || term.length > MAX_SLIP_TERM || !HAN_RUN.test(term)) return;
    for (const key of slipKeys(term)) {
      const list = m.get(key);
      if (list) list.push(t);
      else m.set(key, [t]);
    }
  });
  return m;
});
/** Whether the terms part holds the corpus's words (kind `word`). */
const hasWords = perObject((terms: VocabTerms): boolean => terms.terms.some((t) => t[2] === 'word'));

/** Builds the terms part's lookup tables (slips, coverage, readings, known words) ahead of the first query that needs them. */
export function prepareTerms(terms: VocabTerms): void {
  for (const build of [slipIndex, byFirst, charPinyin, namedTerms, knownTerms, hasWords]) build(terms);
}

/**
 * Slips in a Han query: whole words of the query that differ from a dictionary term in one character
 * (3+ characters, or 2 when same-sounding) or in two same-sounding characters (4+), where the slip is
 * not itself a known word. A term the query already holds is never "corrected". Pinyin queries
 * become corrections to the terms they spell.
 */
export function suggestCorrections(plan: Pick<QueryPlan, 'folded' | 'pinyin' | 'words'>, vocab: Vocab): Correction[] {
  const out: Correction[] = [];
  for (const p of plan.pinyin) out.push({ from: plan.folded, to: p.term, corrected: p.term, at: 0, url: p.url, how: 'pinyin', strength: p.strength });
  const terms = vocab.terms;
  if (!terms) return out;
  const q = plan.folded;
  if (!HAN_RUN.test(q)) return out;
  const known = knownTerms(terms);
  // A query that is a known term or word as a whole has no slip.
  if (known.has(q)) return out;
  const py = charPinyin(terms);
  const { core } = vocab;
  // A slip spans whole words of the query: 高技能人才 (高/技能/人才) never offers 高级 for 高技.
  const starts = new Set<number>();
  const ends = new Set<number>();
  let at = 0;
  for (const w of plan.words) {
    const k = q.indexOf(w.typed, at);
    if (k < 0) continue;
    starts.add(k);
    ends.add((at = k + w.typed.length));
  }
  const isKnown = (w: string) => known.has(w) || w in core.syn || Object.values(core.syn).includes(w) || searchKey(w) in core.alias;
  // Characters inside a known term the query holds are not slips (新华三技术有限公司 is not 华为技术有限公司).
  // (Named terms only: a slip next to a corpus word often forms another one.)
  const covered = coveredBy(q, terms, false);
  // Candidates: the terms one or two Han characters off each span of whole query words (slipIndex), in the list's order.
  const index = slipIndex(terms);
  const candidates: [number, number][] = [];
  for (const i of starts) {
    for (const e of ends) {
      if (e - i < 2) continue;
      const seen = new Set<number>();
      for (const key of slipKeys(q.slice(i, e))) for (const t of index.get(key) ?? []) if (!seen.has(t)) (seen.add(t), candidates.push([t, i]));
    }
  }
  candidates.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const found: Correction[] = [];
  for (const [t, i] of candidates) {
    const [term, url, kind] = terms.terms[t]!;
    const n = term.length;
    if (q.includes(term)) continue;
    const w = q.slice(i, i + n);
    const diffs: number[] = [];
    for (let j = 0; j < n && diffs.length < 3; j++) if (w[j] !== term[j]) diffs.push(j);
    if (!diffs.length || diffs.length > 2 || diffs.some((j) => !HAN_CHAR.test(w[j]!) || !HAN_CHAR.test(term[j]!) || covered[i + j])) continue;
    if (isKnown(w)) continue;
    const sounds = (j: number) => (py.get(w[j]!) ?? []).some((s) => py.get(term[j]!)?.includes(s));
    const homophone = diffs.every(sounds);
    // A corpus word is offered for a same-sound slip only: one other character off an ordinary word is mostly another
    // ordinary word (教育部等 is not a slip of 教育部门).
    if (kind === 'word' && !homophone) continue;
    // One slip: 0.9 when it sounds the same, else weak (real phrases such as 试点学校 or 职业技术 are one
    // character from a term: measured over the corpus headings, only same-sound slips never fired there);
    // two slips only when both sound the same, in a 4+ term.
    let strength = diffs.length === 1 ? (homophone ? (n >= 3 ? 0.9 : 0.6) : n >= 4 ? 0.5 : n === 3 ? 0.3 : 0) : homophone && n >= 4 ? 0.8 : 0;
    if (!strength) continue;
    // A two-character corpus word one sound away is a guess (按试 → 按时 in 按试点) unless the check below confirms it.
    if (kind === 'word' && n === 2) strength = 0.4;
    found.push({ from: w, to: term, corrected: q.slice(0, i) + term + q.slice(i + n), at: i, url, how: homophone ? 'homophone' : 'edit', strength });
  }
  // A two-character word the corpus never prints, one sound away from exactly one word it does (方按 → 方案): as sure
  // as a longer term's slip. Only with the corpus's words in the list (else most words would look unknown).
  // Nor may either character belong to a word the query holds (按试点: 试 is 试点's).
  if (hasWords(terms)) {
    const pairs = found.filter((c) => c.how === 'homophone' && c.from.length === 2 && c.to.length === 2);
    const inWord = pairs.length ? coveredBy(q, terms, true) : new Uint8Array(q.length);
    // Nor be a question or function word (年的 → 年底 in 过去年的证书).
    const small = new Set([...core.drop[0], ...core.drop[1]].filter((w) => w.length === 1));
    for (const c of pairs) if (pairs.filter((o) => o.at === c.at).length === 1 && !inWord[c.at] && !inWord[c.at + 1] && ![...c.from].some((ch) => small.has(ch))) c.strength = 0.85;
  }
  // Strongest first; for one slip, the longest term (双师形教师 → 双师型教师, not also 双师型); one correction per term.
  found.sort((a, b) => b.strength - a.strength || b.to.length - a.to.length || Number(!!b.url) - Number(!!a.url));
  const seen = new Set<string>();
  const inside = (c: Correction, o: Correction) => o.how !== 'pinyin' && c.at >= o.at && c.at + c.from.length <= o.at + o.from.length;
  for (const c of found) {
    if (seen.has(c.to) || out.some((o) => inside(c, o))) continue;
    seen.add(c.to);
    out.push(c);
  }
  return out.slice(0, 5);
}

/** The whole plan for a query; optional vocabulary parts left out give empty pinyin/corrections and no t2s. */
export function planQuery(query: string, vocab: Vocab): QueryPlan {
  const { core } = vocab;
  const normalized = normalizeQuery(query);
  const folded = toSimplified(normalized, vocab);
  let traditional = 0;
  for (let i = 0; i < normalized.length; i++) if (normalized[i] !== folded[i]) traditional++;
  const words = queryWords(folded, core);
  const content = words.filter((w) => w.drop === 0).map((w) => w.text);
  const kept = words.filter((w) => w.drop === 0);
  const search = joinWords(kept.length ? kept : words);
  const dropped = kept.length ? [1, 2].flatMap((level) => words.filter((w) => w.drop === level).map((w) => ({ word: w.text, level: level as 1 | 2 }))) : [];
  const synonyms = words.filter((w) => w.text !== w.typed).map((w) => ({ from: w.typed, to: w.text }));
  const pinyin = pinyinMatches(normalized, vocab);
  const plan: QueryPlan = { query, folded, traditional, words, content, search, text: joinWords(words), dropped, synonyms, aliases: findAliases(folded, core), pinyin, corrections: [] };
  plan.corrections = suggestCorrections(plan, vocab);
  return plan;
}
