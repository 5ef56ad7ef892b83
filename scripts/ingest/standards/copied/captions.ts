/**
 * Table captions in a copied standard (`表 1 Web 前端开发职业技能等级要求（初级）`, `表2-1 …`): a
 * caption names the table under it, so it may name a level, but it is no level's heading and no
 * row of the table. pdftotext prints a centred caption where its height falls among the header's
 * cells when caption and table share a page (`工作领域` / `1.静态网站搭` / `建` / `表 1 …` /
 * `工作任务` / `职业技能要求`), so a caption can stand inside the table's first lines.
 */

/** A caption line: `表`, a table number (`1`, `2-1`, `3.2`), then its title. */
export const isCaption = (text: string): boolean => /^表\s*\d{1,2}(?:[-－.．]\d{1,2})?(?![\d．.－-])\s*\S/u.test(text.trim());
