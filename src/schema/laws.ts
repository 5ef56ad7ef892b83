/**
 * Laws and regulations as works with versions (issue 16), shared by ingest, pages, search and tests.
 *
 * A *work* is one law (中华人民共和国职业教育法) whatever its version; a *version* is one text of it,
 * dated by its latest 通过/修正/修订. Each version held is its own PolicyDocument (its own id and URL,
 * which stay valid when a newer version is added); a 节选 (a partial copy, e.g. inside a compilation)
 * is a document too, marked `excerpt`, tied to the version it copies by its date. The work has its own
 * id, the same for every version: /docs/<work>/ always shows the version in force.
 *
 * Written by the `laws` ingest stage: `law` on each such document (documents.json) and one entry per
 * work in works.json.
 */
import { z } from 'astro/zod';
import { Slug, SourcePoint } from './source.ts';

const Ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** 时效性, as 国家法律法规数据库 labels it. */
/**
 * 待核实: a 节选 of a law whose whole text the library does not hold, so nothing here says which version it copies
 * or whether that version is still in force (the corpus's 节选 of the 1996 职业教育法 was revised in 2022).
 */
export const LawStatus = z.enum(['现行有效', '已被修订', '已废止', '尚未施行', '待核实']);
export type LawStatus = z.infer<typeof LawStatus>;

/** One line of a law's history: its header lines (…通过 / …修正 / …修订 / …公布) and the 施行 of its 附则. */
export const LawHistoryEntry = z.object({
  date: Ymd,
  action: z.enum(['通过', '修正', '修订', '公布', '施行', '废止']),
  /** The line (or sentence) as printed, without its stray brackets: 2022年4月20日 第十三届…会议修订. */
  text: z.string(),
  source: SourcePoint,
  /** The clause that says it (the 附则 article for 施行); null for a header line. */
  anchor: z.string().nullable(),
});
export type LawHistoryEntry = z.infer<typeof LawHistoryEntry>;

/** What a document is as a version of a law (PolicyDocument.law). */
export const LawVersionInfo = z.object({
  /** The work's id: the pinyin initials of its name (zhrmghgzyjyf), `-2`… when two names share them. */
  work: Slug,
  /** The law's name, without 《》, 节选 or a version note: 中华人民共和国职业教育法. */
  name: z.string(),
  /**
   * The version this text is: its latest 通过/修正/修订 date. For a 节选, the version it copies: the
   * latest version of the work dated on or before the 节选's own date (null when none is known).
   */
  version: Ymd.nullable(),
  /** A partial copy (节选, 摘录) rather than the whole text. */
  excerpt: z.boolean(),
  /** Header lines and 施行, in date order (a 节选 has its version's history when that version is held). */
  history: z.array(LawHistoryEntry),
  /** The 施行 date its 附则 gives (本法自2022年5月1日起施行); null when the text gives none. */
  effective: Ymd.nullable(),
  status: LawStatus,
  /**
   * Why, in Chinese, for the page: 已被2022年4月20日修订的版本取代 / 现行有效，自2022年5月1日起施行 /
   * 自2027年3月1日起施行 / 已被《X》废止（自…起）：…同时废止。 A 节选's starts with 节选；.
   */
  statusNote: z.string(),
  /**
   * The document that holds the version in force (whole text preferred), when it is not this one; null when
   * this one is, or when no version is in force (all 尚未施行, or the work 已废止).
   */
  current: z.string().nullable(),
  /** The clause of a held document that repeals it (…同时废止), when one does. */
  repealedBy: z.object({ document: z.string(), anchor: z.string() }).nullable(),
});
export type LawVersionInfo = z.infer<typeof LawVersionInfo>;

/** One version of a work as the work lists it. */
export const WorkVersion = z.object({
  document: z.string(),
  version: Ymd.nullable(),
  excerpt: z.boolean(),
  status: LawStatus,
});
export type WorkVersion = z.infer<typeof WorkVersion>;

/** works.json: one entry per law held in one or more versions. */
export const LawWork = z.object({
  id: Slug,
  name: z.string(),
  /**
   * The document /docs/<work>/ shows: the whole text of the version in force (else its 节选); null when no
   * version is in force on `asOf` (its only versions 尚未施行, or the work 已废止: show the newest of `versions`).
   * A work held only in 节选 of no known version (the real corpus today) shows its 节选.
   */
  current: z.string().nullable(),
  status: LawStatus,
  /** Oldest first; whole texts before 节选 of the same version. */
  versions: z.array(WorkVersion),
  /** The date status was computed for (尚未施行 depends on it): the build date, or INGEST_AS_OF. */
  asOf: Ymd,
});
export type LawWork = z.infer<typeof LawWork>;
