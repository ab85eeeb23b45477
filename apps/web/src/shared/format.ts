import type { TLocale } from '@loa/contracts';

/** Dates and text as Vietnamese officers expect them: dd/mm/yyyy, Asia/Ho_Chi_Minh time, Vietnamese collation. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Vietnam keeps UTC+7 all year (no daylight saving), so a calendar day has a fixed offset. */
export const VN_OFFSET = '+07:00';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function vnParts(value: string | Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const parts = Object.fromEntries(partsFormatter.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

/** `dd/mm/yyyy`; a bare `yyyy-mm-dd` is a calendar date and is not shifted by time zone. Empty for null. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const match = DATE_ONLY.exec(value);
    if (match) return `${match[3]}/${match[2]}/${match[1]}`;
  }
  const parts = vnParts(value);
  return parts ? `${parts.day}/${parts.month}/${parts.year}` : '';
}

/** `dd/mm/yyyy HH:mm` in Vietnam time. Empty for null. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const parts = vnParts(value);
  return parts ? `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}` : '';
}

/** The calendar day (`yyyy-mm-dd`) an instant falls on in Vietnam. */
export function vnCalendarDate(value: string | Date): string {
  const parts = vnParts(value);
  return parts ? `${parts.year}-${parts.month}-${parts.day}` : '';
}

/** The first instant of a Vietnamese calendar day as an ISO datetime with offset. */
export function startOfVnDay(date: string): string {
  return `${date}T00:00:00.000${VN_OFFSET}`;
}

/** The last instant of a Vietnamese calendar day as an ISO datetime with offset. */
export function endOfVnDay(date: string): string {
  return `${date}T23:59:59.999${VN_OFFSET}`;
}

export const viCollator = new Intl.Collator('vi');

/** Compares two strings in Vietnamese alphabetical order (a, ă, â, b, c, d, đ …). */
export function compareVi(a: string, b: string): number {
  return viCollator.compare(a, b);
}

const wholeNumbers: Record<TLocale, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
};

/** A whole number with the language's grouping: `1.234.567` in Vietnamese, `1,234,567` in English. */
export function formatCount(value: number, locale: TLocale): string {
  return wholeNumbers[locale].format(value);
}
