/**
 * Stage `structure`: a part's lines → a clause tree.
 *
 * 1. blocks: wrapped lines are rejoined into paragraphs; tab-separated lines become tables;
 * 2. labels: each paragraph's printed number is read (labels.ts), and the reading that
 *    continues the numbering in force is kept;
 * 3. tree: numbering styles nest in the order they first appear (一、 then （一） then 1. …),
 *    as a reader of 公文 infers them; an unnumbered paragraph belongs to the nearest heading.
 *
 * `structureDocument` runs the stage over one document whose elements the elements stage has read
 * (elements.ts): the clause tree of its text, of the document a 印发 notice carries, and of each attachment.
 * Every clause, table row and cell gets its position in the source, and every clause the
 * source map of its text (`lineStarts`, read with positions.ts `pointAt`).
 */
import type { VFile } from 'vfile';
import type { Clause, Position, SourcePoint, Table, TableCell, TableRow } from '../../src/schema/corpus.ts';
import type { Coverage } from './coverage.ts';
import type { DocElements, Part } from './elements.ts';
import type { Line } from './parse/lines.ts';
import type { Slice } from './split.ts';
import { type LawScope, articleItemAnchor, inArticle, kuanAnchor } from './structure/articles.ts';
import { type Origin, align, columnOf, lineStartsOf, mappedFrom, mappedLines, positionOfLines } from './structure/sourcemap.ts';
import { type Label, anchorPart, readLabels } from './text/labels.ts';
import { removeExtractionSpaces, removeLetterSpacing } from '../../src/lib/text/normalize.ts';

export interface Block {
  kind: 'paragraph' | 'table';
  text: string;
  lines: Line[];
  /** Where each character of `text` was printed (empty for a table). */
  origins: Origin[];
  /** From the block's first printed character to the end of its last line. */
  position: Position;
  table?: Table;
}

export interface PartScope {
  /** Prefix of anchors of numbered clauses (`a1-` in 附件 1). */
  numbered: string;
  /** Prefix of ordinal anchors of unnumbered top-level paragraphs. */
  plain: string;
}

/**
 * A sentence end: Chinese, or a Latin full stop after an English word or a bracket (`… button.`,
 * `(Submit for review).`), not a number's point or a web address broken at its dots (`网址：www.`).
 */
const TERMINAL = /(?:[。！？；!?;]|(?<=\s[A-Za-z]{2,}|[)”"）])\.)[”’"」』）)]*$/u;
const COLON_END = /[:：]$/u;
const BULLET = /^(?:[-*][\s\u3000]+\S|[●•·▪■◆])/u;
const FIELD_LINE = /^[\s\u3000]*[\p{Script=Han}\s]{2,8}[:：]/u;

/** Display width: CJK and full-width forms count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/** The width at which a document's lines wrap: the 80th percentile of its line widths. */
export function wrapWidth(lines: Line[]): number {
  const ws = lines.filter((l) => !l.text.includes('\t')).map((l) => displayWidth(l.text.trim())).sort((a, b) => a - b);
  if (ws.length < 4) return Infinity;
  return ws[Math.floor(ws.length * 0.8)]!;
}

