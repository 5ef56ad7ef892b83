/**
 * Laws as works with versions (issue 16): which documents are laws, the work each belongs to, the
 * version each is, and the status of each as of a day.
 *
 * - A law document: a title that names a law or regulation (names.ts) and either a body of 第X条
 *   articles (a whole text) or a 节选/摘录 of a named law. A notice that encloses a 办法 is not one.
 * - Work: one per name; id = the name's pinyin initials, `-2`… when taken (by another work or a document).
 * - Version: a whole text's latest 通过/修正/修订 (else 公布) date; a 节选's, the latest held version dated on
 *   or before the 节选's own date (null when none is).
 * - Status as of `asOf`: the version in force is the latest whose 施行 (or, later, its own date) has come;
 *   versions after it are 尚未施行, versions before it 已被修订; it is 现行有效, or 已废止 when a held text of
 *   another work repeals it (《X》同时废止) and that text is in force. A 节选 takes its version's status.
 *
 * Pure: documents and their header histories in, each law document's LawVersionInfo and the works out.
 */
import type { Clause, PolicyDocument } from '../../../src/schema/corpus.ts';
import type { LawHistoryEntry, LawStatus, LawVersionInfo, LawWork, WorkVersion } from '../../../src/schema/laws.ts';
import { initials } from '../../../src/lib/text/docnumber.ts';
import { titleKey } from '../../../src/lib/text/titles.ts';
import { commencement, enactedBy, repeals, versionDate } from './history.ts';
import { lawTitle, workNameOf } from './names.ts';

export interface LawsInput {
  documents: PolicyDocument[];
  /** A document's header history (elements stage: DocElements.lawHistory of its primary draft), by id. */
  headers: Map<string, LawHistoryEntry[]>;
  /** YYYY-MM-DD: the day statuses hold for. */
  asOf: string;
}

export interface LawsResult {
  /** `law` for every law document, by id. */
  versions: Map<string, LawVersionInfo>;
  works: LawWork[];
  /** What a reader should check, at the document's first line: a whole text with no 施行, a 节选 older than every held version. */
  notes: Array<{ place: { file: string; line: number }; rule: string; message: string }>;
}

/**
 * A document whose text opens with a 节选 heading (关于…的摘编, then 《X》节选, then the quote): a 节选 of X
 * under a title of its own.
 */
function excerptHeading(cs: Clause[]): { name: string; excerpt: true } | null {
  const first = cs.find((c) => c.text !== '' || c.heading !== null);
  const t = first ? lawTitle(first.heading ?? first.text) : null;
  return t?.excerpt ? { name: t.name, excerpt: true } : null;
}

/** Does any clause of the tree number an article (第X条)? */
function hasArticles(cs: Clause[]): boolean {
  return cs.some((c) => /^第.+条$/u.test(c.label ?? '') || hasArticles(c.children));
}

interface Held {
  doc: PolicyDocument;
  name: string;
  excerpt: boolean;
  version: string | null;
  history: LawHistoryEntry[];
  effective: string | null;
  /** The day this version governs from: its 施行 when that is later than its own date, else its own date. */
  from: string | null;
}

const ymd = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
/** The action that made a version (修订, 第二次修正, 通过, 公布): the latest header entry of its date. */
function actionOf(h: Held): string {
  const e = [...h.history].reverse().find((x) => x.date === h.version && x.action !== '施行');
  if (!e) return '版本';
  const nth = /(第[一二三四五六七八九十]+次)(修正|修订)/u.exec(e.text);
  return nth ? `${nth[1]}${nth[2]}` : e.action;
}

/**
 * A document with its `law`. A law text prints no signature: a whole text without issuers gets the body its version's
 * header line names (全国人民代表大会常务委员会, 人力资源社会保障部).
 */
export function withLaw(d: PolicyDocument, law: LawVersionInfo): PolicyDocument {
  const made = law.history.filter((h) => h.date === law.version && h.action !== '施行').at(-1);
  const by = !d.issuers.length && !law.excerpt && made ? enactedBy(made.text) : null;
  return { ...d, law, ...(by ? { issuers: [by] } : {}) };
}

