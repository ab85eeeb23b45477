// Plan versus actual (issue 9 §2): each unit's targets of the year against its real results, month by month, with the
// children of a unit ranked and late or at-risk units highlighted. Targets come from the units' plans (approved or
// not — the status is shown), results from the same records the plans' progress counts (decision 0043).
import { z } from 'zod';
import { ZId } from './common.js';
import { ZPlanMetric, ZPlanStatus } from './plans.js';

/**
 * How a unit stands on a metric at `asOf`:
 * - `no_target`: its plan sets no target for the metric (or it has no plan);
 * - `no_data`: no module keeps records of the metric (never an invented number);
 * - `done`: the year's target is reached;
 * - `on_track`: at least 90 % of what the monthly targets expect by `asOf`;
 * - `at_risk`: 70–90 % of it;
 * - `late`: under 70 % of it, or the year is over and the target not reached.
 */
export const PLAN_ACTUAL_STATUSES = ['done', 'on_track', 'at_risk', 'late', 'no_target', 'no_data'] as const;
export const ZPlanActualStatus = z.enum(PLAN_ACTUAL_STATUSES);
export type TPlanActualStatus = z.infer<typeof ZPlanActualStatus>;

export const PLAN_ACTUAL_STATUS_LABELS: Record<TPlanActualStatus, { vi: string; en: string }> = {
  done: { vi: 'Đã hoàn thành', en: 'Done' },
  on_track: { vi: 'Đúng tiến độ', en: 'On track' },
  at_risk: { vi: 'Có nguy cơ chậm', en: 'At risk' },
  late: { vi: 'Chậm tiến độ', en: 'Late' },
  no_target: { vi: 'Chưa giao chỉ tiêu', en: 'No target' },
  no_data: { vi: 'Chưa có số liệu', en: 'No data' },
};

export const ZPlanActualQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  /** The unit whose children are ranked; defaults to the caller's unit; outside the caller's scope → 404. */
  orgUnitId: ZId.optional(),
  /** The metric the children are ranked by (default: the first metric the scope has a target for). */
  metric: ZPlanMetric.optional(),
  /** Only children in these states (comma-separated in the URL), e.g. `late,at_risk`. */
  status: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/)
    .optional(),
});
export type TPlanActualQuery = z.infer<typeof ZPlanActualQuery>;

export const ZPlanActualMonth = z.object({
  /** yyyy-mm */
  month: z.string(),
  /**
   * The month's target: the month's own target if the plan gives one; else an equal share of what its quarter's target
   * leaves after the given months; else an equal share of what the year's target leaves (decision 0043). Null without
   * a target.
   */
  target: z.number().nullable(),
  /** What was achieved in the month; null for `no_data` or a month after `asOf`. */
  actual: z.number().nullable(),
});
export type TPlanActualMonth = z.infer<typeof ZPlanActualMonth>;

export const ZPlanActualMetric = z.object({
  metric: ZPlanMetric,
  /** The year's target for all themes and audiences; null without one. */
  target: z.number().nullable(),
  /** What the monthly targets add up to by `asOf`. */
  expected: z.number().nullable(),
  /** Achieved from 1 January to `asOf`; null for `no_data`. */
  actual: z.number().nullable(),
  /** actual / target (0..), null when either is missing or the target is 0. */
  completion: z.number().nullable(),
  status: ZPlanActualStatus,
  months: z.array(ZPlanActualMonth),
});
export type TPlanActualMetric = z.infer<typeof ZPlanActualMetric>;

export const ZPlanActualUnit = z.object({
  unit: z.object({ id: ZId, code: z.string(), name: z.string(), kind: z.string() }),
  plan: z.object({ id: ZId, status: ZPlanStatus, title: z.string() }).nullable(),
  metrics: z.array(ZPlanActualMetric),
  /** Position among the children by the ranking metric (1 = highest completion); null for the scope itself. */
  rank: z.number().int().nullable(),
});
export type TPlanActualUnit = z.infer<typeof ZPlanActualUnit>;

export const ZPlanActual = z.object({
  year: z.number().int(),
  /** The last day counted: today (Vietnam) during the year, 31 December after it. */
  asOf: z.iso.date(),
  metric: ZPlanMetric,
  scope: ZPlanActualUnit,
  /** The scope's direct children, best completion of `metric` first (units without target or data last). */
  children: z.array(ZPlanActualUnit),
  /** How many children are in each state on `metric`. */
  counts: z.record(ZPlanActualStatus, z.number().int()),
});
export type TPlanActual = z.infer<typeof ZPlanActual>;
