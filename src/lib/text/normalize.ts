/**
 * The text normalisers ingest and site share: one function per purpose, named for it.
 *
 *   removeExtractionSpaces  spaces the PDF/web extraction put between Chinese characters and around
 *                           punctuation (titles, names, cells); keeps the space between two issuers
 *   removeLetterSpacing     letter-spaced print (联 系 人 ： 姬 岳 江), words keep their space
 *   tidyName                a certificate or organisation name as printed → display form (full-width brackets)
 *   certificateKey          comparison key of a certificate name (no spaces, no brackets, case and width folded)
 *   organizationKey         comparison key of an organisation name (brackets kept: they carry a place name)
 *   removeAllWhitespace     every space and line break gone (to compare or measure printed text whatever its spacing)
 *
 * The title comparison key (titleKey) is with the other title rules in titles.ts; search query
 * folding is in src/lib/search/normalize.ts.
 */

/**
 * Remove spaces the extraction put between Chinese characters and around punctuation,
 * but keep the one 公文 print between two issuers (人力资源社会保障部 教育部关于…).
 */
export function removeExtractionSpaces(text: string): string {
  return text
    .replace(/[\s\u3000]+/gu, ' ')
    .replace(/(?<=[\p{Script=Han}\p{P}]) (?=[\p{Script=Han}\p{P}])/gu, (_m, offset: number, all: string) =>
      ORG_END.test(all.slice(Math.max(0, offset - 12), offset)) && ORG_START.test(all.slice(offset + 1)) ? ' ' : '',
    )
    .trim();
}
const ORG_END = /(?:部|厅|局|委|司|署|办公室|中心|协会|总局|研究所)$/u;
const ORG_START = /^(?:教育部|国家|财政部|人力资源|国务院|市场监管|中国|北京|工业和信息化部|[\p{Script=Han}]{1,6}(?:部|厅|局|委))/u;

/** Remove the spaces of letter-spaced text (联 系 人 ： 姬 岳 江), keep a space between words. */
export function removeLetterSpacing(t: string): string {
  // The blanks a form leaves for writing a date in (2020 年 月 日: no number before 月 or 日) stay.
  return t.replace(/(?:[\p{Script=Han}，：。、；]\s){2,}[\p{Script=Han}，：。、；]/gu, (m) => m.replace(/(?<![年月])\s|\s(?![月日])/gu, ''));
}

/**
 * Spaces between two Chinese characters are extraction artefacts (removed, as titles are squeezed);
 * between Chinese and Latin they are print; brackets become full-width.
 */
export function tidyName(text: string): string {
  return removeExtractionSpaces(text.replace(/\s*[(（]\s*/gu, '（').replace(/\s*[)）]/gu, '）'))
    .replace(/（\s+/gu, '（')
    .replace(/\s+（/gu, '（');
}

/** Comparison key: no spaces, no brackets, ASCII lower-case, full-width letters/digits folded. */
export function certificateKey(text: string): string {
  return text
    .replace(/[Ａ-Ｚａ-ｚ０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000（）()【】\[\]]+/gu, '')
    .toLowerCase();
}

/** Key of an organisation name: as certificateKey, but brackets kept (unified) since they carry a place name: 中船舰客教育科技（北京）. */
export function organizationKey(text: string): string {
  return text
    .replace(/[\s\u3000]+/gu, '')
    .replace(/[(（]/gu, '（')
    .replace(/[)）]/gu, '）')
    .toLowerCase();
}

/** Every space and line break removed: printed text compared or measured whatever its spacing. */
export function removeAllWhitespace(text: string): string {
  return text.replace(/\s+/gu, '');
}
