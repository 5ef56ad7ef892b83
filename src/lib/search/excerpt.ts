/**
 * Excerpts a reader can scan: Pagefind cuts its excerpt at a word count, anywhere in a sentence, and
 * joins the page's blocks (headings, paragraphs, table cells, the 文号/发文机关 fields) with ". " or a
 * space. `tidyExcerpt` turns that into text that starts and ends at a sentence or block boundary
 * (or says it does not, with …), never starts with punctuation, shows metadata fields as
 * “文号：… · 发文机关：…”, and never shows a skill row's position code (位置 l2-f5-w1-s2).
 * The marks (the matched words) are kept. Pure: used by the search page and the CLI.
 */
import type { Excerpt } from './engine.ts';

export interface TidyOptions {
  /** The hit's title: a first block that only repeats (part of) it, as the page's h1 does, is dropped. */
  title?: string;
  /** Longest excerpt kept, in characters (default 140); a longer one is cut at a boundary before it. */
  maxLength?: number;
  /** Values the card already shows (文号, 发文机关 …): a field holding one of them is left out. */
  shown?: string[];
}

/** One character of an excerpt and whether it is part of a match. */
interface Cell {
  c: string;
  m: boolean;
}

/**
 * Labels of the fields (dt) of the meta lists on document, certificate, organisation and skill pages
 * (DocMeta, cert-meta, org-meta, skill-meta). A block starting with a strong label is a field; a weak
 * label (also an ordinary word: 培训评价组织应…) makes a field only right after another field.
 */
const STRONG_LABELS = ['文号', '发文机关', '成文日期', '文种', '所附文件', '证书名称', '其他写法', '试点批次', '批次', '代码（原文）', '规范代码', '原文序号'];
const WEAK_LABELS = ['主送', '抄送', '培训评价组织', '职业技能等级标准', '证书', '等级', '类型', '出处', '注意'];
const byLength = (a: string, b: string) => b.length - a.length;
const LABELS = [...STRONG_LABELS, ...WEAK_LABELS].sort(byLength);

/** A skill row's position code with its label: 位置l2-f5-w1-s2, 位置 l0-f1. Never shown to a reader. */
export const POSITION_CODE = /位置\s*l\d+(?:-[a-z]\d+)*/gu;

/** Characters an excerpt must not start with. */
const LEADING_JUNK = /^[\s。，、；：！？）》」』】〕〉”’.,;:!?)\]}·…\-—]+/u;
/** A clause's own numbering at the start: the excerpt starts where the clause does (2. 学分银行…, （六）探索…, 一、…). */
const NUMBERING = /^\s*(?:\d+\.\s|\d+(?:\.\d+)+\s|[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|第[一二三四五六七八九十百\d]+[章条节])/u;
/** Where a sentence ends inside a block. */
const SENTENCE_END = /[。；！？]/u;
const FIELD_SEP = ' · ';

function cellsOf(text: string, m: boolean): Cell[] {
  return [...text].map((c) => ({ c, m }));
}
function textOf(cells: Cell[]): string {
  return cells.map((x) => x.c).join('');
}
const hasMark = (cells: Cell[]) => cells.some((x) => x.m);

/** Cells with runs of whitespace collapsed to one space and trimmed at both ends. */
function squeeze(cells: Cell[]): Cell[] {
  const out: Cell[] = [];
  for (const x of cells) {
    if (/\s/u.test(x.c)) {
      if (out.length && out.at(-1)!.c !== ' ') out.push({ c: ' ', m: x.m });
    } else out.push(x);
  }
  while (out.length && out.at(-1)!.c === ' ') out.pop();
  // A space inside a match (“Web 前端”) stays part of it; one beside a match does not.
  out.forEach((x, i) => {
    if (x.c === ' ' && x.m && !(out[i - 1]?.m && out[i + 1]?.m)) x.m = false;
  });
  return out;
}

/** Removes whatever a regular expression matches (global), keeping the marks of the rest; `by` replaces it. */
function remove(cells: Cell[], re: RegExp, by = ''): Cell[] {
  const text = textOf(cells);
  // Cells are code points; the regex indexes UTF-16 units: map one to the other.
  const unitToCell: number[] = [];
  cells.forEach((x, i) => {
    for (let k = 0; k < x.c.length; k++) unitToCell.push(i);
  });
  unitToCell.push(cells.length);
  const out: Cell[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const from = unitToCell[m.index!]!;
    const to = unitToCell[m.index! + m[0].length]!;
    out.push(...cells.slice(last, from), ...cellsOf(by, false));
    last = to;
  }
  out.push(...cells.slice(last));
  return out;
}

/**
 * Splits at Pagefind's block joints: ". " (or a final ".") after a block that did not end in
 * punctuation. A dot after a bare number (2. 学分银行, 1. 廊坊市…) is the source's own numbering.
 */
function blocks(cells: Cell[]): Cell[][] {
  const out: Cell[][] = [];
  let start = 0;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i]!.c !== '.' || cells[i]!.m) continue;
    const next = cells[i + 1];
    if (next && next.c !== ' ') continue;
    if (i === start) continue;
    // The token before the dot: since the block start or the last space.
    let j = i - 1;
    while (j >= start && cells[j]!.c !== ' ') j--;
    const token = textOf(cells.slice(j + 1, i));
    if (/^\d+(?:\.\d+)*$/u.test(token) && next) continue;
    if (token === '') continue;
    // “www.” at the very end is a word the window cut, not a block end.
    if (!next && /^[A-Za-z]+$/u.test(token)) continue;
    out.push(cells.slice(start, i));
    start = i + 1;
  }
  out.push(cells.slice(start));
  return out.map(squeeze).filter((b) => b.length > 0);
}

