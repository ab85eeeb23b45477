import { describe, expect, it } from 'vitest';
import {
  monthsOf,
  nextDay,
  periodProblem,
  periodWindow,
  previousYear,
  shiftYears,
  vnDayStart,
  yearEarlier,
} from './dashboard-period.js';

describe('dashboard period', () => {
  describe('vnDayStart / periodWindow', () => {
    it('starts a Vietnam day at 17:00 UTC of the day before', () => {
      expect(vnDayStart('2025-01-01').toISOString()).toBe('2024-12-31T17:00:00.000Z');
    });

    it('covers the last day whole: the window ends where the next Vietnam day starts', () => {
      const w = periodWindow('2024-02-01', '2024-02-29');
      expect(w.start.toISOString()).toBe('2024-01-31T17:00:00.000Z');
      expect(w.end.toISOString()).toBe('2024-02-29T17:00:00.000Z');
      expect([w.fromYear, w.toYear]).toEqual([2024, 2024]);
    });

    it('spans the fiscal years of both ends', () => {
      const w = periodWindow('2023-07-01', '2025-06-30');
      expect([w.fromYear, w.toYear]).toEqual([2023, 2025]);
    });

    it('moves to the next day across months and years', () => {
      expect(nextDay('2024-02-28')).toBe('2024-02-29');
      expect(nextDay('2023-02-28')).toBe('2023-03-01');
      expect(nextDay('2024-12-31')).toBe('2025-01-01');
    });
  });

  describe('previousYear', () => {
    it('takes the same dates one year earlier', () => {
      expect(previousYear('2025-04-01', '2025-06-30')).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    });

    it('turns 29 February into 28 February', () => {
      expect(previousYear('2024-02-29', '2024-02-29')).toEqual({ from: '2023-02-28', to: '2023-02-28' });
      expect(previousYear('2024-01-01', '2024-02-29')).toEqual({ from: '2023-01-01', to: '2023-02-28' });
    });

    it('keeps 28 February and 1 March apart in a leap year before', () => {
      expect(previousYear('2025-02-28', '2025-03-01')).toEqual({ from: '2024-02-28', to: '2024-03-01' });
      expect(shiftYears('2020-02-29', 4)).toBe('2024-02-29');
    });

    it('moves an instant back one year, 29 February to 28 February', () => {
      expect(yearEarlier(new Date('2024-02-29T10:00:00Z')).toISOString()).toBe('2023-02-28T10:00:00.000Z');
      expect(yearEarlier(new Date('2025-07-15T03:04:05Z')).toISOString()).toBe('2024-07-15T03:04:05.000Z');
    });
  });

  describe('monthsOf', () => {
    it('lists every month the period touches, partial ones included', () => {
      expect(monthsOf('2024-11-15', '2025-02-03')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    });

    it('gives one month for a period inside it', () => {
      expect(monthsOf('2025-03-10', '2025-03-10')).toEqual(['2025-03']);
    });

    it('gives sixty months for five whole years', () => {
      const months = monthsOf('2020-01-01', '2024-12-31');
      expect(months).toHaveLength(60);
      expect(months.at(-1)).toBe('2024-12');
    });
  });

  describe('periodProblem', () => {
    it('accepts a single day and an ordered period', () => {
      expect(periodProblem('2025-01-01', '2025-01-01')).toBeNull();
      expect(periodProblem('2025-01-01', '2025-12-31')).toBeNull();
    });

    it('refuses an end before the start', () => {
      expect(periodProblem('2025-02-01', '2025-01-31')).toBe('validation.period_order');
    });

    it('accepts exactly five years and refuses one day more', () => {
      expect(periodProblem('2020-01-01', '2024-12-31')).toBeNull();
      expect(periodProblem('2020-01-01', '2025-01-01')).toBe('validation.period_too_long');
      expect(periodProblem('2020-02-29', '2025-02-27')).toBeNull();
      expect(periodProblem('2020-02-29', '2025-02-28')).toBe('validation.period_too_long');
    });
  });
});
