/** Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as Date spans for charts, and as Chinese text. */

/** First day of a partial date (UTC). */
export function startOf(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

/** Last day of a partial date (UTC): 2019 → 2019-12-31, 2019-08 → 2019-08-31. */
export function endOf(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  if (d !== undefined) return new Date(Date.UTC(y!, m! - 1, d));
  if (m !== undefined) return new Date(Date.UTC(y!, m, 0));
  return new Date(Date.UTC(y!, 11, 31));
}

/** 2019-03-26 → 2019年3月26日; 2019-03 → 2019年3月; 2019 → 2019年. */
export function partialDateText(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}

/** A range in Chinese, the repeated year (and month) left out: 2019年3月26日至31日. */
export function rangeText(date: string, endDate: string | null): string {
  if (!endDate) return partialDateText(date);
  const [y1, m1] = date.split('-');
  const [y2, m2, d2] = endDate.split('-');
  const end = y1 !== y2 ? partialDateText(endDate) : m1 !== m2 || !d2 ? partialDateText(endDate).slice(5) : `${Number(d2)}日`;
  return `${partialDateText(date)}至${end}`;
}
