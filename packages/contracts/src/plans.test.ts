import { describe, expect, it } from 'vitest';
import {
  MAX_TARGET_VALUE,
  planPeriodLabel,
  planTargetKey,
  quarterOfMonth,
  splitProblems,
  targetSetProblems,
  ZReplaceTargetsRequest,
  type TargetValued,
  type TPlanPeriod,
} from './plans.js';

const row = (period: TPlanPeriod, value: number, extra: Partial<TargetValued> = {}): TargetValued => ({
  metric: 'products',
  period,
  value,
  ...extra,
});
const codes = (problems: { index: number; code: string }[]) => problems.map((p) => `${p.index}:${p.code}`);

describe('planTargetKey', () => {
  it('treats a missing, null and blank theme or audience alike: "all"', () => {
    expect(planTargetKey(row('year', 1))).toBe(planTargetKey(row('year', 2, { themeCode: null, audienceCode: '' })));
    expect(planTargetKey(row('year', 1, { themeCode: 'II.1.a' }))).not.toBe(planTargetKey(row('year', 1)));
    expect(planTargetKey(row('year', 1, { themeCode: 'I.1' }))).not.toBe(
      planTargetKey(row('year', 1, { audienceCode: 'I.1' })),
    );
  });
});

describe('targetSetProblems', () => {
  it('accepts a year split into quarters and months that add up', () => {
    const targets = [
      row('year', 120),
      ...['Q1', 'Q2', 'Q3', 'Q4'].map((q) => row(q as TPlanPeriod, 30)),
      row('M01', 10),
      row('M02', 10),
      row('M03', 10),
    ];
    expect(targetSetProblems(targets)).toEqual([]);
  });

  it('accepts a partial split below its whole', () => {
    expect(targetSetProblems([row('year', 100), row('Q1', 20), row('Q2', 30), row('M07', 5)])).toEqual([]);
  });

  it('refuses the same metric, period, theme and audience twice, on the later row', () => {
    expect(codes(targetSetProblems([row('Q1', 1), row('Q2', 1), row('Q1', 2, { themeCode: '' })]))).toEqual([
      '2:validation.duplicate',
    ]);
  });

  it('refuses quarters above the year, blaming the yearly row with both figures', () => {
    const problems = targetSetProblems([row('Q1', 60), row('year', 100), row('Q3', 50)]);
    expect(problems).toEqual([
      { index: 1, field: 'value', code: 'validation.quarters_exceed_year', params: { sum: 110, total: 100 } },
    ]);
  });

  it('refuses four quarters that do not add up to the year, even when below it', () => {
    const targets = [row('year', 100), row('Q1', 20), row('Q2', 20), row('Q3', 20), row('Q4', 20)];
    expect(targetSetProblems(targets)).toEqual([
      { index: 0, field: 'value', code: 'validation.quarters_not_year', params: { sum: 80, total: 100 } },
    ]);
  });

  it('refuses months above the year and twelve months that miss it', () => {
    expect(codes(targetSetProblems([row('year', 10), row('M01', 6), row('M12', 6)]))).toEqual([
      '0:validation.months_exceed_year',
    ]);
    const months = Array.from({ length: 12 }, (_, i) => row(`M${String(i + 1).padStart(2, '0')}` as TPlanPeriod, 1));
    expect(codes(targetSetProblems([row('year', 13), ...months]))).toEqual(['0:validation.months_not_year']);
    expect(targetSetProblems([row('year', 12), ...months])).toEqual([]);
  });

  it('checks the months of each quarter against that quarter, naming it', () => {
    expect(targetSetProblems([row('Q2', 10), row('M04', 6), row('M05', 6), row('M01', 50)])).toEqual([
      {
        index: 0,
        field: 'value',
        code: 'validation.months_exceed_quarter',
        params: { quarter: 2, sum: 12, total: 10 },
      },
    ]);
    expect(codes(targetSetProblems([row('Q4', 9), row('M10', 3), row('M11', 3), row('M12', 2)]))).toEqual([
      '0:validation.months_not_quarter',
    ]);
  });

  it('keeps metrics, themes and audiences apart when adding periods', () => {
    const targets = [
      row('year', 10),
      row('Q1', 10),
      row('Q2', 10, { metric: 'events' }),
      row('Q3', 10, { themeCode: 'II.1.a' }),
      row('Q4', 10, { audienceCode: 'I.2' }),
    ];
    expect(targetSetProblems(targets)).toEqual([]);
  });

  it('refuses a target for one theme or audience above the general one of the same period', () => {
    const targets = [
      row('year', 100),
      row('year', 120, { themeCode: 'II.1.a' }),
      row('year', 90, { themeCode: 'II.1.b' }),
      row('year', 50, { themeCode: 'II.1.b', audienceCode: 'I.1' }),
      row('year', 95, { themeCode: 'II.1.b', audienceCode: 'I.2' }),
      row('Q1', 500, { themeCode: 'II.2.a' }),
    ];
    expect(targetSetProblems(targets)).toEqual([
      { index: 1, field: 'value', code: 'validation.part_exceeds_whole', params: { total: 100 } },
      { index: 4, field: 'value', code: 'validation.part_exceeds_whole', params: { total: 90 } },
    ]);
  });

  it('does not add up themes: one product may serve two themes', () => {
    const targets = [
      row('year', 100),
      row('year', 80, { themeCode: 'II.1.a' }),
      row('year', 80, { themeCode: 'II.1.b' }),
    ];
    expect(targetSetProblems(targets)).toEqual([]);
  });
});

