import { describe, expect, it } from 'vitest';
import { matchesName, nameKey, nameKeys } from '../../src/lib/name-filter.ts';

describe('name filter keys', () => {
  it('drops spaces, lower-cases Latin letters and folds full-width ones', () => {
    expect(nameKey('Web 前端开发')).toBe('web前端开发');
    // Full-width brackets are full-width ASCII too: （ＢＩＭ） and (BIM) give the same key.
    expect(nameKey('建筑信息模型（ＢＩＭ）')).toBe('建筑信息模型(bim)');
    expect(nameKey('建筑信息模型(BIM)')).toBe(nameKey('建筑信息模型（BIM）'));
    expect(nameKeys(['Web 前端开发', 'Web 前端开发职业技能等级证书', 'Web'])).toBe('web前端开发|web前端开发职业技能等级证书|web');
  });

  it('matches any part of one name, never across two', () => {
    const keys = nameKeys(['物流管理', '物流管理职业技能等级证书']);
    expect(matchesName(keys, '物流')).toBe(true);
    expect(matchesName(keys, '物流 管理')).toBe(true);
    expect(matchesName(keys, '  ')).toBe(true);
    expect(matchesName(keys, '管理物流')).toBe(false);
    expect(matchesName(keys, '管理|物流')).toBe(false);
    expect(matchesName(nameKeys(['Web 前端开发']), 'WEB')).toBe(true);
  });
});
