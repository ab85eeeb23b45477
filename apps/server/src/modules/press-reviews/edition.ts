// An edition's day, window, title and schedule: pure arithmetic on Vietnam's clock (UTC+7, no daylight saving).
import { type TReviewKind, vietnamDay, viDate } from '@loa/contracts';

/** When the daily press review and the 24-hour bulletin are compiled unless configured (LOA_REVIEW_TIME/…). */
export const DEFAULT_COMPILE_TIMES: Record<TReviewKind, string> = { review: '06:30', bulletin: '16:00' };

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

/** True for a time of day written `HH:MM` (00:00 to 23:59). */
export function isTimeOfDay(value: string): boolean {
  return HH_MM.test(value);
}

/** The daily cron expression of a time of day: `cronAt('06:30')` → `'30 6 * * *'`. A bad time is a programming error. */
export function cronAt(time: string): string {
  const match = HH_MM.exec(time);
  if (!match) throw new Error(`A time of day must be HH:MM (00:00 to 23:59), got "${time}"`);
  return `${Number(match[2])} ${Number(match[1])} * * *`;
}

/** "Điểm báo ngày 25/11/2026", "Thông tin báo chí – Bản tin 24 giờ ngày 25/11/2026". */
export function editionTitle(kind: TReviewKind, editionDate: string): string {
  const day = viDate(editionDate);
  return kind === 'review' ? `Điểm báo ngày ${day}` : `Thông tin báo chí – Bản tin 24 giờ ngày ${day}`;
}

/** Today in Vietnam (yyyy-mm-dd). */
export function vietnamToday(now: Date): string {
  return vietnamDay(now);
}

/**
 * The 24 hours an edition covers. Today's edition ends now (compiled by the job at its time, or earlier by hand);
 * an earlier day's edition ends at that day's compile time, as the job would have compiled it. Null for a day still
 * to come.
 */
export function editionWindow(editionDate: string, now: Date, compileTime: string): { from: Date; to: Date } | null {
  const today = vietnamToday(now);
  if (editionDate > today) return null;
  const to = editionDate === today ? now : new Date(`${editionDate}T${compileTime}:00+07:00`);
  return { from: new Date(to.getTime() - DAY_MS), to };
}
