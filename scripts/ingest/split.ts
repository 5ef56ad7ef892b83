/**
 * Stage `split`: one source → its documents (as line ranges), plus a compilation's
 * own front matter (title, compiler, date, 目录) when it has one.
 *
 * A document starts where a 文号 stands with its title (above or below it), or
 * where a 目录 entry of the compilation is printed as a heading. Everything from
 * one start to the next belongs to the first.
 */
import type { VFile } from 'vfile';
import type { Coverage } from './coverage.ts';
import type { Line } from './read.ts';
import { dateLine, findDate } from '../../src/lib/text/dates.ts';
import { docNumberLine, trailingDocNumber } from '../../src/lib/text/docnumber.ts';
import { readLabels } from './text/labels.ts';
import { endsLikeTitle, isMasthead, titleKey, titleLike } from '../../src/lib/text/titles.ts';
import { removeExtractionSpaces as squeeze } from '../../src/lib/text/normalize.ts';

export interface TocEntry {
  title: string;
  page: number | null;
  line: number;
  /** Line of the heading in the body this entry points at, when found. */
  target: number | null;
}

export interface FrontMatter {
  title: string;
  compiler: string | null;
  date: string | null;
  toc: TocEntry[];
}

export interface Slice {
  /** Non-blank, non-noise lines of the document, in order. */
  lines: Line[];
  /** The 目录 entry that named this document, if any. */
  tocTitle: string | null;
}

export interface SplitResult {
  frontMatter: FrontMatter | null;
  slices: Slice[];
}

const TOC_HEAD = /^[\s\u3000]*目[\s\u3000]*录[\s\u3000]*$/u;
const TOC_ENTRY = /^(.+?)(?:[.．。·…]{2,}|\t)+\s*(\d{1,4})\s*$/u;

export function splitSource(file: VFile, cov: Coverage): SplitResult {
  const lines = cov.source.lines.filter((l) => l.text.trim() !== '' && !cov.isNoise(l.n));
  if (lines.length === 0) return { frontMatter: null, slices: [] };

  const frontMatter = readFrontMatter(lines, cov);
  const bodyFrom = frontMatter ? lines.findIndex((l) => !cov.get(l.n)) : 0;
  const body = bodyFrom < 0 ? [] : lines.slice(bodyFrom);

  const starts = new Map<number, string | null>(); // index in body → toc title
  const numbered = new Set<number>(); // starts found by a 文号
  body.forEach((l, i) => {
    const trailing = trailingDocNumber(l.text);
    if (docNumberLine(l.text) || (trailing && balanced(trailing.title) && !continuesSentence(body[i - 1]))) {
      const s = headStart(body, i);
      starts.set(s, null);
      numbered.add(s);
    }
  });

  if (frontMatter) {
    const candidates = headingCandidates(body);
    for (const entry of frontMatter.toc) {
      const i = findHeading(candidates, entry.title);
      if (i < 0) {
        file.message(`目录条目“${entry.title}”在正文中找不到对应标题`, {
          place: { line: entry.line, column: 1 },
          ruleId: 'toc-unmatched',
          source: 'split',
        });
        continue;
      }
      entry.target = body[i]!.n;
      // A 文号 just below the heading already started this document there or nearby.
      const near = [...numbered].find((s) => s >= i - 3 && s <= i);
      if (near !== undefined) starts.set(near, entry.title);
      else starts.set(i, entry.title);
    }
  }

  const order = [...starts.keys()].sort((a, b) => a - b);
  if (order[0] !== 0) order.unshift(0);
  const slices: Slice[] = [];
  for (let k = 0; k < order.length; k++) {
    const from = order[k]!;
    const to = order[k + 1] ?? body.length;
    const sliceLines = body.slice(from, to);
    const tocTitle = starts.get(from) ?? null;
    // A 目录 heading followed at once by the next document's heading only groups documents (政策梳理).
    if (frontMatter && tocTitle && sliceLines.length === 1) {
      cov.mark(sliceLines[0]!, { as: 'metadata', what: 'compilation-heading' });
      continue;
    }
    if (sliceLines.length > 0) slices.push({ lines: sliceLines, tocTitle });
  }
  return { frontMatter, slices };
}

/**
 * A compilation opens with its own title, compiler and date, then 目录.
 * Only a source with a 目录 has front matter; for any other the first line is a document's.
 */
