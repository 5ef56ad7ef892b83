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

/** Words as Intl.Segmenter('zh') cuts them (punctuation its own token); whitespace kept as tokens. */
export function words(text: string): string[] {
  return [...SEGMENTER.segment(text)].map((s) => s.segment);
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
  // A deletion and an insertion that follow each other read del then ins (diff may give them either way).
  for (let i = 0; i + 1 < parts.length; i++) {
    if (parts[i]!.kind === 'ins' && parts[i + 1]!.kind === 'del') [parts[i], parts[i + 1]] = [parts[i + 1]!, parts[i]!];
  }
  return parts;
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

/** Chinese names of the kinds, as the pages print them. */
export const CHANGE_NAMES: Record<ArticleChangeKind, string> = {
  added: '新增',
  removed: '删除',
  changed: '修改',
  renumbered: '条号变动',
  unchanged: '未变',
};
