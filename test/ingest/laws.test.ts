/**
 * Stage `laws` in small pieces (scripts/ingest/laws/*): header lines → history, the 施行 of a 附则, which
 * titles name a law, the version a citing date reaches. The real laws through the whole pipeline are in
 * law-versions.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { commencement, enactedBy, historyOfLine, repeals, versionDate } from '../../scripts/ingest/laws/history.ts';
import { lawTitle } from '../../scripts/ingest/laws/names.ts';
import { readLaws, versionOn } from '../../scripts/ingest/laws/works.ts';
import { articleAnchor } from '../../scripts/ingest/references.ts';
import { paragraphDoc } from '../helpers/corpus.ts';

const at = { file: 'x.md', line: 3 };

describe('header lines', () => {
  it('reads one entry a line, stray brackets dropped', () => {
    expect(historyOfLine('2022年4月20日 第十三届全国人民代表大会常务委员会第三十四次会议修订）', at)).toEqual([
      { date: '2022-04-20', action: '修订', text: '2022年4月20日 第十三届全国人民代表大会常务委员会第三十四次会议修订', source: at, anchor: null },
    ]);
    expect(historyOfLine('2009年8月27日 第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》第一次修正', at)![0]).toMatchObject({ date: '2009-08-27', action: '修正' });
  });

  it('reads several entries on one bracketed line (plain text), 根据 and 自 with their entry', () => {
    const got = historyOfLine('（2019年3月1日国务院第四十次常务会议通过　根据2023年6月28日国务院令第七百六十号修订）', at)!;
    expect(got.map((e) => [e.date, e.action, e.text])).toEqual([
      ['2019-03-01', '通过', '2019年3月1日国务院第四十次常务会议通过'],
      ['2023-06-28', '修订', '根据2023年6月28日国务院令第七百六十号修订'],
    ]);
    const order = historyOfLine('（2020年1月2日教育部令第45号公布　自2020年3月1日起施行）', at)!;
    expect(order.map((e) => [e.date, e.action])).toEqual([['2020-01-02', '公布'], ['2020-03-01', '施行']]);
    expect(versionDate(order)).toBe('2020-01-02');
  });

  it('is not a sentence of text that happens to hold a date', () => {
    expect(historyOfLine('1996年9月1日：《中华人民共和国职业教育法》总则第八条规定“实施职业教育应当…”。', at)).toBeNull();
    expect(historyOfLine('第一条 为了…，制定本法。', at)).toBeNull();
  });

  it('dates a version by its latest 通过/修正/修订, else its 公布', () => {
    const h = [...historyOfLine('（1994年7月5日通过　根据2009年8月27日第一次修正　根据2018年12月29日第二次修正）', at)!];
    expect(versionDate(h)).toBe('2018-12-29');
  });
});

describe('the body that made a version (a law text has no signature: its issuer)', () => {
  it('from header lines as the real and fixture laws print them', () => {
    const cases: [string, string | null][] = [
      // /work/shared/fixtures/laws/zhiyejiaoyufa-1996-05-15.md:3, test/fixtures/laws/zhiyejiaoyufa-2022-04-20.md:5 (stray bracket)
      ['1996年5月15日 第八届全国人民代表大会常务委员会第十九次会议通过', '全国人民代表大会常务委员会'],
      ['2022年4月20日 第十三届全国人民代表大会常务委员会第三十四次会议修订）', '全国人民代表大会常务委员会'],
      // /work/shared/fixtures/laws/laodongfa-2018-12-29.md:7: a 修正 by a decision in 《》
      ['2018年12月29日 第十三届全国人民代表大会常务委员会第七次会议《关于修改〈中华人民共和国劳动法〉等七部法律的决定》第二次修正', '全国人民代表大会常务委员会'],
      // test/fixtures/laws/versions: a 部令, a province's 届 after its name, the full 人大
      ['2018年5月1日 人力资源社会保障部令第136号公布', '人力资源社会保障部'],
      ['2021年7月30日 某某省第十三届人民代表大会常务委员会第二十八次会议通过', '某某省人民代表大会常务委员会'],
      ['2025年3月11日 第十四届全国人民代表大会第三次会议通过', '全国人民代表大会'],
      ['本法自2022年5月1日起施行。', null],
    ];
    for (const [line, by] of cases) expect(enactedBy(line), line).toBe(by);
  });
});

describe('施行 and 废止 in the text', () => {
  it('reads 本法自…起施行 with its clause; 自发布之日起 is the 公布 date', () => {
    const law = paragraphDoc('本法自2022年5月1日起施行。');
    expect(commencement(law.clauses, null)).toMatchObject({ date: '2022-05-01', action: '施行', anchor: 'p1', text: '本法自2022年5月1日起施行。' });
    expect(commencement(paragraphDoc('本办法自发布之日起施行。').clauses, '2020-01-02')).toMatchObject({ date: '2020-01-02', action: '施行' });
    expect(commencement(paragraphDoc('本通知自印发之日起执行。').clauses, '2020-01-02')).toBeNull();
  });

  it('reads what a text repeals', () => {
    const r = repeals(paragraphDoc('本条例自2025年1月1日起施行。2001年发布的《职业培训管理办法》同时废止。').clauses);
    expect(r.map((x) => [x.title, x.clause.anchor])).toEqual([['职业培训管理办法', 'p1']]);
  });
});

describe('titles that name a law', () => {
  it('whole texts, 节选, version notes; not a notice that issues a 办法', () => {
    expect(lawTitle('中华人民共和国职业教育法')).toEqual({ name: '中华人民共和国职业教育法', excerpt: false });
    expect(lawTitle('《中华人民共和国职业教育法》节选')).toEqual({ name: '中华人民共和国职业教育法', excerpt: true });
    expect(lawTitle('职业技能等级证书监督管理办法（试行）')).toEqual({ name: '职业技能等级证书监督管理办法（试行）', excerpt: false });
    expect(lawTitle('中华人民共和国劳动法（2018年修正）')).toEqual({ name: '中华人民共和国劳动法', excerpt: false });
    expect(lawTitle('人力资源社会保障部 教育部关于印发《职业技能等级证书监督管理办法（试行）》的通知')).toBeNull();
    expect(lawTitle('印发《职业技能等级证书监督管理办法（试行）》')).toBeNull();
    expect(lawTitle('关于做好首批 1+X 证书制度试点工作的通知')).toBeNull();
  });
});

describe('article paths after a law’s name', () => {
  it('gives the anchor structure/articles.ts gives the clause', () => {
    expect(['总则第八条规定', '第八章第六十九条规定', '第三十四条第一款第（四）项', '第九条第二款', '第十四条', '第十四条第一款', '第三条第一款第（三）项第2目', '规定'].map(articleAnchor)).toEqual([
      'art8', 'art69', 'art34-1-4', 'art9-2', 'art14', 'art14', 'art3-1-3-2', null,
    ]);
  });
});

describe('the version a citing date reaches', () => {
  const work = {
    id: 'w', name: 'X法', current: 'v2', status: '现行有效' as const, asOf: '2026-11-30',
    versions: [
      { document: 'v1', version: '1996-05-15', excerpt: false, status: '已被修订' as const },
      { document: 'v1x', version: '1996-05-15', excerpt: true, status: '已被修订' as const },
      { document: 'v2', version: '2022-04-20', excerpt: false, status: '现行有效' as const },
    ],
  };
  it('the latest version dated on or before it, whole text first; no date: the current', () => {
    const dateOf = () => null;
    expect(versionOn(work, '2019-01-24', dateOf)).toBe('v1');
    expect(versionOn(work, '2022-04-20', dateOf)).toBe('v2');
    expect(versionOn(work, null, dateOf)).toBe('v2');
    expect(versionOn(work, '1990-01-01', dateOf)).toBeNull();
  });
});

describe('works: ids and repeals', () => {
  /** A one-article law document (第一条 …) with id and title. */
  const law = (id: string, title: string, text: string, date = '2020-01-01') => {
    const d = paragraphDoc(text, { id, title, date });
    d.clauses[0] = { ...d.clauses[0]!, label: '第一条', anchor: 'art1' };
    return d;
  };

  it('work ids: initials, -2 for another name with the same initials or a document holding the id', () => {
    const { works } = readLaws({
      documents: [law('zhrmghgslf', '某件通知', '第一条 x。'), law('a', '中华人民共和国示例法', 'x。'), law('b', '中华人民共和国试例法', 'x。')],
      headers: new Map(),
      asOf: '2026-11-30',
    });
    // '某件通知' names no law; its id takes the initials of 示例法 first, so 示例法 is -2 and 试例法 -3.
    expect(works.map((w) => [w.id, w.name])).toEqual([['zhrmghgslf-2', '中华人民共和国示例法'], ['zhrmghgslf-3', '中华人民共和国试例法']]);
  });

  it('repeals only in the 附则 (here: the last two articles), and only another work', () => {
    const docs = [law('old', '某某管理办法', 'x。', '2018-01-01'), law('new', '某某监督管理办法', '本办法自2022年7月1日起施行。《某某管理办法》同时废止。', '2022-05-20')];
    const { versions, works } = readLaws({ documents: docs, headers: new Map(), asOf: '2026-11-30' });
    expect(versions.get('old')).toMatchObject({ status: '已废止', repealedBy: { document: 'new', anchor: 'art1' }, current: null });
    expect(works.find((w) => w.name === '某某管理办法')).toMatchObject({ current: null, status: '已废止' });
    // Not yet in force on the day: the repealed text still is.
    expect(readLaws({ documents: docs, headers: new Map(), asOf: '2022-06-01' }).versions.get('old')).toMatchObject({ status: '现行有效', repealedBy: null });
  });

  it('notes, at the document: a whole text with no 施行, a 节选 older than every held version', () => {
    const docs = [law('a', '某某法', '为了示例，制定本法。', '2020-01-01'), paragraphDoc('2010年1月1日：《某某法》第一条规定…', { id: 'x', title: '《某某法》节选', date: '2010-01-01' })];
    const { notes, versions } = readLaws({ documents: docs, headers: new Map(), asOf: '2026-11-30' });
    expect(notes.map((n) => `${n.place.file}:${n.place.line} ${n.rule}`)).toEqual(['x.txt:1 law-no-commencement', 'x.txt:1 law-version-unknown']);
    expect(versions.get('x')).toMatchObject({ version: null, status: '已被修订', statusNote: '节选；本库所收全文中最早的版本为2020年1月1日版，本节选早于该版本' });
  });
});
