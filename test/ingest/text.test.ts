import { describe, expect, it } from 'vitest';
import { dateLine, findDate } from '../../src/lib/text/dates.ts';
import { docNumberLine, findDocNumbers, idFromDocNumber, parseDocNumber, trailingDocNumber } from '../../src/lib/text/docnumber.ts';
import { readLabels } from '../../scripts/ingest/text/labels.ts';
import { enclosedTitleOf, kindOfTitle } from '../../src/lib/text/titles.ts';
import { removeExtractionSpaces } from '../../src/lib/text/normalize.ts';

describe('文号', () => {
  it.each([
    ['教职成〔2019〕6号', '教职成〔2019〕6号'],
    ['教职成司函[2019]36号', '教职成司函〔2019〕36号'],
    ['教职成司函［2019］36 号', '教职成司函〔2019〕36号'],
    ['教职成司函(2019)36号', '教职成司函〔2019〕36号'],
    ['教职所 〔 2019 〕 137 号', '教职所〔2019〕137号'],
    ['国办发【2019】24号', '国办发〔2019〕24号'],
  ])('%s normalises to %s', (input, want) => {
    expect(parseDocNumber(input)?.text).toBe(want);
  });

  it('gives ids from the 机关代字 initials, year and number', () => {
    expect(idFromDocNumber(parseDocNumber('教职成〔2019〕6号')!)).toBe('jzc-2019-6');
    expect(idFromDocNumber(parseDocNumber('教职成司函〔2019〕36号')!)).toBe('jzcsh-2019-36');
    expect(idFromDocNumber(parseDocNumber('人社部发〔2019〕34号')!)).toBe('rsbf-2019-34');
    expect(idFromDocNumber(parseDocNumber('鲁教职处函〔2020〕10号')!)).toBe('ljzch-2020-10');
  });

  it('tells a 文号 line from a sentence that cites one', () => {
    expect(docNumberLine('（教职成〔2019〕36号）')?.serial).toBe(36);
    expect(docNumberLine('(教职所〔2019〕67号)')?.agency).toBe('教职所');
    expect(docNumberLine('请按《通知》（教职成〔2019〕6号）执行。')).toBeNull();
    expect(findDocNumbers('见（教职成〔2019〕6号）、“国发［2019］4号”').map((n) => n.text)).toEqual(['教职成〔2019〕6号', '国发〔2019〕4号']);
    expect(trailingDocNumber('《国务院关于印发国家职业教育改革实施方案的通知》 (国发〔2019〕4号)')?.number.text).toBe('国发〔2019〕4号');
  });
});

describe('dates', () => {
  it('reads Arabic and Chinese numerals, with extraction spaces', () => {
    expect(dateLine('2019年4月4日')).toBe('2019-04-04');
    expect(dateLine('  2019 年 4 月 23日 ')).toBe('2019-04-23');
    expect(dateLine('二○二三年六月六日')).toBe('2023-06-06');
    expect(dateLine('二〇一九年十二月二十七日')).toBe('2019-12-27');
    expect(dateLine('公示期:2019年3月26日至3月31日')).toBeNull();
    expect(findDate('公示期:2019年3月26日至3月31日')?.iso).toBe('2019-03-26');
    expect(dateLine('2019年13月4日')).toBeNull();
  });
});

describe('labels', () => {
  const first = (t: string) => readLabels(t)[0];
  it('reads the printed number and what follows', () => {
    expect(first('二、试点内容')).toMatchObject({ style: 'cn-dun', value: 2, printed: '二、', rest: '试点内容' });
    expect(first('（五）严格职业技能等级考核与证书发放')).toMatchObject({ style: 'cn-paren', value: 5, printed: '（五）' });
    expect(first('(三)学习及评价费用')).toMatchObject({ style: 'cn-paren', value: 3 });
    expect(first('（十六）健全经费投入机制。')).toMatchObject({ value: 16 });
    expect(first('3.拟参与试点的专业')).toMatchObject({ style: 'ar-dot', value: 3 });
    expect(first('(1) GB/T 8567-2006')).toMatchObject({ style: 'ar-paren', value: 1 });
    expect(first('① 核心课程')).toMatchObject({ style: 'circled', value: 1 });
    expect(first('第十一条 国家…')).toMatchObject({ style: 'article', value: 11, printed: '第十一条' });
    expect(first('第二章 职业教育体系')).toMatchObject({ style: 'chapter', value: 2 });
    expect(first('第二编　物权')).toMatchObject({ style: 'part', value: 2, printed: '第二编', rest: '物权' });
    expect(first('1.7.1 培训课时')).toMatchObject({ style: 'dotted3', path: [1, 7, 1] });
  });
  it('does not take a quantity for a number', () => {
    expect(readLabels('3 年以上企业工作经历')).toEqual([]);
    expect(readLabels('2019年开始')).toEqual([]);
    expect(readLabels('4.5 万元').some((l) => l.style === 'dotted2')).toBe(false);
  });
  it('offers both readings of “4.5 月，…” so the tree can continue item 3.', () => {
    expect(readLabels('4.5 月，各省（市、区）教育行政部门').map((l) => l.style)).toContain('ar-dot');
  });
});

describe('titles', () => {
  it('squeezes extraction spaces but keeps the space between two issuers', () => {
    expect(removeExtractionSpaces('关于做好第三批 1+X 证书制度试点 申报工作的通知')).toBe('关于做好第三批 1+X 证书制度试点申报工作的通知');
    expect(removeExtractionSpaces('人力资源社会保障部 教育部关于印发')).toBe('人力资源社会保障部 教育部关于印发');
  });
  it('knows the 文种 and what a 印发 notice carries', () => {
    expect(kindOfTitle('关于推进 1+X 证书制度试点工作的指导意见')).toBe('意见');
    expect(kindOfTitle('《中华人民共和国职业教育法》节选')).toBe('法律');
    expect(kindOfTitle('教育部等四部门印发《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》')).toBe('通知');
    expect(enclosedTitleOf('国务院关于印发国家职业教育改革实施方案的通知')).toBe('国家职业教育改革实施方案');
  });
});
