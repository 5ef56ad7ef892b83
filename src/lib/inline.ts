/**
 * The inline layer of a clause's text as a hast tree, and its HTML.
 *
 * A heading, a paragraph's text or a table cell is cut (linkify.ts) at its references and web
 * addresses; each piece becomes a hast node:
 *   - a reference to a document of the corpus → <a class="ref"> to it (or to the clause it names),
 *     an unresolved one → <a class="ref ref--unresolved"> to its entry on 本库未收录, with a hidden 「本库未收录」;
 *   - a web address → <a class="ext-link" rel="noopener noreferrer"> with a visible ↗ and a hidden 「外部链接」;
 *   - a masked personal number (privacy stage: 138****8764) → <span class="masked"> saying so;
 *   - a glossary term (where the caller gives terms) → <a class="term"> to its entry on /glossary/;
 *   - a word to highlight (where the caller gives words) → <mark>, inside links too;
 *   - everything else → a text node.
 *
 * The source text only ever becomes text nodes and attribute values: rehype-stringify escapes them
 * when it serialises the tree (toHtml). Nothing here writes markup or escapes by hand, so nothing of a
 * source can become an element, a handler or a javascript: link; pages insert the result with set:html.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { Reference } from '../schema/references.ts';
import { type Segment, segments } from './linkify.ts';
import { refHref } from './references.ts';

/** A glossary term to link where it is printed: its text and its entry's URL. */
export interface InlineTerm {
  term: string;
  href: string;
}

export interface InlineOptions {
  /** The clause's references (any field; those of `field` are used). */
  refs?: readonly Reference[];
  /** Which field of the clause the text is: references carry offsets into one field. Default 'text'. */
  field?: 'heading' | 'text';
  /** Titles of cited documents by id, for a reference's tooltip. */
  titles?: ReadonlyMap<string, string>;
  /** Glossary terms to link (outside references and addresses): the first occurrence of each. */
  terms?: readonly InlineTerm[];
  /** Words to highlight wherever they occur (as printed, case-insensitive for Latin letters). */
  highlight?: readonly string[];
}

/** The tooltip of a reference: the cited document's title, 本文件内, or what is known of an unresolved one. */
export function refTitle(r: Reference, titles?: ReadonlyMap<string, string>): string {
  if (r.target === null) return `本库未收录：${[r.title ? `《${r.title}》` : null, r.docNumber].filter(Boolean).join('') || r.printed}`;
  if (r.target === r.from) return '本文件内';
  return titles?.get(r.target) ?? r.target;
}

/** Hidden from the page's search index and, for the ↗, from screen readers. */
const hiddenNote = (text: string): Element => h('span.visually-hidden', { dataPagefindIgnore: 'all' }, text);

/** The text as a hast root: references and addresses as links, masked numbers marked, terms and highlights where asked. */
export function inlineTree(text: string, options: InlineOptions = {}): Root {
  const { refs = [], field = 'text', titles, terms = [], highlight = [] } = options;
  const marks = markers(terms, highlight);
  const linked = new Set<string>();
  const children: ElementContent[] = [];
  for (const s of segments(text, refs, field)) children.push(...segmentNodes(s, titles, marks, linked));
  return { type: 'root', children };
}

/** A hast tree as HTML: rehype-stringify escapes every text and attribute value. */
export function toHtml(tree: Root): string {
  return unified().use(rehypeStringify).stringify(tree);
}

/** inlineTree serialised: what a page inserts with set:html. */
export function inlineHtml(text: string, options: InlineOptions = {}): string {
  return toHtml(inlineTree(text, options));
}

