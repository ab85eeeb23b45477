import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  entriesByDay,
  formatDay,
  guidanceYearFor,
  isDay,
  monthGrid,
  rescheduledDates,
  shiftPeriod,
  startOfWeek,
  visibleRange,
  weekdayIndex,
} from './calendar-days';

describe('day arithmetic', () => {
  it('accepts only real days', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('1/7/2026')).toBe(false);
    expect(isDay(null)).toBe(false);
  });

  it('crosses months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-25', '2027-01-04')).toBe(10);
    expect(daysBetween('2027-01-04', '2026-12-25')).toBe(-10);
  });

  it('keeps the day of month when adding months, or takes the shorter month’s last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-10', -1)).toBe('2025-12-10');
    expect(addMonths('2026-03-31', -13)).toBe('2025-02-28');
  });

  it('starts weeks on Monday', () => {
    // 1 July 2026 is a Wednesday; 5 July a Sunday.
    expect(weekdayIndex('2026-07-01')).toBe(2);
    expect(weekdayIndex('2026-07-05')).toBe(6);
    expect(startOfWeek('2026-07-05')).toBe('2026-06-29');
    expect(startOfWeek('2026-06-29')).toBe('2026-06-29');
  });

  it('writes days the Vietnamese way', () => {
    expect(formatDay('2026-07-01')).toBe('01/07/2026');
  });
});

describe('monthGrid', () => {
  it('lays a month out as 6 weeks from the Monday on or before the 1st', () => {
    const grid = monthGrid('2026-12-17');
    expect(grid).toHaveLength(6);
    expect(grid.every((week) => week.length === 7)).toBe(true);
    // 1 December 2026 is a Tuesday.
    expect(grid[0]![0]).toEqual({ day: '2026-11-30', inMonth: false });
    expect(grid[0]![1]).toEqual({ day: '2026-12-01', inMonth: true });
    expect(grid[5]![6]).toEqual({ day: '2027-01-10', inMonth: false });
    expect(grid.flat().filter((cell) => cell.inMonth)).toHaveLength(31);
  });

  it('starts on the 1st itself when the month begins on a Monday', () => {
    // 1 June 2026 is a Monday.
    expect(monthGrid('2026-06-20')[0]![0]).toEqual({ day: '2026-06-01', inMonth: true });
  });
});

describe('visibleRange and shiftPeriod', () => {
  it('covers the grid, the week or the month', () => {
    expect(visibleRange('month', '2026-12-17')).toEqual({ from: '2026-11-30', to: '2027-01-10' });
    expect(visibleRange('week', '2026-12-17')).toEqual({ from: '2026-12-14', to: '2026-12-20' });
    expect(visibleRange('list', '2026-02-17')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('steps a week at a time in the week view and a month otherwise', () => {
    expect(shiftPeriod('week', '2026-12-30', 1)).toBe('2027-01-06');
    expect(shiftPeriod('month', '2026-12-30', 1)).toBe('2027-01-01');
    expect(shiftPeriod('list', '2026-01-31', -1)).toBe('2025-12-01');
  });
});

describe('entriesByDay', () => {
  const entry = (id: string, startsOn: string, endsOn: string | null = null, title = id) => ({
    id,
    startsOn,
    endsOn,
    title,
  });

  it('orders a day: earlier periods, then longer ones, then titles in Vietnamese order', () => {
    const byDay = entriesByDay(
      [
        entry('d', '2026-07-01', null, 'Đăng tin'),
        entry('short', '2026-07-01', '2026-07-02'),
        entry('e', '2026-07-01', null, 'Dựng clip'),
        entry('week', '2026-06-29', '2026-07-05'),
        entry('long', '2026-07-01', '2026-07-10'),
      ],
      '2026-07-01',
      '2026-07-01',
    );
    expect(byDay.get('2026-07-01')!.map((e) => e.id)).toEqual(['week', 'long', 'short', 'e', 'd']);
  });

  it('shows a period on each of its days, clipped to the range', () => {
    const byDay = entriesByDay(
      [entry('fair', '2026-06-29', '2026-07-02'), entry('post', '2026-07-01')],
      '2026-07-01',
      '2026-07-03',
    );
    expect([...byDay].map(([day, list]) => [day, list.map((e) => e.id)])).toEqual([
      ['2026-07-01', ['fair', 'post']],
      ['2026-07-02', ['fair']],
      ['2026-07-03', []],
    ]);
  });

  it('leaves out entries outside the range', () => {
    const byDay = entriesByDay([entry('old', '2026-06-01', '2026-06-30')], '2026-07-01', '2026-07-02');
    expect([...byDay.values()].flat()).toEqual([]);
  });
});

describe('rescheduledDates', () => {
  it('moves a one-day item to the day it is dropped on', () => {
    expect(rescheduledDates(entry1('2026-07-01'), '2026-07-01', '2026-07-09')).toEqual({
      startsOn: '2026-07-09',
      endsOn: null,
    });
  });

  it('moves a period by as many days as it was dragged, keeping its length', () => {
    const period = { startsOn: '2026-06-29', endsOn: '2026-07-02' };
    // Dragged by its third day (1 July) to 6 July: five days later.
    expect(rescheduledDates(period, '2026-07-01', '2026-07-06')).toEqual({
      startsOn: '2026-07-04',
      endsOn: '2026-07-07',
    });
    expect(rescheduledDates(period, '2026-06-29', '2026-06-22')).toEqual({
      startsOn: '2026-06-22',
      endsOn: '2026-06-25',
    });
  });

  function entry1(startsOn: string) {
    return { startsOn, endsOn: null };
  }
});

describe('guidanceYearFor', () => {
  it('takes the latest catalog year in force, or the earliest when the day precedes them all', () => {
    expect(guidanceYearFor([2020, 2025], '2026-03-01')).toBe(2025);
    expect(guidanceYearFor([2025, 2020], '2024-12-31')).toBe(2020);
    expect(guidanceYearFor([2020], '2019-05-01')).toBe(2020);
    expect(guidanceYearFor([], '2026-01-01')).toBeUndefined();
  });
});
