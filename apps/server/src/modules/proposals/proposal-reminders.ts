import { nextProposalMonth, proposalDeadline, proposalMonth } from '@loa/contracts';

const DAY_MS = 86_400_000;
// Vietnam keeps UTC+7 all year.
const VN_OFFSET_MS = 7 * 3_600_000;

/** The calendar day it is in Vietnam at `now` (yyyy-mm-dd). */
export function vnToday(now: Date): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** `day` (yyyy-mm-dd) moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Units are reminded five days before the deadline and once more the day before it. */
export const REMINDER_DAYS_BEFORE = [5, 1] as const;

export interface DueReminder {
  /** The month (yyyy-mm) whose proposals are due. */
  month: string;
  /** The last day to propose for it (yyyy-mm-dd). */
  deadline: string;
  daysBefore: number;
}

/**
 * The reminder to send on `today`, or null. With a small closing day the first reminder falls in the
 * month before the deadline's, so both the next month and the one after are considered.
 */
export function reminderDue(today: string, closingDay: number): DueReminder | null {
  const next = nextProposalMonth(proposalMonth(today));
  for (const month of [next, nextProposalMonth(next)]) {
    const deadline = proposalDeadline(month, closingDay);
    for (const daysBefore of REMINDER_DAYS_BEFORE) {
      if (addDays(deadline, -daysBefore) === today) return { month, deadline, daysBefore };
    }
  }
  return null;
}

export interface ReminderUnit {
  id: string;
  code: string;
  path: string;
}

/**
 * The units still to remind: those (not `excludedCodes`) with no proposal in their subtree, so a district's
 * proposal counts for its province. `proposingPaths` are the paths of the units that have proposed.
 */
export function unitsToRemind<T extends ReminderUnit>(
  units: readonly T[],
  proposingPaths: readonly string[],
  excludedCodes: readonly string[],
): T[] {
  return units.filter(
    (unit) => !excludedCodes.includes(unit.code) && !proposingPaths.some((path) => path.startsWith(unit.path)),
  );
}

/** The key that keeps one reminder from reaching a user twice: one per month and per reminder day. */
export const reminderDedupeKey = (due: DueReminder) => `proposal-reminder:${due.month}:${due.daysBefore}`;
