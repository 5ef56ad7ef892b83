/**
 * Stage `link` (scripts/ingest/link.ts) over the drafts of the five real sources, after the
 * per-source stages only (test/helpers/stages.ts): one document printed in two sources becomes one
 * document with two variants, and where they disagree it is said at both places.
 *
 * The figures were read off the sources: 《关于做好首批 1+X 证书制度试点工作的通知》 is printed in
 * 002:122–452 as 教职成司函〔2019〕36号 (002:124) with its download links and two attachment tables,
 * and in the compilation 001:944–1010 as 教职成〔2019〕36号 (001:946) without them.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { Clause } from '../../src/schema/corpus.ts';
import { walkClauses } from '../../src/lib/citation.ts';
import type { Place, Report } from '../../scripts/ingest/diagnostics.ts';
import { differences, mergeVariants, paragraphs } from '../../scripts/ingest/link.ts';
import { documentNodes } from '../../scripts/ingest/parse/tree.ts';
import { sourceProcessor } from '../../scripts/ingest/stages.ts';
import type { Draft } from '../../scripts/ingest/structure.ts';
import { C001, C002, rawLines } from '../helpers/corpus.ts';
import { source } from '../helpers/stages.ts';

type Message = Place & { ruleId: string; reason: string };
function link(drafts: Draft[]) {
  const messages: Message[] = [];
  const report: Report = (place, ruleId, reason) => messages.push({ ...place, ruleId, reason });
  return { merged: mergeVariants(drafts, report), messages };
}

const drafts = ['000', '001', '002', '003', '004'].flatMap((p) => source(p).drafts);
const { merged, messages } = link(drafts);
const TITLE = '关于做好首批 1+X 证书制度试点工作的通知';

describe('one document, two sources: 36号 in 002 and 001', () => {
  const m = merged.find((x) => x.primary.elements.title === TITLE)!;

  it('merges the 23 documents of the five sources into 22, only 36号 found twice, the fuller 002 copy first', () => {
    expect(drafts).toHaveLength(23);
    expect(merged).toHaveLength(22);
    expect(merged.filter((x) => x.others.length > 0)).toEqual([m]);
    expect([m.primary, ...m.others].map((d) => [d.file, d.startLine, d.endLine])).toEqual([
      [C002, 122, 452],
      [C001, 944, 1010],
    ]);
    expect([m.primary, ...m.others].map((d) => d.elements.docNumber?.text)).toEqual(['教职成司函〔2019〕36号', '教职成〔2019〕36号']);
    // The document's text is the primary's: 002 keeps the two attachments the compilation left out.
    expect(m.primary.clauses.filter((c) => c.kind === 'attachment').map((c) => c.heading)).toEqual(['有关培训评价组织联系人信息表', '首批 1+X 证书制度试点院校情况汇总表']);
    expect(m.others[0]!.clauses.filter((c) => c.kind === 'attachment')).toEqual([]);
    const numbered = (cs: Clause[]) => walkClauses({ clauses: cs }).filter((p) => p.clause.label).length;
    expect(numbered(m.primary.clauses)).toBeGreaterThanOrEqual(14);
  });

  it('reports the conflicting 文号 at both places, at the number itself (002:124, 001:946)', () => {
    const conflicts = messages.filter((a) => a.ruleId === 'conflicting-doc-number');
    expect(conflicts.map((a) => [a.file, a.line, a.column, a.end])).toEqual([
      [C002, 124, 2, { line: 124, column: 16 }],
      [C001, 946, 2, { line: 946, column: 14 }],
    ]);
    expect(rawLines(C002)[123]!.slice(1, 15)).toBe('教职成司函〔2019〕36号');
    expect(rawLines(C001)[945]!.slice(1, 13)).toBe('教职成〔2019〕36号');
    for (const c of conflicts) expect(c.reason).toBe(`“${TITLE}”的文号不一致：${C002} 作 教职成司函〔2019〕36号，${C001} 作 教职成〔2019〕36号`);
  });

  it('compares the two texts paragraph by paragraph: 82 differences, all of them 002’s own (links and attachments)', () => {
    expect(paragraphs(m.primary.clauses)).toHaveLength(107);
    expect(paragraphs(m.others[0]!.clauses)).toHaveLength(25);
    const diff = differences(m.primary.clauses, m.others[0]!.clauses);
    expect(diff).toHaveLength(82);
    // Every paragraph of the compilation's copy is in 002: nothing changed, nothing only in 001.
    expect(diff.every((x) => x.kind === 'only-primary' && x.primary !== null && x.here === null && x.line === null)).toBe(true);
    expect(diff[0]!.primary).toMatch(/^http:\/\/www\.cvae\.com\.cn\/.+\.doc /u);
    expect(diff.filter((x) => /^附件\d/u.test(x.primary!)).map((x) => x.primary)).toEqual(['附件1有关培训评价组织联系人信息表', '附件2首批 1+X 证书制度试点院校情况汇总表']);
    // Computed once per pair: the ids stage asks again for the variant's differences.
    expect(differences(m.primary.clauses, m.others[0]!.clauses)).toBe(diff);
    const differs = messages.filter((a) => a.ruleId === 'variant-text-differs');
    expect(differs).toEqual([{ file: C001, line: 944, ruleId: 'variant-text-differs', reason: `与 ${C002}:122 是同一文件（标题相同），但文字有 82 处不同；作为异文保留` }]);
  });

  it('says nothing else: both print the date 2019-04-17, and no other document is found twice', () => {
    expect([m.primary, ...m.others].map((d) => d.elements.date)).toEqual(['2019-04-17', '2019-04-17']);
    expect(messages.map((a) => a.ruleId).sort()).toEqual(['conflicting-doc-number', 'conflicting-doc-number', 'variant-text-differs']);
  });
});

describe('a date the two copies print differently', () => {
  function drafts(name: string, text: string): Draft[] {
    const file = new VFile({ path: name, value: text });
    const p = sourceProcessor(name);
    return documentNodes(p.runSync(p.parse(file), file)).map((d) => d.data.draft!);
  }
  const notice = (date: string) => `关于做好试点工作的通知\n\n教职成〔2020〕2号\n\n各省教育厅：\n\n一、做好试点。\n\n教育部\n\n${date}\n`;

  it('is reported at the other copy’s date line, and both are kept as variants', () => {
    const { merged, messages } = link([...drafts('a.txt', notice('2020年3月1日')), ...drafts('b.txt', notice('2020年3月2日'))]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.others.map((d) => d.elements.date)).toEqual(['2020-03-02']);
    expect(messages).toEqual([{ file: 'b.txt', line: 11, ruleId: 'conflicting-date', reason: '“关于做好试点工作的通知”的成文日期不一致：此处为 2020-03-02，a.txt 为 2020-03-01' }]);
  });

  it('another year is another document (same title, 2020 and 2021)', () => {
    const { merged, messages } = link([...drafts('a.txt', notice('2020年3月1日')), ...drafts('b.txt', notice('2021年3月1日'))]);
    expect(merged).toHaveLength(2);
    expect(messages).toEqual([]);
  });
});

describe('one 文号, one document', () => {
  it('a copy with the same 文号 and 成文日期 under another title is a variant; the same 文号 on another date is not', () => {
    const d = drafts.find((x) => x.elements.docNumber?.text === '教职成〔2019〕6号')!;
    expect(d.elements.title.endsWith('的通知')).toBe(true);
    const retitled: Draft = { ...d, file: 'copy.txt', elements: { ...d.elements, title: d.elements.title.replace(/的通知$/u, '') } };
    const redated: Draft = { ...d, file: 'other.txt', elements: { ...d.elements, title: '另一份文件', date: '2019-05-01' } };
    const { merged: m } = link([d, retitled, redated]);
    expect(m.map((x) => [x.primary.file, ...x.others.map((o) => o.file)])).toEqual([[d.file, 'copy.txt'], ['other.txt']]);
  });
});
