// The arithmetic of plan versus actual (decision 0043): month targets from a plan's year, quarter and month targets,
// what they expect by a day, how a unit stands, and the ranking of child units. Pure, so small tests pin it down.
import {
  PLAN_ACTUAL_STATUSES,
  PLAN_MONTHS,
  type TPlanActualMetric,
  type TPlanActualStatus,
  type TPlanActualUnit,
  type TPlanMetric,
  type TPlanPeriod,
} from '@loa/contracts';

/** A target of a plan for all themes and audiences. */
export interface OverallTarget {
  period: TPlanPeriod;
  value: number;
}

/** How far a year is counted on a day: not begun, under way (up to that day) or wholly counted. */
export type YearState = 'future' | 'current' | 'over';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const pad = (value: number) => String(value).padStart(2, '0');
/** Shown figures keep two decimals (a share of a target need not be whole); statuses use the same numbers. */
const round2 = (value: number) => Math.round(value * 100) / 100;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The twelve month targets, or null when the plan sets nothing for the metric. A month given in the plan keeps its
 * value; the months of a quarter with a target share evenly what the quarter leaves after its given months; the
 * other months share evenly what the year's target leaves after the given quarters and the given months outside
 * them. Without a year's target, a month no target covers is 0. (The plans' rules keep every part within its whole,
 * so the months add up to the year's target whenever some month is left to share it.)
 */
export function monthTargets(targets: readonly OverallTarget[]): number[] | null {
  if (targets.length === 0) return null;
  const at = (period: TPlanPeriod) => targets.find((t) => t.period === period)?.value ?? null;
  const given = PLAN_MONTHS.map((month) => at(month));
  const result = given.map((value) => value ?? 0);
  const spread = (indexes: readonly number[], amount: number) => {
    for (const index of indexes) result[index] = Math.max(0, amount) / indexes.length;
  };
  const yearTarget = at('year');
  let yearLeft = yearTarget ?? 0;
  const shareOfYear: number[] = [];
  for (let quarter = 0; quarter < 4; quarter++) {
    const indexes = [quarter * 3, quarter * 3 + 1, quarter * 3 + 2];
    const open = indexes.filter((index) => given[index] === null);
    const givenSum = sum(indexes.map((index) => given[index] ?? 0));
    const quarterTarget = at(`Q${quarter + 1}` as TPlanPeriod);
    if (quarterTarget !== null) {
      spread(open, quarterTarget - givenSum);
      yearLeft -= quarterTarget;
    } else {
      shareOfYear.push(...open);
      yearLeft -= givenSum;
    }
  }
  if (yearTarget !== null) spread(shareOfYear, yearLeft);
  return result;
}

/**
 * The year's target: the one given for the year, else what the month targets add up to (each quarter's target, or
 * the months given in a quarter without one, added exactly); null without targets.
 */
export function yearTarget(targets: readonly OverallTarget[]): number | null {
  if (targets.length === 0) return null;
  const at = (period: string) => targets.find((t) => t.period === period)?.value ?? null;
  const year = at('year');
  if (year !== null) return year;
  return sum(
    [0, 1, 2, 3].map(
      (q) => at(`Q${q + 1}`) ?? sum([1, 2, 3].map((m) => at(`M${String(q * 3 + m).padStart(2, '0')}`) ?? 0)),
    ),
  );
}

/** What the month targets expect by `asOf` (inclusive): whole months before it, its own month by its days. */
export function expectedBy(months: readonly number[], year: number, asOf: string): number {
  const [asOfYear, month, day] = asOf.split('-').map(Number) as [number, number, number];
  if (asOfYear < year) return 0;
  if (asOfYear > year) return sum(months);
  return sum(months.slice(0, month - 1)) + ((months[month - 1] ?? 0) * day) / daysIn(year, month);
}

/** The last day counted and the year's state, from today's date in Vietnam. */
export function countedTo(year: number, today: string): { asOf: string; state: YearState } {
  const todayYear = Number(today.slice(0, 4));
  if (todayYear < year) return { asOf: today, state: 'future' };
  if (todayYear > year || today === `${year}-12-31`) return { asOf: `${year}-12-31`, state: 'over' };
  return { asOf: today, state: 'current' };
}

