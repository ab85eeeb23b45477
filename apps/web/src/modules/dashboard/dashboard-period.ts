/**
 * The dashboard's period: a preset (this month, this quarter, the last six months, this year, last year) or a custom
 * range of calendar days, kept in the URL. Dates are Vietnamese calendar days `yyyy-mm-dd`; the running presets end
 * today so that the comparison with the same days of last year is fair.
 */
export const PERIOD_PRESETS = ['thisMonth', 'thisQuarter', 'last6Months', 'thisYear', 'lastYear', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const DEFAULT_PRESET: PeriodPreset = 'thisYear';

export interface DateRange {
  from: string;
  to: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `yyyy-mm-dd` (not 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** The first day of the month `offset` months after (negative: before) `year`-`month` (1-based). */
function monthStart(year: number, month: number, offset = 0): string {
  const index = year * 12 + (month - 1) + offset;
  return ymd(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** The days a preset covers on `today` (a `yyyy-mm-dd` Vietnamese calendar day); null for `custom`. */
export function presetRange(preset: PeriodPreset, today: string): DateRange | null {
  const match = DATE.exec(today);
  if (!match) throw new Error(`Not a calendar date: ${today}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  switch (preset) {
    case 'thisMonth':
      return { from: monthStart(year, month), to: today };
    case 'thisQuarter':
      return { from: monthStart(year, month - ((month - 1) % 3)), to: today };
    case 'last6Months':
      return { from: monthStart(year, month, -5), to: today };
    case 'thisYear':
      return { from: ymd(year, 1, 1), to: today };
    case 'lastYear':
      return { from: ymd(year - 1, 1, 1), to: ymd(year - 1, 12, 31) };
    case 'custom':
      return null;
  }
}

/** What the period fields of the URL say: the range to show, or which field is wrong. */
export type PeriodState =
  | { ok: true; preset: PeriodPreset; range: DateRange }
  | { ok: false; preset: 'custom'; from: string | null; to: string | null; problem: 'required' | 'order' };

/**
 * Reads `period`, `from` and `to` from the URL. A preset ignores `from`/`to`; `custom` needs both days, the end not
 * before the start (the server answers `validation.period_order` on `to` for the same mistake). An unknown or
 * missing `period` is the default preset, unless custom days are given.
 */
export function readPeriod(params: URLSearchParams, today: string): PeriodState {
  const asked = params.get('period');
  const from = params.get('from');
  const to = params.get('to');
  const validFrom = from && isCalendarDate(from) ? from : null;
  const validTo = to && isCalendarDate(to) ? to : null;
  const known = PERIOD_PRESETS.find((p) => p === asked);
  const preset: PeriodPreset = known ?? (from || to ? 'custom' : DEFAULT_PRESET);
  if (preset !== 'custom') return { ok: true, preset, range: presetRange(preset, today) as DateRange };
  if (!validFrom || !validTo) return { ok: false, preset, from: validFrom, to: validTo, problem: 'required' };
  if (validTo < validFrom) return { ok: false, preset, from: validFrom, to: validTo, problem: 'order' };
  return { ok: true, preset, range: { from: validFrom, to: validTo } };
}

/** The same days one year earlier (29 February becomes 28 February), as the server compares them. */
export function previousYearRange(range: DateRange): DateRange {
  const shift = (date: string) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const lastDay = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
    return ymd(year - 1, month, Math.min(day, lastDay));
  };
  return { from: shift(range.from), to: shift(range.to) };
}
