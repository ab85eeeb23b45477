import { describe, expect, it } from 'vitest';
import {
  formatCompletion,
  formatMetricValue,
  monthSeries,
  readPlanActualParams,
  rowHighlight,
  STATUS_COLORS,
} from './plan-actual-values';

describe('readPlanActualParams', () => {
  it('reads a well-formed URL', () => {
    const params = new URLSearchParams(
      'year=2025&unitId=0b7e4c1a-1111-4222-8333-944455556666&metric=budget_vnd&status=late,at_risk',
    );
    expect(readPlanActualParams(params, 2026)).toEqual({
      year: 2025,
      unitId: '0b7e4c1a-1111-4222-8333-944455556666',
      metric: 'budget_vnd',
      statuses: ['late', 'at_risk'],
    });
  });

  it('falls back on anything malformed', () => {
    const params = new URLSearchParams('year=19&unitId=P01&metric=likes&status=late,behind,late');
    expect(readPlanActualParams(params, 2026)).toEqual({
      year: 2026,
      unitId: null,
      metric: undefined,
      statuses: ['late'],
    });
    expect(readPlanActualParams(new URLSearchParams(''), 2030).year).toBe(2030);
  });
});

describe('formatting', () => {
  it('writes money in đồng and counts with at most two decimals, in the locale', () => {
    expect(formatMetricValue('budget_vnd', 1234567.4, 'vi')).toBe('1.234.567 ₫');
    expect(formatMetricValue('products', 1234.567, 'vi')).toBe('1.234,57');
    expect(formatMetricValue('products', 1234.567, 'en')).toBe('1,234.57');
    expect(formatMetricValue('events', null, 'en')).toBe('—');
  });

  it('writes a completion as a percentage', () => {
    expect(formatCompletion(0.4567, 'vi')).toBe('45,7 %');
    expect(formatCompletion(1.0833, 'en')).toBe('108.3 %');
    expect(formatCompletion(null, 'vi')).toBe('—');
  });

  it('highlights late in red and at-risk in orange', () => {
    expect([STATUS_COLORS.late, STATUS_COLORS.at_risk]).toEqual(['red', 'orange']);
    expect([rowHighlight('late'), rowHighlight('at_risk'), rowHighlight('on_track')]).toEqual([
      'late',
      'at-risk',
      undefined,
    ]);
  });
});

describe('monthSeries', () => {
  it('labels the months and keeps months not counted empty', () => {
    expect(
      monthSeries([
        { month: '2026-01', target: 10, actual: 7 },
        { month: '2026-02', target: 10, actual: null },
      ]),
    ).toEqual({ labels: ['01/2026', '02/2026'], targets: [10, 10], actuals: [7, null] });
  });
});
