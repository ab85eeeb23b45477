import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { MAX_DONG } from './money.js';
import type { TRole } from './roles.js';

/**
 * The communication budget (issue 6 §1–§3; 1191/BHXH-TT §IV): paid from the management costs of BHXH, BHYT and BHTN,
 * estimated per unit and year by category, allocated down the org tree, spent by norms. Every amount is an integer
 * number of đồng; history is never edited — a correction is a reversing entry.
 */

/** Who may estimate, allocate from a unit and spend, within their scope; everyone in scope reads. */
export const BUDGET_SPENDING_ROLES = [
  'admin',
  'leader',
  'comms_center',
  'unit_officer',
  'province_officer',
  'district_officer',
] as const satisfies readonly TRole[];

/** Where the money comes from (seed §IV.1): recorded where it enters the tree (the root's appropriation) and in estimates. */
export const FUNDING_SOURCES = ['bhxh', 'bhyt', 'bhtn'] as const;
export const ZFundingSource = z.enum(FUNDING_SOURCES);
export type TFundingSource = z.infer<typeof ZFundingSource>;
export const FUNDING_SOURCE_LABELS: Record<TFundingSource, { vi: string; en: string }> = {
  bhxh: { vi: 'Chi phí quản lý BHXH', en: 'Social insurance management costs' },
  bhyt: { vi: 'Chi phí quản lý BHYT', en: 'Health insurance management costs' },
  bhtn: { vi: 'Chi phí quản lý BHTN', en: 'Unemployment insurance management costs' },
};

/** Spending categories (nội dung chi). Money is allocated and spent per category: a balance is (unit, year, category). */
export const BUDGET_CATEGORIES = [
  'dialogue',
  'conference',
  'press_contract',
  'royalty',
  'production',
  'printing',
  'event',
  'training',
  'travel',
  'other',
] as const;
export const ZBudgetCategory = z.enum(BUDGET_CATEGORIES);
export type TBudgetCategory = z.infer<typeof ZBudgetCategory>;
export const BUDGET_CATEGORY_LABELS: Record<TBudgetCategory, { vi: string; en: string }> = {
  dialogue: { vi: 'Hội nghị đối thoại, tư vấn chính sách', en: 'Policy dialogues' },
  conference: { vi: 'Hội nghị, hội thảo, họp báo', en: 'Conferences and press briefings' },
  press_contract: { vi: 'Hợp đồng tuyên truyền với cơ quan báo chí', en: 'Press contracts' },
  royalty: { vi: 'Nhuận bút, thù lao', en: 'Royalties and fees' },
  production: { vi: 'Sản xuất sản phẩm truyền thông', en: 'Producing communication products' },
  printing: { vi: 'In ấn, phát hành tài liệu', en: 'Printing and distribution' },
  event: { vi: 'Sự kiện, truyền thông trực tiếp', en: 'Events and direct communication' },
  training: { vi: 'Tập huấn, bồi dưỡng nghiệp vụ', en: 'Training' },
  travel: { vi: 'Công tác phí', en: 'Travel' },
  other: { vi: 'Chi khác', en: 'Other' },
};

/** How a norm's maximum is counted: the expenditure's quantity is a number of these. */
export const NORM_UNITS = [
  'per_conference',
  'per_attendee',
  'per_person_day',
  'per_person_night',
  'per_article',
  'per_item',
  'per_minute',
  'per_day',
] as const;
export const ZNormUnit = z.enum(NORM_UNITS);
export type TNormUnit = z.infer<typeof ZNormUnit>;
export const NORM_UNIT_LABELS: Record<TNormUnit, { vi: string; en: string }> = {
  per_conference: { vi: 'đồng/hội nghị', en: 'per conference' },
  per_attendee: { vi: 'đồng/đại biểu', en: 'per attendee' },
  per_person_day: { vi: 'đồng/người/ngày', en: 'per person per day' },
  per_person_night: { vi: 'đồng/người/đêm', en: 'per person per night' },
  per_article: { vi: 'đồng/tin, bài', en: 'per article' },
  per_item: { vi: 'đồng/tác phẩm, sản phẩm', en: 'per item' },
  per_minute: { vi: 'đồng/phút phát sóng', en: 'per minute of airtime' },
  per_day: { vi: 'đồng/ngày', en: 'per day' },
};

