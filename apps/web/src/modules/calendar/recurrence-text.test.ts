import { formatMessage, type TRecurrence } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import type { Translate } from '../../app/i18n/i18n';
import { calendarEn, calendarVi } from './calendar.messages';
import { describeRecurrence } from './recurrence-text';

const translator =
  (dictionary: Record<string, string>): Translate =>
  (key, params) =>
    formatMessage(dictionary[key] ?? key, params);
const vi = translator(calendarVi);
const en = translator(calendarEn);

const rule = (text: Partial<TRecurrence> & Pick<TRecurrence, 'freq'>): TRecurrence => ({
  interval: 1,
  byMonth: null,
  byMonthDay: null,
  byDay: [],
  count: null,
  until: null,
  ...text,
});

describe('describeRecurrence', () => {
  it('says a yearly peak theme by its day and month', () => {
    expect(describeRecurrence(rule({ freq: 'YEARLY' }), '2026-07-01', vi)).toBe('Hằng năm vào ngày 01/07');
    expect(describeRecurrence(rule({ freq: 'YEARLY' }), '2026-07-01', en)).toBe('Every year on 01/07');
    expect(describeRecurrence(rule({ freq: 'YEARLY', byMonth: 12, byMonthDay: 3 }), '2026-12-03', vi)).toBe(
      'Hằng năm vào ngày 03/12',
    );
  });

  it('names the month of a yearly weekday', () => {
    const second = rule({ freq: 'YEARLY', byMonth: 1, byDay: [{ weekday: 'MO', nth: 2 }] });
    expect(describeRecurrence(second, '2027-01-11', vi)).toBe('Hằng năm vào Thứ Hai thứ hai của tháng 1');
    expect(describeRecurrence(second, '2027-01-11', en)).toBe('Every year on the second Monday of January');
  });

  it('says a monthly column’s day', () => {
    expect(describeRecurrence(rule({ freq: 'MONTHLY' }), '2026-07-15', vi)).toBe('Hằng tháng vào ngày 15');
    expect(describeRecurrence(rule({ freq: 'MONTHLY', byMonthDay: -1 }), '2026-07-31', vi)).toBe(
      'Hằng tháng vào ngày cuối tháng',
    );
    expect(describeRecurrence(rule({ freq: 'MONTHLY', byDay: [{ weekday: 'FR', nth: -1 }] }), '2026-07-31', vi)).toBe(
      'Hằng tháng vào Thứ Sáu cuối cùng',
    );
    expect(
      describeRecurrence(rule({ freq: 'MONTHLY', interval: 2, byDay: [{ weekday: 'TU', nth: 1 }] }), '2026-07-07', en),
    ).toBe('Every 2 months on the first Tuesday');
  });

  it('lists the days of a weekly rule, or the start’s weekday', () => {
    const days = rule({
      freq: 'WEEKLY',
      byDay: [
        { weekday: 'MO', nth: null },
        { weekday: 'SU', nth: null },
      ],
    });
    expect(describeRecurrence(days, '2026-07-06', vi)).toBe('Hằng tuần vào Thứ Hai, Chủ nhật');
    expect(describeRecurrence(rule({ freq: 'WEEKLY', interval: 2 }), '2026-07-01', vi)).toBe(
      '2 tuần một lần vào Thứ Tư',
    );
  });

  it('adds how the series ends', () => {
    expect(describeRecurrence(rule({ freq: 'MONTHLY', until: '2027-12-31' }), '2026-07-15', vi)).toBe(
      'Hằng tháng vào ngày 15, đến hết ngày 31/12/2027',
    );
    expect(describeRecurrence(rule({ freq: 'WEEKLY', count: 8 }), '2026-07-01', en)).toBe(
      'Every week on Wednesday, 8 times',
    );
  });
});
