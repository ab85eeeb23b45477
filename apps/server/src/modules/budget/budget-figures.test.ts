import { BUDGET_CATEGORIES, isOverNorm, normLimit, remainingOf } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { byCategory, figuresOf, releasePlan, sumFigures, twelveMonths, vnToday } from './budget-figures.js';

describe('balance arithmetic', () => {
  it('remaining is what came in minus what went onward, was spent and is committed', () => {
    expect(
      remainingOf({ allocatedIn: 30_000_000, allocatedOut: 8_000_000, spent: 1_500_000, committed: 500_000 }),
    ).toBe(20_000_000);
    expect(figuresOf({ allocatedIn: 10, allocatedOut: 3, spent: 2, committed: 1 }, 12)).toEqual({
      estimated: 12,
      allocatedIn: 10,
      allocatedOut: 3,
      spent: 2,
      committed: 1,
      remaining: 4,
    });
    expect(figuresOf(undefined)).toEqual({
      estimated: 0,
      allocatedIn: 0,
      allocatedOut: 0,
      spent: 0,
      committed: 0,
      remaining: 0,
    });
  });

  it('adds figures up exactly, amounts beyond 2^31 included', () => {
    const big = figuresOf({ allocatedIn: 21_000_000_000, allocatedOut: 0, spent: 3_000_000_001, committed: 0 }, 5);
    const small = figuresOf({ allocatedIn: 7, allocatedOut: 1, spent: 1, committed: 1 }, 0);
    expect(sumFigures([big, small])).toEqual({
      estimated: 5,
      allocatedIn: 21_000_000_007,
      allocatedOut: 1,
      spent: 3_000_000_002,
      committed: 1,
      remaining: 18_000_000_003,
    });
  });

  it('lists every category in catalogue order, with estimates summed over sources', () => {
    const rows = byCategory(
      BUDGET_CATEGORIES,
      [{ category: 'travel', allocatedIn: 100, allocatedOut: 0, spent: 40, committed: 0 }],
      [
        { category: 'travel', amount: 70 },
        { category: 'travel', amount: 50 },
      ],
    );
    expect(rows.map((r) => r.category)).toEqual([...BUDGET_CATEGORIES]);
    expect(rows.find((r) => r.category === 'travel')).toMatchObject({ estimated: 120, remaining: 60 });
    expect(rows.find((r) => r.category === 'dialogue')?.remaining).toBe(0);
  });

  it('fills twelve months', () => {
    const months = twelveMonths([{ month: 3, allocatedIn: 0, allocatedOut: 0, spent: 9 }]);
    expect(months).toHaveLength(12);
    expect(months[2]).toEqual({ month: 3, allocatedIn: 0, allocatedOut: 0, spent: 9 });
    expect(months[11]).toEqual({ month: 12, allocatedIn: 0, allocatedOut: 0, spent: 0 });
  });
});

describe('norm checks', () => {
  it('allows up to maximum × quantity, not one đồng more', () => {
    expect(normLimit(150_000, 10)).toBe(1_500_000);
    expect(isOverNorm(1_500_000, 150_000, 10)).toBe(false);
    expect(isOverNorm(1_500_001, 150_000, 10)).toBe(true);
    expect(isOverNorm(9_999_999, null, null)).toBe(false);
    expect(normLimit(200_000, null)).toBeNull();
  });
});

describe(releasePlan.name, () => {
  const key = { unitId: 'tt', fiscalYear: 2030, category: 'press_contract' };
  it('releases at most the open commitment, from the payment’s own balance first', () => {
    const other = { ...key, fiscalYear: 2029 };
    expect(
      releasePlan(
        [
          { ...other, open: 300 },
          { ...key, open: 500 },
        ],
        key,
        700,
      ),
    ).toEqual([
      { ...key, amount: 500 },
      { ...other, amount: 200 },
    ]);
    expect(releasePlan([{ ...key, open: 500 }], key, 900)).toEqual([{ ...key, amount: 500 }]);
    expect(releasePlan([{ ...key, open: 0 }], key, 900)).toEqual([]);
  });
});

describe(vnToday.name, () => {
  it('is the calendar day in Vietnam (UTC+7)', () => {
    expect(vnToday(new Date('2030-12-31T17:30:00Z'))).toBe('2031-01-01');
    expect(vnToday(new Date('2030-12-31T16:59:00Z'))).toBe('2030-12-31');
  });
});
