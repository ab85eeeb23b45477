import { recurrenceRule, type TRecurrence } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import {
  continueFrom,
  endBefore,
  expandRecurrence,
  firstOccurrence,
  isShiftable,
  parseRecurrence,
} from './recurrence.js';

function rule(text: string): TRecurrence {
  const parsed = parseRecurrence(text);
  if (!parsed) throw new Error(`expected "${text}" to parse`);
  return parsed;
}

const expand = (text: string, startsOn: string, from: string, to: string, limit?: number) =>
  expandRecurrence(rule(text), startsOn, { from, to }, limit);

describe('parseRecurrence', () => {
  it.each([
    ['FREQ=YEARLY', 'FREQ=YEARLY'],
    ['FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=1', 'FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=1'],
    ['FREQ=YEARLY;BYDAY=2MO;BYMONTH=1', 'FREQ=YEARLY;BYMONTH=1;BYDAY=2MO'],
    ['FREQ=MONTHLY', 'FREQ=MONTHLY'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'FREQ=MONTHLY;BYMONTHDAY=-1'],
    ['FREQ=MONTHLY;BYDAY=+1MO,3MO', 'FREQ=MONTHLY;BYDAY=1MO,3MO'],
    ['FREQ=MONTHLY;BYDAY=-1FR;COUNT=12', 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=12'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;UNTIL=20261231', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;UNTIL=20261231'],
    ['FREQ=WEEKLY;WKST=MO;INTERVAL=1', 'FREQ=WEEKLY'],
    ['rrule:freq=monthly;bymonthday=15', 'FREQ=MONTHLY;BYMONTHDAY=15'],
    ['  RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29  ', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29'],
  ])('accepts %s as %s', (text, canonical) => {
    expect(recurrenceRule(rule(text))).toBe(canonical);
  });

  it('reads every part into the structured rule', () => {
    expect(parseRecurrence('FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR;UNTIL=20271130')).toEqual({
      freq: 'MONTHLY',
      interval: 3,
      byMonth: null,
      byMonthDay: null,
      byDay: [{ weekday: 'FR', nth: -1 }],
      count: null,
      until: '2027-11-30',
    });
  });

  it.each([
    [''],
    ['RRULE:'],
    ['INTERVAL=2'],
    ['FREQ=DAILY'],
    ['FREQ=HOURLY'],
    ['FREQ=FORTNIGHTLY'],
    ['FREQ=WEEKLY;FREQ=WEEKLY'],
    ['FREQ=WEEKLY;;'],
    ['FREQ=WEEKLY;INTERVAL'],
    ['FREQ=WEEKLY;INTERVAL=0'],
    ['FREQ=WEEKLY;INTERVAL=100'],
    ['FREQ=WEEKLY;INTERVAL=1.5'],
    ['FREQ=WEEKLY;COUNT=0'],
    ['FREQ=WEEKLY;COUNT=501'],
    ['FREQ=MONTHLY;COUNT=3;UNTIL=20261231'],
    ['FREQ=WEEKLY;UNTIL=20261231T000000Z'],
    ['FREQ=WEEKLY;UNTIL=20260231'],
    ['FREQ=WEEKLY;WKST=SU'],
    ['FREQ=WEEKLY;BYDAY=1MO'],
    ['FREQ=WEEKLY;BYDAY=MO,MO'],
    ['FREQ=WEEKLY;BYMONTHDAY=1'],
    ['FREQ=MONTHLY;BYDAY=MO'],
    ['FREQ=MONTHLY;BYDAY=6MO'],
    ['FREQ=MONTHLY;BYDAY=0MO'],
    ['FREQ=MONTHLY;BYDAY=1XX'],
    ['FREQ=MONTHLY;BYMONTHDAY=0'],
    ['FREQ=MONTHLY;BYMONTHDAY=32'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15'],
    ['FREQ=MONTHLY;BYMONTHDAY=1;BYDAY=1MO'],
    ['FREQ=MONTHLY;BYMONTH=7'],
    ['FREQ=MONTHLY;BYSETPOS=-1;BYDAY=FR'],
    ['FREQ=YEARLY;BYMONTH=7'],
    ['FREQ=YEARLY;BYMONTHDAY=1'],
    ['FREQ=YEARLY;BYMONTH=13;BYMONTHDAY=1'],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'],
    ['FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31'],
    ['FREQ=YEARLY;BYMONTH=1;BYDAY=1MO,2MO'],
    ['FREQ=YEARLY;BYWEEKNO=20'],
    ['FREQ=YEARLY;BYYEARDAY=100'],
    ['FREQ=WEEKLY;BYHOUR=9'],
    ['DTSTART:20260101'],
  ])('refuses "%s"', (text) => {
    expect(parseRecurrence(text)).toBeNull();
  });
});

describe('expandRecurrence', () => {
  it('repeats a yearly peak theme on its anniversary (Vietnam Social Security day, 1 July)', () => {
    expect(expand('FREQ=YEARLY', '2026-07-01', '2026-01-01', '2029-12-31')).toEqual([
      '2026-07-01',
      '2027-07-01',
      '2028-07-01',
      '2029-07-01',
    ]);
  });

  it('keeps 29 February to leap years instead of moving it', () => {
    expect(expand('FREQ=YEARLY', '2024-02-29', '2024-01-01', '2032-12-31')).toEqual([
      '2024-02-29',
      '2028-02-29',
      '2032-02-29',
    ]);
  });

  it('starts a yearly series with a fixed day at its first day on or after the start', () => {
    expect(expand('FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=1', '2026-08-15', '2026-01-01', '2028-12-31')).toEqual([
      '2027-07-01',
      '2028-07-01',
    ]);
  });

  it('finds the nth weekday of a month for yearly rules', () => {
    expect(expand('FREQ=YEARLY;BYMONTH=1;BYDAY=2MO', '2026-01-01', '2026-01-01', '2027-12-31')).toEqual([
      '2026-01-12',
      '2027-01-11',
    ]);
  });

  it('puts a monthly column on the last Friday of each month', () => {
    expect(expand('FREQ=MONTHLY;BYDAY=-1FR', '2026-01-01', '2026-01-01', '2026-06-30')).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
      '2026-04-24',
      '2026-05-29',
      '2026-06-26',
    ]);
  });

  it('gives several weekdays of a month in date order', () => {
    expect(expand('FREQ=MONTHLY;BYDAY=3MO,1MO', '2026-01-01', '2026-01-01', '2026-02-28')).toEqual([
      '2026-01-05',
      '2026-01-19',
      '2026-02-02',
      '2026-02-16',
    ]);
  });

  it('skips months without a fifth Friday', () => {
    expect(expand('FREQ=MONTHLY;BYDAY=5FR', '2026-01-01', '2026-01-01', '2026-07-31')).toEqual([
      '2026-01-30',
      '2026-05-29',
      '2026-07-31',
    ]);
  });

  it('counts negative month days from the end of each month', () => {
    expect(expand('FREQ=MONTHLY;BYMONTHDAY=-1', '2026-01-01', '2026-01-01', '2026-04-30')).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
  });

  it("skips months that lack the start's day rather than clamping it (RFC 5545)", () => {
    expect(expand('FREQ=MONTHLY', '2026-01-31', '2026-01-01', '2026-08-31')).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
      '2026-07-31',
      '2026-08-31',
    ]);
  });

  it('starts at the first day the rule gives on or after the start', () => {
    expect(firstOccurrence(rule('FREQ=MONTHLY;BYMONTHDAY=15'), '2026-01-20', '2026-12-31')).toBe('2026-02-15');
  });

  it('repeats weekly on the listed days every INTERVAL weeks, weeks starting on Monday', () => {
    expect(expand('FREQ=WEEKLY;INTERVAL=2;BYDAY=FR,MO,WE;COUNT=4', '2026-03-04', '2026-01-01', '2026-12-31')).toEqual([
      '2026-03-04',
      '2026-03-06',
      '2026-03-16',
      '2026-03-18',
    ]);
  });

  it("repeats weekly on the start's weekday when no day is listed", () => {
    expect(expand('FREQ=WEEKLY', '2026-03-05', '2026-03-01', '2026-03-31')).toEqual([
      '2026-03-05',
      '2026-03-12',
      '2026-03-19',
      '2026-03-26',
    ]);
  });

  it('counts COUNT from the start even when the window begins later', () => {
    expect(expand('FREQ=MONTHLY;COUNT=3', '2026-01-15', '2026-02-01', '2026-12-31')).toEqual([
      '2026-02-15',
      '2026-03-15',
    ]);
  });

  it('includes the UNTIL day', () => {
    expect(expand('FREQ=MONTHLY;UNTIL=20260315', '2026-01-15', '2026-01-01', '2026-12-31')).toEqual([
      '2026-01-15',
      '2026-02-15',
      '2026-03-15',
    ]);
  });

  it('stops at the limit', () => {
    expect(expand('FREQ=WEEKLY', '2026-01-01', '2026-01-01', '2030-12-31', 3)).toHaveLength(3);
  });

  it('ends (with nothing) for a rule that never meets its window', () => {
    expect(expand('FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31', '2026-04-01', '2026-01-01', '2030-12-31')).toEqual([]);
    expect(firstOccurrence(rule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29'), '2026-01-01', '2027-12-31')).toBeNull();
  });
});

describe('splitting a series', () => {
  it('keeps the number of occurrences of a COUNT rule across the two halves', () => {
    const monthly = rule('FREQ=MONTHLY;COUNT=10');
    const window = { from: '2026-01-01', to: '2030-12-31' };
    const before = expandRecurrence(endBefore(monthly, '2026-04-15'), '2026-01-15', window);
    const after = expandRecurrence(continueFrom(monthly, '2026-01-15', '2026-04-15'), '2026-04-15', window);
    expect(before).toEqual(['2026-01-15', '2026-02-15', '2026-03-15']);
    expect(after).toHaveLength(7);
    expect(after[0]).toBe('2026-04-15');
    expect(after.at(-1)).toBe('2026-10-15');
  });

  it('ends the first half the day before the split, replacing COUNT with UNTIL', () => {
    expect(recurrenceRule(endBefore(rule('FREQ=WEEKLY;COUNT=20'), '2026-03-01'))).toBe('FREQ=WEEKLY;UNTIL=20260228');
  });
});

describe('isShiftable', () => {
  it('is true only when the start date alone decides the days', () => {
    expect(isShiftable(rule('FREQ=YEARLY'))).toBe(true);
    expect(isShiftable(rule('FREQ=WEEKLY;INTERVAL=2;COUNT=5'))).toBe(true);
    expect(isShiftable(rule('FREQ=MONTHLY;BYDAY=-1FR'))).toBe(false);
    expect(isShiftable(rule('FREQ=MONTHLY;BYMONTHDAY=15'))).toBe(false);
    expect(isShiftable(rule('FREQ=WEEKLY;BYDAY=MO'))).toBe(false);
  });
});
