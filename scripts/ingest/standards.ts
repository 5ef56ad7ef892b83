/**
 * Stage: skill standards. Pure: documents in, standards + a flat list of skill rows out; every
 * diagnostic goes to the `report` it is given (the one message channel, scripts/ingest/diagnostics.ts).
 *
 * A standard is a document, or an attachment/enclosure of one, whose title ends with 标准
 * (职业技能等级标准) and that holds skill tables (工作领域/职业功能 | 工作任务/工作内容 | …).
 * Each table gets a level from its caption (表 2 初级职业能力要求) or the nearest section
 * heading that names one (Web 前端开发（初级）; 一般要求 → 通用); a level's tables are read
 * together, so a table split by a non-tab line or a page break continues where it stopped.
 * A 名词解释 attachment that follows a standard in the same document is that standard's glossary.
 *
 *   standards/codes.ts          code tokens, shapes, normalisation
 *   standards/coded-table.ts    hyphen (1-1-1-S1) and dotted (1.1.1) tables
 *   standards/uncoded-table.ts  numbered-item tables (物流管理)
 *   standards/copied-text.ts    coded tables in text copied from a PDF (no tabs: cells broken over lines);
 *                               its reading in standards/copied/ (lines, codes, widths, cells, cut, names, …)
 *   standards/front-matter.ts   培训学时, 衔接专业, 培养目标, 考核方式, … as found
 *   standards/glossary.ts       名词解释, 术语和定义
 */
import { pinyin } from 'pinyin-pro';
import type { Clause, PolicyDocument, SourcePoint, Table } from '../../src/schema/corpus.ts';
import type { GlossaryEntry, SkillCounts, SkillLevel, SkillRow, SkillStandard } from '../../src/schema/skills.ts';
import { type CodeStyle, detectStyle } from './standards/codes.ts';
import { readCodedLevel } from './standards/coded-table.ts';
import { readFrontMatter } from './standards/front-matter.ts';
import { isGlossaryHeading, isTermsHeading, readNumberedGlossary, readTermsAndDefinitions } from './standards/glossary.ts';
import { type ColumnRole, type DraftRow, cellSource, standardText, columnRoles, findLevel, isSkillTable } from './standards/model.ts';
import { type Place, type Report, placeOf } from './diagnostics.ts';
import { readUncodedLevel } from './standards/uncoded-table.ts';
import { readCopiedLevels } from './standards/copied-text.ts';
import { initials } from '../../src/lib/text/docnumber.ts';

export interface StandardsResult {
  standards: SkillStandard[];
  rows: SkillRow[];
}

const STANDARD_TITLE = /标准(?:[（(][^（）()]*[）)])?$/u;
const NAME_END = /\s*职业技能等级标准.*$/u;

interface Candidate {
  doc: PolicyDocument;
  file: string;
  title: string;
  anchor: string | null;
  source: SourcePoint;
  /** Where the standard's title (the document's, or its attachment heading) starts. */
  at: Place;
  clauses: Clause[];
  glossaries: Clause[];
}

interface FoundTable {
  clause: Clause;
  table: Table;
  roles: ColumnRole[];
  level: SkillLevel;
  levelClause: Clause;
}

export function extractStandards(documents: PolicyDocument[], report: Report): StandardsResult {
  const standards: SkillStandard[] = [];
  const rows: SkillRow[] = [];
  const ids = new Set<string>();
  for (const doc of documents) {
    for (const cand of candidates(doc)) {
      const out = readStandard(cand, report);
      if (!out) continue;
      let id = standardId(out.standard.certificateName, false);
      if (ids.has(id)) id = standardId(out.standard.certificateName, true);
      for (let n = 2; ids.has(id); n++) id = `${standardId(out.standard.certificateName, true)}-${n}`;
      ids.add(id);
      standards.push({ ...out.standard, id });
      rows.push(...out.rows.map((r): SkillRow => ({ standard: id, certificate: out.standard.certificateName, ...r })));
    }
  }
  return { standards, rows };
}

