/**
 * A law's history as its text prints it (issue 16):
 *
 * - the header lines under its title: one entry a line in the open-law Markdown layout
 *   (`1996年5月15日 第八届…会议通过`, `…第一次修正`, `2022年4月20日 …会议修订）` — stray brackets and all),
 *   or several on one bracketed line in the plain-text layout
 *   (`（2019年3月1日…通过　根据2023年6月28日…修正）`); a 办法 or 规定 may read `…部令第5号公布`;
 * - the 施行 its 附则 gives: `本法自2022年5月1日起施行`, `本条例自…起施行`, `本办法自发布之日起施行`
 *   (then the 公布 date), and what it repeals (`《X》同时废止`).
 *
 * Pure: lines and clauses in, entries out.
 */
import type { Clause } from '../../../src/schema/corpus.ts';
import type { LawHistoryEntry } from '../../../src/schema/laws.ts';
import { findDate } from '../../../src/lib/text/dates.ts';
import type { Line } from '../parse/lines.ts';

const ACTIONS = ['通过', '修正', '修订', '公布', '施行', '废止'] as const;
type Action = (typeof ACTIONS)[number];

const DATE_G = /[0-9零〇○О一二三四五六七八九十]{4}\s*年\s*[0-9零〇○О一二三四五六七八九十]{1,3}\s*月\s*[0-9零〇○О一二三四五六七八九十]{1,3}\s*日/gu;
/** Words that open an entry before its date: 根据2009年…第一次修正, 自2019年5月1日起施行. */
const LEAD = /(?:根据|依据|自|于)$/u;
/** An entry ends with what happened, maybe followed by stray brackets or punctuation. */
const ENDS = new RegExp(`(${ACTIONS.join('|')})(?:[^\\p{Script=Han}\\w]*)$`, 'u');
const BRACKETS = /^[\s\u3000（()）【】\[\]]+|[\s\u3000（()）【】\[\]。；;，,]+$/gu;

/** One line's entries, or null when the line is not (only) history: each part a date … and an action. */
export function historyOfLine(text: string, source: { file: string; line: number }): LawHistoryEntry[] | null {
  const t = text.replace(/<!--.*?-->/gu, '').trim();
  if (!t) return null;
  const starts: number[] = [];
  for (const m of t.matchAll(DATE_G)) {
    let at = m.index!;
    const lead = LEAD.exec(t.slice(0, at));
    if (lead) at -= lead[0].length;
    starts.push(at);
  }
  if (starts.length === 0) return null;
  // Nothing but brackets and spaces before the first entry.
  if (t.slice(0, starts[0]).replace(BRACKETS, '') !== '') return null;
  const out: LawHistoryEntry[] = [];
  let pending: string | null = null; // a part without an action continues into the next (a date inside an entry)
  for (let k = 0; k < starts.length; k++) {
    const part = t.slice(starts[k], starts[k + 1] ?? t.length);
    const whole: string = (pending ?? '') + part;
    const clean = whole.replace(BRACKETS, '').trim();
    const m = ENDS.exec(clean);
    if (!m) {
      pending = whole;
      continue;
    }
    pending = null;
    const date = findDate(clean);
    if (!date) return null;
    out.push({ date: date.iso, action: m[1] as Action, text: clean, source, anchor: null });
  }
  if (pending !== null || out.length === 0) return null;
  return out;
}

/**
 * The header lines at the start of a law's text (after its title): the run of lines that are history,
 * blank lines and HTML comments (`<!-- INFO END -->`) between them. Returns the lines taken and their entries.
 */
export function headerHistory(lines: Line[], file: string): { lines: Line[]; entries: LawHistoryEntry[] } {
  const taken: Line[] = [];
  const entries: LawHistoryEntry[] = [];
  let k = 0;
  // A bracketed plain-text header may wrap over lines: （2019年3月1日…通过 / 2023年6月28日…修订）
  while (k < lines.length && k < 8) {
    const l = lines[k]!;
    if (/^\s*(?:<!--.*-->)?\s*$/u.test(l.text)) {
      // The layout's marker after the header (<!-- INFO END -->) goes with it.
      if (/<!--/u.test(l.text)) taken.push(l);
      k++;
      continue;
    }
    let got = historyOfLine(l.text, { file, line: l.n });
    let span = 1;
    if (!got && /^[\s\u3000]*[（(]/u.test(l.text) && !/[）)]/u.test(l.text)) {
      // Join up to three more lines until the bracket closes.
      let text = l.text;
      const starts: Array<[number, number]> = [[0, l.n]]; // where each line begins in the joined text
      for (let j = k + 1; j < Math.min(lines.length, k + 4); j++) {
        starts.push([text.length, lines[j]!.n]);
        text += lines[j]!.text.trim();
        if (/[）)]/u.test(lines[j]!.text)) {
          got = historyOfLine(text, { file, line: l.n });
          span = j - k + 1;
          break;
        }
      }
      // Each entry is cited at the line it starts on.
      for (const e of got ?? []) {
        const at = text.indexOf(e.text);
        e.source = { file, line: [...starts].reverse().find(([o]) => o <= at)?.[1] ?? l.n };
      }
    }
    if (!got) break;
    taken.push(...lines.slice(k, k + span));
    entries.push(...got);
    k += span;
  }
  return entries.length ? { lines: taken, entries } : { lines: [], entries: [] };
}

