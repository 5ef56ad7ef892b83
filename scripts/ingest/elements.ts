/**
 * Stage `elements`: the parts of a 公文 (GB/T 9704-2012) in one document's lines.
 *
 * 版头 (发文机关标志, 发文字号) → 标题 → 主送机关 → 正文 (with 附件说明) → 署名 → 成文日期
 * → [the document a 印发 notice carries] → 附件 … → 版记 (抄送).
 *
 * Extraction moves things: a title printed in the middle of the first paragraph,
 * a signature printed after the first attachment. Both are found and reported.
 */
import type { VFile } from 'vfile';
import type { Coverage } from './coverage.ts';
import type { Line } from './parse/lines.ts';
import { type Slice, balanced } from './split.ts';
import { dateLine, findDate } from '../../src/lib/text/dates.ts';
import { readLabels } from './text/labels.ts';
import { headerHistory, versionDate } from './laws/history.ts';
import { lawContents } from './laws/contents.ts';
import { lawTitle } from './laws/names.ts';
import type { LawHistoryEntry } from '../../src/schema/laws.ts';
import { type DocNumber, docNumberLine, findDocNumbers, trailingDocNumber } from '../../src/lib/text/docnumber.ts';
import { endsLikeTitle, enclosedTitleOf, isMasthead, titleKey, titleLike } from '../../src/lib/text/titles.ts';
import { removeExtractionSpaces } from '../../src/lib/text/normalize.ts';

export interface Part {
  /** 附件 1 → "附件1"; the enclosure and the main text have none. */
  label: string | null;
  title: string | null;
  /** Line of the label or title. */
  line: number;
  /** The lines that printed the label and title. */
  headLines: Line[];
  lines: Line[];
}

export interface DocElements {
  title: string;
  titleLines: Line[];
  docNumber: DocNumber | null;
  docNumberLines: Line[];
  masthead: Line[];
  addressees: string[];
  addresseeLines: Line[];
  /** 正文 */
  body: Line[];
  attachmentNote: Array<{ label: string | null; title: string }>;
  attachmentNoteLines: Line[];
  signature: string[];
  signatureLines: Line[];
  date: string | null;
  dateLines: Line[];
  copiedTo: string[];
  copiedToLines: Line[];
  /** Lines after the date that belong to no attachment (download links…). */
  trailing: Line[];
  enclosure: Part | null;
  attachments: Part[];
  /**
   * A law's header lines under its title (…通过, …修正, …修订, …公布: laws/history.ts), which date it:
   * the document's `date` is then its version's (latest 通过/修正/修订, else 公布). Empty for anything else.
   */
  lawHistory: LawHistoryEntry[];
  lawHistoryLines: Line[];
  /** A law's 目录 before its text (laws/contents.ts): a table of contents, not chapters. */
  lawContentsLines: Line[];
}

const ATTACHMENT_HEADING = /^[\s\u3000]*(附件|附表)[\s\u3000]*([0-9０-９]+(?:[-－][0-9]+)?)?[\s\u3000]*[:：]?[\s\u3000]*(.*)$/u;
const NOTE_START = /^[\s\u3000]*(?:[-*][\s\u3000]+)?附件(?:（节选）|\(节选\))?[\s\u3000]*[:：]/u;
const COPIED = /^[\s\u3000]*(抄送|抄报)[\s\u3000]*[:：](.*)$/u;

/**
 * `context` is every line of the source: a title printed without its end (a web page's heading
 * 印发《X》 for the notice 印发《X》的通知) is completed where the source quotes it with its 文号.
 */
/**
 * The elements stage over one document: its parts read (readElements), and the lines that printed
 * 版头, 文号, 标题, 主送, 附件说明, 署名, 成文日期 and 抄送 marked as the document's metadata.
 */
