/**
 * `node scripts/search/build-index.ts [--dist dist] [--generated content/generated] [--no-cache] [--plain OUT]`
 *
 * The index step of `npm run build`, after `astro build`:
 *   read  dist/ pages (documents, certificates, organisations, glossary; skill pages are not indexed one
 *         by one: their rows are sub-results of the certificate page, as clauses are of a document)
 *   ─► prepare a copy for the indexer: content root, noise ignored, clause anchors and skill-row
 *      anchors on headings, filters and metadata from the typed JSON
 *   ─► Pagefind (Node API) writes dist/pagefind/
 *   ─► dist/search/data.json   (pages by fragment id: title, names, nodejieba keywords; names; filter counts)
 *      dist/search/terms.json  (dictionary terms and titles, for suggestions when nothing matched)
 *      dist/search/filters.json (filter values and counts, for the filter menus, loaded when opened)
 *      dist/search/lookup.json (文号 → document, clause locators → anchors)
 *      dist/search/codes/<n>.json (skill codes → pages, spread over files by codeBucket)
 *      dist/search/held.json   (which Han words the index holds, a Bloom filter: src/lib/search/held.ts)
 *      dist/search/packs.json, packs/<n>.<hash>.pack (the fragments in a few files, loaded once warm: src/lib/search/packs.ts)
 *
 * `--plain OUT` writes the comparison index instead: the same pages, Pagefind defaults,
 * no preparation (what a site gets by running `pagefind --site dist`), into OUT/pagefind.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { constants as zlibConstants, gunzipSync, gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import * as pagefind from 'pagefind';
import { clauseLocator, walkClauses } from '../../src/lib/citation.ts';
import { CERT_SUFFIX, type HitMeta, type PageInfo, type SearchData, pageUrl, recordKey } from '../../src/lib/search/engine.ts';
import { heldFilter } from '../../src/lib/search/held.ts';
import { WORD_SEPARATOR, segmentText } from '../../src/lib/search/normalize.ts';
import { type CodeEntry, type DocEntry, type LookupTable, type NameEntry, codeBucket, hashBucket, locatorKey, splitDocNumber } from '../../src/lib/search/lookup.ts';
import { certificatesByStandard, skillRowHref } from '../../src/lib/skills.ts';
import type { Certificate, Organization } from '../../src/schema/catalog.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import type { SkillRow } from '../../src/schema/skills.ts';
import { buildDictionary, cut, loadJieba } from '../ingest/segment.ts';
import type { DocumentKeywords } from '../../src/schema/keywords.ts';
import { type DictionarySources, mergeWords, readSources } from './dictionary.ts';
import { VOCAB_FILES, buildVocabulary, coinedNames, readSynonymTable } from './vocabulary.ts';
import { type VocabCore, canonicalAdditions } from '../../src/lib/search/query.ts';
import { lookupData } from './lookup-data.ts'; // [wt-tools, issue 14]
import { type PackManifest, packBytes } from '../../src/lib/search/packs.ts';

/** Parts of a page that are tools, not text: never indexed. */
export const IGNORE_SELECTORS = ['.clause__tools', '.doc__toolbar', '.print-only', '.skip-link', 'nav', 'script', 'style', 'button', '[hidden]'];

/**
 * HTML per index shard, in bytes (the indexed pages' files in dist/). Pagefind indexes in memory: its
 * service peaked at 20–30× the prepared HTML while writing (measured at 50×: one index of 147 MB,
 * 2.8 GB; a shard of 48 MB of certificate pages, 1.4 GB). A larger site is indexed in
 * ceil(size / SHARD_BYTES) shards (dist/pagefind/, then dist/pagefind-shards/<n>/), pages spread by a
 * hash of their URL, each shard by a fresh service closed before the next starts, and the search merges
 * them (Pagefind's mergeIndex). A shard none of whose pages changed is copied from the last build
 * (.cache/search/, keyed by its pages' HTML and facts and this code). The real corpus (3 MB) and 10× of
 * it fit in one shard.
 */
export const SHARD_BYTES = 32 * 1024 * 1024;
/** Skill codes per file of search/codes/ (the real corpus has 266: one file; 50× has 13,300). */
export const CODES_PER_BUCKET = 500;
/**
 * The indexer's version for the shard cache: how pages are prepared — this file, the segmentation and query modules it
 * prepares text with (src/lib/search/normalize.ts, query.ts), the installed packages — and what it prepares them with:
 * the merged words and the synonym table (a synonym added to content/search/synonyms.yaml changes every clause that
 * prints one of its words, though no page's HTML changed).
 */
export function indexerVersion(words: ReadonlySet<string>, core: VocabCore): string {
  const h = createHash('sha256');
  const lib = join(import.meta.dirname, '..', '..', 'src', 'lib', 'search');
  for (const f of [import.meta.filename, join(lib, 'normalize.ts'), join(lib, 'query.ts'), join(import.meta.dirname, '..', '..', 'package-lock.json')]) if (existsSync(f)) h.update(readFileSync(f));
  h.update(JSON.stringify([...words].sort())).update(JSON.stringify(core));
  return h.digest('hex');
}
/** Where shards after the first go; the first is dist/pagefind/. */
export const SHARDS_DIR = 'pagefind-shards';
const shardDir = (k: number) => (k === 0 ? 'pagefind' : join(SHARDS_DIR, String(k)));

export type PageType = 'doc' | 'certificate' | 'skill' | 'organization' | 'glossary' | 'list';

export interface SitePage {
  file: string;
  url: string;
  type: PageType;
  /** The id in the URL (document id, certificate id …). */
  id: string;
}

/**
 * The pages of a law's works (/docs/<work>/, issue 16): each shows the text of a version whose own page is indexed,
 * so they are left out (they carry rel=canonical to it). From works.json beside the other collections.
 */
export function workPageUrls(generatedDir = 'content/generated'): Set<string> {
  const path = join(resolve(generatedDir), 'works.json');
  if (!existsSync(path)) return new Set();
  return new Set((JSON.parse(readFileSync(path, 'utf8')) as Array<{ id: string }>).map((w) => `/docs/${w.id}/`));
}

/** The content pages of a built site and the pages of LIST_PAGES; home, sources, search and work pages are not indexed. */
export function sitePages(dist: string, skip: ReadonlySet<string> = workPageUrls()): SitePage[] {
  const out: SitePage[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'pagefind' && e.name !== SHARDS_DIR && e.name !== '_astro') walk(p);
      } else if (e.name === 'index.html') {
        const url = `/${relative(dist, dir).split(sep).join('/')}/`;
        if (skip.has(url)) continue;
        let m: RegExpExecArray | null;
        if ((m = /^\/docs\/([^/]+)\/$/u.exec(url))) out.push({ file: p, url, type: 'doc', id: m[1]! });
        else if ((m = /^\/certificates\/([^/]+)\/skills\/([^/]+)\/$/u.exec(url))) out.push({ file: p, url, type: 'skill', id: m[1]! });
        else if ((m = /^\/certificates\/([^/]+)\/$/u.exec(url))) out.push({ file: p, url, type: 'certificate', id: m[1]! });
        else if ((m = /^\/organizations\/([^/]+)\/$/u.exec(url))) out.push({ file: p, url, type: 'organization', id: m[1]! });
        else if ((m = /^\/glossary\/([^/]+)\/$/u.exec(url))) out.push({ file: p, url, type: 'glossary', id: m[1]! });
        else if (url in LIST_PAGES) out.push({ file: p, url, type: 'list', id: url });
      }
    }
  };
  walk(dist);
  return out.sort((a, b) => a.url.localeCompare(b.url));
}

