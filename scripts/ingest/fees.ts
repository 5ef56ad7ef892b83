/**
 * Fees stage: every money figure the documents print, with what it is — amount, unit, purpose,
 * cap or price or subsidy or funding, who pays, the certificate or course, the clause — and the
 * rules the text states over figures (the mixed-exam ceiling, weighted by score share).
 * A pure function of the typed documents (and the catalog, to name a certificate's organisation).
 *
 *   running text      → findMoney (fees/money.ts) → classify by the nearest keyword → Fee
 *   "包括 A、B、C、D … 分别不超过 v1、v2、v3、v4" → one cap per item, in order
 *   "若为混合型考试，则根据各类型考核分值所占比例确定成本上限" → a FeeRule over those caps
 *   a table column headed "…费（元）" → one Fee per row
 *   anything no rule names → `unclassified` and an anomaly
 */
import type { Clause, PolicyDocument } from '../../src/schema/corpus.ts';
import type { Report } from './diagnostics.ts';
import type { Certificate, Organization } from '../../src/schema/catalog.ts';
import type { Fee, FeeRule, UnclassifiedFigure } from '../../src/schema/timeline.ts';
import { type Meaning, boundOf, classify, findMoney } from './fees/money.ts';
import { type Walked, headings, placeIn, walk } from './events/text.ts';
import { sentenceAt } from './text/sentences.ts';

export interface FeesOptions {
  /** The catalog: a figure about a certificate names the certificate's organisation. */
  certificates?: Pick<Certificate, 'id' | 'name' | 'aliases' | 'organizations'>[];
  organizations?: Pick<Organization, 'id' | 'name'>[];
}

export interface FeesResult {
  fees: Fee[];
  rules: FeeRule[];
  unclassified: UnclassifiedFigure[];
}

/**
 * Diagnostics go to `report` (rules `fee-unclassified`, `fee-list-mismatch`) at the figure's place;
 * every line comes from the clause's source map.
 */
