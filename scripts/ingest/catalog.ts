/**
 * Catalog stage: certificates, training-evaluation organisations and pilot batches,
 * read from the documents (after ingest) — a pure function of the clause trees.
 *
 *   list tables (公示 / 确认 / 名单)  → the official certificate ↔ organisation ↔ batch assignment
 *   contact tables (联系表)            → contacts, checked against the lists (disagreements reported)
 *   running text (正文)                → listings of names it enumerates, stated totals, cited notices
 *
 * Names are normalised (catalog/names.ts), organisations cut off by a table cell are repaired from
 * another source or by their obvious ending, and every repair or disagreement is reported through the
 * one message channel (a `Report`, scripts/ingest/diagnostics.ts) at the position of the cell or text it
 * is about — read from the clause and cell positions, never by searching the source again.
 * See src/schema/catalog.ts for the output and the id scheme.
 */
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import type { Batch, BatchNotice, Certificate, Contact, Listing, Organization, StatedTotal } from '../../src/schema/catalog.ts';
import { type ContactFields, contactFromCells, isContactStream, personsOf, readContactStream, sharedKeys } from './catalog/contacts.ts';
import { SUFFIX, assignIds, certificateName, completeEnding, looksTruncated, matchKey, slug } from './catalog/names.ts';
import { certificateKey, organizationKey, tidyName } from '../../src/lib/text/normalize.ts';
import { citedNotices, figures } from './catalog/statements.ts';
import { BATCH_NAMES, type ListRow, batchesNamed, listTables } from './catalog/tables.ts';
import { type Place, type Report, placeOf } from './diagnostics.ts';

export interface Catalog {
  certificates: Certificate[];
  organizations: Organization[];
  batches: Batch[];
  totals: StatedTotal[];
}

const OFFICIAL = new Set(['公示', '确认', '名单']);

/**
 * A bracketed addition that is itself an organisation's name: 廊坊市中科建筑产业化创新研究中心（中国建设教育协会人才评价中心）
 * names two organisations that run a certificate jointly, not one organisation spelt two ways.
 */
const JOINT_ADDITION = /^（[^（）]{2,}(?:公司|中心|协会|学会|联合会|研究院|研究所|学院|学校|大学|集团|委员会|基金会|事务所)）$/u;

interface OrgVariant {
  key: string;
  printed: string[];
  official: boolean;
  places: Place[];
}

/** A listing while ids are not yet assigned. */
type RichListing = Listing & { certKey: string | null; orgKey: string | null; at: Place };

interface CertDraft {
  key: string;
  name: string;
  printed: string[];
  batch: number | null;
  orgKeys: string[];
  listings: RichListing[];
  contacts: Contact[];
  /** Contact fields, for identifying unnamed contact entries. */
  contactFields: ContactFields[];
  order: number;
}