const BATCH_NAMES = ['', '首批', '第二批', '第三批', '第四批', '第五批'];
const batchName = (n: number | null | undefined) => (n ? (BATCH_NAMES[n] ?? `第${n}批`) : null);

/**
 * Pages that gather the corpus by topic (a reader asks for them: 收费标准, 时间线, 培训评价组织一览, 本库没有收录的文件),
 * indexed as pages, with their Chinese kind label (HitMeta.kind).
 */
export const LIST_PAGES: Record<string, string> = {
  '/fees/': '收费',
  '/timeline/': '时间线',
  '/certificates/': '证书目录',
  '/organizations/': '组织名录',
  '/glossary/': '名词',
  '/references/': '引用关系',
  '/references/unresolved/': '未收录文件',
};

export interface PageFacts {
  type: PageType;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  names: string[];
}

/** The corpus by id, built once per index run (the per-page look-ups were linear scans: quadratic at scale). */
export interface SourceIndex {
  documents: Map<string, PolicyDocument>;
  certificates: Map<string, Certificate>;
  organizations: Map<string, Organization>;
}

export function indexSources(src: DictionarySources): SourceIndex {
  return {
    documents: new Map(src.documents.map((d) => [d.id, d])),
    certificates: new Map(src.certificates.map((c) => [c.id, c])),
    organizations: new Map(src.organizations.map((o) => [o.id, o])),
  };
}

/** Filters, metadata and names of an indexed page, from the typed JSON (never parsed from the page). */
export function pageFacts(page: SitePage, by: SourceIndex): PageFacts {
  const filters: Record<string, string[]> = {};
  const meta: Record<string, string> = {};
  const names: string[] = [];
  if (page.type === 'doc') {
    const doc = by.documents.get(page.id);
    filters.type = ['政策文件'];
    if (doc) {
      filters.kind = [doc.kind];
      if (doc.issuers.length) filters.issuer = doc.issuers;
      if (doc.date) filters.year = [doc.date.slice(0, 4)];
      meta.kind = doc.kind;
      if (doc.docNumber) meta.docnumber = doc.docNumber;
      if (doc.issuers.length) meta.issuer = doc.issuers.join('、');
      if (doc.date) meta.date = doc.date;
      // 时效性 of a law's version (issue 16): the hit says 已被修订 / 已废止 (HitMeta.status).
      if (doc.law) meta.status = doc.law.status;
      names.push(...[doc.docNumber, ...doc.variants.map((v) => v.docNumber)].filter((n): n is string => Boolean(n)));
      if (doc.enclosedTitle) names.push(doc.enclosedTitle);
    }
  } else if (page.type === 'certificate') {
    const cert = by.certificates.get(page.id);
    filters.type = ['证书'];
    meta.kind = '证书';
    if (cert) {
      filters.certificate = [cert.name];
      const b = batchName(cert.batch);
      if (b) filters.batch = [b];
      names.push(cert.name, cert.fullName, ...cert.aliases);
    }
  } else if (page.type === 'organization') {
    const org = by.organizations.get(page.id);
    filters.type = ['培训评价组织'];
    meta.kind = '培训评价组织';
    if (org) {
      const bs = org.batches.map(batchName).filter((b): b is string => Boolean(b));
      if (bs.length) filters.batch = bs;
      names.push(org.name, ...org.aliases);
    }
  } else if (page.type === 'glossary') {
    filters.type = ['名词解释'];
    meta.kind = '名词';
  } else {
    filters.type = ['综合'];
    meta.kind = LIST_PAGES[page.url] ?? '综合';
  }
  return { type: page.type, filters, meta, names };
}

/** The copy of a page Pagefind reads: content root, noise ignored, clause anchors on their headings, filters added, text segmented (`segmentText`). */
export function prepareHtml(html: string, facts: PageFacts, words?: ReadonlySet<string>, core?: VocabCore): string {
  const { document } = parseHTML(html);
  const root = document.querySelector('[data-pagefind-body]') ?? document.querySelector('main') ?? document.body;
  root.setAttribute('data-pagefind-body', '');
  for (const sel of IGNORE_SELECTORS) for (const el of root.querySelectorAll(sel)) el.setAttribute('data-pagefind-ignore', 'all');
  return finishPage(document, root, facts, words, core);
}

type Doc = ReturnType<typeof parseHTML>['document'];
type El = NonNullable<ReturnType<Doc['querySelector']>>;

/** Segment every text node under `el` (not in ignored parts): Pagefind indexes these words and no others. */
function segmentTree(el: El, words?: ReadonlySet<string>): void {
  for (const node of [...el.childNodes]) {
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      // Separated at both ends too: Pagefind joins adjacent cells and elements (<th>类别</th><th>文件</th> → 类别文件).
      if (/\S/u.test(t)) node.textContent = `${WORD_SEPARATOR}${segmentText(t, words)}${WORD_SEPARATOR}`;
    } else if (node.nodeType === 1) {
      const child = node as unknown as El;
      if (child.getAttribute('data-pagefind-ignore') === 'all') continue;
      segmentTree(child, words);
    }
  }
}

/** Filters and metadata only: `data-pagefind-ignore` (= index) keeps their text out of the content. */
function factsBox(document: Doc, filters: Record<string, string[]>, meta: Record<string, string>): El {
  const box = document.createElement('div');
  box.setAttribute('hidden', '');
  box.setAttribute('data-pagefind-ignore', 'index');
  for (const [key, values] of Object.entries(filters)) {
    for (const v of values) {
      const span = document.createElement('span');
      span.setAttribute('data-pagefind-filter', key);
      span.textContent = v;
      box.append(span);
    }
  }
  for (const [key, value] of Object.entries(meta)) {
    const span = document.createElement('span');
    span.setAttribute('data-pagefind-meta', key);
    span.textContent = value;
    box.append(span);
  }
  return box;
}

/**
 * The canonical words (VOC's synonym table: queries are rewritten to them) of the variants a text prints, as an element
 * Pagefind indexes: the page is found by the canonical word, and the quoted text is never rewritten.
 */
function additionsOf(document: Doc, text: string, core?: VocabCore): El | null {
  const add = core ? canonicalAdditions(text, core) : [];
  const coined = coinedNames(text);
  if (!add.length && !coined.length) return null;
  const p = document.createElement('p');
  p.setAttribute('data-search-additions', '');
  p.textContent = add.join(' ');
  // The names a text coins in quotes (加快推进职业教育国家“学分银行”建设, 按照“三同两别”原则): the text that introduces a
  // name is where a reader asking for it should land, before the texts that merely use it.
  if (coined.length) {
    const span = document.createElement('span');
    span.setAttribute('data-pagefind-weight', String(COINED_WEIGHT));
    span.textContent = ` ${coined.join(' ')}`;
    p.append(span);
  }
  return p;
}
/** Pagefind weight of a coined name (body text is 1, an h1 7). */
export const COINED_WEIGHT = 2;