export function extractFees(documents: PolicyDocument[], report: Report, options: FeesOptions = {}): FeesResult {
  const fees: Fee[] = [];
  const rules: FeeRule[] = [];
  const unclassified: UnclassifiedFigure[] = [];
  const subjectOf = subjects(options);

  for (const doc of documents) {
    // This document's fees start here: an earlier figure it repeats is among them (not a scan of every fee).
    const docFrom = fees.length;
    for (const w of walk(doc)) {
      const c = w.clause;
      const context = [...headings(w), doc.title].join(' ');
      const cert = subjectOf(w, doc);
      const organizer = cert?.organizer ?? doc.issuers[0] ?? null;
      if (c.table) {
        tableFees(doc, w, context, cert, organizer, fees, docFrom);
        continue;
      }
      const text = c.text;
      const found = findMoney(text);
      if (!found.length) continue;
      const items = listItems(text);
      const clauseFees: Fee[] = [];
      found.forEach((m, k) => {
        const s = sentenceAt(text, m.index);
        const before = text.slice(s.start, m.index);
        const after = text.slice(m.index + m.length, s.end);
        const id = `${doc.id}/${c.anchor}/${k + 1}`;
        const place = placeIn(c, m.index, m.length);
        const line = place.line;
        const meaning = classify(before, after, context);
        if (!meaning) {
          unclassified.push({ id, amount: m.amount, printed: m.printed, documentId: doc.id, anchor: c.anchor, source: { file: c.source.file, line }, text: s.text });
          report(place, 'fee-unclassified', `金额“${m.printed}”未能归类：“${truncate(s.text, 40)}”`);
          return;
        }
        // "…分别不超过 200 元/人次、300 元/人次…": the k-th figure after 分别 is the k-th listed item.
        let item: string | null = null;
        let itemPrinted: string | null = null;
        const resp = before.lastIndexOf('分别');
        if (resp >= 0 && items) {
          const nth = found.filter((x) => x.index > s.start + resp && x.index <= m.index).length - 1;
          const inSentence = found.filter((x) => x.index > s.start + resp && x.index < s.end).length;
          if (inSentence !== items.length && nth === 0) {
            report(place, 'fee-list-mismatch', `“分别”后有 ${inSentence} 个金额，而前文列出 ${items.length} 项（${items.join('、')}）`);
          }
          if (inSentence === items.length) {
            itemPrinted = items[nth] ?? null;
            item = itemPrinted && shortItem(itemPrinted);
          }
        }
        const course = courseIn(text);
        // “乌鲁木齐信达海德酒店价格420元/晩”: the hotel's room rate, charged by the hotel, not by the organiser.
        const third = meaning.purpose === '住宿费' ? hotelIn(before) : null;
        const fee: Fee = {
          id,
          amount: m.amount,
          printed: m.printed,
          unit: m.unit,
          ...refine(meaning, m.unit, context),
          ...(third ? { recipient: third } : {}),
          item,
          itemPrinted,
          bound: meaning.nature === 'cap' ? 'max' : boundOf(before, after),
          subject: course ?? cert?.name ?? null,
          certificate: cert?.id ?? null,
          organizer: third ?? organizer,
          repeats: null,
          documentId: doc.id,
          anchor: c.anchor,
          source: { file: c.source.file, line },
          text: s.text,
        };
        fee.repeats = firstFrom(fees, docFrom, (f) => f.documentId === doc.id && f.amount === fee.amount && f.unit === fee.unit && f.purpose === fee.purpose && f.item === fee.item)?.id ?? null;
        clauseFees.push(fee);
      });
      fees.push(...clauseFees);

      // A rule over the listed caps: "若为混合型考试，则根据各类型考核分值所占比例确定成本上限".
      // Sentence by sentence: the unanchored pattern backtracked over a whole long line.
      const sentence = text.split(/(?<=[。；])/u).find((x) => /混合[^。；]*比例[^。；]*(?:上限|成本)/u.test(x));
      const mixed = sentence ? [sentence.trim()] : null;
      const caps = clauseFees.filter((f) => f.nature === 'cap' && f.item);
      if (mixed && caps.length > 1) {
        rules.push({
          id: `${doc.id}/${c.anchor}/mixed`,
          kind: 'weighted-by-score-share',
          label: '混合型考试的考核成本上限',
          unit: caps[0]!.unit,
          components: caps.map((f) => ({ item: f.item!, itemPrinted: f.itemPrinted ?? f.item!, feeId: f.id, amount: f.amount })),
          documentId: doc.id,
          anchor: c.anchor,
          source: { file: c.source.file, line: placeIn(c, Math.max(0, text.indexOf(mixed[0].trim()))).line },
          text: mixed[0].trim(),
        });
      }
    }
  }
  // Who pays the assessment fees the caps bound: not said with the caps, said elsewhere in the corpus.
  const payers = assessmentPayers(documents);
  if (payers.length) for (const f of fees) if (f.purpose === '考核成本上限' && f.payer === null) f.payerElsewhere = payers;
  return { fees, rules, unclassified };
}

/**
 * Sentences that say who pays the assessment fees (考核费用): “试点院校是 1+X 证书考核费用的支付责任主体”,
 * “试点院校可统筹财政拨款、学费及其他事业收入等办学经费分担培训考核费用”. The subject opens the sentence.
 */
