import { WEEKDAYS, type TRecurrence, type TWeekday } from '@loa/contracts';
import { dayParts, daysInMonth, weekdayIndex } from './calendar-days';

/** How an item repeats, as the form offers it; `custom` keeps a rule the form cannot show (e.g. from Excel). */
export const REPEAT_KINDS = ['none', 'yearly', 'monthly_day', 'monthly_weekday', 'weekly', 'custom'] as const;
export type RepeatKind = (typeof REPEAT_KINDS)[number];
export const REPEAT_ENDS = ['never', 'until', 'count'] as const;
export type RepeatEnd = (typeof REPEAT_ENDS)[number];

export interface RepeatForm {
  kind: RepeatKind;
  /** Every n years, months or weeks. */
  interval: number;
  /** monthly_day: 1–31, or −1 for the month's last day. */
  monthDay: number;
  /** monthly_weekday: the 1st–5th, or −1 for the last, `weekday` of the month. */
  nth: number;
  weekday: TWeekday;
  /** weekly: the days of the week. */
  weekdays: TWeekday[];
  end: RepeatEnd;
  /** Last possible day (yyyy-mm-dd), with end `until`. */
  until: string | null;
  /** Number of occurrences, with end `count`. */
  count: number | null;
  /** The rule kept as it is, for `custom`. */
  custom: TRecurrence | null;
}

/** The weekday code of a day. */
export function weekdayOf(day: string): TWeekday {
  return WEEKDAYS[weekdayIndex(day)]!;
}

/** Which of its weekday in the month a day is: 1–5 counted from the start, or −1… counted from the end. */
export function nthOfMonth(day: string, fromEnd = false): number {
  const { year, month, day: date } = dayParts(day);
  if (!fromEnd) return Math.ceil(date / 7);
  return -Math.ceil((daysInMonth(year, month) - date + 1) / 7);
}

/** A form that does not repeat, with every choice preset from the start date (day 15, 3rd Tuesday, Tuesdays). */
export function defaultRepeat(startsOn: string): RepeatForm {
  const nth = nthOfMonth(startsOn);
  return {
    kind: 'none',
    interval: 1,
    monthDay: dayParts(startsOn).day,
    nth: nth === 5 ? -1 : nth,
    weekday: weekdayOf(startsOn),
    weekdays: [weekdayOf(startsOn)],
    end: 'never',
    until: null,
    count: null,
    custom: null,
  };
}

const byWeekOrder = (days: readonly TWeekday[]) =>
  [...new Set(days)].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));

/**
 * The rule a form describes for a series starting on `startsOn`, or null for "does not repeat". A choice that
 * only repeats the start date (yearly, the start's day of month, the start's weekday) gives the plain rule, so
 * that moving the series later moves every occurrence with it.
 */
export function toRecurrence(form: RepeatForm, startsOn: string): TRecurrence | null {
  if (form.kind === 'none' || (form.kind === 'custom' && !form.custom)) return null;
  const base: TRecurrence = {
    freq: 'YEARLY',
    interval: form.interval,
    byMonth: null,
    byMonthDay: null,
    byDay: [],
    count: form.end === 'count' ? form.count : null,
    until: form.end === 'until' ? form.until : null,
  };
  switch (form.kind) {
    case 'yearly':
      return base;
    case 'monthly_day':
      return {
        ...base,
        freq: 'MONTHLY',
        byMonthDay: form.monthDay === dayParts(startsOn).day ? null : form.monthDay,
      };
    case 'monthly_weekday':
      return { ...base, freq: 'MONTHLY', byDay: [{ weekday: form.weekday, nth: form.nth }] };
    case 'weekly': {
      const days = byWeekOrder(form.weekdays);
      const plain = days.length === 0 || (days.length === 1 && days[0] === weekdayOf(startsOn));
      return { ...base, freq: 'WEEKLY', byDay: plain ? [] : days.map((weekday) => ({ weekday, nth: null })) };
    }
    case 'custom':
      return { ...form.custom!, interval: base.interval, count: base.count, until: base.until };
  }
}

/** The form showing an existing rule of a series whose occurrence falls on `startsOn`. */
export function fromRecurrence(rule: TRecurrence, startsOn: string): RepeatForm {
  const form: RepeatForm = {
    ...defaultRepeat(startsOn),
    interval: rule.interval,
    end: rule.count !== null ? 'count' : rule.until !== null ? 'until' : 'never',
    count: rule.count,
    until: rule.until,
  };
  const start = dayParts(startsOn);
  if (rule.freq === 'YEARLY') {
    const onStart = rule.byMonth === null || (rule.byMonth === start.month && rule.byMonthDay === start.day);
    return onStart ? { ...form, kind: 'yearly' } : { ...form, kind: 'custom', custom: rule };
  }
  if (rule.freq === 'WEEKLY') {
    const weekdays = rule.byDay.length > 0 ? byWeekOrder(rule.byDay.map((d) => d.weekday)) : [weekdayOf(startsOn)];
    return { ...form, kind: 'weekly', weekdays };
  }
  if (rule.byMonthDay !== null) {
    return rule.byMonthDay > 0 || rule.byMonthDay === -1
      ? { ...form, kind: 'monthly_day', monthDay: rule.byMonthDay }
      : { ...form, kind: 'custom', custom: rule };
  }
  const [only, ...others] = rule.byDay;
  if (only && others.length === 0)
    return { ...form, kind: 'monthly_weekday', weekday: only.weekday, nth: only.nth ?? 1 };
  if (!only) return { ...form, kind: 'monthly_day', monthDay: start.day };
  return { ...form, kind: 'custom', custom: rule };
}

/**
 * The rule a series with fixed days (BYMONTH, BYMONTHDAY, BYDAY) follows after one occurrence moved from `from` to
 * `to`, "this and all later ones" alike: the same kind of day, taken from `to` (15th → 20th, 1st Monday → 1st
 * Tuesday, Mondays and Wednesdays → Tuesdays and Wednesdays). Null when that is ambiguous: a COUNT (the
 * occurrences left are not known here), several nth weekdays, or a weekly day that is already in the rule.
 */
export function movedRule(rule: TRecurrence, from: string, to: string): TRecurrence | null {
  if (rule.count !== null) return null;
  const target = dayParts(to);
  const nthLike = (nth: number | null) => nthOfMonth(to, (nth ?? 1) < 0);
  if (rule.freq === 'WEEKLY') {
    const days = rule.byDay.length > 0 ? rule.byDay.map((d) => d.weekday) : [weekdayOf(from)];
    const moved = weekdayOf(from);
    const next = weekdayOf(to);
    if (!days.includes(moved) || (next !== moved && days.includes(next))) return null;
    const weekdays = byWeekOrder(days.map((d) => (d === moved ? next : d)));
    return { ...rule, byDay: weekdays.map((weekday) => ({ weekday, nth: null })) };
  }
  const byMonth = rule.freq === 'YEARLY' && rule.byMonth !== null ? target.month : rule.byMonth;
  if (rule.byMonthDay !== null) {
    const size = daysInMonth(target.year, target.month);
    return { ...rule, byMonth, byMonthDay: rule.byMonthDay > 0 ? target.day : target.day - size - 1 };
  }
  if (rule.byDay.length === 1) {
    return { ...rule, byMonth, byDay: [{ weekday: weekdayOf(to), nth: nthLike(rule.byDay[0]!.nth) }] };
  }
  if (rule.byDay.length === 0 && rule.byMonth === null) return rule;
  return null;
}
