/** Chinese numerals as printed in 公文 numbering and dates (一…九十九, 百, 〇/○/零). */
const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 'О': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 十一 → 11, 二十 → 20, 一百零五 → 105; null when the text is not a numeral. */
export function chineseToInt(s: string): number | null {
  if (!s) return null;
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零〇○О一二两三四五六七八九十百]+$/u.test(s)) return null;
  let total = 0;
  let current = 0;
  let seenUnit = false;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
      seenUnit = true;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
      seenUnit = true;
    } else {
      current = DIGITS[ch]!;
    }
  }
  return seenUnit ? total + current : current;
}

const CN_DIGITS = '〇一二三四五六七八九';
/** 11 → 十一, 20 → 二十, 105 → 一百零五, 110 → 一百一十 (as 第X条, 第X款 and （X） print them); 1000 and over in Arabic digits. */
export function intToChinese(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    return `${CN_DIGITS[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${CN_DIGITS[rest]}` : rest < 20 ? `一${intToChinese(rest)}` : intToChinese(rest)}`;
  }
  return String(n);
}

/** 二○二三 → 2023 (digit by digit, as years are written). */
export function chineseDigitsToInt(s: string): number | null {
  let out = '';
  for (const ch of s) {
    if (/\d/.test(ch)) out += ch;
    else if (ch in DIGITS) out += String(DIGITS[ch]);
    else return null;
  }
  return out ? Number(out) : null;
}

/** ① … ⑳ → 1 … 20. */
export function circledToInt(ch: string): number | null {
  const c = ch.codePointAt(0)!;
  if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1;
  return null;
}
