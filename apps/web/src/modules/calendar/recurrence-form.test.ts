import { recurrenceRule, type TRecurrence } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { defaultRepeat, fromRecurrence, movedRule, nthOfMonth, toRecurrence, type RepeatForm } from './recurrence-form';

// 1 July 2026 is a Wednesday, the first of its month; 31 July 2026 is the last Friday.
const rule = (text: Partial<TRecurrence> & Pick<TRecurrence, 'freq'>): TRecurrence => ({
  interval: 1,
  byMonth: null,
  byMonthDay: null,
  byDay: [],
  count: null,
  until: null,
  ...text,
});
const form = (startsOn: string, changes: Partial<RepeatForm>): RepeatForm => ({
  ...defaultRepeat(startsOn),
  ...changes,
});
const rrule = (startsOn: string, changes: Partial<RepeatForm>) => {
  const result = toRecurrence(form(startsOn, changes), startsOn);
  return result && recurrenceRule(result);
};

describe('nthOfMonth', () => {
  it('counts a weekday from the start or from the end of its month', () => {
    expect(nthOfMonth('2026-07-01')).toBe(1);
    expect(nthOfMonth('2026-07-15')).toBe(3);
    expect(nthOfMonth('2026-07-29')).toBe(5);
    expect(nthOfMonth('2026-07-31', true)).toBe(-1);
    expect(nthOfMonth('2026-07-24', true)).toBe(-2);
  });
});

describe('defaultRepeat', () => {
  it('presets every choice from the start date', () => {
    expect(defaultRepeat('2026-07-15')).toMatchObject({
      kind: 'none',
      monthDay: 15,
      nth: 3,
      weekday: 'WE',
      weekdays: ['WE'],
      end: 'never',
    });
  });

  it('offers "the last" weekday rather than a fifth one some months lack', () => {
    expect(defaultRepeat('2026-07-29').nth).toBe(-1);
  });
});

describe('toRecurrence', () => {
  it('gives nothing for "does not repeat"', () => {
    expect(rrule('2026-07-01', {})).toBeNull();
  });

  it('repeats the start date yearly with the plain rule (the peak themes, e.g. 1 July)', () => {
    expect(rrule('2026-07-01', { kind: 'yearly' })).toBe('FREQ=YEARLY');
    expect(rrule('2026-07-01', { kind: 'yearly', interval: 2, end: 'count', count: 5 })).toBe(
      'FREQ=YEARLY;INTERVAL=2;COUNT=5',
    );
  });

  it('names the day of month only when it is not the start’s own', () => {
    expect(rrule('2026-07-15', { kind: 'monthly_day', monthDay: 15 })).toBe('FREQ=MONTHLY');
    expect(rrule('2026-07-15', { kind: 'monthly_day', monthDay: 20 })).toBe('FREQ=MONTHLY;BYMONTHDAY=20');
    expect(rrule('2026-07-15', { kind: 'monthly_day', monthDay: -1 })).toBe('FREQ=MONTHLY;BYMONTHDAY=-1');
  });

  it('builds the nth weekday of the month (a monthly column)', () => {
    expect(rrule('2026-07-01', { kind: 'monthly_weekday', nth: -1, weekday: 'FR' })).toBe('FREQ=MONTHLY;BYDAY=-1FR');
    expect(rrule('2026-07-01', { kind: 'monthly_weekday', nth: 2, weekday: 'MO', interval: 3 })).toBe(
      'FREQ=MONTHLY;INTERVAL=3;BYDAY=2MO',
    );
  });

  it('lists weekly days Monday first, or gives the plain rule for the start’s weekday alone', () => {
    expect(rrule('2026-07-01', { kind: 'weekly', weekdays: ['FR', 'MO', 'WE'] })).toBe('FREQ=WEEKLY;BYDAY=MO,WE,FR');
    expect(rrule('2026-07-01', { kind: 'weekly', weekdays: ['WE'] })).toBe('FREQ=WEEKLY');
  });

  it('ends on a day or after a number of times, never both', () => {
    expect(rrule('2026-07-01', { kind: 'weekly', end: 'until', until: '2026-12-31', count: 4 })).toBe(
      'FREQ=WEEKLY;UNTIL=20261231',
    );
    expect(rrule('2026-07-01', { kind: 'weekly', end: 'never', until: '2026-12-31', count: 4 })).toBe('FREQ=WEEKLY');
  });

  it('keeps a custom rule, with the interval and end the form shows', () => {
    const custom = rule({
      freq: 'MONTHLY',
      byDay: [
        { weekday: 'MO', nth: 1 },
        { weekday: 'MO', nth: 3 },
      ],
    });
    expect(rrule('2026-07-06', { kind: 'custom', custom, end: 'count', count: 6 })).toBe(
      'FREQ=MONTHLY;BYDAY=1MO,3MO;COUNT=6',
    );
  });
});

