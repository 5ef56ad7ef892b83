/**
 * The catalog of certificates, training-evaluation organisations (培训评价组织) and pilot batches,
 * read from the certificate lists, contact tables and running text of the corpus
 * (scripts/ingest/catalog.ts). Written beside documents.json as certificates.json,
 * organizations.json and batches.json; pages and tests use the inferred types.
 *
 * Identity (stable, ASCII):
 * - a certificate's id is its normalised name (no 职业技能等级证书 suffix) in pinyin initials,
 *   with ASCII runs kept and every run separated by `-`: Web 前端开发 → `web-qdkf`,
 *   建筑信息模型（BIM） → `jzxxmx-bim`, 5G 基站建设与维护 → `5g-jzjsywh`;
 * - an organisation's id is its full (repaired) name the same way:
 *   工业和信息化部教育与考试中心 → `gyhxxhbjyykszx`;
 * - when two names give the same initials, each of them takes its full pinyin instead
 *   (`huli-...`), so an id never depends on which one was read first.
 */
import { z } from 'astro/zod';
import { PdfPage } from './corpus.ts';
import { Slug } from './source.ts';

/** How a list or table presents a certificate: 公示 (announcement), 确认 (confirmation), a contact table, running text, or a list of unknown status. */
export const ListingStatus = z.enum(['公示', '确认', '名单', '联系表', '正文']);
export type ListingStatus = z.infer<typeof ListingStatus>;

/** One place where a certificate (with its organisation) is printed. */
export const Listing = z.object({
  /** Document id. */
  document: z.string(),
  /** Anchor of the clause (the table, or the paragraph for running text). */
  anchor: z.string(),
  file: z.string(),
  line: z.number().int().positive(),
  /** In a PDF source: the physical page (`line` then counts within it). */
  page: PdfPage.optional(),
  /** The row's 序号 as printed (null for continuation rows and running text). */
  row: z.number().int().nullable(),
  status: ListingStatus,
  /** The batch this list says it is (首批 → 1), or null. */
  batch: z.number().int().positive().nullable(),
  nameAsPrinted: z.string(),
  organizationAsPrinted: z.string().nullable(),
  /** Resolved ids (the certificate's on an organisation's listing and vice versa). */
  certificate: z.string().nullable(),
  organization: z.string().nullable(),
  /** Set (in Chinese) when this listing disagrees with the official lists, e.g. another organisation for the certificate. */
  conflict: z.string().nullable(),
});
export type Listing = z.infer<typeof Listing>;

/** A contact entry as printed in a contact table (联系人信息表). Fields a table does not have are empty. */
export const Contact = z.object({
  document: z.string(),
  anchor: z.string(),
  file: z.string(),
  /** The line the contact cells are printed on (a continuation row shares the row above's). */
  line: z.number().int().positive(),
  /** In a PDF source: the physical page (`line` then counts within it). */
  page: PdfPage.optional(),
  organizationAsPrinted: z.string().nullable(),
  persons: z.array(z.string()),
  /** 职务, where printed. */
  role: z.string().nullable(),
  /** Landlines (办公电话, or landlines in 联系方式). */
  phones: z.array(z.string()),
  mobiles: z.array(z.string()),
  fax: z.array(z.string()),
  emails: z.array(z.string()),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
});
export type Contact = z.infer<typeof Contact>;

export const Certificate = z.object({
  id: Slug,
  /** Normalised name without the 职业技能等级证书 suffix: "Web 前端开发". */
  name: z.string(),
  /** "Web 前端开发职业技能等级证书". */
  fullName: z.string(),
  /** Every other form printed (truncated, spaced, short, with or without suffix). */
  aliases: z.array(z.string()),
  /** Organisation ids, from the official lists (contact tables only when no list has it). */
  organizations: z.array(z.string()),
  batch: z.number().int().positive().nullable(),
  listings: z.array(Listing),
  /** Skill-standard id, filled by the standards stage; null here. */
  standard: z.string().nullable(),
  contacts: z.array(Contact),
  /**
   * false: the certificate appears in no list of the corpus; it is known only from a standard the corpus
   * holds (a standard's PDF dropped into content/sources/), and its page says 未见于本库所收名单. Absent
   * for a certificate read from the lists (the catalog stage).
   */
  listed: z.literal(false).optional(),
});
export type Certificate = z.infer<typeof Certificate>;

export const Organization = z.object({
  id: Slug,
  /** Full name; where a table truncated it, repaired from another source (and reported). */
  name: z.string(),
  aliases: z.array(z.string()),
  certificates: z.array(z.string()),
  batches: z.array(z.number().int().positive()),
  listings: z.array(Listing),
});
export type Organization = z.infer<typeof Organization>;

/** A notice that announced (公示) or confirmed (确认) a batch; `document` is null when the corpus only cites it. */
export const BatchNotice = z.object({
  document: z.string().nullable(),
  docNumber: z.string().nullable(),
  title: z.string(),
  date: z.string().nullable(),
  /** Where the corpus cites it, when the notice itself is not in the corpus. */
  citedIn: z.object({ document: z.string(), anchor: z.string(), line: z.number().int().positive() }).nullable(),
});
export type BatchNotice = z.infer<typeof BatchNotice>;

export const Batch = z.object({
  /** `batch-1`, `batch-2` …: a collection entry id. */
  id: z.string().regex(/^batch-\d+$/),
  number: z.number().int().positive(),
  /** 首批 / 第二批 / 第三批 … */
  name: z.string(),
  announced: BatchNotice.nullable(),
  confirmed: BatchNotice.nullable(),
  /** Distinct organisations and certificates the batch's lists print. */
  organizations: z.number().int().nonnegative(),
  certificates: z.number().int().nonnegative(),
});
export type Batch = z.infer<typeof Batch>;

/** A figure a notice states: "首批、第二批、第三批启动试点的 92 个职业技能等级证书". */
export const StatedTotal = z.object({
  document: z.string(),
  anchor: z.string(),
  file: z.string(),
  /** The line the figure is printed on (the clause's first line when source text is not given). */
  line: z.number().int().positive(),
  /** In a PDF source: the physical page (`line` then counts within it). */
  page: PdfPage.optional(),
  value: z.number().int().nonnegative(),
  of: z.enum(['certificates', 'organizations']),
  /** The batches the statement covers (四批 → 1–4). */
  batches: z.array(z.number().int().positive()),
  /** The sentence, as printed. */
  text: z.string(),
  /** What the corpus's lists give for the same batches, or null when a batch's list is not in the corpus. */
  listed: z.number().int().nonnegative().nullable(),
});
export type StatedTotal = z.infer<typeof StatedTotal>;
