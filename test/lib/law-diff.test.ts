/**
 * Two versions of a law compared article by article (src/lib/laws/diff.ts): the real 职业教育法 1996
 * (40 articles, /work/shared/fixtures/laws/) against its 2022 revision (69 articles,
 * test/fixtures/laws/), each ingested on its own, and small hand-made versions for the cases the real
 * pair does not show (an article renumbered with its text unchanged).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type VersionDiff, alignArticles, characters, countsText, dice, diffVersions, lawArticles, markChanges, sidesOf, successors, words } from '../../src/lib/laws/diff.ts';
import type { Clause, PolicyDocument } from '../../src/schema/corpus.ts';
import { ROOT, ingestText } from '../helpers/corpus.ts';

const ZYJYF_1996 = '/work/shared/fixtures/laws/zhiyejiaoyufa-1996-05-15.md';
const ZYJYF_2022 = join(ROOT, 'test', 'fixtures', 'laws', 'zhiyejiaoyufa-2022-04-20.md');

function lawDoc(path: string): PolicyDocument {
  const docs = ingestText({ [path.split('/').pop()!]: readFileSync(path, 'utf8') }).documents;
  expect(docs).toHaveLength(1);
  return docs[0]!;
}

const v1996 = lawDoc(ZYJYF_1996);
const v2022 = lawDoc(ZYJYF_2022);
const real = diffVersions(v1996, v2022);
const pairOf = (older: string) => real.changes.find((c) => c.older?.anchor === older)!;

/** Marked runs (deleted or inserted) that begin or end inside a word of their own side, as words() cuts it. */
function cutWords(d: VersionDiff): number {
  let n = 0;
  for (const c of d.changes) {
    for (const side of ['older', 'newer'] as const) {
      const text = c[side]?.text;
      if (!text || c.parts.length === 0) continue;
      const bounds = new Set([0]);
      let at = 0;
      for (const w of words(text)) bounds.add((at += w.length));
      let pos = 0;
      for (const p of c.parts) {
        if (p.kind === (side === 'older' ? 'ins' : 'del')) continue;
        const end = pos + p.text.length;
        if (p.kind !== 'same' && (!bounds.has(pos) || !bounds.has(end))) n++;
        pos = end;
      }
    }
  }
  return n;
}

describe('articles of a version', () => {
  it('reads every 第X条 under the chapters: 40 in 1996, 69 in 2022', () => {
    expect(lawArticles(v1996).map((a) => a.number)).toEqual(Array.from({ length: 40 }, (_, k) => k + 1));
    expect(lawArticles(v2022)).toHaveLength(69);
  });

  it('gives an article its 款 and 项 in order, one a line, 项 with their labels', () => {
    const art24 = lawArticles(v1996).find((a) => a.anchor === 'art24')!;
    expect(art24.label).toBe('第二十四条');
    const lines = art24.text.split('\n');
    expect(lines[0]).toBe('职业学校的设立，必须符合下列基本条件：');
    expect(lines[1]).toBe('（一）有组织机构和章程；');
    expect(lines[5]).toBe('职业培训机构的设立，必须符合下列基本条件：');
    expect(lines.at(-1)).toBe('职业学校和职业培训机构的设立、变更和终止，应当按照国家有关规定执行。');
    expect(lines).toHaveLength(11);
  });
});

