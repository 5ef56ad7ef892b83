/**
 * Small pure helpers for showing corpus data in Chinese. No citation text here
 * (that is src/lib/citation.ts).
 */
import type { Clause, PolicyDocument } from '../schema/corpus.ts';

/** 2019-04-04 → 2019年4月4日; 2020-01 → 2020年1月; null → fallback. */
export function formatDate(date: string | null | undefined, fallback = '未注明'): string {
  if (!date) return fallback;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/u.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  return `${y}年${mo ? `${Number(mo)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}

/** The year of a YYYY-MM-DD date, or null. */
export function yearOf(date: string | null): string | null {
  return date ? date.slice(0, 4) : null;
}

/** Newest first; undated documents last, then by title. */
export function byDateDesc<T extends Pick<PolicyDocument, 'date' | 'title'>>(a: T, b: T): number {
  if (a.date !== b.date) {
    if (!a.date) return 1;
    if (!b.date) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.title.localeCompare(b.title, 'zh-CN');
}

/** Sorted distinct values, Chinese collation. */
export function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** Chinese names of PolicyDocument fields, for the 校订 box. */
const FIELD_NAMES: Record<string, string> = {
  title: '标题',
  enclosedTitle: '所印发文件标题',
  docNumber: '文号',
  issuers: '发文机关',
  date: '成文日期',
  kind: '文种',
  addressees: '主送',
  copiedTo: '抄送',
  attachments: '附件',
};
export function fieldName(field: string): string {
  return FIELD_NAMES[field] ? `${FIELD_NAMES[field]}（${field}）` : field;
}

/** An override value as text: strings as they are, lists joined with 、, others as JSON. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '（空）';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('、');
  return JSON.stringify(value);
}

/** `file:12` or `file:12–40`; in a PDF `file 第 3 页第 2 行–第 5 页第 7 行` (lines within their pages). */
export function spanText(span: { file: string; startLine: number; endLine: number; startPage?: number; endPage?: number }): string {
  if (span.startPage !== undefined && span.endPage !== undefined) {
    const from = `第 ${span.startPage} 页第 ${span.startLine} 行`;
    const to = span.startPage === span.endPage ? `第 ${span.endLine} 行` : `第 ${span.endPage} 页第 ${span.endLine} 行`;
    return span.startPage === span.endPage && span.startLine === span.endLine ? `${span.file} ${from}` : `${span.file} ${from}–${to}`;
  }
  return span.startLine === span.endLine ? `${span.file}:${span.startLine}` : `${span.file}:${span.startLine}–${span.endLine}`;
}

/** A clause worth naming in the 目录 and giving a heading: it has a label or heading, or is an attachment/enclosure. */
export function isNamed(c: Clause): boolean {
  return Boolean(c.label || c.heading || c.kind === 'attachment' || c.kind === 'enclosure');
}

/** Whether a clause is shown as a heading (sections, attachments, enclosures, anything with a heading). */
export function hasHeading(c: Clause): boolean {
  return Boolean(c.heading || c.kind === 'section' || c.kind === 'attachment' || c.kind === 'enclosure');
}

/** The text a clause is named by in the 目录: 「附件1 名单」, 「二、试点内容」, 「1. 开设有与…」. */
export function clauseTitle(c: Clause, max = 28): string {
  const label = c.label ?? (c.kind === 'attachment' ? '附件' : '');
  const body = c.heading ?? (c.kind === 'table' ? '表' : truncate(c.text, max));
  if (!label) return body;
  return `${label}${labelSeparator(label)}${body}`;
}

/** What goes between a clause's label and its words: a space after 附件N, 第N条 and arabic numbers (1  1.1  1.), nothing after 一、 （一） (1) ①. */
export function labelSeparator(label: string): string {
  return /^附/u.test(label) || /[\d.．条]$/u.test(label) ? ' ' : '';
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/** Names of a difference kind. */
export const DIFFERENCE_KIND: Record<'only-here' | 'only-primary' | 'changed', string> = {
  'only-here': '仅此版本有',
  'only-primary': '仅主版本有',
  changed: '文字不同',
};

/** Names of noise reasons in the report. */
const NOISE_NAMES: Record<string, string> = {
  'page-number': '页码',
  'running-header': '页眉',
  'repeated-table-header': '续页重复表头',
  'duplicate-link': '重复链接',
  'blank-page-note': '空白页说明',
  'compilation-front-matter': '汇编前页',
  'table-of-contents': '汇编目录',
};
export function noiseName(reason: string): string {
  return NOISE_NAMES[reason] ?? reason;
}

/** Percentage with one decimal, e.g. 99.5%. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${(Math.floor((part / whole) * 1000) / 10).toFixed(1)}%`;
}
