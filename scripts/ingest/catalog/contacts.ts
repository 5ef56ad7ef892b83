/**
 * Contact entries: the cells of a tab-separated contact table, and contact tables that reached
 * the corpus without tabs (each cell on its own line, read as paragraphs).
 *
 * Numbers are classified by their form, not their column, because tables print 办公电话, 手机 and
 * 联系方式 differently: 0xx-xxxxxxx (and 400-xxx-xxxx) is a landline, 1xxxxxxxxxx a mobile.
 */
import type { Clause } from '../../../src/schema/corpus.ts';
import { type Place, placeOf } from '../diagnostics.ts';
import type { ContactCells } from './tables.ts';

const LANDLINE = /^(?:0\d{2,3}-?\d{7,8}|400-?\d{3}-?\d{4})$/u;
const MOBILE = /^1\d{10}$/u;
const EMAIL = /^[^\s@，,；;]+@\s*[^\s@，,；;]+\.[A-Za-z]{2,}$/u;
const POSTCODE = /^\d{6}$/u;

export interface ContactFields {
  persons: string[];
  role: string | null;
  phones: string[];
  mobiles: string[];
  fax: string[];
  emails: string[];
  address: string | null;
  postcode: string | null;
}

function split(text: string | null): string[] {
  return (text ?? '').split(/[\s,，;；、]+/u).filter(Boolean);
}

const ONE_HAN = /^\p{Script=Han}$/u;

/**
 * The persons of a 联系人 cell as printed: names are separated by spaces (or 、，;), and a two-character
 * name is often printed letter-spaced to the width of a three-character one ("李 凯 徐庆振": 李凯 and 徐庆振).
 * A run of two or three single characters is one name; a longer run pairs up. `spaced` lists the names
 * read from letter-spaced characters, as printed ("李 凯").
 */
export function personsOf(text: string | null): { persons: string[]; spaced: string[] } {
  const tokens = split(text);
  const persons: string[] = [];
  const spaced: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    while (j < tokens.length && ONE_HAN.test(tokens[j]!)) j++;
    const run = j - i;
    if (run < 2) {
      persons.push(tokens[i]!);
      i++;
      continue;
    }
    const size = run <= 3 ? run : 2;
    for (let k = i; k < j; k += size) {
      const name = tokens.slice(k, Math.min(j, k + size));
      persons.push(name.join(''));
      if (name.length > 1) spaced.push(name.join(' '));
    }
    i = j;
  }
  return { persons, spaced };
}

/** One row's contact cells (tab-separated table). */
export function contactFromCells(c: ContactCells): ContactFields {
  const phones: string[] = [];
  const mobiles: string[] = [];
  for (const t of c.phones.flatMap(split)) {
    if (MOBILE.test(t)) mobiles.push(t);
    else phones.push(t);
  }
  // "college@ hotmatrix.com": a space the extraction put inside an address.
  const emails = (c.emails ?? '').replace(/@\s+/gu, '@').split(/[\s,，;；、]+/u).filter(Boolean);
  return {
    persons: personsOf(c.persons).persons,
    role: c.role && c.role !== '无' ? c.role : null,
    phones,
    mobiles,
    fax: [],
    emails,
    address: null,
    postcode: null,
  };
}

/** One entry of a contact table printed one cell per line. */
export interface StreamEntry extends ContactFields {
  /** The certificate name when the row prints one (often lost: only some rows keep it). */
  name: string | null;
  line: number;
  /** Where the entry's first cell is printed. */
  place: Place;
}

/** Header words such a table starts with (possibly glued to the first cell: "邮政编码BIM"). */
const HEADER_WORDS = ['职业技能等级', '证书名称', '联系人', '办公电话', '手机', '传真', '电子邮箱', '通讯地址', '邮政编码', '序号', '培训评价组织名称'];

/** Is this attachment a contact table that came out as paragraphs? */
export function isContactStream(a: Clause): boolean {
  return /联系人(?:信息|及方式)/u.test(a.heading ?? '') && !hasTable(a);
}

function hasTable(c: Clause): boolean {
  return c.kind === 'table' || c.children.some(hasTable);
}

/**
 * Read the cells of such a table in their fixed order: [certificate] office phones, mobiles,
 * fax, e-mails, address, postcode. A postcode alone on its line closes an entry; a landline after
 * the mobiles is the fax.
 */
export function readContactStream(a: Clause): StreamEntry[] {
  const pieces: { text: string; line: number; place: Place }[] = [];
  const walk = (cs: Clause[]) => {
    for (const c of cs) {
      // A wrapped address line read as a numbered heading ("9 号亿达丽泽商务中") is text again.
      const t = [c.label, c.heading, c.text].filter(Boolean).join(' ').trim();
      if (t) pieces.push({ text: t, line: c.source.line, place: placeOf(c.source.file, c.position) });
      walk(c.children);
    }
  };
  walk(a.children);

  const entries: StreamEntry[] = [];
  let cur: StreamEntry | null = null;
  let inHeader = true;
  const blank = (line: number, place: Place): StreamEntry => ({ name: null, line, place, persons: [], role: null, phones: [], mobiles: [], fax: [], emails: [], address: null, postcode: null });
  for (const p of pieces) {
    let text = p.text;
    if (inHeader) {
      // Strip header words from the front; what is left is data.
      let changed = true;
      while (changed) {
        changed = false;
        text = text.trimStart();
        for (const w of HEADER_WORDS) {
          if (text.startsWith(w)) {
            text = text.slice(w.length);
            changed = true;
          }
        }
      }
      if (!text.trim()) continue;
      inHeader = false;
    }
    const whole = text.trim();
    if (POSTCODE.test(whole) && cur) {
      cur.postcode = whole;
      entries.push(cur);
      cur = null;
      continue;
    }
    for (const tok of whole.split(/\s+/u)) {
      const e: StreamEntry = (cur ??= blank(p.line, p.place));
      const numbers = e.phones.length + e.mobiles.length;
      if (LANDLINE.test(tok)) {
        if (e.mobiles.length) e.fax.push(tok);
        else e.phones.push(tok);
      } else if (MOBILE.test(tok)) e.mobiles.push(tok);
      else if (EMAIL.test(tok)) e.emails.push(tok);
      else if (!numbers) e.name = e.name ? `${e.name} ${tok}` : tok;
      else e.address = (e.address ?? '') + tok;
    }
  }
  if (cur) entries.push(cur);
  return entries;
}

/** Numbers and addresses two contact entries share (to identify an entry that lost its certificate name). */
export function sharedKeys(a: ContactFields, b: ContactFields): string[] {
  const keys = (x: ContactFields) => new Set([...x.phones, ...x.mobiles, ...x.emails.map((e) => e.toLowerCase())]);
  const kb = keys(b);
  return [...keys(a)].filter((k) => kb.has(k));
}