export const FISCAL_YEAR_STATUSES = ['open', 'closed'] as const;
export const ZFiscalYearStatus = z.enum(FISCAL_YEAR_STATUSES);
export type TFiscalYearStatus = z.infer<typeof ZFiscalYearStatus>;

/** A positive whole number of đồng (the amount of an entry; its sign comes from the kind of entry). */
export const ZDong = z
  .number({ message: 'validation.invalid_amount' })
  .int({ message: 'validation.invalid_amount' })
  .positive({ message: 'validation.invalid_amount' })
  .max(MAX_DONG, { message: 'validation.too_big' });
/** A whole number of đồng that may be zero (estimate lines). */
export const ZDongOrZero = z
  .number({ message: 'validation.invalid_amount' })
  .int({ message: 'validation.invalid_amount' })
  .min(0, { message: 'validation.invalid_amount' })
  .max(MAX_DONG, { message: 'validation.too_big' });
export const ZFiscalYear = z.coerce
  .number({ message: 'validation.invalid_year' })
  .int({ message: 'validation.invalid_year' })
  .min(2000, { message: 'validation.invalid_year' })
  .max(2100, { message: 'validation.invalid_year' });
const ZDay = z.iso.date({ message: 'validation.invalid_date' });
const text = (max: number) => z.string().trim().max(max, { message: 'validation.too_long' });
const requiredText = (max: number) => text(max).min(1, { message: 'validation.required' });
const ZUnitRef = z.object({ id: ZId, code: z.string(), name: z.string() });
const ZPersonRef = z.object({ id: ZId.nullable(), name: z.string() });

// ── Fiscal years ───────────────────────────────────────────────────────────────────────────────────────────────────
export const ZFiscalYearRow = z.object({
  year: z.number().int(),
  status: ZFiscalYearStatus,
  closedAt: z.iso.datetime().nullable(),
  closedBy: ZPersonRef.nullable(),
});
export type TFiscalYearRow = z.infer<typeof ZFiscalYearRow>;
export const ZOpenFiscalYearRequest = z.strictObject({ year: ZFiscalYear });
export type TOpenFiscalYearRequest = z.infer<typeof ZOpenFiscalYearRequest>;

