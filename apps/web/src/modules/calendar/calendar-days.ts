/**
 * Calendar arithmetic on `yyyy-mm-dd` days, the only date form the calendar API uses. Days are computed in UTC
 * so that no time zone or daylight saving can shift them; weeks start on Monday, as in Vietnam.
 */
import { compareVi } from '../../shared/format';

export const CALENDAR_VIEWS = ['month', 'week', 'list'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const pad = (value: number, size = 2) => String(value).padStart(size, '0');

/** The UTC midnight of a day, in milliseconds. */
function toTime(day: string): number {
  const match = DAY.exec(day);
  if (!match) throw new Error(`Not a calendar day: "${day}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromTime(time: number): string {
  const date = new Date(time);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Whether `text` is a real calendar day in `yyyy-mm-dd` form (not 2026-02-30). */
export function isDay(text: string | null | undefined): text is string {
  if (!text || !DAY.test(text)) return false;
  return fromTime(toTime(text)) === text;
}

/** Year, month (1–12) and day of month of a day. */
export function dayParts(day: string): { year: number; month: number; day: number } {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return { year, month, day: date };
}

export function toDay(year: number, month: number, day: number): string {
  return fromTime(Date.UTC(year, month - 1, day));
}

export function addDays(day: string, count: number): string {
  return fromTime(toTime(day) + count * MS_PER_DAY);
}

/** Days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / MS_PER_DAY);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day of month `count` months later, or that month's last day when it is shorter (31/01 → 28/02). */
export function addMonths(day: string, count: number): string {
  const parts = dayParts(day);
  const index = parts.year * 12 + (parts.month - 1) + count;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return toDay(year, month, Math.min(parts.day, daysInMonth(year, month)));
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(day: string): number {
  return (new Date(toTime(day)).getUTCDay() + 6) % 7;
}

/** The Monday of the week `day` falls in. */
export function startOfWeek(day: string): string {
  return addDays(day, -weekdayIndex(day));
}

export function startOfMonth(day: string): string {
  const { year, month } = dayParts(day);
  return toDay(year, month, 1);
}

export function endOfMonth(day: string): string {
  const { year, month } = dayParts(day);
  return toDay(year, month, daysInMonth(year, month));
}

/** The days `from`–`to`, both included. */
export function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export interface GridDay {
  day: string;
  /** Whether the day belongs to the month shown (the grid also shows the ends of its neighbours). */
  inMonth: boolean;
}

/** The month of `anchor` as 6 weeks of 7 days, Monday first, starting with the week of the 1st. */
export function monthGrid(anchor: string): GridDay[][] {
  const { month } = dayParts(anchor);
  const first = startOfWeek(startOfMonth(anchor));
  return Array.from({ length: 6 }, (_, week) =>
    Array.from({ length: 7 }, (_, weekday) => {
      const day = addDays(first, week * 7 + weekday);
      return { day, inMonth: dayParts(day).month === month };
    }),
  );
}

/** The days a view shows around `anchor`: the month grid's 42 days, the week, or the month for the list. */
export function visibleRange(view: CalendarView, anchor: string): { from: string; to: string } {
  if (view === 'week') {
    const from = startOfWeek(anchor);
    return { from, to: addDays(from, 6) };
  }
  if (view === 'month') {
    const from = startOfWeek(startOfMonth(anchor));
    return { from, to: addDays(from, 41) };
  }
  return { from: startOfMonth(anchor), to: endOfMonth(anchor) };
}

/** The anchor of the previous (−1) or next (+1) period: a week for the week view, a month otherwise. */
export function shiftPeriod(view: CalendarView, anchor: string, step: number): string {
  return view === 'week' ? addDays(anchor, step * 7) : addMonths(startOfMonth(anchor), step);
}

/** `dd/mm/yyyy`, as the day cells' accessible names and Vietnamese officers write dates. */
export function formatDay(day: string): string {
  const { year, month, day: date } = dayParts(day);
  return `${pad(date)}/${pad(month)}/${year}`;
}

/** Anything with a period: a day (`endsOn` null) or `startsOn`–`endsOn` inclusive. */
export interface Dated {
  startsOn: string;
  endsOn: string | null;
}

/**
 * The order of entries within a day: periods that started earlier first (so a period keeps its place from day to
 * day), then longer ones, then by title in Vietnamese order.
 */
export function compareInDay(a: Dated & { title: string }, b: Dated & { title: string }): number {
  if (a.startsOn !== b.startsOn) return a.startsOn < b.startsOn ? -1 : 1;
  const endA = a.endsOn ?? a.startsOn;
  const endB = b.endsOn ?? b.startsOn;
  if (endA !== endB) return endA > endB ? -1 : 1;
  return compareVi(a.title, b.title);
}

/**
 * The entries to show on each day of `from`–`to`, in `compareInDay` order: an entry spanning several days appears
 * on each of them (within the range). Every day of the range has a (possibly empty) list.
 */
export function entriesByDay<T extends Dated & { title: string }>(
  entries: readonly T[],
  from: string,
  to: string,
): Map<string, T[]> {
  const byDay = new Map<string, T[]>(daysFrom(from, to).map((day) => [day, []]));
  for (const entry of [...entries].sort(compareInDay)) {
    const first = entry.startsOn > from ? entry.startsOn : from;
    const last = (entry.endsOn ?? entry.startsOn) < to ? (entry.endsOn ?? entry.startsOn) : to;
    for (let day = first; day <= last; day = addDays(day, 1)) byDay.get(day)?.push(entry);
  }
  return byDay;
}

/**
 * The new dates of an entry dragged from the cell of `fromDay` to the cell of `toDay`: the whole period moves by
 * as many days, so it keeps its length (dragging the third day of a period moves its start by the same amount).
 */
export function rescheduledDates(entry: Dated, fromDay: string, toDay: string): Dated {
  const shift = daysBetween(fromDay, toDay);
  return {
    startsOn: addDays(entry.startsOn, shift),
    endsOn: entry.endsOn === null ? null : addDays(entry.endsOn, shift),
  };
}

/** The guidance year in force on `day`: the latest catalog year not after it, else the earliest there is. */
export function guidanceYearFor(years: readonly number[], day: string): number | undefined {
  const { year } = dayParts(day);
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.filter((y) => y <= year).at(-1) ?? sorted[0];
}
