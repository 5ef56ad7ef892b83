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

/** Han characters, CJK punctuation and full-width forms (、。，“”《》（）〔〕…—·). */
const HAN_OR_CJK_PUNCT = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014\u00b7`;
const SQUEEZE = new RegExp(String.raw`(?<=[${HAN_OR_CJK_PUNCT}])[ \u200b\u2009]+|[ \u200b\u2009]+(?=[${HAN_OR_CJK_PUNCT}])`, 'gu');

/**
 * Remove the spaces the index step put between words (`segmentText`) and extraction artefacts: whitespace next to
 * a Han character or CJK punctuation goes, spaces between Latin words stay (培训 评价 组织 ， Web 前端 → 培训评价组织，Web前端).
 */
export function squeezeHanSpaces(text: string): string {
  return text.replace(SQUEEZE, '');
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
function segmenter(): Intl.Segmenter | null {
  if (wordSegmenter === undefined) {
    wordSegmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : null;
  }
  return wordSegmenter;
}

/**
 * What the index step writes between words: U+2009 THIN SPACE. Pagefind, indexing under a language it does not
 * segment (`unknown`), splits words at whitespace only, so these are the words it indexes; `squeezeHanSpaces`
 * removes them again for display.
 */
export const WORD_SEPARATOR = '\u2009';
/** Han runs, Latin words and numbers (with inner + - _ . & / ': 1+X, 2-3-4-S5, E-mail), any other single character. */
const PIECES = /\p{Script=Han}+|[A-Za-z0-9]+(?:[+\-_.&/'][A-Za-z0-9]+)*\+?|\S/gu;
const WORDLIKE = /^[\p{Script=Han}A-Za-z0-9]/u;
/** The longest dictionary word a merge may produce, in segments. */
const MAX_MERGE = 8;

/**
 * The words of a text, the same for the indexed text (build-index.ts) and the query (`segmentQuery`):
 * Han runs split with Intl.Segmenter (ICU's dictionary, built into every browser and Node, 0 bytes to ship),
 * Latin words and numbers kept whole, punctuation a word of its own; then adjacent segments that together
 * form a word of `words` are merged (ICU splits domain terms into characters: 考/评/员, 三/同/两/别, 双/师/型;
 * `words` is the list the index step writes into search/data.json, scripts/search/dictionary.ts `mergeWords`).
 */
export function segmentWords(text: string, words?: ReadonlySet<string>): string[] {
  const seg = segmenter();
  const tokens: string[] = [];
  for (const piece of text.match(PIECES) ?? []) {
    if (seg && /^\p{Script=Han}{2,}$/u.test(piece)) {
      for (const s of seg.segment(piece)) if (s.segment.trim()) tokens.push(s.segment);
    } else tokens.push(piece);
  }
  if (!words || words.size === 0) return tokens;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let merged = 0;
    if (WORDLIKE.test(tokens[i]!)) {
      let concat = tokens[i]!;
      const spans: number[] = [];
      for (let j = i + 1; j < tokens.length && j - i < MAX_MERGE && WORDLIKE.test(tokens[j]!); j++) {
        concat += tokens[j]!;
        if (words.has(concat)) spans.push(j + 1);
      }
      merged = spans.at(-1) ?? 0;
    }
    if (merged) {
      out.push(tokens.slice(i, merged).join(''));
      i = merged;
    } else out.push(tokens[i++]!);
  }
  return out;
}

/**
 * A text as the index step hands it to Pagefind: its words (`segmentWords`) separated by WORD_SEPARATOR, the
 * original whitespace kept.
 */
export function segmentText(text: string, words?: ReadonlySet<string>): string {
  return text.replace(/\S+/gu, (chunk) => segmentWords(chunk, words).join(WORD_SEPARATOR));
}

/**
 * The query's words as Pagefind should look them up: the words `segmentWords` finds in the indexed text, joined
 * by single spaces; punctuation dropped, and symbols inside Latin words too (Pagefind indexes 1+X as 1x). The
 * engine does this itself, in the browser and in Node alike (Pagefind's own JS segments only under zh/ja/th, and
 * not with our dictionary). Measured in scripts/search/README.md.
 */
export function segmentQuery(text: string, words?: ReadonlySet<string>): string {
  return segmentWords(text, words)
    .filter((w) => WORDLIKE.test(w))
    .map((w) => w.replace(/\p{S}/gu, ''))
    .filter(Boolean)
    .join(' ');
}
