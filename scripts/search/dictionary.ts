/**
 * The domain dictionary for Chinese segmentation: generated from the corpus
 * (certificate and organisation names and aliases, glossary terms, 文号 agencies)
 * plus a short curated list. Used by nodejieba at build time (keywords per page)
 * and, as plain terms, for “did you mean” suggestions in the browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Certificate, Organization } from '../../src/schema/catalog.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import type { SkillStandard } from '../../src/schema/skills.ts';
import { splitDocNumber } from '../../src/lib/search/lookup.ts';

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

function readJson<T>(path: string, fallback: T): T {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback;
}

export function readSources(generated: string): DictionarySources {
  return {
    documents: readJson<PolicyDocument[]>(join(generated, 'documents.json'), []),
    certificates: readJson<Certificate[]>(join(generated, 'certificates.json'), []),
    organizations: readJson<Organization[]>(join(generated, 'organizations.json'), []),
    standards: readJson<SkillStandard[]>(join(generated, 'standards.json'), []),
  };
}

/** A dictionary word has no spaces (jieba's user dictionary is space-separated). */
function word(text: string): string {
  return text.replace(/\s+/gu, '').trim();
}

export interface Dictionary {
  /** Every term, deduplicated, longest first. */
  terms: string[];
  /** Where each kind came from, for the report. */
  counts: Record<string, number>;
}

export function buildDictionary(src: DictionarySources): Dictionary {
  const groups: Record<string, string[]> = {
    curated: CURATED,
    certificates: src.certificates.flatMap((c) => [c.name, c.fullName, ...c.aliases]),
    organizations: src.organizations.flatMap((o) => [o.name, ...o.aliases, ...(o.name.match(/[^（()）]+/gu) ?? [])]),
    glossary: src.standards.flatMap((s) => s.glossary.flatMap((g) => [g.term, ...g.aliases])),
    agencies: src.documents.flatMap((d) =>
      [d.docNumber, ...d.variants.map((v) => v.docNumber)].flatMap((n) => (n ? [splitDocNumber(n)?.agency ?? ''] : [])),
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