describe('splitProblems', () => {
  const limit = { metric: 'products' as const, period: 'year' as const, parentValue: 100, siblingsSum: 70 };

  it('lets a child take what the siblings left of the parent target, and no more', () => {
    expect(splitProblems([row('year', 30)], [limit], [])).toEqual([]);
    expect(splitProblems([row('year', 31)], [limit], [])).toEqual([
      {
        index: 0,
        field: 'value',
        code: 'validation.split_exceeds_parent',
        params: { total: 101, parent: 100, available: 30 },
      },
    ]);
  });

  it('reports nothing left when the siblings already took more than the parent holds', () => {
    const [problem] = splitProblems([row('year', 1)], [{ ...limit, siblingsSum: 120 }], []);
    expect(problem?.params).toEqual({ total: 121, parent: 100, available: 0 });
  });

  it('matches limits by the whole key: another period or theme is not limited', () => {
    expect(splitProblems([row('Q1', 500), row('year', 500, { themeCode: 'II.1.a' })], [limit], [])).toEqual([]);
  });

  it('refuses a target below what the children already hold', () => {
    const held = [{ metric: 'products' as const, period: 'year' as const, sum: 40 }];
    expect(splitProblems([row('year', 40)], [], held)).toEqual([]);
    expect(splitProblems([row('year', 39)], [], held)).toEqual([
      { index: 0, field: 'value', code: 'validation.below_children_sum', params: { sum: 40 } },
    ]);
  });
});

describe('ZReplaceTargetsRequest', () => {
  const base = { version: 1, targets: [{ metric: 'budget_vnd', period: 'year', value: 250_000_000 }] };

  it('takes whole đồng up to 10^13 and nothing negative, fractional or larger', () => {
    expect(ZReplaceTargetsRequest.safeParse(base).success).toBe(true);
    const withValue = (value: number) => ({ ...base, targets: [{ ...base.targets[0], value }] });
    expect(ZReplaceTargetsRequest.safeParse(withValue(MAX_TARGET_VALUE)).success).toBe(true);
    expect(ZReplaceTargetsRequest.safeParse(withValue(MAX_TARGET_VALUE + 1)).success).toBe(false);
    expect(ZReplaceTargetsRequest.safeParse(withValue(-1)).success).toBe(false);
    expect(ZReplaceTargetsRequest.safeParse(withValue(1.5)).success).toBe(false);
  });

  it('refuses unknown metrics and periods', () => {
    const bad = { ...base, targets: [{ metric: 'likes', period: 'Q5', value: 1 }] };
    const result = ZReplaceTargetsRequest.safeParse(bad);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['targets.0.metric', 'targets.0.period']);
  });
});

describe('period helpers', () => {
  it('names periods in both languages and finds the quarter of a month', () => {
    expect(planPeriodLabel('Q3', 'vi')).toBe('Quý III');
    expect(planPeriodLabel('M09', 'en')).toBe('Month 9');
    expect(planPeriodLabel('year', 'vi')).toBe('Cả năm');
    expect(['M01', 'M03', 'M04', 'M12'].map((m) => quarterOfMonth(m as TPlanPeriod))).toEqual([1, 1, 2, 4]);
  });
});
