import {
  PLAN_METRICS,
  vietnamDay,
  type TPlanActual,
  type TPlanActualQuery,
  type TPlanActualUnit,
  type TPlanMetric,
  type TPlanPeriod,
  type TPlanStatus,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/transaction.js';
import { fieldError, notFound } from '../../platform/errors.js';
import type { ProgressQuery } from '../plans/index.js';
import {
  countedMonths,
  countedTo,
  metricResult,
  parseStatusFilter,
  rankByCompletion,
  statusCounts,
  type OverallTarget,
  type YearState,
} from './plan-actual-arithmetic.js';
import { planActualPolicy } from './plan-actual.policy.js';
import type { PlanActualRepository, PlanActualUnitRow, PlanTargetsRow } from './plan-actual.repository.js';

export interface PlanActualDeps {
  db: Executor;
  repo: PlanActualRepository;
  /**
   * What units achieved of a metric in a period (the plans module's progress sources, each unit counting its
   * subtree); null when no module keeps records of the metric.
   */
  measure: (metric: TPlanMetric, query: ProgressQuery) => Promise<ReadonlyMap<string, number> | null>;
  /** The clock ("today" in Vietnam); tests fix it. */
  now?: () => Date;
}

interface UnitPlan {
  id: string;
  status: TPlanStatus;
  title: string;
  targets: Map<TPlanMetric, OverallTarget[]>;
}

/** The plans of the units, each with its overall targets by metric. */
function plansByUnit(rows: readonly PlanTargetsRow[]): Map<string, UnitPlan> {
  const plans = new Map<string, UnitPlan>();
  for (const row of rows) {
    let plan = plans.get(row.orgUnitId);
    if (!plan) {
      plan = { id: row.planId, status: row.status as TPlanStatus, title: row.title, targets: new Map() };
      plans.set(row.orgUnitId, plan);
    }
    if (row.metric && row.period && row.value !== null) {
      const metric = row.metric as TPlanMetric;
      plan.targets.set(metric, [
        ...(plan.targets.get(metric) ?? []),
        { period: row.period as TPlanPeriod, value: Number(row.value) },
      ]);
    }
  }
  return plans;
}

export type PlanActualService = ReturnType<typeof createPlanActualService>;

export function createPlanActualService(deps: PlanActualDeps) {
  const { db, repo, measure } = deps;
  const now = deps.now ?? (() => new Date());

  /**
   * Every metric of every unit, month by month: one measurement per metric and counted month for the scope and all
   * its children at once (never one per child).
   */
  async function measureAll(units: readonly PlanActualUnitRow[], year: number, asOf: string, state: YearState) {
    const months = countedMonths(year, asOf, state);
    const list = units.map((u) => ({ id: u.id, path: u.path }));
    const perMetric = await Promise.all(
      PLAN_METRICS.map(async (metric) => {
        const base = { year, themeCode: null, audienceCode: null };
        if (months.length === 0) return (await measure(metric, { ...base, from: asOf, to: asOf, units: [] })) !== null;
        const measured = await Promise.all(months.map((range) => measure(metric, { ...base, ...range, units: list })));
        return measured.some((m) => m === null) ? null : (measured as ReadonlyMap<string, number>[]);
      }),
    );
    return new Map(PLAN_METRICS.map((metric, index) => [metric, perMetric[index]!]));
  }

  async function compute(
    unit: PlanActualUnitRow,
    year: number,
    today: string,
    options: { metric?: TPlanMetric | undefined; statuses?: readonly string[] } = {},
  ): Promise<TPlanActual> {
    const { asOf, state } = countedTo(year, today);
    const children = await repo.children(db, unit.id, year);
    const units = [unit, ...children];
    const [plans, measured] = await Promise.all([
      repo.plansWithTargets(
        db,
        units.map((u) => u.id),
        year,
      ),
      measureAll(units, year, asOf, state),
    ]).then(([rows, values]) => [plansByUnit(rows), values] as const);

    const resultOf = (row: PlanActualUnitRow): TPlanActualUnit => {
      const plan = plans.get(row.id);
      return {
        unit: { id: row.id, code: row.code, name: row.name, kind: row.kind },
        plan: plan ? { id: plan.id, status: plan.status, title: plan.title } : null,
        metrics: PLAN_METRICS.map((metric) => {
          const values = measured.get(metric);
          // A source that answers without this unit has no data for it, as the plans' progress shows it.
          const has = Array.isArray(values) ? values.every((m) => m.has(row.id)) : values === true;
          return metricResult({
            metric,
            targets: plan?.targets.get(metric) ?? [],
            measured: has,
            monthActuals: Array.isArray(values) ? values.map((m) => m.get(row.id) ?? 0) : [],
            year,
            asOf,
            state,
          });
        }),
        rank: null,
      };
    };

    const scope = resultOf(unit);
    const childResults = children.map(resultOf);
    const scopePlan = plans.get(unit.id);
    const metric =
      options.metric ??
      PLAN_METRICS.find((m) => scopePlan?.targets.has(m)) ??
      PLAN_METRICS.find((m) => children.some((child) => plans.get(child.id)?.targets.has(m))) ??
      PLAN_METRICS[0];
    const ranked = rankByCompletion(childResults, metric);
    const wanted = new Set(options.statuses ?? []);
    return {
      year,
      asOf,
      metric,
      scope,
      children:
        wanted.size === 0
          ? ranked
          : ranked.filter((child) => wanted.has(child.metrics.find((m) => m.metric === metric)!.status)),
      counts: statusCounts(ranked, metric),
    };
  }

  return {
    /** Plan versus actual of a unit of the caller's subtree (404 outside it), its children ranked by `metric`. */
    async get(actor: Actor, query: TPlanActualQuery): Promise<TPlanActual> {
      const statuses = parseStatusFilter(query.status);
      if (statuses === null) throw fieldError('status', 'validation.invalid_value');
      const unitId = query.orgUnitId ?? actor.orgUnitId;
      const unit = unitId ? await repo.findUnit(db, unitId) : await repo.findRoot(db);
      if (!unit || !planActualPolicy.canSeeUnit(actor, unit.path)) throw notFound('org_unit');
      return compute(unit, query.year, vietnamDay(now()), { metric: query.metric, statuses });
    },

    internal: {
      /**
       * Plan versus actual of any unit (no caller check, for the reports module); counted as on `asOf` (default:
       * today in Vietnam), ranked by the first metric the unit has a target for. Null for an unknown unit.
       */
      async compute(unitId: string, year: number, asOf?: string): Promise<TPlanActual | null> {
        const unit = await repo.findUnit(db, unitId);
        return unit ? compute(unit, year, asOf ?? vietnamDay(now())) : null;
      },
    },
  };
}