/** Read the catalog; every repair and disagreement goes to `report`, at the cell or text it is about. */
export function extractCatalog(documents: PolicyDocument[], report: Report): Catalog {
  const docById = new Map(documents.map((d) => [d.id, d]));

  const tables = documents.flatMap(listTables);
  const officialRows = tables.filter((t) => OFFICIAL.has(t.status)).flatMap((t) => t.rows);
  const contactRows = tables.filter((t) => t.status === '联系表').flatMap((t) => t.rows);

  // ── Organisations: variants, repairs ───────────────────────────────────────
  const variants = new Map<string, OrgVariant>();
  for (const r of [...officialRows, ...contactRows]) {
    if (!r.organization) continue;
    const key = organizationKey(r.organization);
    const v = variants.get(key) ?? { key, printed: [], official: false, places: [] };
    const printed = tidyName(r.organization);
    if (!v.printed.includes(printed)) v.printed.push(printed);
    if (OFFICIAL.has(r.status)) v.official = true;
    if (!v.places.some((p) => p.file === r.file && p.line === r.line) && !r.continued) v.places.push(r.organizationPlace);
    variants.set(key, v);
  }
  const repairs = new Map<string, string>(); // key → key or completed name key
  const completed = new Map<string, string>(); // completed key → name
  const where = (v: OrgVariant) => v.places.map((p) => `${p.file}:${p.line}`).join('、');
  for (const v of variants.values()) {
    const longer = [...variants.values()].filter((o) => o.key !== v.key && o.key.startsWith(v.key) && !looksTruncated(o.key));
    const first = v.places[0]!;
    if (looksTruncated(v.key)) {
      if (longer.length === 1) {
        repairs.set(v.key, longer[0]!.key);
        report(first, 'organization-name-repaired', `培训评价组织名称被表格截断：“${v.printed[0]}”，据 ${where(longer[0]!)} 补全为“${longer[0]!.printed[0]}”（出现于 ${where(v)}）`);
      } else if (longer.length > 1) {
        report(first, 'organization-name-truncated', `培训评价组织名称被表格截断：“${v.printed[0]}”，可补全为多个名称（${longer.map((o) => `“${o.printed[0]}”`).join('、')}），未补全`);
      } else {
        const full = completeEnding(v.printed[0]!);
        if (full) {
          repairs.set(v.key, organizationKey(full));
          completed.set(organizationKey(full), full);
          report(first, 'organization-name-completed', `培训评价组织名称被表格截断：“${v.printed[0]}”，语料中无完整写法，按结尾补全为“${full}”（出现于 ${where(v)}）`);
        } else {
          report(first, 'organization-name-truncated', `培训评价组织名称疑似被截断：“${v.printed[0]}”，语料中无完整写法，未补全`);
        }
      }
    } else {
      // One organisation printed with and without a bracketed addition (a place, a former name) is merged; an addition
      // that names another organisation is a joint listing (廊坊市…研究中心（中国建设教育协会人才评价中心）, the batch-1
      // BIM certificate only) and stays apart from the organisation alone (廊坊市…研究中心, 装配式建筑构件制作与安装).
      const addition = (o: OrgVariant) => o.key.slice(v.key.length);
      const bracketed = longer.filter((o) => /^（[^（）]+）$/u.test(addition(o)));
      for (const o of bracketed.filter((x) => JOINT_ADDITION.test(addition(x)))) {
        report(first, 'organization-joint-name', `培训评价组织“${o.printed[0]}”（${where(o)}）为“${v.printed[0]}”与“${/（([^（）]+)）$/u.exec(o.printed[0]!)?.[1] ?? addition(o).slice(1, -1)}”联合署名，只属于其名下的证书；与单独署名的“${v.printed[0]}”（${where(v)}）分列，不视为同一写法`);
      }
      const variantsOnly = bracketed.filter((x) => !JOINT_ADDITION.test(addition(x)));
      if (variantsOnly.length === 1) {
        repairs.set(v.key, variantsOnly[0]!.key);
        report(first, 'organization-name-variant', `培训评价组织名称写法不一：“${v.printed[0]}”（${where(v)}）与“${variantsOnly[0]!.printed[0]}”（${where(variantsOnly[0]!)}）视为同一组织`);
      }
    }
  }
  const resolveOrg = (printed: string | null): string | null => {
    if (!printed) return null;
    let k = organizationKey(printed);
    for (let n = 0; n < 5 && repairs.has(k); n++) k = repairs.get(k)!;
    return k;
  };
  const orgName = (key: string): string => {
    const v = variants.get(key);
    if (v) return v.printed.find((p) => p.includes(' ')) ?? v.printed[0]!;
    return completed.get(key) ?? key;
  };

  // ── Certificates from the official lists ───────────────────────────────────
  const certs = new Map<string, CertDraft>();
  const orgDrafts = new Map<string, { key: string; listings: RichListing[]; certKeys: string[]; batches: number[]; order: number }>();
  const touchOrg = (key: string) => {
    let o = orgDrafts.get(key);
    if (!o) orgDrafts.set(key, (o = { key, listings: [], certKeys: [], batches: [], order: orgDrafts.size }));
    return o;
  };
  const listingOf = (r: ListRow, certKey: string | null, orgKeyOrNull: string | null, conflict: string | null = null): RichListing => ({
    document: r.document,
    anchor: r.anchor,
    file: r.file,
    line: r.line,
    row: r.row,
    status: r.status,
    batch: r.batch,
    nameAsPrinted: r.certificate,
    organizationAsPrinted: r.organization,
    certificate: null,
    organization: null,
    conflict,
    certKey,
    orgKey: orgKeyOrNull,
    at: r.place,
  });
  const allListings: RichListing[] = [];

  const sortedOfficial = [...officialRows].sort((a, b) => (a.batch ?? 99) - (b.batch ?? 99) || dateOf(a.document) - dateOf(b.document) || a.line - b.line);
  function dateOf(id: string): number {
    return Date.parse(docById.get(id)?.date ?? '9999-12-31');
  }
  for (const r of sortedOfficial) {
    const { name, suffix } = certificateName(r.certificate);
    const key = certificateKey(name);
    let c = certs.get(key);
    if (!c) certs.set(key, (c = { key, name, printed: [], batch: r.batch, orgKeys: [], listings: [], contacts: [], contactFields: [], order: certs.size }));
    if (suffix === 'truncated') report(r.certificatePlace, 'certificate-name-truncated', `证书名称被表格截断：“${r.certificate}”，读作“${name}${SUFFIX}”`);
    if (/ /u.test(r.certificate.replace(/ (?=职业技能)/u, '')) && !/[A-Za-z0-9]/u.test(r.certificate)) {
      report(r.certificatePlace, 'certificate-name-spaced', `证书名称中有提取产生的空格：“${r.certificate}”，读作“${name}”`);
    }
    addPrinted(c.printed, r.certificate);
    if (r.batch !== null && c.batch !== null && r.batch !== c.batch) {
      report(r.place, 'certificate-batch-conflict', `证书“${c.name}”在此列入${BATCH_NAMES[r.batch]}，而在其他名单中属${BATCH_NAMES[c.batch]}`);
    }
    const ok = resolveOrg(r.organization);
    if (ok && !c.orgKeys.includes(ok)) c.orgKeys.push(ok);
    const l = listingOf(r, key, ok);
    c.listings.push(l);
    allListings.push(l);
    if (ok) {
      const o = touchOrg(ok);
      o.listings.push(l);
      if (!o.certKeys.includes(key)) o.certKeys.push(key);
      if (r.batch !== null && !o.batches.includes(r.batch)) o.batches.push(r.batch);
    }
  }
  // One certificate, several organisations across official lists: say so.
  for (const c of certs.values()) {
    if (c.orgKeys.length > 1) {
      const l = c.listings[0]!;
      report(l.at, 'certificate-organization-conflict', `证书“${c.name}”在各名单中的培训评价组织不一致：${c.orgKeys.map((k) => `“${orgName(k)}”`).join('、')}`);
    }
  }
  // The same batch announced (公示) and confirmed (确认): lists that differ.
  compareLists(officialRows, report);

  const inBatch = (batch: number | null) => [...certs.values()].filter((c) => batch === null || c.batch === batch).map((c) => c.key);
  const officialBatches = new Set(officialRows.map((r) => r.batch));

  // ── Contact tables ─────────────────────────────────────────────────────────
  const mismatches: { r: ListRow; cert: CertDraft; printedOrg: string | null }[] = [];
  for (const r of contactRows) {
    const { name } = certificateName(r.certificate);
    const key = certificateKey(name);
    const pool = officialBatches.has(r.batch) ? inBatch(r.batch) : inBatch(null);
    const m = matchKey(key, pool);
    let cert: CertDraft | undefined;
    if (m && 'key' in m) {
      cert = certs.get(m.key)!;
      if (m.how !== 'exact') {
        report(r.certificatePlace, m.how === 'near' ? 'certificate-name-variant' : 'certificate-name-short', `联系表中证书名称“${r.certificate}”与名单中的“${cert.name}”${m.how === 'near' ? '相差一字' : '不完全相同（简称）'}，视为同一证书`);
      }
    } else if (m && 'ambiguous' in m) {
      report(r.certificatePlace, 'certificate-name-ambiguous', `联系表中证书名称“${r.certificate}”可对应多个证书：${m.ambiguous.map((k) => `“${certs.get(k)!.name}”`).join('、')}`);
      continue;
    } else if (!officialBatches.has(r.batch)) {
      // No list of this batch in the corpus: the contact table is the only source.
      certs.set(key, (cert = { key, name, printed: [], batch: r.batch, orgKeys: [], listings: [], contacts: [], contactFields: [], order: certs.size }));
      report(r.certificatePlace, 'certificate-from-contact-table', `证书“${name}”仅见于联系表，语料中无${r.batch ? BATCH_NAMES[r.batch] : '该批次'}名单`);
    } else {
      report(r.certificatePlace, 'certificate-unlisted', `联系表列出的证书“${r.certificate}”不在${r.batch ? BATCH_NAMES[r.batch] : ''}名单中`);
      continue;
    }
    addPrinted(cert.printed, r.certificate);
    const ok = resolveOrg(r.organization);
    let conflict: string | null = null;
    if (cert.orgKeys.length && cert.listings.some((l) => OFFICIAL.has(l.status))) {
      if (!ok || !cert.orgKeys.includes(ok)) {
        const official = cert.orgKeys.map((k) => `“${orgName(k)}”`).join('、');
        const lists = [...new Set(cert.listings.filter((l) => OFFICIAL.has(l.status)).map((l) => l.document))].join('、');
        conflict = `联系表将证书“${cert.name}”列在“${r.organization ?? ''}”名下，而名单（${lists}）中该证书属于${official}`;
        report(r.organizationPlace, 'organization-mismatch', conflict);
        mismatches.push({ r, cert, printedOrg: ok });
      }
    } else if (ok && !cert.orgKeys.includes(ok)) cert.orgKeys.push(ok);
    if (r.batch !== null && cert.batch !== null && r.batch !== cert.batch) {
      report(r.place, 'batch-mismatch', `联系表将证书“${cert.name}”列入${BATCH_NAMES[r.batch]}，名单中属${BATCH_NAMES[cert.batch]}`);
    }
    const l = listingOf(r, cert.key, ok, conflict);
    cert.listings.push(l);
    allListings.push(l);
    if (ok && (variants.get(ok)?.official || orgDrafts.has(ok) || !cert.listings.some((x) => OFFICIAL.has(x.status)))) {
      const o = touchOrg(ok);
      o.listings.push(l);
      if (!conflict && !o.certKeys.includes(cert.key)) o.certKeys.push(cert.key);
      if (!conflict && r.batch !== null && !o.batches.includes(r.batch)) o.batches.push(r.batch);
    }
    if (r.contact) {
      const f = contactFromCells(r.contact);
      const c = r.contact;
      const { spaced } = personsOf(c.persons);
      if (spaced.length && f.persons.length > 1) {
        report(c.place, 'contact-names-spaced', `联系人一格“${c.persons}”按空格分为 ${f.persons.length} 人：${f.persons.map((p) => `“${p}”`).join('、')}（${spaced.map((s) => `“${s}”`).join('、')}字间的空格是姓名排印时加的，合为一名）`);
      }
      for (const p of f.persons) {
        // Chinese personal names are 2–4 characters: a longer run is two names printed without a space.
        if (!/^\p{Script=Han}{5,}$/u.test(p)) continue;
        report(c.place, 'contact-names-joined', `联系人“${p}”疑为两人姓名连写（无分隔），按原样保留`);
      }
      cert.contactFields.push(f);
      cert.contacts.push({ document: r.document, anchor: r.anchor, file: r.file, line: r.contact.line, organizationAsPrinted: r.organization, ...f });
    }
  }
  reportSwaps(mismatches, certs, orgName, report);
  reportMissingFromContactTables(tables, certs, contactRows, report);

  // ── Contact tables printed one cell per line ───────────────────────────────
  for (const doc of documents) {
    const walk = (cs: PolicyDocument['clauses']) => {
      for (const a of cs) {
        if (a.kind === 'attachment' && isContactStream(a)) readStream(doc, a);
        else walk(a.children);
      }
    };
    walk(doc.clauses);
  }
  function readStream(doc: PolicyDocument, a: PolicyDocument['clauses'][number]) {
    const entries = readContactStream(a);
    if (!entries.length) return;
    const batch = [a.heading ?? '', doc.title].map(batchesNamed).find((b) => b.length === 1)?.[0] ?? null;
    const pool = inBatch(officialBatches.has(batch) ? batch : null);
    const taken = new Set<string>();
    const named = entries.filter((e) => e.name).length;
    report(placeOf(a.source.file, a.position), 'contact-table-untabbed', `附件“${a.heading}”未按制表符分列（每格一行），按固定列序读出 ${entries.length} 条联系信息；${entries.every((e) => !e.persons.length) ? '联系人姓名不在提取文本中；' : ''}${entries.length - named} 条未印证书名称，按电话或邮箱与其他联系表对应`);
    for (const e of entries) {
      let cert: CertDraft | undefined;
      if (e.name) {
        const m = matchKey(certificateKey(certificateName(e.name).name), pool);
        if (m && 'key' in m) cert = certs.get(m.key);
      } else {
        const candidates = pool.map((k) => certs.get(k)!).filter((c) => !taken.has(c.key) && c.contactFields.some((f) => sharedKeys(e, f).length));
        cert = candidates[0];
        if (cert) {
          const shared = cert.contactFields.flatMap((f) => sharedKeys(e, f));
          report(e.place, 'contact-identified', `联系表此条未印证书名称，据共同的电话/邮箱（${[...new Set(shared)].slice(0, 3).join('、')}）对应“${cert.name}”${candidates.length > 1 ? `（同组织的 ${candidates.map((c) => `“${c.name}”`).join('、')} 按顺序分配）` : ''}`);
        }
      }
      if (!cert) {
        report(e.place, 'contact-unidentified', `联系表此条${e.name ? `证书名称“${e.name}”` : '未印证书名称，且电话/邮箱'}无法对应到证书`);
        continue;
      }
      taken.add(cert.key);
      if (e.name) addPrinted(cert.printed, e.name);
      const { name: _n, line, place: _p, ...fields } = e;
      const l = listingOf({ document: doc.id, anchor: a.anchor, file: a.source.file, line, row: null, status: '联系表', batch, certificate: e.name ?? '', organization: null, continued: false, contact: null, place: e.place, certificatePlace: e.place, organizationPlace: e.place }, cert.key, null);
      cert.listings.push(l);
      allListings.push(l);
      cert.contacts.push({ document: doc.id, anchor: a.anchor, file: a.source.file, line, organizationAsPrinted: null, ...fields });
    }
  }

  // ── Running text: enumerated names and stated figures ──────────────────────
  const stated = documents.flatMap(figures);
  const totals: StatedTotal[] = [];
  for (const f of stated) {
    const pool = f.batches.flatMap((b) => inBatch(b));
    for (const printed of f.names) {
      const m = matchKey(certificateKey(certificateName(printed).name), pool);
      if (!m || !('key' in m)) {
        report(f.clausePlace, 'certificate-unknown-in-text', `正文列举的证书“${printed}”无法对应到名单中的证书`);
        continue;
      }
      const cert = certs.get(m.key)!;
      addPrinted(cert.printed, printed);
      const l = listingOf({ document: f.document, anchor: f.anchor, file: f.file, line: f.line, row: null, status: '正文', batch: f.batches.length === 1 ? f.batches[0]! : null, certificate: printed, organization: null, continued: false, contact: null, place: f.clausePlace, certificatePlace: f.clausePlace, organizationPlace: f.clausePlace }, cert.key, null);
      cert.listings.push(l);
      allListings.push(l);
    }
    const covered = f.batches.every((b) => officialBatches.has(b));
    let listed: number | null = null;
    if (covered) {
      listed =
        f.of === 'certificates'
          ? [...certs.values()].filter((c) => c.batch !== null && f.batches.includes(c.batch) && c.listings.some((l) => OFFICIAL.has(l.status))).length
          : new Set(officialRows.filter((r) => r.batch !== null && f.batches.includes(r.batch)).map((r) => resolveOrg(r.organization))).size;
    }
    // The figure's own line (a wrapped paragraph may print it lines below its start), from the clause's source map.
    const at = f.place;
    const line = at.line;
    const scope = f.batches.map((b) => BATCH_NAMES[b] ?? `第${b}批`).join('、');
    const what = f.of === 'certificates' ? '个证书' : '家培训评价组织';
    if (listed !== null && listed !== f.value) {
      report(at, 'stated-total-mismatch', `正文称${scope}共 ${f.value} ${what}，而语料中的名单列出 ${listed} ${what}`);
    } else if (listed === null) {
      const missing = f.batches.filter((b) => !officialBatches.has(b));
      report(at, 'stated-total-unverifiable', `正文称${scope}共 ${f.value} ${what}；语料中没有${missing.map((b) => BATCH_NAMES[b] ?? `第${b}批`).join('、')}名单，无法核对`);
    }
    totals.push({ document: f.document, anchor: f.anchor, file: f.file, line, value: f.value, of: f.of, batches: f.batches, text: f.sentence, listed });
  }

  // ── Ids and output ─────────────────────────────────────────────────────────
  const certList = [...certs.values()].sort((a, b) => (a.batch ?? 99) - (b.batch ?? 99) || a.order - b.order);
  const certIds = assignIds(certList.map((c) => c.name));
  const orgList = [...orgDrafts.values()].sort((a, b) => Math.min(...(a.batches.length ? a.batches : [99])) - Math.min(...(b.batches.length ? b.batches : [99])) || a.order - b.order);
  const orgNames = new Map(orgList.map((o) => [o.key, orgName(o.key)]));
  const orgIds = assignIds([...orgNames.values()]);
  const certId = (key: string | null) => (key ? (certIds.get(certs.get(key)!.name) ?? null) : null);
  const orgId = (key: string | null) => (key && orgNames.has(key) ? orgIds.get(orgNames.get(key)!)! : null);
  for (const l of allListings) {
    l.certificate = certId(l.certKey);
    l.organization = orgId(l.orgKey);
  }
  const plain = (l: RichListing): Listing => {
    const { certKey: _c, orgKey: _o, at: _a, ...rest } = l;
    return rest;
  };

  const certificates: Certificate[] = certList.map((c) => {
    const fullName = `${c.name}${SUFFIX}`;
    return {
      id: certId(c.key)!,
      name: c.name,
      fullName,
      aliases: c.printed.filter((p) => ![c.name, fullName].some((n) => organizationKey(n) === organizationKey(p))),
      organizations: c.orgKeys.map(orgId).filter((x): x is string => x !== null),
      batch: c.batch,
      listings: c.listings.map(plain),
      standard: null,
      contacts: c.contacts,
    };
  });
  const organizations: Organization[] = orgList.map((o) => {
    const name = orgNames.get(o.key)!;
    const aliases = [...variants.values()].filter((v) => resolveOrg(v.printed[0]!) === o.key).flatMap((v) => v.printed).filter((p) => organizationKey(p) !== organizationKey(name));
    return {
      id: orgId(o.key)!,
      name,
      aliases: [...new Set(aliases)],
      certificates: o.certKeys.map(certId).filter((x): x is string => x !== null),
      batches: [...o.batches].sort((a, b) => a - b),
      listings: o.listings.map(plain),
    };
  });

  const cited = documents.flatMap(citedNotices);
  const batchNumbers = [...officialBatches].filter((b): b is number => b !== null).sort((a, b) => a - b);
  const batches: Batch[] = batchNumbers.map((n) => {
    const rows = officialRows.filter((r) => r.batch === n);
    const notice = (status: '公示' | '确认'): BatchNotice | null => {
      const t = tables.find((x) => x.batch === n && x.status === status);
      if (t) {
        const d = docById.get(t.document)!;
        return { document: d.id, docNumber: d.docNumber, title: d.title, date: d.date, citedIn: null };
      }
      const c = cited.find((x) => x.batch === n && x.status === status);
      if (!c) return null;
      const inCorpus = documents.find((d) => d.docNumber === c.docNumber);
      if (inCorpus) return { document: inCorpus.id, docNumber: inCorpus.docNumber, title: inCorpus.title, date: inCorpus.date, citedIn: null };
      report(c.place, 'batch-notice-not-in-corpus', `${BATCH_NAMES[n]}的${status}通知《${c.title}》（${c.docNumber}）被引用，但不在语料中`);
      return { document: null, docNumber: c.docNumber, title: c.title, date: null, citedIn: { document: c.document, anchor: c.anchor, line: c.line } };
    };
    return {
      id: `batch-${n}`,
      number: n,
      name: BATCH_NAMES[n] ?? `第${n}批`,
      announced: notice('公示'),
      confirmed: notice('确认'),
      organizations: new Set(rows.map((r) => resolveOrg(r.organization))).size,
      certificates: new Set(rows.map((r) => certificateKey(certificateName(r.certificate).name))).size,
    };
  });

  return { certificates, organizations, batches, totals };
}

