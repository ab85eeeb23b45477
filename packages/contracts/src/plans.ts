import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { ZUnitKind } from './roles.js';

/** What a plan sets targets for (the introduction of 1191/BHXH-TT and §V.2). `budget_vnd` is in đồng. */
export const PLAN_METRICS = [
  'products',
  'events',
  'people_reached',
  'voluntary_participants',
  'household_bhyt_participants',
  'budget_vnd',
] as const;
export const ZPlanMetric = z.enum(PLAN_METRICS);
export type TPlanMetric = z.infer<typeof ZPlanMetric>;

export const PLAN_METRIC_LABELS: Record<TPlanMetric, { vi: string; en: string }> = {
  products: { vi: 'Tin, bài và sản phẩm truyền thông', en: 'Articles and other products' },
  events: { vi: 'Hoạt động truyền thông trực tiếp', en: 'Direct communication events' },
  people_reached: { vi: 'Lượt người được tiếp cận', en: 'People reached' },
  voluntary_participants: {
    vi: 'Người tham gia BHXH tự nguyện mới',
    en: 'New voluntary social insurance participants',
  },
  household_bhyt_participants: {
    vi: 'Người tham gia BHYT hộ gia đình mới',
    en: 'New household health insurance participants',
  },
  budget_vnd: { vi: 'Kinh phí (đồng)', en: 'Budget (VND)' },
};

/** draft → submitted → approved, or → returned (with a reason) and then edited and submitted again. */
export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export const ZPlanStatus = z.enum(PLAN_STATUSES);
export type TPlanStatus = z.infer<typeof ZPlanStatus>;

export const PLAN_STATUS_LABELS: Record<TPlanStatus, { vi: string; en: string }> = {
  draft: { vi: 'Đang soạn thảo', en: 'Draft' },
  submitted: { vi: 'Đã trình, chờ duyệt', en: 'Submitted' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
};

export const PLAN_QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
export const PLAN_MONTHS = [
  'M01',
  'M02',
  'M03',
  'M04',
  'M05',
  'M06',
  'M07',
  'M08',
  'M09',
  'M10',
  'M11',
  'M12',
] as const;
/** The whole year, a quarter or a month of the plan's year. */
export const PLAN_PERIODS = ['year', ...PLAN_QUARTERS, ...PLAN_MONTHS] as const;
export const ZPlanPeriod = z.enum(PLAN_PERIODS);
export type TPlanPeriod = z.infer<typeof ZPlanPeriod>;

const ROMAN = ['I', 'II', 'III', 'IV'];
export function planPeriodLabel(period: TPlanPeriod, locale: 'vi' | 'en'): string {
  if (period === 'year') return locale === 'vi' ? 'Cả năm' : 'Whole year';
  if (period.startsWith('Q')) {
    const quarter = Number(period.slice(1));
    return locale === 'vi' ? `Quý ${ROMAN[quarter - 1]}` : `Quarter ${quarter}`;
  }
  const month = Number(period.slice(1));
  return locale === 'vi' ? `Tháng ${month}` : `Month ${month}`;
}

/** The quarter (1–4) a month period falls in. */
export const quarterOfMonth = (period: TPlanPeriod) => Math.ceil(Number(period.slice(1)) / 3);

/**
 * The largest target value: 10^13. Stored as bigint; any sum over the whole org tree (under 900 units)
 * then stays below 2^53, so JSON numbers carry it exactly.
 */
export const MAX_TARGET_VALUE = 10_000_000_000_000;

const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => text(max).min(1, { message: 'validation.required' });
const ZPlanYear = z.number().int().min(2000).max(2100);
/** A theme or audience code of the plan's guidance year (II.1.a, I.3); null or blank means "all". */
const ZGuidanceCode = text(20).nullable().optional();

export const ZPlanTargetInput = z.strictObject({
  metric: ZPlanMetric,
  period: ZPlanPeriod,
  themeCode: ZGuidanceCode,
  audienceCode: ZGuidanceCode,
  value: z.number().int().min(0).max(MAX_TARGET_VALUE),
  note: text(500).nullable().optional(),
});
export type TPlanTargetInput = z.infer<typeof ZPlanTargetInput>;

/** The whole target set of a plan, replaced at once; checked with `targetSetProblems` and the split rules. */
export const ZReplaceTargetsRequest = z.strictObject({
  version: ZVersion,
  targets: z.array(ZPlanTargetInput).max(500),
});
export type TReplaceTargetsRequest = z.infer<typeof ZReplaceTargetsRequest>;

export const ZCreatePlanRequest = z.strictObject({
  /** Defaults to the caller's own unit. */
  orgUnitId: ZId.optional(),
  year: ZPlanYear,
  /** Defaults to the latest guidance year not after `year`. */
  guidanceYear: ZPlanYear.optional(),
  title: requiredText(300),
  notes: text(5000).nullable().optional(),
});
export type TCreatePlanRequest = z.infer<typeof ZCreatePlanRequest>;

export const ZUpdatePlanRequest = z
  .strictObject({
    title: requiredText(300),
    notes: text(5000).nullable(),
    guidanceYear: ZPlanYear,
    version: ZVersion,
  })
  .partial()
  .required({ version: true });
export type TUpdatePlanRequest = z.infer<typeof ZUpdatePlanRequest>;

/** Submit and approve carry the version the user saw, so nobody acts on a plan changed meanwhile. */
export const ZPlanActionRequest = z.strictObject({ version: ZVersion });
export type TPlanActionRequest = z.infer<typeof ZPlanActionRequest>;

export const ZReturnPlanRequest = z.strictObject({ version: ZVersion, reason: requiredText(2000) });
export type TReturnPlanRequest = z.infer<typeof ZReturnPlanRequest>;

export const ZPlanListQuery = ZListQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Plans of this unit and the units under it. */
  orgUnitId: ZId.optional(),
  status: ZPlanStatus.optional(),
});
export type TPlanListQuery = z.infer<typeof ZPlanListQuery>;

