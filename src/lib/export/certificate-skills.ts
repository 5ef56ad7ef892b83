/**
 * One certificate's skill matrix as files (issue #15, exports): for every certificate with a skill
 * standard, all its rows and each level's rows, as CSV (written by src/lib/csv.ts, the one CSV writer)
 * and JSON. URLs, stable and ASCII, the level named as the certificate page names its section:
 *
 *   /data/certificates/<certificate id>/skills.csv   .json   every row of the standard, level by level
 *   /data/certificates/<certificate id>/level-<n>.csv .json  one level: level-0 一般要求（通用）, level-1 初级,
 *                                                            level-2 中级, level-3 高级 (= #level-<n> on the page)
 *
 * Rows come in level order (通用, 初级, 中级, 高级), within a level in the order of the standard's tables
 * (skills.json's order). Pure functions: the endpoints under src/pages/data/certificates/, the certificate
 * page's download links, /data/ and the tests call them.
 */
import type { Certificate } from '../../schema/catalog.ts';
import type { SkillLevel, SkillRow, SkillRowType, SkillStandard } from '../../schema/skills.ts';
import { cacheKey } from '../cache-key.ts';
import type { CsvColumn } from '../csv.ts';
import { countTypes, FLAG_NAMES, LEVEL_ORDER, levelId, levelsOf, levelTitle, skillCitation, skillHref, typeName } from '../skills.ts';

/** A file's name without extension: `skills` (all levels) or a level's section id (`level-1`). */
export type SkillFileName = 'skills' | `level-${number}`;
export type SkillFileFormat = 'csv' | 'json';

/** The URL of one of a certificate's skill files: `/data/certificates/web-qdkf/level-1.csv`. */
export function certificateSkillsHref(certificateId: string, name: SkillFileName, format: SkillFileFormat): string {
  return `/data/certificates/${certificateId}/${name}.${format}`;
}

/** The name a browser saves the file under (download attribute): `web-qdkf-level-1.csv`, so files of different certificates do not collide. */
export function certificateSkillsDownloadName(certificateId: string, name: SkillFileName, format: SkillFileFormat): string {
  return `${certificateId}-${name}.${format}`;
}

/** The file of one level: `level-1` (the page's section id, LEVEL_ORDER index: 0 通用, 1 初级, 2 中级, 3 高级). */
export function levelFileName(level: SkillLevel): SkillFileName {
  return levelId(level) as SkillFileName;
}

/** What one file holds. */
export interface CertificateSkillFile {
  certificate: Pick<Certificate, 'id' | 'name' | 'fullName'>;
  standard: Pick<SkillStandard, 'id' | 'title' | 'codeStyle' | 'document' | 'anchor'>;
  name: SkillFileName;
  /** The level of a level file; null for skills (all levels). */
  level: SkillLevel | null;
  rows: SkillRow[];
}

/** Rows in level order (LEVEL_ORDER), keeping the given order within a level. */
function inLevelOrder(rows: readonly SkillRow[]): SkillRow[] {
  return [...rows].map((r, i) => ({ r, i })).sort((a, b) => LEVEL_ORDER.indexOf(a.r.level) - LEVEL_ORDER.indexOf(b.r.level) || a.i - b.i).map((x) => x.r);
}

/** A certificate's files: all levels, then one per level its standard has. `rows` are the standard's rows in skills.json order. */
export function certificateSkillFiles(certificate: Certificate, standard: SkillStandard, rows: readonly SkillRow[]): CertificateSkillFile[] {
  const cert = { id: certificate.id, name: certificate.name, fullName: certificate.fullName };
  const std = { id: standard.id, title: standard.title, codeStyle: standard.codeStyle, document: standard.document, anchor: standard.anchor };
  const ordered = inLevelOrder(rows.filter((r) => r.standard === standard.id));
  return [
    { certificate: cert, standard: std, name: 'skills', level: null, rows: ordered },
    ...levelsOf(ordered).map((level) => ({ certificate: cert, standard: std, name: levelFileName(level), level, rows: ordered.filter((r) => r.level === level) })),
  ];
}

/** The files of every certificate that has a standard, with their route params and cacheKey (getStaticPaths of both endpoints). */
export function certificateSkillPaths(input: { certificates: Certificate[]; standards: SkillStandard[]; skills: SkillRow[] }): {
  params: { id: string; name: SkillFileName };
  props: { file: CertificateSkillFile };
  cacheKey: string;
}[] {
  const standards = new Map(input.standards.map((s) => [s.id, s]));
  return input.certificates.flatMap((cert) => {
    const standard = cert.standard ? standards.get(cert.standard) : undefined;
    if (!standard) return [];
    return certificateSkillFiles(cert, standard, input.skills).map((file) => ({
      params: { id: cert.id, name: file.name },
      props: { file },
      cacheKey: cacheKey(file),
    }));
  });
}

/** One row as the files give it: the row of skills.json (src/schema/skills.ts) with its permalink and memo citation. */
export type ExportedSkillRow = SkillRow & {
  /** The row's page: `/certificates/<证书>/skills/<锚点>/`, a full URL when the site is built with SITE_URL. */
  permalink: string;
  /** The memo citation the row's page copies: 《Web 前端开发职业技能等级标准》（中级）2-3-4-S5. */
  citation: string;
};

