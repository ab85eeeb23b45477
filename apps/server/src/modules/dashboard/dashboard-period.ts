// The dashboard's period: inclusive calendar days of Vietnam (Asia/Ho_Chi_Minh, UTC+7 without daylight saving since
// 1975), the same dates one year earlier for the comparison, and the months the trend chart shows.

/** A period as the queries use it: days for `date` columns, instants for `timestamptz` columns. */
export interface PeriodWindow {
  from: string;
  to: string;
  /** The first instant of `from` in Vietnam. */
  start: Date;
  /** The first instant of the day after `to` in Vietnam (exclusive). */
  end: Date;
  /** The fiscal years the period overlaps. */
  fromYear: number;
  toYear: number;
}

/** The longest period the dashboard aggregates directly. */
export const MAX_PERIOD_YEARS = 5;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] {
  const match = ISO_DAY.exec(day);
  if (!match) throw new Error(`A calendar day must be yyyy-mm-dd, got "${day}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The same date `years` later (earlier when negative); 29 February becomes 28 February in a common year. */
export function shiftYears(day: string, years: number): string {
  const [y, m, d] = parts(day);
  const year = y + years;
  const date = m === 2 && d === 29 && !isLeap(year) ? 28 : d;
  return `${pad(year, 4)}-${pad(m)}-${pad(date)}`;
}

/** The first instant of a Vietnam calendar day. */
export function vnDayStart(day: string): Date {
  parts(day);
  return new Date(`${day}T00:00:00+07:00`);
}

/** The calendar day after `day`. */
export function nextDay(day: string): string {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * What is wrong with a requested period (reported on `to`), or null: `to` before `from` is `validation.period_order`;
 * a period longer than MAX_PERIOD_YEARS (its last day on or after the same date that many years later) is
 * `validation.period_too_long`.
 */
export function periodProblem(
  from: string,
  to: string,
): 'validation.period_order' | 'validation.period_too_long' | null {
  if (to < from) return 'validation.period_order';
  if (to >= shiftYears(from, MAX_PERIOD_YEARS)) return 'validation.period_too_long';
  return null;
}

/** The window of the inclusive days `from`..`to`. */
export function periodWindow(from: string, to: string): PeriodWindow {
  return {
    from,
    to,
    start: vnDayStart(from),
    end: vnDayStart(nextDay(to)),
    fromYear: parts(from)[0],
    toYear: parts(to)[0],
  };
}

/** The same dates one year earlier (29 February → 28 February). */
export function previousYear(from: string, to: string): { from: string; to: string } {
  return { from: shiftYears(from, -1), to: shiftYears(to, -1) };
}

/** Every month (yyyy-mm) the period touches, in order. */
export function monthsOf(from: string, to: string): string[] {
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  const months: string[] = [];
  for (let y = fy, m = fm; y < ty || (y === ty && m <= tm); m === 12 ? ((y += 1), (m = 1)) : (m += 1))
    months.push(`${pad(y, 4)}-${pad(m)}`);
  return months;
}

/** The same instant one year earlier (29 February → 28 February), for figures read "now". */
export function yearEarlier(instant: Date): Date {
  const shifted = new Date(instant.getTime());
  if (shifted.getUTCMonth() === 1 && shifted.getUTCDate() === 29) shifted.setUTCDate(28);
  shifted.setUTCFullYear(shifted.getUTCFullYear() - 1);
  return shifted;
}
