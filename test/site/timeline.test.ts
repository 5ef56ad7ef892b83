/**
 * The timeline and fee charts and pages. First in-process: the chart builders on the real corpus
 * (every mark links to an existing clause) and on hostile labels (`<script>` stays text). Then the
 * built pages (test/helpers/site.ts builds once): /timeline/, /fees/ and the home page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { findClause } from '../../src/lib/citation.ts';
import { batchSizeChart, timelineChart } from '../../src/lib/charts/timeline.ts';
import { dayRateChart, examCapChart, trainingFeeChart } from '../../src/lib/charts/fees.ts';
import type { BatchStep, Fee, FeeRule, TimelineEvent } from '../../src/schema/timeline.ts';
import { extractEvents } from '../../scripts/ingest/events.ts';
import { extractFees } from '../../scripts/ingest/fees.ts';
import { realCorpus } from '../helpers/corpus.ts';
import { ensureSite, generated, page, text } from '../helpers/site.ts';

const corpus = realCorpus();
const ev = extractEvents(corpus.documents, corpus.catalog.batches, () => {}, { totals: corpus.catalog.totals });
const fe = extractFees(corpus.documents, () => {}, { certificates: corpus.catalog.certificates, organizations: corpus.catalog.organizations });

const svgOf = (markup: string) => parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document;
const hrefs = (markup: string) => [...svgOf(markup).querySelectorAll('a')].map((a) => a.getAttribute('href')!);

/** Every /docs/<id>/#<anchor> points at a document and one of its clauses. */
function expectClauseLinks(links: string[]): void {
  expect(links.length).toBeGreaterThan(0);
  for (const h of links) {
    const m = /^\/docs\/([a-z0-9-]+)\/(?:#([a-z][a-z0-9-]*))?$/u.exec(h);
    expect(m, h).not.toBeNull();
    const doc = corpus.documents.find((d) => d.id === m![1]);
    expect(doc, h).toBeDefined();
    if (m![2]) expect(findClause(doc!, m![2]), h).not.toBeNull();
  }
}

describe('charts (rendered in-process)', () => {
  it('the batch chart draws each sized step as a bar linking to the clause that states its size', () => {
    const svg = batchSizeChart(ev.steps);
    const doc = svgOf(svg);
    expect(doc.querySelectorAll('a rect')).toHaveLength(5);
    expectClauseLinks(hrefs(svg));
    expect(hrefs(svg)).toContain('/docs/xmbh-2024-2/#s1-p1');
    expect(text(doc.body as unknown as Element)).toContain('447 个证书');
    expect(text(doc.body as unknown as Element)).toContain('6 个证书 · 5 家组织');
  });

  it('the timeline links every mark to its clause', () => {
    const svg = timelineChart(ev.events, ev.steps);
    expectClauseLinks(hrefs(svg));
    expect(hrefs(svg)).toContain('/docs/zjs-2019-67/#p2');
    expect(hrefs(svg)).toContain('/docs/jzcsh-2020-4/#p1');
    // Row labels are the kinds, in Chinese.
    const labels = [...svgOf(svg).querySelectorAll('text')].map((t) => t.textContent);
    for (const k of ['批次', '公示期', '截止', '培训', '平台']) expect(labels).toContain(k);
  });

  it('the fee charts link their bars to the clauses', () => {
    const caps = examCapChart(fe.fees);
    expect(hrefs(caps)).toEqual(Array(4).fill('/docs/jzs-2019-314/#s3'));
    expect([...svgOf(caps).querySelectorAll('text')].map((t) => t.textContent)).toEqual(expect.arrayContaining(['200 元/人次', '700 元/人次', '一般实操']));
    expectClauseLinks(hrefs(trainingFeeChart(fe.fees)));
    expectClauseLinks(hrefs(dayRateChart(fe.fees)));
  });

  it('renders a label holding markup as text, never as markup', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const step: BatchStep = { ...ev.steps[0]!, name: evil };
    const event: TimelineEvent = { ...ev.events.find((e) => e.kind === '公示期')!, label: evil };
    const fee: Fee = { ...fe.fees.find((f) => f.item === '机考')!, item: evil };
    for (const svg of [batchSizeChart([step]), timelineChart([event], [step]), examCapChart([fee])]) {
      expect(svg).not.toMatch(/<script|<img/iu);
      expect(svg).toContain('&lt;script&gt;');
      const doc = svgOf(svg);
      expect(doc.querySelectorAll('script, img')).toHaveLength(0);
      expect(doc.body.textContent).toContain('<script>alert(1)</script>');
    }
  });
});