function finishPage(document: Doc, root: El, facts: PageFacts, words?: ReadonlySet<string>, core?: VocabCore): string {
  if (facts.type === 'certificate') for (const el of root.querySelectorAll('.cert-standard .skill-compare')) el.remove();
  // No anchors: Pagefind makes a sub-result (an excerpt over the whole text) for each element with an id every time it
  // reads a fragment, and the engine uses none of them (a page's clauses and rows are records of their own, listed by
  // the engine). At 50× /timeline/ had 3,634 anchors in 1.7 MB of text: seconds per read.
  for (const el of root.querySelectorAll('[id]')) el.removeAttribute('id');
  boundListings(root);
  capText(root, RECORD_TEXT_MAX);
  const additions = additionsOf(document, ownText(root, null), core);
  if (additions) root.append(additions);
  segmentTree(root, words);
  root.append(factsBox(document, facts.filters, facts.meta));
  return document.toString();
}

/**
 * Characters (not counting whitespace) of a page record's text that are indexed; the rest of a longer page is not. The
 * real corpus's longest is /timeline/ (16,008 counted so, 9,725 of them indexed): none is cut (16,000 cut the timeline's
 * last entry, which moved Pagefind's chunk boundaries: +0.7 KB on the cold query). At 50× the list pages
 * and certificate pages grow with the corpus (/timeline/ 1.7 MB, a certificate page's record 113,000 words), and
 * Pagefind reads and excerpts a fragment whole on every hit: a record is bounded instead. Its entries have pages of their own.
 */
export const RECORD_TEXT_MAX = 24_000;

/**
 * Entries of other pages' listings a catalog page's record keeps: a certificate's or organization's table of the documents
 * that list it (`.cert-listings`) and the contact tables those documents enclose (`.cert-contact`). Each listed document
 * is indexed itself (its page and clauses); the page record carries its first LISTED_MAX entries. The real corpus's
 * longest are 6 listings and 2 contact tables (none cut: its index is the same). They grow with the corpus: at 50× a
 * certificate is listed by up to 300 documents (156,000 characters, which filled RECORD_TEXT_MAX and cut off the
 * certificate's own standard) with 100 contact tables. Pagefind's search costs in proportion to the word locations of
 * the records it returns (it scores, serialises and hands to JS every one of them); on the 50× site certificate page
 * records were 76 % of all locations returned for the judged queries (scripts/search/README.md, “50× warm p95”).
 */
export const LISTED_MAX = 20;
const LISTED = ['.cert-listings tbody > tr', '.cert-contacts > .cert-contact'];

/**
 * A catalog page's notes on where its sources disagree (`.cert-note`: conflicting listings, ingest's anomalies such as a
 * contact table matched to the certificate by a shared telephone number): about the sources, not the certificate, and
 * they name the organization's other certificates (“同组织的 “物流管理”、…”), so a query for one matched its siblings. Not
 * indexed. The real corpus has 31 such boxes (5,300 characters in all); at 50× they were 14.6 MB, up to 172,000
 * characters on one page (each anomaly lists every copy's certificate name), most of what certificate records held.
 */
const NOT_INDEXED_NOTES = '.cert-note';

/** Removes a catalog page's source notes, and its listing entries after the first LISTED_MAX of each kind; returns how many entries were removed. */
export function boundListings(root: El): number {
  for (const el of [...root.querySelectorAll(NOT_INDEXED_NOTES)]) el.remove();
  let removed = 0;
  for (const sel of LISTED) {
    for (const [i, el] of [...root.querySelectorAll(sel)].entries()) {
      if (i < LISTED_MAX) continue;
      el.remove();
      removed++;
    }
  }
  return removed;
}

/** Empties the text nodes (outside ignored parts) after the first `max` non-space characters; returns the characters seen. */
export function capText(root: El, max: number): number {
  let n = 0;
  const walk = (node: El) => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === 3) {
        if (n >= max) child.textContent = '';
        n += (child.textContent ?? '').replace(/\s+/gu, '').length;
      } else if (child.nodeType === 1) {
        const e = child as unknown as El;
        if (e.getAttribute('data-pagefind-ignore') !== 'all') walk(e);
      }
    }
  };
  walk(root);
  return n;
}

/** One thing Pagefind indexes: a page, or a clause of a document (its URL carries the clause's anchor). */
export interface IndexRecord {
  url: string;
  /** HTML as Pagefind reads it (prepared, segmented). */
  content: string;
}

const BLOCK = new Set(['P', 'DIV', 'LI', 'TD', 'TH', 'TR', 'TABLE', 'SECTION', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BR', 'DD', 'DT', 'BLOCKQUOTE']);

/** The text of an element without its nested clauses, its heading and ignored parts; blocks end a line. */
function ownText(el: El, skip: El | null): string {
  let out = '';
  const walk = (node: El) => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === 3) out += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const e = child as unknown as El;
        if (e === skip || e.getAttribute('data-pagefind-ignore') === 'all' || e.classList.contains('clause')) continue;
        walk(e);
        if (BLOCK.has(e.tagName)) out += '\n';
      }
    }
  };
  walk(el);
  return out.replace(/[ \t]*\n[\s]*/gu, '\n').trim();
}

/** The clauses directly under a clause (or under the page when `el` is the content root). */
function childClauses(el: El): El[] {
  return [...el.querySelectorAll('.clause[id]')].filter((c) => (c.parentElement?.closest('.clause') ?? null) === (el.classList.contains('clause') ? el : null));
}

/**
 * What Pagefind indexes for a page. A document page gives one record per clause, at the clause's own anchor
 * (/docs/<id>/#s2-5: numbered sections, items, 第X条 articles, unnumbered paragraphs, tables), so a query lands on the
 * clause whose sentence matches and Pagefind scores each clause by its own length; and one record for the rest of the
 * page (title, 文号, issuers …) at the page's URL. Any other page is one record.
 */
/** A clause's own heading (not one of its children's). */
const CLAUSE_HEADING = ':scope > .clause__head h2, :scope > .clause__head h3, :scope > .clause__head h4, :scope > .clause__head h5, :scope > .clause__head h6';

export function prepareRecords(html: string, page: SitePage, facts: PageFacts, words?: ReadonlySet<string>, core?: VocabCore): IndexRecord[] {
  if (facts.type === 'certificate') return certificateRecords(html, page, facts, words, core);
  if (facts.type === 'list' && page.url === TIMELINE_PAGE) return eventRecords(html, page, facts, words, core);
  if (facts.type !== 'doc') return [{ url: page.url, content: prepareHtml(html, facts, words, core) }];
  const { document } = parseHTML(html);
  const root = (document.querySelector('[data-pagefind-body]') ?? document.querySelector('main') ?? document.body) as El;
  root.setAttribute('data-pagefind-body', '');
  for (const sel of IGNORE_SELECTORS) for (const el of root.querySelectorAll(sel)) el.setAttribute('data-pagefind-ignore', 'all');
  const docTitle = (root.querySelector('h1')?.textContent ?? '').replace(/\s+/gu, ' ').trim();
  const records: IndexRecord[] = [];
  for (const el of root.querySelectorAll('.clause[id]') as Iterable<El>) {
    const id = el.getAttribute('id')!;
    const headingEl = el.querySelector(CLAUSE_HEADING) as El | null;
    const heading = (headingEl?.textContent ?? '').replace(/\s+/gu, ' ').trim();
    const body = ownText(el, headingEl);
    if (!heading && !body) continue;
    // An unnumbered paragraph of a headed clause carries that heading as context (（五）严格职业技能等级考核与证书发放 in
    // #s2-5-p1): a query naming the item and asking about its text holds all its words in one record. The heading's own
    // record (#s2-5) is shorter, so a query of the heading's words alone still prefers it.
    const parent = /(?:^|-)p\d+$/u.test(id) ? (el.parentElement?.closest('.clause') as El | null) : null;
    const context = parent ? (parent.querySelector(CLAUSE_HEADING)?.textContent ?? '').replace(/\s+/gu, ' ').trim() : '';
    const locator = (el.querySelector(`.permalink[href="#${id}"]`)?.getAttribute('aria-label') ?? '').replace(/^本条链接[:：]\s*/u, '');
    const label = (headingEl?.querySelector('.label')?.textContent ?? '').trim();
    const title = [locator, label && heading.startsWith(label) ? heading.slice(label.length).trim() : heading].filter(Boolean).join(' ') || docTitle;
    const shown = heading ? { tag: 'h3', text: heading } : context ? { tag: 'h4', text: context } : null;
    // The canonical additions come from the clause's own words, not its context's.
    records.push({ url: `${page.url}#${id}`, content: recordHtml(shown, body, facts, { title, page: docTitle }, words, core, `${heading}\n${body}`) });
  }
  // The rest of the page: what is not a clause.
  for (const el of childClauses(root)) el.remove();
  records.unshift({ url: page.url, content: finishPage(document, root, facts, words, core) });
  return records;
}