/** A version's date: its latest 通过/修正/修订, else its latest 公布; null when the header gives none. */
export function versionDate(entries: LawHistoryEntry[]): string | null {
  const pick = (acts: string[]) => entries.filter((e) => acts.includes(e.action)).map((e) => e.date).sort().at(-1) ?? null;
  return pick(['通过', '修正', '修订']) ?? pick(['公布']);
}

/**
 * The body that made a version, from its header line: 第八届全国人民代表大会常务委员会第十九次会议通过 →
 * 全国人民代表大会常务委员会; 某某省第十三届人民代表大会常务委员会第二十八次会议通过 → 某某省人民代表大会常务委员会;
 * 人力资源社会保障部令第136号公布 → 人力资源社会保障部; 国务院第X次常务会议通过 → 国务院. Null when the line names none.
 */
export function enactedBy(text: string): string | null {
  const t = text
    .replace(DATE_G, '')
    .replace(/第[一二三四五六七八九十百零〇\d]+届/gu, '')
    .replace(BRACKETS, '')
    .trim();
  const m = /^([\p{Script=Han}]{2,30}?(?:人民代表大会常务委员会|人民代表大会|人民政府|国务院|委员会|部|局|署|院|厅|办公室))(?:第[一二三四五六七八九十百零〇\d]+次|令|常务会议|全体会议|会议|公告|《|发布|公布|通过)/u.exec(t);
  return m ? m[1]! : null;
}

const COMMENCE = /本(?:法|条例|办法|规定|细则|决定|规则|准则|实施细则)(?:[^。；]{0,30}?)自([^。；，]{4,24}?)起(?:施行|实施|生效)/u;

/** Every clause with its text, in reading order, articles first-level included. */
function* walk(cs: Clause[]): Generator<Clause> {
  for (const c of cs) {
    yield c;
    yield* walk(c.children);
  }
}

/**
 * The 施行 its 附则 gives: the last clause saying 本法自…起施行. A date printed there, or 发布/公布之日
 * (then `published`, the 公布 date of the header, else the version's date).
 */
export function commencement(clauses: Clause[], published: string | null): LawHistoryEntry | null {
  let found: LawHistoryEntry | null = null;
  for (const c of walk(clauses)) {
    const m = COMMENCE.exec(c.text);
    if (!m) continue;
    const when = m[1]!;
    const d = findDate(when);
    const date = d ? d.iso : /(?:发布|公布|印发)之日/u.test(when) ? published : null;
    if (!date) continue;
    const sentence = sentenceOf(c.text, m.index!);
    found = { date, action: '施行', text: sentence, source: { file: c.source.file, line: c.source.line }, anchor: c.anchor };
  }
  return found;
}

/**
 * The 附则 of a law: the chapter (or 编) headed 附则, else its last two articles (a law without chapters, or
 * one whose last chapter has another name, ends with its 施行 and 废止 articles all the same).
 */
function finalProvisions(clauses: Clause[]): Clause[] {
  const all = [...walk(clauses)];
  const named = all.filter((c) => c.heading !== null && c.heading.replace(/\s+/gu, '') === '附则');
  if (named.length) return named.flatMap((c) => [...walk(c.children)]);
  const articles = all.filter((c) => /^第.+条$/u.test(c.label ?? ''));
  return articles.slice(-2).flatMap((a) => [a, ...walk(a.children)]);
}

/** What a text repeals in its 附则: 《X》同时废止 (or …废止); the titles named in that sentence before 废止. */
export function repeals(clauses: Clause[]): Array<{ title: string; clause: Clause; text: string }> {
  const out: Array<{ title: string; clause: Clause; text: string }> = [];
  const articles = [...walk(clauses)].some((c) => /^第.+条$/u.test(c.label ?? ''));
  for (const c of articles ? finalProvisions(clauses) : walk(clauses)) {
    if (!/废止/u.test(c.text)) continue;
    for (const s of c.text.split(/(?<=[。；])/u)) {
      if (!/废止/u.test(s)) continue;
      const before = s.slice(0, s.lastIndexOf('废止'));
      for (const m of before.matchAll(/《([^《》]{2,60})》/gu)) out.push({ title: m[1]!, clause: c, text: s.trim() });
    }
  }
  return out;
}

/** The sentence of `text` around `at`. */
function sentenceOf(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('。', at - 1), text.lastIndexOf('；', at - 1)) + 1;
  const ends = [text.indexOf('。', at), text.indexOf('；', at)].filter((x) => x >= 0);
  const end = ends.length ? Math.min(...ends) + 1 : text.length;
  return text.slice(start, end).trim();
}