describe('职业教育法 1996 → 2022', () => {
  it('counts 1 unchanged, 26 changed, 13 removed, 42 added, none renumbered with the same text', () => {
    expect(real.counts).toEqual({ unchanged: 1, renumbered: 0, changed: 26, added: 42, removed: 13 });
    // As the pages print them: every kind (the diff page), or those that occur (the work page's list of diffs).
    expect(countsText(real.counts)).toBe('新增 42 条，删除 13 条，修改 26 条，条号变动 0 条，未变 1 条');
    expect(countsText(real.counts, true)).toBe('新增 42 条，删除 13 条，修改 26 条，未变 1 条');
    // Every article of both versions is accounted for once.
    expect(real.changes.filter((c) => c.older).length).toBe(40);
    expect(real.changes.filter((c) => c.newer).length).toBe(69);
  });

  it('keeps both orders (a monotone alignment)', () => {
    const pairs = real.changes.filter((c) => c.older && c.newer);
    for (let k = 1; k < pairs.length; k++) {
      expect(pairs[k]!.older!.number).toBeGreaterThan(pairs[k - 1]!.older!.number);
      expect(pairs[k]!.newer!.number).toBeGreaterThan(pairs[k - 1]!.newer!.number);
    }
  });

  it('finds 1996 第八条 (职业分类和职业等级标准…证书制度) as 2022 第十一条, the new certificates marked as inserted', () => {
    // 2022 第十一条: “实施职业教育应当根据经济社会发展需要，结合职业分类、职业标准、职业发展需求，…实行学历证书及其他学业证书、
    // 培训证书、职业资格证书和职业技能等级证书制度。” and the same second 款 (read in both fixtures).
    const c = pairOf('art8');
    expect(c.kind).toBe('changed');
    expect(c.newer!.anchor).toBe('art11');
    expect(c.parts).toContainEqual({ kind: 'ins', text: '和职业技能等级证书' });
    expect(c.parts).toContainEqual({ kind: 'ins', text: '及其他学业证书' });
    expect(c.parts).toContainEqual({ kind: 'del', text: '相适应' });
    // The marks rebuild both texts exactly.
    expect(sidesOf(c.parts)).toEqual({ older: c.older!.text, newer: c.newer!.text });
    // The second 款 is kept whole.
    expect(c.parts.at(-1)).toEqual({ kind: 'same', text: '制度。\n国家实行劳动者在就业前或者上岗前接受必要的职业教育的制度。' });
  });

  it('pairs the numbers that shift: 第五条 unchanged, 第六条 → 第七条, 第二十五条 (学历证书) → 第五十一条, 第四十条 (施行) → 第六十九条', () => {
    expect(pairOf('art5')).toMatchObject({ kind: 'unchanged', newer: { anchor: 'art5' } });
    expect(pairOf('art6').newer!.anchor).toBe('art7');
    expect(pairOf('art25').newer!.anchor).toBe('art51');
    expect(pairOf('art40').newer!.anchor).toBe('art69');
    // 第二十四条 (职业学校 and 职业培训机构 set up) was split in two; it pairs with the nearer text, 第三十四条 (职业培训机构),
    // and 第三十三条 (职业学校) counts as added.
    expect(pairOf('art24').newer!.anchor).toBe('art34');
  });

  it('finds no successor for a repealed article: 第九条 (科学研究) and 第十一条 (国务院教育行政部门负责…) are removed', () => {
    expect(pairOf('art9').kind).toBe('removed');
    expect(pairOf('art11').kind).toBe('removed');
    const next = successors(real);
    expect(next.get('art8')!.label).toBe('第十一条');
    expect(next.has('art9')).toBe(false);
    expect(next.size).toBe(27);
  });

  it('reads better word by word than character by character: no mark cuts a word (27 do by characters), in as many runs (268 against 265)', () => {
    const byChar = diffVersions(v1996, v2022, characters);
    const runs = (d: VersionDiff) => d.changes.flatMap((c) => c.parts).filter((p) => p.kind !== 'same').length;
    expect([runs(real), cutWords(real)]).toEqual([268, 0]);
    expect([runs(byChar), cutWords(byChar)]).toEqual([265, 27]);
    // Same alignment either way: only the marks differ.
    expect(byChar.counts).toEqual(real.counts);
  });
});

/** A hand-made version: articles art1… with the given texts (a text with \n has its later lines as 款). */
function version(texts: string[]): Pick<PolicyDocument, 'clauses'> {
  const source = { file: 'x.md', line: 1 };
  const position = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };
  const clause = (anchor: string, label: string | null, text: string, children: Clause[] = []): Clause => ({
    anchor, kind: children.length ? 'section' : 'paragraph', label, heading: null, text, source, position, lineStarts: [[0, 1, 1]], children,
  });
  const chapter = clause('ch1', '第一章', '', texts.map((t, k) => {
    const [first, ...rest] = t.split('\n');
    return clause(`art${k + 1}`, `第${k + 1}条`, first!, rest.map((r, m) => clause(`art${k + 1}-${m + 2}`, null, r)));
  }));
  return { clauses: [{ ...chapter, kind: 'section', heading: '总则' }] };
}