export function readLaws({ documents, headers, asOf }: LawsInput): LawsResult {
  // 1. Law documents and their works.
  const held: Held[] = [];
  const notes: LawsResult['notes'] = [];
  const at = (d: PolicyDocument) => ({ file: d.source[0]!.file, line: d.source[0]!.startLine });
  for (const doc of documents) {
    const t = lawTitle(doc.title) ?? excerptHeading(doc.clauses);
    if (!t) continue;
    if (!t.excerpt && !hasArticles(doc.clauses)) continue;
    const header = headers.get(doc.id) ?? [];
    if (t.excerpt) {
      held.push({ doc, name: t.name, excerpt: true, version: null, history: [], effective: null, from: null });
      continue;
    }
    const published = header.filter((e) => e.action === '公布').map((e) => e.date).sort().at(-1) ?? versionDate(header) ?? doc.date;
    const start = commencement(doc.clauses, published);
    const version = versionDate(header) ?? doc.date;
    const history = [...header, ...(start ? [start] : [])].sort((a, b) => a.date.localeCompare(b.date));
    const effective = start?.date ?? null;
    if (!start) notes.push({ place: at(doc), rule: 'law-no-commencement', message: `《${t.name}》的文本中未找到施行日期（本法自…起施行）：按其版本日期 ${version ?? '（无）'} 判断时效性` });
    const from = version && effective && effective > version ? effective : version;
    held.push({ doc, name: t.name, excerpt: false, version, history, effective, from });
  }

  const names = [...new Set(held.map((h) => h.name))];
  const docIds = new Set(documents.map((d) => d.id));
  const workId = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of names) {
    const base = initials(name) || 'law';
    let id = base;
    for (let k = 2; taken.has(id) || docIds.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    workId.set(name, id);
  }
  const byKey = new Map(names.map((n) => [titleKey(n), n]));

  // 2. 节选: the latest whole version dated on or before their own date.
  const wholes = (name: string) => held.filter((h) => h.name === name && !h.excerpt && h.version).sort((a, b) => a.version!.localeCompare(b.version!) || a.doc.id.localeCompare(b.doc.id));
  for (const h of held.filter((x) => x.excerpt)) {
    const v = h.doc.date ? wholes(h.name).filter((w) => w.version! <= h.doc.date!).at(-1) : undefined;
    if (v) Object.assign(h, { version: v.version, history: v.history, effective: v.effective, from: v.from });
    else if (wholes(h.name).length) {
      notes.push({ place: at(h.doc), rule: 'law-version-unknown', message: `《${h.name}》节选的日期 ${h.doc.date ?? '（无）'} 早于本库所收各版本（${wholes(h.name).map((w) => w.version).join('、')}），无法确定所据版本` });
    }
  }

  // 3. Repeals: a held whole text naming another work's law in a sentence that 废止 it.
  const repealed = new Map<string, { by: Held; clause: Clause; text: string }>(); // work name → the repealing text
  for (const h of held.filter((x) => !x.excerpt)) {
    for (const r of repeals(h.doc.clauses)) {
      const name = byKey.get(titleKey(workNameOf(r.title)));
      if (!name || name === h.name || repealed.has(name)) continue;
      repealed.set(name, { by: h, clause: r.clause, text: r.text });
    }
  }

  // 4. Statuses, per work.
  const versions = new Map<string, LawVersionInfo>();
  const works: LawWork[] = [];
  for (const name of names) {
    const id = workId.get(name)!;
    const all = held.filter((h) => h.name === name);
    const whole = wholes(name);
    // Distinct versions, oldest first; the one in force is the latest that has begun to govern.
    const dates = [...new Set(all.map((h) => h.version).filter((v): v is string => v !== null))].sort();
    const fromOf = (v: string) => whole.find((w) => w.version === v)?.from ?? v;
    const inForce = [...dates].reverse().find((v) => fromOf(v) <= asOf) ?? null;
    const rep = repealed.get(name);
    const repealFrom = rep ? (rep.by.from ?? rep.by.version) : null;
    const isRepealed = rep !== undefined && (repealFrom === null || repealFrom <= asOf);
    const successor = (v: string) => whole.find((w) => w.version! > v) ?? all.find((x) => x.version !== null && x.version > v);

    const statusOf = (h: Held): { status: LawStatus; note: string } => {
      if (h.version === null) {
        // A 节选 of no held version: dated before every held whole text (revised since), or the work's only text.
        if (dates.length && h.doc.date && h.doc.date < dates[0]!) {
          return { status: '已被修订', note: `本库所收全文中最早的版本为${ymd(dates[0]!)}版，本节选早于该版本` };
        }
        if (isRepealed) return { status: '已废止', note: repealNote(rep!) };
        // Nothing here says which version it copies or whether that version is in force: not claimed 现行有效.
        return { status: '待核实', note: '本库未收此法全文，无从判断所据版本是否仍现行有效，请核对现行文本' };
      }
      if (inForce === null || h.version > inForce) {
        const when = h.from && h.from > asOf ? `自${ymd(h.from)}起施行` : '尚未施行';
        return { status: '尚未施行', note: `${when}${inForce ? `；此前适用${ymd(inForce)}的版本` : ''}` };
      }
      if (h.version < inForce) {
        const next = successor(h.version)!;
        return { status: '已被修订', note: `已被${ymd(next.version!)}${actionOf(next)}的版本取代` };
      }
      if (isRepealed) return { status: '已废止', note: repealNote(rep!) };
      // A 修正 keeps the law's first 施行 (劳动法: 1995年1月1日); the text in force is the one of its version.
      const since = h.effective ? `现行有效，自${ymd(h.effective)}起施行` : '现行有效';
      return { status: '现行有效', note: h.effective && h.version > h.effective ? `${since}；现行文本为${ymd(h.version)}${actionOf(h)}` : since };
    };

    // The document the work shows: the whole text of the version in force, else its 节选; none when no version
    // is in force (all 尚未施行, or repealed). A work held only in 节选 of no known version shows its 节选.
    const pick = (v: string | null) => all.filter((h) => h.version === v).sort((a, b) => Number(a.excerpt) - Number(b.excerpt) || a.doc.id.localeCompare(b.doc.id))[0];
    const shown = isRepealed ? undefined : inForce !== null ? pick(inForce) : dates.length === 0 ? pick(null) : undefined;
    // Its status: that of the version shown, else of the newest version.
    const newest = shown ?? (dates.length ? pick(dates.at(-1)!) : pick(null))!;

    const rows: Array<WorkVersion & { sort: string }> = [];
    for (const h of all) {
      const s = statusOf(h);
      versions.set(h.doc.id, {
        work: id,
        name,
        version: h.version,
        excerpt: h.excerpt,
        history: h.history,
        effective: h.effective,
        status: s.status,
        statusNote: h.excerpt ? `节选；${s.note}` : s.note,
        current: shown === undefined || shown.doc.id === h.doc.id ? null : shown.doc.id,
        repealedBy: isRepealed && s.status === '已废止' ? { document: rep!.by.doc.id, anchor: rep!.clause.anchor } : null,
      });
      rows.push({ document: h.doc.id, version: h.version, excerpt: h.excerpt, status: s.status, sort: `${h.version ?? h.doc.date ?? ''}|${Number(h.excerpt)}|${h.doc.id}` });
    }
    rows.sort((a, b) => a.sort.localeCompare(b.sort));
    works.push({
      id,
      name,
      current: shown?.doc.id ?? null,
      status: versions.get(newest.doc.id)!.status,
      versions: rows.map(({ sort: _s, ...r }) => r),
      asOf,
    });
  }
  return { versions, works, notes };
}

