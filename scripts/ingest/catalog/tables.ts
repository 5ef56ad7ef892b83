/**
 * Certificate lists and contact tables, found by their header cells, read row by row.
 *
 * A list table has a 培训评价组织 column and a 证书名称 column; it is a contact table when it
 * also has contact columns (联系人, 电话, 邮箱 …). Its batch comes from the nearest text above it
 * that names one (a paragraph such as "（首批培训评价组织）", the attachment's title, the document's
 * title); its status from the same texts (公示 / 确认). Continuation rows (empty 序号 and
 * organisation cells) belong to the organisation above; a continuation row without contact cells
 * shares the contact printed above it (merged cells).
 */
import type { Clause, PolicyDocument } from '../../../src/schema/corpus.ts';
import type { ListingStatus } from '../../../src/schema/catalog.ts';
import { chineseToInt } from '../../../src/lib/text/numerals.ts';
import { type Place, placeOf } from '../diagnostics.ts';

export interface ContactCells {
  line: number;
  /** The 联系人 cell (or, without one, the first contact cell printed). */
  place: Place;
  persons: string | null;
  role: string | null;
  phones: string[];
  emails: string | null;
}

export interface ListRow {
  document: string;
  anchor: string;
  file: string;
  line: number;
  row: number | null;
  status: ListingStatus;
  batch: number | null;
  certificate: string;
  organization: string | null;
  /** The organisation cell was empty and the row took the one above. */
  continued: boolean;
  contact: ContactCells | null;
  /** Where the row, its certificate cell and its organisation cell (or the one above it, for a continuation row) start. */
  place: Place;
  certificatePlace: Place;
  organizationPlace: Place;
}

export interface ListTable {
  document: string;
  anchor: string;
  file: string;
  line: number;
  status: ListingStatus;
  batch: number | null;
  rows: ListRow[];
  /** Where the table starts. */
  place: Place;
}

const NUMBER_HEAD = /^(?:序号|编号|序)$/u;
const ORG_HEAD = /培训评价组织|组织名称|单位名称/u;
const CERT_HEAD = /证书名称|证书$/u;
const CONTACT_HEAD = /联系人|电话|手机|邮箱|联系方式|传真/u;

/** 首批/第一批/一批 → 1, 第二批/二批 → 2 …; every batch a text names, in order of appearance. */
export function batchesNamed(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(首|第?[一二三四五六七八九十\d]{1,3})批/gu)) {
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    // "2024年第二批" is a year's application round, not a certificate batch.
    if (/\d{4}\s*年\s*$/u.test(before)) continue;
    // "四批共447个" names a span: 1–4.
    const n = m[1] === '首' ? 1 : chineseToInt(m[1]!.replace(/^第/u, ''));
    if (n === null || n < 1) continue;
    const span = m[1] !== '首' && !m[1]!.startsWith('第') && /^\s*共/u.test(text.slice(m.index + m[0].length));
    if (span) {
      for (let k = 1; k <= n; k++) if (!out.includes(k)) out.push(k);
    } else if (!out.includes(n)) out.push(n);
  }
  return out;
}

export function statusNamed(text: string): '公示' | '确认' | null {
  if (/确认/u.test(text)) return '确认';
  if (/公示/u.test(text)) return '公示';
  return null;
}

export const BATCH_NAMES = ['', '首批', '第二批', '第三批', '第四批', '第五批', '第六批', '第七批', '第八批', '第九批'];

interface Column {
  number: number;
  org: number;
  cert: number;
  persons: number;
  role: number;
  phones: number[];
  emails: number;
}

function columns(header: string[]): Column | null {
  const idx = (re: RegExp) => header.findIndex((h) => re.test(h.replace(/\s+/gu, '')));
  const org = idx(ORG_HEAD);
  const cert = header.findIndex((h, k) => k !== org && CERT_HEAD.test(h.replace(/\s+/gu, '')));
  if (org < 0 || cert < 0) return null;
  const all = (re: RegExp) => header.flatMap((h, k) => (re.test(h.replace(/\s+/gu, '')) ? [k] : []));
  return {
    number: idx(NUMBER_HEAD),
    org,
    cert,
    persons: idx(/^联系人$/u),
    role: idx(/职务/u),
    phones: all(/电话|手机|联系方式|传真/u),
    emails: idx(/邮箱|email/iu),
  };
}

