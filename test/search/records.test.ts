/**
 * What a catalog page's record (certificate, organization) holds as the corpus grows: its listings of other documents
 * and their contact tables are bounded (LISTED_MAX), and its notes on where the sources disagree are not indexed
 * (scripts/search/build-index.ts boundListings; scripts/search/README.md “50× warm p95”). Checked on the real site's
 * pages, and on a real certificate page whose listings are repeated as a larger corpus would list it.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMON_SHARE, LISTED_MAX, boundListings, indexSources, indexedWord, pageFacts, prepareHtml, sitePages } from '../../scripts/search/build-index.ts';
import { nodeDeps } from '../../scripts/search/node-pagefind.ts';
import type { SearchData } from '../../src/lib/search/engine.ts';
import { readSources } from '../../scripts/search/dictionary.ts';
import { DIST, ROOT, ensureSite } from '../helpers/site.ts';
import { join } from 'node:path';

beforeAll(() => {
  ensureSite();
}, 300_000);

const catalogPages = () => sitePages(DIST).filter((p) => p.type === 'certificate' || p.type === 'organization');
const text = (html: string) => parseHTML(html).document.querySelector('[data-pagefind-body]')!.textContent!.replace(/\s+/gu, '');

describe('catalog page records', () => {
  it('the real corpus is under the bound: no listing or contact table of any certificate or organization page is cut', () => {
    const pages = catalogPages();
    expect(pages.length).toBeGreaterThan(150);
    let listings = 0;
    for (const p of pages) {
      const { document } = parseHTML(readFileSync(p.file, 'utf8'));
      const root = document.querySelector('main')!;
      listings += root.querySelectorAll('.cert-listings tbody > tr').length;
      expect(boundListings(root), p.url).toBe(0);
    }
    expect(listings).toBeGreaterThan(100);
  });

  it('a certificate listed by more documents than LISTED_MAX keeps the first LISTED_MAX listings and contact tables, and its standard', () => {
    const page = sitePages(DIST).find((p) => p.url === '/certificates/wlgl/')!;
    const by = indexSources(readSources(join(ROOT, 'content', 'generated')));
    const facts = pageFacts(page, by);
    const { document } = parseHTML(readFileSync(page.file, 'utf8'));
    const rows = [...document.querySelectorAll('.cert-listings tbody > tr')];
    const contacts = [...document.querySelectorAll('.cert-contacts > .cert-contact')];
    expect(rows.length).toBeGreaterThan(1);
    expect(contacts.length).toBeGreaterThan(0);
    // As a corpus ten times larger would list it: every listing and contact table ten times.
    for (const list of [rows, contacts]) for (let k = 1; k < 10; k++) for (const el of list) el.parentElement!.append(el.cloneNode(true));
    const grown = parseHTML(prepareHtml(document.toString(), facts));
    expect(grown.document.querySelectorAll('.cert-listings tbody > tr')).toHaveLength(LISTED_MAX);
    expect(grown.document.querySelectorAll('.cert-contacts > .cert-contact')).toHaveLength(Math.min(LISTED_MAX, contacts.length * 10));
    // The standard's text after the listings is still indexed (RECORD_TEXT_MAX cut it off at 50×, behind 300 listings).
    const standard = document.querySelector('.cert-standard p')!.textContent!.replace(/\s+/gu, '').slice(0, 12);
    expect(text(grown.document.toString())).toContain(standard);
  });

  it('notes on where the sources disagree are not indexed; the rest of the page is', () => {
    const by = indexSources(readSources(join(ROOT, 'content', 'generated')));
    const withNotes = catalogPages().filter((p) => readFileSync(p.file, 'utf8').includes('cert-note'));
    expect(withNotes.length).toBeGreaterThan(10);
    for (const p of withNotes) {
      const html = readFileSync(p.file, 'utf8');
      const note = parseHTML(html).document.querySelector('.cert-note')!;
      const noteText = (note.textContent ?? '').replace(/\s+/gu, '');
      const record = text(prepareHtml(html, pageFacts(p, by)));
      expect(noteText.length).toBeGreaterThan(0);
      expect(record, p.url).not.toContain(noteText);
      expect(record).not.toContain('来源之间的出入');
      expect(record).toContain(parseHTML(html).document.querySelector('h1')!.textContent!.replace(/\s+/gu, ''));
    }
  });
});

describe('common words as Pagefind indexes them', () => {
  it('a word joined by punctuation counts as the word Pagefind indexes (1+X → 1x); unsplit text with its punctuation is no word', () => {
    expect(indexedWord('1+X')).toBe('1x');
    expect(indexedWord('Web')).toBe('web');
    expect(indexedWord('物流')).toBe('物流');
    expect(indexedWord('物')).toBeNull();
    expect(indexedWord('引用请以发文机关公布的正式文本为准。')).toBeNull();
    expect(indexedWord('data-pagefind-body')).toBe('datapagefindbody');
  });

  it('data.json `common` lists 1x, and Pagefind finds it in at least COMMON_SHARE of the records', async () => {
    const data = JSON.parse(readFileSync(join(DIST, 'search', 'data.json'), 'utf8')) as SearchData;
    expect(data.common).toContain('1x');
    const pf = await nodeDeps(DIST).pagefind();
    const found = (await pf.search('1x'))?.results.length ?? 0;
    expect(found).toBeGreaterThanOrEqual(data.records! * COMMON_SHARE);
    // No attribute of the body element is counted as a word.
    expect(data.common!.some((w) => w.startsWith('data'))).toBe(false);
  });
});
