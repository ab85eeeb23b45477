import type { TPlanActualUnit, TPlanMetric } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import {
  countedMonths,
  countedTo,
  expectedBy,
  metricResult,
  monthTargets,
  parseStatusFilter,
  rankByCompletion,
  statusCounts,
  statusOf,
  yearTarget,
  type OverallTarget,
} from './plan-actual-arithmetic.js';

const t = (period: OverallTarget['period'], value: number): OverallTarget => ({ period, value });

describe('monthTargets', () => {
  it('spreads a year over twelve months and a quarter over its three', () => {
    expect(monthTargets([t('year', 120)])).toEqual(Array(12).fill(10));
    expect(monthTargets([t('Q2', 30)])).toEqual([0, 0, 0, 10, 10, 10, 0, 0, 0, 0, 0, 0]);
  });

  it('keeps given months and shares what their quarter or the year leaves among the others', () => {
    // Q1 = 30 with January 20 given: February and March share 10. The year's 150 less Q1 and April (30):
    // 90 for the other eight months.
    expect(monthTargets([t('year', 150), t('Q1', 30), t('M01', 20), t('M04', 30)])).toEqual([
      20, 5, 5, 30, 11.25, 11.25, 11.25, 11.25, 11.25, 11.25, 11.25, 11.25,
    ]);
  });

  it('gives 0 to months no target covers when the plan has no year target, and null without any target', () => {
    expect(monthTargets([t('M03', 7), t('Q4', 9)])).toEqual([0, 0, 7, 0, 0, 0, 0, 0, 0, 3, 3, 3]);
    expect(monthTargets([])).toBeNull();
  });

  it('adds up to the year target', () => {
    const months = monthTargets([t('year', 1000), t('Q3', 400), t('M07', 100), t('M11', 50)])!;
    expect(months.reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 9);
    expect(months.slice(6, 9)).toEqual([100, 150, 150]);
  });
});

describe('yearTarget', () => {
  it('takes the year given, else what the months add up to', () => {
    expect(yearTarget([t('year', 80), t('Q1', 20)])).toBe(80);
    expect(yearTarget([t('Q1', 20), t('Q2', 25), t('M12', 4)])).toBe(49);
    expect(yearTarget([])).toBeNull();
  });
});

describe('expectedBy and countedTo', () => {
  const months = Array(12).fill(31) as number[];
  it('counts whole months before the day and its own month by its days', () => {
    expect(expectedBy(months, 2026, '2026-01-31')).toBe(31);
    expect(expectedBy(months, 2026, '2026-02-14')).toBe(31 + (31 * 14) / 28);
    expect(expectedBy(months, 2026, '2026-12-31')).toBe(372);
    expect(expectedBy(months, 2026, '2025-12-31')).toBe(0);
  });

  it('counts to today during the year, to 31 December after it, and nothing before it', () => {
    expect(countedTo(2026, '2026-05-10')).toEqual({ asOf: '2026-05-10', state: 'current' });
    expect(countedTo(2025, '2026-05-10')).toEqual({ asOf: '2025-12-31', state: 'over' });
    expect(countedTo(2026, '2026-12-31')).toEqual({ asOf: '2026-12-31', state: 'over' });
    expect(countedTo(2027, '2026-05-10')).toEqual({ asOf: '2026-05-10', state: 'future' });
  });

  it('measures each month up to the day counted', () => {
    expect(countedMonths(2024, '2024-03-05', 'current')).toEqual([
      { from: '2024-01-01', to: '2024-01-31' },
      { from: '2024-02-01', to: '2024-02-29' },
      { from: '2024-03-01', to: '2024-03-05' },
    ]);
    expect(countedMonths(2025, '2025-12-31', 'over')).toHaveLength(12);
    expect(countedMonths(2027, '2026-05-10', 'future')).toEqual([]);
  });
});

describe('statusOf', () => {
  const at = (actual: number | null, extra: Partial<Parameters<typeof statusOf>[0]> = {}) =>
    statusOf({ target: 100, expected: 50, actual, measured: true, state: 'current', ...extra });
  it('applies the 90 % and 70 % thresholds of what is expected', () => {
    expect(at(45)).toBe('on_track');
    expect(at(44.9)).toBe('at_risk');
    expect(at(35)).toBe('at_risk');
    expect(at(34)).toBe('late');
    expect(at(100)).toBe('done');
  });

  it('is late when the year is over short of the target, and on track when nothing is expected yet', () => {
    expect(at(99, { expected: 100, state: 'over' })).toBe('late');
    expect(at(0, { expected: 0 })).toBe('on_track');
    expect(at(null, { expected: 0, state: 'future' })).toBe('on_track');
  });

  it('says when there is no target or no data', () => {
    expect(at(10, { target: null, expected: null })).toBe('no_target');
    expect(at(null, { measured: false })).toBe('no_data');
  });
});

describe('metricResult', () => {
  it('gives the months their targets and actuals up to the day counted', () => {
    const result = metricResult({
      metric: 'events',
      targets: [t('year', 120)],
      measured: true,
      monthActuals: [10, 4, 1],
      year: 2026,
      asOf: '2026-03-31',
      state: 'current',
    });
    expect(result).toMatchObject({ target: 120, expected: 30, actual: 15, completion: 0.125, status: 'late' });
    expect(result.months[2]).toEqual({ month: '2026-03', target: 10, actual: 1 });
    expect(result.months[3]).toEqual({ month: '2026-04', target: 10, actual: null });
  });

  it('has no actual for a metric without data or a year not begun', () => {
    const base = { metric: 'budget_vnd' as const, targets: [t('year', 12)], year: 2027, asOf: '2026-05-01' };
    expect(metricResult({ ...base, measured: false, monthActuals: [], state: 'current' })).toMatchObject({
      actual: null,
      completion: null,
      status: 'no_data',
    });
    const future = metricResult({ ...base, measured: true, monthActuals: [], state: 'future' });
    expect(future).toMatchObject({ expected: 0, actual: null, status: 'on_track' });
    expect(future.months.every((m) => m.actual === null && m.target === 1)).toBe(true);
  });
});

describe('ranking and counts', () => {
  const unit = (code: string, completion: number | null, status: string): TPlanActualUnit => ({
    unit: { id: code, code, name: code, kind: 'province' },
    plan: null,
    metrics: [
      { metric: 'events', target: null, expected: null, actual: null, completion, status: status as never, months: [] },
    ],
    rank: null,
  });
  const units = [
    unit('A', 0.5, 'late'),
    unit('B', null, 'no_target'),
    unit('C', 0.9, 'on_track'),
    unit('D', 0.5, 'at_risk'),
  ];

  it('ranks by completion, ties sharing a rank, units without completion last and unranked', () => {
    expect(rankByCompletion(units, 'events').map((u) => [u.unit.code, u.rank])).toEqual([
      ['C', 1],
      ['A', 2],
      ['D', 2],
      ['B', null],
    ]);
  });

  it('counts children by status of the metric', () => {
    const counts = statusCounts(units, 'events' as TPlanMetric);
    expect(counts).toEqual({ done: 0, on_track: 1, at_risk: 1, late: 1, no_target: 1, no_data: 0 });
  });

  it('parses the status filter, refusing unknown statuses', () => {
    expect(parseStatusFilter('late,at_risk')).toEqual(['late', 'at_risk']);
    expect(parseStatusFilter(undefined)).toEqual([]);
    expect(parseStatusFilter('late,behind')).toBeNull();
  });
});