export function documentElements(file: VFile, cov: Coverage, slice: Slice): DocElements {
  const el = readElements(file, slice, cov.source.lines);
  const meta = (lines: Line[], what: string) => lines.forEach((l) => cov.mark(l.n, { as: 'metadata', what }));
  meta(el.masthead, 'masthead');
  meta(el.titleLines, 'title');
  meta(el.docNumberLines, 'doc-number');
  meta(el.addresseeLines, 'addressees');
  meta(el.attachmentNoteLines, 'attachment-note');
  meta(el.signatureLines, 'signature');
  meta(el.dateLines, 'date');
  meta(el.copiedToLines, 'copied-to');
  meta(el.lawHistoryLines, 'law-history');
  meta(el.lawContentsLines, 'law-contents');
  return el;
}

export function readElements(file: VFile, slice: Slice, context: Line[] = slice.lines): DocElements {
  const lines = slice.lines;
  let i = 0;
  const masthead: Line[] = [];
  const docNumberLines: Line[] = [];
  let docNumber: DocNumber | null = null;
  let title = '';
  let titleLines: Line[] = [];

  const takeDocNumber = (k: number): boolean => {
    const n = docNumberLine(lines[k]!.text);
    if (!n) return false;
    docNumber ??= n;
    docNumberLines.push(lines[k]!);
    return true;
  };

  // 版头 and 文号 before the title.
  while (i < lines.length && i < 6) {
    const t = lines[i]!.text.trim();
    if (takeDocNumber(i)) i++;
    else if (isMasthead(t) && !endsLikeTitle(t)) masthead.push(lines[i++]!);
    else break;
  }

  // The title: a heading named by the 目录, a title with its 文号 on one line, or a run of title lines.
  const first = lines[i];
  const withNumber = first ? trailingDocNumber(first.text) : null;
  if (withNumber) {
    title = unwrapBookTitle(withNumber.title);
    titleLines = [first!];
    docNumber ??= withNumber.number;
    i++;
  } else {
    const run = titleRun(lines, i);
    if (run > 0) {
      titleLines = lines.slice(i, i + run);
      title = joinTitle(titleLines);
      i += run;
    } else if (slice.tocTitle && first) {
      title = removeExtractionSpaces(first.text);
      titleLines = [first];
      i++;
    }
  }
  while (i < lines.length && takeDocNumber(i)) i++;
  if (title && docNumber) {
    const whole = quotedTitle(title, docNumber, context);
    if (whole) {
      file.message(`标题“${title}”缺少结尾，按第 ${whole.line} 行连同文号引用的全称补全为“${whole.title}”`, {
        place: { line: titleLines[0]?.n ?? lines[0]!.n, column: 1 },
        ruleId: 'incomplete-title',
        source: 'elements',
      });
      title = whole.title;
    } else if (ISSUING_WITHOUT_GENRE.test(removeExtractionSpaces(title))) {
      file.message(`标题“${title}”缺少本文的文种（如“的通知”），来源中也没有连同文号引用的全称；照原样保留`, {
        place: { line: titleLines[0]?.n ?? lines[0]!.n, column: 1 },
        ruleId: 'incomplete-title',
        source: 'elements',
      });
    }
  }

  // 主送机关: up to three lines, the last ending with a colon, naming recipients and nothing else.
  const addresseeLines: Line[] = [];
  for (let k = i; k < Math.min(lines.length, i + 3); k++) {
    const t = lines[k]!.text.trim();
    if (NOTE_START.test(t) || ATTACHMENT_HEADING.test(t) || /[。；]/u.test(t)) break;
    if (/[:：]$/u.test(t) && !/^(附件|联系|电话|地址)/u.test(t)) {
      if (!namesRecipients(lines.slice(i, k + 1).map((l) => l.text.trim()).join(''))) break;
      addresseeLines.push(...lines.slice(i, k + 1));
      i = k + 1;
      break;
    }
  }
  const addressees = addresseeLines.length ? splitAddressees(addresseeLines.map((l) => l.text.trim()).join('')) : [];

  let rest = lines.slice(i);

  // A title the extraction displaced into the text.
  if (!title) {
    const found = displacedTitle(rest);
    if (found) {
      titleLines = rest.slice(found.at, found.at + found.length);
      title = joinTitle(titleLines);
      rest = [...rest.slice(0, found.at), ...rest.slice(found.at + found.length)];
      file.message(`标题“${title}”出现在正文中间（提取时错位），已取出作为标题`, {
        place: { line: titleLines[0]!.n, column: 1 },
        ruleId: 'displaced-title',
        source: 'elements',
      });
    }
  }
  if (!title && lines[0]) {
    file.message('未找到标题，以首行代替', {
      place: { line: lines[0].n, column: 1 },
      ruleId: 'no-title',
      source: 'elements',
    });
    title = removeExtractionSpaces(lines[0].text);
  }

  // A law's header lines (its history) under its title: they date the version, they are not its text.
  const law = title ? lawTitle(title) : null;
  const header = law && !law.excerpt ? headerHistory(rest, file.basename!) : { lines: [], entries: [] };
  if (header.lines.length) rest = rest.filter((l) => !header.lines.includes(l));
  // …and its 目录, when a copy prints one before the text.
  const contents = law && !law.excerpt ? lawContents(rest) : [];
  if (contents.length) rest = rest.filter((l) => !contents.includes(l));

  // 成文日期: the first line that is a date and nothing else; 署名 right above it.
  const dateAt = rest.findIndex((l) => dateLine(l.text) !== null);
  let signatureLines: Line[] = [];
  let dateLines: Line[] = [];
  let date: string | null = null;
  if (dateAt >= 0) {
    date = dateLine(rest[dateAt]!.text);
    dateLines = [rest[dateAt]!];
    let s = dateAt;
    while (s > 0 && dateAt - s < 3 && isSignatureLine(rest[s - 1]!.text)) s--;
    signatureLines = rest.slice(s, dateAt);
  }

  // Where attachments begin: a bare 附件/附表 heading anywhere after the head, or 附件：标题 after the date.
  const headingAt = rest.findIndex((l, k) => {
    const m = ATTACHMENT_HEADING.exec(l.text);
    if (!m) return false;
    return m[3]!.trim() === '' || (dateAt >= 0 && k > dateAt);
  });
  const signatureStart = dateAt >= 0 ? dateAt - signatureLines.length : -1;
  let body: Line[];
  let afterDate: Line[];
  if (headingAt >= 0 && dateAt >= 0 && headingAt < signatureStart) {
    // The signature was printed inside the attachments: take it out of them.
    file.message('署名和成文日期出现在第一个附件标题之后，已作为本文的署名和日期读取', {
      place: { line: rest[signatureStart]!.n, column: 1 },
      ruleId: 'displaced-signature',
      source: 'elements',
    });
    body = rest.slice(0, headingAt);
    afterDate = [...rest.slice(headingAt, signatureStart), ...rest.slice(dateAt + 1)];
  } else if (dateAt >= 0) {
    body = rest.slice(0, signatureStart);
    afterDate = rest.slice(dateAt + 1);
  } else {
    body = headingAt >= 0 ? rest.slice(0, headingAt) : rest;
    afterDate = headingAt >= 0 ? rest.slice(headingAt) : [];
  }
  date = versionDate(header.entries) ?? date;
  if (!date) {
    // A document with no 成文日期 line (a law excerpt) is dated by a date its opening lines state (the
    // adoption line under a law's title); a date deep in the text (a glossary's history) dates nothing.
    for (const l of body.slice(0, 5)) {
      const d = findDate(l.text);
      if (d) {
        date = d.iso;
        break;
      }
    }
  }

  // 附件说明 at the end of the text: 附件：1.… then 2.… on the following lines.
  const attachmentNoteLines: Line[] = [];
  const noteAt = body.findIndex((l) => NOTE_START.test(l.text));
  if (noteAt >= 0) {
    let end = noteAt + 1;
    // Numbered lines follow; an unnumbered short line finishes a title the line above wrapped.
    const noteLine = (k: number) => {
      const t = body[k]!.text.trim();
      if (/[。；]$/u.test(t)) return false;
      if (/^\d+(?:[.．]\d+)*[\s\u3000]*[.．、:：]?/u.test(t)) return true;
      return titleLike(t) && !endsLikeTitle(body[k - 1]!.text) && endsLikeTitle(t);
    };
    while (end < body.length && noteLine(end)) end++;
    attachmentNoteLines.push(...body.slice(noteAt, end));
    body = [...body.slice(0, noteAt), ...body.slice(end)];
  }
  const attachmentNote = parseAttachmentNote(attachmentNoteLines).map(({ label, title, line }) => ({ label, title: withoutFileSuffix(file, title, line) }));

  // 版记: 抄送 / 抄报, wherever it was printed after the date.
  const copiedToLines = afterDate.filter((l) => COPIED.test(l.text));
  const copiedTo = copiedToLines.flatMap((l) => splitAddressees(COPIED.exec(l.text)![2]!.replace(/[。.]$/u, '')));
  afterDate = afterDate.filter((l) => !COPIED.test(l.text));

  // The carried document of a 印发 notice, then the attachments.
  const carried = enclosedTitleOf(title);
  let enclosure: Part | null = null;
  const attachments: Part[] = [];
  const trailing: Line[] = [];
  let current: Part | null = null;
  for (let k = 0; k < afterDate.length; k++) {
    const l = afterDate[k]!;
    const m = ATTACHMENT_HEADING.exec(l.text);
    if (m && (m[3]!.trim() === '' || m[3]!.trim().length <= 40) && !/[。；]/u.test(m[3]!)) {
      const named = removeExtractionSpaces(m[3]!);
      current = { label: `${m[1]}${m[2] ? normaliseDigits(m[2]) : ''}`, title: named ? withoutFileSuffix(file, named, l.n) : null, line: l.n, headLines: [l], lines: [] };
      attachments.push(current);
      continue;
    }
    const head: Line[] | null = !current && !enclosure && carried ? enclosureHead(afterDate, k, carried) : null;
    if (head) {
      enclosure = { label: null, title: removeExtractionSpaces(head.map((h) => h.text.trim()).join('')), line: l.n, headLines: head, lines: [] };
      k += head.length - 1;
      continue;
    }
    if (current) {
      if (current.title === null && current.lines.length === 0 && titleLike(l.text)) {
        current.title = withoutFileSuffix(file, removeExtractionSpaces(l.text).replace(/^\*+|\*+$/gu, ''), l.n);
        current.headLines.push(l);
        continue;
      }
      // A title wrapped over two lines: 参与…评价组织及 / 职业技能等级证书名单
      if (current.title !== null && current.lines.length === 0 && !endsLikeTitle(current.title) && titleLike(l.text) && endsLikeTitle(current.title + l.text)) {
        current.title = removeExtractionSpaces(current.title + l.text.trim()).replace(/^\*+|\*+$/gu, '');
        current.headLines.push(l);
        continue;
      }
      current.lines.push(l);
    } else if (enclosure) enclosure.lines.push(l);
    else trailing.push(l);
  }

  return {
    title,
    titleLines,
    docNumber,
    docNumberLines,
    masthead,
    addressees,
    addresseeLines,
    body,
    attachmentNote,
    attachmentNoteLines,
    signature: splitIssuers(signatureLines.map((l) => l.text)),
    signatureLines,
    date,
    dateLines,
    copiedTo,
    copiedToLines,
    trailing,
    enclosure,
    attachments,
    lawHistory: header.entries,
    lawHistoryLines: header.lines,
    lawContentsLines: contents,
  };
}