/** The rows of a file with permalink and citation; `site` is the deployed site's URL (SITE_URL), if known. */
export function exportedRows(file: CertificateSkillFile, site?: URL | string): ExportedSkillRow[] {
  return file.rows.map((row) => {
    const path = skillHref(file.certificate.id, row.anchor);
    const { fileOrder: _, ...data } = row as SkillRow & { fileOrder?: number };
    return { ...data, permalink: site ? new URL(path, site).href : path, citation: skillCitation(file.standard, row) };
  });
}

/** The JSON file: what it is, the counts, the rows. */
export interface CertificateSkillJson {
  certificate: CertificateSkillFile['certificate'];
  standard: CertificateSkillFile['standard'];
  level: SkillLevel | null;
  /** Rows per type, each level (or all levels) as the page counts them. */
  counts: Record<SkillRowType, number>;
  /** The same rows as CSV: its URL (a full URL when the site is built with SITE_URL). */
  csv: string;
  rows: ExportedSkillRow[];
}

export function certificateSkillJson(file: CertificateSkillFile, site?: URL | string): CertificateSkillJson {
  return {
    certificate: file.certificate,
    standard: file.standard,
    level: file.level,
    counts: countTypes(file.rows),
    csv: site ? new URL(certificateSkillsHref(file.certificate.id, file.name, 'csv'), site).href : certificateSkillsHref(file.certificate.id, file.name, 'csv'),
    rows: exportedRows(file, site),
  };
}

/** A CSV row: the exported row and the table style its type is named in. */
export interface CertificateSkillCsvRow {
  certificateId: string;
  row: ExportedSkillRow;
  codeStyle: SkillStandard['codeStyle'];
}

export function certificateSkillCsvRows(file: CertificateSkillFile, site?: URL | string): CertificateSkillCsvRow[] {
  return exportedRows(file, site).map((row) => ({ certificateId: file.certificate.id, row, codeStyle: file.standard.codeStyle }));
}

/** The columns of the per-certificate CSV files (described on /data/). */
export const CERTIFICATE_SKILL_COLUMNS: CsvColumn<CertificateSkillCsvRow>[] = [
  { name: '证书 certificate', description: '证书 id（网址 /certificates/<id>/）', get: ({ certificateId }) => certificateId },
  { name: '等级 level', description: '初级、中级、高级，或通用（一般要求，各级通用）', get: ({ row }) => row.level },
  { name: '工作领域 area', description: '所属工作领域（物流管理等无代码标准称职业功能）', get: ({ row }) => row.path[0] ?? null },
  { name: '工作任务 task', description: '所属工作任务（无代码标准称工作内容）', get: ({ row }) => row.path[1] ?? null },
  { name: '职业技能 skill', description: '所属职业技能，标准无此列则为空', get: ({ row }) => row.path[2] ?? null },
  { name: '类型 type', description: '照本标准的叫法：工作领域/职业功能、工作任务/工作内容、职业技能、技能要求、知识要求/相关知识', get: ({ row, codeStyle }) => typeName(row.type, codeStyle) },
  { name: '代码 code', description: '代码，照原文印刷（可能含排版错误，如“3-5-4 -S4”）；原表无代码则为空', get: ({ row }) => row.code },
  { name: '规范代码 normalizedCode', description: '去掉多余空格的代码，无代码则为空', get: ({ row }) => row.normalizedCode },
  { name: '序号 label', description: '无代码条目的序号（照原文），有代码则为空', get: ({ row }) => row.label },
  { name: '内容 text', description: '条目内容', get: ({ row }) => row.text },
  { name: '锚点 anchor', description: '标准内唯一的锚点：有代码即规范代码，无代码为位置（如 l2-f1-w3-s2，不是官方代码）', get: ({ row }) => row.anchor },
  { name: '来源文件 file', description: '来源文件名（/sources/）', get: ({ row }) => row.source.file },
  { name: '页 page', description: 'PDF 来源的物理页码，文本来源为空', get: ({ row }) => row.source.page ?? null },
  { name: '行 line', description: '来源行号（PDF 来源为页内行号）', get: ({ row }) => row.source.line },
  { name: '网址 permalink', description: '条目页的永久链接（/certificates/<证书>/skills/<锚点>/）', get: ({ row }) => row.permalink },
  { name: '引用 citation', description: '备忘录引用格式，与条目页“复制引用”相同', get: ({ row }) => row.citation },
  { name: '标记 flags', description: '原文代码的问题等（照原文保留并注明），多个以“; ”分隔', get: ({ row }) => row.flags.map((f) => FLAG_NAMES[f]).join('; ') },
];

/** The top-level fields of the per-certificate JSON files (described on /data/). */
export const CERTIFICATE_SKILL_JSON_FIELDS: Record<keyof CertificateSkillJson, string> = {
  certificate: '证书：id、name（名称）、fullName（全称）',
  standard: '标准：id、title、codeStyle（代码写法：hyphen 连字符、dotted 点号、none 无代码）、document（所在文件 id）、anchor（所在条款锚点）',
  level: '等级（初级、中级、高级、通用）；skills.json 为全部等级，值为 null',
  counts: '各类型条目数：area、task、skill、requirement、knowledge',
  csv: '同一批条目的 CSV 文件网址',
  rows: '条目：skills.json 的全部字段（见上），另加 permalink（条目页网址）与 citation（备忘录引用）',
};

/** What a file is called on the page: 全部等级, 初级, 一般要求（各级通用）. */
export function skillFileTitle(file: Pick<CertificateSkillFile, 'level'>): string {
  return file.level === null ? '全部等级' : levelTitle(file.level);
}
