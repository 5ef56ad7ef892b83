/**
 * The few text rules of the 引用清单 that every clause page's script needs too (复制原文及引用), kept apart
 * from the exports so that a page loads only these.
 */

/** A date as YYYY-MM-DD in the reader's time zone (the GB/T 7714 引用日期, file names). */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A text followed by its memo citation, on a line of its own: what 复制原文及引用 copies, and each item of the memo draft. */
export function withCitation(text: string, cite: string): string {
  const body = text.trim();
  return body ? `${body}\n——${cite}` : `——${cite}`;
}

/** The reader's note as the exports print it, or null for none. */
export function noteLine(note: string): string | null {
  const n = note.trim();
  return n ? `备注：${n}` : null;
}