/** A record's HTML: a heading, paragraphs, the canonical additions (of `additionsFrom`: heading and body unless said), the facts. */
function recordHtml(
  heading: { tag: string; text: string } | null,
  body: string,
  facts: PageFacts,
  meta: Record<string, string>,
  words?: ReadonlySet<string>,
  core?: VocabCore,
  additionsFrom = `${heading?.text ?? ''}\n${body}`,
): string {
  const rec = parseHTML('<!doctype html><html><body><main data-pagefind-body></main></body></html>').document;
  const main = rec.querySelector('main') as El;
  if (heading?.text) {
    const h = rec.createElement(heading.tag);
    h.textContent = segmentText(heading.text, words);
    main.append(h);
  }
  for (const line of body.split('\n')) {
    if (!line.trim()) continue;
    const para = rec.createElement('p');
    para.textContent = segmentText(line, words);
    main.append(para);
  }
  const additions = additionsOf(rec, additionsFrom, core);
  if (additions) {
    segmentTree(additions, words);
    main.append(additions);
  }
  main.append(factsBox(rec, facts.filters, { ...facts.meta, ...meta }));
  return rec.toString();
}

/**
 * A certificate page: one record per row of its skill matrix, at the row's anchor (/certificates/<id>/#2-3-4-S5; the
 * engine shows it as the row's page, rowPage), with the row's kind (技能要求 …) and printed code or label (never a
 * position code such as l1-f2-w2-s1) in its meta; and the rest of the page as one record. A row holds every word of
 * the query it answers, where a page of 300 rows matched words scattered over many, and its fragment is 0.3 KB where
 * the page's with rows as sub-results was 17 KB and took ~100 ms to read (Pagefind builds an excerpt per row).
 */
export function certificateRecords(html: string, page: SitePage, facts: PageFacts, words?: ReadonlySet<string>, core?: VocabCore): IndexRecord[] {
  const { document } = parseHTML(html);
  const root = (document.querySelector('[data-pagefind-body]') ?? document.querySelector('main') ?? document.body) as El;
  const certTitle = (root.querySelector('h1')?.textContent ?? '').replace(/\s+/gu, ' ').trim();
  const records: IndexRecord[] = [];
  for (const li of root.querySelectorAll('.cert-standard .skill-matrix li.skill-node[id]') as Iterable<El>) {
    const row = li.querySelector(':scope > .skill-row');
    if (!row) continue;
    const level = li.closest('[data-level]')?.getAttribute('data-level') ?? '';
    const type = (row.querySelector('.skill-row__type')?.textContent ?? '').trim();
    const label = (row.querySelector('.skill-name:not(.skill-name--position)')?.textContent ?? '').replace(/\s+/gu, ' ').trim();
    const text = (row.querySelector('.skill-row__text')?.textContent ?? '').replace(/\s+/gu, ' ').trim();
    const head = [level, type, label].filter(Boolean).join(' ');
    const meta: Record<string, string> = { kind: type || '技能', title: [head, text].filter(Boolean).join(' '), page: certTitle };
    if (label) meta.label = label;
    records.push({ url: `${page.url}#${li.getAttribute('id')}`, content: recordHtml({ tag: 'h4', text: head }, text, facts, meta, words, core) });
  }
  for (const m of root.querySelectorAll('.cert-standard .skill-matrix')) m.remove();
  records.unshift({ url: page.url, content: prepareHtml(document.toString(), facts, words, core) });
  return records;
}

/** The page of the pilot's timeline, whose dated events are records of their own (eventRecords). */
export const TIMELINE_PAGE = '/timeline/';
/**
 * The timeline: one record per dated event (li.timeline-event[id]: its date, kind, label and the clauses it cites), at
 * the event's anchor, and the rest of the page (headings, the batches' chart and its notes) as one record. As one record
 * the page held 70 events' labels and the titles of every document they cite, and matched the words of many questions
 * scattered over unrelated events (双师型老师要占多少比例 ranked it first); an event holds the words of its own step.
 */
export function eventRecords(html: string, page: SitePage, facts: PageFacts, words?: ReadonlySet<string>, core?: VocabCore): IndexRecord[] {
  const { document } = parseHTML(html);
  const root = (document.querySelector('[data-pagefind-body]') ?? document.querySelector('main') ?? document.body) as El;
  const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/gu, ' ').trim();
  const records: IndexRecord[] = [];
  const events = [...(root.querySelectorAll('li.timeline-event[id]') as Iterable<El>)];
  const pageTitle = text(root.querySelector('h1'));
  for (const li of events) {
    const kind = text(li.querySelector('.timeline-kind'));
    const head = `${text(li.querySelector('.timeline-event__date'))}${kind ? `（${kind}）` : ''}${text(li.querySelector('.timeline-event__label'))}`;
    const cites = [...li.querySelectorAll('.chart-cite > a')].map((a) => text(a)).join('\n');
    records.push({ url: `${page.url}#${li.getAttribute('id')}`, content: recordHtml({ tag: 'h3', text: head }, cites, facts, { title: head, page: pageTitle }, words, core) });
  }
  for (const li of events) li.remove();
  records.unshift({ url: page.url, content: prepareHtml(document.toString(), facts, words, core) });
  return records;
}

/** Normalised 文号 text. */
function normNumber(n: string): string | null {
  const p = splitDocNumber(n);
  return p ? `${p.agency}〔${p.year}〕${p.serial}号` : null;
}

