import type { TShareTotals } from '@loa/contracts';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar day (yyyy-mm-dd) of `instant` in Vietnam (UTC+7 all year, no daylight saving). */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Why a share cannot be dated `sharedOn`, or null when it can: not after `today` (Vietnam's day), and not before
 * the day the product became ready to publish (`readyAt`), when that is known.
 */
export function sharedOnProblem(
  sharedOn: string,
  today: string,
  readyAt: Date | null,
): { code: string; params?: Record<string, unknown> } | null {
  if (sharedOn > today) return { code: 'validation.shared_in_future' };
  const readyDay = readyAt ? vietnamDay(readyAt) : null;
  if (readyDay && sharedOn < readyDay) {
    const [y, m, d] = readyDay.split('-');
    return { code: 'validation.shared_before_ready', params: { date: `${d}/${m}/${y}` } };
  }
  return null;
}

export interface Reach {
  views: number | null;
  reactions: number | null;
  comments: number | null;
  shares: number | null;
}

/** The reach a post gained: its views, reactions, comments and re-shares added up (unknown counts as 0). */
export function reachOf(value: Reach): number {
  return (value.views ?? 0) + (value.reactions ?? 0) + (value.comments ?? 0) + (value.shares ?? 0);
}

/** The totals of a set of shares: how many, by how many officers, and what they reached. */
export function totalsOf(
  value: { shareCount: number; sharerCount: number } & { [K in keyof Reach]: number },
): TShareTotals {
  return { ...value, reach: reachOf(value) };
}

interface Rankable {
  name: string;
  shareCount: number;
  reach: number;
}

/**
 * Sorts by `score` (highest first), then by reach, then by name in Vietnamese order, and gives equal scores
 * and reach the same rank (1, 2, 2, 4).
 */
function rankBy<T extends Rankable>(items: readonly T[], score: (item: T) => number): (T & { rank: number })[] {
  const sorted = [...items].sort(
    (a, b) => score(b) - score(a) || b.reach - a.reach || a.name.localeCompare(b.name, 'vi'),
  );
  let rank = 0;
  return sorted.map((item, index) => {
    const previous = sorted[index - 1];
    if (!previous || score(previous) !== score(item) || previous.reach !== item.reach) rank = index + 1;
    return { ...item, rank };
  });
}

/** Officers ranked by the number of shares in the period, then by the reach they gained. */
export function rankOfficers<T extends Rankable>(officers: readonly T[]): (T & { rank: number })[] {
  return rankBy(officers, (o) => o.shareCount);
}

/** Shares per officer, rounded to two decimals; a unit with no officers has none. */
export function sharesPerOfficer(shareCount: number, officerCount: number): number {
  return officerCount > 0 ? Math.round((shareCount / officerCount) * 100) / 100 : 0;
}

/** Units ranked by shares per officer (fair between large and small units), then by reach. */
export function rankUnits<T extends Rankable & { officerCount: number }>(
  units: readonly T[],
): (T & { rank: number; sharesPerOfficer: number })[] {
  const withRate = units.map((unit) => ({
    ...unit,
    sharesPerOfficer: sharesPerOfficer(unit.shareCount, unit.officerCount),
  }));
  return rankBy(withRate, (u) => u.sharesPerOfficer);
}
