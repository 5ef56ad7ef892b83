/** The shared text normalisers (src/lib/text/normalize.ts): each on the printed forms it exists for. */
import { describe, expect, it } from 'vitest';
import { certificateKey, organizationKey, removeExtractionSpaces, removeLetterSpacing, tidyName, removeAllWhitespace } from '../../../src/lib/text/normalize.ts';

describe('removeExtractionSpaces', () => {
  it('removes spaces between Chinese characters and around punctuation', () => {
    expect(removeExtractionSpaces('关于 做好 职业 技能等级 证书 试点 工作 的 通知')).toBe('关于做好职业技能等级证书试点工作的通知');
    expect(removeExtractionSpaces('  前沿 发展\u3000与创 新认 知 ， 及 “1+X” ')).toBe('前沿发展与创新认知，及“1+X”');
  });
  it('keeps the space between two issuers, and between Chinese and Latin', () => {
    expect(removeExtractionSpaces('人力资源社会保障部 教育部关于印发…的通知')).toBe('人力资源社会保障部 教育部关于印发…的通知');
    expect(removeExtractionSpaces('Web 前端开发')).toBe('Web 前端开发');
  });
});

describe('removeLetterSpacing', () => {
  it('joins letter-spaced print, keeps a space between words', () => {
    expect(removeLetterSpacing('联 系 人 ： 姬 岳 江')).toBe('联系人：姬岳江');
    expect(removeLetterSpacing('联系人 张三')).toBe('联系人 张三');
    expect(removeLetterSpacing('Web 前端 开发')).toBe('Web 前端 开发');
  });
  it('keeps the blanks a form leaves for a date to be filled in (004:309 “2020 年 月 日”)', () => {
    expect(removeLetterSpacing('时间: 2020 年 月 日')).toBe('时间: 2020 年 月 日');
    expect(removeLetterSpacing('2019 年 4 月 23 日')).toBe('2019 年 4 月 23 日');
  });
});

describe('tidyName', () => {
  it('full-width brackets, no spaces inside them or between Chinese characters', () => {
    expect(tidyName('建筑信息模型 ( BIM )')).toBe('建筑信息模型（BIM）');
    expect(tidyName('中船舰客教育科技 (北京) 有限 公司')).toBe('中船舰客教育科技（北京）有限公司');
    expect(tidyName('Web 前端开发')).toBe('Web 前端开发');
  });
});

describe('certificateKey and organizationKey', () => {
  it('certificateKey folds width and case, drops spaces and brackets', () => {
    expect(certificateKey('建筑信息模型（ＢＩＭ）')).toBe('建筑信息模型bim');
    expect(certificateKey('Web 前端开发')).toBe(certificateKey('ＷＥＢ前端开发'));
    expect(certificateKey('【物流管理】')).toBe('物流管理');
  });
  it('organizationKey keeps brackets (unified): they carry a place name', () => {
    expect(organizationKey('中船舰客教育科技 (北京) 有限公司')).toBe('中船舰客教育科技（北京）有限公司');
    expect(organizationKey('中船舰客教育科技（北京）有限公司')).not.toBe(organizationKey('中船舰客教育科技北京有限公司'));
    expect(organizationKey('ABC 公司')).toBe('abc公司');
  });
});

describe('removeAllWhitespace', () => {
  it('takes out every space, tab and line break (a cell copied from a PDF compared whatever its spacing)', () => {
    expect(removeAllWhitespace('能 够 理 解\n1.2Java 面 向\t对象')).toBe('能够理解1.2Java面向对象');
  });
});