export function docEntries(documents: PolicyDocument[]): (DocEntry & { meta: HitMeta })[] {
  return documents.map((doc) => {
    const numbers = [...new Set([doc.docNumber, ...doc.variants.map((v) => v.docNumber)].flatMap((n) => (n ? [normNumber(n) ?? n] : [])))];
    const clauses: Record<string, string> = {};
    const clauseTitles: Record<string, string> = {};
    for (const path of walkClauses(doc)) {
      const c = path.clause;
      if (!c.label && c.kind !== 'attachment') continue;
      const locator = clauseLocator(path);
      const key = locatorKey(locator);
      if (!key || key in clauses) continue;
      clauses[key] = c.anchor;
      clauseTitles[c.anchor] = `${locator}${c.heading ? ` ${c.heading.slice(0, 40)}` : ''}`;
    }
    // The hit facts of a document found by its 文号 or a citation (HitMeta; the engine's lookupMeta).
    const meta: HitMeta = {
      kind: doc.kind,
      ...(doc.docNumber ? { docNumber: doc.docNumber } : {}),
      ...(doc.issuers.length ? { issuer: doc.issuers.join('、') } : {}),
      ...(doc.date ? { date: doc.date } : {}),
      ...(doc.law ? { status: doc.law.status } : {}),
    };
    // A law's version (issue 16): which version a citation of the work opens (lookup.ts byVersion).
    const law = doc.law ? { law: { work: doc.law.work, name: doc.law.name, version: doc.law.version, status: doc.law.status, excerpt: doc.law.excerpt } } : {};
    return { id: doc.id, url: `/docs/${doc.id}/`, title: doc.title, numbers, clauses, clauseTitles, meta, ...law };
  });
}

/**
 * Skill codes → their row's page (skillRowHref: the certificate showing the row's standard, the row's anchor)
 * where it exists, else the standard's level table in its document.
 */
export function codeEntries(skills: SkillRow[], src: DictionarySources, pages: Set<string>): CodeEntry[] {
  const out: CodeEntry[] = [];
  const byStandard = certificatesByStandard(src.certificates);
  const standards = new Map(src.standards.map((s) => [s.id, s]));
  for (const row of skills) {
    if (!row.normalizedCode) continue;
    const cert = byStandard.get(row.standard)?.[0];
    const page = skillRowHref(row, byStandard);
    let url = page && pages.has(page) ? page : null;
    if (!url) {
      const std = standards.get(row.standard);
      const level = std?.levels.find((l) => l.level === row.level);
      url = std ? `/docs/${std.document}/${level ? `#${level.anchor}` : std.anchor ? `#${std.anchor}` : ''}` : (page ?? `/certificates/`);
    }
    out.push({
      code: row.normalizedCode,
      url,
      title: `${row.code} · ${row.certificate ?? row.standard}（${row.level}）`,
      text: row.text,
      certificate: cert?.name ?? row.certificate,
      level: row.level,
    });
  }
  return out;
}

export function nameEntries(src: DictionarySources, pages: Set<string>): NameEntry[] {
  const out: NameEntry[] = [];
  for (const c of src.certificates) {
    const url = `/certificates/${c.id}/`;
    if (pages.has(url)) out.push({ name: c.name, aliases: [c.fullName, ...c.aliases], url, kind: 'certificate' });
  }
  for (const o of src.organizations) {
    const url = `/organizations/${o.id}/`;
    if (pages.has(url)) out.push({ name: o.name, aliases: o.aliases, url, kind: 'organization' });
  }
  return out;
}

/**
 * The words held by at least COMMON_SHARE of the records (at most COMMON_MAX), most frequent first (证书, 培训, 组织 …):
 * not searched alone by the any-word fallback. Measured (fresh recall@5 / MRR / clause recall@5): 5 % (第三批, 公示,
 * 物流 left out too) 0.895 / 0.912 / 0.714; 10 % 0.903 / 0.910 / 0.714; 20 % 0.911 / 0.920 / 0.688.
 */
export const COMMON_SHARE = 0.1;
export const COMMON_MAX = 200;
/**
 * A word of the segmented text as Pagefind indexes it (lower case, without the punctuation joining its parts: 1+X → 1x,
 * which the count missed: at 50× a search for 1x returns 45 % of the records), when it is one `common` may list: two or
 * more Han characters, or two or more letters and digits; else null (also for text the segmenter did not split, which
 * carries its punctuation: 。，).
 */
export function indexedWord(raw: string): string | null {
  if (!/^[\p{L}\p{N}]+(?:[+._\-/][\p{L}\p{N}]+)*$/u.test(raw)) return null;
  const w = raw.toLowerCase().replace(/[+._\-/]/gu, '');
  return /^\p{Script=Han}{2,}$|^[a-z0-9]{2,}$/u.test(w) ? w : null;
}
export function commonWords(df: Map<string, number>, records: number): string[] {
  return [...df]
    .filter(([, n]) => n >= records * COMMON_SHARE)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, COMMON_MAX)
    .map(([w]) => w);
}

/**
 * The whole index is preloaded (`warm` in data.json) only up to this size of index chunks (gzip), and only when it is one
 * shard. The 50× site's 8 shards are 2.35 MB: preloaded, they took 1.8 s of CPU and 200 MB of WebAssembly memory, and
 * the query during the preload waited for it (~0.9 s); not done (scripts/search/README.md, “50× warm p95”).
 */
export const WARM_MAX_BYTES = 1024 * 1024;

/**
 * A word from each index chunk Pagefind wrote: searching them all (Pagefind's preload) loads every chunk. Read from the
 * chunk files (gzip, `pagefind_dcd` and CBOR: an array whose first element is the array of the chunk's words, each
 * starting with its text), taking the first word that has a letter, digit or Han character (Pagefind drops punctuation
 * from a query, so a punctuation word would load nothing).
 */
export function chunkWords(pagefindDir: string): { words: string[]; bytes: number } {
  const dir = join(pagefindDir, 'index');
  const words: string[] = [];
  let bytes = 0;
  for (const f of readdirSync(dir).sort()) {
    const raw = readFileSync(join(dir, f));
    bytes += raw.length;
    const b = gunzipSync(raw);
    let i = 12;
    const len = (info: number): number => {
      if (info < 24) return info;
      const n = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 8;
      let v = 0;
      for (let k = 0; k < n; k++) v = v * 256 + b[i + k]!;
      i += n;
      return v;
    };
    // Walk the CBOR items in order (arrays and numbers are entered or skipped) and collect the first text strings.
    for (let seen = 0; i < b.length && seen < 50; ) {
      const major = b[i]! >> 5;
      const info = b[i]! & 31;
      i++;
      if (major === 4 || major === 5) len(info);
      else if (major === 0 || major === 1) len(info);
      else if (major === 3 || major === 2) {
        const n = len(info);
        const text = b.subarray(i, i + n).toString('utf8');
        i += n;
        seen++;
        if (major === 3 && /[\p{L}\p{N}]/u.test(text)) {
          words.push(text);
          break;
        }
      } else break;
    }
  }
  return { words, bytes };
}

/** Fragment id (zh-cn_8f2d221) → URL, read back from what Pagefind wrote. */
export function fragmentUrls(pagefindDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const dir = join(pagefindDir, 'fragment');
  for (const f of readdirSync(dir)) {
    const raw = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
    const json = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string };
    out.set(f.replace(/\.pf_fragment$/u, ''), json.url);
  }
  return out;
}

export interface BuildReport {
  pages: number;
  byType: Record<string, number>;
  dictionary: Record<string, number>;
  codes: number;
  names: number;
  bytes: Record<string, number>;
  /** Index shards written: ceil(htmlBytes / SHARD_BYTES); the indexed pages' HTML, and the copies Pagefind read. */
  shards: number;
  /** Shards copied from the cache because none of their pages changed. */
  reusedShards: number;
  /** Records besides the pages: documents' clauses and certificates' skill rows, at their anchors. */
  clauseRecords: number;
  /** Words the segmenter merges (data.json `words`). */
  mergeWords: number;
  htmlBytes: number;
  preparedBytes: number;
}

