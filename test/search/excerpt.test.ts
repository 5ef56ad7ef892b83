/**
 * tidyExcerpt (src/lib/search/excerpt.ts) on excerpts Pagefind gave for real queries against the built
 * site (copied from `npm run search -- <query> --json`, marks as [..]), and on windows cut from every
 * clause of the real corpus (content/generated/documents.json) the way Pagefind cuts them.
 */
import { describe, expect, it } from 'vitest';
import { walkClauses } from '../../src/lib/citation.ts';
import type { Excerpt } from '../../src/lib/search/engine.ts';
import { tidyExcerpt } from '../../src/lib/search/excerpt.ts';
import type { PolicyDocument } from '../../src/schema/corpus.ts';
import { generated } from '../helpers/site.ts';

/** “a[b]c” → parts with marks (the notation the CLI prints). */
function ex(s: string): Excerpt {
  return s
    .split(/(\[[^\]]*\])/u)
    .filter(Boolean)
    .map((t) => (t.startsWith('[') ? { text: t.slice(1, -1), mark: true } : { text: t, mark: false }));
}
const show = (e: Excerpt) => e.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');
const tidy = (s: string, title?: string) => show(tidyExcerpt(ex(s), { title }));

describe('tidyExcerpt on real Pagefind excerpts', () => {
  it('drops a leading “。” and starts at the clause heading (学分银行 → /docs/jzc-2019-6/)', () => {
    expect(
      tidy(
        '。 （六）探索建立职业教育国家“[学分银行]” 国务院教育行政部门探索建立职业教育“[学分银行]”制度，研制相关规范，建设',
        '教育部等四部门印发《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》的通知',
      ),
    ).toBe('（六）探索建立职业教育国家“[学分银行]” 国务院教育行政部门探索建立职业教育“[学分银行]”制度，研制相关规范，建设…');
  });

  it('separates the metadata fields Pagefind runs together (教职所2019 → /docs/jzs-2019-341/)', () => {
    const out = tidy(
      '公示公告. 文号[教职所]〔[2019]〕341号. 发文机关教育部职业技术教育中心研究所. 成文日期[2019]年12月27',
      '关于参与 1+X 证书制度试点第三批职业教育培训评价组织和职业技能等级证书的公示公告',
    );
    expect(out).toBe('文号：[教职所]〔[2019]〕341号 · 发文机关：教育部职业技术教育中心研究所');
    expect(out).not.toMatch(/文号教职|发文机关教育/u);
  });

  it('keeps whole fields of a certificate page, and drops the one the window cut (物流成本 → /certificates/wlgl/)', () => {
    expect(tidy('[物流]管理职业技能等级证书. 证书名称[物流]管理. 培训评价组织北京中物联[物流]采购培训中心. 试点批次首批；', '物流管理职业技能等级证书')).toBe(
      '证书名称：[物流]管理 · 培训评价组织：北京中物联[物流]采购培训中心 · 试点批次：首批；',
    );
    // Two fields joined by a space after a quote.
    expect(tidy('[Web 前端]开发职业技能等级证书. 证书名称[Web 前端]开发. 其他写法“[Web]” 培训评价组织工业和信息化部教育与考试', 'Web 前端开发职业技能等级证书')).toBe(
      '证书名称：[Web 前端]开发 · 其他写法：“[Web]”',
    );
  });

  it('drops a label whose value the window cut off (职业技能等级证书监督管理办法 → /docs/jzc-2019-6/)', () => {
    expect(
      tidy(
        '等四部门印发《关于在院校实施“学历[证书]+若干[职业技能等级证书]”制度试点方案》的通知. 文号',
        '教育部等四部门印发《关于在院校实施“学历证书+若干职业技能等级证书”制度试点方案》的通知',
      ),
    ).toBe('');
  });

  it('leaves out a field whose value the card already shows', () => {
    const e = ex('公示公告. 文号[教职所]〔[2019]〕341号. 发文机关教育部职业技术教育中心研究所. 成文日期[2019]年12月27');
    // The date the window cut stays (with …): it alone holds a match.
    expect(show(tidyExcerpt(e, { shown: ['教职所〔2019〕341号', '教育部职业技术教育中心研究所'] }))).toBe('成文日期：[2019]年12月27…');
    expect(show(tidyExcerpt(e, { shown: ['教育部职业技术教育中心研究所'] }))).toBe('文号：[教职所]〔[2019]〕341号');
  });

  it('a window inside a long title is the title again (考核成本 → /certificates/wlgl/skills/l2-f1-w3-s2/)', () => {
    expect(
      tidy(
        '中级技能要求位置l2-f1-w3-s2 能判断招标信息的有效性、编制商务条款、核算[成本]并确定报价,并根据',
        '中级 技能要求 位置l2-f1-w3-s2 能判断招标信息的有效性、编制商务条款、核算成本并确定报价,并根据招标文件要求规范编写投标文件',
      ),
    ).toBe('');
  });

  it('an ordinary sentence that starts with a field word is not a field', () => {
    expect(tidy('规范[考核]颁证. （一）完善[考核]评价体系. 培训评价组织应建立模拟[考核]平台，发布[考核]方案，为院校学生参与')).toBe(
      '…规范[考核]颁证 （一）完善[考核]评价体系 培训评价组织应建立模拟[考核]平台，发布[考核]方案，为院校学生参与…',
    );
  });

  it('starts at the next sentence when the cut one holds no match (学分银行 → /docs/jbxz-2023-13/)', () => {
    expect(tidy('工作人员持证上岗的资格证书。通过教育部（职业教育国家[学分银行]）认定，中组部和市场监管总局对持证人')).toBe(
      '通过教育部（职业教育国家[学分银行]）认定，中组部和市场监管总局对持证人…',
    );
  });

  it('ends at the last sentence end when what follows holds no match (考核成本 → /docs/gf-2019-4/#s6-17)', () => {
    expect(tidy('评价机制，积极支持第三方机构开展评估，将[考核]结果作为政策支持、绩效[考核]、表彰奖励的重要依据。完善职业教育督')).toBe(
      '…评价机制，积极支持第三方机构开展评估，将[考核]结果作为政策支持、绩效[考核]、表彰奖励的重要依据。',
    );
  });

  it('a sub-result drops its own heading, which its link shows (考核成本 → /docs/jzcth-2019-19/#s3-2)', () => {
    expect(tidy('）加强证书[考核成本核算]. 培训评价组织要坚持公益性原则，对职业技能等级证书的[考核成本]进行核算。试点期间，', '（二）加强证书考核成本核算')).toBe(
      '培训评价组织要坚持公益性原则，对职业技能等级证书的[考核成本]进行核算。',
    );
  });

  it('keeps the source’s numbering “2.” and drops Pagefind’s block dots (学分银行 → /docs/jzcsh-2020-4/#s1-1-2)', () => {
    expect(tidy('2. [学分银行]信息平台. https://www.ncb.edu.cn.')).toBe('2. [学分银行]信息平台 https://www.ncb.edu.cn');
    expect(tidy('五、经费主要用途. 1. 考试[成本]：培训前专业知识测试、结业考试、证书制作[成本]； 2. 教学[成本]：教学', '五、经费主要用途')).toBe(
      '1. 考试[成本]：培训前专业知识测试、结业考试、证书制作[成本]； 2. 教学[成本]：教学…',
    );
  });

  it('never shows a position code; a skill row that only repeats its title is left out (考核成本 → /certificates/wlgl/skills/l2-f5-w1-s2/)', () => {
    const title = '中级 技能要求 位置l2-f5-w1-s2 能将物流作业成本分析应用于作业流程优化和绩效考核方案';
    expect(tidyExcerpt(ex('中级技能要求位置l2-f5-w1-s2 能将物流作业[成本]分析应用于作业流程优化和绩效[考核]方案.'), { title })).toEqual([]);
    const out = tidy('中级技能要求位置l2-f1-w3-s2 能判断招标信息的有效性、编制商务条款、核算[成本]并确定报价,并根据');
    expect(out).not.toMatch(/位置|l2-f1/u);
    expect(out).toContain('核算[成本]并确定报价');
  });

  it('keeps a space inside a match and the marks as parts', () => {
    expect(tidyExcerpt(ex('职业教育国家[学分银行]信息平台（https://www.ncb.edu.cn），为学生办理[学分]转换手续，并及时将转换结果反馈[学分银行]。'))).toEqual([
      { text: '…职业教育国家', mark: false },
      { text: '学分银行', mark: true },
      { text: '信息平台（https://www.ncb.edu.cn），为学生办理', mark: false },
      { text: '学分', mark: true },
      { text: '转换手续，并及时将转换结果反馈', mark: false },
      { text: '学分银行', mark: true },
      { text: '。', mark: false },
    ]);
  });

  it('cuts a long excerpt at a sentence end within maxLength', () => {
    const long = ex('[考核成本]进行核算。试点期间，考核费用标准由培训评价组织提出。其余内容从略，这里再写一些文字');
    expect(show(tidyExcerpt(long, { maxLength: 30 }))).toBe('…[考核成本]进行核算。试点期间，考核费用标准由培训评价组织提出。');
    expect(show(tidyExcerpt(long, { maxLength: 12 }))).toBe('…[考核成本]进行核算。');
  });
});