const labelAt = (text: string): string | undefined => LABELS.find((l) => text.startsWith(l) && text.length > l.length);

/** A field block “文号教职所〔2019〕341号” as “文号：教职所〔2019〕341号”; a block holding several (joined by a space after a quote) split. */
function fieldParts(block: Cell[]): Cell[][] {
  const text = textOf(block);
  // “其他写法“Web” 培训评价组织工业和信息化部…”: a second field after a space.
  const at: number[] = [0];
  for (let i = 1; i < block.length; i++) {
    if (block[i - 1]!.c === ' ' && labelAt(text.slice(i))) at.push(i);
  }
  return at.map((from, k) => {
    const part = squeeze(block.slice(from, at[k + 1] ?? block.length));
    const label = labelAt(textOf(part))!;
    const value = squeeze(part.slice(label.length));
    return [...part.slice(0, label.length), ...cellsOf('：', false), ...value];
  });
}

/** The excerpt as blocks, each a field (label：value) or running text. */
function structured(cells: Cell[]): { cells: Cell[]; field: boolean }[] {
  const out: { cells: Cell[]; field: boolean }[] = [];
  let inFields = false;
  for (const b of blocks(cells)) {
    const text = textOf(b);
    const strong = STRONG_LABELS.some((l) => text.startsWith(l) && text.length > l.length);
    const weak = !strong && inFields && WEAK_LABELS.some((l) => text.startsWith(l) && text.length > l.length);
    if (strong || weak) {
      for (const f of fieldParts(b)) out.push({ cells: f, field: true });
      inFields = true;
    } else if ((inFields && LABELS.includes(text)) || STRONG_LABELS.includes(text)) {
      // A label whose value the excerpt cut off: nothing to show.
    } else {
      out.push({ cells: b, field: false });
      inFields = false;
    }
  }
  return out;
}

/** Whether a block ends a sentence (so the next one starts one). */
const endsSentence = (b: Cell[]) => /[。；！？：”’）)》]$/u.test(textOf(b));

function joined(parts: { cells: Cell[]; field: boolean }[]): Cell[] {
  const out: Cell[] = [];
  parts.forEach((p, i) => {
    if (i > 0) {
      const prev = parts[i - 1]!;
      if (prev.field || p.field) out.push(...cellsOf(FIELD_SEP, false));
      else if (!endsSentence(prev.cells)) out.push({ c: ' ', m: false });
    }
    out.push(...p.cells);
  });
  return out;
}

/** Index just after the first sentence end or block joint in `cells` (positions in `joints`), or -1. */
function firstBoundary(cells: Cell[], joints: Set<number>, limit: number): number {
  for (let i = 0; i < Math.min(cells.length, limit); i++) {
    if (SENTENCE_END.test(cells[i]!.c) || joints.has(i + 1)) return i + 1;
  }
  return -1;
}
function lastBoundary(cells: Cell[], joints: Set<number>, from: number): number {
  for (let i = cells.length - 1; i >= from; i--) {
    if (SENTENCE_END.test(cells[i]!.c) || joints.has(i + 1)) return i + 1;
  }
  return -1;
}

const compact = (s: string) => s.replace(/[\s·：:]/gu, '');

function toExcerpt(cells: Cell[]): Excerpt {
  const out: Excerpt = [];
  for (const x of cells) {
    const prev = out.at(-1);
    if (prev && prev.mark === x.m) prev.text += x.c;
    else out.push({ text: x.c, mark: x.m });
  }
  return out;
}

