/**
 * Events stage: every dated happening the documents state, and the pilot's batch steps.
 * A pure function of the typed documents (and the catalog's batches and stated totals).
 *
 *   document dates (成文日期)                        → 成文, cited to the line the date is printed on
 *   dates in running text and in 时间 table columns  → 公示期 / 招募 / 申报 / 截止 / 培训 / 平台 / 会议 / 里程碑 / 部署
 *   a law's 施行 (the laws stage's history entry: 本法自…起施行, at its 附则 article)  → 施行
 *   batches + notices + stated totals                 → batch steps (首批 … 扩大试点 … 四批共 447)
 *
 * Dates keep the precision printed (events/dates.ts): no year → the document's year; a range keeps
 * both ends; a month stays a month. Skill standards and glossaries inside a notice are skipped (their
 * dates, e.g. CSS3's 2001 draft, are not pilot events).
 */
import type { Clause, PolicyDocument } from '../../src/schema/corpus.ts';
import type { Report } from './diagnostics.ts';
import type { Batch, StatedTotal } from '../../src/schema/catalog.ts';
import type { BatchStep, EventKind, StepNotice, TimelineEvent } from '../../src/schema/timeline.ts';
import { findDate } from '../../src/lib/text/dates.ts';
import { type DateExpr, findDateExpressions } from './events/dates.ts';
import { type Walked, headings, maskTitles, placeIn, walk } from './events/text.ts';
import { REACH, phraseAt, sentenceAt } from './text/sentences.ts';

export interface EventsOptions {
  /** The catalog's stated totals (totals.json): they become the 前三批/四批 total steps. */
  totals?: StatedTotal[];
}

export interface EventsResult {
  events: TimelineEvent[];
  steps: BatchStep[];
}

