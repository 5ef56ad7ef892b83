/**
 * Stage `references`: what each document cites, resolved to documents of the corpus.
 *
 * Found in clause text and headings:
 *  - 《标题》, with or without its 文号 in brackets after it;
 *  - a bare 文号 in any bracket form;
 *  - a short name a text defines (（简称“职教 20 条”）, （以下简称《通知》）) and its later uses;
 *  - 附件 references inside a document (（见附件 1）).
 * A law or regulation cited by name (《中华人民共和国职业教育法》) is the version in force at the citing
 * document's date (laws stage: works.json), with the article path printed after it (第八条 → art8).
 * A reference that names no document of the corpus stays, unresolved, with what it printed.
 */
import { distance } from 'fastest-levenshtein';
import type { Clause, PolicyDocument } from '../../src/schema/corpus.ts';
import type { LawWork } from '../../src/schema/laws.ts';
import type { Reference } from '../../src/schema/references.ts';
import { lawTitle } from './laws/names.ts';
import { versionOn } from './laws/works.ts';
import { chineseToInt } from '../../src/lib/text/numerals.ts';
import { sentenceAt } from './text/sentences.ts';
import { findDocNumbers, parseDocNumber } from '../../src/lib/text/docnumber.ts';
import { endsLikeTitle, enclosedTitleOf, titleKey } from '../../src/lib/text/titles.ts';
import { removeExtractionSpaces } from '../../src/lib/text/normalize.ts';

interface Found {
  kind: Reference['kind'];
  printed: string;
  title: string | null;
  docNumber: string | null;
  /** For 附件 references: the attachment number. */
  attachment: string | null;
  alias: string | null;
}