function readFrontMatter(lines: Line[], cov: Coverage): FrontMatter | null {
  const tocAt = lines.findIndex((l) => TOC_HEAD.test(l.text));
  if (tocAt < 0 || tocAt > 8) return null;
  const before = lines.slice(0, tocAt);
  const toc: TocEntry[] = [];
  let k = tocAt + 1;
  for (; k < lines.length; k++) {
    const m = TOC_ENTRY.exec(lines[k]!.text);
    if (!m) break;
    toc.push({ title: squeeze(m[1]!.replace(/[.．。·…]+$/u, '')), page: Number(m[2]), line: lines[k]!.n, target: null });
  }
  if (toc.length === 0) return null;
  cov.markAll(before, { as: 'noise', reason: 'compilation-front-matter' });
  cov.markAll(lines.slice(tocAt, k), { as: 'noise', reason: 'table-of-contents' });
  const title = before[0] ? squeeze(before[0].text).replace(/^《(.*)》$/u, '$1') : '';
  let date: string | null = null;
  let compiler: string | null = null;
  for (const l of before.slice(1)) {
    const t = squeeze(l.text);
    const ym = /^(\d{4})\s*年\s*(\d{1,2})\s*月$/u.exec(t);
    if (dateLine(t)) date = dateLine(t);
    else if (ym) date = `${ym[1]}-${ym[2]!.padStart(2, '0')}`;
    else if (!compiler) compiler = t;
  }
  return { title, compiler, date, toc };
}

/**
 * Where the head of the document whose 文号 is at `i` begins: its title above the
 * 文号 when the line above ends like a title, else the 文号 itself (title below,
 * or a 版头 above that belongs to the same head).
 */
function headStart(body: Line[], i: number): number {
  if (trailingDocNumber(body[i]!.text)) return i;
  let start = i;
  // Title above: up to three title-like lines ending like a title.
  if (i > 0 && titleLike(body[i - 1]!.text) && endsLikeTitle(body[i - 1]!.text)) {
    start = i - 1;
    while (start > 0 && i - start < 3 && wrappedTitleLine(body[start - 1]!.text) && !isSignatureOrDate(body, start - 1)) start--;
    return start;
  }
  // 版头 above the 文号: short lines with no punctuation, e.g. “山东省教育厅处室函件”, “文 件”.
  while (start > 0 && i - start < 3 && isMasthead(body[start - 1]!.text) && !isSignatureOrDate(body, start - 1)) start--;
  return start;
}

/** 《》 and （） pair up within the text. */
export function balanced(text: string): boolean {
  return text.split('《').length === text.split('》').length && text.split('（').length === text.split('）').length;
}

/** The line before ends mid-sentence, so the next line is its continuation, not a heading. */
function continuesSentence(prev: Line | undefined): boolean {
  if (!prev) return false;
  const t = prev.text.trim();
  return t !== '' && !/[。！？；：:”》）)]$/u.test(t) && !titleLike(t);
}

/** The first lines of a title wrapped over several: title-like, unnumbered, not a table row. */
function wrappedTitleLine(text: string): boolean {
  return titleLike(text) && !endsLikeTitle(text) && !text.includes('\t') && readLabels(text).length === 0 && !/[，、：:]$/u.test(text.trim());
}

/** The line closes the previous document: a date, or an issuer right above a date. */
function isSignatureOrDate(body: Line[], i: number): boolean {
  if (dateLine(body[i]!.text)) return true;
  const next = body[i + 1];
  return next !== undefined && dateLine(next.text) !== null;
}

/**
 * The body line a 目录 entry names, compared without spaces, quotes or bracket styles.
 * The earliest heading wins: a 印发 notice (《X》的通知) comes before the X it carries.
 */
function findHeading(candidates: Array<HeadingCandidate | null>, title: string): number {
  const key = titleKey(title);
  return candidates.findIndex((c) => {
    if (c === null) return false;
    const k = c.key;
    if (k === key) return true;
    return k.includes(key) && k.length <= key.length + 30 && (k.endsWith(key) || endsLikeTitle(c.text));
  });
}

interface HeadingCandidate {
  /** The line's title text (its 文号 removed), and that text's title key. */
  text: string;
  key: string;
}

/** What findHeading compares, per body line, computed once per source (null: the line cannot be a heading). */
function headingCandidates(body: Line[]): Array<HeadingCandidate | null> {
  return body.map((l) => {
    const t = trailingDocNumber(l.text)?.title ?? l.text;
    if (!titleLike(t) || findDate(t)) return null;
    return { text: t, key: titleKey(t) };
  });
}