function addPrinted(list: string[], printed: string) {
  const p = printed.replace(/\s+/gu, ' ').trim();
  if (p && !list.includes(p)) list.push(p);
}

/**
 * A batch's 公示 and 确认 lists (or two lists of the same batch) that do not print the same certificates.
 * Each list is compared with the batch's first list in corpus order, not with every other list: n lists
 * of a batch give at most n − 1 reports (every pair would give n², and take as long).
 */
function compareLists(rows: ListRow[], report: Report) {
  const byTable = new Map<string, ListRow[]>();
  for (const r of rows) {
    const key = `${r.document}#${r.anchor}`;
    const t = byTable.get(key);
    if (t) t.push(r);
    else byTable.set(key, [r]);
  }
  const keys = (t: ListRow[]) => new Set(t.map((r) => certificateKey(certificateName(r.certificate).name)));
  const firstOfBatch = new Map<number, { table: ListRow[]; keys: Set<string> }>();
  for (const b of byTable.values()) {
    const batch = b[0]!.batch;
    if (batch === null) continue;
    const first = firstOfBatch.get(batch);
    if (!first) {
      firstOfBatch.set(batch, { table: b, keys: keys(b) });
      continue;
    }
    const a = first.table;
    const ka = first.keys;
    const kb = keys(b);
    const onlyA = [...ka].filter((k) => !kb.has(k));
    const onlyB = [...kb].filter((k) => !ka.has(k));
    if (onlyA.length || onlyB.length) {
      report(b[0]!.place, 'list-difference', `${BATCH_NAMES[a[0]!.batch!]}的两份名单（${a[0]!.document}、${b[0]!.document}）所列证书不同：仅前者有 ${onlyA.join('、') || '无'}；仅后者有 ${onlyB.join('、') || '无'}`);
    }
  }
}