/** Does `next` continue the paragraph `prev` ends? */
export function continues(prev: string, next: string, width: number): boolean {
  const p = prev.trim();
  const n = next.trim();
  if (startsItem(n)) return false;
  // A bullet (`- `, `* `, ●, •) starts an item of its own, however long the line before it runs.
  if (BULLET.test(n)) return false;
  if (TERMINAL.test(p) || COLON_END.test(p)) return false;
  if (unbalanced(p)) return true;
  // A short numbered line with no sentence in it is a heading: （七）建立健全监督、管理与服务机制
  const label = readLabels(stripMarkdown(p))[0];
  if (label && !/，/u.test(label.rest) && displayWidth(p) < width * 0.8 && removeExtractionSpaces(label.rest).length <= 30) return false;
  if (/^(?:——|—|•|·)/u.test(n)) return false;
  if (displayWidth(p) >= width * 0.8) return true;
  if (FIELD_LINE.test(n)) return false;
  // A page break in the middle of a sentence: the line has a comma and stops mid-clause.
  return /[，、,]/u.test(p) && /^[\p{Script=Han}A-Za-z0-9“"《（(]/u.test(n) && !/^(附件|附表)/u.test(n);
}

/**
 * Does line `next` continue the paragraph that `prev` ends? A PDF's layout says so where it can
 * (`next.wrap`: ran to the right edge / starts at the left edge, or indented: parse/pdf.ts); a
 * numbered item starts its own paragraph all the same. Otherwise the rules for text (`continues`).
 */
function wraps(prev: Line, next: Line, width: number): boolean {
  if (next.wrap === true) return !startsItem(next.text) || unbalanced(prev.text);
  if (next.wrap === false) return false;
  return continues(prev.text, next.text, width);
}

function startsItem(text: string): boolean {
  const t = stripMarkdown(text);
  // `1000. 事项` starts an item; `2019.5 …` does not.
  return readLabels(t).some((l) => (l.style !== 'dotted1' || t.length < 30) && (l.value <= 99 || !/^\d+[.．]\d/u.test(t))) || /^(附件|附表)[\s\d：:]/u.test(t);
}

/** An opening bracket or quote the line does not close. */
function unbalanced(t: string): boolean {
  const pairs: Array<[string, string]> = [['（', '）'], ['(', ')'], ['《', '》'], ['“', '”'], ['〔', '〕'], ['[', ']']];
  return pairs.some(([o, c]) => t.split(o).length > t.split(c).length);
}

/** Extraction left Markdown marks: `- ` bullets, `**bold**`, `<https://…>` autolinks. */
function stripMarkdown(t: string): string {
  return t
    .replace(/^[\s\u3000]*[-*][\s\u3000]+(?=\S)/u, '')
    .replace(/\*\*/gu, '')
    .replace(/<(https?:\/\/[^>\s]+)>/gu, '$1')
    .trim();
}

/**
 * Join wrapped lines: nothing between Chinese, one space between Latin words; a space where a PDF's
 * layout says the wrap swallowed one (`spaced[k]`, parse/pdf.ts).
 */
function joinLines(parts: string[], spaced: boolean[] = []): string {
  let out = '';
  parts.forEach((raw, k) => {
    const p = raw.trim();
    if (!out) out = p;
    else out += spaced[k] || (/[A-Za-z0-9,.;:]$/u.test(out) && /^[A-Za-z0-9(]/u.test(p)) ? ` ${p}` : p;
  });
  return removeLetterSpacing(out);
}

export function toBlocks(lines: Line[], width: number, cov: Coverage, docId: string): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.text.includes('\t')) {
      const rows: Line[] = [];
      while (i < lines.length && lines[i]!.text.includes('\t')) rows.push(lines[i++]!);
      blocks.push(toTable(rows, cov, docId));
      continue;
    }
    const group = [line];
    i++;
    while (i < lines.length && !lines[i]!.text.includes('\t') && wraps(group[group.length - 1]!, lines[i]!, width)) {
      group.push(lines[i++]!);
    }
    const text = joinLines(
      group.map((l) => stripMarkdown(l.text)),
      group.map((l) => l.space === true),
    );
    if (text) blocks.push({ kind: 'paragraph', text, lines: group, origins: align(text, mappedLines(group)), position: positionOfLines(group) });
  }
  for (const b of blocks) for (const l of b.lines) cov.mark(l, { as: 'document', doc: docId });
  return splitLeadIns(blocks);
}

/** A short lead-in and the first item of a list on one line: 注：1. … (2. … follows on the next line). */
const LEAD_IN = /^[\p{Script=Han}]{1,6}[:：][\s\u3000]*/u;

/**
 * `注: 1. “报送单位”为…` followed by `2. …`: the lead-in is a paragraph of its own and the item
 * is numbered like the items after it.
 */
