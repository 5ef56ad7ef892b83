/**
 * Date expressions in running text, at the precision the text gives:
 *
 *   2019年3月26日至3月31日 · 2019年12月27日至2020年1月2日 · 2023年7月20日-22日
 *   9 月 4 日至 10 月 7 日 (no year: the document's) · 7月29-8月2日 · 8月5-9日
 *   2019 年 7 月至 8 月 · 2019 年 7-8 月 (month ranges) · 2018年9月 (month)
 *   于 2019 年 4 月 30 日前 · 至 4 月 30 日止 · 截止日期7月7日 (deadlines)
 *   到 2022 年 · 自 2019 年开始 · 从2020年起 · 2019年至2021年 · 2020年下半年 (years, as milestones)
 *
 * A year alone is a date only where the text makes it one (到/自/从 before, 起/开始 after, or the
 * year opening a sentence); 自 2017 年以来 and 其中2019年 are not events.
 */

export interface DateExpr {
  index: number;
  length: number;
  printed: string;
  date: string;
  endDate: string | null;
  precision: 'day' | 'month' | 'year';
  /** The year was not printed: taken from the document's date. */
  yearFromDocument: boolean;
  /** …前, 至…止, 截止日期… */
  deadline: boolean;
  /** 到 2022 年, 自 2019 年开始 … (a year-only milestone), with its qualifier (下半年, 底). */
  qualifier: string | null;
}

const SEP = '(?:至|到|—|－|-|–|~|～)';
const MONTH_RANGE = new RegExp(`(?:(\\d{4})\\s*年\\s*)?(?<![\\d.])(\\d{1,2})\\s*${SEP}\\s*(\\d{1,2})\\s*月(?!\\s*\\d{1,2}\\s*日)`, 'gu');
const START = new RegExp(`(?:(\\d{4})\\s*年\\s*)?(?<![\\d.])(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*(?:日|号|(?=\\s*${SEP})))?`, 'gu');
const END = new RegExp(`^\\s*${SEP}\\s*(?:(\\d{4})\\s*年\\s*)?(?:(\\d{1,2})\\s*月\\s*)?(?:(\\d{1,2})\\s*(?:日|号))?`, 'u');
const YEAR = /(到|至|自|从)?\s*(?<!\d)(\d{4})\s*年(底|末|下半年|上半年)?(起|开始|以来)?/gu;
const YEAR_END = new RegExp(`^\\s*${SEP}\\s*(\\d{4})\\s*年(底|末)?`, 'u');
const DEADLINE_AFTER = /^\s*(?:前|止|之前|以前|为止)/u;
const DEADLINE_BEFORE = /(?:截止|截至)(?:日期|时间)?\s*[:：为是]?\s*$/u;

export function findDateExpressions(text: string, documentYear: number | null): DateExpr[] {
  const out: DateExpr[] = [];
  // Which characters a found date already covers: checking a span costs its length, not the number of dates.
  const taken = new Uint8Array(text.length + 1);
  const free = (a: number, b: number) => !taken.subarray(a, b).includes(1);
  const push = (e: DateExpr) => {
    out.push(e);
    taken.fill(1, e.index, e.index + e.length);
  };
  // Look only a few characters around a date: the patterns are short, and slicing the whole text per date was quadratic.
  const deadline = (at: number, end: number) => DEADLINE_AFTER.test(text.slice(end, end + 8)) || DEADLINE_BEFORE.test(text.slice(Math.max(0, at - 12), at));

  for (const m of text.matchAll(MONTH_RANGE)) {
    const y = m[1] ? Number(m[1]) : documentYear;
    const a = Number(m[2]);
    const b = Number(m[3]);
    if (y === null || !validMonth(a) || !validMonth(b) || b < a) continue;
    const end = m.index + m[0].length;
    push({ index: m.index, length: m[0].length, printed: m[0].trim(), date: ym(y, a), endDate: ym(y, b), precision: 'month', yearFromDocument: !m[1], deadline: deadline(m.index, end), qualifier: null });
  }

  for (const m of text.matchAll(START)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    const y = m[1] ? Number(m[1]) : documentYear;
    const mo = Number(m[2]);
    const d = m[3] ? Number(m[3]) : null;
    if (y === null || !validMonth(mo) || (d !== null && !validDay(d))) continue;
    let length = m[0].length;
    let endDate: string | null = null;
    const e = END.exec(text.slice(m.index + length));
    if (e && (e[2] || e[3])) {
      const ey = e[1] ? Number(e[1]) : null;
      const em = e[2] ? Number(e[2]) : d === null ? null : mo;
      const ed = e[3] ? Number(e[3]) : null;
      // A day range needs a start day; a month range takes no end day.
      const ok = em !== null && validMonth(em) && (ed === null ? d === null : d !== null && validDay(ed));
      if (ok) {
        const year = ey ?? (em! < mo ? y + 1 : y);
        endDate = ed === null ? ym(year, em!) : ymd(year, em!, ed);
        length += e[0].length;
      }
    }
    const printed = text.slice(m.index, m.index + length).trim();
    push({
      index: m.index,
      length,
      printed,
      date: d === null ? ym(y, mo) : ymd(y, mo, d),
      endDate,
      precision: d === null ? 'month' : 'day',
      yearFromDocument: !m[1],
      deadline: deadline(m.index, m.index + length),
      qualifier: null,
    });
  }

  for (const m of text.matchAll(YEAR)) {
    const at = m.index + (m[0].length - m[0].trimStart().length);
    if (!free(at, m.index + m[0].length)) continue;
    const after = text.slice(m.index + m[0].length);
    if (/^\s*(?:\d|月|第)/u.test(after)) continue; // 2020 年月日 (a blank form), 2020年第一次
    const prefix = m[1] ?? null;
    const suffix = m[4] ?? null;
    const qualifier = m[3] ?? null;
    if (suffix === '以来') continue;
    const before = text.slice(Math.max(0, m.index - 16), m.index).trimEnd();
    const opensSentence = !prefix && (/[。；！？]$/u.test(before) || (before === '' && text.slice(0, m.index).trim() === ''));
    if (!prefix && !suffix && !qualifier && !opensSentence) {
      // 2019年至2021年 opening a clause of its own is handled as a sentence opener; anything else is not an event.
      continue;
    }
    let length = m[0].length;
    let endDate: string | null = null;
    const e = YEAR_END.exec(after);
    if (e && !suffix) {
      endDate = e[1]!;
      length += e[0].length;
    }
    push({
      index: m.index,
      length,
      printed: text.slice(m.index, m.index + length).trim(),
      date: m[2]!,
      endDate,
      precision: 'year',
      yearFromDocument: false,
      deadline: false,
      qualifier: [prefix, qualifier, suffix].filter(Boolean).join('') || null,
    });
  }
  return out.sort((a, b) => a.index - b.index);
}

function validMonth(m: number): boolean {
  return m >= 1 && m <= 12;
}
function validDay(d: number): boolean {
  return d >= 1 && d <= 31;
}
function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function ym(y: number, m: number): string {
  return `${y}-${pad(m)}`;
}
function ymd(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}