/** Two rows of one contact table whose organisations are each other's: a swap. */
function reportSwaps(mismatches: { r: ListRow; cert: CertDraft; printedOrg: string | null }[], certs: Map<string, CertDraft>, orgName: (k: string) => string, report: Report) {
  void certs;
  for (let i = 0; i < mismatches.length; i++) {
    for (let j = i + 1; j < mismatches.length; j++) {
      const a = mismatches[i]!;
      const b = mismatches[j]!;
      if (a.r.document !== b.r.document || a.r.anchor !== b.r.anchor) continue;
      if (a.printedOrg && b.printedOrg && a.cert.orgKeys.includes(b.printedOrg) && b.cert.orgKeys.includes(a.printedOrg)) {
        report(
          a.r.place,
          'organization-swap',
          `联系表第 ${a.r.line}、${b.r.line} 行的培训评价组织名称互换：“${a.cert.name}”应属“${orgName(b.printedOrg)}”，“${b.cert.name}”应属“${orgName(a.printedOrg)}”（以名单为准；两行的联系人、电话随证书名称，不随组织名称）`,
        );
      }
    }
  }
}

/** A contact table that covers a batch but leaves out some of the batch's listed certificates. */
function reportMissingFromContactTables(tables: ReturnType<typeof listTables>, certs: Map<string, CertDraft>, contactRows: ListRow[], report: Report) {
  void contactRows;
  for (const t of tables.filter((x) => x.status === '联系表' && x.batch !== null)) {
    const listed = [...certs.values()].filter((c) => c.batch === t.batch && c.listings.some((l) => OFFICIAL.has(l.status)));
    const inTable = new Set(listed.filter((c) => c.listings.some((l) => l.document === t.document && l.anchor === t.anchor)).map((c) => c.key));
    const missing = listed.filter((c) => !inTable.has(c.key));
    if (missing.length) {
      report(t.place, 'certificate-missing-from-table', `${BATCH_NAMES[t.batch!]}联系表列出 ${inTable.size} 个证书，名单有 ${listed.length} 个；未列：${missing.map((c) => `“${c.name}”（${[...new Set(c.listings.filter((l) => OFFICIAL.has(l.status)).map((l) => l.organizationAsPrinted))].join('、')}）`).join('、')}`);
    }
  }
}

/**
 * The certificate of a standard whose certificate appears in no list of the corpus (`listed: false`): named as
 * the standard names it, with an id made as the catalog makes ids (initials; full pinyin, then a number, when
 * the id is taken), so that it gets its certificate page, matrix and skill pages like a listed one.
 */
export function unlistedCertificate(standard: { id: string; certificateName: string }, taken: ReadonlySet<string>): Certificate {
  const name = certificateName(standard.certificateName).name;
  let id = slug(name);
  if (taken.has(id)) id = slug(name, true);
  for (let n = 2; taken.has(id); n++) id = `${slug(name, true)}-${n}`;
  return { id, name, fullName: `${name}${SUFFIX}`, aliases: [], organizations: [], batch: null, listings: [], standard: standard.id, contacts: [], listed: false };
}