/** The lines from `k` that print the carried document's title: one, or a title wrapped over up to three (a PDF's centred title). */
function enclosureHead(lines: Line[], k: number, carried: string): Line[] | null {
  const want = titleKey(carried);
  for (let n = 1; n <= 3 && k + n <= lines.length; n++) {
    const got = titleKey(lines.slice(k, k + n).map((l) => l.text.trim()).join(''));
    if (got === want) return lines.slice(k, k + n);
    if (!got || !want.startsWith(got)) return null;
  }
  return null;
}

/** How many lines from `i` make a title: title-like lines, the last ending in a 文种, at most four. */
function titleRun(lines: Line[], i: number): number {
  for (let k = i; k < Math.min(lines.length, i + 4); k++) {
    const t = lines[k]!.text;
    if (!titleLike(t)) return 0;
    if (endsLikeTitle(t) && balanced(lines.slice(i, k + 1).map((l) => l.text).join(''))) return k - i + 1;
  }
  return 0;
}

/** 印发《X》 with nothing after it: the notice's own 文种 (的通知) is missing. */
const ISSUING_WITHOUT_GENRE = /(?:印发|转发|发布)《[^《》]+》$/u;

/**
 * The whole title of a document whose printed title lacks its end: a notice that 印发/转发 a
 * document, printed as 印发《X》 without its own 文种, or a title that does not end in one. The
 * source quotes the notice whole with its 文号, its inner 《》 as 〈〉: 《…印发〈X〉的通知》（文号）.
 */
