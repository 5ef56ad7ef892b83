/**
 * Skill codes as printed in a standard's table: find them in cell text, normalise them,
 * and say what their shape makes them (the shape decides, not the column they were printed in).
 *
 *   hyphen: 1-1 task · 1-1-1 skill · 1-1-1-S1 requirement · 1-1-1-K1 knowledge
 *   dotted: 1. area · 1.1 task · 1.1.1 skill · 1.1.1.1 requirement
 *
 * Typos are kept as printed and described: `3-5-4 -S4` (stray space), `3-10-1-K` and `2-`
 * (missing number).
 */
import type { SkillRowType } from '../../../src/schema/skills.ts';

export type CodeStyle = 'hyphen' | 'dotted';

export interface Code {
  printed: string;
  /** Without whitespace (`3-5-4-S4`); a truncated code stays truncated (`2-`, `3-10-1-K`). */
  normalized: string;
  type: SkillRowType;
  /** The numeric parts (`3-5-4-S4` → [3, 5, 4]; `2-` → [2]). */
  parts: number[];
  /** S/K and its number, for requirement/knowledge codes (`S`, 4), number null when missing. */
  suffix: { letter: 'S' | 'K'; n: number | null } | null;
  strays: boolean;
  /** A part is missing: `2-` (task without number), `3-10-1-K`. */
  truncated: boolean;
}

export type Token = { kind: 'text'; text: string } | { kind: 'code'; code: Code };

// A code starts a cell or follows whitespace; parts are one or two digits (so 8567-2006 is not a code).
const HYPHEN = /(?<=^|\s)(\d{1,2}(?:-\d{1,2})+(?:\s?-\s?[SK]\d*)?|\d{1,2}-(?=\p{Script=Han}))(?=\s|$|[^\x00-\x7f])/gu;
const DOTTED = /(?<=^|\s)(\d{1,2}(?:\.\d{1,2}){1,3})\.?(?=\s|$|[^\x00-\x7f])/gu;
const DOTTED_AREA = /^(\d{1,2})[.．、]?(?=\s*\p{Script=Han})/u;

export function parseCode(printed: string, style: CodeStyle): Code {
  const normalized = printed.replace(/\s+/gu, '');
  if (style === 'dotted') {
    const parts = normalized.replace(/[.．、]$/u, '').split('.').map(Number);
    const type: SkillRowType = (['area', 'task', 'skill', 'requirement'] as const)[Math.min(parts.length, 4) - 1]!;
    return { printed, normalized: parts.join('.'), type, parts, suffix: null, strays: false, truncated: false };
  }
  const m = /^([\d-]+?)-?([SK])(\d*)$/u.exec(normalized);
  const numeric = (m ? m[1]! : normalized).split('-');
  const truncated = numeric[numeric.length - 1] === '' || (m !== null && m[3] === '');
  const parts = numeric.filter((p) => p !== '').map(Number);
  const suffix = m ? { letter: m[2] as 'S' | 'K', n: m[3] ? Number(m[3]) : null } : null;
  let type: SkillRowType;
  if (suffix) type = suffix.letter === 'S' ? 'requirement' : 'knowledge';
  else if (truncated) type = parts.length + 1 >= 3 ? 'skill' : 'task';
  else type = parts.length >= 3 ? 'skill' : parts.length === 2 ? 'task' : 'area';
  return { printed, normalized, type, parts, suffix, strays: normalized !== printed, truncated };
}

/** Split a cell's text into codes and the text between them. In a dotted table, `1.` opens an area only in the area column. */
export function tokenize(text: string, style: CodeStyle, areaColumn = false): Token[] {
  const tokens: Token[] = [];
  let rest = text.trim();
  if (style === 'dotted' && areaColumn) {
    const m = DOTTED_AREA.exec(rest);
    if (m && !/^\d{1,2}\.\d/u.test(rest)) {
      tokens.push({ kind: 'code', code: parseCode(m[0].trim(), 'dotted') });
      rest = rest.slice(m[0].length).trim();
    }
  }
  const re = new RegExp(style === 'hyphen' ? HYPHEN : DOTTED);
  let last = 0;
  for (const m of rest.matchAll(re)) {
    const before = rest.slice(last, m.index).trim();
    if (before) tokens.push({ kind: 'text', text: before });
    tokens.push({ kind: 'code', code: parseCode(m[1]!, style) });
    last = m.index + m[0].length;
  }
  const tail = rest.slice(last).trim();
  if (tail) tokens.push({ kind: 'text', text: tail });
  return tokens;
}

/** The code one level up by shape (1-1-1-S1 → 1-1-1, 1-1-1 → 1-1, 1.1.1 → 1.1), or null for a task/area. */
export function parentKey(code: Code, style: CodeStyle): string | null {
  const sep = style === 'hyphen' ? '-' : '.';
  if (code.suffix) return code.parts.join(sep);
  const upto = code.type === 'skill' ? 2 : code.type === 'requirement' ? 3 : style === 'dotted' && code.type === 'task' ? 1 : 0;
  return upto > 0 && code.parts.length >= upto ? code.parts.slice(0, upto).join(sep) : null;
}

/** The 工作任务 a code belongs to by shape (1-1-1-S1 → 1-1), or null. */
export function taskKey(code: Code, style: CodeStyle): string | null {
  if (code.type === 'area' || code.truncated && code.type === 'task') return null;
  return code.parts.length >= 2 ? code.parts.slice(0, 2).join(style === 'hyphen' ? '-' : '.') : null;
}

/** Which code style a table's cells use, by the codes that start cells; null when none do. */
export function detectStyle(cellTexts: string[]): CodeStyle | null {
  let hyphen = 0;
  let dotted = 0;
  for (const t of cellTexts) {
    if (/^\d{1,2}-\d{1,2}(?:\D|$)/u.test(t.trim())) hyphen++;
    else if (/^\d{1,2}\.\d{1,2}(?:[.\s]|\p{Script=Han}|$)/u.test(t.trim())) dotted++;
  }
  if (hyphen === 0 && dotted === 0) return null;
  return hyphen >= dotted ? 'hyphen' : 'dotted';
}
