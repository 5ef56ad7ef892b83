/**
 * Query text normalisation, shared by the browser and the command line.
 * Never NFKC over Chinese: only full-width ASCII (Ａ１＋－) is folded, and the
 * extraction artefact „2019‟ becomes 〔2019〕 as the ingest does at read time.
 */

const FULLWIDTH_ASCII = /[\uFF01-\uFF5E]/gu;

/** Full-width ASCII → ASCII (１＋Ｘ → 1+X), ideographic space → space. Brackets （）〔〕 are left alone. */
export function foldWidth(text: string): string {
  return text
    .replace(FULLWIDTH_ASCII, (ch) => {
      // Keep full-width brackets and punctuation that Chinese text uses as such.
      if ('（）［］｛｝，。；：！？、'.includes(ch)) return ch;
      return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
    })
    .replace(/\u3000/gu, ' ');
}

/** The query as the search code sees it: folded width, „…‟ → 〔…〕, dashes unified, single spaces. */
export function normalizeQuery(query: string): string {
  return foldWidth(query)
    .replace(/„/gu, '〔')
    .replace(/‟/gu, '〕')
    .replace(/[‐‑‒–—−]/gu, '-')
    .replace(/[“”„‟«»]/gu, '"')
    .replace(/\s+/gu, ' ')
    .trim();
}

export const HAN = /\p{Script=Han}/u;

/** Remove whitespace between two Han characters (extraction artefacts, pre-segmented text). */
export function squeezeHanSpaces(text: string): string {
  return text.replace(/(\p{Script=Han})[ \u200b]+(?=\p{Script=Han})/gu, '$1');
}

/** Text reduced for containment tests: no whitespace, width folded, lower case. */
export function compact(text: string): string {
  return foldWidth(text).replace(/[\s\u200b]+/gu, '').toLowerCase();
}

/**
 * The query split into units for matching titles and keywords: ASCII words
 * (lower case) and Han bigrams (a single Han character stands alone).
 */
export function matchUnits(text: string): string[] {
  const units: string[] = [];
  for (const run of compact(text).match(/\p{Script=Han}+|[a-z0-9]+/gu) ?? []) {
    if (!HAN.test(run)) {
      units.push(run);
      continue;
    }
    if (run.length === 1) units.push(run);
    for (let i = 0; i + 1 < run.length; i++) units.push(run.slice(i, i + 2));
  }
  return units;
}

/** A quoted phrase query: `"…"` (straight or curly quotes, after normalisation straight). */
export function phraseOf(query: string): string | null {
  const m = /^"(.+)"$/u.exec(query.trim());
  return m ? m[1]!.trim() : null;
}

/** The words of a query to highlight on a result page: quoted phrases whole, other words as typed. */
export function splitTerms(normalized: string): string[] {
  const out: string[] = [];
  const rest = normalized.replace(/"([^"]+)"/gu, (_, p: string) => {
    out.push(p.trim());
    return ' ';
  });
  for (const w of rest.replace(/"/gu, ' ').split(/\s+/u)) if (w) out.push(w);
  return out.filter(Boolean);
}