/** The standards a document holds: itself, or its attachments; 名词解释 attachments go to the standard before them. */
function candidates(doc: PolicyDocument): Candidate[] {
  const file = doc.source[0]!.file;
  const out: Candidate[] = [];
  const own = doc.clauses.filter((c) => c.kind !== 'attachment' && c.kind !== 'enclosure');
  if (STANDARD_TITLE.test(standardText(doc.title)) && own.length) {
    const source = { file, line: doc.source[0]!.startLine };
    out.push({ doc, file, title: standardText(doc.title), anchor: null, source, at: source, clauses: own, glossaries: [] });
  }
  const visit = (cs: Clause[]) => {
    for (const c of cs) {
      if ((c.kind === 'attachment' || c.kind === 'enclosure') && c.heading && STANDARD_TITLE.test(standardText(c.heading))) {
        out.push({ doc, file, title: standardText(c.heading), anchor: c.anchor, source: { file, line: c.source.line }, at: placeOf(file, c.position), clauses: c.children, glossaries: [] });
        continue;
      }
      if ((c.kind === 'attachment' || c.kind === 'enclosure') && isGlossaryHeading(c.heading)) {
        out[out.length - 1]?.glossaries.push(c);
        continue;
      }
      if (c.kind === 'attachment' || c.kind === 'enclosure') visit(c.children);
    }
  };
  visit(doc.clauses);
  return out;
}

function standardId(name: string, full: boolean): string {
  const runs = name.match(/\p{Script=Han}+|[A-Za-z0-9]+/gu) ?? [];
  return runs
    .map((r) => (/^[A-Za-z0-9]/u.test(r) ? r.toLowerCase() : full ? (pinyin(r, { toneType: 'none', type: 'array' }) as string[]).join('') : initials(r)))
    .join('-');
}

function findTables(cand: Candidate, report: Report): FoundTable[] {
  const found: FoundTable[] = [];
  let previous: FoundTable | null = null;
  const walk = (cs: Clause[], ancestors: Clause[]) => {
    cs.forEach((c, i) => {
      if (c.table) {
        const header = c.table.header?.cells.map((x) => x.text) ?? null;
        let roles = header ? columnRoles(header) : null;
        const caption = [...cs.slice(0, i)].reverse().find((s) => s.kind === 'paragraph');
        let level: SkillLevel | null = caption && /^表\s*\d/u.test(standardText(caption.text)) ? findLevel(caption.text) : null;
        let levelClause: Clause | null = level ? ancestors[ancestors.length - 1] ?? c : null;
        for (let k = ancestors.length - 1; k >= 0 && !level; k--) {
          const a = ancestors[k]!;
          level = findLevel(a.heading ?? '') ?? (a.kind === 'section' ? findLevel(a.text) : null);
          if (level) levelClause = a;
        }
        // a table without a header of its own continues the skill table before it, at the same level
        if (!roles && previous && (level === null || level === previous.level)) {
          roles = previous.roles;
          level ??= previous.level;
          levelClause ??= previous.levelClause;
        }
        if (!roles || !isSkillTable(roles)) return;
        if (!level || !levelClause) {
          report(placeOf(cand.file, c.position), 'skill-table-level', `《${cand.title}》第 ${c.source.line} 行的技能表无法确定等级（初级/中级/高级），未读`);
          return;
        }
        previous = { clause: c, table: c.table, roles, level, levelClause };
        found.push(previous);
        return;
      }
      if (isTermsHeading(c.heading)) return;
      walk(c.children, [...ancestors, c]);
    });
  };
  walk(cand.clauses, []);
  return found;
}