export const ZPlanTreeQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  /** The unit at the top of the tree; defaults to the top of the caller's scope. */
  unitId: ZId.optional(),
});
export type TPlanTreeQuery = z.infer<typeof ZPlanTreeQuery>;

/** Progress from real records; `no_data` until the module that keeps them exists: never an invented number. */
export const ZPlanProgress = z.discriminatedUnion('status', [
  z.object({ status: z.literal('no_data') }),
  z.object({ status: z.literal('measured'), actual: z.number().int() }),
]);
export type TPlanProgress = z.infer<typeof ZPlanProgress>;

const ZPlanUnit = z.object({ id: ZId, code: z.string(), name: z.string(), kind: ZUnitKind });
const ZPerson = z.object({ id: ZId, fullName: z.string() });

export const ZPlan = z.object({
  id: ZId,
  orgUnit: ZPlanUnit,
  year: z.number().int(),
  guidanceYear: z.number().int(),
  title: z.string(),
  notes: z.string().nullable(),
  status: ZPlanStatus,
  /** Why the plan was last returned (kept after resubmission, for the reviewer). */
  returnedReason: z.string().nullable(),
  submittedBy: ZPerson.nullable(),
  submittedAt: z.iso.datetime().nullable(),
  approvedBy: ZPerson.nullable(),
  approvedAt: z.iso.datetime().nullable(),
  returnedBy: ZPerson.nullable(),
  returnedAt: z.iso.datetime().nullable(),
  /** The yearly target of each metric for all themes and audiences (or the sum of its quarters or months). */
  totals: z.record(ZPlanMetric, z.number().int().nullable()),
  /** What the caller may do with it now. */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), delete: z.boolean() }),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TPlan = z.infer<typeof ZPlan>;

const targetKeyFields = {
  metric: ZPlanMetric,
  period: ZPlanPeriod,
  themeCode: z.string().nullable(),
  audienceCode: z.string().nullable(),
};

