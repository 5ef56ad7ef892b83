/**
 * Two versions of one law compared article by article (issue 16): the diff pages, the per-article
 * 「现行文本第N条」 links of a superseded version and the work page's counts all read this module.
 *
 * 1. Articles: every 第X条 (anchor `artN`) in document order; its text is its own text followed by
 *    its 款/项/目 (children, depth first), one per line, each 项/目 with its printed label.
 * 2. Alignment: a revision inserts and deletes articles, so later numbers shift. Articles are paired
 *    by text similarity (character-bigram Dice) under a monotone alignment — order preserved, each
 *    article paired at most once — found by dynamic programming that maximises the sum of
 *    (similarity − MIN_SIMILARITY) over the pairs; a pair below MIN_SIMILARITY is never made.
 * 3. Each pair is classified: unchanged (same text, same number), renumbered (same text, other
 *    number), changed (the changed words marked); an unpaired article is added or removed.
 * 4. Marks: diff's diffArrays over words (Intl.Segmenter('zh'), a date one word), then a one-letter
 *    island between two changes joined to them; each run of changes reads as one <del> then one <ins>.
 *    Measured against characters (test/lib/law-diff.test.ts): on 职业教育法 1996 → 2022 no mark cuts a
 *    word (27 do by characters) in about as many runs (268 / 265); on the blind gold 16/16 (characters 15/16).
 *
 * Pure: data in, data out. The marks are plain text runs; pages render them as <ins>/<del> elements
 * built from text, never as HTML.
 */
import { diffArrays } from 'diff';
import type { Clause, PolicyDocument } from '../../schema/corpus.ts';

/** One article of a version, with the text the comparison reads. */
export interface LawArticle {
  /** `art34`. */
  anchor: string;
  /** As printed: 第三十四条. */
  label: string;
  /** The article's number (34), from its anchor. */
  number: number;
  /** Its own text, then its 款/项/目 in order, one a line (项/目 with their labels). */
  text: string;
}

/** The pieces of a changed article's text: kept, inserted (in the newer version) or deleted (from the older). */
export interface DiffPart {
  kind: 'same' | 'ins' | 'del';
  text: string;
}

export type ArticleChangeKind = 'unchanged' | 'renumbered' | 'changed' | 'added' | 'removed';

export interface ArticleChange {
  kind: ArticleChangeKind;
  /** The article in the older version (null: added). */
  older: LawArticle | null;
  /** The article in the newer version (null: removed). */
  newer: LawArticle | null;
  /** Character-bigram Dice of the pair's texts (0 for an unpaired article). */
  similarity: number;
  /** For `changed`: the newer text against the older, word by word. Empty otherwise. */
  parts: DiffPart[];
}

export interface VersionDiff {
  /** In reading order: pairs and unpaired articles as they fall in both versions. */
  changes: ArticleChange[];
  counts: Record<ArticleChangeKind, number>;
}

/** Below this Dice similarity two articles are not the same article revised (measured on 职业教育法 1996 → 2022, see test). */
export const MIN_SIMILARITY = 0.3;

const ARTICLE_ANCHOR = /^art(\d+)$/u;

function childText(c: Clause): string[] {
  const own = `${c.label ?? ''}${c.text}`;
  return [...(own ? [own] : []), ...c.children.flatMap(childText)];
}

/** The articles of a document (第X条 anywhere under its chapters), in document order. */
export function lawArticles(doc: Pick<PolicyDocument, 'clauses'>): LawArticle[] {
  const out: LawArticle[] = [];
  const walk = (cs: readonly Clause[]) => {
    for (const c of cs) {
      const m = ARTICLE_ANCHOR.exec(c.anchor);
      if (m) {
        const lines = [c.text, ...c.children.flatMap(childText)].filter((l) => l !== '');
        out.push({ anchor: c.anchor, label: c.label ?? `第${m[1]}条`, number: Number(m[1]), text: lines.join('\n') });
      } else walk(c.children);
    }
  };
  walk(doc.clauses);
  return out;
}