function splitLeadIns(blocks: Block[]): Block[] {
  const out: Block[] = [];
  blocks.forEach((b, k) => {
    const lead = b.kind === 'paragraph' ? LEAD_IN.exec(b.text) : null;
    const next = blocks[k + 1];
    if (!lead || !next || next.kind !== 'paragraph') return out.push(b);
    const item = b.text.slice(lead[0].length);
    const first = readLabels(item).find((l) => l.value === 1 && !l.path);
    if (!first || !readLabels(next.text).some((l) => l.style === first.style && l.value === 2)) return out.push(b);
    const head = lead[0].trimEnd();
    const at = b.origins[lead[0].length]!;
    const end = b.origins[head.length - 1]!;
    out.push({ kind: 'paragraph', text: head, lines: [b.lines[0]!], origins: b.origins.slice(0, head.length), position: { start: b.position.start, end: { line: end[0], column: end[1] + 1 } } });
    out.push({ kind: 'paragraph', text: item, lines: b.lines, origins: b.origins.slice(lead[0].length), position: { start: { line: at[0], column: at[1] }, end: b.position.end } });
  });
  return out;
}

function toTable(lines: Line[], cov: Coverage, docId: string): Block {
  const rows: TableRow[] = lines.map(toRow);
  const first = rows[0]!;
  const isHeader =
    rows.length > 1 &&
    first.cells.every((c) => c.text.length <= 16 && !/[。；]/u.test(c.text) && !/^\d+$/u.test(c.text)) &&
    first.cells.filter((c) => c.text !== '').length >= 2;
  const header = isHeader ? first : null;
  const body: TableRow[] = [];
  const headerKey = header ? header.cells.map((c) => c.text).join('\t') : null;
  for (const r of isHeader ? rows.slice(1) : rows) {
    if (headerKey !== null && r.cells.map((c) => c.text).join('\t') === headerKey) {
      cov.mark(r.line, { as: 'noise', reason: 'repeated-table-header' });
      continue;
    }
    body.push(r);
  }
  for (const l of lines) cov.mark(l, { as: 'document', doc: docId });
  const table: Table = { header, rows: body };
  const text = [header, ...body].filter((r): r is TableRow => r !== null).map((r) => r.cells.map((c) => c.text).join(' | ')).join('\n');
  const kept = lines.filter((l) => !cov.isNoise(l.n));
  return { kind: 'table', text, lines: kept, origins: [], position: positionOfLines(kept.length ? kept : lines), table };
}

/** A tab-separated line → a row; each cell's position is its text's span between the tabs. */
function toRow(l: Line): TableRow {
  const cells: TableCell[] = [];
  let from = 0;
  for (const raw of l.text.split('\t')) {
    const lead = raw.length - raw.trimStart().length;
    const start = from + (raw.trim() === '' ? 0 : lead);
    const end = raw.trim() === '' ? start : from + raw.trimEnd().length;
    cells.push({ ...toCell(raw), position: { start: { line: l.n, column: columnOf(l, start) }, end: { line: l.n, column: columnOf(l, end) } } });
    from += raw.length + 1;
  }
  return { line: l.n, position: positionOfLines([l]), cells };
}

