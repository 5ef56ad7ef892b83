/**
 * Money figures in running text and what the words around them say they are.
 *
 *   200 元/人次 · 3000 元/人（600 元/天/人）· 420元/晩 · 每人每年4000元以上 · 12000 元 · 1000 亿元
 *
 * `findMoney` finds the figures (a number right before 元, with 万/亿 and a /unit chain);
 * `classify` names what a figure is for from the nearest keyword before it in its sentence
 * (then the clause's headings), and whether it is a cap, a price, a subsidy or funding.
 */

export interface Money {
  index: number;
  length: number;
  printed: string;
  /** In 元. */
  amount: number;
  unit: string;
}

const MONEY = /(?<![\d.])(\d+(?:\.\d+)?)\s*(万|亿)?\s*元(?![素旦宵])((?:\s*\/\s*(?:人次|人|天|日|期|晚|晩|年|生|次|课时|学时|班))*)/gu;

export function findMoney(text: string): Money[] {
  const out: Money[] = [];
  for (const m of text.matchAll(MONEY)) {
    const scale = m[2] === '亿' ? 1e8 : m[2] === '万' ? 1e4 : 1;
    const slash = m[3]!.replace(/\s+/gu, '').replace(/晩/gu, '晚').replace(/日/gu, '天');
    let unit = `元${slash}`;
    if (!slash) {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      if (/每人每年\s*$/u.test(before)) unit = '元/人/年';
      else if (/每人\s*$/u.test(before)) unit = '元/人';
      else if (/每天\s*$/u.test(before)) unit = '元/天';
      else if (/生均/u.test(text.slice(Math.max(0, m.index - 40), m.index))) unit = '元/生';
    }
    out.push({ index: m.index, length: m[0].length, printed: m[0].trim(), amount: Number(m[1]) * scale, unit });
  }
  return out;
}

export type Nature = 'cap' | 'price' | 'subsidy' | 'funding';

export interface Meaning {
  purpose: string;
  nature: Nature;
  payer: string | null;
  recipient: string | null;
}

/**
 * Keywords, most specific first within a position; the one nearest before the figure wins.
 * `payer`/`recipient` are what the policy texts mean by such a figure (a 培训费 is paid by the
 * trainee, a 职业培训补贴 is paid by government to the trainee or the employer …).
 */
const RULES: { re: RegExp; meaning: (after: string, before: string) => Meaning }[] = [
  // Who pays the assessment is not stated with the caps (314: “面向院校学生的考核费用” is what it is for,
  // not who pays it); the fees stage adds what other documents say (fees.ts `payerElsewhere`).
  { re: /考核成本|考核费用|考试费用/u, meaning: () => ({ purpose: '考核成本上限', nature: 'cap', payer: null, recipient: '培训评价组织' }) },
  { re: /补考/u, meaning: () => ({ purpose: '补考费', nature: 'price', payer: '学员', recipient: null }) },
  { re: /住宿/u, meaning: () => ({ purpose: '住宿费', nature: 'price', payer: '学员（自理）', recipient: null }) },
  { re: /(?:教师|师资)培训/u, meaning: () => ({ purpose: '师资培训费', nature: 'price', payer: '试点院校教师', recipient: '培训评价组织' }) },
  { re: /学徒/u, meaning: () => ({ purpose: '学徒培训补贴', nature: 'subsidy', payer: '政府（职业培训补贴）', recipient: '企业' }) },
  { re: /生均/u, meaning: () => ({ purpose: '生均拨款', nature: 'funding', payer: '各级财政', recipient: '高等职业院校' }) },
  { re: /培训费/u, meaning: () => ({ purpose: '培训费', nature: 'price', payer: '学员', recipient: null }) },
  { re: /补贴/u, meaning: () => ({ purpose: '职业培训补贴', nature: 'subsidy', payer: '政府', recipient: null }) },
  {
    re: /资金|基金|经费/u,
    meaning: (after, before) => {
      const use = /用于([^，。；]{2,16})/u.exec(after)?.[1];
      const to = use ? `（用于${use}）` : '';
      // “从失业保险基金结余中拿出的 1000 亿元”: the money comes out of a fund's surplus, not a budget.
      const fund = /(?:从|由|在)\s*([\p{Script=Han}]{2,10}?基金)\s*结余[中里]?[^，。；]{0,6}$/u.exec(before)?.[1];
      if (fund) return { purpose: `${fund}结余${to}`, nature: 'funding', payer: `${fund}（结余）`, recipient: null };
      return { purpose: `专项资金${to}`, nature: 'funding', payer: '政府', recipient: null };
    },
  },
];

/** What a figure is, from the text before it (nearest keyword wins), else from `context` (headings, title). */
export function classify(before: string, after: string, context: string): Meaning | null {
  let best: { at: number; meaning: Meaning } | null = null;
  for (const r of RULES) {
    const all = [...before.matchAll(new RegExp(r.re.source, 'gu'))];
    const last = all.at(-1);
    if (last && (!best || last.index > best.at)) best = { at: last.index, meaning: r.meaning(after, before) };
  }
  if (best) return best.meaning;
  // A 费用 sentence under a heading that says what it is (物流管理职业技能等级证书师资培训方案: 费用为 3000 元/期).
  if (/费用|收费|费/u.test(before)) {
    for (const r of RULES) if (r.re.test(context)) return r.meaning(after, before);
  }
  return null;
}

/** max: 不超过 / 上限 / 最高; min: 以上 / 达到 / 不低于; else exact. */
export function boundOf(before: string, after: string): 'max' | 'min' | 'exact' {
  if (/(?:不超过|不得超过|不高于|上限|最高|以内)[^，。；]*$/u.test(before) || /^\s*(?:以内|以下|封顶)/u.test(after)) return 'max';
  if (/^\s*(?:以上|起)/u.test(after) || /(?:达到|不低于|不少于)\s*$/u.test(before)) return 'min';
  return 'exact';
}