/** The text the comparison reads: no whitespace (line breaks between 款 do not count as a change). */
const squeeze = (s: string) => s.replace(/\s+/gu, '');

function bigrams(s: string): Map<string, number> {
  const t = squeeze(s);
  const m = new Map<string, number>();
  if (t.length === 1) m.set(t, 1);
  for (let i = 0; i + 1 < t.length; i++) {
    const g = t.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Sørensen–Dice over character bigrams (multiset): 1 for equal texts, 0 for texts sharing no bigram. */
export function dice(a: string, b: string): number {
  return diceOf(bigrams(a), bigrams(b));
}

function diceOf(a: Map<string, number>, b: Map<string, number>): number {
  let na = 0;
  let nb = 0;
  let common = 0;
  for (const n of a.values()) na += n;
  for (const [g, n] of b) {
    nb += n;
    const k = a.get(g);
    if (k) common += Math.min(k, n);
  }
  return na + nb === 0 ? 1 : (2 * common) / (na + nb);
}

/**
 * The monotone alignment of two article lists: index pairs [i, j], increasing in both, maximising
 * Σ (sim − min) over pairs whose similarity reaches `min`.
 */
export function alignArticles(older: readonly LawArticle[], newer: readonly LawArticle[], min = MIN_SIMILARITY): Array<[number, number, number]> {
  const n = older.length;
  const m = newer.length;
  const bo = older.map((a) => bigrams(a.text));
  const bn = newer.map((a) => bigrams(a.text));
  const sim = bo.map((a) => bn.map((b) => diceOf(a, b)));
  // best[i][j]: the best score aligning older[0..i) with newer[0..j).
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const step = Array.from({ length: n + 1 }, () => new Uint8Array(m + 1)); // 1 skip older, 2 skip newer, 3 pair
  for (let i = 1; i <= n; i++) step[i]![0] = 1;
  for (let j = 1; j <= m; j++) step[0]![j] = 2;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      let v = best[i - 1]![j]!;
      let s = 1;
      if (best[i]![j - 1]! > v) {
        v = best[i]![j - 1]!;
        s = 2;
      }
      const x = sim[i - 1]![j - 1]!;
      if (x >= min && best[i - 1]![j - 1]! + (x - min) + 1e-9 > v) {
        v = best[i - 1]![j - 1]! + (x - min) + 1e-9;
        s = 3;
      }
      best[i]![j] = v;
      step[i]![j] = s;
    }
  }
  const pairs: Array<[number, number, number]> = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const s = step[i]![j]!;
    if (s === 3) {
      pairs.push([i - 1, j - 1, sim[i - 1]![j - 1]!]);
      i--;
      j--;
    } else if (s === 1) i--;
    else j--;
  }
  return pairs.reverse();
}

const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });

/** A date as a reader names it: one word (2019年9月1日 → 2024年1月1日 is one replacement, not 2019→2024 and 9→1). */
const DATE = /\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?/gu;

/** Words as Intl.Segmenter('zh') cuts them (punctuation its own token, whitespace kept), a date one word. */
export function words(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (const m of text.matchAll(DATE)) {
    out.push(...[...SEGMENTER.segment(text.slice(at, m.index))].map((s) => s.segment), m[0]);
    at = m.index + m[0].length;
  }
  out.push(...[...SEGMENTER.segment(text.slice(at))].map((s) => s.segment));
  return out;
}

/** Characters (code points). */
export const characters = (text: string): string[] => [...text];

/**
 * The changed words of a revised text: runs of kept, deleted (older) and inserted (newer) text, a
 * deletion before the insertion that replaces it. `unit` cuts the texts (words by default).
 */
export function markChanges(older: string, newer: string, unit: (t: string) => string[] = words): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  for (const c of diffArrays(unit(older), unit(newer))) push(c.added ? 'ins' : c.removed ? 'del' : 'same', c.value.join(''));
  return tidy(parts);
}

/**
 * Changes read as a reader names them: a one-character island kept between two changes (年, 的) joins them
 * (del 鼓励 · 并 · ins 支持 → del 鼓励并 · ins 支持…), and each run of changes reads as one deletion then one
 * insertion. Punctuation and line breaks stay islands: they part clauses and 款.
 */