/** A cell as text; an `<ol>` fragment or an inline “1. … 2. …” becomes list items. Never HTML. */
export function toCell(raw: string): Omit<TableCell, 'position'> {
  let t = raw.trim();
  const hadList = /<\/?(?:ol|ul|li)\b[^>]*>/iu.test(t);
  t = t.replace(/<\/?(?:ol|ul|li|p|br)\b[^>]*>/giu, ' ').replace(/\s+/gu, ' ').trim();
  // `1. 能…` items; a dotted number (1.1.1 环境准备) is a code, not an item.
  const parts = t.split(/(?:^|\s)(\d{1,2})[.．](?!\d)\s*(?=\S)/u);
  // split with a capture group: [before, n1, text1, n2, text2, …]
  if ((hadList || /^1[.．](?!\d)\s*\S/u.test(t)) && parts.length >= 3 && parts[1] === '1') {
    const items = [];
    for (let k = 1; k + 1 < parts.length; k += 2) items.push({ label: `${parts[k]}.`, text: parts[k + 1]!.trim() });
    if (parts[0]!.trim()) items.unshift({ label: null, text: parts[0]!.trim() });
    return { text: items.map((it) => (it.label ? `${it.label} ${it.text}` : it.text)).join(' '), items };
  }
  const text = removeLetterSpacing(t);
  // The cell as printed is kept when letter spacing was removed: where the spaces stood tells names apart (李 凯 徐庆振).
  return text === t ? { text } : { text, printed: t };
}

/** Numbered list items: a paragraph after the last item is not part of it. */
const LIST_STYLES = new Set<Label['style']>(['ar-dot', 'ar-dun', 'ar-paren', 'circled']);

interface Open {
  label: Label;
  node: Clause;
}

/**
 * Build the clause tree of one part. Anchors: numbered clauses by their numbering
 * path (`s2-5`), articles by number (`art11`), the rest by ordinal in their parent.
 * Inside an article (第X条) the path is the law's (structure/articles.ts): an unnumbered paragraph
 * is the article's next 款 (`art34-2`), a numbered one a 项 or 目 of the 款 in force (`art34-1-4`,
 * `art34-1-4-2`), and only 编/章/节 are headings (a chapter inside a 编: `pt2-ch1`).
 */
