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

/** The key search compares names and phrases by (containment tests): no whitespace, width folded, lower case. */
export function searchKey(text: string): string {
  return foldWidth(text).replace(/[\s\u200b]+/gu, '').toLowerCase();
}

/**
 * The query split into units for matching titles and keywords: ASCII words
 * (lower case) and Han bigrams (a single Han character stands alone).
 */
export function matchUnits(text: string): string[] {
  const units: string[] = [];
  for (const run of searchKey(text).match(/\p{Script=Han}+|[a-z0-9]+/gu) ?? []) {
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

let wordSegmenter: Intl.Segmenter | null | undefined;

/**
 * The query's words as Pagefind should look them up: each Han run split into words with
 * Intl.Segmenter (ICU's dictionary, the segmenter Pagefind's own browser JS applies), other
 * text kept as typed, words joined by single spaces. A Han–number–Han token stays whole (职教20条:
 * split, 20 alone matches every numbered skill). The engine does this itself, in the
 * browser and in Node alike, so both hand Pagefind the same terms (Pagefind's JS only
 * segments when the page language is zh/ja/th, so in Node it passed whole runs such as
 * 证书考核成本核算 to the index, which found nothing). Measured in scripts/search/README.md.
 */
export function segmentQuery(text: string): string {
  if (wordSegmenter === undefined) {
    wordSegmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : null;
  }
  const seg = wordSegmenter;
  if (!seg) return text;
  const words = (run: string) => {
    const out: string[] = [];
    for (const s of seg.segment(run)) if (s.isWordLike !== false && s.segment.trim()) out.push(s.segment);
    return out.join(' ');
  };
  return text
    .split(/\s+/u)
    .map((token) => (/^[\p{Script=Han}\d]+$/u.test(token) && /\d/u.test(token) && /^\p{Script=Han}.*\p{Script=Han}$/u.test(token) ? token : token.replace(/\p{Script=Han}+/gu, (run) => ` ${words(run)} `)))
    .join(' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
