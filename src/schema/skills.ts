/**
 * Skill standards (职业技能等级标准) and their skill matrix, read from the standards in the
 * corpus by scripts/ingest/standards.ts. Written beside documents.json as standards.json
 * and skills.json (the same rows as skills.csv); pages and tests use the inferred types.
 *
 * One model for the three table styles that exist:
 * - hyphen codes (Web 前端开发): 工作领域 → 工作任务 1-1 → 职业技能 1-1-1 → 技能要求 1-1-1-S1 / 知识要求 1-1-1-K1;
 * - dotted codes: 工作领域 1 → 工作任务 1.1 → 职业技能要求 1.1.1;
 * - no codes (物流管理): 职业功能 → 工作内容 → 技能要求 / 相关知识 as numbered items.
 *
 * Identity: a printed code keeps its printed form (`code`), a whitespace-free form
 * (`normalizedCode`) and, for hyphen codes, is its own anchor (`2-3-4-S5`). Items without a
 * code get a position (`l2-f1-w3-s2`: level 2, 职业功能 1, 工作内容 3, 技能要求 2), never an
 * invented code; `anchorKind` says which.
 */
import { z } from 'astro/zod';
import { SourcePoint } from './corpus.ts';
import { Slug } from './source.ts';

/** 初级/中级/高级, or 通用 for requirements shared by all levels (物流管理 表 1 一般要求). */
export const SkillLevel = z.enum(['初级', '中级', '高级', '通用']);
export type SkillLevel = z.infer<typeof SkillLevel>;

/**
 * area 工作领域/职业功能; task 工作任务/工作内容; skill 职业技能 (1-1-1, 1.1.1);
 * requirement 技能要求 (S); knowledge 知识要求/相关知识 (K).
 */
export const SkillRowType = z.enum(['area', 'task', 'skill', 'requirement', 'knowledge']);
export type SkillRowType = z.infer<typeof SkillRowType>;

/**
 * What a row's code or position needed: the code is kept as printed and the row flagged.
 * - stray-space: `3-5-4 -S4`;
 * - missing-number: `3-10-1-K`, `2-` (a task code without its number);
 * - inferred-code: normalizedCode was inferred from the codes printed under it (`2-` → `2-2`);
 * - wrong-parent: printed under another skill than the one whose row it is in (`1-5-1-S2` in 1-5-2's row);
 * - duplicate-code: the same code printed more than once (the copies are merged when their text agrees);
 * - out-of-order: printed after its own children (a shifted cell: 3-4 after 3-4-1);
 * - continued: the text was completed from a continuation row (a cell wrapped onto the next source line);
 * - repeated-number: an item number printed twice in one cell (`2. … 2. …`).
 */
export const SkillFlag = z.enum([
  'stray-space',
  'missing-number',
  'inferred-code',
  'wrong-parent',
  'duplicate-code',
  'out-of-order',
  'continued',
  'repeated-number',
]);
export type SkillFlag = z.infer<typeof SkillFlag>;

export const SkillRow = z.object({
  /** Standard id (SkillStandard.id). */
  standard: z.string(),
  /** The certificate's name as the standard's title prints it (`Web 前端开发`); the catalog maps it to a certificate id. */
  certificate: z.string().nullable(),
  level: SkillLevel,
  /** [工作领域, 工作任务, 职业技能] names down to this row (a skill's path ends with itself), squeezed of extraction spaces. */
  path: z.array(z.string()),
  type: SkillRowType,
  /** As printed (`3-5-4 -S4`), or null for an uncoded item. */
  code: z.string().nullable(),
  /** The code without extraction spaces (`3-5-4-S4`), or null. */
  normalizedCode: z.string().nullable(),
  /** An uncoded item's number as printed (`2.`), or null. */
  label: z.string().nullable(),
  text: z.string(),
  /** Stable ASCII, unique within the standard: the normalised hyphen code, or a position such as `l2-f1-w3-s2`. */
  anchor: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/),
  anchorKind: z.enum(['code', 'position']),
  /** Anchor of the row above this one in the tree (task → area, skill → task, S/K → skill), or null for an area. */
  parent: z.string().nullable(),
  source: SourcePoint,
  flags: z.array(SkillFlag),
});
export type SkillRow = z.infer<typeof SkillRow>;

export const SkillCounts = z.object({
  areas: z.number().int().nonnegative(),
  tasks: z.number().int().nonnegative(),
  skills: z.number().int().nonnegative(),
  requirements: z.number().int().nonnegative(),
  knowledge: z.number().int().nonnegative(),
});
export type SkillCounts = z.infer<typeof SkillCounts>;

/** A piece of front matter as found: `培训学时：96 学时。`, a section `考核方式` with its text, `面向对象` per level. */
export const FrontMatterEntry = z.object({
  /** The printed key or heading (`培训学时`, `衔接中职专业`, `考核方式`, `主要职责`). */
  key: z.string(),
  level: SkillLevel.nullable(),
  text: z.string(),
  /** Numbered items under it ((1)…, 1. …), as printed without their numbers. */
  items: z.array(z.string()),
  /** The clause it was read from. */
  anchor: z.string(),
  source: SourcePoint,
});
export type FrontMatterEntry = z.infer<typeof FrontMatterEntry>;

export const FrontMatter = z.object({
  entries: z.array(FrontMatterEntry),
  trainingHours: z.array(z.object({ level: SkillLevel, hours: z.number().int().positive(), source: SourcePoint })),
  /** 衔接中职专业 / 衔接高职专业 / 接续本科专业. */
  majors: z.array(z.object({ level: SkillLevel.nullable(), stage: z.enum(['中职', '高职', '本科']), names: z.array(z.string()), source: SourcePoint })),
  objectives: z.array(z.object({ level: SkillLevel.nullable(), text: z.string(), source: SourcePoint })),
  assessment: z.array(z.object({ level: SkillLevel.nullable(), text: z.string(), source: SourcePoint })),
});
export type FrontMatter = z.infer<typeof FrontMatter>;

/** A 名词解释 entry, or a 术语和定义 entry (GB/T 1.1 style: term, English term, admitted synonyms, definition, [reference]). */
export const GlossaryEntry = z.object({
  /** The entry's number as printed (`17`, `3.1`), or null. */
  number: z.string().nullable(),
  term: z.string(),
  english: z.string().nullable(),
  aliases: z.array(z.string()),
  definition: z.string(),
  reference: z.string().nullable(),
  source: SourcePoint,
});
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

export const SkillStandard = z.object({
  /** ASCII: the certificate name in pinyin initials, ASCII runs kept, runs joined by `-` (`web-qdkf`, `wlgl`). */
  id: Slug,
  title: z.string(),
  /** The title without 职业技能等级标准, as printed (`Web 前端开发`). */
  certificateName: z.string(),
  /** Document id. */
  document: z.string(),
  /** Anchor of the attachment clause, or null when the standard is the whole document. */
  anchor: z.string().nullable(),
  source: SourcePoint,
  codeStyle: z.enum(['hyphen', 'dotted', 'none']),
  levels: z.array(
    z.object({
      level: SkillLevel,
      trainingHours: z.number().int().positive().nullable(),
      /** Anchor of the clause the level's table(s) sit in (`a2-2-s8`, `a2-3-s5-2`). */
      anchor: z.string(),
      source: SourcePoint,
      counts: SkillCounts,
    }),
  ),
  frontMatter: FrontMatter,
  glossary: z.array(GlossaryEntry),
});
export type SkillStandard = z.infer<typeof SkillStandard>;