export function toClauses(file: VFile, blocks: Block[], scope: PartScope, used: Set<string>): Clause[] {
  const top: Clause[] = [];
  const stack: Open[] = [];
  const ordinals = new Map<Clause | null, { p: number; t: number }>();
  const kuanNodes = new Set<Clause>();

  const anchorFor = (wanted: string, at: SourcePoint): string => {
    let a = wanted;
    for (let k = 2; used.has(a); k++) a = `${wanted}-${k}`;
    if (a !== wanted) {
      file.message(`锚点 ${wanted} 已被占用（编号重复），本条改用 ${a}`, { place: { line: at.line, column: 1 }, ruleId: 'duplicate-anchor', source: 'structure' });
    }
    used.add(a);
    return a;
  };
  const ordinal = (parent: Clause | null, kind: 'p' | 't'): string => {
    const o = ordinals.get(parent) ?? { p: 0, t: 0 };
    o[kind]++;
    ordinals.set(parent, o);
    return parent ? `${parent.anchor}-${kind}${o[kind]}` : `${scope.plain}${kind}${o[kind]}`;
  };
  const attach = (node: Clause, parent: Clause | null) => (parent ? parent.children.push(node) : top.push(node));
  /** The article in force, while it is on the stack. */
  let law: LawScope | null = null;
  /** The number of the last article read: a chapter closes it, the next article continues it (第一百零六条 after 第十三章). */
  let lastArticle = 0;
  const lawInForce = (): LawScope | null => (law && stack[law.at]?.node === law.article ? law : (law = null));
  /** Where a clause goes: the innermost open clause; directly under an article, its 款 in force. */
  const parentNow = (): Clause | null => {
    const l = lawInForce();
    const top = stack.at(-1)?.node ?? null;
    return l && top === l.article ? (l.kuanNode ?? l.article) : top;
  };

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const source = { file: file.basename!, line: block.lines[0]!.n };
    if (block.kind === 'table') {
      const width = block.table!.header?.cells.length;
      for (const row of width ? block.table!.rows : []) {
        const used = row.cells.length - [...row.cells].reverse().findIndex((c) => c.text !== '');
        if (used > width!) {
          file.message(`表格行有 ${used} 格，表头只有 ${width} 格；多出的格照原样保留`, { place: { line: row.line, column: 1 }, ruleId: 'ragged-table-row', source: 'structure' });
        }
      }
      const parent = parentNow();
      const position = block.position;
      const lineStarts = lineStartsOf([], [position.start.line, position.start.column]);
      attach({ anchor: anchorFor(ordinal(parent, 't'), source), kind: 'table', label: null, heading: null, text: '', table: block.table!, source, position, lineStarts, children: [] }, parent);
      continue;
    }
    const label = chooseLabel(readLabels(block.text), stack, lastArticle);
    const inLaw = lawInForce();
    if (!label && inLaw) {
      // An article's next 款: the 项 and 目 of the 款 before it are closed.
      stack.length = inLaw.at + 1;
      inLaw.kuan++;
      const lineStarts = lineStartsOf(block.origins, [block.position.start.line, block.position.start.column]);
      const node: Clause = { anchor: anchorFor(kuanAnchor(inLaw), source), kind: 'paragraph', label: null, heading: null, text: block.text, source, position: block.position, lineStarts, children: [] };
      attach(node, inLaw.article);
      inLaw.kuanNode = node;
      kuanNodes.add(node);
      continue;
    }
    if (!label) {
      // An unnumbered paragraph closes numbered items that are plain paragraphs (1.… 2.… then a closing remark).
      // (An article's second paragraph is its 第二款, so articles stay open.)
      while (stack.length && LIST_STYLES.has(stack.at(-1)!.label.style) && stack.at(-1)!.node.heading === null && stack.at(-1)!.node.text !== '') stack.pop();
      const parent = stack.at(-1)?.node ?? null;
      const lineStarts = lineStartsOf(block.origins, [block.position.start.line, block.position.start.column]);
      attach({ anchor: anchorFor(ordinal(parent, 'p'), source), kind: 'paragraph', label: null, heading: null, text: block.text, source, position: block.position, lineStarts, children: [] }, parent);
      continue;
    }
    const at = stack.findIndex((o) => o.label.style === label.style);
    if (at >= 0) {
      const prev = stack[at]!.label.value;
      if (label.value !== prev + 1 && label.value !== 1) {
        file.message(`编号不连续：${stack[at]!.label.printed} 之后是 ${label.printed}`, { place: { line: source.line, column: 1 }, ruleId: 'numbering-gap', source: 'structure' });
      }
      stack.length = at;
    }
    const articleBody = inArticle(label) ? lawInForce() : null;
    // An article and its 项 and 目 are text, never headings (第十三条 职业学校教育分为初等、中等、高等职业学校教育。).
    const { heading, text } = label.style === 'article' || articleBody ? { heading: null, text: label.rest.trim() } : splitHeading(label.rest, blocks[b + 1], label);
    const parent = parentNow();
    const node: Clause = {
      anchor: anchorFor(articleBody ? articleItemAnchor(articleBody, stack, label) : numberedAnchor(label, stack, scope), source),
      kind: heading !== null && text === '' ? 'section' : 'paragraph',
      label: label.printed,
      heading,
      text,
      source,
      position: block.position,
      lineStarts: labelledLineStarts(block, label, heading, text),
      children: [],
    };
    attach(node, parent);
    stack.push({ label, node });
    if (label.style === 'article') {
      law = { article: node, at: stack.length - 1, kuan: 1, kuanNode: null };
      lastArticle = label.value;
    }
  }
  // A numbered clause with children is a section whatever its text.
  const settle = (cs: Clause[]) => {
    for (const c of cs) {
      if (c.children.length && c.kind === 'paragraph' && (c.label || kuanNodes.has(c))) c.kind = 'section';
      settle(c.children);
    }
  };
  settle(top);
  return top;
}

/**
 * The source map of a numbered clause's text, or of its heading when it has no text. Both are
 * cut from the block's text after its label: the text is always the block's tail (splitHeading
 * only trims and splits), the heading is aligned against the label's rest.
 */