// ── Estimates (dự toán) ───────────────────────────────────────────────────────────────────────────────────────────
export const ZEstimateLine = z.strictObject({
  category: ZBudgetCategory,
  source: ZFundingSource,
  amount: ZDongOrZero,
  note: text(1000).nullable().optional(),
});
export type TEstimateLine = z.infer<typeof ZEstimateLine>;
export const ZEstimate = z.object({
  unit: ZUnitRef,
  year: z.number().int(),
  lines: z.array(
    z.object({
      category: ZBudgetCategory,
      source: ZFundingSource,
      amount: z.number().int(),
      note: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
  /** 0 when the unit has no estimate for the year yet. */
  version: ZVersion,
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: ZPersonRef.nullable(),
  canEdit: z.boolean(),
});
export type TEstimate = z.infer<typeof ZEstimate>;
/** Replaces the unit's estimate for the year (while the year is open); one line per category and source. */
export const ZPutEstimateRequest = z.strictObject({
  lines: z.array(ZEstimateLine).max(BUDGET_CATEGORIES.length * FUNDING_SOURCES.length, {
    message: 'validation.too_many_items',
  }),
  version: ZVersion,
});
export type TPutEstimateRequest = z.infer<typeof ZPutEstimateRequest>;

// ── Allocations (phân bổ, giao dự toán) ─────────────────────────────────────────────────────────────────────────────
export const ZAllocation = z.object({
  id: ZId,
  year: z.number().int(),
  /** Null for the appropriation that brings money into the tree at the root, from a funding source. */
  fromUnit: ZUnitRef.nullable(),
  toUnit: ZUnitRef,
  category: ZBudgetCategory,
  source: ZFundingSource.nullable(),
  /** Positive for an allocation, negative for the entry that reverses one. */
  amount: z.number().int(),
  decisionNo: z.string(),
  decidedOn: z.string(),
  note: z.string().nullable(),
  reversesId: ZId.nullable(),
  reversedById: ZId.nullable(),
  createdBy: ZPersonRef,
  createdAt: z.iso.datetime(),
  canReverse: z.boolean(),
});
export type TAllocation = z.infer<typeof ZAllocation>;
export const ZCreateAllocationRequest = z.strictObject({
  year: ZFiscalYear,
  /** Left out only for the root's appropriation from a funding source (then `source` is required). */
  fromUnitId: ZId.optional(),
  toUnitId: ZId,
  category: ZBudgetCategory,
  source: ZFundingSource.optional(),
  amount: ZDong,
  decisionNo: requiredText(100),
  decidedOn: ZDay,
  note: text(1000).nullable().optional(),
});
export type TCreateAllocationRequest = z.infer<typeof ZCreateAllocationRequest>;
export const ZAllocationListQuery = ZListQuery.extend({
  year: ZFiscalYear.optional(),
  /** Allocations made by or to this unit. */
  unitId: ZId.optional(),
  category: ZBudgetCategory.optional(),
});
export type TAllocationListQuery = z.infer<typeof ZAllocationListQuery>;

/** Reversing an allocation or an expenditure: a new entry of the opposite sign, with its reason. */
export const ZReverseRequest = z.strictObject({
  reason: requiredText(1000),
  /** The day of the correcting entry; today when left out. */
  on: ZDay.optional(),
  /** Expenditures only: the voucher of the correction (unique within the unit and year). */
  voucherNo: requiredText(50).optional(),
});
export type TReverseRequest = z.infer<typeof ZReverseRequest>;

// ── Norms (định mức chi) ──────────────────────────────────────────────────────────────────────────────────────────
export const ZNorm = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  /** Null when it applies to every category (e.g. conference meals). */
  category: ZBudgetCategory.nullable(),
  unit: ZNormUnit,
  maxAmount: z.number().int(),
  legalBasis: z.string(),
  regulation: z.object({ id: ZId, number: z.string(), title: z.string() }).nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  note: z.string().nullable(),
  /** How many expenditures cite it (it can no longer be deleted, only closed by `validTo`). */
  usedBy: z.number().int(),
  version: ZVersion,
  canEdit: z.boolean(),
});
export type TNorm = z.infer<typeof ZNorm>;
const normFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9_-]{0,39}$/, { message: 'validation.invalid_code' }),
  name: requiredText(300),
  category: ZBudgetCategory.nullable(),
  unit: ZNormUnit,
  maxAmount: ZDong,
  legalBasis: requiredText(300),
  regulationId: ZId.nullable().optional(),
  validFrom: ZDay,
  validTo: ZDay.nullable().optional(),
  note: text(2000).nullable().optional(),
};
export const ZCreateNormRequest = z.strictObject(normFields);
export type TCreateNormRequest = z.infer<typeof ZCreateNormRequest>;
export const ZUpdateNormRequest = z
  .strictObject({ ...normFields, version: ZVersion })
  .partial()
  .required({ version: true });
export type TUpdateNormRequest = z.infer<typeof ZUpdateNormRequest>;
export const ZNormListQuery = ZListQuery.extend({
  category: ZBudgetCategory.optional(),
  /** Only norms valid on this day. */
  validOn: ZDay.optional(),
});
export type TNormListQuery = z.infer<typeof ZNormListQuery>;

// ── Expenditures (chi) ────────────────────────────────────────────────────────────────────────────────────────────
export const EXPENDITURE_LINKS = ['event', 'product', 'contract', 'publication'] as const;
export const ZExpenditureLinkType = z.enum(EXPENDITURE_LINKS);
export type TExpenditureLinkType = z.infer<typeof ZExpenditureLinkType>;