function assessmentPayers(documents: PolicyDocument[]): NonNullable<Fee['payerElsewhere']> {
  const out: NonNullable<Fee['payerElsewhere']> = [];
  const SUBJECT = '^(?:\\d+\\s*[.．、]\\s*)?(?:各)?([\\p{Script=Han}]{2,10}?)';
  const IS_PAYER = new RegExp(`${SUBJECT}(?:是|为)[^。；]*考核费用的?支付责任主体`, 'u');
  const BEARS = new RegExp(`${SUBJECT}(?:可|应|要|须)[^。；]*(?:分担|承担|支付)[^。；]*考核费用`, 'u');
  for (const doc of documents) {
    for (const w of walk(doc)) {
      const c = w.clause;
      if (!/考核费用/u.test(c.text)) continue;
      for (const raw of c.text.split(/(?<=[。；])/u)) {
        const sentence = raw.trim();
        const m = IS_PAYER.exec(sentence) ?? BEARS.exec(sentence);
        if (!m) continue;
        const line = placeIn(c, Math.max(0, c.text.indexOf(sentence))).line;
        out.push({ payer: m[1]!, documentId: doc.id, anchor: c.anchor, source: { file: c.source.file, line }, text: sentence });
      }
    }
  }
  return out;
}

/** The hotel (酒店, 宾馆, 饭店, 招待所) named right before a room rate: “乌鲁木齐信达海德酒店价格”. */
function hotelIn(before: string): string | null {
  return /([\p{Script=Han}]{2,20}?(?:酒店|宾馆|饭店|招待所))(?:的)?(?:价格|房价|协议价|标准)?[为是:：]?\s*$/u.exec(before)?.[1] ?? null;
}

/** The first element from index `from` on that satisfies `test`. */
function firstFrom<T>(list: T[], from: number, test: (x: T) => boolean): T | undefined {
  for (let k = from; k < list.length; k++) if (test(list[k]!)) return list[k];
  return undefined;
}

/** A 培训费 under a 师资培训 heading is a 师资培训费; a day rate is 日均. */
function refine(meaning: Meaning, unit: string, context: string): Meaning {
  let m = meaning;
  if (m.purpose === '培训费' && /(?:教师|师资)培训/u.test(context)) m = { ...m, purpose: '师资培训费', payer: '试点院校教师', recipient: '培训评价组织' };
  if (m.purpose === '师资培训费' && /天/u.test(unit)) m = { ...m, purpose: '师资培训费（日均）' };
  return m;
}

/** The list a 分别 refers to: "包括纸笔考试、机考、…。" earlier in the clause. */
function listItems(text: string): string[] | null {
  const lists = [...text.matchAll(/包括([^。；：]+?)[。；]/gu)].map((m) => m[1]!.split('、').map((x) => x.trim()).filter(Boolean));
  return lists.filter((l) => l.length > 1).at(-1) ?? null;
}

/** 基于一般实训设备和场地的实操考试 → 一般实操. */
export function shortItem(item: string): string {
  const m = /^基于(一般|特殊)/u.exec(item);
  return m && /实操/u.test(item) ? `${m[1]}实操` : item;
}

interface Subject {
  id: string | null;
  name: string;
  organizer: string | null;
}