function labelledLineStarts(block: Block, label: Label, heading: string | null, text: string): Array<[number, number, number]> {
  const whole = { text: block.text, origins: block.origins };
  const start: Origin = [block.position.start.line, block.position.start.column];
  if (text !== '') return lineStartsOf(mappedFrom(whole, block.text.length - text.length).origins, start);
  const rest = label.rest.trim();
  const restMap = mappedFrom(whole, Math.max(0, block.text.length - rest.length));
  if (heading !== null) return lineStartsOf(align(heading, restMap), start);
  // A bare label: its (empty) text stands right after the label.
  const last = block.origins.at(-1);
  return lineStartsOf([], last ? [last[0], last[1] + 1] : start);
}

function numberedAnchor(label: Label, stack: Open[], scope: PartScope): string {
  if (label.style === 'article') return `${scope.numbered}art${label.value}`;
  // 编 (part) → pt2; a chapter inside a 编 → pt2-ch1, as chapters restart in each 编 (a law without 编 keeps ch1).
  const part = stack.find((o) => o.label.style === 'part');
  const inPart = part ? `pt${part.label.value}-` : '';
  if (label.style === 'part') return `${scope.numbered}pt${label.value}`;
  if (label.style === 'chapter') return `${scope.numbered}${inPart}ch${label.value}`;
  if (label.path) return `${scope.numbered}s${anchorPart(label)}`;
  // A dotted ancestor (1.7) carries its whole path; plain ancestors add their number.
  const path: string[] = [];
  for (const o of stack) {
    if (o.label.style === 'part' || o.label.style === 'chapter' || o.label.style === 'section' || o.label.style === 'article') continue;
    if (o.label.path) path.splice(0, path.length, anchorPart(o.label));
    else path.push(anchorPart(o.label));
  }
  if (label.style === 'section') {
    const ch = stack.find((o) => o.label.style === 'chapter');
    return `${scope.numbered}${inPart}${ch ? `ch${ch.label.value}-` : ''}sec${label.value}`;
  }
  return `${scope.numbered}s${[...path, anchorPart(label)].join('-')}`;
}

/**
 * The reading of a line's label that continues the numbering in force, if any does. `lastArticle`: the
 * number of the last 第X条 read in this part (0 if none), which a 第X章 closed but the next article continues.
 */
function chooseLabel(all: Label[], stack: Open[], lastArticle = 0): Label | null {
  // A number above 99 (2019. or 1000.) is an item only when it continues a list in force (within a few numbers).
  const continues = (l: Label, value: number) => l.value > value && l.value <= value + 10;
  const continuesList = (l: Label) =>
    stack.some((o) => o.label.style === l.style && continues(l, o.label.value)) || (l.style === 'article' && lastArticle > 0 && continues(l, lastArticle));
  const candidates = all.filter((l) => l.value <= 99 || continuesList(l));
  if (candidates.length === 0) return null;
  const inForce = (l: Label) => stack.find((o) => o.label.style === l.style);
  const next = candidates.find((l) => inForce(l) && l.value === inForce(l)!.label.value + 1 && dottedFits(l, stack));
  if (next) return next;
  const fresh = candidates.find((l) => !inForce(l) && l.value === 1 && dottedFits(l, stack));
  if (fresh) return fresh;
  const later = candidates.find((l) => inForce(l) && l.value > inForce(l)!.label.value && dottedFits(l, stack));
  if (later) return later;
  const restart = candidates.find((l) => inForce(l) && l.value === 1);
  if (restart) return restart;
  // A first item numbered other than 1 (a list whose start the extraction lost) still numbers.
  const any = candidates.find((l) => !l.path && l.style !== 'dotted1');
  return any ?? candidates.find((l) => l.path && dottedFits(l, stack)) ?? null;
}

/** 1.7.1 fits under 1.7; 2.1 does not fit under 1.7. */
function dottedFits(l: Label, stack: Open[]): boolean {
  if (!l.path || l.path.length === 1) return true;
  const parent = [...stack].reverse().find((o) => o.label.path && o.label.path.length === l.path!.length - 1);
  if (!parent) return l.path.every((v, k) => k === l.path!.length - 1 || v >= 1);
  return parent.label.path!.every((v, k) => v === l.path![k]);
}

