/**
 * Stage `segment`: Chinese word segmentation with a domain dictionary, keywords per
 * document, and related documents by shared keywords.
 *
 * The dictionary is built from the corpus itself (certificate and organisation names and
 * their printed variants, glossary terms, 文号 agencies) plus a short curated list, so
 * nodejieba keeps 培训评价组织 or 失智老年人照护 whole instead of splitting them.
 * The search index step uses the same dictionary and these keywords.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import type { Certificate, Organization } from '../../src/schema/catalog.ts';
import type { Clause, PolicyDocument } from '../../src/schema/corpus.ts';
import type { DocumentKeywords } from '../../src/schema/keywords.ts';
import type { SkillStandard } from '../../src/schema/skills.ts';
import { parseDocNumber } from '../../src/lib/text/docnumber.ts';

/** Terms of the 1+X pilot that general dictionaries split. */
export const CURATED = [
  '1+X', '1+X证书', '学分银行', '国家学分银行', '培训评价组织', '职业教育培训评价组织', '书证融通', '双师型', '双师型教师',
  '职业技能等级证书', '职业技能等级标准', '学历证书', '试点院校', '考核成本', '成本上限', '考核站点', '师资培训',
  '产教融合', '校企合作', '资历框架', '国家资历框架', '职教20条', '学习成果', '认定积累转换', '监督管理', '信息管理服务平台',
  '证书制度试点', '高职扩招', '职业技能提升行动', '培训补贴', '教学标准', '专业教学标准', '人才培养方案', '负面清单',
  '双随机一公开', '技能要求', '知识要求', '工作领域', '工作任务', '职业技能', '初级', '中级', '高级',
];

export interface DictionarySources {
  documents: PolicyDocument[];
  certificates: Certificate[];
  organizations: Organization[];
  standards: SkillStandard[];
}

export interface Dictionary {
  /** Every term, deduplicated, longest first. */
  terms: string[];
  /** How many terms each kind gave, for the report. */
  counts: Record<string, number>;
}

/** A dictionary word has no spaces (jieba's user dictionary is space-separated). */
function word(text: string): string {
  return text.replace(/\s+/gu, '').trim();
}

export function buildDictionary(src: DictionarySources): Dictionary {
  const groups: Record<string, string[]> = {
    curated: CURATED,
    certificates: src.certificates.flatMap((c) => [c.name, c.fullName, ...c.aliases]),
    organizations: src.organizations.flatMap((o) => [o.name, ...o.aliases, ...(o.name.match(/[^（()）]+/gu) ?? [])]),
    glossary: src.standards.flatMap((s) => s.glossary.flatMap((g) => [g.term, ...g.aliases])),
    agencies: src.documents.flatMap((d) =>
      [d.docNumber, ...d.variants.map((v) => v.docNumber)].flatMap((n) => (n ? [parseDocNumber(n)?.agency ?? ''] : [])),
    ),
  };
  const seen = new Set<string>();
  const counts: Record<string, number> = {};
  const terms: string[] = [];
  for (const [kind, list] of Object.entries(groups)) {
    counts[kind] = 0;
    for (const t of list.map(word)) {
      if (t.length < 2 || seen.has(t)) continue;
      seen.add(t);
      terms.push(t);
      counts[kind]!++;
    }
  }
  terms.sort((a, b) => b.length - a.length || a.localeCompare(b));
  return { terms, counts };
}

/** jieba user dictionary lines: `word freq tag`. A high frequency keeps domain words whole. */
export function userDictText(dict: Dictionary): string {
  return dict.terms.map((t) => `${t} 50000 nz`).join('\n') + '\n';
}

let loaded: string | null = null;
/**
 * Load nodejieba with the domain dictionary. nodejieba reads it from a file, so the file is
 * written, loaded and removed; loading replaces the dictionary of an earlier call (measured with
 * nodejieba 3.5: a second load() with other terms changes how the next cut() splits). The same
 * terms again do nothing.
 */
export function loadJieba(dict: Dictionary): void {
  const text = userDictText(dict);
  if (loaded === text) return;
  const path = join(tmpdir(), `onex-userdict-${process.pid}.utf8`);
  writeFileSync(path, text);
  nodejieba.load({ userDict: path });
  rmSync(path, { force: true });
  loaded = text;
}

const STOP = new Set(['通知', '有关', '工作', '关于', '进行', '以及', '开展', '相关', '要求', '做好', '单位', '各地', '部门']);

/** Keywords of a text with their TF-IDF weights: Chinese words only, no stop words. */
export function weightedKeywords(text: string, n = 12): Array<{ word: string; weight: number }> {
  return nodejieba
    .extract(text, n * 2)
    .filter((k) => k.word.length >= 2 && /\p{Script=Han}/u.test(k.word) && !STOP.has(k.word))
    .slice(0, n)
    .map((k) => ({ word: k.word, weight: Math.round(k.weight * 1000) / 1000 }));
}

/** Segment a text into words (ASCII words kept whole). */
export function cut(text: string): string[] {
  return nodejieba.cut(text, true);
}

/**
 * Keywords per document and, for each, the documents sharing the most keyword weight.
 * An inverted index (keyword → documents) keeps this linear in the number of documents
 * times keywords, not quadratic in documents.
 */
export function extractKeywords(documents: PolicyDocument[], dict: Dictionary, options: { keywords?: number; related?: number } = {}): DocumentKeywords[] {
  loadJieba(dict);
  const k = options.keywords ?? 12;
  const per = documents.map((d) => ({ id: d.id, words: weightedKeywords(documentText(d), k) }));
  const postings = new Map<string, Array<{ doc: number; weight: number }>>();
  per.forEach((p, i) => p.words.forEach((w) => (postings.get(w.word) ?? postings.set(w.word, []).get(w.word)!).push({ doc: i, weight: w.weight })));
  return per.map((p, i) => {
    const score = new Map<number, { score: number; shared: string[] }>();
    for (const w of p.words) {
      for (const other of postings.get(w.word)!) {
        if (other.doc === i) continue;
        const s = score.get(other.doc) ?? { score: 0, shared: [] };
        s.score += Math.min(w.weight, other.weight);
        s.shared.push(w.word);
        score.set(other.doc, s);
      }
    }
    const related = [...score.entries()]
      .filter(([, s]) => s.shared.length >= 2)
      .sort((a, b) => b[1].score - a[1].score || per[a[0]]!.id.localeCompare(per[b[0]]!.id))
      .slice(0, options.related ?? 5)
      .map(([j, s]) => ({ document: per[j]!.id, shared: s.shared, score: Math.round(s.score * 1000) / 1000 }));
    return { id: p.id, keywords: p.words.map((w) => w.word), related };
  });
}

/** A document's words as a reader sees them: title, headings and text, not tables. */
function documentText(d: PolicyDocument): string {
  const parts: string[] = [d.title];
  const walk = (cs: Clause[]) => cs.forEach((c) => (parts.push(c.heading ?? '', c.text), walk(c.children)));
  walk(d.clauses);
  return parts.filter(Boolean).join('\n');
}
