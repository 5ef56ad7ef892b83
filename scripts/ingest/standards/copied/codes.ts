/**
 * Codes in copied lines and the cells they open: a code opens a cell of its column (1-1 a
 * 工作任务, 1-1-1 a 职业技能, 1-1-1-S1 a 技能要求, 1-1-1-K1 a 知识要求; 1. → 1.1 → 1.1.1 → 1.1.1.1),
 * and which reading a copy needs (in reading order, or interleaved by position).
 */
import { removeAllWhitespace } from '../../../../src/lib/text/normalize.ts';
import type { CodeStyle } from '../codes.ts';

import type { CopiedLine } from './lines.ts';

// A code at the start of a line or after a space; it may be glued to its text (`1.2Java`, `1-1-1能`).
// `2-` is a task code printed without its number (kept as printed, read by coded-table.ts).
export const HYPHEN_CODE = /(?<=^|\s)(\d{1,2}(?:-\d{1,2}){1,2}(?:\s?-\s?[SK]\d*)?(?![\d-])|\d{1,2}-(?=\s*\p{Script=Han}))/gu;
export const DOTTED_CODE = /(?<=^|\s)(\d{1,2}(?:\.\d{1,2}){1,3})\.?(?![\d.])/gu;
export const DOTTED_AREA = /^(\d{1,2})[.．、]\s*(?=[\p{Script=Han}A-Za-z])|^(\d{1,2})[.．、]?$/u;

/** The code pattern of a style (global: use with matchAll, or copy with new RegExp before exec/test). */
export const codeRegExp = (style: CodeStyle): RegExp => (style === 'hyphen' ? HYPHEN_CODE : DOTTED_CODE);

export type CellType = 'area' | 'task' | 'skill' | 'requirement' | 'knowledge';

export interface Cell {
  /** The code that opens the cell, or null for a 工作领域 name. */
  code: string | null;
  type: CellType;
  lines: CopiedLine[];
  /** Pages (repeated headers) passed before the cell's code: set by the reading by column. */
  page?: number;
}


/** The column a cell of each type is printed in, left to right. */
export const COLUMN: Record<Cell['type'], number> = { area: 0, task: 1, skill: 2, requirement: 3, knowledge: 4 };

export function codeType(code: string, style: CodeStyle): Cell['type'] {
  const t = removeAllWhitespace(code);
  if (style === 'hyphen') {
    if (/-S\d*$/u.test(t)) return 'requirement';
    if (/-K\d*$/u.test(t)) return 'knowledge';
    return t.split('-').length >= 3 ? 'skill' : 'task';
  }
  const n = t.replace(/\.$/u, '').split('.').length;
  return n >= 4 ? 'requirement' : n === 3 ? 'skill' : n === 2 ? 'task' : 'area';
}

/** The task a code belongs to by its numbers (1-1-2-S3 → 1-1, 1.2.3 → 1.2), or null for an area or a truncated code. */
export function taskOf(code: string, style: CodeStyle): string | null {
  const parts = removeAllWhitespace(code).split(style === 'hyphen' ? '-' : '.');
  return parts.length >= 2 && parts[1] !== '' ? parts.slice(0, 2).join('-') : null;
}

export function detectCopiedStyle(texts: string[]): CodeStyle | null {
  let hyphen = 0;
  let dotted = 0;
  for (const t of texts) {
    if (/^\d{1,2}-\d{1,2}(?:\D|$)/u.test(t)) hyphen++;
    else if (/^\d{1,2}\.\d{1,2}(?:[.\s]|\D|$)/u.test(t)) dotted++;
  }
  if (hyphen + dotted < 2) return null;
  return hyphen >= dotted ? 'hyphen' : 'dotted';
}

/**
 * Whether the copy interleaves the columns (`pdftotext` without -raw, a viewer copying by
 * position): a line holding codes of two columns, or several 技能要求/知识要求 printed before
 * the 职业技能 they belong to.
 */
export function interleaved(lines: CopiedLine[], style: CodeStyle): boolean {
  const re = codeRegExp(style);
  const skills = new Set<string>();
  let early = 0;
  for (const l of lines) {
    const codes = [...l.text.matchAll(new RegExp(re))].map((m) => m[1]!);
    if (new Set(codes.map((c) => codeType(c, style))).size > 1) return true;
    for (const c of codes) {
      const t = codeType(c, style);
      const parts = removeAllWhitespace(c).split(style === 'hyphen' ? '-' : '.');
      if (t === 'skill') skills.add(parts.slice(0, 3).join('-'));
      if ((t === 'requirement' || t === 'knowledge') && !skills.has(parts.slice(0, 3).join('-'))) early++;
    }
  }
  // one such code is a typo (3-8-3-S3 printed in 3-8-2's row); several are a copy by position
  return early >= 2;
}