/**
 * A label's line is a heading when it is short and ends without a full stop, or is
 * one short sentence followed by unnumbered text; an inline heading (（一）总体要求。以…)
 * is split from its text.
 */
function splitHeading(rest: string, next: Block | undefined, label: Label): { heading: string | null; text: string } {
  const r = rest.trim();
  if (r === '') return { heading: null, text: '' };
  const nextUnnumbered = next !== undefined && next.kind === 'paragraph' && readLabels(next.text).every((l) => l.style !== label.style);
  // A short list item followed by its next sibling is an item, not a heading: (1) 明确… (2) 分解…
  const listItem = LIST_STYLES.has(label.style) && !nextUnnumbered;
  // Headings are letter-spaced for typesetting (总　　则); the words are what a reader cites.
  if (!listItem && !/[。；！？]/u.test(r) && !/[:：]$/u.test(r) && removeExtractionSpaces(r).length <= 40) return { heading: removeExtractionSpaces(r), text: '' };
  const one = /^([^。；！？，]{2,24})。$/u.exec(r);
  if (one && nextUnnumbered) return { heading: one[1]!, text: '' };
  const inline = /^([^。；！？，]{2,20})。(.+)$/u.exec(r);
  if (inline && label.style !== 'ar-dot' && label.style !== 'ar-paren') return { heading: inline[1]!, text: inline[2]!.trim() };
  return { heading: null, text: r };
}

/** One document as read from one source, before variants are merged. */
export interface Draft {
  file: string;
  startLine: number;
  endLine: number;
  elements: DocElements;
  clauses: Clause[];
  /** Provisional id (from this source alone), used to mark coverage. */
  key: string;
}

/**
 * The structure stage over one slice of a source whose elements (`el`) the elements stage read:
 * the clause tree of the text, the enclosure and each attachment, with anchors unique in the
 * document. Marks every line it uses in `cov`; `key` names the document in those marks.
 */
export function structureDocument(vf: VFile, cov: Coverage, slice: Slice, key: string, el: DocElements): Draft {
  const meta = (lines: { n: number }[], what: string) => lines.forEach((l) => cov.mark(l.n, { as: 'metadata', what }));
  const width = wrapWidth(slice.lines);
  const used = new Set<string>();
  const clauses: Clause[] = toClauses(vf, toBlocks([...el.body, ...el.trailing], width, cov, key), { numbered: '', plain: '' }, used);
  const partClause = (p: Part, anchor: string, kind: 'enclosure' | 'attachment', scope: PartScope): Clause => {
    meta(p.headLines, kind);
    used.add(anchor);
    const position = positionOfLines(p.headLines);
    const start: Origin = [position.start.line, position.start.column];
    return {
      anchor,
      kind,
      label: p.label,
      heading: p.title,
      text: '',
      source: { file: vf.basename!, line: p.line },
      position,
      lineStarts: lineStartsOf(p.title ? align(p.title, mappedLines(p.headLines), true) : [], start),
      children: toClauses(vf, toBlocks(p.lines, width, cov, key), scope, used),
    };
  };
  if (el.enclosure) clauses.push(partClause(el.enclosure, 'e', 'enclosure', { numbered: '', plain: 'e-' }));
  el.attachments.forEach((a, k) => {
    const n = /(\d+(?:-\d+)?)$/u.exec(a.label ?? '')?.[1] ?? String(k + 1);
    const base = a.label?.startsWith('附表') ? `at${n}` : `a${n}`;
    let anchor = base;
    for (let j = 2; used.has(anchor); j++) anchor = `${base}-${j}`;
    clauses.push(partClause(a, anchor, 'attachment', { numbered: `${anchor}-`, plain: `${anchor}-` }));
  });
  return { file: vf.basename!, startLine: slice.lines[0]!.n, endLine: slice.lines.at(-1)!.n, elements: el, clauses, key };
}
