// Calendar days (`yyyy-mm-dd`) as plain values: no time of day, no time zone.

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function toDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function parts(day: string): { year: number; month: number; day: number } {
  const match = ISO_DAY.exec(day);
  if (!match) throw new Error(`A calendar day must be yyyy-mm-dd, got "${day}"`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** True for an existing day written `yyyy-mm-dd` (not 2026-02-30). */
export function isValidDay(day: string): boolean {
  const match = ISO_DAY.exec(day);
  if (!match) return false;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 && Number(match[3]) >= 1 && Number(match[3]) <= daysInMonth(Number(match[1]), month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const epochDay = (day: string) => {
  const { year, month, day: d } = parts(day);
  return Date.UTC(year, month - 1, d) / DAY_MS;
};
const fromEpochDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return fromEpochDay(epochDay(day) + days);
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** The first day of the month `months` after the month of `firstOfMonth` (a day-1 date). */
export function addMonths(firstOfMonth: string, months: number): string {
  const { year, month } = parts(firstOfMonth);
  const index = year * 12 + (month - 1) + months;
  return toDay(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** 0 = Monday … 6 = Sunday (weeks start on Monday in Vietnam, as in RFC 5545's WKST=MO). */
export function weekdayIndex(day: string): number {
  return (new Date(epochDay(day) * DAY_MS).getUTCDay() + 6) % 7;
}

/** Vietnam's calendar day at instant `now` (UTC+7 all year). */
export function vnDay(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** How far ahead series are materialised: to the end of next year (Vietnam's calendar). */
export function horizonOf(today: string): string {
  return toDay(parts(today).year + 1, 12, 31);
}
