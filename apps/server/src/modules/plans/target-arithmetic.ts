import {
  PLAN_METRICS,
  PLAN_MONTHS,
  PLAN_QUARTERS,
  planTargetKey,
  type TargetKeyed,
  type TPlanMetric,
  type TPlanPeriod,
  type TPlanParentLimit,
  type TPlanProgress,
  type TPlanStatus,
  type TPlanTreeNode,
  type TUnitKind,
} from '@loa/contracts';

/** A target as the arithmetic needs it. */
export interface ValuedTarget extends TargetKeyed {
  value: number;
}

const isOverall = (target: TargetKeyed) => !target.themeCode && !target.audienceCode;

/**
 * A metric's figure for the whole year, all themes and audiences: the yearly target when there is one, else
 * the sum of the quarters, else of the months; null when the plan sets nothing for the metric.
 */
export function headlineValue(targets: readonly ValuedTarget[], metric: TPlanMetric): number | null {
  const overall = targets.filter((t) => t.metric === metric && isOverall(t));
  const year = overall.find((t) => t.period === 'year');
  if (year) return year.value;
  for (const periods of [PLAN_QUARTERS, PLAN_MONTHS] as readonly (readonly TPlanPeriod[])[]) {
    const parts = overall.filter((t) => periods.includes(t.period));
    if (parts.length > 0) return parts.reduce((sum, t) => sum + t.value, 0);
  }
  return null;
}

/** Every metric's headline figure. */
export function totalsOf(targets: readonly ValuedTarget[]): Record<TPlanMetric, number | null> {
  return Object.fromEntries(PLAN_METRICS.map((metric) => [metric, headlineValue(targets, metric)])) as Record<
    TPlanMetric,
    number | null
  >;
}

/** Sums of targets with the same key. */
export function sumsByKey(rows: readonly (TargetKeyed & { sum: number })[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(planTargetKey(row), (sums.get(planTargetKey(row)) ?? 0) + row.sum);
  return sums;
}

/**
 * How a target is split among the child units: what they hold together and what is still to give out
 * (`shortfall`, never negative). Both are null for a unit without child units.
 */
export function splitOf(
  value: number | null,
  childrenSum: number,
  hasChildUnits: boolean,
): { childrenSum: number | null; shortfall: number | null } {
  if (!hasChildUnits) return { childrenSum: null, shortfall: null };
  return { childrenSum, shortfall: value === null ? null : Math.max(0, value - childrenSum) };
}

/** The parent's targets as limits for one child: each with what the other children already hold. */
export function parentLimits(
  parentTargets: readonly ValuedTarget[],
  siblingsSums: ReadonlyMap<string, number>,
): TPlanParentLimit[] {
  return parentTargets.map((target) => ({
    metric: target.metric,
    period: target.period,
    themeCode: target.themeCode ?? null,
    audienceCode: target.audienceCode ?? null,
    parentValue: target.value,
    siblingsSum: siblingsSums.get(planTargetKey(target)) ?? 0,
  }));
}

/** The calendar days a period of `year` covers (`yyyy-mm-dd`, both included). */
export function periodRange(year: number, period: TPlanPeriod): { from: string; to: string } {
  const day = (month: number, dayOfMonth: number) =>
    `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
  const lastDay = (month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (period === 'year') return { from: day(1, 1), to: day(12, 31) };
  const first = period.startsWith('Q') ? (Number(period.slice(1)) - 1) * 3 + 1 : Number(period.slice(1));
  const last = period.startsWith('Q') ? first + 2 : first;
  return { from: day(first, 1), to: day(last, lastDay(last)) };
}

export interface TreeUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
}
export interface TreePlan {
  id: string;
  orgUnitId: string;
  status: string;
  title: string;
  version: number;
}

/**
 * The plans tree: each unit (parents before children, as given) with its plan and, per metric, its headline
 * target, what its child units' plans hold together, the shortfall, and the progress measured for it.
 */
export function buildTree(input: {
  units: readonly TreeUnit[];
  plans: readonly TreePlan[];
  targetsByPlan: ReadonlyMap<string, readonly ValuedTarget[]>;
  progress: (metric: TPlanMetric, unitId: string) => TPlanProgress;
  canCreate: (unit: TreeUnit) => boolean;
}): TPlanTreeNode[] {
  const planOf = new Map(input.plans.map((plan) => [plan.orgUnitId, plan]));
  const headline = new Map(
    input.units.map((unit) => {
      const plan = planOf.get(unit.id);
      return [unit.id, totalsOf(plan ? (input.targetsByPlan.get(plan.id) ?? []) : [])];
    }),
  );
  const children = new Map<string, TreeUnit[]>();
  for (const unit of input.units) {
    if (unit.parentId) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  }
  // The top of the tree may have a parent outside it: that parent is not part of the answer.
  const ids = new Set(input.units.map((unit) => unit.id));
  return input.units.map((unit) => {
    const plan = planOf.get(unit.id);
    const kids = children.get(unit.id) ?? [];
    return {
      unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind as TUnitKind },
      parentId: unit.parentId && ids.has(unit.parentId) ? unit.parentId : null,
      hasChildren: kids.length > 0,
      plan: plan ? { id: plan.id, status: plan.status as TPlanStatus, title: plan.title, version: plan.version } : null,
      metrics: PLAN_METRICS.map((metric) => {
        const target = headline.get(unit.id)![metric];
        const held = kids.reduce((sum, kid) => sum + (headline.get(kid.id)![metric] ?? 0), 0);
        return { metric, target, ...splitOf(target, held, kids.length > 0), progress: input.progress(metric, unit.id) };
      }),
      canCreate: !plan && input.canCreate(unit),
    };
  });
}
