import type { TPlanMetric, TPlanPeriod, TPlanProgress } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import {
  buildTree,
  headlineValue,
  parentLimits,
  periodRange,
  splitOf,
  sumsByKey,
  totalsOf,
  type TreeUnit,
  type ValuedTarget,
} from './target-arithmetic.js';

const t = (metric: TPlanMetric, period: TPlanPeriod, value: number, extra: Partial<ValuedTarget> = {}) => ({
  metric,
  period,
  value,
  ...extra,
});

describe('headlineValue', () => {
  it('takes the yearly target for all themes and audiences when there is one', () => {
    const targets = [
      t('products', 'Q1', 5),
      t('products', 'year', 40),
      t('products', 'year', 99, { themeCode: 'II.1.a' }),
    ];
    expect(headlineValue(targets, 'products')).toBe(40);
  });

  it('adds up the quarters, or else the months, when no yearly target is set', () => {
    expect(headlineValue([t('events', 'Q1', 2), t('events', 'Q3', 3), t('events', 'M01', 100)], 'events')).toBe(5);
    expect(headlineValue([t('events', 'M01', 1), t('events', 'M12', 4)], 'events')).toBe(5);
  });

  it('is null for a metric the plan does not set, or sets for one audience only', () => {
    expect(headlineValue([t('events', 'year', 1, { audienceCode: 'I.1' })], 'events')).toBeNull();
    expect(totalsOf([t('budget_vnd', 'year', 250_000_000)])).toEqual({
      products: null,
      events: null,
      people_reached: null,
      voluntary_participants: null,
      household_bhyt_participants: null,
      budget_vnd: 250_000_000,
    });
  });
});

describe('splitOf', () => {
  it('reports what is still to give out, never a negative shortfall', () => {
    expect(splitOf(100, 60, true)).toEqual({ childrenSum: 60, shortfall: 40 });
    expect(splitOf(100, 100, true)).toEqual({ childrenSum: 100, shortfall: 0 });
    expect(splitOf(100, 130, true)).toEqual({ childrenSum: 130, shortfall: 0 });
  });

  it('has nothing to say for a unit without child units, or without a target', () => {
    expect(splitOf(100, 0, false)).toEqual({ childrenSum: null, shortfall: null });
    expect(splitOf(null, 20, true)).toEqual({ childrenSum: 20, shortfall: null });
  });
});

describe('sumsByKey and parentLimits', () => {
  it('gives each parent target what the other children already hold of it', () => {
    const siblings = sumsByKey([
      { ...t('products', 'year', 0), sum: 30 },
      { ...t('products', 'year', 0, { themeCode: '' }), sum: 5 },
      { ...t('products', 'Q1', 0), sum: 7 },
    ]);
    expect(parentLimits([t('products', 'year', 100), t('events', 'year', 10)], siblings)).toEqual([
      { metric: 'products', period: 'year', themeCode: null, audienceCode: null, parentValue: 100, siblingsSum: 35 },
      { metric: 'events', period: 'year', themeCode: null, audienceCode: null, parentValue: 10, siblingsSum: 0 },
    ]);
  });
});

describe('periodRange', () => {
  it('covers the whole year, a quarter and a month, leap days included', () => {
    expect(periodRange(2026, 'year')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange(2026, 'Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodRange(2028, 'M02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange(2026, 'M02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
});

describe('buildTree', () => {
  const units: TreeUnit[] = [
    { id: 'p01', code: 'P01', name: 'BHXH Hà Nội', kind: 'province', parentId: 'root' },
    { id: 'd1', code: 'D001', name: 'BHXH Ba Đình', kind: 'district', parentId: 'p01' },
    { id: 'd2', code: 'D002', name: 'BHXH Hoàn Kiếm', kind: 'district', parentId: 'p01' },
    { id: 'd3', code: 'D003', name: 'BHXH Tây Hồ', kind: 'district', parentId: 'p01' },
  ];
  const plans = [
    { id: 'plan-p01', orgUnitId: 'p01', status: 'approved', title: 'Kế hoạch Hà Nội', version: 3 },
    { id: 'plan-d1', orgUnitId: 'd1', status: 'draft', title: 'Kế hoạch Ba Đình', version: 1 },
    { id: 'plan-d2', orgUnitId: 'd2', status: 'submitted', title: 'Kế hoạch Hoàn Kiếm', version: 2 },
  ];
  const targetsByPlan = new Map([
    ['plan-p01', [t('products', 'year', 100), t('events', 'year', 12)]],
    ['plan-d1', [t('products', 'year', 50), t('events', 'Q1', 3), t('events', 'Q2', 4)]],
    ['plan-d2', [t('products', 'year', 20)]],
  ]);
  const measured: TPlanProgress = { status: 'measured', actual: 7 };
  const tree = buildTree({
    units,
    plans,
    targetsByPlan,
    progress: (metric, unitId) => (metric === 'events' && unitId === 'd1' ? measured : { status: 'no_data' }),
    canCreate: (unit) => unit.id !== 'd2',
  });
  const metric = (unitId: string, name: TPlanMetric) =>
    tree.find((node) => node.unit.id === unitId)!.metrics.find((m) => m.metric === name)!;

  it("sets each parent's headline against the sum of its children's, with the shortfall", () => {
    expect(metric('p01', 'products')).toMatchObject({ target: 100, childrenSum: 70, shortfall: 30 });
    expect(metric('p01', 'events')).toMatchObject({ target: 12, childrenSum: 7, shortfall: 5 });
    expect(metric('p01', 'budget_vnd')).toMatchObject({ target: null, childrenSum: 0, shortfall: null });
    expect(metric('d1', 'products')).toMatchObject({ target: 50, childrenSum: null, shortfall: null });
  });

  it('keeps the order given, roots the top unit and offers to start missing plans where allowed', () => {
    expect(tree.map((node) => [node.unit.code, node.parentId, node.plan?.status ?? null, node.canCreate])).toEqual([
      ['P01', null, 'approved', false],
      ['D001', 'p01', 'draft', false],
      ['D002', 'p01', 'submitted', false],
      ['D003', 'p01', null, true],
    ]);
    expect(tree[0]!.hasChildren).toBe(true);
    expect(tree[3]!.hasChildren).toBe(false);
  });

  it('carries the progress each metric reports, and "no data" for the rest', () => {
    expect(metric('d1', 'events').progress).toEqual(measured);
    expect(metric('d2', 'events').progress).toEqual({ status: 'no_data' });
  });
});
