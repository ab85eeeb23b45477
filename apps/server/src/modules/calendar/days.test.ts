import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, horizonOf, isValidDay, vnDay, weekdayIndex } from './days.js';

describe('days', () => {
  it('adds days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('counts the days between two days', () => {
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
  });

  it('steps months across the end of the year', () => {
    expect(addMonths('2026-11-01', 3)).toBe('2027-02-01');
    expect(addMonths('2026-01-01', -1)).toBe('2025-12-01');
  });

  it('numbers weekdays from Monday', () => {
    expect(weekdayIndex('2026-03-02')).toBe(0); // a Monday
    expect(weekdayIndex('2026-03-08')).toBe(6); // a Sunday
  });

  it('tells existing days from impossible ones', () => {
    expect(isValidDay('2028-02-29')).toBe(true);
    expect(isValidDay('2026-02-29')).toBe(false);
    expect(isValidDay('2026-13-01')).toBe(false);
    expect(isValidDay('26-01-01')).toBe(false);
  });

  it("takes Vietnam's calendar day (UTC+7) of an instant", () => {
    expect(vnDay(new Date('2026-01-01T16:59:59Z'))).toBe('2026-01-01');
    expect(vnDay(new Date('2026-01-01T17:00:00Z'))).toBe('2026-01-02');
  });

  it('materialises series to the end of next year', () => {
    expect(horizonOf('2026-05-20')).toBe('2027-12-31');
  });
});
