/**
 * Stage `elements` on the real sources: title, 主送 and 附件说明 (issue 12's per-document
 * corrections). Runs only the per-source stages.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readElements } from '../../scripts/ingest/elements.ts';
import { draft, messages, source } from '../helpers/stages.ts';

/** readElements over inline lines (numbered from 1). */
function elementsOf(...texts: string[]) {
  return readElements(new VFile({ path: 'x.txt' }), { lines: texts.map((text, k) => ({ n: k + 1, text })), tocTitle: null });
}

describe('主送', () => {
  it('takes no addressees from 314’s first paragraph, a sentence ending in a colon', () => {
    expect(draft('001', '教职所〔2019〕314号').elements.addressees).toEqual([]);
    expect(draft('001', '教职所〔2019〕314号').elements.addresseeLines).toEqual([]);
  });

  it('tells recipients from a sentence that ends in a colon (inline)', () => {
    expect(elementsOf('关于开展试点工作的通知', '各“1+X”证书制度试点院校，有关单位：', '现将有关事项通知如下。').addressees).toEqual(['各“1+X”证书制度试点院校', '有关单位']);
    const s = elementsOf('关于开展试点工作的通知', '为做好试点工作，根据《关于某事的通知》，现将有关事项说明如下：', '一、总体要求');
    expect(s.addressees).toEqual([]);
    expect(s.body.map((l) => l.n)).toEqual([2, 3]);
  });

  it('still reads the 主送 lines that name recipients', () => {
    expect(draft('001', '教职成〔2019〕6号').elements.addressees).toEqual([
      '各省、自治区、直辖市教育厅（教委）、发展改革委、财政厅（局）、市场监管局',
      '新疆生产建设兵团教育局、发展改革委、财政局、市场监管局',
      '有关单位',
    ]);
    expect(draft('004', '鲁教职处函〔2020〕10号').elements.addressees).toEqual(['各市教育局职教科（处）', '各高职院校教务处']);
  });
});

describe('标题', () => {
  it('completes 6号’s heading (001:810, printed without 的通知) from its quotation with the 文号 at 001:1381', () => {
    const el = draft('001', '教职成〔2019〕6号').elements;
    expect(el.title).toBe('教育部等四部门印发《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》的通知');
    expect(el.titleLines.map((l) => l.n)).toEqual([810]);
    expect(el.enclosure?.title).toBe('关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案');
    expect(messages('001', 'incomplete-title')).toEqual([810]);
  });

  it('leaves whole titles alone', () => {
    expect(draft('001', '国发〔2019〕4号').elements.title).toBe('国务院关于印发国家职业教育改革实施方案的通知');
    expect(source('001').drafts.filter((d) => d.elements.title.endsWith('的通知')).length).toBeGreaterThan(8);
  });
});

describe('附件', () => {
  it('drops the .doc suffix of 36号’s attachment titles (002:247–249) and says so', () => {
    const el = draft('002', '教职成司函〔2019〕36号').elements;
    expect(el.attachmentNote).toEqual([
      { label: '1', title: '有关培训评价组织联系人信息表' },
      { label: '2', title: '首批 1+X证书制度试点院校情况汇总表' },
    ]);
    expect(messages('002', 'attachment-file-suffix')).toEqual([247, 249]);
  });
});

describe('成文日期', () => {
  it('dates a document without a date line by its opening lines only (a law excerpt’s adoption line)', () => {
    // A law excerpt is dated by the adoption line under its title …
    const law = elementsOf('中华人民共和国职业教育法（节选）', '（1996年5月15日第八届全国人民代表大会常务委员会第十九次会议通过）', '第八条 实施职业教育应当根据实际需要。');
    expect(law.date).toBe('1996-05-15');
    // … while a standard's glossary history deep in its text (the Web standard's CSS3 entry, 001:550) dates nothing.
    const standard = elementsOf('Web 前端开发职业技能等级标准', '1 范围', '本标准规定了 Web 前端开发职业技能等级。', '2 规范性引用文件', '下列文件对于本标准的应用是必不可少的。', '3 术语和定义', '7.CSS3：是 CSS（层叠样式表）技术的升级版本，于 1999 年开始制订，2001 年 5 月 23 日');
    expect(standard.date).toBeNull();
  });
});