/**
 * Fragment packs (src/lib/search/packs.ts) are written only while all of them together stay under this size (gzip):
 * the search page loads them all once warm. The real corpus: 1,660 fragments, 1.4 MB inflated, ~0.25 MB in packs;
 * 50× the corpus would be ~12 MB, so there are none and every fragment is fetched on its own, as before.
 */
export const PACKS_MAX_BYTES = 1024 * 1024;
/** Inflated bytes per pack (~60–70 KB gzip): a few packs, fetched in parallel, each of whole pages. */
export const PACK_RAW_BYTES = 384 * 1024;

/**
 * Index packs (src/lib/search/packs.ts, `kind: 'index'`) are written for a site whose index is not preloaded (no `warm`:
 * several shards), while all its index chunks together stay under this size (gzip as Pagefind stores them). The 50× site's
 * 8 shards: 428 chunks, 2.38 MB. Loaded from the second query on (engine.ts warmUp) and kept as they are (gzip) until
 * Pagefind loads a chunk for a query: 2.38 MB of memory, where preloading the chunks into Pagefind took 200 MB.
 */
export const INDEX_PACKS_MAX_BYTES = 4 * 1024 * 1024;
/** Bytes per index pack: a few packs, fetched in parallel. */
export const INDEX_PACK_BYTES = 512 * 1024;

/**
 * Writes search/packs.json and search/packs/*.pack: every fragment of every shard exactly once, a page's records
 * (its page record, clauses and rows) in one pack, pages in URL order (documents together, certificates together:
 * gzip finds their repeated wording), unless they would exceed PACKS_MAX_BYTES; and with `index`, every index chunk of
 * every shard, unless they would exceed INDEX_PACKS_MAX_BYTES. Nothing is written (and older packs are removed) when
 * neither fits. Returns the manifest, or null.
 */
export function writePacks(dist: string, shardDirs: string[], { index = false }: { index?: boolean } = {}): PackManifest | null {
  const searchDir = join(dist, 'search');
  rmSync(join(searchDir, 'packs'), { recursive: true, force: true });
  rmSync(join(searchDir, 'packs.json'), { force: true });
  const files = [...(fragmentPacks(shardDirs) ?? []), ...((index && indexPacks(dist, shardDirs)) || [])];
  if (!files.length) return null;
  mkdirSync(join(searchDir, 'packs'), { recursive: true });
  const manifest: PackManifest = { packs: [] };
  files.forEach((f, i) => {
    const name = `${i}.${createHash('sha256').update(f.bytes).digest('hex').slice(0, 10)}.pack`;
    writeFileSync(join(searchDir, 'packs', name), f.bytes);
    manifest.packs.push({ file: `/search/packs/${name}`, bytes: f.bytes.length, fragments: f.entries, ...(f.kind ? { kind: f.kind } : {}) });
  });
  writeFileSync(join(searchDir, 'packs.json'), JSON.stringify(manifest));
  return manifest;
}

type PackFile = { bytes: Uint8Array; entries: number; kind?: 'index' };