export const ZPlanTarget = z.object({
  ...targetKeyFields,
  value: z.number().int(),
  note: z.string().nullable(),
  /** Sum of the same target in the child units' plans; null for a unit without child units. */
  childrenSum: z.number().int().nullable(),
  /** value − childrenSum when the children have not been given all of it, else 0; null without child units. */
  shortfall: z.number().int().nullable(),
  progress: ZPlanProgress,
});
export type TPlanTarget = z.infer<typeof ZPlanTarget>;

/** A target of the parent unit's plan and what the other children already took of it. */
export const ZPlanParentLimit = z.object({
  ...targetKeyFields,
  parentValue: z.number().int(),
  siblingsSum: z.number().int(),
});
export type TPlanParentLimit = z.infer<typeof ZPlanParentLimit>;

export const ZPlanChildrenSum = z.object({ ...targetKeyFields, sum: z.number().int() });
export type TPlanChildrenSum = z.infer<typeof ZPlanChildrenSum>;

export const ZPlanDetail = ZPlan.extend({
  targets: z.array(ZPlanTarget),
  parentPlan: z.object({ id: ZId, status: ZPlanStatus, orgUnit: ZPlanUnit }).nullable(),
  /** Limits a target may not break: the parent's targets less the siblings' share. */
  parentLimits: z.array(ZPlanParentLimit),
  /** What the child units' plans already hold, per target: this plan's targets may not fall below it. */
  childrenSums: z.array(ZPlanChildrenSum),
});
export type TPlanDetail = z.infer<typeof ZPlanDetail>;

export const ZPlanTreeMetric = z.object({
  metric: ZPlanMetric,
  target: z.number().int().nullable(),
  childrenSum: z.number().int().nullable(),
  shortfall: z.number().int().nullable(),
  progress: ZPlanProgress,
});
export type TPlanTreeMetric = z.infer<typeof ZPlanTreeMetric>;

export const ZPlanTreeNode = z.object({
  unit: ZPlanUnit,
  parentId: ZId.nullable(),
  hasChildren: z.boolean(),
  plan: z.object({ id: ZId, status: ZPlanStatus, title: z.string(), version: ZVersion }).nullable(),
  metrics: z.array(ZPlanTreeMetric),
  /** Whether the caller may start this unit's plan for the year. */
  canCreate: z.boolean(),
});
export type TPlanTreeNode = z.infer<typeof ZPlanTreeNode>;

/** The units of a subtree, parents before children, each with its plan of the year and its headline figures. */
export const ZPlanTree = z.object({ year: z.number().int(), nodes: z.array(ZPlanTreeNode) });
export type TPlanTree = z.infer<typeof ZPlanTree>;

// ---- Target arithmetic shared by the server (which enforces it) and the web app (which checks as you type).

export interface TargetKeyed {
  metric: TPlanMetric;
  period: TPlanPeriod;
  themeCode?: string | null | undefined;
  audienceCode?: string | null | undefined;
}
export interface TargetValued extends TargetKeyed {
  value: number;
}

/** The identity of a target within a plan: metric, period, theme and audience. */
export function planTargetKey(target: TargetKeyed): string {
  return `${target.metric}|${target.period}|${target.themeCode ?? ''}|${target.audienceCode ?? ''}`;
}

/** A problem with one row of a target set; `index` is the row, `field` the part of it to blame. */
export interface TargetProblem {
  index: number;
  field: 'metric' | 'value';
  code: string;
  params?: Record<string, number | string>;
}

/**
 * Checks a plan's targets among themselves: each key once; months of a quarter, and quarters or months of
 * the year, never above their whole, and equal to it when all of them are given; a target for one theme or
 * audience never above the general one of the same metric and period. Themes and audiences may overlap (a
 * product can serve two themes), so their parts are not summed.
 */
