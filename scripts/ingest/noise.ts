/**
 * Stage `noise`: lines that are artefacts of the page, not text of a document.
 * Each is dropped with a named reason, so the report still accounts for it. A PDF's page numbers and
 * running headers/footers come marked by its parser (parse/pdf.ts, `line.noise`).
 */
import type { Coverage } from './coverage.ts';

/** — 1 —, - 12 -, 第 3 页, 3/12 alone on a line. */
const PAGE_NUMBER = /^[\s\u3000]*(?:[—–\-－]+\s*\d{1,4}\s*[—–\-－]+|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})[\s\u3000]*$/u;
/** 公文 print this on the page after the signature when the page holds nothing else. */
const BLANK_PAGE_NOTE = /^[\s\u3000]*[（(]\s*此页无正文\s*[）)][\s\u3000]*$/u;
/** `mailto:x@y` alone on a line: the link target of an address the text already shows. */
const MAILTO = /^[\s\u3000]*mailto:(\S+@\S+)[\s\u3000]*$/iu;

export function markNoise(cov: Coverage): void {
  const all = cov.source.lines.map((l) => l.text).join('\n');
  for (const line of cov.source.lines) {
    const t = line.text;
    // The PDF parser knows its page numbers and running headers/footers by their place on the page.
    if (line.noise) cov.mark(line, { as: 'noise', reason: line.noise });
    else if (PAGE_NUMBER.test(t)) cov.mark(line, { as: 'noise', reason: 'page-number' });
    else if (BLANK_PAGE_NOTE.test(t)) cov.mark(line, { as: 'noise', reason: 'blank-page-note' });
    else {
      const m = MAILTO.exec(t);
      // Only a duplicate when the address is printed elsewhere; otherwise it is text and stays.
      if (m && all.split(m[1]!).length > 2) cov.mark(line, { as: 'noise', reason: 'duplicate-link' });
    }
  }
}
