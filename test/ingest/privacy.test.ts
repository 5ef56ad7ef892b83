/**
 * privacy stage: personal mobile and bank numbers masked in every output, office numbers and
 * e-mail addresses kept; on inline fixtures and on the real corpus.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskAccount, maskMobile, maskPersonal, maskText, publishPersonal } from '../../scripts/ingest/privacy.ts';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { CORPUS_STAGES } from '../../scripts/ingest/stages.ts';
import { SOURCES, realCorpus, realOverrides, realSources } from '../helpers/corpus.ts';

describe('maskText', () => {
  it.each([
    ['联系电话：010-58934617 15510269862', '联系电话：010-58934617 155****9862'],
    ['手机 138 0132 8764、138-0132-8764、+86 13801328764', '手机 138 **** 8764、138-****-8764、+86 138****8764'],
    ['0316-5915508 010-88390280\t18611533890 13366465781\t511470041@qq.com', '0316-5915508 010-88390280\t186****3890 133****5781\t511470041@qq.com'],
    ['账 号: 0200001409014443690', '账 号: 0200***********3690'],
    ['帐号：6222 0213 8012 3456 789', '帐号：6222 **** **** ***6 789'],
    ['卡号 6222021380123456', '卡号 6222********3456'],
    ['身份证 11010519491231002X', '身份证 1101**********002X'],
    ['13801328764@139.com', '138****8764@139.com'],
  ])('%s', (input, expected) => {
    expect(maskText(input)).toBe(expected);
    expect(maskText(input)).toHaveLength(input.length);
  });

  it.each([
    '办公电话 010-68607719，传真 0531-82908900，客服 400-860-7471',
    '教职成〔2019〕6号，2019年4月4日，第 2 批 92 个证书',
    'ISBN 978-7-04-123456-7',
    '编码 2-3-4-S5，13-14 学时，1380132876412（13 位）',
    'zjbxhpx@126.com shch@ceiaec.org',
    '12345678901（不是手机号段）',
  ])('leaves %s as it is', (input) => {
    expect(maskText(input)).toBe(input);
  });

  it('keeps first 3 and last 4 of a mobile, first 4 and last 4 of an account', () => {
    expect(maskMobile('13801328764')).toBe('138****8764');
    expect(maskAccount('0200001409014443690')).toBe('0200***********3690');
  });
});

describe('maskPersonal', () => {
  it('masks every string of a nested value, keys too, and counts what it found', () => {
    const input = {
      documents: [{ title: 't', clauses: [{ text: '手机：13801328764', children: [{ text: '账号：0200001409014443690' }] }] }],
      catalog: { contacts: [{ phone: '010-68607719', mobile: '13801003561', email: 'a@b.org' }] },
      report: { anomalies: [{ file: 'x.txt', line: 3, message: '此行未被收录：“13801003561”' }] },
      byText: { '13801328764': 1 },
      n: 13801328764,
      flag: true,
      none: null,
    };
    const before = JSON.stringify(input);
    const { result, counts, distinct } = maskPersonal(input);
    expect(JSON.stringify(input)).toBe(before); // pure: the input is not changed
    expect(result.documents[0]!.clauses[0]!.text).toBe('手机：138****8764');
    expect(result.documents[0]!.clauses[0]!.children[0]!.text).toBe('账号：0200***********3690');
    expect(result.catalog.contacts[0]).toEqual({ phone: '010-68607719', mobile: '138****3561', email: 'a@b.org' });
    expect(result.report.anomalies[0]!.message).toBe('此行未被收录：“138****3561”');
    expect(Object.keys(result.byText)).toEqual(['138****8764']);
    expect(result.n).toBe(13801328764); // numbers are data, not printed text
    expect(counts).toEqual({ mobile: 4, bank: 1, idCard: 0 });
    expect(distinct).toBe(3);
  });

  it('is switched off by --publish-personal or PUBLISH_PERSONAL=1', () => {
    expect(publishPersonal(false, {})).toBe(false);
    expect(publishPersonal(true, {})).toBe(true);
    expect(publishPersonal(undefined, { PUBLISH_PERSONAL: '1' })).toBe(true);
    expect(publishPersonal(undefined, { PUBLISH_PERSONAL: '0' })).toBe(false);
  });
});

/** Every personal number printed in the real sources, digits only. */
function personalNumbersInSources(): { mobiles: string[]; accounts: string[] } {
  const mobiles = new Set<string>();
  const accounts = new Set<string>();
  for (const f of readdirSync(SOURCES).filter((x) => x.endsWith('.txt'))) {
    const text = readFileSync(join(SOURCES, f), 'utf8');
    for (const m of text.matchAll(/(?<![\d-])1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/gu)) mobiles.add(m[0].replace(/\D/gu, ''));
    for (const m of text.matchAll(/(?<!\d)\d{12,25}(?!\d)/gu)) accounts.add(m[0]);
  }
  return { mobiles: [...mobiles].sort(), accounts: [...accounts].sort() };
}

describe('maskPersonal over the real corpus', () => {
  const { mobiles, accounts } = personalNumbersInSources();

  it('finds the personal numbers the sources print', () => {
    expect(mobiles.length).toBe(98);
    expect(accounts).toEqual(['0200001409014443690']);
  });

  it('leaves none of them in any output collection, and keeps office numbers and e-mails', () => {
    // Unmasked, the outputs do carry them (the check below is not vacuous).
    const raw = JSON.stringify(realCorpus()).replace(/[ -]/gu, '');
    expect(mobiles.filter((m) => raw.includes(m)).length).toBe(mobiles.length);
    expect(raw).toContain(accounts[0]);
    const { result, counts } = maskPersonal(realCorpus());
    const json = JSON.stringify(result);
    const digits = json.replace(/[ -]/gu, '');
    expect(mobiles.filter((m) => digits.includes(m))).toEqual([]);
    expect(accounts.filter((a) => digits.includes(a))).toEqual([]);
    expect(json).toContain('138****8764');
    expect(json).toContain('0200***********3690');
    expect(json).toContain('010-58934617');
    expect(json).toContain('zjbxhpx@126.com');
    expect(counts.bank).toBeGreaterThanOrEqual(1);
    expect(counts.mobile).toBeGreaterThanOrEqual(mobiles.length);
    // Nothing but the numbers changed: same structure, same lengths.
    expect(json.length).toBe(JSON.stringify(realCorpus()).length);
  });
});

describe('the privacy stage, last of the corpus stages', () => {
  it('is declared last', () => {
    expect(CORPUS_STAGES.at(-1)!.name).toBe('privacy');
  });

  it('masks every collection and every message of the run, as maskPersonal masks the unmasked result', () => {
    const masked = ingest(realSources(), realOverrides(), [], { maskPersonal: true });
    const plain = ingest(realSources(), realOverrides(), [], {});
    expect(plain.privacy).toBeNull();
    const { result, counts, distinct } = maskPersonal({ ...plain, privacy: undefined });
    for (const key of ['documents', 'catalog', 'standards', 'works', 'references', 'statuses', 'keywords', 'timeline', 'fees', 'report'] as const) {
      expect(JSON.stringify(masked[key]), key).toBe(JSON.stringify(result[key]));
    }
    // 99 distinct numbers: the 98 mobiles and the one account the sources print.
    expect(masked.privacy).toEqual({ counts, distinct });
    expect(distinct).toBe(99);
    expect(JSON.stringify(masked.report.anomalies)).not.toMatch(/1[3-9]\d{9}/u);
  });
});
