/**
 * Dated events, pilot batch steps and money figures (fees, caps, subsidies), read from the
 * typed documents by scripts/ingest/events.ts and scripts/ingest/fees.ts. Written beside
 * documents.json as events.json, batch-steps.json, fees.json, fee-rules.json and
 * fee-unclassified.json; pages and tests use the inferred types.
 *
 * Every row cites its clause: document id + clause anchor (null: the document itself, e.g. its
 * 成文日期) + the source line the date or figure is printed on.
 */
import { z } from 'astro/zod';
import { SourcePoint } from './corpus.ts';

/** YYYY-MM-DD (day), YYYY-MM (month) or YYYY (year): never more precise than the text. */
export const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
export type PartialDate = z.infer<typeof PartialDate>;

export const DatePrecision = z.enum(['day', 'month', 'year']);
export type DatePrecision = z.infer<typeof DatePrecision>;

/**
 * What happened:
 * 成文 a document's (or an attachment's) date; 公示期 a publicity period; 招募 a call for
 * organisations; 确认 a batch confirmed; 申报 an application window; 截止 a deadline (…前 / 至…止 /
 * 截止日期); 培训 a training class; 平台 a platform launch; 会议 a meeting; 里程碑 a target or a
 * start written as a year (到 2022 年, 自 2019 年开始), or a date a compilation prints before a law's
 * excerpt without saying what it is (1996年9月1日：《中华人民共和国职业教育法》…); 部署 any other dated work step;
 * 施行 the day a law or regulation takes effect, as its 附则 says (本法自2022年5月1日起施行; issue 16).
 */
export const EventKind = z.enum(['成文', '公示期', '招募', '确认', '申报', '截止', '培训', '平台', '会议', '里程碑', '部署', '施行']);
export type EventKind = z.infer<typeof EventKind>;

/** Another place that states the same happening (same kind and dates). */
export const EventCitation = z.object({
  documentId: z.string(),
  anchor: z.string().nullable(),
  source: SourcePoint,
});
export type EventCitation = z.infer<typeof EventCitation>;

export const TimelineEvent = z.object({
  /** `documentId/anchor/date` (anchor `doc` for the document itself); unique. */
  id: z.string(),
  date: PartialDate,
  /** Last day (or month, year) of a range, same precision rules as `date`. */
  endDate: PartialDate.nullable(),
  precision: DatePrecision,
  kind: EventKind,
  /**
   * Short Chinese label: a complete phrase that says what happens, faithful to its clause (平台申报截止,
   * 各省（市、区）教育行政部门会同省级财政部门做好中央财政转移支付资金的分配), or the name of the document,
   * class or milestone; never cut mid-phrase.
   */
  label: z.string(),
  /** The date as printed (2019年3月26日至3月31日, 9 月 4 日至 10 月 7 日). */
  printed: z.string(),
  /** The sentence that states it. */
  text: z.string(),
  /** True when the year was not printed and comes from the document's date. */
  yearFromDocument: z.boolean(),
  documentId: z.string(),
  anchor: z.string().nullable(),
  source: SourcePoint,
  /** The batch (1, 2, 3 …) the event belongs to, when its document is a batch notice. */
  batch: z.number().int().positive().nullable(),
  alsoIn: z.array(EventCitation),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** A notice taking part in a batch step. `documentId` is null when the corpus only cites it. */
export const StepNotice = z.object({
  role: z.enum(['公示', '确认', '工作通知', '申报通知', '规模调整', '总数']),
  documentId: z.string().nullable(),
  docNumber: z.string().nullable(),
  title: z.string(),
  date: z.string().nullable(),
  anchor: z.string().nullable(),
  source: SourcePoint.nullable(),
});
export type StepNotice = z.infer<typeof StepNotice>;

/**
 * One step of the pilot's growth: a batch (首批, 第二批, 第三批 …), the 扩大试点 step (no size
 * limit), or a stated total over several batches (前三批共 92, 四批共 447).
 */
export const BatchStep = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(['batch', 'expansion', 'total']),
  name: z.string(),
  /** The date the step is drawn at: announced, else confirmed, else the stating notice's. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  batches: z.array(z.number().int().positive()),
  announced: z.string().nullable(),
  publicity: z.object({ start: PartialDate, end: PartialDate }).nullable(),
  confirmed: z.string().nullable(),
  /** Certificates: from the corpus's lists for a batch, as stated for a total. */
  certificates: z.number().int().nonnegative().nullable(),
  organizations: z.number().int().nonnegative().nullable(),
  /** For a stated total: what the corpus's lists give for the same batches (null when a list is missing). */
  listed: z.number().int().nonnegative().nullable(),
  notices: z.array(StepNotice),
  /** Events of the step's notices (ids in events.json). */
  events: z.array(z.string()),
  /** The clause to link to (the announcing/confirming/stating text). */
  documentId: z.string(),
  anchor: z.string().nullable(),
  source: SourcePoint,
});
export type BatchStep = z.infer<typeof BatchStep>;