/** The months measured: each from its first day to its last or to `asOf`; none for a year not begun. */
export function countedMonths(year: number, asOf: string, state: YearState): { from: string; to: string }[] {
  if (state === 'future') return [];
  const last = state === 'over' ? 12 : Number(asOf.slice(5, 7));
  return Array.from({ length: last }, (_, index) => {
    const month = index + 1;
    const end = `${year}-${pad(month)}-${pad(daysIn(year, month))}`;
    return { from: `${year}-${pad(month)}-01`, to: end < asOf ? end : asOf };
  });
}

/** How a unit stands (thresholds of the contract: 90 % and 70 % of what is expected by `asOf`). */
export function statusOf(input: {
  target: number | null;
  expected: number | null;
  actual: number | null;
  measured: boolean;
  state: YearState;
}): TPlanActualStatus {
  const { target, expected, actual } = input;
  if (target === null) return 'no_target';
  if (!input.measured) return 'no_data';
  // A year not begun: nothing is expected yet.
  if (actual === null || expected === null) return 'on_track';
  if (actual >= target) return 'done';
  if (input.state === 'over') return 'late';
  if (expected <= 0 || 10 * actual >= 9 * expected) return 'on_track';
  return 10 * actual >= 7 * expected ? 'at_risk' : 'late';
}

/**
 * One metric of one unit: its targets, whether a module keeps records of it, and what the unit achieved in each
 * counted month (`countedMonths`, in order).
 */
export function metricResult(input: {
  metric: TPlanMetric;
  targets: readonly OverallTarget[];
  measured: boolean;
  monthActuals: readonly number[];
  year: number;
  asOf: string;
  state: YearState;
}): TPlanActualMetric {
  const months = monthTargets(input.targets);
  const target = yearTarget(input.targets);
  const counted = input.measured && input.state !== 'future';
  const actual = counted ? sum(input.monthActuals) : null;
  const expected = months ? round2(expectedBy(months, input.year, input.asOf)) : null;
  return {
    metric: input.metric,
    target,
    expected,
    actual,
    completion: target === null || actual === null || target === 0 ? null : actual / target,
    status: statusOf({ target, expected, actual, measured: input.measured, state: input.state }),
    months: PLAN_MONTHS.map((_, index) => ({
      month: `${input.year}-${pad(index + 1)}`,
      target: months ? round2(months[index]!) : null,
      actual: counted && index < input.monthActuals.length ? input.monthActuals[index]! : null,
    })),
  };
}

const completionOf = (unit: TPlanActualUnit, metric: TPlanMetric) =>
  unit.metrics.find((m) => m.metric === metric)?.completion ?? null;

/**
 * Children best completion of `metric` first, each ranked (equal completions share a rank); units without a
 * completion (no target, no data, a target of 0) come last, unranked, in the order given.
 */
export function rankByCompletion(units: readonly TPlanActualUnit[], metric: TPlanMetric): TPlanActualUnit[] {
  const ranked = units.filter((unit) => completionOf(unit, metric) !== null);
  const rest = units.filter((unit) => completionOf(unit, metric) === null);
  const sorted = [...ranked].sort((a, b) => completionOf(b, metric)! - completionOf(a, metric)!);
  return [
    ...sorted.map((unit) => ({
      ...unit,
      rank: 1 + sorted.filter((other) => completionOf(other, metric)! > completionOf(unit, metric)!).length,
    })),
    ...rest.map((unit) => ({ ...unit, rank: null })),
  ];
}

/** How many children are in each state on `metric`. */
export function statusCounts(
  units: readonly TPlanActualUnit[],
  metric: TPlanMetric,
): Record<TPlanActualStatus, number> {
  const counts = Object.fromEntries(PLAN_ACTUAL_STATUSES.map((status) => [status, 0])) as Record<
    TPlanActualStatus,
    number
  >;
  for (const unit of units) {
    const status = unit.metrics.find((m) => m.metric === metric)?.status;
    if (status) counts[status] += 1;
  }
  return counts;
}

/** The statuses of a `status` filter (`late,at_risk`); null when one of them is not a status. */
export function parseStatusFilter(value: string | undefined): TPlanActualStatus[] | null {
  if (!value) return [];
  const parts = value.split(',');
  return parts.every((part) => (PLAN_ACTUAL_STATUSES as readonly string[]).includes(part))
    ? (parts as TPlanActualStatus[])
    : null;
}