/** The fragment packs (gzip), or null when they would exceed PACKS_MAX_BYTES. */
function fragmentPacks(shardDirs: string[]): PackFile[] | null {
  const pages = new Map<string, [string, Uint8Array][]>();
  let raw = 0;
  for (const dir of shardDirs) {
    const fragDir = join(dir, 'fragment');
    for (const f of readdirSync(fragDir).sort()) {
      const bytes = gunzipSync(readFileSync(join(fragDir, f)));
      raw += bytes.length;
      // Inflated fragments compress ~5.7:1 together: far past the cap, stop reading (50×: 80 MB inflated).
      if (raw > PACKS_MAX_BYTES * 12) return null;
      const text = bytes.toString('utf8');
      const url = pageUrl((JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url);
      (pages.get(url) ?? pages.set(url, []).get(url)!).push([f.replace(/\.pf_fragment$/u, ''), bytes]);
    }
  }
  const groups: [string, Uint8Array][][] = [[]];
  let size = 0;
  for (const url of [...pages.keys()].sort()) {
    const frags = pages.get(url)!;
    const n = frags.reduce((a, [, b]) => a + b.length, 0);
    if (size && size + n > PACK_RAW_BYTES) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(...frags);
    size += n;
  }
  const files = groups.filter((g) => g.length).map((g) => ({ bytes: gzipSync(packBytes(g), { level: zlibConstants.Z_BEST_COMPRESSION }), entries: g.length }));
  return files.reduce((a, f) => a + f.bytes.length, 0) > PACKS_MAX_BYTES ? null : files;
}

/** The index packs: every chunk of every shard under its URL path, as stored (gzip; the pack itself is not compressed again), or null over INDEX_PACKS_MAX_BYTES. */
function indexPacks(dist: string, shardDirs: string[]): PackFile[] | null {
  const chunks: [string, Uint8Array][] = [];
  for (const dir of shardDirs) {
    const indexDir = join(dir, 'index');
    for (const f of readdirSync(indexDir).sort()) chunks.push([`/${relative(dist, join(indexDir, f)).split(sep).join('/')}`, readFileSync(join(indexDir, f))]);
  }
  if (chunks.reduce((a, [, b]) => a + b.length, 0) > INDEX_PACKS_MAX_BYTES) return null;
  const groups: [string, Uint8Array][][] = [[]];
  let size = 0;
  for (const c of chunks) {
    if (size && size + c[1].length > INDEX_PACK_BYTES) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(c);
    size += c[1].length;
  }
  return groups.filter((g) => g.length).map((g) => ({ bytes: packBytes(g), entries: g.length, kind: 'index' as const }));
}

/** data.json `warm`: a word of each index chunk, when the whole index is small enough to preload (one shard only). */
function warmWords(shardDirs: string[]): { warm?: string[] } {
  if (shardDirs.length !== 1) return {};
  const { words, bytes } = chunkWords(shardDirs[0]!);
  return bytes <= WARM_MAX_BYTES ? { warm: words } : {};
}

export async function buildIndex(
  distDir: string,
  generatedDir: string,
  {
    shardBytes = SHARD_BYTES,
    codesPerBucket = CODES_PER_BUCKET,
    cacheDir,
  }: {
    shardBytes?: number;
    codesPerBucket?: number;
    /** Where unchanged shards are kept between builds (default <dist>/../.cache/search); null: no cache. */
    cacheDir?: string | null;
  } = {},
): Promise<BuildReport> {
  const dist = resolve(distDir);
  const src = readSources(resolve(generatedDir));
  const skillsPath = join(resolve(generatedDir), 'skills.json');
  const skills: SkillRow[] = existsSync(skillsPath) ? JSON.parse(readFileSync(skillsPath, 'utf8')) : [];
  // The same dictionary and keywords as the pages (ingest stage `segment`).
  const dict = buildDictionary(src);
  // The words the segmenter merges (index and query alike): written into data.json for the query side.
  loadJieba(dict);
  const mergeList = mergeWords(src, dict, cut);
  const words = new Set(mergeList);
  // VOC's vocabulary (content/search/synonyms.yaml and the corpus): the core travels in data.json (every query reads
  // it), the other parts are files loaded when a query needs them (src/lib/search/query.ts).
  const vocab = buildVocabulary(src, readSynonymTable(), cut);
  const keywordsPath = join(resolve(generatedDir), 'keywords.json');
  const keywordsOf = new Map<string, string[]>(
    (existsSync(keywordsPath) ? (JSON.parse(readFileSync(keywordsPath, 'utf8')) as DocumentKeywords[]) : []).map((k) => [k.id, k.keywords.slice(0, 10)]),
  );

  const pages = sitePages(dist, workPageUrls(generatedDir));
  const urls = new Set(pages.map((p) => p.url));
  rmSync(join(dist, 'pagefind'), { recursive: true, force: true });
  rmSync(join(dist, SHARDS_DIR), { recursive: true, force: true });
  const info = new Map<string, PageInfo>();
  const byType: Record<string, number> = {};
  const filterCounts: Record<string, Record<string, number>> = {};
  const by = indexSources(src);
  // Each page's DOM (linkedom) is garbage once prepared, but V8 lets it pile up while the service works:
  // at 50× this process grew to 1.5 GB, yet ran at ~380 MB under a 640 MB heap cap. With --expose-gc
  // (npm run build, the bench) it is collected every 100 pages; without the flag nothing changes but the memory.
  const collect = (globalThis as { gc?: () => void }).gc;
  let sinceGc = 0;
  let preparedBytes = 0;
  /** Word → how many records hold it (for data.json `common`). */
  const df = new Map<string, number>();
  let recordCount = 0;
  const countWords = (html: string, into: Map<string, number>) => {
    recordCount++;
    // The record's text: after the body element's opening tag (its attributes are no words), without the facts box.
    const body = html.slice(html.indexOf('>', html.indexOf('data-pagefind-body')) + 1).replace(/<div hidden[^]*$/u, '').replace(/<[^>]*>/gu, ' ');
    for (const w of new Set(body.split(/\s+/u).map(indexedWord))) if (w) into.set(w, (into.get(w) ?? 0) + 1);
  };
  // Skill pages are reached through their certificate page's rows (sub-results), the code look-up and the matrix.
  const indexed = pages.filter((p) => p.type !== 'skill');
  const htmlBytes = indexed.reduce((sum, p) => sum + statSync(p.file).size, 0);
  const shardCount = Math.max(1, Math.ceil(htmlBytes / shardBytes));
  // A page's shard is a hash of its URL: every shard is a sample of the whole site (Pagefind scores a page with its
  // own shard's word statistics, which in shards cut in URL order would be those of one kind of page), and a page
  // stays in its shard when others are added, so an unchanged shard can be reused.
  const members: SitePage[][] = Array.from({ length: shardCount }, () => []);
  for (const p of indexed) members[hashBucket(p.url, shardCount)]!.push(p);
  const cacheRoot = cacheDir === null ? null : resolve(cacheDir ?? join(dist, '..', '.cache', 'search'));
  const usedKeys = new Set<string>();
  const shardDirs: string[] = [];
  let reusedShards = 0;
  const version = indexerVersion(words, vocab.core);
  for (const list of members) {
    if (list.length === 0) continue;
    const htmls = list.map((p) => readFileSync(p.file, 'utf8'));
    const facts = list.map((p) => pageFacts(p, by));
    list.forEach((page, i) => {
      const f = facts[i]!;
      for (const [key, values] of Object.entries(f.filters)) {
        const counts = (filterCounts[key] ??= {});
        for (const v of new Set(values)) counts[v] = (counts[v] ?? 0) + 1;
      }
      // Keywords where they were measured to help (documents); catalog pages carry their names.
      // No title: its re-rank weight is 0 (RANK.title), and result titles come from Pagefind's fragments.
      const entry: PageInfo = { url: page.url };
      if (page.type === 'doc') entry.keywords = keywordsOf.get(page.id) ?? [];
      if (f.names.length) entry.names = [...new Set(f.names)];
      // A list page is named by its heading (培训评价组织, 本库未收录的文件): the re-rank matches it as a catalog name.
      if (page.type === 'list') {
        const h1 = /<h1[^>]*>([^]*?)<\/h1>/u.exec(htmls[i]!)?.[1]?.replace(/<[^>]*>/gu, '').trim();
        if (h1) entry.names = [h1];
      }
      info.set(page.url, entry);
      byType[page.type] = (byType[page.type] ?? 0) + 1;
    });
    const outputPath = join(dist, shardDir(shardDirs.length));
    shardDirs.push(outputPath);
    // The shard's key: the indexer's version and, per page, its URL, HTML and facts. A shard whose key is in the
    // cache is copied from it; Pagefind's output depends on nothing else (the determinism test runs without the cache).
    const h = createHash('sha256').update(version);
    list.forEach((p, i) => h.update(`\0${p.url}\0`).update(htmls[i]!).update(JSON.stringify(facts[i])));
    const key = h.digest('hex').slice(0, 32);
    usedKeys.add(key);
    // The shard's word counts (for data.json `common`) are kept beside it in the cache: a reused shard is not prepared again.
    const dfFile = cacheRoot ? join(cacheRoot, `${key}.df.json`) : null;
    if (cacheRoot && existsSync(join(cacheRoot, key)) && dfFile && existsSync(dfFile)) {
      cpSync(join(cacheRoot, key), outputPath, { recursive: true });
      const saved = JSON.parse(readFileSync(dfFile, 'utf8')) as { records: number; df: [string, number][] };
      recordCount += saved.records;
      for (const [w, n] of saved.df) df.set(w, (df.get(w) ?? 0) + n);
      reusedShards++;
      continue;
    }
    const shardDf = new Map<string, number>();
    const recordsBefore = recordCount;
    // `unknown`: Pagefind does not segment the text again; it indexes the words segmentText separated (WORD_SEPARATOR).
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'unknown' });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    for (const [i, page] of list.entries()) {
      const records = prepareRecords(htmls[i]!, page, facts[i]!, words, vocab.core);
      htmls[i] = '';
      if (collect && ++sinceGc >= 100) {
        collect();
        sinceGc = 0;
      }
      for (const rec of records) {
        preparedBytes += Buffer.byteLength(rec.content);
        countWords(rec.content, shardDf);
        const r = await index.addHTMLFile({ url: rec.url, content: rec.content });
        if (r.errors.length) throw new Error(`${relative(process.cwd(), page.file)}: pagefind: ${r.errors.join('; ')}`);
      }
    }
    // Written and the service closed before the next shard starts: one shard in memory at a time.
    const w = await index.writeFiles({ outputPath });
    if (w.errors.length) throw new Error(`pagefind: ${w.errors.join('; ')}`);
    await pagefind.close();
    for (const [w, n] of shardDf) df.set(w, (df.get(w) ?? 0) + n);
    if (cacheRoot) {
      mkdirSync(cacheRoot, { recursive: true });
      writeFileSync(dfFile!, JSON.stringify({ records: recordCount - recordsBefore, df: [...shardDf] }));
      rmSync(join(cacheRoot, `${key}.tmp`), { recursive: true, force: true });
      cpSync(outputPath, join(cacheRoot, `${key}.tmp`), { recursive: true });
      renameSync(join(cacheRoot, `${key}.tmp`), join(cacheRoot, key));
    }
  }
  // The cache keeps this build's shards only.
  if (cacheRoot && existsSync(cacheRoot)) for (const e of readdirSync(cacheRoot)) if (!usedKeys.has(e.replace(/\.df\.json$/u, ''))) rmSync(join(cacheRoot, e), { recursive: true, force: true });

  const byId: Record<string, PageInfo> = {};
  let clauseRecords = 0;
  // A clause's or row's record is listed under its page by the first RECORD_KEY hex digits of its fragment id (`r`:
  // 1,463 records in 5 KB gzip, where id → URL entries were 11 KB): the engine groups records by page before it
  // fetches any fragment.
  const recordsOf = new Map<string, string[]>();
  for (const dir of shardDirs) {
    for (const [id, url] of fragmentUrls(dir)) {
      const p = info.get(url);
      if (p) byId[id] = p;
      else if (info.has(pageUrl(url))) {
        clauseRecords++;
        const page = pageUrl(url);
        (recordsOf.get(page) ?? recordsOf.set(page, []).get(page)!).push(recordKey(id));
      }
    }
  }
  for (const p of Object.values(byId)) {
    const keys = recordsOf.get(p.url);
    if (keys?.length) p.r = keys.sort().join('');
  }
  const names = nameEntries(src, urls);
  // A catalog page's names are its entry in `names` (the engine joins them by URL): not stored twice.
  const catalogUrls = new Set(names.map((n) => n.url));
  for (const p of Object.values(byId)) if (catalogUrls.has(p.url)) delete p.names;
  const titles = src.documents.map((d) => d.title.replace(/^关于/u, ''));
  const terms = [...new Set([...dict.terms, ...titles])];
  // The alias “<name>职业技能等级证书” is restored by the engine (CERT_SUFFIX): not stored.
  const storedNames = names.map((n) => (n.kind === 'certificate' ? { ...n, aliases: n.aliases.filter((a) => a !== n.name + CERT_SUFFIX) } : n));
  // Skill codes go into files of about CODES_PER_BUCKET codes by codeBucket: a code query fetches one of them.
  const codes = codeEntries(skills, src, urls);
  const codeBuckets = Math.max(1, Math.ceil(codes.length / codesPerBucket));
  const warm = warmWords(shardDirs);
  const data: SearchData = {
    pages: byId,
    names: storedNames,
    codeBuckets,
    words: mergeList,
    vocab: vocab.core,
    common: commonWords(df, recordCount),
    records: recordCount,
    ...warm,
    ...(shardDirs.length > 1 ? { shards: shardDirs.slice(1).map((d) => `/${relative(dist, d).split(sep).join('/')}/`) } : {}),
  };
  // [wt-tools, issue 14] citation clauses (第N段, enclosure) and the cited-but-not-held 文号: scripts/search/lookup-data.ts
  const lookup: LookupTable = lookupData(docEntries(src.documents), src.documents, resolve(generatedDir));
  const searchDir = join(dist, 'search');
  rmSync(join(searchDir, 'codes'), { recursive: true, force: true });
  mkdirSync(join(searchDir, 'codes'), { recursive: true });
  const dataJson = JSON.stringify(data);
  const lookupJson = JSON.stringify(lookup);
  const termsJson = JSON.stringify(terms);
  // The Han words the records hold (the same count as `common`'s): the any-word ranking searches no other word alone.
  const heldJson = JSON.stringify(heldFilter(df.keys()));
  writeFileSync(join(searchDir, 'filters.json'), JSON.stringify(filterCounts));
  writeFileSync(join(searchDir, 'data.json'), dataJson);
  writeFileSync(join(searchDir, 'lookup.json'), lookupJson);
  writeFileSync(join(searchDir, 'terms.json'), termsJson);
  writeFileSync(join(searchDir, 'held.json'), heldJson);
  for (const [part, file] of Object.entries(VOCAB_FILES)) writeFileSync(join(searchDir, file), JSON.stringify(vocab[part as keyof typeof VOCAB_FILES]));
  const buckets: CodeEntry[][] = Array.from({ length: codeBuckets }, () => []);
  for (const c of codes) buckets[codeBucket(c.code, codeBuckets)]!.push(c);
  let codeBytes = 0;
  buckets.forEach((list, b) => {
    const json = JSON.stringify(list);
    codeBytes += Buffer.byteLength(json);
    writeFileSync(join(searchDir, 'codes', `${b}.json`), json);
  });
  // Index packs where the index is not preloaded whole (several shards).
  const packs = writePacks(dist, shardDirs, { index: !warm.warm });
  return {
    pages: Object.values(byType).reduce((a, b) => a + b, 0),
    byType,
    dictionary: dict.counts,
    codes: codes.length,
    names: names.length,
    shards: shardDirs.length,
    reusedShards,
    clauseRecords,
    mergeWords: mergeList.length,
    htmlBytes,
    preparedBytes,
    bytes: {
      'search/data.json': Buffer.byteLength(dataJson),
      'search/lookup.json': Buffer.byteLength(lookupJson),
      'search/terms.json': Buffer.byteLength(termsJson),
      'search/held.json': Buffer.byteLength(heldJson),
      [`search/codes/ (${codeBuckets})`]: codeBytes,
      [`search/packs/ (${packs ? `${packs.packs.filter((p) => !p.kind).length} of fragments, ${packs.packs.filter((p) => p.kind === 'index').length} of index chunks` : 'none: over PACKS_MAX_BYTES'}, gzip)`]: packs ? packs.packs.reduce((a, p) => a + p.bytes, 0) : 0,
    },
  };
}

