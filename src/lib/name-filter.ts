/**
 * The text a name filter compares: what a reader types and what a row holds reduced to the same form, so that
 * 「web」 finds “Web 前端开发”, 「BIM」 finds “建筑信息模型（BIM）” and 「物流 管理」 finds “物流管理”.
 * Used at build time for a row's data-name (src/components/CertTable.astro) and in the browser for the
 * query (src/scripts/cert-filter.ts). Pinyin initials are not matched.
 */

/** Full-width ASCII (！…～) to ASCII, Latin letters to lower case, every space gone. */
export function nameKey(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/[\s\u3000]+/gu, '');
}

/** The data-name of a row: its names, each reduced by nameKey, joined by `|` (so a query never matches across two names). */
export function nameKeys(names: readonly string[]): string {
  return [...new Set(names.map(nameKey).filter(Boolean))].join('|');
}

/** Whether a row's data-name matches a query; an empty query matches every row. */
export function matchesName(keys: string, query: string): boolean {
  const q = nameKey(query).replace(/\|/gu, '');
  return q === '' || keys.split('|').some((k) => k.includes(q));
}
