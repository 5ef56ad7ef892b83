/**
 * Query understanding (src/lib/search/query.ts) over the vocabulary built from the real corpus
 * and the reviewed table content/search/synonyms.yaml (scripts/search/vocabulary.ts).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { buildVocabulary, parseSynonymTable, readSynonymTable, TABLE_PATH } from '../../scripts/search/vocabulary.ts';
import { indexerVersion } from '../../scripts/search/build-index.ts';
import { canonicalAdditions, canonicalText, canonicalWord, decodeGaps, encodeGaps, planQuery, spellWords, type Vocab, vocabNeeds, VOCAB_FILES } from '../../src/lib/search/query.ts';
import type { Clause } from '../../src/schema/corpus.ts';
import { rawLines, realCorpus } from '../helpers/corpus.ts';
import { buildDictionary, cut, loadJieba } from '../../scripts/ingest/segment.ts';

const corpus = realCorpus();
const sources = { documents: corpus.documents, certificates: corpus.catalog.certificates, organizations: corpus.catalog.organizations, standards: corpus.standards.standards };
// As the index step builds it: nodejieba with the dictionary, so the corpus's own words are terms too.
loadJieba(buildDictionary(sources));
const built = buildVocabulary(sources, readSynonymTable(), cut);
/** What the browser holds after loading every part (through JSON, as it would). */
const vocab: Vocab = JSON.parse(JSON.stringify({ core: built.core, t2s: built.t2s, terms: built.terms, pinyin: built.pinyin }));
const coreOnly: Vocab = { core: vocab.core };

/** Every clause as `doc#anchor` → its heading and text, raw and canonical. */
const clauses: { at: string; doc: string; raw: string; canon: string }[] = [];
const walk = (doc: string, list: Clause[]) => {
  for (const c of list) {
    const raw = `${c.heading ?? ''} ${c.text}`;
    clauses.push({ at: `${doc}#${c.anchor}`, doc, raw, canon: canonicalText(raw, vocab.core) });
    walk(doc, c.children);
  }
};
for (const d of corpus.documents) walk(d.id, d.clauses);
/** Clauses (or documents) whose canonical text holds every word. */
const holding = (words: string[]) => clauses.filter((c) => words.every((w) => c.canon.includes(w)));
const docsHolding = (words: string[]) => {
  const byDoc = new Map<string, string>();
  for (const c of clauses) byDoc.set(c.doc, (byDoc.get(c.doc) ?? '') + '\n' + c.canon);
  return [...byDoc].filter(([, t]) => words.every((w) => t.includes(w))).map(([d]) => d);
};