describe('tidyExcerpt on windows of every clause of the corpus', () => {
  const documents = generated<PolicyDocument[]>('documents.json');
  const PUNCT = /^[。，、；：！？）》」』】〕”’.,;:!?)\]}·]/u;
  const ENDS = new Set(['。', '；', '！', '？', '.']);

  it('never starts with punctuation, keeps every match, and starts and ends at a sentence boundary or says “…”', () => {
    let windows = 0;
    let cleanStarts = 0;
    const bad: string[] = [];
    for (const doc of documents) {
      for (const { clause } of walkClauses(doc)) {
        const text = clause.text.replace(/\s+/gu, ' ').trim();
        if (text.length < 80) continue;
        for (const start of [5, 31, 57, 83, 109]) {
          // A 60-character window with a two-character match in its middle, as Pagefind cuts one.
          const w = [...text].slice(start, start + 60);
          if (w.length < 60) continue;
          const word = w.slice(28, 30).join('');
          if (/[\s\p{P}]/u.test(word)) continue;
          const excerpt: Excerpt = [
            { text: w.slice(0, 28).join(''), mark: false },
            { text: word, mark: true },
            { text: w.slice(30).join(''), mark: false },
          ];
          windows++;
          const out = tidyExcerpt(excerpt);
          const s = out.map((p) => p.text).join('');
          const plain = s.replace(/^…|…$/gu, '');
          const at = text.indexOf(plain);
          const problems = [
            PUNCT.test(s) && 'starts with punctuation',
            !out.some((p) => p.mark && p.text === word) && 'lost its match',
            at < 0 && 'not a piece of the clause',
            !s.startsWith('…') && at > 0 && !ENDS.has(text[at - 1] === ' ' ? text[at - 2]! : text[at - 1]!) && 'starts inside a sentence without …',
            !s.endsWith('…') && at >= 0 && at + plain.length < text.length && !ENDS.has(plain.at(-1)!) && !ENDS.has(text[at + plain.length]!) && 'ends inside a sentence without …',
          ].filter(Boolean);
          if (!s.startsWith('…')) cleanStarts++;
          if (problems.length) bad.push(`${doc.id}#${clause.anchor} @${start}: ${problems.join(', ')}: ${show(out)}`);
        }
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(windows).toBeGreaterThan(500);
    // Most windows find a sentence start without losing the match.
    expect(cleanStarts).toBeGreaterThan(150);
    console.log(`tidyExcerpt: ${windows} windows of ${documents.length} documents, ${cleanStarts} start at a sentence`);
  });
});