describe('fromRecurrence', () => {
  const roundTrip = (text: TRecurrence, startsOn: string) =>
    recurrenceRule(toRecurrence(fromRecurrence(text, startsOn), startsOn)!);

  it('shows each kind of rule the form offers and gives the same rule back', () => {
    const rules = [
      rule({ freq: 'YEARLY', interval: 2 }),
      rule({ freq: 'MONTHLY', byMonthDay: -1, until: '2027-12-31' }),
      rule({ freq: 'MONTHLY', byDay: [{ weekday: 'FR', nth: -1 }] }),
      rule({
        freq: 'WEEKLY',
        byDay: [
          { weekday: 'MO', nth: null },
          { weekday: 'TH', nth: null },
        ],
        count: 10,
      }),
    ];
    for (const r of rules) expect(roundTrip(r, '2026-07-31')).toBe(recurrenceRule(r));
  });

  it('reads the plain rules from the occurrence’s date', () => {
    expect(fromRecurrence(rule({ freq: 'MONTHLY' }), '2026-07-15')).toMatchObject({
      kind: 'monthly_day',
      monthDay: 15,
    });
    expect(fromRecurrence(rule({ freq: 'WEEKLY' }), '2026-07-15')).toMatchObject({ kind: 'weekly', weekdays: ['WE'] });
  });

  it('keeps what the form cannot show as a custom rule', () => {
    const second = rule({ freq: 'YEARLY', byMonth: 1, byDay: [{ weekday: 'MO', nth: 2 }] });
    expect(fromRecurrence(second, '2027-01-11')).toMatchObject({ kind: 'custom', custom: second });
    expect(roundTrip(second, '2027-01-11')).toBe('FREQ=YEARLY;BYMONTH=1;BYDAY=2MO');
  });

  it('shows a yearly rule fixed on the start’s own day as plain yearly', () => {
    const fixed = rule({ freq: 'YEARLY', byMonth: 7, byMonthDay: 1 });
    expect(fromRecurrence(fixed, '2026-07-01').kind).toBe('yearly');
  });
});

describe('movedRule', () => {
  it('takes the new day of month', () => {
    const moved = movedRule(rule({ freq: 'MONTHLY', byMonthDay: 15 }), '2026-07-15', '2026-07-20');
    expect(moved && recurrenceRule(moved)).toBe('FREQ=MONTHLY;BYMONTHDAY=20');
  });

  it('keeps counting from the end of the month when the rule did', () => {
    const moved = movedRule(rule({ freq: 'MONTHLY', byMonthDay: -1 }), '2026-07-31', '2026-07-30');
    expect(moved && recurrenceRule(moved)).toBe('FREQ=MONTHLY;BYMONTHDAY=-2');
  });

  it('takes the weekday and its rank in the month', () => {
    const lastFriday = rule({ freq: 'MONTHLY', byDay: [{ weekday: 'FR', nth: -1 }] });
    const moved = movedRule(lastFriday, '2026-07-31', '2026-07-30');
    expect(moved && recurrenceRule(moved)).toBe('FREQ=MONTHLY;BYDAY=-1TH');
    const secondMonday = rule({ freq: 'YEARLY', byMonth: 1, byDay: [{ weekday: 'MO', nth: 2 }] });
    const later = movedRule(secondMonday, '2027-01-11', '2027-02-16');
    expect(later && recurrenceRule(later)).toBe('FREQ=YEARLY;BYMONTH=2;BYDAY=3TU');
  });

  it('moves a fixed yearly date to the new day and month', () => {
    const moved = movedRule(rule({ freq: 'YEARLY', byMonth: 7, byMonthDay: 1 }), '2026-07-01', '2026-06-30');
    expect(moved && recurrenceRule(moved)).toBe('FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30');
  });

  it('swaps the moved weekday of a weekly rule', () => {
    const weekly = rule({
      freq: 'WEEKLY',
      byDay: [
        { weekday: 'MO', nth: null },
        { weekday: 'WE', nth: null },
      ],
    });
    // Monday 6 July → Friday 10 July.
    const moved = movedRule(weekly, '2026-07-06', '2026-07-10');
    expect(moved && recurrenceRule(moved)).toBe('FREQ=WEEKLY;BYDAY=WE,FR');
  });

  it('refuses what would be ambiguous', () => {
    const weekly = rule({
      freq: 'WEEKLY',
      byDay: [
        { weekday: 'MO', nth: null },
        { weekday: 'WE', nth: null },
      ],
    });
    expect(movedRule(weekly, '2026-07-06', '2026-07-08')).toBeNull();
    expect(movedRule(rule({ freq: 'MONTHLY', byMonthDay: 15, count: 6 }), '2026-07-15', '2026-07-16')).toBeNull();
    const twice = rule({
      freq: 'MONTHLY',
      byDay: [
        { weekday: 'MO', nth: 1 },
        { weekday: 'MO', nth: 3 },
      ],
    });
    expect(movedRule(twice, '2026-07-06', '2026-07-07')).toBeNull();
  });
});
