/**
 * Stage `link`: one document found in several sources becomes one document with
 * one variant per source. Variants keep their own 文号, title and date; where
 * they disagree, the disagreement is reported at both places.
 */
import { diffArrays } from 'diff';
import type { Clause, Variant } from '../../src/schema/corpus.ts';
import type { Report } from './diagnostics.ts';
import { docNumberPlace } from './places.ts';
import type { Draft } from './structure.ts';
import { titleKey } from '../../src/lib/text/titles.ts';

export interface Merged {
  primary: Draft;
  others: Draft[];
}

/**
 * Same title (compared without spaces, quotes, bracket styles) and same year → same document. A law dated by
 * its header (elements.ts lawHistory) is one version: same title and same version date (two versions of a
 * law may fall in one year).
 */
function identity(d: Draft): string {
  const law = (d.elements.lawHistory ?? []).length > 0;
  return `${titleKey(d.elements.title)}|${(law ? d.elements.date : d.elements.date?.slice(0, 4)) ?? ''}`;
}

/**
 * Same 文号 and same 成文日期 → same document too, whatever the titles say: a 文号 names one document of its
 * issuer's year, and two copies rarely read the title alike (a PDF's 标题 may lack the “的通知” a text copy
 * completes, a compilation may shorten it). Without a 文号 or a date, only the title decides.
 */
function numberIdentity(d: Draft): string | null {
  const n = d.elements.docNumber?.text;
  return n && d.elements.date ? `${n.replace(/\s+/gu, '')}|${d.elements.date}` : null;
}

/** The drafts grouped: two drafts are one document when they share a title identity or a 文号 identity (transitively). */
function groupDrafts(drafts: Draft[]): Draft[][] {
  const parent = drafts.map((_d, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const seen = new Map<string, number>();
  drafts.forEach((d, i) => {
    for (const key of [`t:${identity(d)}`, numberIdentity(d) && `n:${numberIdentity(d)}`]) {
      if (!key) continue;
      const j = seen.get(key);
      if (j === undefined) seen.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Draft[]>();
  drafts.forEach((d, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(d);
    else groups.set(root, [d]);
  });
  return [...groups.values()];
}

export function mergeVariants(drafts: Draft[], report: Report): Merged[] {
  const groups = groupDrafts(drafts);
  const out: Merged[] = [];
  for (const g of groups) {
    // The most complete copy (most lines) is the primary: a compilation may omit attachments a notice keeps.
    const ranked = [...g].sort((a, b) => lineCount(b) - lineCount(a));
    const [primary, ...others] = ranked as [Draft, ...Draft[]];
    for (const o of others) {
      const a = primary.elements.docNumber?.text ?? null;
      const b = o.elements.docNumber?.text ?? null;
      if (a !== b) {
        const msg = `“${primary.elements.title}”的文号不一致：${primary.file} 作 ${a ?? '（无）'}，${o.file} 作 ${b ?? '（无）'}`;
        report(docNumberPlace(primary), 'conflicting-doc-number', msg);
        report(docNumberPlace(o), 'conflicting-doc-number', msg);
      }
      const diff = differences(primary.clauses, o.clauses);
      if (diff.length > 0) {
        report({ file: o.file, line: o.startLine }, 'variant-text-differs', `与 ${primary.file}:${primary.startLine} 是同一文件（${identity(o) === identity(primary) ? '标题相同' : '文号、成文日期相同'}），但文字有 ${diff.length} 处不同；作为异文保留`);
      }
      if (primary.elements.date !== o.elements.date) {
        report({ file: o.file, line: o.elements.dateLines[0]?.n ?? o.startLine }, 'conflicting-date', `“${o.elements.title}”的成文日期不一致：此处为 ${o.elements.date}，${primary.file} 为 ${primary.elements.date}`);
      }
    }
    out.push({ primary, others });
  }
  return out;
}

function lineCount(d: Draft): number {
  return d.endLine - d.startLine;
}

/** Paragraph texts in reading order, for comparing variants. */
export function paragraphs(clauses: Clause[]): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  const walk = (cs: Clause[]) => {
    for (const c of cs) {
      const t = [c.label, c.heading, c.text].filter(Boolean).join('');
      if (t) out.push({ text: t, line: c.source.line });
      walk(c.children);
    }
  };
  walk(clauses);
  return out;
}

const computed = new WeakMap<Clause[], WeakMap<Clause[], Variant['differences']>>();

/** What a variant's text has that the primary's has not, and the reverse; compared without spaces. Computed once per pair. */
export function differences(primary: Clause[], variant: Clause[]): Variant['differences'] {
  const cache = computed.get(primary) ?? computed.set(primary, new WeakMap()).get(primary)!;
  const hit = cache.get(variant);
  if (hit) return hit;
  const out = diffParagraphs(primary, variant);
  cache.set(variant, out);
  return out;
}

function diffParagraphs(primary: Clause[], variant: Clause[]): Variant['differences'] {
  const a = paragraphs(primary);
  const b = paragraphs(variant);
  const key = (p: { text: string }) => p.text.replace(/[\s\u3000]+/gu, '');
  const parts = diffArrays(a.map(key), b.map(key));
  const out: Variant['differences'] = [];
  let ia = 0;
  let ib = 0;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    if (!part.added && !part.removed) {
      ia += part.count ?? part.value.length;
      ib += part.count ?? part.value.length;
      continue;
    }
    const n = part.count ?? part.value.length;
    const nextPart = parts[k + 1];
    if (part.removed && nextPart?.added) {
      const m = nextPart.count ?? nextPart.value.length;
      for (let j = 0; j < Math.max(n, m); j++) {
        const pa = j < n ? a[ia + j] : undefined;
        const pb = j < m ? b[ib + j] : undefined;
        out.push({ kind: pa && pb ? 'changed' : pa ? 'only-primary' : 'only-here', primary: pa?.text ?? null, here: pb?.text ?? null, line: pb?.line ?? null });
      }
      ia += n;
      ib += m;
      k++;
    } else if (part.removed) {
      for (let j = 0; j < n; j++) out.push({ kind: 'only-primary', primary: a[ia + j]!.text, here: null, line: null });
      ia += n;
    } else {
      for (let j = 0; j < n; j++) out.push({ kind: 'only-here', primary: null, here: b[ib + j]!.text, line: b[ib + j]!.line });
      ib += n;
    }
  }
  return out;
}