/** The certificate a clause is about: named in its headings or the document title (catalog names first). */
function subjects(options: FeesOptions): (w: Walked, doc: PolicyDocument) => Subject | null {
  const squash = (s: string) => s.replace(/\s+/gu, '');
  const orgName = new Map((options.organizations ?? []).map((o) => [o.id, o.name]));
  const certs = (options.certificates ?? [])
    .flatMap((c) => [c.name, ...c.aliases].map((n) => ({ c, key: squash(n).replace(/职业技能等级证书$/u, '') })))
    .filter((x) => x.key.length >= 2)
    .sort((a, b) => b.key.length - a.key.length);
  // The first of `certs` whose key the text prints before (职业)技能等级证书, found from the text's
  // occurrences of 技能等级证书 and a map of keys, instead of trying every certificate on every heading.
  const firstIndex = new Map<string, number>();
  certs.forEach((x, k) => {
    if (!firstIndex.has(x.key)) firstIndex.set(x.key, k);
  });
  const lengths = [...new Set(certs.map((x) => x.key.length))];
  const SUFFIX = '技能等级证书';
  const certNamedIn = (text: string): (typeof certs)[number] | undefined => {
    let best = Infinity;
    for (let p = text.indexOf(SUFFIX); p >= 0; p = text.indexOf(SUFFIX, p + 1)) {
      const ends = text.slice(Math.max(0, p - 2), p) === '职业' ? [p, p - 2] : [p];
      for (const end of ends) {
        for (const len of lengths) {
          if (len > end) continue;
          const k = firstIndex.get(text.slice(end - len, end));
          if (k !== undefined && k < best) best = k;
        }
      }
    }
    return best === Infinity ? undefined : certs[best];
  };
  return (w, doc) => {
    const places = [...[...w.ancestors, w.clause].map((c) => c.heading ?? '').reverse(), doc.title].filter(Boolean);
    for (const p of places) {
      const text = squash(p);
      const hit = certNamedIn(text);
      if (hit) return { id: hit.c.id, name: hit.c.name, organizer: orgName.get(hit.c.organizations[0] ?? '') ?? null };
      const m = /(?:^|[”\s])([^“”\s《》，。、]{2,12}?)\s*(?:职业)?技能等级证书/u.exec(p.replace(/\d{4}\s*年[\s\d\-月至]*月/gu, ' '));
      if (m && !/的|关于|有关|参与|各|举办/u.test(m[1]!)) return { id: null, name: m[1]!, organizer: null };
    }
    return null;
  };
}

/** A table column headed "…费（元）": one fee per row, the row's name cell as the item. */
function tableFees(doc: PolicyDocument, w: Walked, context: string, cert: Subject | null, organizer: string | null, fees: Fee[], docFrom: number): void {
  const c: Clause = w.clause;
  const header = c.table!.header?.cells.map((x) => x.text.trim()) ?? [];
  const col = header.findIndex((h) => /费.*[（(]\s*元\s*[）)]/u.test(h));
  if (col < 0) return;
  const nameCol = header.findIndex((h) => /名称|班/u.test(h));
  const meaning = classify(header[col]!, '', context);
  if (!meaning) return;
  for (const row of c.table!.rows) {
    const cell = row.cells[col]?.text.trim() ?? '';
    if (!/^\d+(?:\.\d+)?$/u.test(cell)) continue;
    const name = row.cells[nameCol >= 0 ? nameCol : 1]?.text.trim() ?? null;
    const purpose = refine(meaning, '元', context).purpose;
    // A row per class repeating the plan's own figure (费用为 3000 元/期): a restatement of it.
    const repeated = firstFrom(fees, docFrom, (f) => f.documentId === doc.id && f.amount === Number(cell) && f.purpose === purpose && f.certificate === (cert?.id ?? null) && f.repeats === null && !/\/r\d+$/u.test(f.id));
    fees.push({
      id: `${doc.id}/${c.anchor}/r${row.line}`,
      amount: Number(cell),
      printed: `${cell}（${header[col]}）`,
      unit: '元',
      ...refine(meaning, '元', context),
      item: name,
      itemPrinted: name,
      bound: 'exact',
      subject: cert?.name ?? null,
      certificate: cert?.id ?? null,
      organizer,
      repeats: repeated?.id ?? null,
      documentId: doc.id,
      anchor: c.anchor,
      source: { file: c.source.file, line: row.line },
      text: row.cells.map((x) => x.text).join('｜'),
    });
  }
}

/** The course a clause names (公共基础课程, 工程建设标准化专业课程), without the verb before it. */
function courseIn(text: string): string | null {
  const m = /([\p{Script=Han}]{2,14}课程)/u.exec(text)?.[1];
  if (!m) return null;
  const cut = m.replace(/^.*[将把于前的在为]/u, '');
  return cut.length > 2 ? cut : null;
}

function truncate(s: string, n: number): string {
  // Only the head is spread into characters: spreading a 5 MB line on every call was quadratic.
  const t = s;
  const head = [...t.slice(0, 2 * n)];
  return t.length > 2 * n || head.length > n ? `${head.slice(0, n - 1).join('')}…` : t;
}