describe('hand-made versions', () => {
  const A = '职业技能等级证书由培训评价组织颁发。';
  const B = '培训评价组织应当公开考核标准和收费标准。\n收费标准报省级价格主管部门备案。';
  const C = '本法自公布之日起施行。';
  const NEW = '国家建立学分银行，推动学习成果认定、积累和转换。';

  it('marks an inserted article added and the ones after it renumbered, their text unchanged', () => {
    const d = diffVersions(version([A, B, C]), version([A, NEW, B, C]));
    expect(d.changes.map((c) => [c.kind, c.older?.anchor ?? null, c.newer?.anchor ?? null])).toEqual([
      ['unchanged', 'art1', 'art1'],
      ['added', null, 'art2'],
      ['renumbered', 'art2', 'art3'],
      ['renumbered', 'art3', 'art4'],
    ]);
    expect(d.counts).toEqual({ unchanged: 1, renumbered: 2, changed: 0, added: 1, removed: 0 });
  });

  it('counts a 款 line break as no change, and a deleted article as removed', () => {
    const d = diffVersions(version([A, B, C]), version([A, B.replace('\n', ''), C]));
    expect(d.counts).toEqual({ unchanged: 3, renumbered: 0, changed: 0, added: 0, removed: 0 });
    expect(diffVersions(version([A, B, C]), version([A, C])).counts).toEqual({ unchanged: 1, renumbered: 1, changed: 0, added: 0, removed: 1 });
  });

  it('never pairs across the order, even when a moved article matches better', () => {
    // C moved before A: one of the two can pair, not both.
    const pairs = alignArticles(lawArticles(version([A, B, C])), lawArticles(version([C, A, B])));
    expect(pairs.map(([i, j]) => [i, j])).toEqual([[0, 1], [1, 2]]);
  });

  it('marks a replaced word as deleted then inserted', () => {
    expect(markChanges('国家鼓励并组织职业教育的科学研究。', '国家支持职业教育的科学研究。')).toEqual([
      { kind: 'same', text: '国家' },
      { kind: 'del', text: '鼓励并组织' },
      { kind: 'ins', text: '支持' },
      { kind: 'same', text: '职业教育的科学研究。' },
    ]);
    expect(words('职业技能等级证书')).not.toEqual(characters('职业技能等级证书'));
    expect(words('本法自2019年9月1日起施行。')).toContain('2019年9月1日');
    // A one-character island between two changes joins them; punctuation does not.
    expect(markChanges('甲方应当于三日内通知乙方', '甲方可以于五日内通知乙方')).toEqual([
      { kind: 'same', text: '甲方' },
      { kind: 'del', text: '应当于三日内' },
      { kind: 'ins', text: '可以于五日内' },
      { kind: 'same', text: '通知乙方' },
    ]);
  });

  it('scores similarity by character bigrams (Dice)', () => {
    expect(dice(A, A)).toBe(1);
    expect(dice('甲乙丙', '丁戊己')).toBe(0);
    // 甲乙 乙丙 against 甲乙 乙丁: one of two bigrams shared.
    expect(dice('甲乙丙', '甲乙丁')).toBe(0.5);
  });
});

/**
 * The blind gold (test/fixtures/laws/versions/gold.json "diff", written by hand from the texts without reading
 * the engine, README there): 职业技能评价示例法 v1 (2019) → v2 (2023), 16 entries. An entry is right when both
 * numbers and the kind agree (gold `unchanged` + `renumbered` is our `renumbered`); for a changed article the
 * words the gold names as removed/added must stand inside our <del>/<ins> runs.
 */
describe('blind gold: 职业技能评价示例法 2019 → 2023', () => {
  const VERSIONS = join(ROOT, 'test', 'fixtures', 'laws', 'versions');
  interface GoldEntry { old: number | null; new: number | null; change: 'unchanged' | 'changed' | 'added' | 'removed'; renumbered?: boolean; removedWords?: string[]; addedWords?: string[] }
  const gold = JSON.parse(readFileSync(join(VERSIONS, 'gold.json'), 'utf8')) as { diff: { from: string; to: string; alsoTo: string; articles: GoldEntry[] } };
  const expectedKind = (g: GoldEntry) => (g.change === 'unchanged' ? (g.renumbered ? 'renumbered' : 'unchanged') : g.change);

  function agreement(to: string, unit = words) {
    const d = diffVersions(lawDoc(join(VERSIONS, gold.diff.from)), lawDoc(join(VERSIONS, to)), unit);
    const right = gold.diff.articles.filter((g) => {
      const c = d.changes.find((x) => (x.older?.number ?? null) === g.old && (x.newer?.number ?? null) === g.new);
      if (!c || c.kind !== expectedKind(g)) return false;
      const del = c.parts.filter((p) => p.kind === 'del').map((p) => p.text).join('|');
      const ins = c.parts.filter((p) => p.kind === 'ins').map((p) => p.text).join('|');
      return (g.removedWords ?? []).every((w) => del.includes(w)) && (g.addedWords ?? []).every((w) => ins.includes(w));
    });
    return { right: right.length, total: gold.diff.articles.length, entries: d.changes.length };
  }

  it('agrees on 16 of 16 entries (Markdown v2), every article once', () => {
    expect(agreement(gold.diff.to)).toEqual({ right: 16, total: 16, entries: 16 });
  });

  it('by characters, misses the date 2019年9月1日 → 2024年1月1日 (marked 19年9 → 24年1): 15 of 16', () => {
    expect(agreement(gold.diff.to, characters)).toEqual({ right: 15, total: 16, entries: 16 });
  });

  it('agrees on 16 of 16 entries against v2 copied as plain text (pingjiafa-2023.txt)', () => {
    expect(agreement(gold.diff.alsoTo)).toEqual({ right: 16, total: 16, entries: 16 });
  });
});