function quotedTitle(title: string, docNumber: DocNumber, context: Line[]): { title: string; line: number } | null {
  const t = removeExtractionSpaces(title);
  if (endsLikeTitle(t) && !ISSUING_WITHOUT_GENRE.test(t)) return null;
  const key = titleKey(t);
  for (const l of context) {
    for (const n of findDocNumbers(l.text)) {
      if (n.text !== docNumber.text) continue;
      const m = /《((?:[^《》〈〉]|〈[^〈〉]*〉)+)》[\s\u3000]*[（(][\s\u3000]*$/u.exec(l.text.slice(0, n.index));
      if (!m) continue;
      const whole = removeExtractionSpaces(m[1]!.replace(/〈/gu, '《').replace(/〉/gu, '》'));
      const k = titleKey(whole);
      if (k.length > key.length && k.startsWith(key) && endsLikeTitle(whole)) return { title: whole, line: l.n };
    }
  }
  return null;
}

/** A title printed mid-text: 1–4 short lines, the first with 关于, the last ending in a 文种. */
function displacedTitle(lines: Line[]): { at: number; length: number } | null {
  for (let a = 0; a < Math.min(lines.length, 40); a++) {
    if (!/关于/u.test(lines[a]!.text)) continue;
    for (let len = 1; len <= 4 && a + len <= lines.length; len++) {
      const run = lines.slice(a, a + len);
      if (!run.every((l) => titleLike(l.text) && removeExtractionSpaces(l.text).length <= 30)) break;
      if (endsLikeTitle(run[len - 1]!.text)) return { at: a, length: len };
    }
  }
  return null;
}

function joinTitle(lines: Line[]): string {
  return unwrapBookTitle(removeExtractionSpaces(lines.map((l) => l.text.trim()).join('')).replace(/\*+/gu, ''));
}

/** 《X》 printed as a heading is the title X. */
function unwrapBookTitle(t: string): string {
  const s = removeExtractionSpaces(t);
  return /^《[^《》]+》$/u.test(s) ? s.slice(1, -1) : s;
}

function isSignatureLine(t: string): boolean {
  const s = t.trim();
  if (s === '' || s.length > 48) return false;
  if (readLabels(s).length > 0 || /^[-*]\s/u.test(s)) return false;
  if (/[。，；：:,、（）()]/u.test(s)) return false;
  if (/^(附件|附表|联系|电话)/u.test(s)) return false;
  return /\p{Script=Han}/u.test(s);
}

/**
 * 教育部 国家发展改革委 → two issuers. A space next to Latin letters or digits is part
 * of a name (“陕西省职业院校 1+X 证书制度试点工作项目办公室” stays one).
 */
export function splitIssuers(lines: string[]): string[] {
  const out: string[] = [];
  const ascii = /[A-Za-z0-9+]/u;
  for (const line of lines) {
    // A letter-spaced name (四 川 省 教 育 厅) is one issuer.
    if (/^(?:\p{Script=Han}[\s\u3000]+)+\p{Script=Han}$/u.test(line.trim())) {
      out.push(line.replace(/[\s\u3000]+/gu, ''));
      continue;
    }
    let cur = '';
    for (const tok of line.trim().split(/[\s\u3000]+/u).filter(Boolean)) {
      if (!cur) cur = tok;
      else if (ascii.test(cur.at(-1)!) || ascii.test(tok[0]!)) cur += ` ${tok}`;
      else {
        out.push(cur);
        cur = tok;
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

/**
 * A 主送 line lists recipients: names of bodies, each short. A sentence that happens to end with a
 * colon (为规范…，根据《…》（教职成厅函〔2019〕19号），…形成了…方案：) cites documents or runs long:
 * it is the first paragraph of the text, not addressees.
 */
function namesRecipients(text: string): boolean {
  const t = removeExtractionSpaces(text).replace(/[:：]$/u, '');
  if (/[《》〔〕]/u.test(t)) return false;
  return splitAddressees(t).every((name) => name.length <= 40);
}

/** 各省、自治区、直辖市教育厅（教委），新疆生产建设兵团教育局，有关单位： → three addressees. */
function splitAddressees(text: string): string[] {
  const t = removeExtractionSpaces(text).replace(/[:：]$/u, '');
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of t) {
    if (ch === '（' || ch === '(') depth++;
    if (ch === '）' || ch === ')') depth--;
    if ((ch === '，' || ch === ',' || ch === '；') && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** 附件：1.甲 2.乙 (one per line or on one line) → [{1., 甲}, {2., 乙}], each with the line it starts on. */
function parseAttachmentNote(lines: Line[]): Array<{ label: string | null; title: string; line: number }> {
  const parts: Array<{ text: string; line: number }> = [];
  lines.forEach((l, k) => {
    const text = (k === 0 ? l.text.trim().replace(NOTE_START, '') : l.text).trim();
    for (const piece of text.split(/(?<=\S)\s+(?=\d+(?:[.．]\d+)*[.．、])/u).map((x) => x.trim()).filter(Boolean)) {
      // A piece with no number continues the title before it.
      if (parts.length && !/^\d/u.test(piece) && !endsLikeTitle(parts.at(-1)!.text)) parts[parts.length - 1]!.text += piece;
      else parts.push({ text: piece, line: l.n });
    }
  });
  return parts.map(({ text: p, line }) => {
    const m = /^(\d+(?:[.．]\d+)*)[\s\u3000]*[.．、:：]?[\s\u3000]*(.+)$/u.exec(p);
    return m ? { label: m[1]!, title: removeExtractionSpaces(m[2]!), line } : { label: null, title: removeExtractionSpaces(p), line };
  });
}

/** A file name's extension left on an attachment title by a web page's download link. */
const FILE_SUFFIX = /[.．](?:docx?|pdf|xlsx?|wps|et|zip|rar)$/iu;

/** 有关培训评价组织联系人信息表.doc → 有关培训评价组织联系人信息表, reported at its line. */
function withoutFileSuffix(file: VFile, title: string, line: number): string {
  const m = FILE_SUFFIX.exec(title);
  if (!m || m.index === 0) return title;
  file.message(`已规范化“${m[0]}”：附件标题末尾的文件扩展名不是标题的一部分`, { place: { line, column: 1 }, ruleId: 'attachment-file-suffix', source: 'elements' });
  return title.slice(0, m.index).trimEnd();
}

function normaliseDigits(s: string): string {
  return s.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/－/gu, '-');
}
