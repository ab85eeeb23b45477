import {
  PLAN_METRICS,
  planTargetKey,
  type TPage,
  type TPlan,
  type TPlanDetail,
  type TPlanListQuery,
  type TPlanMetric,
  type TPlanPeriod,
  type TPlanProgress,
  type TPlanStatus,
  type TPlanTree,
  type TPlanTreeQuery,
  type TUnitKind,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/errors.js';
import { refusal } from './plan-status.js';
import type { PlanRow, PlansRepository, TargetRow } from './plans.repository.js';
import { plansPolicy, type PlanTarget } from './plans.policy.js';
import { buildTree, parentLimits, periodRange, splitOf, sumsByKey, totalsOf } from './target-arithmetic.js';

/** What a progress source is asked: how much of a metric units achieved in a period, for a theme and audience. */
export interface ProgressQuery {
  year: number;
  /** First and last calendar day of the period (`yyyy-mm-dd`, Vietnam's calendar). */
  from: string;
  to: string;
  themeCode: string | null;
  audienceCode: string | null;
  /** The units to measure, each counting the records of its whole subtree. */
  units: readonly { id: string; path: string }[];
}
/** A module that keeps real records of a metric (products, events, expenditures) reports them per unit id. */
export type ProgressSource = (tx: Executor, query: ProgressQuery) => Promise<ReadonlyMap<string, number>>;

const iso = (value: Date | null) => (value ? value.toISOString() : null);
const person = (id: string | null, name: string | null) => (id && name ? { id, fullName: name } : null);
const NO_DATA: TPlanProgress = { status: 'no_data' };

/** A stored row's metric and period, typed (the database checks them against the same lists). */
export const keyed = <T extends { metric: string; period: string }>(row: T) => ({
  ...row,
  metric: row.metric as TPlanMetric,
  period: row.period as TPlanPeriod,
});

export const policyTarget = (row: PlanRow): PlanTarget => ({
  orgUnitId: row.orgUnitId,
  orgUnitPath: row.orgUnitPath,
  isRoot: row.orgUnitParentId === null,
  submittedBy: row.submittedBy,
});

export function toPlan(row: PlanRow, targets: readonly TargetRow[], actor: Actor): TPlan {
  const status = row.status as TPlanStatus;
  const target = policyTarget(row);
  const writable = plansPolicy.canWrite(actor, row.orgUnitPath);
  return {
    id: row.id,
    orgUnit: { id: row.orgUnitId, code: row.orgUnitCode, name: row.orgUnitName, kind: row.orgUnitKind as TUnitKind },
    year: row.year,
    guidanceYear: row.guidanceYear,
    title: row.title,
    notes: row.notes,
    status,
    returnedReason: row.returnedReason,
    submittedBy: person(row.submittedBy, row.submittedByName),
    submittedAt: iso(row.submittedAt),
    approvedBy: person(row.approvedBy, row.approvedByName),
    approvedAt: iso(row.approvedAt),
    returnedBy: person(row.returnedBy, row.returnedByName),
    returnedAt: iso(row.returnedAt),
    totals: totalsOf(targets.map(keyed)),
    can: {
      edit: writable && !refusal('edit', status),
      submit: plansPolicy.canSubmit(actor, target) && !refusal('submit', status),
      review: plansPolicy.canReview(actor, target) && (!refusal('approve', status) || !refusal('return', status)),
      delete: writable && !refusal('delete', status),
    },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type PlanViews = ReturnType<typeof createPlanViews>;

/** The read side of plans: lists, the tree, one plan with its split and progress; and the progress sources. */
export function createPlanViews(deps: { db: Executor; repo: PlansRepository }) {
  const { db, repo } = deps;
  const sources = new Map<TPlanMetric, ProgressSource>();

  async function measure(tx: Executor, metric: TPlanMetric, query: ProgressQuery): Promise<Map<string, TPlanProgress>> {
    const source = sources.get(metric);
    if (!source) return new Map();
    const actual = await source(tx, query);
    return new Map([...actual].map(([unitId, value]) => [unitId, { status: 'measured', actual: value }]));
  }

  async function getInScope(tx: Executor, actor: Actor, id: string, lock = false): Promise<PlanRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row || !plansPolicy.canRead(actor, row.orgUnitPath)) throw notFound('plan');
    return row;
  }

  /** One plan with its targets, how each is split among the child units, its limits from above and progress. */
  async function detail(tx: Executor, actor: Actor, row: PlanRow): Promise<TPlanDetail> {
    const targets = await repo.listTargets(tx, [row.id]);
    const hasChildUnits = await repo.hasChildUnits(tx, row.orgUnitId);
    const childrenSums = hasChildUnits ? (await repo.sumChildTargets(tx, row.orgUnitId, row.year)).map(keyed) : [];
    const held = sumsByKey(childrenSums);
    const parent = row.orgUnitParentId ? await repo.findByUnitYear(tx, row.orgUnitParentId, row.year) : null;
    const parentTargets = parent ? await repo.listTargets(tx, [parent.id]) : [];
    const siblings = parent ? await repo.sumChildTargets(tx, parent.orgUnitId, row.year, row.orgUnitId) : [];
    const units = [{ id: row.orgUnitId, path: row.orgUnitPath }];
    const progress = await Promise.all(
      targets.map(keyed).map(async ({ metric, period, themeCode, audienceCode }) => {
        const query = { year: row.year, ...periodRange(row.year, period), themeCode, audienceCode, units };
        return (await measure(tx, metric, query)).get(row.orgUnitId) ?? NO_DATA;
      }),
    );
    return {
      ...toPlan(row, targets, actor),
      targets: targets.map(keyed).map((t, index) => ({
        metric: t.metric,
        period: t.period,
        themeCode: t.themeCode,
        audienceCode: t.audienceCode,
        value: t.value,
        note: t.note,
        ...splitOf(t.value, held.get(planTargetKey(t)) ?? 0, hasChildUnits),
        progress: progress[index]!,
      })),
      parentPlan: parent
        ? {
            id: parent.id,
            status: parent.status as TPlanStatus,
            orgUnit: {
              id: parent.orgUnitId,
              code: parent.orgUnitCode,
              name: parent.orgUnitName,
              kind: parent.orgUnitKind as TUnitKind,
            },
          }
        : null,
      parentLimits: parentLimits(parentTargets.map(keyed), sumsByKey(siblings.map(keyed))),
      childrenSums,
    };
  }

  return {
    getInScope,
    detail,

    /**
     * Registers where a metric's progress comes from (products, events, expenditures, as their modules land).
     * A metric without a source shows "no data", never an invented number.
     */
    registerProgressSource(metric: TPlanMetric, source: ProgressSource): void {
      sources.set(metric, source);
    },

    /**
     * How much of a metric each unit (its whole subtree) achieved in a period, from the metric's source (plan versus
     * actual reads it month by month); null when no module keeps records of the metric. No units: nothing is read.
     */
    async measureProgress(metric: TPlanMetric, query: ProgressQuery): Promise<ReadonlyMap<string, number> | null> {
      const source = sources.get(metric);
      if (!source) return null;
      return query.units.length === 0 ? new Map() : source(db, query);
    },

    /** A page of the plans in the actor's scope (every match when `all`, for export). */
    async listPlans(actor: Actor, query: TPlanListQuery, all = false): Promise<TPage<TPlan>> {
      const { rows, total } = await repo.list(db, plansPolicy.scopePath(actor), query, all);
      const targets = await repo.listTargets(
        db,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((row) =>
          toPlan(
            row,
            targets.filter((t) => t.planId === row.id),
            actor,
          ),
        ),
        total,
      };
    },

    async getPlan(actor: Actor, id: string): Promise<TPlanDetail> {
      return detail(db, actor, await getInScope(db, actor, id));
    },

    /** The actor's subtree (or the part under `unitId`) with each unit's plan of the year and its figures. */
    async getTree(actor: Actor, query: TPlanTreeQuery): Promise<TPlanTree> {
      const scope = plansPolicy.scopePath(actor);
      const top = query.unitId
        ? await repo.findUnit(db, query.unitId)
        : scope === '/'
          ? await repo.findRootUnit(db)
          : await repo.findUnitByPath(db, scope);
      if (!top || !plansPolicy.canRead(actor, top.path)) throw notFound('org_unit');
      const units = await repo.listSubtreeUnits(db, top.path);
      const plans = await repo.listPlansOfYear(db, top.path, query.year);
      const targetsByPlan = new Map<string, ReturnType<typeof keyed<TargetRow>>[]>();
      const planTargets = await repo.listTargets(
        db,
        plans.map((p) => p.id),
      );
      for (const t of planTargets) targetsByPlan.set(t.planId, [...(targetsByPlan.get(t.planId) ?? []), keyed(t)]);
      const whole: ProgressQuery = {
        year: query.year,
        ...periodRange(query.year, 'year'),
        themeCode: null,
        audienceCode: null,
        units: units.map((u) => ({ id: u.id, path: u.path })),
      };
      const progress = new Map<TPlanMetric, Map<string, TPlanProgress>>();
      for (const metric of PLAN_METRICS) progress.set(metric, await measure(db, metric, whole));
      const paths = new Map(units.map((u) => [u.id, u.path]));
      return {
        year: query.year,
        nodes: buildTree({
          units,
          plans,
          targetsByPlan,
          progress: (metric, unitId) => progress.get(metric)?.get(unitId) ?? NO_DATA,
          canCreate: (unit) => plansPolicy.canWrite(actor, paths.get(unit.id)!),
        }),
      };
    },
  };
}
