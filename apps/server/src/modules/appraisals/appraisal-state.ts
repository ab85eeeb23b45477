import type { TAppraisalState, TAppraisalVerdict } from '@loa/contracts';

/** What the state of a request is derived from. */
export interface OpinionFacts {
  productVersion: number;
  verdict: TAppraisalVerdict;
  signedAt: Date;
}

const VERDICT_STATE: Record<TAppraisalVerdict, TAppraisalState> = {
  approve: 'approved',
  approve_with_changes: 'changes_requested',
  reject: 'rejected',
};

/**
 * Where a request stands for the product's `currentVersion`. Only the latest opinion counts: on the current
 * version it decides (only a plain approve approves); on an older one the product was edited since, so the
 * request is re-opened and waits for the unit again.
 */
export function appraisalState(
  request: { withdrawnAt: Date | null },
  opinions: readonly OpinionFacts[],
  currentVersion: number,
): TAppraisalState {
  if (request.withdrawnAt) return 'withdrawn';
  const latest = latestOpinion(opinions);
  if (!latest) return 'pending';
  if (latest.productVersion < currentVersion) return 'reopened';
  return VERDICT_STATE[latest.verdict];
}

/** The most recently signed opinion (the later in the list when two share a time), or null. */
export function latestOpinion<T extends OpinionFacts>(opinions: readonly T[]): T | null {
  let latest: T | null = null;
  for (const opinion of opinions) if (!latest || opinion.signedAt >= latest.signedAt) latest = opinion;
  return latest;
}

/** Whether the unit still has to give its opinion. */
export const isAwaiting = (state: TAppraisalState) => state === 'pending' || state === 'reopened';

/** Awaiting the unit after its due day (`today`, `dueOn`: Vietnamese calendar days yyyy-mm-dd). */
export const isOverdue = (state: TAppraisalState, dueOn: string, today: string) => isAwaiting(state) && dueOn < today;

/**
 * A product may be marked ready when it has at least one active request and every active request approves its
 * current version. `missing` lists the active requests that do not (yet).
 */
export function readiness<T extends { state: TAppraisalState }>(
  requests: readonly T[],
): { ready: boolean; missing: T[] } {
  const active = requests.filter((r) => r.state !== 'withdrawn');
  const missing = active.filter((r) => r.state !== 'approved');
  return { ready: active.length > 0 && missing.length === 0, missing };
}

/** The asked unit is reminded this many days before the due day and on it, while it has not answered. */
export const REMINDER_DAYS_BEFORE = [2, 0] as const;

const DAY_MS = 86_400_000;
// Vietnam keeps UTC+7 all year.
const VN_OFFSET_MS = 7 * 3_600_000;

/** The calendar day it is in Vietnam at `now` (yyyy-mm-dd). */
export const vnDay = (now: Date) => new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

/** `day` (yyyy-mm-dd) moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}