/**
 * cap: an upper limit (不超过); price: a fee someone is charged (by the organiser, or by a third party
 * the text names: a hotel's room rate); subsidy: money paid to someone (补贴); funding: a public funding
 * level or allocation (拨款, 资金, money taken from a fund's surplus — not necessarily a budget appropriation).
 */
export const FeeNature = z.enum(['cap', 'price', 'subsidy', 'funding']);
export type FeeNature = z.infer<typeof FeeNature>;

export const Fee = z.object({
  /** `documentId/anchor/n` (n: the figure's order in the clause). */
  id: z.string(),
  /** In 元 (1000 亿元 → 100000000000). */
  amount: z.number().nonnegative(),
  /** The figure as printed: 200 元/人次, 1000 亿元, 3000 (a table cell under 培训费（元）). */
  printed: z.string(),
  /** 元/人, 元/人次, 元/天/人, 元/天, 元/期, 元/晚, 元/人/年, 元/生, 元. */
  unit: z.string(),
  /**
   * What it is for: 考核成本上限, 培训费, 补考费, 住宿费, 师资培训费, 师资培训费（日均）, 学徒培训补贴, 生均拨款,
   * 专项资金（用于…）, or a fund's surplus set aside (失业保险基金结余（用于职业技能提升行动）) …
   */
  purpose: z.string(),
  /** The item of a list the figure belongs to (考核形式: 纸笔考试, 机考, 一般实操, 特殊实操), else null. */
  item: z.string().nullable(),
  /** The item as printed (基于一般实训设备和场地的实操考试). */
  itemPrinted: z.string().nullable(),
  nature: FeeNature,
  /** max: 不超过 / 上限; min: 以上 / 达到; exact otherwise. */
  bound: z.enum(['max', 'min', 'exact']),
  /** Who pays, as the figure's own sentence says (null: not stated there). */
  payer: z.string().nullable(),
  recipient: z.string().nullable(),
  /**
   * When the figure's sentence names no payer: what other clauses of the corpus say about who pays
   * such a fee (试点院校 may bear the assessment fees, 19号; 试点院校 is the 支付责任主体, 厦门 2024).
   * Present only where a clause says so.
   */
  payerElsewhere: z.array(z.object({ payer: z.string(), documentId: z.string(), anchor: z.string(), source: SourcePoint, text: z.string() })).optional(),
  /** The certificate or course the figure is about (Web 前端开发, 公共基础课程), when the text says. */
  subject: z.string().nullable(),
  certificate: z.string().nullable(),
  /**
   * Who sets or charges it: a third party the sentence names (a hotel's room rate: 乌鲁木齐信达海德酒店),
   * else the organisation of the certificate, else the issuing body.
   */
  organizer: z.string().nullable(),
  /**
   * Id of an earlier figure in the same document stating the same fee (a restatement): a sentence
   * saying it again, or a table row per class repeating the plan's 费用为 3000 元/期.
   */
  repeats: z.string().nullable(),
  documentId: z.string(),
  anchor: z.string(),
  source: SourcePoint,
  /** The sentence (or table row) that states it. */
  text: z.string(),
});
export type Fee = z.infer<typeof Fee>;

/** A rule computed from other figures: the mixed-exam ceiling, weighted by each form's share of the score. */
export const FeeRule = z.object({
  id: z.string(),
  kind: z.literal('weighted-by-score-share'),
  label: z.string(),
  unit: z.string(),
  /** The figures combined: each item with its cap. */
  components: z.array(z.object({ item: z.string(), itemPrinted: z.string(), feeId: z.string(), amount: z.number() })),
  documentId: z.string(),
  anchor: z.string(),
  source: SourcePoint,
  text: z.string(),
});
export type FeeRule = z.infer<typeof FeeRule>;

/** A money figure no rule could classify: shown on /fees/ and reported. */
export const UnclassifiedFigure = z.object({
  id: z.string(),
  amount: z.number().nonnegative(),
  printed: z.string(),
  documentId: z.string(),
  anchor: z.string(),
  source: SourcePoint,
  text: z.string(),
});
export type UnclassifiedFigure = z.infer<typeof UnclassifiedFigure>;
