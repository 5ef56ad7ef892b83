/**
 * The charts as built (issue 15): the timeline chart holds every dated event of 2018–2024 as a
 * mark (counted against events.json), in lanes with one Tab stop each, its first tick (and each
 * year change) labelled with the year, in a wide and a narrow variant; the fee charts have one
 * facet (one axis) per unit. In-process: lanes never overlap.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { packLanes, monthTicks } from '../../src/lib/charts/timeline.ts';
import { trainingFees, dayRates, examCaps } from '../../src/lib/charts/fees.ts';
import type { BatchStep, Fee, TimelineEvent } from '../../src/schema/timeline.ts';
import { ensureSite, generated, page, text } from '../helpers/site.ts';

describe('lanes and ticks (in-process)', () => {
  it('puts overlapping marks of a kind in separate lanes and others back in the first', () => {
    const placed = packLanes([
      { item: 'a', kind: '里程碑', x1: 0, x2: 100 },
      { item: 'b', kind: '里程碑', x1: 0, x2: 100 },
      { item: 'c', kind: '里程碑', x1: 50, x2: 60 },
      { item: 'd', kind: '里程碑', x1: 103, x2: 120 },
      { item: 'e', kind: '培训', x1: 0, x2: 100 },
    ]);
    const lane = Object.fromEntries(placed.map((p) => [p.item, p.lane]));
    expect(lane).toEqual({ a: 0, b: 1, c: 2, d: 0, e: 0 });
  });

  it('labels the first tick and each January with the year', () => {
    const { ticks, format } = monthTicks(new Date(Date.UTC(2018, 7, 1)), new Date(Date.UTC(2020, 6, 1)), 880, 84);
    const labels = ticks.map(format);
    expect(labels[0]).toBe('2018年10月');
    expect(labels).toContain('2019年1月');
    expect(labels).toContain('2020年1月');
    for (const l of labels.slice(1)) expect(l).toMatch(/^(\d{4}年1月|\d{1,2}月)$/u);
  });
});

describe('charts in the built site', () => {
  let events: TimelineEvent[] = [];
  let steps: BatchStep[] = [];
  let fees: Fee[] = [];
  beforeAll(() => {
    ensureSite();
    events = generated<TimelineEvent[]>('events.json');
    steps = generated<BatchStep[]>('batch-steps.json');
    fees = generated<Fee[]>('fees.json');
  });

  const variants = ['wide', 'narrow'] as const;

  it('the timeline chart marks every dated event of 2018–2024 and every batch step, in both variants', () => {
    const p = page('/timeline/');
    const dated = events.filter((e) => e.date >= '2018' && e.date < '2025');
    // The one event left to the list: the 1996 date a compilation prints before a law's excerpt.
    expect(events.filter((e) => !dated.includes(e)).map((e) => e.date)).toEqual(['1996-09-01']);
    expect(dated.length).toBe(69);
    for (const v of variants) {
      const marks = [...p.querySelectorAll(`#timeline-chart [data-chart-variant="${v}"] svg a[data-event]`)];
      const ids = new Set(marks.map((a) => a.getAttribute('data-event')));
      expect(ids, v).toEqual(new Set([...dated.map((e) => e.id), ...steps.map((s) => s.id)]));
      // Including the 2024 notice of 447 certificates and the 2024 application window.
      const names = marks.map((a) => a.getAttribute('aria-label'));
      expect(names.some((n) => /447 个证书（2024年9月4日）/u.test(n!)), v).toBe(true);
      expect(names, v).toContain('申报：2024年第二批1+X证书试点申报（2024年9月4日至10月7日）');
      // Each mark links to its clause.
      for (const a of marks) expect(a.getAttribute('href')).toMatch(/^\/docs\/[a-z0-9-]+\/(#[a-z][a-z0-9-]*)?$/u);
    }
  });

  it('the timeline chart has one Tab stop per lane, marks of a lane in time order, no lane with overlapping marks', () => {
    const p = page('/timeline/');
    for (const v of variants) {
      const lanes = [...p.querySelectorAll(`#timeline-chart [data-chart-variant="${v}"] g[data-chart-lane]`)];
      expect(lanes.length, v).toBeGreaterThan(11);
      for (const g of lanes) {
        const marks = [...g.querySelectorAll(':scope > a')];
        expect(marks.map((a) => a.getAttribute('tabindex'))).toEqual(marks.map((_, k) => (k === 0 ? '0' : '-1')));
        expect(g.getAttribute('role')).toBe('group');
        expect(g.getAttribute('aria-label')).toMatch(/^(批次|招募|公示期|确认|成文|申报|截止|培训|平台|会议|里程碑|部署)/u);
      }
      // No focusable mark outside a lane.
      expect(p.querySelectorAll(`#timeline-chart [data-chart-variant="${v}"] svg a:not([data-chart-lane] > a)`)).toHaveLength(0);
    }
    // The 里程碑 marks of 2019 (nine written as a year) are nine lanes, not one stack.
    const milestones = [...p.querySelectorAll('#timeline-chart [data-chart-variant="wide"] g[data-chart-lane^="里程碑-"]')];
    expect(milestones.length).toBeGreaterThanOrEqual(events.filter((e) => e.kind === '里程碑' && e.date === '2019').length);
  });

  it('each timeline panel labels its first tick, and each year change, with the year', () => {
    const p = page('/timeline/');
    for (const v of variants) {
      const panels = [...p.querySelectorAll(`#timeline-chart [data-chart-variant="${v}"] .chart__panel`)];
      expect(panels.length, v).toBe(v === 'wide' ? 2 : 3);
      expect(text(panels.at(-1)!.querySelector('.chart__panel-title'))).toBe('2020年7月至2024年12月');
      for (const panel of panels) {
        const ticks = [...panel.querySelectorAll('g[aria-label="x-axis tick label"] text')].map((t) => text(t));
        expect(ticks.length).toBeGreaterThan(1);
        expect(ticks[0]).toMatch(/^\d{4}年/u);
        let year = Number(ticks[0]!.slice(0, 4));
        for (const t of ticks.slice(1)) {
          const m = /^(\d{4})年/u.exec(t);
          if (m) year = Number(m[1]);
          else expect(t, `${t} after ${year}: a new year unlabelled?`).toMatch(/^([2-9]|1[0-2])月$/u);
        }
      }
    }
  });

  it('the fee charts have one facet per unit, each with its own axis', () => {
    const p = page('/fees/');
    const charts: [string, Fee[]][] = [
      ['exam-caps', examCaps(fees)],
      ['training-fees', trainingFees(fees)],
      ['day-rates', dayRates(fees)],
    ];
    for (const [id, rows] of charts) {
      const units = [...new Set(rows.map((f) => f.unit))];
      for (const v of variants) {
        const facets = [...p.querySelectorAll(`#${id} [data-chart-variant="${v}"] .chart__facet`)];
        expect(facets.map((f) => f.getAttribute('data-unit')), `${id} ${v}`).toEqual(units);
        for (const f of facets) {
          const unit = f.getAttribute('data-unit')!;
          expect(f.querySelectorAll('svg')).toHaveLength(1);
          const bars = [...f.querySelectorAll('svg a')].map((a) => text(a));
          expect(bars.length).toBe(rows.filter((r) => r.unit === unit).length);
          for (const b of bars) expect(b.endsWith(` ${unit}`), `${b} in the ${unit} facet`).toBe(true);
          expect(text(f.querySelector('g[aria-label="x-axis label"]'))).toContain(`（${unit}）`);
        }
      }
    }
    // The training chart: 元/人, 元/晚 and 元/期 apart.
    expect(new Set(trainingFees(fees).map((f) => f.unit))).toEqual(new Set(['元/人', '元/晚', '元/期']));
  });

  it('the batch chart (timeline and home page) comes wide and narrow', () => {
    for (const [path, id] of [['/timeline/', 'batch-sizes'], ['/', 'home-batch-sizes']] as const) {
      for (const v of variants) expect(page(path).querySelectorAll(`#${id} [data-chart-variant="${v}"] svg a`), `${path} ${v}`).toHaveLength(5);
    }
  });
});