export const ZExpenditure = z.object({
  id: ZId,
  unit: ZUnitRef,
  year: z.number().int(),
  category: ZBudgetCategory,
  /** Positive for spending, negative for the entry that reverses one. */
  amount: z.number().int(),
  spentOn: z.string(),
  voucherNo: z.string(),
  description: z.string(),
  norm: z
    .object({ id: ZId, code: z.string(), name: z.string(), unit: ZNormUnit, maxAmount: z.number().int() })
    .nullable(),
  quantity: z.number().int().nullable(),
  /** maxAmount × quantity when a norm applies. */
  normLimit: z.number().int().nullable(),
  /** Set when the amount is over the norm: the leader who approved the exception and why. */
  exception: z.object({ approvedBy: ZPersonRef, reason: z.string(), approvedAt: z.iso.datetime() }).nullable(),
  links: z.object({
    event: z.object({ id: ZId, title: z.string() }).nullable(),
    product: z.object({ id: ZId, title: z.string() }).nullable(),
    contract: z.object({ id: ZId, number: z.string() }).nullable(),
    publication: z.object({ id: ZId, outlet: z.string(), url: z.string().nullable() }).nullable(),
  }),
  attachments: z.array(z.object({ fileId: ZId, name: z.string(), size: z.number().int(), mimeType: z.string() })),
  reversesId: ZId.nullable(),
  reversedById: ZId.nullable(),
  reason: z.string().nullable(),
  createdBy: ZPersonRef,
  createdAt: z.iso.datetime(),
  canReverse: z.boolean(),
});
export type TExpenditure = z.infer<typeof ZExpenditure>;

const expenditureFields = {
  unitId: ZId,
  category: ZBudgetCategory,
  amount: ZDong,
  /** The fiscal year is the year of this day. */
  spentOn: ZDay,
  voucherNo: requiredText(50),
  description: requiredText(2000),
  normId: ZId.nullable().optional(),
  /** How many of the norm's units (attendees × days, articles, minutes …); required with a norm. */
  quantity: z
    .number({ message: 'validation.invalid_quantity' })
    .int({ message: 'validation.invalid_quantity' })
    .positive({ message: 'validation.invalid_quantity' })
    .max(1_000_000, { message: 'validation.too_big' })
    .nullable()
    .optional(),
  eventId: ZId.nullable().optional(),
  productId: ZId.nullable().optional(),
  contractId: ZId.nullable().optional(),
  publicationId: ZId.nullable().optional(),
  /** Files uploaded first through /api/files (the voucher, the invoice, the list of attendees …). */
  fileIds: z.array(ZId).max(20, { message: 'validation.too_many_items' }).optional(),
};
export const ZCreateExpenditureRequest = z.strictObject(expenditureFields);
export type TCreateExpenditureRequest = z.infer<typeof ZCreateExpenditureRequest>;

export const ZExpenditureListQuery = ZListQuery.extend({
  year: ZFiscalYear.optional(),
  /** This unit and, with `subtree=true`, every unit below it. */
  unitId: ZId.optional(),
  subtree: z.enum(['true', 'false']).optional(),
  category: ZBudgetCategory.optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
  eventId: ZId.optional(),
  productId: ZId.optional(),
  contractId: ZId.optional(),
  publicationId: ZId.optional(),
});
export type TExpenditureListQuery = z.infer<typeof ZExpenditureListQuery>;

// ── Norm exceptions (chi vượt định mức) ────────────────────────────────────────────────────────────────────────────
export const EXCEPTION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const ZExceptionStatus = z.enum(EXCEPTION_STATUSES);
export type TExceptionStatus = z.infer<typeof ZExceptionStatus>;