function tidy(parts: DiffPart[]): DiffPart[] {
  const isChange = (p: DiffPart | undefined) => p !== undefined && p.kind !== 'same';
  const island = (k: number) => parts[k]!.kind === 'same' && [...parts[k]!.text].length === 1 && /[\p{L}\p{N}]/u.test(parts[k]!.text) && isChange(parts[k - 1]) && isChange(parts[k + 1]);
  const out: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ kind: 'del', text: del });
    if (ins) out.push({ kind: 'ins', text: ins });
    del = ins = '';
  };
  parts.forEach((p, k) => {
    if (p.kind === 'del') del += p.text;
    else if (p.kind === 'ins') ins += p.text;
    else if (island(k)) {
      del += p.text;
      ins += p.text;
    } else {
      flush();
      out.push(p);
    }
  });
  flush();
  return out;
}

/** The older text of a change's parts (kept and deleted runs) and the newer (kept and inserted). */
export function sidesOf(parts: readonly DiffPart[]): { older: string; newer: string } {
  return {
    older: parts.filter((p) => p.kind !== 'ins').map((p) => p.text).join(''),
    newer: parts.filter((p) => p.kind !== 'del').map((p) => p.text).join(''),
  };
}

/** Two versions of one work compared article by article (see the module comment). */
export function diffVersions(older: Pick<PolicyDocument, 'clauses'>, newer: Pick<PolicyDocument, 'clauses'>, unit: (t: string) => string[] = words): VersionDiff {
  const a = lawArticles(older);
  const b = lawArticles(newer);
  const pairs = alignArticles(a, b);
  const changes: ArticleChange[] = [];
  let i = 0;
  let j = 0;
  const removed = (k: number) => changes.push({ kind: 'removed', older: a[k]!, newer: null, similarity: 0, parts: [] });
  const added = (k: number) => changes.push({ kind: 'added', older: null, newer: b[k]!, similarity: 0, parts: [] });
  for (const [pi, pj, s] of pairs) {
    while (i < pi) removed(i++);
    while (j < pj) added(j++);
    const o = a[pi]!;
    const n = b[pj]!;
    const same = squeeze(o.text) === squeeze(n.text);
    changes.push({
      kind: same ? (o.number === n.number ? 'unchanged' : 'renumbered') : 'changed',
      older: o,
      newer: n,
      similarity: s,
      parts: same ? [] : markChanges(o.text, n.text, unit),
    });
    i = pi + 1;
    j = pj + 1;
  }
  while (i < a.length) removed(i++);
  while (j < b.length) added(j++);
  const counts: Record<ArticleChangeKind, number> = { unchanged: 0, renumbered: 0, changed: 0, added: 0, removed: 0 };
  for (const c of changes) counts[c.kind]++;
  return { changes, counts };
}

/** Each article of the older version → its successor in the newer (paired by diffVersions), by anchor. */
export function successors(diff: VersionDiff): Map<string, LawArticle> {
  const out = new Map<string, LawArticle>();
  for (const c of diff.changes) if (c.older && c.newer) out.set(c.older.anchor, c.newer);
  return out;
}

/** The kinds in the order the pages list and count them. */
export const CHANGE_KINDS: readonly ArticleChangeKind[] = ['added', 'removed', 'changed', 'renumbered', 'unchanged'];
/** 新增 3 条，修改 2 条: a diff's counts in CHANGE_KINDS order (`nonzero`: the kinds that occur only). */
export function countsText(counts: Record<ArticleChangeKind, number>, nonzero = false): string {
  return CHANGE_KINDS.filter((k) => !nonzero || counts[k] > 0)
    .map((k) => `${CHANGE_NAMES[k]} ${counts[k]} 条`)
    .join('，');
}

/** Chinese names of the kinds, as the pages print them. */
export const CHANGE_NAMES: Record<ArticleChangeKind, string> = {
  added: '新增',
  removed: '删除',
  changed: '修改',
  renumbered: '条号变动',
  unchanged: '未变',
};
