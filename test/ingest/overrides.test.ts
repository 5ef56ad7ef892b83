/**
 * Stage `overrides` (scripts/ingest/overrides.ts) over the real sources, after the per-source
 * stages (test/helpers/stages.ts) and `link`: the decisions in content/overrides/*.yaml are applied
 * to the one document each names, with the value they replace and their reason; a field no override
 * may set, or an override that names no document, stops the ingest with the file's name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { OverrideInput } from '../../scripts/ingest/context.ts';
import type { Place, Report } from '../../scripts/ingest/diagnostics.ts';
import { mergeVariants } from '../../scripts/ingest/link.ts';
import { type Overridden, applyOverrides } from '../../scripts/ingest/overrides.ts';
import { C001, C002, OVERRIDES, realOverrides } from '../helpers/corpus.ts';
import { source } from '../helpers/stages.ts';

const merged = mergeVariants(
  ['000', '001', '002', '003', '004'].flatMap((p) => source(p).drafts),
  () => {},
);
type Message = Place & { ruleId: string; reason: string };
function apply(overrides: OverrideInput[]) {
  const messages: Message[] = [];
  const report: Report = (place, ruleId, reason) => messages.push({ ...place, ruleId, reason });
  return { out: applyOverrides(merged, overrides, report), messages };
}
const TITLE = '关于做好首批 1+X 证书制度试点工作的通知';
const of = (out: Overridden[], title: string) => out.find((o) => o.merged.primary.elements.title === title)!;
const override = (data: Partial<OverrideInput['data']>, file = 'x.yaml'): OverrideInput => ({ file, data: { match: {}, set: {}, reason: '测试', ...data } });

describe('content/overrides/ on the real sources', () => {
  const overrides = realOverrides();
  const { out, messages } = apply(overrides);
  const reason = (parseYaml(readFileSync(join(OVERRIDES, 'jzcsh-2019-36.yaml'), 'utf8')) as { reason: string }).reason;

  it('is one decision: 36号’s 文号', () => {
    expect(overrides.map((o) => o.file)).toEqual(['jzcsh-2019-36.yaml']);
    expect(overrides[0]!.data.match).toEqual({ title: TITLE });
    // Written on one line, so YAML puts no space between two Chinese characters.
    expect(reason).toMatch(/^001（教务处汇编）作“教职成〔2019〕36号”，002 作“教职成司函〔2019〕36号”。/u);
    expect(reason).toMatch(/故以“教职成司函〔2019〕36号”为准。$/u);
    expect(reason).not.toMatch(/\p{Script=Han}\s+\p{Script=Han}/u);
  });

  it('applies it to 36号 and keeps what it replaced: the 文号 the other variant (001) printed, and the reason', () => {
    const hit = of(out, TITLE);
    expect([hit.merged.primary.file, ...hit.merged.others.map((d) => d.file)]).toEqual([C002, C001]);
    expect(hit.fields).toEqual({ docNumber: '教职成司函〔2019〕36号' });
    expect(hit.records).toEqual([{ field: 'docNumber', value: '教职成司函〔2019〕36号', was: '教职成〔2019〕36号', reason, file: 'jzcsh-2019-36.yaml' }]);
    // Every other document is left as read.
    expect(out.filter((o) => o !== hit).every((o) => Object.keys(o.fields).length === 0 && o.records.length === 0)).toBe(true);
    expect(out).toHaveLength(22);
  });

  it('says so once, at the first line of the document’s primary copy (002:122)', () => {
    expect(messages).toEqual([{ file: C002, line: 122, ruleId: 'override-applied', reason: `已应用校订 jzcsh-2019-36.yaml（docNumber）：${reason}` }]);
  });

  it('without it, nothing is set and nothing said', () => {
    const none = apply([]);
    expect(none.out.every((o) => Object.keys(o.fields).length === 0 && o.records.length === 0)).toBe(true);
    expect(none.messages).toEqual([]);
  });
});

describe('an override', () => {
  it('may match the 文号 any variant prints, and then `was` is what the others print (001’s 36号 → 002’s)', () => {
    const { out } = apply([override({ match: { docNumber: '教职成〔2019〕36号' }, set: { docNumber: '教职成〔2019〕36号' } })]);
    expect(of(out, TITLE).records).toEqual([{ field: 'docNumber', value: '教职成〔2019〕36号', was: '教职成司函〔2019〕36号', reason: '测试', file: 'x.yaml' }]);
  });

  it('matches a 文号 however it is spaced, and keeps the value ingest had when no variant printed another (6号’s date)', () => {
    const { out, messages } = apply([override({ match: { title: '教育部等四部门印发《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》的通知', docNumber: '教职成 〔2019〕 6 号' }, set: { date: '2019-04-10', kind: '方案' } })]);
    const hit = out.find((o) => o.merged.primary.elements.docNumber?.text === '教职成〔2019〕6号')!;
    expect(hit.fields).toEqual({ date: '2019-04-10', kind: '方案' });
    expect(hit.records.map((r) => [r.field, r.value, r.was])).toEqual([
      ['date', '2019-04-10', '2019-04-04'],
      ['kind', '方案', null],
    ]);
    expect(messages.map((m) => [m.file, m.line, m.ruleId])).toEqual([[C001, hit.merged.primary.startLine, 'override-applied']]);
    expect(messages[0]!.reason).toBe('已应用校订 x.yaml（date、kind）：测试');
  });

  it('refuses a field it may not set, naming the file and the fields it may', () => {
    expect(() => apply([override({ match: { title: TITLE }, set: { docnumber: '教职成〔2019〕36号' } }, 'typo.yaml')])).toThrow('typo.yaml: cannot set “docnumber” (settable: docNumber, title, date, issuers, kind, id)');
    expect(() => apply([override({ match: { title: TITLE }, set: { clauses: [] } }, 'typo.yaml')])).toThrow(/^typo\.yaml: cannot set “clauses”/u);
  });

  it('that matches no document is an error that names its file', () => {
    expect(() => apply([override({ match: { docNumber: '教职成〔2020〕2号' }, set: { title: '某通知' } }, 'stale.yaml')])).toThrow('stale.yaml: matches 0 documents (it must match exactly one)');
    // Title and 文号 must both hold: 36号’s title with 6号’s number is no document.
    expect(() => apply([override({ match: { title: TITLE, docNumber: '教职成〔2019〕6号' }, set: { title: '某通知' } }, 'both.yaml')])).toThrow('both.yaml: matches 0 documents');
    // A match that names nothing matches nothing.
    expect(() => apply([override({ match: {}, set: { title: '某通知' } }, 'empty.yaml')])).toThrow('empty.yaml: matches 0 documents');
  });
});