function repealNote(rep: { by: Held; text: string }): string {
  const when = rep.by.from ?? rep.by.version;
  return `已被《${rep.by.name}》废止${when ? `（自${ymd(when)}起）` : ''}：${rep.text}`;
}

/**
 * The document of `work` a text dated `date` cites: the latest version dated on or before it (whole text
 * before 节选); else a 节选 of no known version printed on or before it; no date: the work's current (or,
 * when none is in force, its newest version).
 * Null when every held text is later than the citing one (the version it cites is not held).
 */
export function versionOn(work: LawWork, date: string | null, dateOf: (document: string) => string | null): string | null {
  if (!date) return work.current ?? newestOf(work);
  const dated = work.versions.filter((v) => v.version !== null && v.version <= date);
  if (dated.length) {
    const latest = dated.at(-1)!.version;
    return dated.filter((v) => v.version === latest).sort((a, b) => Number(a.excerpt) - Number(b.excerpt))[0]!.document;
  }
  const undated = work.versions.filter((v) => v.version === null && (dateOf(v.document) ?? '') <= date);
  return undated.at(-1)?.document ?? null;
}

/** The newest version's document (whole text first): what a citation without a date reaches when none is in force. */
function newestOf(work: LawWork): string | null {
  const last = work.versions.filter((v) => v.version !== null).at(-1)?.version;
  if (!last) return work.versions[0]?.document ?? null;
  return work.versions.filter((v) => v.version === last).sort((a, b) => Number(a.excerpt) - Number(b.excerpt))[0]!.document;
}
