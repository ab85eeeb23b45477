import { RECURRENCE_FREQS, WEEKDAYS, type TRecurrence, type TRecurrenceFreq, type TWeekday } from '@loa/contracts';
import { addDays, addMonths, daysInMonth, isValidDay, parts, toDay, weekdayIndex } from './days.js';

/** The most occurrences COUNT may ask for; longer series are open-ended (or end with UNTIL). */
export const MAX_COUNT = 500;
const MAX_INTERVAL = 99;
const KNOWN_PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYMONTH', 'BYMONTHDAY', 'BYDAY', 'WKST']);

const int = (text: string) => (/^[+-]?\d{1,3}$/.test(text) ? Number(text) : NaN);

function parseByDay(value: string, freq: TRecurrenceFreq): TRecurrence['byDay'] | null {
  const days: TRecurrence['byDay'] = [];
  for (const token of value.split(',')) {
    const match = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(token);
    if (!match) return null;
    const nth = match[1] === undefined ? null : Number(match[1]);
    if (freq === 'WEEKLY' && nth !== null) return null;
    if (freq !== 'WEEKLY' && (nth === null || nth === 0 || Math.abs(nth) > 5)) return null;
    const weekday = match[2] as TWeekday;
    if (days.some((d) => d.weekday === weekday && d.nth === nth)) return null;
    days.push({ weekday, nth });
  }
  return days;
}

/**
 * Parses RRULE text into the subset Loa supports (see ZRecurrence in contracts), or null when the text is
 * anything else: unknown or repeated parts, DAILY and finer frequencies, BYSETPOS and the like, COUNT with
 * UNTIL, a date-time UNTIL, a day that no month has. Case does not matter; an "RRULE:" prefix is allowed.
 */
export function parseRecurrence(text: string): TRecurrence | null {
  const body = text
    .trim()
    .toUpperCase()
    .replace(/^RRULE:/, '');
  if (body === '') return null;
  const values = new Map<string, string>();
  for (const part of body.split(';')) {
    const [key, value, ...rest] = part.split('=');
    if (!key || value === undefined || value === '' || rest.length > 0) return null;
    if (!KNOWN_PARTS.has(key) || values.has(key)) return null;
    values.set(key, value);
  }
  const freq = values.get('FREQ');
  if (!freq || !(RECURRENCE_FREQS as readonly string[]).includes(freq)) return null;
  const rule: TRecurrence = {
    freq: freq as TRecurrenceFreq,
    interval: 1,
    byMonth: null,
    byMonthDay: null,
    byDay: [],
    count: null,
    until: null,
  };
  const wkst = values.get('WKST');
  if (wkst !== undefined && wkst !== 'MO') return null;
  const interval = values.get('INTERVAL');
  if (interval !== undefined) {
    rule.interval = int(interval);
    if (!Number.isInteger(rule.interval) || rule.interval < 1 || rule.interval > MAX_INTERVAL) return null;
  }
  const count = values.get('COUNT');
  if (count !== undefined) {
    rule.count = int(count);
    if (!Number.isInteger(rule.count) || rule.count < 1 || rule.count > MAX_COUNT) return null;
  }
  const until = values.get('UNTIL');
  if (until !== undefined) {
    const day = /^(\d{4})(\d{2})(\d{2})$/.exec(until);
    if (!day || rule.count !== null) return null;
    rule.until = `${day[1]}-${day[2]}-${day[3]}`;
    if (!isValidDay(rule.until)) return null;
  }
  const byMonth = values.get('BYMONTH');
  if (byMonth !== undefined) {
    rule.byMonth = int(byMonth);
    if (rule.freq !== 'YEARLY' || !(rule.byMonth >= 1 && rule.byMonth <= 12)) return null;
  }
  const byMonthDay = values.get('BYMONTHDAY');
  if (byMonthDay !== undefined) {
    rule.byMonthDay = int(byMonthDay);
    const size = Math.abs(rule.byMonthDay);
    if (rule.freq === 'WEEKLY' || !(size >= 1 && size <= 31)) return null;
    // A day no month (or not the chosen month) has would never occur; 29 February counts (leap years).
    if (rule.byMonth !== null && size > daysInMonth(2000, rule.byMonth)) return null;
  }
  const byDay = values.get('BYDAY');
  if (byDay !== undefined) {
    const days = parseByDay(byDay, rule.freq);
    if (!days || (rule.freq === 'YEARLY' && days.length !== 1)) return null;
    rule.byDay = days;
  }
  if (rule.byMonthDay !== null && rule.byDay.length > 0) return null;
  // YEARLY names a day with BYMONTH and one of BYMONTHDAY/BYDAY, or nothing at all (the start date's anniversary).
  if (rule.freq === 'YEARLY' && (rule.byMonth !== null) !== (rule.byMonthDay !== null || rule.byDay.length > 0))
    return null;
  return rule;
}

/**
 * Whether the rule takes its days from the start date alone (no BYMONTH, BYMONTHDAY, BYDAY): then moving the
 * start moves every occurrence by the same number of days.
 */