describe('built pages', () => {
  let events: TimelineEvent[] = [];
  let fees: Fee[] = [];
  let rules: FeeRule[] = [];
  beforeAll(() => {
    ensureSite();
    events = generated<TimelineEvent[]>('events.json');
    fees = generated<Fee[]>('fees.json');
    rules = generated<FeeRule[]>('fee-rules.json');
  });

  it('/timeline/ has both charts as accessible figures with their data', () => {
    const p = page('/timeline/');
    for (const id of ['batch-sizes', 'timeline-chart']) {
      const fig = p.getElementById(id)!;
      expect(fig.tagName.toLowerCase()).toBe('figure');
      expect(text(p.getElementById(fig.getAttribute('aria-labelledby')!))).not.toBe('');
      expect(text(p.getElementById(fig.getAttribute('aria-describedby')!))).not.toBe('');
      expect(fig.querySelector('svg')).not.toBeNull();
    }
    const rows = [...p.querySelectorAll('#batch-sizes table tbody tr')].map((r) => [...r.children].map((c) => text(c)));
    expect(rows).toHaveLength(6);
    expect(rows[0]!.slice(0, 4)).toEqual(['首批', '公示 2019年3月26日至31日确认 2019年4月15日', '6', '5']);
    expect(rows[3]!.slice(0, 4)).toEqual(['第三批', '公示 2019年12月27日至2020年1月2日确认：日期不详', '77', '64']);
    expect(rows.at(-1)!.slice(0, 3)).toEqual(['首批至第四批共 447 个证书', '2024年9月4日', '447']);
  });

  it('/timeline/ lists every event by year, each linking to its clause, filterable by kind', () => {
    const p = page('/timeline/');
    const items = [...p.querySelectorAll('li[data-kind]')];
    expect(items).toHaveLength(events.length);
    const years = [...p.querySelectorAll('.timeline-year h3')].map((h) => text(h));
    expect(years).toEqual([...new Set(events.map((e) => `${e.date.slice(0, 4)} 年`))].sort());
    const notice = items.find((li) => text(li).includes('2019年3月26日至31日'))!;
    expect(notice.getAttribute('data-kind')).toBe('公示期');
    expect(notice.querySelector('a')!.getAttribute('href')).toBe('/docs/zjs-2019-67/#p2');
    expect(text(notice)).toContain('001_614f8415cb5dd7e9.txt:190');
    const window = items.find((li) => text(li).includes('2024年9月4日至10月7日'))!;
    expect(text(window)).toContain('年份据成文日期补足');
    expect(text(items.find((li) => li.getAttribute('data-kind') === '招募')!)).toContain('2018年9月（月份）');
    const boxes = [...p.querySelectorAll('form[data-filter-controls] input[name="kind"]')].map((i) => i.getAttribute('value'));
    expect(boxes).toEqual(expect.arrayContaining(['公示期', '截止', '培训', '平台', '里程碑']));
  });

  it('/fees/ charts the ceilings and works the mixed-exam example without JavaScript', () => {
    const p = page('/fees/');
    const caps = [...p.querySelectorAll('#exam-caps tbody tr')].map((r) => text(r));
    expect(caps.map((r) => /(\d+) 元\/人次/u.exec(r)![1])).toEqual(['200', '300', '500', '700']);
    expect(p.querySelectorAll('#exam-caps [data-chart-variant="wide"] svg a[href="/docs/jzs-2019-314/#s3"]')).toHaveLength(4);
    const calc = p.querySelector('form[data-fee-calc]')!;
    expect(text(calc.querySelector('output'))).toBe('380');
    expect(text(p.querySelector('.fee-calc__example'))).toContain('机考占 60%、一般实操占 40%，上限为 0.6×300 + 0.4×500 = 380 元/人次');
    expect((calc.querySelector('input[name="机考"]') as HTMLInputElement).getAttribute('value')).toBe('60');
    expect(JSON.parse(calc.getAttribute('data-components')!)).toEqual(rules[0]!.components.map((c) => ({ item: c.item, amount: c.amount })));
    for (const amount of ['1,800 元/人', '2,400 元/人', '298 元/人', '600 元/天/人', '4,000 元/人/年', '12,000 元/生', '1,000 亿 元']) expect(text(p.querySelector('main')), amount).toContain(amount);
    expect(fees.length).toBeGreaterThanOrEqual(25);
    expect(text(p.getElementById('unclassified')!.parentElement)).toContain('无');
  });

  it('the home page shows the batch chart and the latest documents; the nav links both pages', () => {
    const p = page('/');
    expect(p.querySelector('#home-batch-sizes svg')).not.toBeNull();
    expect(p.querySelectorAll('.doc-list li').length).toBeGreaterThan(0);
    const nav = [...p.querySelectorAll('.site-nav a')].map((a) => [text(a), a.getAttribute('href')]);
    expect(nav).toEqual(expect.arrayContaining([['时间线', '/timeline/'], ['费用', '/fees/']]));
  });

  it('ships no inline script: the filter and the calculator are external files', () => {
    for (const path of ['/timeline/', '/fees/', '/']) {
      for (const s of page(path).querySelectorAll('script')) expect(s.getAttribute('src'), path).toBeTruthy();
      expect(page(path).querySelectorAll('[onclick], [onload], [onerror]')).toHaveLength(0);
    }
  });
});
