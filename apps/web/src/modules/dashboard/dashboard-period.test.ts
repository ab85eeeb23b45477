import { describe, expect, it } from 'vitest';
import { isCalendarDate, presetRange, previousYearRange, readPeriod } from './dashboard-period';

describe('presetRange', () => {
  it('runs the current month, quarter and year up to today', () => {
    expect(presetRange('thisMonth', '2025-08-17')).toEqual({ from: '2025-08-01', to: '2025-08-17' });
    expect(presetRange('thisQuarter', '2025-08-17')).toEqual({ from: '2025-07-01', to: '2025-08-17' });
    expect(presetRange('thisQuarter', '2025-03-31')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(presetRange('thisQuarter', '2025-12-01')).toEqual({ from: '2025-10-01', to: '2025-12-01' });
    expect(presetRange('thisYear', '2025-08-17')).toEqual({ from: '2025-01-01', to: '2025-08-17' });
  });

  it('takes six calendar months, the current one included, across a new year', () => {
    expect(presetRange('last6Months', '2025-08-17')).toEqual({ from: '2025-03-01', to: '2025-08-17' });
    expect(presetRange('last6Months', '2025-02-10')).toEqual({ from: '2024-09-01', to: '2025-02-10' });
  });

  it('gives the whole of last year and nothing for a custom range', () => {
    expect(presetRange('lastYear', '2025-01-01')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(presetRange('custom', '2025-01-01')).toBeNull();
  });
});

describe('readPeriod', () => {
  const read = (search: string) => readPeriod(new URLSearchParams(search), '2025-08-17');

  it('defaults to this year and lets a preset win over stray days', () => {
    expect(read('')).toEqual({ ok: true, preset: 'thisYear', range: { from: '2025-01-01', to: '2025-08-17' } });
    expect(read('period=thisMonth&from=2020-01-01&to=2020-02-01')).toMatchObject({
      ok: true,
      range: { from: '2025-08-01', to: '2025-08-17' },
    });
  });

  it('accepts a custom range of one day or more', () => {
    expect(read('period=custom&from=2024-02-29&to=2024-02-29')).toEqual({
      ok: true,
      preset: 'custom',
      range: { from: '2024-02-29', to: '2024-02-29' },
    });
    expect(read('from=2024-01-01&to=2024-03-31')).toMatchObject({ ok: true, preset: 'custom' });
  });

  it('reports an end before the start and missing or impossible days', () => {
    expect(read('period=custom&from=2024-05-02&to=2024-05-01')).toMatchObject({ ok: false, problem: 'order' });
    expect(read('period=custom&from=2024-05-02')).toMatchObject({ ok: false, problem: 'required', to: null });
    expect(read('period=custom&from=2023-02-29&to=2023-03-01')).toMatchObject({
      ok: false,
      problem: 'required',
      from: null,
    });
  });
});

describe('calendar days', () => {
  it('knows real days from look-alikes', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('01/02/2025')).toBe(false);
  });

  it('shifts a period back one year, 29 February to 28', () => {
    expect(previousYearRange({ from: '2024-02-29', to: '2024-12-31' })).toEqual({
      from: '2023-02-28',
      to: '2023-12-31',
    });
  });
});
