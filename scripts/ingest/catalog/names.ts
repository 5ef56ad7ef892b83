/**
 * Certificate and organisation names: normalisation, comparison keys, ids and matching.
 * Pure string functions; no knowledge of particular certificates.
 */
import { pinyin } from 'pinyin-pro';
import { initials } from '../../../src/lib/text/docnumber.ts';
import { organizationKey as orgKey, tidyName as tidy } from '../../../src/lib/text/normalize.ts';

export const SUFFIX = '职业技能等级证书';

/** Shortest cut-off form of the suffix still read as one (职业技能…). */
const MIN_SUFFIX = 4;

/** A certificate name as printed → its name without the suffix, and how the suffix was printed. */
export function certificateName(printed: string): { name: string; suffix: 'full' | 'truncated' | 'none' | 'short' } {
  const t = tidy(printed);
  const squeezed = t.replace(/ /gu, '');
  if (squeezed.endsWith(SUFFIX)) return { name: stripTail(t, SUFFIX.length), suffix: 'full' };
  for (let n = SUFFIX.length - 1; n >= MIN_SUFFIX; n--) {
    if (squeezed.endsWith(SUFFIX.slice(0, n))) return { name: stripTail(t, n), suffix: 'truncated' };
  }
  // 界面设计证书: a short "证书" suffix.
  if (/证书$/u.test(squeezed) && squeezed.length > 2) return { name: stripTail(t, 2), suffix: 'short' };
  return { name: t, suffix: 'none' };
}

/** Drop the last n non-space characters. */
function stripTail(t: string, n: number): string {
  let out = t;
  let k = n;
  while (k > 0 && out.length) {
    if (out.at(-1) !== ' ') k--;
    out = out.slice(0, -1);
  }
  return out.trim();
}

/** Endings a complete organisation name has. */
const ORG_ENDING = /(?:公司|中心|协会|学会|联合会|研究院|研究所|学院|学校|大学|集团|委员会|基金会|事务所|站|所|院|部|局|厅|会|社|台|馆|（[^（）]+）)$/u;

/** The name stops in mid-word (a table cell cut it off): 股份有限, …研究院有, …有限公. */
export function looksTruncated(name: string): boolean {
  return !ORG_ENDING.test(orgKey(name));
}

/** Complete a cut-off company ending by the only way it can end (有限 → 有限公司); null when that is not obvious. */
export function completeEnding(name: string): string | null {
  const k = tidy(name);
  for (const [cut, full] of [
    ['有限公', '有限公司'],
    ['有限', '有限公司'],
    ['有', '有限公司'],
    ['公', '公司'],
  ] as const) {
    if (k.endsWith(cut)) return k.slice(0, -cut.length) + full;
  }
  return null;
}

/** ASCII id: runs of Han in pinyin initials, ASCII runs kept, joined by `-`. */
export function slug(name: string, full = false): string {
  const runs = name.match(/\p{Script=Han}+|[A-Za-z0-9]+/gu) ?? [];
  const parts: string[] = [];
  for (const run of runs) {
    if (/^[A-Za-z0-9]/u.test(run)) parts.push(run.toLowerCase());
    else if (full) parts.push((pinyin(run, { toneType: 'none', type: 'array', v: true }) as string[]).join(''));
    else parts.push(initials(run));
  }
  // Adjacent Han runs split by punctuation belong together (建筑信息模型（BIM） → jzxxmx-bim; 中国社会福利与养老服务协会 北京… stays split).
  return parts.join('-').replace(/[^a-z0-9-]/gu, '') || 'x';
}

/** Ids for a set of names: initials, or full pinyin for names whose initials collide. */
export function assignIds(names: string[]): Map<string, string> {
  const byInitials = new Map<string, string[]>();
  for (const n of names) {
    const s = slug(n);
    byInitials.set(s, [...(byInitials.get(s) ?? []), n]);
  }
  const out = new Map<string, string>();
  for (const [s, ns] of byInitials) {
    if (ns.length === 1) out.set(ns[0]!, s);
    else for (const n of ns) out.set(n, slug(n, true));
  }
  // Full pinyin could in theory still collide: number the rest in name order (reported by the caller as duplicates).
  const seen = new Map<string, number>();
  for (const n of [...names].sort()) {
    const id = out.get(n)!;
    const k = (seen.get(id) ?? 0) + 1;
    seen.set(id, k);
    if (k > 1) out.set(n, `${id}-${k}`);
  }
  return out;
}

/** Levenshtein distance, for "车联网系统集成与应用" vs "…和应用". */
export function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

export type MatchHow = 'exact' | 'contained' | 'near';

/**
 * Which of `known` (keys) a printed key names: the same key; else the only known key that contains it
 * (失智老年人 → 失智老年人照护, BIM → 建筑信息模型BIM); else the only one a single character away.
 */
export function matchKey(key: string, known: string[]): { key: string; how: MatchHow } | { ambiguous: string[] } | null {
  if (!key) return null;
  if (known.includes(key)) return { key, how: 'exact' };
  const contained = known.filter((k) => k.includes(key) && key.length >= 2);
  if (contained.length === 1) return { key: contained[0]!, how: 'contained' };
  if (contained.length > 1) return { ambiguous: contained };
  const near = known.filter((k) => key.length >= 4 && distance(k, key) === 1);
  if (near.length === 1) return { key: near[0]!, how: 'near' };
  if (near.length > 1) return { ambiguous: near };
  return null;
}