describe('questions in plain words', () => {
  it('the words a question adds are on no page', () => {
    for (const w of ['多少', '哪些', '能不能', '会被', '不合格']) expect(clauses.filter((c) => c.raw.includes(w)).map((c) => c.at), w).toEqual([]);
  });

  it('考核收费标准是多少: 是 and 多少 dropped, 收费 → 费用; the clause 「确定考核费用标准」 holds the rest', () => {
    const p = planQuery('考核收费标准是多少', coreOnly);
    expect(p.content).toEqual(['考核', '费用', '标准']);
    expect(p.words.filter((w) => w.drop).map((w) => [w.text, w.drop])).toEqual([['是', 2], ['多少', 1]]);
    expect(p.search).toBe('考核费用标准');
    expect(p.dropped).toEqual([{ word: '多少', level: 1 }, { word: '是', level: 2 }]);
    expect(p.text).toBe('考核费用标准是多少');
    expect(holding(p.content).filter((c) => c.doc === 'jzcth-2019-19').length).toBeGreaterThan(0);
  });

  it('标准编审培训费多少钱 → 标准编审培训费费用 (多少钱 asks for a 费用; its clause: 「培训费：1800元/人」)', () => {
    const p = planQuery('标准编审培训费多少钱', coreOnly);
    expect(p.content).toEqual(['标准', '编审', '培训', '费', '费用']);
    expect(p.search).toBe('标准编审培训费费用');
    expect(holding(['标准', '编审', '培训', '费']).map((c) => c.at)).toEqual(['jbxz-2023-13#s5-4-p6']);
  });

  it('证书考试不合格能不能补考: 能不能 dropped, 不合格 → 未能通过 (「若考试未能通过，有1次免费补考机会」)', () => {
    const p = planQuery('证书考试不合格能不能补考', coreOnly);
    expect(p.content).toEqual(['证书', '考试', '未能通过', '补考']);
    expect(p.synonyms).toEqual([{ from: '不合格', to: '未能通过' }]);
    expect(p.search).toBe('证书考试未能通过补考');
    expect(docsHolding(p.content)).toEqual(['jbxz-2023-13']);
    expect(holding(['考试', '未能通过', '补考']).map((c) => c.doc)).toContain('jbxz-2023-13');
  });

  it('培训评价组织有哪些情形会被取消试点资格 → the clause 「（四）建立退出机制」', () => {
    const p = planQuery('培训评价组织有哪些情形会被取消试点资格', coreOnly);
    expect(p.words.filter((w) => w.drop).map((w) => [w.text, w.drop])).toEqual([['有', 2], ['哪些', 1], ['会被', 1]]);
    expect(p.search).toBe('培训评价组织情形取消试点资格');
    expect(p.dropped.map((d) => d.word)).toEqual(['哪些', '会被', '有']);
    expect(holding(p.content).map((c) => c.at)).toEqual(['jzcth-2019-19#s5-4-p1']);
  });

  it('老师培训要交多少钱 → 教师培训费用 (老师 → 教师, 多少钱 → 费用; 要, 交 dropped)', () => {
    const p = planQuery('老师培训要交多少钱', coreOnly);
    expect(p.content).toEqual(['教师', '培训', '费用']);
    expect(p.search).toBe('教师培训费用');
    expect(holding(['教师', '培训', '费用', '标准']).map((c) => c.doc)).toContain('jzs-2019-137');
  });

  it('a query with nothing to drop or map is searched as folded (文号, codes, names)', () => {
    for (const q of ['教职成[2019]6号', '人社部发(2019)34号 二（五）', '2-3-4-S5', '１＋Ｘ证书', 'Web 前端开发', '学分银行']) {
      const p = planQuery(q, coreOnly);
      expect(p.search, q).toBe(p.folded);
      expect(p.dropped, q).toEqual([]);
    }
  });

  it('a one-character function word is dropped only where it stands alone', () => {
    expect(planQuery('考核要求', coreOnly).content).toEqual(['考核', '要求']);
    expect(planQuery('试点的目的', coreOnly)).toMatchObject({ content: ['试', '点', '目的'], search: '试点目的' }); // ICU splits 试点; segmentQuery would too;
  });

  it('the search text is never empty: a query of droppable words only is kept whole', () => {
    expect(planQuery('多少', coreOnly)).toMatchObject({ search: '多少', dropped: [] });
  });
});

describe('synonyms and aliases', () => {
  it('maps each variant to one canonical word, both ways, on queries and page text alike', () => {
    const pairs: [string, string][] = [['收费', '费用'], ['老师', '教师'], ['师资', '教师'], ['目录', '名单'], ['考证', '考核'], ['不合格', '未能通过'], ['未通过', '未能通过']];
    for (const [variant, canonical] of pairs) {
      expect(canonicalWord(variant, vocab.core)).toBe(canonical);
      expect(canonicalWord(canonical, vocab.core)).toBe(canonical);
    }
    // The source line 「教师培训收费标准」 and the query 老师培训费用标准 meet on one text.
    expect(canonicalText('教师培训收费标准', vocab.core)).toBe(canonicalText('老师培训费用标准', vocab.core));
    expect(canonicalText('师资培训', vocab.core)).toBe('教师培训');
    // The index side adds the canonical word instead of rewriting a quotation.
    expect(canonicalAdditions('1.教师培训收费标准：拟定 3000 元/人', vocab.core)).toEqual(['费用']);
    expect(canonicalAdditions('四、教师培训费用标准', vocab.core)).toEqual([]);
    expect(canonicalAdditions('若考试未能通过，有1次免费补考机会', vocab.core)).toEqual([]);
    expect(canonicalAdditions('面向院校的师资培训和考评员培训有关收费标准', vocab.core)).toEqual(['教师', '费用']);
    expect(planQuery('证书目录', coreOnly).content).toEqual(['证书', '名单']);
  });

  it('keeps distinct concepts apart: 考核/考试/培训, 费用/成本', () => {
    for (const w of ['考试', '考核', '培训', '成本', '费用', '证书', '标准']) expect(canonicalWord(w, vocab.core)).toBe(w);
    expect(planQuery('考核考试培训成本', coreOnly).content).toEqual(['考核', '考试', '培训', '成本']);
    // Every rejected pair of the table stays apart.
    for (const r of readSynonymTable().rejected) expect(new Set(r.words.map((w) => canonicalWord(w, vocab.core))).size, r.words.join('/')).toBe(r.words.length);
  });

  it('职教20条 names 国发〔2019〕4号, kept whole (not 职 alone)', () => {
    const p = planQuery('职教20条', coreOnly);
    expect(p.aliases).toEqual([{ alias: '职教20条', id: 'gf-2019-4', url: '/docs/gf-2019-4/', title: '国务院关于印发国家职业教育改革实施方案的通知' }]);
    expect(p.content).toEqual(['职教20条']);
    expect(corpus.documents.find((d) => d.id === 'gf-2019-4')?.docNumber).toBe('国发〔2019〕4号');
    expect(planQuery('职教20条 学分银行', coreOnly).aliases.map((a) => a.id)).toEqual(['gf-2019-4']);
  });

  it('every alias points at a document of the corpus', () => {
    const ids = new Set(corpus.documents.map((d) => d.id));
    for (const [alias, [id]] of Object.entries(vocab.core.alias)) expect(ids.has(id), alias).toBe(true);
  });
});