function readStandard(cand: Candidate, report: Report): { standard: Omit<SkillStandard, 'id'>; rows: DraftRow[] } | null {
  let tables = findTables(cand, report);
  /** Clauses read as a table from copied text (their text is the table's, not front matter). */
  const copiedClauses = new Set<Clause>();
  if (tables.length === 0) {
    // no tab table: a level section whose lines are a coded table copied from a PDF
    tables = readCopiedLevels(cand.clauses, cand.file, report).map((l) => {
      for (const c of l.clauses) copiedClauses.add(c);
      return { clause: l.levelClause, table: l.table, roles: l.roles, level: l.level, levelClause: l.levelClause };
    });
  }
  if (tables.length === 0) return null;
  const { file } = cand;

  // levels in order of first appearance; a level's tables are read as one
  const groups = new Map<SkillLevel, FoundTable[]>();
  for (const t of tables) groups.set(t.level, [...(groups.get(t.level) ?? []), t]);
  const styles: (CodeStyle | null)[] = [];
  const rows: DraftRow[] = [];
  const places = new Map<DraftRow, Place>();
  const levels: SkillStandard['levels'] = [];
  for (const [level, ts] of groups) {
    const cells = ts.flatMap((t) => t.table.rows.flatMap((r) => r.cells.map(cellSource)));
    const style = detectStyle(cells);
    styles.push(style);
    const input = { file, level, tables: ts.map((t) => ({ table: t.table, roles: t.roles })), report };
    const out = style ? readCodedLevel(input, style) : readUncodedLevel(input);
    rows.push(...out.rows);
    for (const [r, p] of out.places) places.set(r, p);
    const count = (type: DraftRow['type']) => out.rows.filter((r) => r.type === type).length;
    const counts: SkillCounts = { areas: count('area'), tasks: count('task'), skills: count('skill'), requirements: count('requirement'), knowledge: count('knowledge') };
    const lc = ts[0]!.levelClause;
    levels.push({ level, trainingHours: null, anchor: lc.anchor, source: { file, line: lc.source.line }, counts });
  }
  const kinds = new Set(styles.filter((s): s is CodeStyle => s !== null));
  if (kinds.size > 1) report(cand.at, 'standard-code-style', `《${cand.title}》各等级的代码样式不一（${[...kinds].join('、')}）`);
  const codeStyle = styles.find((s) => s !== null) ?? 'none';

  // anchors unique within the standard
  const used = new Set<string>();
  for (const r of rows) {
    if (!used.has(r.anchor)) {
      used.add(r.anchor);
      continue;
    }
    let a = r.anchor;
    for (let n = 2; used.has(a); n++) a = `${r.anchor}-dup${n}`;
    report(places.get(r) ?? { file, line: r.source.line }, 'skill-code-duplicate', `代码“${r.code ?? r.anchor}”在《${cand.title}》的另一等级中已出现，此条锚点记为“${a}”`);
    if (!r.flags.includes('duplicate-code')) r.flags.push('duplicate-code');
    r.anchor = a;
    used.add(a);
  }

  const tableClauses = copiedClauses.size ? copiedClauses : new Set(tables.map((t) => t.clause));
  const frontMatter = readFrontMatter({
    file,
    title: cand.title,
    clauses: cand.clauses,
    skip: (c) => tableClauses.has(c) || isTermsHeading(c.heading),
    report,
  });
  for (const l of levels) l.trainingHours = frontMatter.trainingHours.find((t) => t.level === l.level)?.hours ?? null;

  const glossary: GlossaryEntry[] = [];
  const terms = (cs: Clause[]): Clause[] => cs.flatMap((c) => (isTermsHeading(c.heading) ? [c] : terms(c.children)));
  for (const t of terms(cand.clauses)) glossary.push(...readTermsAndDefinitions(t, file));
  for (const g of cand.glossaries) {
    glossary.push(...readNumberedGlossary(g, file, report));
  }

  return {
    rows,
    standard: {
      title: cand.title,
      certificateName: cand.title.replace(NAME_END, '').trim(),
      document: cand.doc.id,
      anchor: cand.anchor,
      source: cand.source,
      codeStyle,
      levels,
      frontMatter,
      glossary,
    },
  };
}