export function isShiftable(rule: TRecurrence): boolean {
  return rule.byMonth === null && rule.byMonthDay === null && rule.byDay.length === 0;
}

/** The nth (±1…5) given weekday of a month, or null when that month has no such day. */
function nthWeekday(year: number, month: number, weekday: TWeekday, nth: number): string | null {
  const size = daysInMonth(year, month);
  const target = WEEKDAYS.indexOf(weekday);
  if (nth > 0) {
    const first = weekdayIndex(toDay(year, month, 1));
    const day = 1 + ((target - first + 7) % 7) + (nth - 1) * 7;
    return day <= size ? toDay(year, month, day) : null;
  }
  const last = weekdayIndex(toDay(year, month, size));
  const day = size - ((last - target + 7) % 7) + (nth + 1) * 7;
  return day >= 1 ? toDay(year, month, day) : null;
}

function monthDay(year: number, month: number, day: number): string | null {
  const size = daysInMonth(year, month);
  const resolved = day > 0 ? day : size + day + 1;
  return resolved >= 1 && resolved <= size ? toDay(year, month, resolved) : null;
}

/** The candidate days of one month, as the rule picks them (the start date's day when it names none). */
function daysOfMonth(rule: TRecurrence, year: number, month: number, startDay: number): string[] {
  if (rule.byMonthDay !== null) return [monthDay(year, month, rule.byMonthDay)].filter((d) => d !== null);
  if (rule.byDay.length > 0)
    return rule.byDay
      .map((d) => nthWeekday(year, month, d.weekday, d.nth!))
      .filter((d) => d !== null)
      .sort();
  // RFC 5545: a month without the start's day (31 April, 29 February) is skipped, not clamped.
  return [monthDay(year, month, startDay)].filter((d) => d !== null);
}

/** Candidate days of the period `index` (0 = the start's period), in order. */
function periodDays(rule: TRecurrence, startsOn: string, index: number): { first: string; days: string[] } {
  const start = parts(startsOn);
  const step = index * rule.interval;
  if (rule.freq === 'WEEKLY') {
    const monday = addDays(startsOn, -weekdayIndex(startsOn) + step * 7);
    const weekdays =
      rule.byDay.length > 0 ? rule.byDay.map((d) => WEEKDAYS.indexOf(d.weekday)) : [weekdayIndex(startsOn)];
    return { first: monday, days: [...new Set(weekdays)].sort((a, b) => a - b).map((w) => addDays(monday, w)) };
  }
  if (rule.freq === 'MONTHLY') {
    const first = addMonths(toDay(start.year, start.month, 1), step);
    const { year, month } = parts(first);
    return { first, days: daysOfMonth(rule, year, month, start.day) };
  }
  const year = start.year + step;
  const month = rule.byMonth ?? start.month;
  return { first: toDay(year, 1, 1), days: daysOfMonth(rule, year, month, start.day) };
}

/**
 * The occurrences of `rule` for a series starting on `startsOn`, in order, that fall within `from`–`to`
 * (inclusive). Days before `startsOn` never count; COUNT counts from `startsOn` whatever the window; UNTIL is
 * inclusive. At most `limit` days are returned.
 */
export function expandRecurrence(
  rule: TRecurrence,
  startsOn: string,
  window: { from: string; to: string },
  limit = MAX_COUNT,
): string[] {
  const last = rule.until !== null && rule.until < window.to ? rule.until : window.to;
  const out: string[] = [];
  let counted = 0;
  for (let index = 0; ; index++) {
    const { first, days } = periodDays(rule, startsOn, index);
    if (first > last) return out;
    for (const day of days) {
      if (day < startsOn) continue;
      if (day > last) return out;
      counted++;
      if (rule.count !== null && counted > rule.count) return out;
      if (day >= window.from) {
        out.push(day);
        if (out.length >= limit) return out;
      }
    }
  }
}

/** The first occurrence on or after `startsOn` within `until` (inclusive), or null when there is none. */
export function firstOccurrence(rule: TRecurrence, startsOn: string, until: string): string | null {
  return expandRecurrence(rule, startsOn, { from: startsOn, to: until }, 1)[0] ?? null;
}

/**
 * The rule of a series cut short so that its last occurrence falls before `day`: UNTIL the day before
 * (COUNT gives way to UNTIL).
 */
export function endBefore(rule: TRecurrence, day: string): TRecurrence {
  return { ...rule, count: null, until: addDays(day, -1) };
}

/**
 * The rule a series continues with from `day` (one of its occurrences): COUNT shrinks by the occurrences before
 * `day`, so that the two halves together keep the original number.
 */
export function continueFrom(rule: TRecurrence, startsOn: string, day: string): TRecurrence {
  if (rule.count === null) return rule;
  const before = expandRecurrence(rule, startsOn, { from: startsOn, to: addDays(day, -1) }).length;
  return { ...rule, count: Math.max(1, rule.count - before) };
}