describe('slips: traditional characters, pinyin, typos', () => {
  it('職業技能等級證書 → 职业技能等级证书 (the t2s part is asked for, and only then)', () => {
    expect(vocabNeeds('職業技能等級證書', vocab.core)).toEqual({ t2s: true, pinyin: false, terms: false });
    expect(vocabNeeds('职业技能等级证书', vocab.core).t2s).toBe(false);
    const p = planQuery('職業技能等級證書', vocab);
    expect(p.folded).toBe('职业技能等级证书');
    expect(p.traditional).toBe(5);
    expect(p.search).toBe('职业技能等级证书');
    // Without the part the query stays as typed.
    expect(planQuery('職業技能等級證書', coreOnly).folded).toBe('職業技能等級證書');
  });

  it('the traditional map covers every character of the corpus that has a traditional form, and converts no simplified one', () => {
    const trad = decodeGaps(vocab.core.trad).map((cp) => String.fromCodePoint(cp));
    const simp = [...vocab.t2s!.simp];
    expect(trad.length).toBe(simp.length);
    const corpusChars = new Set(clauses.flatMap((c) => [...c.raw]));
    for (const t of trad) expect(corpusChars.has(t), t).toBe(false);
    for (const [t, s] of [['證', '证'], ['書', '书'], ['級', '级'], ['護', '护'], ['銀', '银'], ['貳', '贰']] as const) if (corpusChars.has(s)) expect(simp[trad.indexOf(t)], t).toBe(s);
  });

  it('the gap encoding round-trips', () => {
    const cps = [0x3400, 0x3401, 0x4e00, 0x4e3f, 0x9fa5, 0x9fff];
    expect(decodeGaps(encodeGaps(cps))).toEqual(cps);
  });

  it('pinyin: laonian zhaohu → 老年照护 and its certificate page; xuefenyinhang → 学分银行; initials', () => {
    expect(vocabNeeds('laonian zhaohu', vocab.core)).toEqual({ t2s: false, pinyin: true, terms: true });
    for (const q of ['laonian zhaohu', 'laonianzhaohu', 'lao nian zhao hu', 'LaoNian ZhaoHu']) {
      expect(planQuery(q, vocab).pinyin[0], q).toMatchObject({ term: '老年照护', url: '/certificates/lnzh/', kind: 'certificate', how: 'full', strength: 1 });
    }
    expect(planQuery('xuefenyinhang', vocab).pinyin[0]).toMatchObject({ term: '学分银行', how: 'full', strength: 1 });
    expect(planQuery('xuefen yinhang', vocab).corrections[0]).toMatchObject({ to: '学分银行', how: 'pinyin', corrected: '学分银行' });
    expect(planQuery('wlgl', vocab).pinyin[0]).toMatchObject({ term: '物流管理', url: '/certificates/wlgl/', how: 'initials' });
    // English words and codes do not load the pinyin part; a word that is pinyin of no term gives nothing.
    for (const q of ['web', 'BIM', 'office', 'json', 'S5']) expect(vocabNeeds(q, vocab.core).pinyin, q).toBe(false);
    expect(planQuery('nihao', vocab).pinyin).toEqual([]);
    expect(planQuery('html', vocab).pinyin).toEqual([]);
    expect(planQuery('老年照护', vocab).pinyin).toEqual([]);
    // A name a document coins in quotes (rsbf-2019-34: 按照“三同两别”原则管理) is known by its pinyin and initials.
    for (const q of ['santongliangbie', 'san tong liang bie', 'stlb']) expect(planQuery(q, vocab).pinyin.map((p) => p.term), q).toContain('三同两别');
  });

  it('pinyin spelled word by word → the words it spells (the corpus\'s words too), the pair a title holds winning a same sound', () => {
    // 001:1513 考核成本上限 (教职所〔2019〕314号); shangxian is both 上线 and 上限, and the title holds 考核成本上限.
    expect(vocab.terms!.terms.filter((t) => t[2] === 'word').map((t) => t[0])).toEqual(expect.arrayContaining(['考核', '成本', '上限', '上线', '方案']));
    for (const q of ['kaohe chengben shangxian', "kaohe'chengben'shangxian"]) expect(spellWords(q, vocab), q).toBe('考核 成本 上限');
    const p = planQuery('kaohe chengben shangxian', vocab);
    expect(p.pinyin[0]).toMatchObject({ term: '考核 成本 上限', url: '', kind: 'word', how: 'full' });
    expect(p.corrections[0]).toMatchObject({ corrected: '考核 成本 上限', how: 'pinyin' });
    expect(p.corrections[0]!.strength).toBeGreaterThanOrEqual(0.8);
    // A whole term's pinyin is that term, not its words; a typed space is never crossed; nothing that is not pinyin of words.
    expect(planQuery('xuefenyinhang', vocab).pinyin[0]).toMatchObject({ term: '学分银行', how: 'full' });
    expect(spellWords('kaoh echengben', vocab)).toBeNull();
    expect(spellWords('qwxz', vocab)).toBeNull();
    // Corpus words give no initials or prefixes (those stay the named terms').
    expect(planQuery('wlgl', vocab).pinyin.every((h) => h.kind !== 'word')).toBe(true);
  });

  it('a two-character same-sound slip of a word the corpus prints, where the slip is no word of it: 师资培训方按 → 方案, sure', () => {
    const c = planQuery('师资培训方按', vocab).corrections[0]!;
    expect(c).toMatchObject({ from: '方按', to: '方案', corrected: '师资培训方案', how: 'homophone' });
    expect(c.strength).toBeGreaterThanOrEqual(0.8);
    // Without the corpus's words the same slip stays a weak suggestion (most two-character words would look unknown).
    const named: Vocab = { ...vocab, terms: { ...vocab.terms!, terms: vocab.terms!.terms.filter((t) => t[2] !== 'word') } };
    expect(planQuery('师资培训方按', named).corrections.every((x) => x.strength < 0.8)).toBe(true);
  });

  it('one-character slips: 物流管里 → 物流管理, 老年照户 → 老年照护 (same sound), with their pages', () => {
    expect(planQuery('物流管里', vocab).corrections).toEqual([{ from: '物流管里', to: '物流管理', corrected: '物流管理', at: 0, url: '/certificates/wlgl/', how: 'homophone', strength: 0.9 }]);
    expect(planQuery('老年照户', vocab).corrections[0]).toMatchObject({ to: '老年照护', url: '/certificates/lnzh/', how: 'homophone', strength: 0.9 });
    expect(planQuery('老年照户证书怎么考', vocab).corrections[0]).toMatchObject({ from: '老年照户', corrected: '老年照护证书怎么考' });
    expect(planQuery('双师形教师', vocab).corrections.map((c) => c.to)).toEqual(['双师型教师']);
    // Without the terms part there are none (the engine loads it when results are weak).
    expect(planQuery('物流管里', coreOnly).corrections).toEqual([]);
  });

  it('a correct term is never corrected; real corpus headings get no strong correction', () => {
    for (const [term] of vocab.terms!.terms) expect(planQuery(term, vocab).corrections, term).toEqual([]);
    for (const q of ['物流管理', '老年照护', '考核', '考试', '职业技能等级标准', '培训评价组织']) expect(planQuery(q, vocab).corrections, q).toEqual([]);
    const short = clauses.filter((c) => c.raw.trim().length <= 40);
    expect(short.length).toBeGreaterThan(300);
    const strong = short.filter((c) => planQuery(c.raw.trim(), vocab).corrections.some((x) => x.strength >= 0.6));
    expect(strong.map((c) => c.raw)).toEqual([]);
    // 高技能人才: 高技 sounds like the term 高级 but is half of 技能: no correction.
    expect(planQuery('高技能人才', vocab).corrections).toEqual([]);
  });
});