/** The comparison index: same pages, Pagefind's defaults, no preparation. */
export async function buildPlainIndex(distDir: string, outDir: string): Promise<number> {
  const dist = resolve(distDir);
  const out = join(resolve(outDir), 'pagefind');
  rmSync(out, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const pages = sitePages(dist);
  for (const page of pages) await index.addHTMLFile({ url: page.url, content: readFileSync(page.file, 'utf8') });
  await index.writeFiles({ outputPath: out });
  await pagefind.close();
  return pages.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      generated: { type: 'string', default: 'content/generated' },
      plain: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
    },
  });
  try {
    if (values.plain) {
      const n = await buildPlainIndex(values.dist!, values.plain);
      console.log(`search: plain Pagefind index of ${n} pages → ${values.plain}/pagefind`);
    } else {
      const r = await buildIndex(values.dist!, values.generated!, values['no-cache'] ? { cacheDir: null } : {});
      if (!values.quiet) {
        const types = Object.entries(r.byType).map(([k, v]) => `${v} ${k}`).join(', ');
        const dict = Object.entries(r.dictionary).map(([k, v]) => `${k} ${v}`).join(', ');
        console.log(`search: indexed ${r.pages} pages (${types}) and ${r.clauseRecords} clauses and skill rows; ${r.mergeWords} words merged by the segmenter; dictionary: ${dict}; ${r.codes} skill codes, ${r.names} catalog names`);
        console.log(`search: ${r.shards} index shard${r.shards > 1 ? 's' : ''} (${r.reusedShards} unchanged, copied from .cache/search) for ${(r.htmlBytes / 1024 / 1024).toFixed(1)} MB of pages (${(r.preparedBytes / 1024 / 1024).toFixed(1)} MB prepared)`);
        console.log(`search: ${Object.entries(r.bytes).map(([k, v]) => `${k} ${(v / 1024).toFixed(1)} KB`).join(', ')}`);
      }
    }
  } catch (err) {
    console.error(`search: ${(err as Error).message}`);
    process.exit(1);
  }
}