function segmentNodes(s: Segment<Reference>, titles: ReadonlyMap<string, string> | undefined, marks: Markers, linked: Set<string>): ElementContent[] {
  if (s.kind === 'text') return textNodes(s.text, marks, linked, true);
  if (s.kind === 'url') {
    return [
      h('a.ext-link', { href: s.href, rel: ['noopener', 'noreferrer'] }, [
        ...textNodes(s.text, marks, linked, false),
        h('span.ext-link__mark', { ariaHidden: 'true', dataPagefindIgnore: 'all' }, '↗'),
        hiddenNote('（外部链接）'),
      ]),
    ];
  }
  const r = s.ref;
  const inner = textNodes(s.text, marks, linked, false);
  if (r.target === null) {
    return [h('a', { className: ['ref', 'ref--unresolved'], href: refHref(r), title: refTitle(r, titles), dataRef: r.id }, [...inner, hiddenNote('（本库未收录）')])];
  }
  const className = ['ref', ...(r.target === r.from ? ['ref--internal'] : []), ...(r.relation === '转发' ? ['ref--forward'] : [])];
  return [h('a', { className, href: refHref(r), title: refTitle(r, titles), dataRef: r.id }, inner)];
}

interface Markers {
  /** One pattern over masked numbers, terms and highlights (in that order of preference). */
  re: RegExp | null;
  terms: Map<string, InlineTerm>;
  highlight: Set<string>;
}

/**
 * A number the privacy stage masked: kept head digits, at least two `*` (separators kept), kept tail digits:
 * 138****8764, 138 **** 8764, 0200***********3690, 6222 **** **** 3456, 1101**********123X.
 */
const MASKED = String.raw`(?<![\d*])\d{3,4}(?:[ -]?\*{2,})+(?:[ -]?\d+)+[Xx]?(?![\d*Xx])`;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

function markers(terms: readonly InlineTerm[], highlight: readonly string[]): Markers {
  const byTerm = new Map(terms.filter((t) => t.term.trim()).map((t) => [t.term.toLowerCase(), t]));
  const words = new Set(highlight.map((w) => w.trim()).filter(Boolean));
  // Longer terms and words first, so 前端开发 wins over 前端.
  const alternatives = (xs: Iterable<string>) => [...xs].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  // A Latin term is a whole word (HTML is not inside HTML5), as termsIn (skills.ts) finds it.
  const termWords = (xs: Iterable<string>) => [...xs].sort((a, b) => b.length - a.length).map((t) => `(?<![A-Za-z0-9.])${escapeRegExp(t)}(?![A-Za-z0-9])`).join('|');
  const parts = [`(?<masked>${MASKED})`];
  if (byTerm.size) parts.push(`(?<term>${termWords([...byTerm.values()].map((t) => t.term))})`);
  if (words.size) parts.push(`(?<mark>${alternatives(words)})`);
  return { re: new RegExp(parts.join('|'), 'giu'), terms: byTerm, highlight: new Set([...words].map((w) => w.toLowerCase())) };
}

/**
 * A piece of text as text nodes, with masked numbers, terms (only where `linkTerms`: not inside another
 * link; each term once) and highlighted words as elements.
 */
function textNodes(text: string, marks: Markers, linked: Set<string>, linkTerms: boolean): ElementContent[] {
  const out: ElementContent[] = [];
  const pushText = (value: string) => {
    if (!value) return;
    const last = out.at(-1);
    if (last?.type === 'text') last.value += value;
    else out.push({ type: 'text', value });
  };
  if (!marks.re) {
    pushText(text);
    return out;
  }
  let at = 0;
  for (const m of text.matchAll(marks.re)) {
    const g = m.groups ?? {};
    const found = m[0];
    let node: Element | null = null;
    if (g.masked) node = h('span.masked', { title: '个人号码已隐去' }, found);
    else if (g.term) {
      const term = marks.terms.get(found.toLowerCase());
      if (term && linkTerms && !linked.has(term.term)) {
        linked.add(term.term);
        node = h('a.term', { href: term.href, title: '名词解释' }, found);
      } else if (marks.highlight.has(found.toLowerCase())) node = h('mark', found);
    } else if (g.mark) node = h('mark', found);
    if (!node) continue;
    pushText(text.slice(at, m.index));
    out.push(node);
    at = m.index + found.length;
  }
  pushText(text.slice(at));
  return out;
}