describe('the table', () => {
  it('a bad edit fails with file:line:column and the path', () => {
    const text = readFileSync(TABLE_PATH, 'utf8');
    const dup = text.replace('words: [名单, 目录, 清单]', 'words: [名单, 目录, 清单, 老师]');
    const line = text.split('\n').findIndex((l) => l.includes('words: [名单, 目录, 清单]')) + 1;
    expect(() => parseSynonymTable(dup, 'synonyms.yaml')).toThrow(new RegExp(`^synonyms\\.yaml:${line}:\\d+: synonyms\\.2\\.words\\.3: 老师 is already in synonym group 2`, 'u'));
    expect(() => parseSynonymTable(text.replace(/why: "001_614f8415cb5dd7e9.txt:816[^\n]*/u, 'why: x'), 'synonyms.yaml')).toThrow(/^synonyms\.yaml:\d+:\d+: aliases\.0\.why: say why/u);
    expect(() => parseSynonymTable(text.replace('  question: [', '  question: [费用, '), 'synonyms.yaml')).toThrow(/droppable\.question\.0: 费用 is a synonym/u);
    expect(() => parseSynonymTable('synonyms: [\n', 'synonyms.yaml')).toThrow(/^synonyms\.yaml:\d+:\d+: /u);
  });

  it('every `why` cites a source line that holds what it quotes', () => {
    const table = readSynonymTable();
    const entries = [...table.synonyms, ...table.aliases, ...table.rejected];
    const squeeze = (t: string) => t.replace(/[\s“”"]+/gu, '');
    for (const e of entries) {
      const m = /(\d{3}_[0-9a-f]{16}\.txt):(\d+) 「([^」]+)」/u.exec(e.why);
      if (!m) {
        // Entries that argue from structure (考核 vs 培训) quote a shorthand line instead.
        expect(e.why, JSON.stringify(e)).toMatch(/\d{3}:\d+/u);
        continue;
      }
      const lines = rawLines(m[1]!);
      const near = squeeze(lines.slice(Number(m[2]) - 1, Number(m[2]) + 2).join(''));
      for (const part of m[3]!.split('…').map(squeeze).filter(Boolean)) expect(near, `${e.why}: ${part}`).toContain(part);
    }
  });

  it('an alias to a document the sources do not hold is left out with a warning naming it (a site built from other sources still builds)', () => {
    const table = readSynonymTable();
    const bad = { ...table, aliases: [...table.aliases, { alias: '某方案', document: 'no-such-doc', why: 'a test of the check' }] };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const v = buildVocabulary({ documents: corpus.documents, certificates: [], organizations: [], standards: [] }, bad);
      expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/alias 某方案: no document no-such-doc/u)]);
      expect(Object.keys(v.core.alias)).not.toContain('某方案');
      expect(Object.keys(v.core.alias)).toContain('职教20条');
    } finally {
      warn.mockRestore();
    }
  });
});

describe('sizes (gzip) within budget', () => {
  // Budgets, gzip bytes: core goes with every query (data.json is 7.4 KB), the others only when asked for.
  // terms and pinyin hold the corpus's ~2,600 words since they spell pinyin and mend slips of ordinary words: they are
  // loaded only for a pinyin query, weak results, or in the background from the second query on (engine.ts warmUp).
  const BUDGET = { core: 2000, t2s: 2000, terms: 27000, pinyin: 15000 } as const;
  it.each(Object.keys(BUDGET) as (keyof typeof BUDGET)[])('%s', (part) => {
    const json = JSON.stringify(built[part]);
    const gz = gzipSync(json).length;
    console.log(`${VOCAB_FILES[part]}: ${Buffer.byteLength(json)} B raw, ${gz} B gzip (budget ${BUDGET[part]})`);
    expect(gz).toBeLessThanOrEqual(BUDGET[part]);
  });
});

describe('the index step’s shard cache knows the vocabulary (scripts/search/build-index.ts indexerVersion)', () => {
  it('a synonym added or a merged word changes the key, so no stale shard is reused', () => {
    const words = new Set(['考评员', '建档立卡']);
    const base = indexerVersion(words, built.core);
    expect(indexerVersion(new Set(words), JSON.parse(JSON.stringify(built.core)))).toBe(base);
    expect(indexerVersion(words, { ...built.core, syn: { ...built.core.syn, 测评: '考核' } })).not.toBe(base);
    expect(indexerVersion(new Set([...words, '三同两别']), built.core)).not.toBe(base);
  });
});
