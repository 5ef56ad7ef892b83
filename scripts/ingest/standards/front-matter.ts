/**
 * A standard's front matter, as found: `key：value` paragraphs (8.1 培训学时：96 学时。),
 * leaf sections (3 考核方式 and its paragraphs), level-scoped sections (4.3.1 初级 under
 * 4.3 面向对象) and the 说明/前言 block; then the fields pages ask for by name: 培训学时 per
 * level, 衔接专业 (中职/高职/本科), 培养目标, 考核方式.
 */
import type { Clause } from '../../../src/schema/corpus.ts';
import type { FrontMatter, FrontMatterEntry, SkillLevel } from '../../../src/schema/skills.ts';
import { standardText as clean, findLevel } from './model.ts';
import { type Place, type Report, placeOf } from '../diagnostics.ts';

const LEVEL_WORD = /^([初中高])级$/u;
const KEY_VALUE = /^([\p{Script=Han}]{2,12})[：:]\s*([\s\S]*)$/u;
/** Labels that number divisions (1, 1.7.1), not list items ((1), ①, 1.). */
const DIVISION_LABEL = /^\d+(?:\.\d+)*$/u;

export function clauseText(c: Clause): string {
  return clean([c.heading, c.text].filter((t): t is string => !!t).join(' '));
}

function flatten(cs: Clause[]): Clause[] {
  return cs.flatMap((c) => [c, ...flatten(c.children)]);
}

export interface FrontMatterInput {
  file: string;
  title: string;
  clauses: Clause[];
  /** Clauses read elsewhere (skill tables, 术语和定义): left out, with their subtrees. */
  skip: (c: Clause) => boolean;
  /** Where diagnostics go (the one message channel). */
  report: Report;
}

export function readFrontMatter({ file, title, clauses, skip, report }: FrontMatterInput): FrontMatter {
  const entries: FrontMatterEntry[] = [];
  /** Where each entry's clause starts (diagnostics point there). */
  const places = new Map<FrontMatterEntry, Place>();
  const add = (key: string, level: SkillLevel | null, text: string, items: string[], c: Clause) => {
    const e: FrontMatterEntry = { key: clean(key), level, text: text.split('\n').map(clean).filter(Boolean).join('\n'), items, anchor: c.anchor, source: { file, line: c.source.line } };
    places.set(e, placeOf(file, c.position));
    entries.push(e);
  };
  const itemsOf = (c: Clause) =>
    flatten(c.children).flatMap((k) => {
      if (k.table) return k.table.rows.map((r) => clean(r.cells.map((x) => x.text).filter(Boolean).join(' ')));
      return clauseText(k) ? [clauseText(k)] : [];
    });
  const hasSkipped = (c: Clause): boolean => skip(c) || c.children.some(hasSkipped);

  const walk = (cs: Clause[], level: SkillLevel | null, parentKey: string | null, top: boolean) => {
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i]!;
      if (skip(c)) continue;
      const own = c.kind === 'section' && c.heading ? findLevel(c.heading) : null;
      const kv = c.label === null || DIVISION_LABEL.test(c.label.replace(/[.．、]$/u, '')) ? KEY_VALUE.exec(clean(c.text)) : null;
      if (top && c.kind === 'paragraph' && /^(?:说明|前言)$/u.test(clean(c.text))) {
        // 说明/前言: the paragraphs after it, up to the first division or the title printed again
        const body: Clause[] = [];
        for (let j = i + 1; j < cs.length && cs[j]!.kind === 'paragraph' && cs[j]!.label === null && clean(cs[j]!.text) !== clean(title); j++) body.push(cs[j]!);
        add(clean(c.text), null, body.map((b) => b.text).join('\n'), [], c);
        i += body.length;
        continue;
      }
      if (kv && !hasSkipped(c)) {
        const lv = LEVEL_WORD.test(kv[1]!) ? (kv[1] as SkillLevel) : null;
        add(lv ? parentKey ?? kv[1]! : kv[1]!, lv ?? level, kv[2]!, itemsOf(c), c);
        continue;
      }
      if (c.kind !== 'section' || (c.label !== null && !DIVISION_LABEL.test(c.label.replace(/[.．、]$/u, '')))) continue;
      // a section whose parts are per level (4.2 主要职责 → 4.2.1 初级：…) gives one entry per level
      const perLevel = c.children.some((k) => LEVEL_WORD.test(KEY_VALUE.exec(clean(k.text))?.[1] ?? ''));
      const leaf = !perLevel && !c.children.some((k) => k.kind === 'section' || skip(k));
      const heading = c.heading ? clean(c.heading) : null;
      const levelHeading = heading !== null && LEVEL_WORD.test(heading) ? (heading as SkillLevel) : null;
      if (heading && leaf && !hasSkipped(c)) {
        const paras = c.children.filter((k) => k.kind === 'paragraph' && k.label === null);
        const items = c.children.filter((k) => !paras.includes(k)).flatMap((k) => [k, ...flatten(k.children)]).flatMap((k) =>
          k.table ? k.table.rows.map((r) => clean(r.cells.map((x) => x.text).filter(Boolean).join(' '))) : clauseText(k) ? [clauseText(k)] : []);
        add(levelHeading ? parentKey ?? heading : heading, levelHeading ?? own ?? level, paras.map((p) => p.text).join('\n'), items, c);
        continue;
      }
      walk(c.children, own ?? level, heading, false);
    }
  };
  walk(clauses, null, null, true);

  const trainingHours: FrontMatter['trainingHours'] = [];
  const general = new Map<SkillLevel, { hours: number; source: FrontMatterEntry['source'] }>();
  const hoursAt = new Map<FrontMatter['trainingHours'][number], Place>();
  for (const e of entries.filter((x) => /^培训(?:学时|课时)$/u.test(x.key))) {
    if (e.level) {
      const m = /(\d+)\s*(?:标准)?(?:学时|课时)/u.exec(e.text);
      if (m) {
        const t = { level: e.level, hours: Number(m[1]), source: e.source };
        hoursAt.set(t, places.get(e)!);
        trainingHours.push(t);
      }
    } else {
      for (const m of e.text.matchAll(/([初中高])级[^；;。]*?(\d+)\s*(?:标准)?(?:学时|课时)/gu)) general.set(`${m[1]}级` as SkillLevel, { hours: Number(m[2]), source: e.source });
    }
  }
  for (const [level, g] of general) {
    const own = trainingHours.find((t) => t.level === level);
    if (!own) trainingHours.push({ level, hours: g.hours, source: g.source });
    else if (own.hours !== g.hours)
      report(hoursAt.get(own) ?? { file, line: own.source.line }, 'standard-hours-mismatch', `${level}培训学时为 ${own.hours}，而第 ${g.source.line} 行写作 ${g.hours}`);
  }
  const majors: FrontMatter['majors'] = [];
  for (const e of entries) {
    const m = /^(?:衔接|接续)(中职|高职|本科)专业$/u.exec(e.key);
    if (!m) continue;
    const names = e.text.replace(/[。.；;]+$/u, '').split(/[、，,；;]/u).map((s) => s.trim()).filter(Boolean);
    majors.push({ level: e.level, stage: m[1] as '中职' | '高职' | '本科', names, source: e.source });
  }
  const pick = (key: string) => entries.filter((e) => e.key === key).map((e) => ({ level: e.level, text: e.text, source: e.source }));
  return { entries, trainingHours, majors, objectives: pick('培养目标'), assessment: pick('考核方式') };
}