/** Subtrees that are not the notice's own text: skill standards and glossaries it carries. */
const SKIP_HEADING = /职业技能等级标准|名词解释|术语/u;
const BATCH_WORD = /(?<!\d\s*年\s*)(首批|第([二三四五六七八九十])批)/gu;
const BATCH_NUMBER: Record<string, number> = { 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const BATCH_NAME = ['', '首批', '第二批', '第三批', '第四批', '第五批'];

/** Diagnostics go to `report` (rule `blank-date`), at the place of the text they are about. */
export function extractEvents(documents: PolicyDocument[], batches: Batch[], report: Report, options: EventsOptions = {}): EventsResult {
  const raw: TimelineEvent[] = [];
  const batchOf = batchIndex(documents, batches);

  for (const doc of documents) {
    const year = doc.date ? Number(doc.date.slice(0, 4)) : null;
    const file = doc.source[0]!.file;
    const batch = batchOf.get(doc.id) ?? null;
    const docEvents: TimelineEvent[] = [];
    const add = (e: Omit<TimelineEvent, 'id' | 'batch' | 'alsoIn' | 'documentId'>) => docEvents.push({ ...e, id: '', documentId: doc.id, batch, alsoIn: [] });

    // 成文日期: the document itself.
    if (doc.date) {
      const span = doc.source[0]!;
      const { line, bare, verb } = datedLine(doc);
      const whole = doc.title.replace(/\s*[（(]?节选[）)]?$/u, '');
      // A law's version: the header line that made it (…会议修订, …第二次修正), where it is printed.
      const made = doc.law && !doc.law.excerpt ? [...doc.law.history].reverse().find((h) => h.date === doc.date && h.action !== '施行' && h.action !== '废止') : undefined;
      // A date a compilation prints before a law's excerpt (1996年9月1日：《中华人民共和国职业教育法》…) is the
      // law's own date (施行 or adoption, the text does not say which), not when the excerpt was written.
      if (bare) add({ date: doc.date, endDate: null, precision: 'day', kind: '里程碑', label: `${whole}（汇编所注日期）`, printed: doc.date, text: doc.title, yearFromDocument: false, anchor: null, source: { file: span.file, line } });
      // “2018年12月29日印发的《中华人民共和国劳动法》”: the text says what happened to the whole law that day.
      else if (made) add({ date: doc.date, endDate: null, precision: 'day', kind: '成文', label: `${doc.law!.name}${/第[一二三四五六七八九十]+次(?:修正|修订)$/u.exec(made.text)?.[0] ?? made.action}`, printed: made.text.replace(/^(?:根据|依据)/u, '').slice(0, findDateEnd(made.text)), text: made.text, yearFromDocument: false, anchor: null, source: made.source });
      else add({ date: doc.date, endDate: null, precision: 'day', kind: '成文', label: verb ? `${whole}${verb}` : shortTitle(doc), printed: doc.date, text: doc.title, yearFromDocument: false, anchor: null, source: { file: span.file, line } });
    }

    // A law's 施行 (laws stage): its 附则 article, even when the day is not printed there (自发布之日起施行).
    const start = doc.law && !doc.law.excerpt ? doc.law.history.find((h) => h.action === '施行' && h.anchor !== null) : undefined;
    if (start) {
      const printed = /自(.+?)起(?:施行|实施|生效)/u.exec(start.text)?.[1] ?? start.date;
      add({ date: start.date, endDate: null, precision: 'day', kind: '施行', label: `${doc.law!.name}施行`, printed, text: start.text, yearFromDocument: false, anchor: start.anchor, source: start.source });
    }

    for (const w of walk(doc)) {
      const c = w.clause;
      if ([...w.ancestors, c].some((a) => a.heading && SKIP_HEADING.test(a.heading))) continue;
      if (c.table) {
        tableEvents(doc, w, year, add);
        continue;
      }
      const text = c.text;
      if (!text) continue;
      const blank = /\d{4}\s*年\s*月\s*日/u.exec(text);
      if (blank) report(placeIn(c, blank.index, blank[0].length), 'blank-date', `日期栏为空：“${text.trim().slice(0, 30)}”（表格模板，未作为事件）`);
      for (const ex of findDateExpressions(maskTitles(text), year)) {
        const sentence = sentenceAt(text, ex.index);
        // A paragraph that is only a day: a signature date (of the document, or of an attachment it carries).
        const onlyDate = ex.precision === 'day' && !ex.endDate && text.replace(/[\s。.，,:：]/gu, '') === ex.printed.replace(/\s/gu, '');
        const attachment = [...w.ancestors].reverse().find((a) => a.kind === 'attachment' || a.kind === 'enclosure');
        if (onlyDate && ex.date === doc.date && !attachment) continue; // the document's own date, already an event
        const kind: EventKind = onlyDate ? '成文' : classify(text, ex, sentence.text, [...headings(w), doc.title].join(' '));
        if (kind === '部署' && ex.date === doc.date) continue; // a restatement of the document's date (1996年9月1日：《职业教育法》…)
        if (start && c.anchor === start.anchor && ex.date === start.date) continue; // the law's 施行, already an event
        const label = onlyDate ? (attachment?.heading ?? shortTitle(doc)) : labelFor(kind, text, ex, doc, w, attachment ?? null);
        add({
          date: ex.date,
          endDate: ex.endDate,
          precision: ex.precision,
          kind,
          label,
          printed: ex.printed,
          text: sentence.text,
          yearFromDocument: ex.yearFromDocument,
          anchor: c.anchor,
          source: { file: c.source.file, line: placeIn(c, ex.index).line },
        });
      }
      // 即日起上线试运行: the document's date is the event's.
      const now = /即日起/u.exec(text);
      if (now && doc.date) {
        const sentence = sentenceAt(text, now.index);
        const kind: EventKind = /上线|试运行|启用/u.test(sentence.text) ? '平台' : '部署';
        add({
          date: doc.date,
          endDate: null,
          precision: 'day',
          kind,
          label: kind === '平台' ? platformLabel(sentence.text) : truncate(sentence.text, 36),
          printed: '即日起',
          text: sentence.text,
          yearFromDocument: false,
          anchor: c.anchor,
          source: { file: c.source.file, line: placeIn(c, now.index).line },
        });
      }
    }
    raw.push(...dedupeWithin(docEvents));
  }

  // Batch confirmations: the confirming notice's date, at its first clause (the one that confirms), cited to the
  // line its date is printed on.
  for (const b of batches) {
    const d = b.confirmed?.document ? documents.find((x) => x.id === b.confirmed!.document) : null;
    if (!d?.date) continue;
    const first = d.clauses.find((c) => c.text) ?? d.clauses[0];
    const dated = { file: d.source[0]!.file, line: datedLine(d).line };
    raw.push({
      id: '',
      date: d.date,
      endDate: null,
      precision: 'day',
      kind: '确认',
      label: `${b.name}培训评价组织及证书确认（${b.certificates} 个证书）`,
      printed: d.date,
      text: first?.text.slice(0, 200) ?? d.title,
      yearFromDocument: false,
      documentId: d.id,
      anchor: first?.anchor ?? null,
      source: dated,
      batch: b.number,
      alsoIn: [],
    });
  }

  const events = mergeAcross(raw);
  assignIds(events);
  events.sort(compareEvents);
  const steps = batchSteps(documents, batches, options.totals ?? [], events);
  return { events, steps };
}

/**
 * The line a document's date is printed on: its own date line (2019年4月15日: `dateSource`, which the
 * ids stage fills from the elements stage's date line), else the clause that holds the date (its
 * source map gives the line). `bare`: the date only opens the clause, followed by a colon and no verb
 * (1996年9月1日：《中华人民共和国职业教育法》总则第八条规定…).
 */
function datedLine(doc: PolicyDocument): { line: number; bare: boolean; verb: string | null } {
  const span = doc.source[0]!;
  if (doc.dateSource) return { line: doc.dateSource.line, bare: false, verb: null };
  for (const w of walk(doc)) {
    const text = w.clause.text;
    const at = findDate(text);
    if (at?.iso !== doc.date) continue;
    const opens = text.slice(0, at.index).trim() === '';
    const rest = text.slice(at.index + at.length);
    const verb = opens ? (/^\s*(印发|发布|公布|通过|修正|修订|施行)的?/u.exec(rest)?.[1] ?? null) : null;
    return { line: placeIn(w.clause, at.index).line, bare: opens && /^\s*[:：]/u.test(rest), verb };
  }
  return { line: span.startLine, bare: false, verb: null };
}

/** Where the date that opens `text` ends (2022年4月20日 of 2022年4月20日 第十三届…). */
function findDateEnd(text: string): number {
  const m = /^(?:根据|依据)?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/u.exec(text);
  return m ? m[0].replace(/^(?:根据|依据)\s*/u, '').length : text.length;
}

// ── kinds and labels ───────────────────────────────────────────────────────

function classify(text: string, ex: DateExpr, sentence: string, context: string): EventKind {
  if (ex.deadline) return '截止';
  if (/公示(?:期|时间)/u.test(sentence)) return '公示期';
  if (/招募/u.test(sentence)) return '招募';
  if (/上线|试运行/u.test(sentence)) return '平台';
  if (/座谈会|召开.{0,20}会/u.test(sentence)) return '会议';
  const near = nearText(text, ex);
  if (ex.precision === 'year' || /预计|目标/u.test(near)) return '里程碑';
  if (/申报|报名/u.test(near) && ex.endDate) return '申报';
  if (/培训|学习班|研修|报到/u.test(near)) return '培训';
  if (/培训时间|学习班|培训班/u.test(context)) return '培训';
  if (/申报/u.test(context) && ex.endDate) return '申报';
  return '部署';
}

/** The phrase holding the date and the phrase after it. */
function nearText(text: string, ex: DateExpr): string {
  const p = phraseAt(text, ex.index);
  const next = phraseAt(text, Math.min(text.length, p.end + 1));
  return text.slice(p.start, Math.max(p.end, next.end));
}

/**
 * An event's label: a short, complete phrase that says what happens, taken from the clause.
 *
 *  - the date (with 于…前 / 至…止) is cut out of its phrase; 拟于 / 计划于 keep 拟 / 计划 (a plan stays a plan);
 *  - a phrase that only sets the frame (围绕…, 根据…, 按照…, 从…做起) is not what happens: it is dropped and
 *    the phrase after it taken (各省教育行政部门根据…情况，会同…做好… → 各省教育行政部门会同…做好…);
 *  - a phrase that only names a time (申报时间为…, 平台申报开放时间至…止, 报名截止日期…, a 培训时间 heading)
 *    says what the time is of: 平台申报截止, 2024年第二批1+X证书试点申报, 物流管理…师资培训;
 *  - （以下简称…） and （附件 1） asides are left out; a form the deadline names replaces its generic noun
 *    (将汇总表…发至 → 将《…汇总表》…发至);
 *  - inside one of several parallel plans (附件: X职业技能等级证书师资培训方案) the certificate is named;
 *  - never cut mid-phrase: a long label keeps whole phrases.
 */
function labelFor(kind: EventKind, text: string, ex: DateExpr, doc: PolicyDocument, w: Walked, attachment: Clause | null): string {
  if (kind === '公示期') return `公示：${shortTitle(doc)}`;
  if (kind === '招募') {
    const m = /《([^》]*招募[^》]*)》/u.exec(sentenceAt(text, ex.index).text);
    if (m) return `发布《${m[1]}》`;
  }
  const topic = topicOf(attachment?.heading ?? shortTitle(doc));
  // Within REACH of the date: the phrase is found within it anyway, and copying the whole text per date was quadratic.
  const lead = text.slice(Math.max(0, ex.index - REACH), ex.index);
  const modal = /(拟|计划|预计)于\s*$/u.exec(lead)?.[1] ?? '';
  const before = lead.replace(/(?:并?请?于|在|至|为|是|定于|拟于|计划于|预计于)\s*$/u, '') + modal;
  const after = text.slice(ex.index + ex.length, ex.index + ex.length + REACH).replace(/^\s*(?:前|止|之前|以前|为止)/u, '');
  const joined = before + '\u0000' + after;
  const p = phraseAt(joined, before.length);
  let end = p.end;
  const more = () => {
    if (end >= joined.length || /[。；]/u.test(joined[end] ?? '')) return null;
    const next = phraseAt(joined, end + 1);
    const phrase = asides(joined.slice(end + 1, next.end));
    end = next.end;
    return phrase;
  };
  // A frame (围绕…, 根据…, 从…做起) is dropped; a subject before it takes the next phrase's verb.
  let label = '';
  let glue = false;
  let said = false;
  // A frame only where a phrase follows in the sentence to say what happens (按照规定结清费用。 is the action).
  const follows = () => end < joined.length && !/[。；]/u.test(joined[end] ?? '');
  const take = (phrase: string): void => {
    const f = follows() ? FRAME.exec(phrase) : null;
    if (START_FROM.test(trimLabel(phrase)) && follows()) return;
    if (f) {
      if (f.index > 0) {
        label += (label && !glue ? '，' : '') + phrase.slice(0, f.index);
        glue = true;
      }
      return;
    }
    label += (label && !glue ? '，' : '') + phrase;
    glue = false;
    said = trimLabel(phrase) !== '';
  };
  take(asides(joined.slice(p.start, p.end).replace('\u0000', '')));
  // Only a time named (申报时间, 报名截止日期, 平台申报开放时间; a clause under a 培训时间 heading): say of what.
  const heading = (w.clause.heading ?? w.ancestors.at(-1)?.heading ?? '').replace(/^[一二三四五六七八九十]+、/u, '');
  const named = TIME_NOUN.exec(trimLabel(label)) ?? (trimLabel(label) === '' ? TIME_NOUN.exec(heading) : null);
  if (named) {
    const what = named[1]!.replace(/(?:开放|受理)$/u, '');
    const core = ex.deadline && !/截止$/u.test(what) ? `${what}截止` : what;
    if (core.length >= 6) return core;
    return topic.endsWith(what) ? `${topic}${core.slice(what.length)}` : `${topic}${core}`;
  }
  while (!said || trimLabel(label).length < 8) {
    const next = more();
    if (next === null) break;
    take(next);
  }
  label = trimLabel(label);
  if (ex.qualifier && /下半年|上半年/u.test(ex.qualifier)) label = `${ex.qualifier.replace(/^[到至自从]/u, '')}：${label}`;
  // A deadline says what is due; the form it names (《…汇总表》) says for what.
  const form = /《([^》]+)》/u.exec(text.slice(sentenceAt(text, ex.index).start, ex.index))?.[1];
  if (kind === '截止' && form && !label.includes('《')) {
    const generic = /(汇总表|申报表|登记表|统计表|报名表|一览表|计划表)/u.exec(form)?.[1];
    label = generic && label.includes(generic) ? label.replace(generic, `《${form}》`) : `${label}（《${form}》）`;
  }
  if (label.length < 4) return topic;
  // One of several parallel plans: which one.
  const cert = attachment?.kind === 'attachment' && attachment.heading ? /^([^“”《》，、]{2,20}?)(?:职业)?技能等级证书/u.exec(attachment.heading)?.[1] : undefined;
  if (cert && !label.includes(cert)) label = `${cert}：${label}`;
  return wholePhrases(label, 60);
}

/** Phrases that set the frame of an action and are not the action: 围绕…, 根据…, 按照…, 针对…, 结合…. */
const FRAME = /(?:重点)?(?:围绕|根据|按照|依据|针对)|^结合/u;
/** 从 10 个左右领域做起: where to start, not what happens. */
const START_FROM = /^从.{1,20}(?:做起|入手|抓起)$/u;
/** A phrase that only names a time: 申报时间, 平台申报开放时间, 报名截止日期, 培训时间. */
const TIME_NOUN = /^(.{1,12}?)(?:时间|日期|期间|时段)$/u;

/** （以下简称…）, （以下称…）, （附件 1）, （见附件 2） asides left out of a label. */
function asides(s: string): string {
  return s.replace(/[（(]\s*(?:以下简称|以下称|简称|见?附件\s*\d+)[^（）()]*[）)]/gu, '');
}

/** 做好2024年第二批1+X证书试点申报工作 → 2024年第二批1+X证书试点申报; 物流管理…师资培训方案 → 物流管理…师资培训. */
function topicOf(title: string): string {
  return title
    .replace(/^关于/u, '')
    .replace(/^(?:做好|举办|开展|推进|印发)/u, '')
    .replace(/(?:工作|有关事项|方案|的通知)$/u, '')
    .trim();
}

/** At most `n` characters, cut only after a whole phrase (，；): a label never ends mid-phrase. */
function wholePhrases(s: string, n: number): string {
  if ([...s].length <= n) return s;
  const cut = Math.max(...['，', '；'].map((m) => s.lastIndexOf(m, n)));
  return cut > 0 ? s.slice(0, cut) : s;
}

/** A label without the punctuation and spaces a cut left at its ends. */
function trimLabel(s: string): string {
  return s
    .replace(/\u0000/gu, '')
    .replace(/^[\s，,：:；。、）)]+|[\s，,：:；。、（(]+$/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

function platformLabel(sentence: string): string {
  const names = [...sentence.matchAll(/（简称([^）]+)）/gu)].map((m) => m[1]!);
  return names.length ? `${names.join('、')}上线试运行` : truncate(sentence, 36);
}

function truncate(s: string, n: number): string {
  // Only the head is spread into characters: spreading a 5 MB line on every call was quadratic.
  const t = s.trim();
  const head = [...t.slice(0, 2 * n)];
  return t.length > 2 * n || head.length > n ? `${head.slice(0, n - 1).join('')}…` : t;
}

/** 关于参与 1+X 证书制度试点的首批职业教育培训评价组织…公示公告 → 首批培训评价组织… */
export function shortTitle(doc: Pick<PolicyDocument, 'title' | 'enclosedTitle'>): string {
  // 印发/转发《X》的通知 → X
  const carried = /^(.{0,30}?)(印发|转发)《(.+)》(?:的通知)?$/u.exec(doc.title);
  const title = carried ? carried[3]! : doc.title;
  const who = carried?.[2] === '转发' ? `${carried[1]!.replace(/关于$/u, '')}转发：` : '';
  return who + title
    .replace(/^.{0,20}?关于/u, '')
    .replace(/(?:的)?(?:通知|公示公告|公告|公示)$/u, '')
    .replace(/参与\s*1\s*\+\s*X\s*证书制度试点的?/u, '')
    .replace(/职业教育培训\s*评价组织/gu, '培训评价组织')
    .replace(/(?<=[\p{Script=Han}）》”])\s+|\s+(?=[\p{Script=Han}（《“])/gu, '')
    .trim();
}

// ── tables: a 时间 column ───────────────────────────────────────────────────

function tableEvents(doc: PolicyDocument, w: Walked, year: number | null, add: (e: Omit<TimelineEvent, 'id' | 'batch' | 'alsoIn' | 'documentId'>) => void): void {
  const t = w.clause.table!;
  const header = t.header?.cells.map((c) => c.text) ?? [];
  const col = header.findIndex((h) => /时间|日期/u.test(h));
  if (col < 0) return;
  const nameCol = header.findIndex((h) => /名称|班/u.test(h));
  const context = [...headings(w), doc.title].join(' ');
  for (const row of t.rows) {
    const cell = row.cells[col]?.text ?? '';
    const name = (row.cells[nameCol >= 0 ? nameCol : 1]?.text ?? '').trim();
    for (const ex of findDateExpressions(cell, year)) {
      const kind: EventKind = ex.deadline ? '截止' : /培训|学习班/u.test(`${name} ${context}`) ? '培训' : /申报/u.test(context) ? '申报' : '部署';
      add({
        date: ex.date,
        endDate: ex.endDate,
        precision: ex.precision,
        kind,
        label: truncate(name || shortTitle(doc), 40),
        printed: ex.printed,
        text: row.cells.map((c) => c.text).join('｜'),
        yearFromDocument: ex.yearFromDocument,
        anchor: w.clause.anchor,
        source: { file: w.clause.source.file, line: row.line },
      });
    }
  }
}

// ── duplicates ─────────────────────────────────────────────────────────────

/**
 * Within a document: the same happening stated twice (a meeting in the notice and in its 纪要), or a
 * training day inside a training range (7月20日全天报到 within 7月20日至22日).
 * Milestones and work steps on the same year are distinct unless their labels are.
 */
function dedupeWithin(events: TimelineEvent[]): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  for (const e of events) {
    const dup = out.find(
      (o) =>
        o.kind === e.kind &&
        ((o.date === e.date && o.endDate === e.endDate && (!LABELLED.has(e.kind) || o.label === e.label)) ||
          (e.kind === '培训' && o.endDate !== null && e.endDate === null && o.date <= e.date && e.date <= o.endDate)),
    );
    if (!dup) out.push(e);
  }
  return out;
}

/** Across documents: the same kind on the same dates (2018年9月 招募, restated by three notices) becomes one event citing all. */
function mergeAcross(events: TimelineEvent[]): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  // Indexes over `out` (a scan of `out` per event grows with the square of the corpus).
  const byWhen = new Map<string, TimelineEvent[]>(); // kind, date, end date → events of out, in order
  const written = new Set<string>(); // document, date, anchor of the 成文 events of out
  const whenKey = (e: TimelineEvent) => `${e.kind}\u0000${e.date}\u0000${String(e.endDate)}`;
  const writtenKey = (e: TimelineEvent) => JSON.stringify([e.documentId, e.date, e.anchor]);
  for (const e of [...events].sort(compareEvents)) {
    const same = !GENERIC.has(e.kind) && e.kind !== '成文' && e.kind !== '确认' ? byWhen.get(whenKey(e))?.find((o) => o.documentId !== e.documentId) : undefined;
    if (same) same.alsoIn.push({ documentId: e.documentId, anchor: e.anchor, source: e.source });
    else if (!(e.kind === '成文' && written.has(writtenKey(e)))) {
      out.push(e);
      const list = byWhen.get(whenKey(e));
      if (list) list.push(e);
      else byWhen.set(whenKey(e), [e]);
      if (e.kind === '成文') written.add(writtenKey(e));
    }
  }
  // A confirmation replaces its notice's 成文 event.
  const confirmed = new Set(out.filter((o) => o.kind === '确认').map((o) => o.documentId));
  return out.filter((e) => !(e.kind === '成文' && e.anchor === null && confirmed.has(e.documentId)));
}

/** Kinds where two statements in one document on the same date may be two different things. */
const LABELLED = new Set<EventKind>(['里程碑', '部署', '截止']);
/** Kinds where two documents stating the same date may mean two different things. */
const GENERIC = new Set<EventKind>(['里程碑', '部署', '截止', '培训']);

function assignIds(events: TimelineEvent[]): void {
  const used = new Set<string>();
  for (const e of events) {
    const base = `${e.documentId}/${e.anchor ?? 'doc'}/${e.date}`;
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    e.id = id;
  }
}

export function compareEvents(a: Pick<TimelineEvent, 'date' | 'documentId' | 'source'>, b: Pick<TimelineEvent, 'date' | 'documentId' | 'source'>): number {
  return a.date.localeCompare(b.date) || a.documentId.localeCompare(b.documentId) || a.source.line - b.source.line;
}

// ── batches ────────────────────────────────────────────────────────────────

/** Pilot batches named in a text (首批, 第二批 …), not a province's rounds (2024年第二批). */
export function batchesIn(text: string): number[] {
  const out = new Set<number>();
  for (const m of text.matchAll(BATCH_WORD)) out.add(m[1] === '首批' ? 1 : BATCH_NUMBER[m[2]!]!);
  return [...out];
}

/** Document id → the batch it is about: a batch's notices, or a title naming exactly one batch. */
function batchIndex(documents: PolicyDocument[], batches: Batch[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of documents) {
    const named = batchesIn(d.title);
    if (named.length === 1) out.set(d.id, named[0]!);
  }
  for (const b of batches) {
    for (const n of [b.announced, b.confirmed]) if (n?.document) out.set(n.document, b.number);
  }
  return out;
}

function batchSteps(documents: PolicyDocument[], batches: Batch[], totals: StatedTotal[], events: TimelineEvent[]): BatchStep[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const steps: BatchStep[] = [];
  const noticeOf = (role: StepNotice['role'], d: PolicyDocument, anchor: string | null = null, source: { file: string; line: number } | null = null): StepNotice => ({
    role,
    documentId: d.id,
    docNumber: d.docNumber,
    title: d.title,
    date: d.date,
    anchor,
    source: source ?? { file: d.source[0]!.file, line: d.source[0]!.startLine },
  });
  const firstClause = (d: PolicyDocument): Clause | undefined => d.clauses.find((c) => c.text) ?? d.clauses[0];

  for (const b of batches) {
    const notices: StepNotice[] = [];
    for (const [role, n] of [['公示', b.announced], ['确认', b.confirmed]] as const) {
      if (!n) continue;
      const d = n.document ? byId.get(n.document) : undefined;
      if (d) notices.push(noticeOf(role, d, firstClause(d)?.anchor ?? null, firstClause(d)?.source ?? null));
      else
        notices.push({
          role,
          documentId: null,
          docNumber: n.docNumber,
          title: n.title,
          date: n.date,
          anchor: n.citedIn?.anchor ?? null,
          source: n.citedIn ? { file: byId.get(n.citedIn.document)?.source[0]!.file ?? '', line: n.citedIn.line } : null,
        });
    }
    for (const d of documents) {
      if (notices.some((x) => x.documentId === d.id)) continue;
      const named = batchesIn(d.title);
      if (named.length !== 1 || named[0] !== b.number) continue;
      notices.push(noticeOf(/申报/u.test(d.title) ? '申报通知' : '工作通知', d));
    }
    notices.sort((x, y) => (x.date ?? '9999').localeCompare(y.date ?? '9999'));
    const stepEvents = events.filter((e) => e.batch === b.number && e.kind !== '成文');
    const publicity = stepEvents.find((e) => e.kind === '公示期' && e.documentId === b.announced?.document);
    const date = b.announced?.date ?? b.confirmed?.date ?? notices.find((n) => n.date)?.date;
    if (!date) continue;
    // Cite the clause that states the batch's size, else the first notice's first clause.
    const stated = totals.find((t) => t.of === 'certificates' && t.batches.length === 1 && t.batches[0] === b.number && notices.some((n) => n.documentId === t.document));
    const lead = notices.find((n) => n.documentId && (n.role === '公示' || n.role === '确认')) ?? notices.find((n) => n.documentId)!;
    steps.push({
      id: `batch-${b.number}`,
      kind: 'batch',
      name: b.name,
      date,
      batches: [b.number],
      announced: b.announced?.date ?? null,
      publicity: publicity ? { start: publicity.date, end: publicity.endDate ?? publicity.date } : null,
      confirmed: b.confirmed?.date ?? null,
      certificates: b.certificates,
      organizations: b.organizations,
      listed: null,
      notices,
      events: events.filter((e) => e.batch === b.number).map((e) => e.id),
      documentId: stated?.document ?? lead.documentId!,
      anchor: stated?.anchor ?? lead.anchor,
      source: stated ? { file: stated.file, line: stated.line } : lead.source!,
    });
  }

  // 扩大试点规模: a notice that lifts the size limit.
  for (const d of documents) {
    if (!/扩大.{0,12}试点(?:规模|范围)/u.test(d.title) || !d.date) continue;
    const w = walk(d).find((x) => /不做规模限制|不限规模/u.test(x.clause.text)) ?? walk(d).find((x) => /规模/u.test(x.clause.text));
    const c = w?.clause ?? firstClause(d);
    const limit = c && /不做规模限制|不限规模/u.exec(c.text);
    steps.push({
      id: `expansion-${d.id}`,
      kind: 'expansion',
      name: '扩大试点规模',
      date: d.date,
      batches: [],
      announced: null,
      publicity: null,
      confirmed: null,
      certificates: null,
      organizations: null,
      listed: null,
      notices: [noticeOf('规模调整', d, c?.anchor ?? null, c?.source ?? null)],
      events: events.filter((e) => e.documentId === d.id).map((e) => e.id),
      documentId: d.id,
      anchor: c?.anchor ?? null,
      source: c ? { file: c.source.file, line: limit ? placeIn(c, limit.index).line : c.source.line } : { file: d.source[0]!.file, line: d.source[0]!.startLine },
    });
  }

  // Stated totals over several batches (前三批共 92 个, 四批共 447 个): one step per figure, at its first statement.
  const seen = new Set<string>();
  const multi = totals
    .filter((t) => t.of === 'certificates' && t.batches.length > 1)
    .map((t) => ({ t, d: byId.get(t.document) }))
    .filter((x): x is { t: StatedTotal; d: PolicyDocument } => !!x.d?.date)
    .sort((a, b) => a.d.date!.localeCompare(b.d.date!) || a.t.line - b.t.line);
  for (const { t, d } of multi) {
    const key = `${t.value}/${t.batches.join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const n = t.batches.length;
    steps.push({
      id: `total-${t.value}`,
      kind: 'total',
      name: `${BATCH_NAME[t.batches[0]!] ?? ''}至${BATCH_NAME[t.batches.at(-1)!] ?? `第${n}批`}共 ${t.value} 个证书`.replace(/^至/u, ''),
      date: d.date!,
      batches: t.batches,
      announced: null,
      publicity: null,
      confirmed: null,
      certificates: t.value,
      organizations: null,
      listed: t.listed,
      notices: [noticeOf('总数', d, t.anchor, { file: t.file, line: t.line })],
      events: [],
      documentId: d.id,
      anchor: t.anchor,
      source: { file: t.file, line: t.line },
    });
  }
  return steps.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