/** An over-norm expenditure waiting for a leader: nothing is spent until it is approved. */
export const ZNormException = z.object({
  id: ZId,
  status: ZExceptionStatus,
  request: ZCreateExpenditureRequest,
  unit: ZUnitRef,
  norm: z.object({ id: ZId, code: z.string(), name: z.string(), unit: ZNormUnit, maxAmount: z.number().int() }),
  normLimit: z.number().int(),
  /** Why the officer needs more than the norm. */
  justification: z.string(),
  requestedBy: ZPersonRef,
  requestedAt: z.iso.datetime(),
  decidedBy: ZPersonRef.nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionReason: z.string().nullable(),
  expenditureId: ZId.nullable(),
  canDecide: z.boolean(),
});
export type TNormException = z.infer<typeof ZNormException>;
export const ZCreateNormExceptionRequest = z.strictObject({
  ...expenditureFields,
  normId: ZId,
  quantity: expenditureFields.quantity.unwrap().unwrap(),
  justification: requiredText(2000),
});
export type TCreateNormExceptionRequest = z.infer<typeof ZCreateNormExceptionRequest>;
/** A leader's decision: approving records the expenditure; both need a reason. */
export const ZDecideNormExceptionRequest = z.strictObject({ reason: requiredText(2000) });
export type TDecideNormExceptionRequest = z.infer<typeof ZDecideNormExceptionRequest>;
export const ZNormExceptionListQuery = ZListQuery.extend({
  status: ZExceptionStatus.optional(),
  year: ZFiscalYear.optional(),
});
export type TNormExceptionListQuery = z.infer<typeof ZNormExceptionListQuery>;

// ── Views ─────────────────────────────────────────────────────────────────────────────────────────────────────────
/** The figures of one balance or of a sum of balances. remaining = allocatedIn − allocatedOut − spent − committed. */
export const ZBudgetFigures = z.object({
  estimated: z.number().int(),
  allocatedIn: z.number().int(),
  allocatedOut: z.number().int(),
  spent: z.number().int(),
  /** Signed press contracts not yet paid. */
  committed: z.number().int(),
  remaining: z.number().int(),
});
export type TBudgetFigures = z.infer<typeof ZBudgetFigures>;

export const ZBudgetSummary = z.object({
  unit: ZUnitRef,
  year: z.number().int(),
  yearStatus: ZFiscalYearStatus,
  totals: ZBudgetFigures,
  byCategory: z.array(ZBudgetFigures.extend({ category: ZBudgetCategory })),
  /** Twelve rows: what came in, went onward and was spent in each month (by the entries' days). */
  byMonth: z.array(
    z.object({
      month: z.number().int(),
      allocatedIn: z.number().int(),
      allocatedOut: z.number().int(),
      spent: z.number().int(),
    }),
  ),
  /** The unit's direct children with their own totals, to drill down the tree. */
  children: z.array(ZBudgetFigures.extend({ unit: ZUnitRef })),
  /** The unit's parent when it is in the reader's scope, to climb back up. */
  parent: ZUnitRef.nullable(),
});
export type TBudgetSummary = z.infer<typeof ZBudgetSummary>;
export const ZBudgetSummaryQuery = z.strictObject({ year: ZFiscalYear, unitId: ZId.optional() });
export type TBudgetSummaryQuery = z.infer<typeof ZBudgetSummaryQuery>;

/** remaining of a balance; the invariant the database keeps is remaining ≥ 0. */
export function remainingOf(
  figures: Pick<TBudgetFigures, 'allocatedIn' | 'allocatedOut' | 'spent' | 'committed'>,
): number {
  return figures.allocatedIn - figures.allocatedOut - figures.spent - figures.committed;
}

/** The most a norm allows for a quantity (null when no norm applies). */
export function normLimit(maxAmount: number | null | undefined, quantity: number | null | undefined): number | null {
  if (maxAmount == null || quantity == null) return null;
  return maxAmount * quantity;
}

/** True when an amount needs a leader's exception: above maxAmount × quantity. */
export function isOverNorm(
  amount: number,
  maxAmount: number | null | undefined,
  quantity: number | null | undefined,
): boolean {
  const limit = normLimit(maxAmount, quantity);
  return limit !== null && amount > limit;
}