/** Every certificate list and contact table of a document. */
export function listTables(doc: PolicyDocument): ListTable[] {
  const out: ListTable[] = [];
  const walk = (cs: Clause[], ancestors: Clause[]) => {
    cs.forEach((c, k) => {
      if (c.kind === 'table' && c.table?.header) {
        const header = c.table.header.cells.map((x) => x.text);
        const col = columns(header);
        if (col) out.push(readTable(doc, c, col, header, contextTexts(doc, cs.slice(0, k), ancestors)));
      }
      walk(c.children, [...ancestors, c]);
    });
  };
  walk(doc.clauses, []);
  return out;
}

/** Texts that can name a table's batch and status, nearest first. */
function contextTexts(doc: PolicyDocument, before: Clause[], ancestors: Clause[]): string[] {
  const texts: string[] = [];
  for (const s of [...before].reverse()) {
    if (s.kind === 'table') break;
    texts.push([s.heading, s.text].filter(Boolean).join(' '));
  }
  for (const a of [...ancestors].reverse()) texts.push([a.heading, a.text].filter(Boolean).join(' '));
  texts.push(doc.title);
  return texts;
}

function readTable(doc: PolicyDocument, c: Clause, col: Column, header: string[], context: string[]): ListTable {
  const isContact = header.some((h) => CONTACT_HEAD.test(h));
  const batch = context.map(batchesNamed).find((b) => b.length === 1)?.[0] ?? null;
  const status: ListingStatus = isContact ? '联系表' : (context.map(statusNamed).find((s) => s) ?? '名单');
  const rows: ListRow[] = [];
  const file = c.source.file;
  let org: string | null = null;
  let orgPlace: Place | null = null;
  let contact: ContactCells | null = null;
  for (const r of c.table!.rows) {
    const cell = (k: number) => (k >= 0 ? (r.cells[k]?.text ?? '').trim() : '');
    const at = (k: number) => placeOf(file, ((k >= 0 ? r.cells[k] : undefined) ?? r).position);
    const cert = cell(col.cert);
    if (!cert) continue;
    const numberText = cell(col.number);
    const printedOrg = cell(col.org);
    const continued = !printedOrg;
    if (printedOrg) {
      org = printedOrg;
      orgPlace = at(col.org);
    }
    if (isContact) {
      const firstContact = [col.persons, ...col.phones, col.emails].find((k) => cell(k) !== '') ?? -1;
      const own: ContactCells = {
        line: r.line,
        place: at(cell(col.persons) ? col.persons : firstContact),
        // As printed: the spaces a typesetter put between two names are what tells them apart.
        persons: (col.persons >= 0 ? r.cells[col.persons]?.printed?.trim() : undefined) || cell(col.persons) || null,
        role: cell(col.role) || null,
        phones: col.phones.map(cell).filter(Boolean),
        emails: cell(col.emails) || null,
      };
      const hasOwn = own.persons || own.phones.length || own.emails;
      // A continuation row without contact cells: the contact cells were merged with the row above.
      if (hasOwn || !numberText) contact = hasOwn ? own : contact;
      else contact = null;
    }
    rows.push({
      document: doc.id,
      anchor: c.anchor,
      file,
      line: r.line,
      row: /^\d+$/u.test(numberText) ? Number(numberText) : null,
      status,
      batch,
      certificate: cert,
      organization: org,
      continued,
      contact: isContact ? contact : null,
      place: r.position ? placeOf(file, r.position) : { file, line: r.line },
      certificatePlace: at(col.cert),
      organizationPlace: orgPlace ?? at(col.org),
    });
  }
  return { document: doc.id, anchor: c.anchor, file, line: c.source.line, status, batch, rows, place: placeOf(c.source.file, c.position) };
}