export function targetSetProblems(targets: readonly TargetValued[]): TargetProblem[] {
  const problems: TargetProblem[] = [];
  const byKey = new Map<string, number>();
  targets.forEach((target, index) => {
    const key = planTargetKey(target);
    if (byKey.has(key)) problems.push({ index, field: 'metric', code: 'validation.duplicate' });
    else byKey.set(key, index);
  });
  const valueAt = (target: TargetKeyed) => {
    const index = byKey.get(planTargetKey(target));
    return index === undefined ? undefined : { index, value: targets[index]!.value };
  };
  const groups = new Map<string, TargetValued>();
  for (const target of targets) groups.set(planTargetKey({ ...target, period: 'year' }), target);

  for (const sample of groups.values()) {
    const at = (period: TPlanPeriod) => valueAt({ ...sample, period });
    const sum = (periods: readonly TPlanPeriod[]) => {
      const found = periods.map(at).filter((v) => v !== undefined);
      return { count: found.length, sum: found.reduce((total, v) => total + v.value, 0) };
    };
    const compare = (
      whole: { index: number; value: number } | undefined,
      parts: { count: number; sum: number },
      complete: number,
      codes: { exceeds: string; mismatch: string },
      params: Record<string, number | string> = {},
    ) => {
      if (!whole || parts.count === 0) return;
      const base = { ...params, sum: parts.sum, total: whole.value };
      if (parts.sum > whole.value)
        problems.push({ index: whole.index, field: 'value', code: codes.exceeds, params: base });
      else if (parts.count === complete && parts.sum !== whole.value)
        problems.push({ index: whole.index, field: 'value', code: codes.mismatch, params: base });
    };
    PLAN_QUARTERS.forEach((quarter, q) => {
      compare(
        at(quarter),
        sum(PLAN_MONTHS.slice(q * 3, q * 3 + 3)),
        3,
        {
          exceeds: 'validation.months_exceed_quarter',
          mismatch: 'validation.months_not_quarter',
        },
        { quarter: q + 1 },
      );
    });
    compare(at('year'), sum(PLAN_QUARTERS), 4, {
      exceeds: 'validation.quarters_exceed_year',
      mismatch: 'validation.quarters_not_year',
    });
    compare(at('year'), sum(PLAN_MONTHS), 12, {
      exceeds: 'validation.months_exceed_year',
      mismatch: 'validation.months_not_year',
    });
  }

  targets.forEach((target, index) => {
    if (byKey.get(planTargetKey(target)) !== index || (!target.themeCode && !target.audienceCode)) return;
    const wholes = [
      { ...target, themeCode: null },
      { ...target, audienceCode: null },
      { ...target, themeCode: null, audienceCode: null },
    ].filter((whole) => planTargetKey(whole) !== planTargetKey(target));
    const broken = wholes.map(valueAt).find((whole) => whole !== undefined && target.value > whole.value);
    if (broken)
      problems.push({ index, field: 'value', code: 'validation.part_exceeds_whole', params: { total: broken.value } });
  });
  return problems;
}

/**
 * Checks a plan's targets against its place in the tree: the children of a unit together never get more than
 * the unit's own target (`parentLimits`: the parent's value and what the siblings took), and a unit never
 * sets a target below what its children already hold (`childrenSums`).
 */
export function splitProblems(
  targets: readonly TargetValued[],
  parentLimits: readonly (TargetKeyed & { parentValue: number; siblingsSum: number })[],
  childrenSums: readonly (TargetKeyed & { sum: number })[],
): TargetProblem[] {
  const limits = new Map(parentLimits.map((limit) => [planTargetKey(limit), limit]));
  const held = new Map(childrenSums.map((row) => [planTargetKey(row), row.sum]));
  const problems: TargetProblem[] = [];
  targets.forEach((target, index) => {
    const limit = limits.get(planTargetKey(target));
    const total = limit ? limit.siblingsSum + target.value : 0;
    if (limit && total > limit.parentValue) {
      problems.push({
        index,
        field: 'value',
        code: 'validation.split_exceeds_parent',
        params: { total, parent: limit.parentValue, available: Math.max(0, limit.parentValue - limit.siblingsSum) },
      });
      return;
    }
    const sum = held.get(planTargetKey(target)) ?? 0;
    if (target.value < sum)
      problems.push({ index, field: 'value', code: 'validation.below_children_sum', params: { sum } });
  });
  return problems;
}