const TITLE_REF = /《([^《》]{2,120})》(?:\s*[（(]\s*([^（）()]{0,40}?〔\s*\d{4}\s*〕\s*\d+\s*号)\s*[）)])?/gu;
/** （以下简称“X”）, （简称《X》）, or inside the 文号 bracket: （教职成司函〔2019〕36 号，以下简称《通知》）. */
const ALIAS_DEF = /^\s*[（(][^（）()]{0,40}?(?:以下)?简称\s*[“"《]?([^”"》）)]{1,20})[”"》]?\s*[）)]/u;
const ATTACHMENT_REF = /[（(]\s*(?:见)?\s*附件\s*(\d+(?:-\d+)?)\s*[）)]/gu;
/** Words that stand before a 文号 and are not part of its 机关代字. */
const LEAD_WORDS = /^(?:根据|依据|按照|按|据|见|和|及|与|或|即|为|的|等|文|号文|号|发)+/u;

export function extractReferences(documents: PolicyDocument[], works: LawWork[] = []): Reference[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const workByName = new Map(works.map((w) => [titleKey(w.name), w]));
  /** A law cited by name: the work, when the corpus holds one of that name. */
  const workOf = (title: string): LawWork | null => {
    const t = lawTitle(title);
    return t && !t.excerpt ? (workByName.get(titleKey(t.name)) ?? null) : null;
  };
  const anchorsOf = new Map<string, Set<string>>();
  const hasAnchor = (id: string, anchor: string): boolean => {
    let set = anchorsOf.get(id);
    if (!set) {
      set = new Set();
      const add = (cs: Clause[]) => cs.forEach((c) => (set!.add(c.anchor), add(c.children)));
      add(byId.get(id)?.clauses ?? []);
      anchorsOf.set(id, set);
    }
    return set.has(anchor);
  };
  const byNumber = new Map<string, PolicyDocument>();
  for (const d of documents) if (d.docNumber) byNumber.set(d.docNumber, d);
  const agencies = [...new Set(documents.flatMap((d) => (d.docNumber ? [parseDocNumber(d.docNumber)!.agency] : [])))];
  const globalAliases = new Map<string, PolicyDocument>();

  /** Titles a document can be cited by: its own and, for a 印发 notice, the one it carries. */
  // An excerpt (《中华人民共和国职业教育法》节选) stands for the law it is taken from.
  const titlesOf = (d: PolicyDocument) => [d.title, ...(d.enclosedTitle ? [d.enclosedTitle] : [])].map((t) => titleKey(t).replace(/\(?节选\)?$/u, ''));
  // Indexes over the documents' titles, built once (a scan per reference grows with the square of the corpus).
  // Each keeps the first document in corpus order, as a scan from the start would find.
  const byTitle = new Map<string, PolicyDocument>(); // titlesOf key → first document
  const byPlainTitle = new Map<string, PolicyDocument>(); // titleKey of title or enclosed title → first document
  /** Titles without what precedes 关于, by length: a title within two edits differs in length by at most two. */
  const bareByLength = new Map<number, Array<{ doc: PolicyDocument; order: number; bare: string }>>();
  documents.forEach((d, order) => {
    for (const t of titlesOf(d)) {
      if (!byTitle.has(t)) byTitle.set(t, d);
      const bare = t.replace(/^.*?(?=关于)/u, '');
      const list = bareByLength.get(bare.length);
      if (list) list.push({ doc: d, order, bare });
      else bareByLength.set(bare.length, [{ doc: d, order, bare }]);
    }
    for (const t of [d.title, ...(d.enclosedTitle !== null ? [d.enclosedTitle] : [])]) {
      const k = titleKey(t);
      if (!byPlainTitle.has(k)) byPlainTitle.set(k, d);
    }
  });
  /** The documents (each once) with a title within two edits of `bare`. */
  const nearTitles = (bare: string): PolicyDocument[] => {
    const hits = new Set<PolicyDocument>();
    for (let len = bare.length - 2; len <= bare.length + 2; len++) {
      for (const x of bareByLength.get(len) ?? []) if (!hits.has(x.doc) && distance(x.bare, bare) <= 2) hits.add(x.doc);
    }
    return [...hits];
  };
  const resolved = new Map<string, PolicyDocument | null>();
  const resolveTitle = (title: string): PolicyDocument | null => {
    let r = resolved.get(title);
    if (r === undefined) {
      r = resolveTitleOnce(title);
      resolved.set(title, r);
    }
    return r;
  };
  const resolveTitleOnce = (title: string): PolicyDocument | null => {
    const key = titleKey(title);
    const exact = byTitle.get(key);
    if (exact) return exact;
    // A title quoted with a word changed (在院校开展 for 在院校实施): at most two edits in a long title.
    const bare = key.replace(/^.*?(?=关于)/u, '');
    if (bare.length >= 16) {
      const near = nearTitles(bare);
      if (near.length === 1) return near[0]!;
    }
    // “教育部职成司关于做好…的通知” names the issuer before 关于; the corpus title may not.
    const about = key.indexOf('关于');
    if (about > 0) {
      const rest = key.slice(about);
      const hit = byPlainTitle.get(rest);
      if (hit) return hit;
    }
    // “教育部等四部门印发〈X〉的通知” → X, as a 印发 notice is cited by what it issues.
    const carried = enclosedTitleOf(title.replace(/〈/gu, '《').replace(/〉/gu, '》'));
    return carried && titleKey(carried) !== key ? resolveTitle(carried) : null;
  };

  const attachments = new Map<string, { doc: PolicyDocument; anchor: string }>();
  for (const d of documents) {
    for (const c of d.clauses) if (c.kind === 'attachment' && c.heading) attachments.set(titleKey(c.heading), { doc: d, anchor: c.anchor });
  }

  const out: Reference[] = [];
  // Pass 1 collects the aliases each document defines, pass 2 resolves.
  const local = new Map<string, Map<string, { doc: PolicyDocument | null; title: string | null }>>();
  for (const d of documents) {
    const aliases = new Map<string, { doc: PolicyDocument | null; title: string | null }>();
    for (const [, , text] of fieldsOf(d)) {
      for (const m of text.matchAll(TITLE_REF)) {
        const after = text.slice(m.index! + (m[2] ? m[0].lastIndexOf('》') + 1 : m[0].length), m.index! + m[0].length + 60);
        const def = ALIAS_DEF.exec(after);
        if (!def) continue;
        const target = (m[2] && byNumber.get(parseDocNumber(m[2])?.text ?? '')) || resolveTitle(m[1]!);
        const alias = removeExtractionSpaces(def[1]!);
        aliases.set(alias, { doc: target, title: m[1]! });
        // A name like 职教20条 is used across documents; 《通知》 and 《方案》 only inside the defining one.
        if (target && !/^(通知|方案|意见|办法|公告)$/u.test(alias)) globalAliases.set(alias.replace(/\s+/gu, ''), target);
      }
    }
    local.set(d.id, aliases);
  }

  // One pattern per global alias, not one per alias per clause.
  const aliasPatterns = [...globalAliases.keys()].map((alias) => [alias, new RegExp(`[“"]?${[...alias].map(escapeRe).join('\\s*')}[”"]?`, 'gu')] as const);
  for (const d of documents) {
    const aliases = local.get(d.id)!;
    let n = 0;
    for (const [c, field, text] of fieldsOf(d)) {
      const found: Array<Found & { at: number }> = [];
      const covered: Array<[number, number]> = [];
      for (const m of text.matchAll(TITLE_REF)) {
        const inner = m[1]!;
        covered.push([m.index!, m.index! + m[0].length]);
        const aliasHit = aliases.get(removeExtractionSpaces(inner));
        if (aliasHit) {
          found.push({ at: m.index!, kind: 'alias', printed: m[0], title: aliasHit.title, docNumber: null, attachment: null, alias: inner });
          continue;
        }
        const number = m[2] ? (parseDocNumber(m[2])?.text ?? null) : null;
        // Forms, tables and books are not documents: only a title that ends in a 文种 (or carries a 文号) is one.
        if (!number && !endsLikeTitle(inner.replace(/〈/gu, '《').replace(/〉/gu, '》'))) continue;
        if (!number && /(表|手册|教材|大纲|习题集|方法|基础|实务)$/u.test(inner)) continue;
        found.push({ at: m.index!, kind: 'title', printed: m[0], title: inner, docNumber: number, attachment: null, alias: null });
      }
      for (const num of findDocNumbers(text)) {
        if (covered.some(([a, b]) => num.index >= a && num.index < b)) continue;
        const agency = trimAgency(num.agency, agencies);
        const normal = `${agency}〔${num.year}〕${num.serial}号`;
        found.push({ at: num.index, kind: 'docNumber', printed: text.slice(num.index + (num.agency.length - agency.length), num.index + num.length), title: null, docNumber: normal, attachment: null, alias: null });
      }
      for (const [alias, re] of aliasPatterns) {
        for (const m of text.matchAll(re)) {
          if (covered.some(([a, b]) => m.index! >= a && m.index! < b)) continue;
          found.push({ at: m.index!, kind: 'alias', printed: m[0], title: null, docNumber: null, attachment: null, alias });
        }
      }
      for (const m of text.matchAll(ATTACHMENT_REF)) {
        found.push({ at: m.index!, kind: 'attachment', printed: m[0], title: null, docNumber: null, attachment: m[1]!, alias: null });
      }
      found.sort((a, b) => a.at - b.at);
      for (const f of found) {
        let target: PolicyDocument | null = null;
        let targetAnchor: string | null = null;
        const work = f.kind === 'title' && !f.docNumber ? workOf(f.title!) : null;
        if (work) {
          // A law by name: the version in force when the citing text was written, and the article it names.
          const id = versionOn(work, d.date, (x) => byId.get(x)?.date ?? null);
          target = id ? byId.get(id)! : null;
          const anchor = target ? articleAnchor(text.slice(f.at + f.printed.length)) : null;
          targetAnchor = anchor && hasAnchor(target!.id, anchor) ? anchor : null;
        } else if (f.kind === 'attachment') {
          target = d;
          targetAnchor = d.clauses.find((x) => x.kind === 'attachment' && x.anchor === `a${f.attachment}`)?.anchor ?? null;
        } else if (f.kind === 'alias') {
          target = aliases.get(removeExtractionSpaces(f.alias!))?.doc ?? globalAliases.get(f.alias!) ?? null;
        } else {
          target = (f.docNumber ? byNumber.get(f.docNumber) : undefined) ?? (f.title ? resolveTitle(f.title) : null);
          if (!target && f.title) {
            // A title that is an attachment of a document: 《Web 前端开发职业技能等级标准》.
            const att = attachments.get(titleKey(f.title));
            if (att) ({ doc: target, anchor: targetAnchor } = att);
          }
        }
        if (target?.id === d.id && targetAnchor === null) continue; // a document naming itself
        out.push({
          id: `${d.id}/r${++n}`,
          from: d.id,
          anchor: c.anchor,
          source: c.source,
          field,
          kind: f.kind,
          printed: f.printed,
          offset: f.at,
          title: f.title,
          docNumber: f.docNumber,
          target: target?.id ?? null,
          targetAnchor,
          relation: relationOf(d, target, f, () => sentenceAt(text, f.at).text),
        });
      }
    }
  }
  return out;
}

/**
 * 转发 when a notice forwards the document — its title says so and the sentence of the reference is
 * the one that forwards it (…，以下简称《通知》）转发你们) — else 引用: a later mention of the forwarded
 * document (“满足《通知》中的试点范围和条件要求”) cites it, it does not forward it again.
 */
function relationOf(d: PolicyDocument, target: PolicyDocument | null, f: Found, sentence: () => string): Reference['relation'] {
  if (!target || f.kind === 'attachment') return '引用';
  const t = removeExtractionSpaces(d.title);
  if (/转发/u.test(t) && f.title && t.includes(removeExtractionSpaces(f.title)) && /转发/u.test(sentence())) return '转发';
  return '引用';
}

/** “见教职成” → “教职成”: the longest ending that is a 机关代字 of the corpus, else the text without lead words. */
function trimAgency(agency: string, known: string[]): string {
  for (let k = 0; k < agency.length; k++) {
    if (known.includes(agency.slice(k))) return agency.slice(k);
  }
  return agency.replace(LEAD_WORDS, '') || agency;
}

const CN = '[一二三四五六七八九十百零〇两]+';
/** What follows a law's name: [总则|第八章|第一编第二章…] 第X条 [第X款] [第（X）项] [第X目]. */
const ARTICLE_PATH = new RegExp(
  `^[\\s\u3000]*(?:(?:总则|附则|分则)|第${CN}[编章节]|的)*[\\s\u3000]*第(${CN})条(?:第(${CN})款)?(?:第[（(](${CN})[）)]项)?(?:第(\\d+|${CN})目)?`,
  'u',
);

/**
 * The anchor of the article path printed at the start of `after` (structure/articles.ts): 第八条 → art8,
 * 第九条第二款 → art9-2, 第三十四条第一款第（四）项 → art34-1-4, 第X条第一款 → artX (its first 款 is its own text).
 */
export function articleAnchor(after: string): string | null {
  const m = ARTICLE_PATH.exec(after);
  if (!m) return null;
  const n = (s: string | undefined) => (s === undefined ? null : /^\d+$/u.test(s) ? Number(s) : chineseToInt(s));
  const [art, kuan, item, sub] = [n(m[1]), n(m[2]), n(m[3]), n(m[4])];
  if (!art) return null;
  if (item === null) return kuan === null || kuan === 1 ? `art${art}` : `art${art}-${kuan}`;
  return [`art${art}`, kuan ?? 1, item, ...(sub !== null ? [sub] : [])].join('-');
}

/** Every clause heading and text of a document, in reading order. */
function fieldsOf(d: PolicyDocument): Array<[Clause, 'heading' | 'text', string]> {
  const out: Array<[Clause, 'heading' | 'text', string]> = [];
  const walk = (cs: Clause[]) => {
    for (const c of cs) {
      if (c.heading) out.push([c, 'heading', c.heading]);
      if (c.text) out.push([c, 'text', c.text]);
      walk(c.children);
    }
  };
  walk(d.clauses);
  return out;
}

function escapeRe(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