export function tidyExcerpt(excerpt: Excerpt, options: TidyOptions = {}): Excerpt {
  const max = options.maxLength ?? 140;
  let cells: Cell[] = excerpt.flatMap((p) => cellsOf(p.text, p.mark));
  // Position codes go, their place kept by a space.
  cells = remove(cells, POSITION_CODE, ' ');
  // Did Pagefind's window start right after a sentence or block end (“。 （六）…”, “. 加快…”)?
  const raw = textOf(cells);
  const startsClean = /^\s*[。；！？.]\s/u.test(raw) || /^\s*[。；！？]/u.test(raw) || NUMBERING.test(raw);
  // …and end at one (“…方案.”, “…反馈学分银行。”)?
  const endsClean = /[.。；！？]\s*$/u.test(raw);
  cells = squeeze(cells);

  let parts = structured(cells);
  const shown = new Set((options.shown ?? []).map(compact));
  if (shown.size) {
    parts = parts.filter((p) => {
      if (!p.field) return true;
      const t = textOf(p.cells);
      return !shown.has(compact(t.slice(t.indexOf('：') + 1)));
    });
  }
  if (!parts.length) return [];

  // The title again (the page's h1, or its tail where the window started inside it): the card shows it.
  let atStart = startsClean;
  const title = options.title ? compact(options.title.replace(POSITION_CODE, '')) : '';
  if (title && !parts[0]!.field) {
    const first = compact(textOf(parts[0]!.cells));
    if (first.length >= 4 && title.includes(first)) {
      parts = parts.slice(1);
      atStart = true;
    }
  }
  // A field at the end of a window that stopped inside it (“成文日期：2019年…”) is cut: dropped unless it alone holds a match.
  let endClean = endsClean;
  const last = parts.at(-1);
  if (last?.field && !endsClean && (!hasMark(last.cells) || parts.slice(0, -1).some((p) => hasMark(p.cells)))) {
    parts = parts.slice(0, -1);
    endClean = true;
  }
  if (!parts.length) return [];

  // Joints between blocks, as cell positions in the joined text: boundaries to cut at.
  const joints = new Set<number>();
  let pos = 0;
  const sep = (i: number) => (i === 0 ? 0 : parts[i - 1]!.field || parts[i]!.field ? [...FIELD_SEP].length : endsSentence(parts[i - 1]!.cells) ? 0 : 1);
  parts.forEach((p, i) => {
    pos += sep(i);
    if (i > 0) joints.add(pos);
    pos += p.cells.length;
  });
  cells = joined(parts);
  if (endClean) joints.add(cells.length);

  // Start: no leading punctuation; a sentence started in the middle is dropped up to its end
  // when that loses no match and leaves enough, or marked with “…”.
  const junk = LEADING_JUNK.exec(textOf(cells));
  if (junk) {
    const n = [...junk[0]].length;
    if (SENTENCE_END.test(junk[0]) || junk[0].includes('.')) atStart = true;
    cells = cells.slice(n);
    for (const j of [...joints]) {
      joints.delete(j);
      if (j - n > 0) joints.add(j - n);
    }
  }
  let lead = false;
  if (!atStart && parts[0] && !parts[0].field) {
    const cut = firstBoundary(cells, joints, Math.ceil(cells.length * 0.6));
    if (cut > 0 && !hasMark(cells.slice(0, cut)) && hasMark(cells.slice(cut))) {
      let k = cut;
      while (k < cells.length && /[\s·]/u.test(cells[k]!.c)) k++;
      cells = cells.slice(k);
      for (const j of [...joints]) {
        joints.delete(j);
        if (j - k > 0) joints.add(j - k);
      }
    } else lead = true;
  }

  // End: at a boundary, or “…”; never longer than `max`.
  let trail = false;
  if (cells.length > max) {
    const cut = lastBoundary(cells.slice(0, max), joints, Math.floor(max * 0.5));
    if (cut > 0) cells = cells.slice(0, cut);
    else {
      cells = cells.slice(0, max);
      trail = true;
    }
  }
  if (!trail && !joints.has(cells.length) && !SENTENCE_END.test(cells.at(-1)?.c ?? '')) {
    const cut = lastBoundary(cells, joints, Math.floor(cells.length * 0.6));
    if (cut > 0 && cut < cells.length && !hasMark(cells.slice(cut))) cells = cells.slice(0, cut);
    else if (cut !== cells.length) trail = true;
  }
  cells = squeeze(cells);
  while (cells.length && /[\s·]/u.test(cells.at(-1)!.c)) cells.pop();
  while (cells.length && /^[\s·：]$/u.test(cells[0]!.c)) cells.shift();
  if (!cells.length) return [];
  if (lead) cells.unshift({ c: '…', m: false });
  if (trail) cells.push({ c: '…', m: false });
  return toExcerpt(cells);
}
