import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { ZUnitRef } from './regulations.js';
import { viDate } from './text.js';

/**
 * Content proposals (§V.1.a of 1191/BHXH-TT): units "chủ động đề xuất nội dung truyền thông từng tháng,
 * nội dung truyền thông theo chuyên đề, nội dung phát sinh" to the Communication Center.
 */
export const PROPOSAL_KINDS = ['monthly', 'thematic', 'emerging'] as const;
export const ZProposalKind = z.enum(PROPOSAL_KINDS);
export type TProposalKind = z.infer<typeof ZProposalKind>;

export const PROPOSAL_KIND_LABELS: Record<TProposalKind, { vi: string; en: string }> = {
  monthly: { vi: 'Nội dung hằng tháng', en: 'Monthly content' },
  thematic: { vi: 'Nội dung theo chuyên đề', en: 'Thematic content' },
  emerging: { vi: 'Nội dung phát sinh', en: 'Emerging content' },
};

/** A proposal is submitted when created; the Communication Center decides, or the proposer withdraws it. */
export const PROPOSAL_STATUSES = ['submitted', 'accepted', 'merged', 'declined', 'withdrawn'] as const;
export const ZProposalStatus = z.enum(PROPOSAL_STATUSES);
export type TProposalStatus = z.infer<typeof ZProposalStatus>;

export const PROPOSAL_STATUS_LABELS: Record<TProposalStatus, { vi: string; en: string }> = {
  submitted: { vi: 'Chờ xử lý', en: 'Awaiting decision' },
  accepted: { vi: 'Đã tiếp nhận', en: 'Accepted' },
  merged: { vi: 'Đã gộp', en: 'Merged' },
  declined: { vi: 'Không tiếp nhận', en: 'Declined' },
  withdrawn: { vi: 'Đã rút lại', en: 'Withdrawn' },
};

/** What may be done to a proposal; each response lists those the caller may do now. */
export const PROPOSAL_ACTIONS = ['edit', 'withdraw', 'accept', 'merge', 'decline'] as const;
export const ZProposalAction = z.enum(PROPOSAL_ACTIONS);
export type TProposalAction = z.infer<typeof ZProposalAction>;

/** Day of the month before month M by which planned content for M must be proposed, unless configured. */
export const DEFAULT_PROPOSAL_DAY = 20;

const ZDate = z.iso.date({ message: 'validation.invalid_date' });
const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'validation.invalid_format' });
const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => text(max).min(1, { message: 'validation.required' });
/** A guidance code of the chosen year (I.2, II.1.đ, facebook …); the server checks it exists. */
export const ZGuidanceCode = requiredText(40);
const codes = z.array(ZGuidanceCode).max(30);

export const ZProposalRegulationRef = z.object({ id: ZId, number: z.string(), summary: z.string() });
export const ZProposalPersonRef = z.object({ id: ZId, fullName: z.string() });

export const ZProposal = z.object({
  id: ZId,
  kind: ZProposalKind,
  title: z.string(),
  description: z.string(),
  /** The year of the guidance catalog whose codes the proposal uses. */
  guidanceYear: z.number().int(),
  themeCodes: z.array(z.string()),
  audienceCodes: z.array(z.string()),
  formCodes: z.array(z.string()),
  channelCodes: z.array(z.string()),
  periodFrom: z.string(),
  periodTo: z.string(),
  regulation: ZProposalRegulationRef.nullable(),
  /** The proposing unit. */
  ownerUnit: ZUnitRef,
  proposer: ZProposalPersonRef.nullable(),
  status: ZProposalStatus,
  /** The reason of a decline, or the Communication Center's note on an acceptance or merge. */
  decisionNote: z.string().nullable(),
  decidedBy: ZProposalPersonRef.nullable(),
  decidedAt: z.iso.datetime().nullable(),
  mergedInto: z.object({ id: ZId, title: z.string() }).nullable(),
  /** The calendar item an accepted proposal became. */
  calendarItemId: ZId.nullable(),
  /** What the caller may do with it now. */
  actions: z.array(ZProposalAction),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TProposal = z.infer<typeof ZProposal>;

export const ZProposalDetail = ZProposal.extend({
  /** Proposals merged into this one. */
  mergedProposals: z.array(z.object({ id: ZId, title: z.string(), ownerUnit: ZUnitRef })),
});
export type TProposalDetail = z.infer<typeof ZProposalDetail>;

const proposalFields = {
  kind: ZProposalKind,
  title: requiredText(300),
  description: requiredText(5000),
  guidanceYear: z.number().int().min(2000).max(2100),
  themeCodes: codes.min(1, { message: 'validation.too_few_items' }),
  audienceCodes: codes,
  formCodes: codes,
  channelCodes: codes,
  periodFrom: ZDate,
  periodTo: ZDate,
  regulationId: ZId.nullable(),
  /** The proposing unit, in the caller's scope; defaults to the caller's own unit. */
  ownerUnitId: ZId,
};

type Period = { periodFrom?: string | undefined; periodTo?: string | undefined };
const inOrder = (value: Period) => !value.periodFrom || !value.periodTo || value.periodTo >= value.periodFrom;
const ORDER = { message: 'validation.date_order', path: ['periodTo'] };

export const ZCreateProposalRequest = z
  .strictObject({
    ...proposalFields,
    audienceCodes: codes.default([]),
    formCodes: codes.default([]),
    channelCodes: codes.default([]),
    regulationId: proposalFields.regulationId.optional(),
    ownerUnitId: proposalFields.ownerUnitId.optional(),
  })
  .refine(inOrder, ORDER);
export type TCreateProposalRequest = z.infer<typeof ZCreateProposalRequest>;

/** Only the fields sent change, with the version the caller saw; the period rules apply to the result. */
export const ZUpdateProposalRequest = z
  .strictObject({ ...proposalFields, version: ZVersion })
  .partial()
  .required({ version: true })
  .refine(inOrder, ORDER);
export type TUpdateProposalRequest = z.infer<typeof ZUpdateProposalRequest>;

/** Accepting makes a calendar item; its dates default to the proposed period, its channel to the first proposed. */
export const ZAcceptProposalRequest = z
  .strictObject({
    version: ZVersion,
    startsOn: ZDate.optional(),
    endsOn: ZDate.nullable().optional(),
    channelCode: ZGuidanceCode.nullable().optional(),
    note: text(2000).optional(),
  })
  .refine((value) => !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn, {
    message: 'validation.date_order',
    path: ['endsOn'],
  });
export type TAcceptProposalRequest = z.infer<typeof ZAcceptProposalRequest>;

export const ZMergeProposalRequest = z.strictObject({
  version: ZVersion,
  /** The open or accepted proposal of the same guidance year this one joins. */
  targetId: ZId,
  note: text(2000).optional(),
});
export type TMergeProposalRequest = z.infer<typeof ZMergeProposalRequest>;

export const ZDeclineProposalRequest = z.strictObject({ version: ZVersion, reason: requiredText(2000) });
export type TDeclineProposalRequest = z.infer<typeof ZDeclineProposalRequest>;

export const ZWithdrawProposalRequest = z.strictObject({ version: ZVersion });
export type TWithdrawProposalRequest = z.infer<typeof ZWithdrawProposalRequest>;

export const ZProposalListQuery = ZListQuery.extend({
  status: ZProposalStatus.optional(),
  kind: ZProposalKind.optional(),
  /** Proposals of this unit and the units under it. */
  unitId: ZId.optional(),
  themeCode: ZGuidanceCode.optional(),
  /** Proposals whose period overlaps this month (yyyy-mm). */
  month: ZMonth.optional(),
  guidanceYear: z.coerce.number().int().min(2000).max(2100).optional(),
  /** `true`: only those of my own unit's subtree or proposed by me (the "my proposals" screen). */
  mine: z.enum(['true', 'false']).optional(),
});
export type TProposalListQuery = z.infer<typeof ZProposalListQuery>;

/** The period rules as the server applies them today, so forms can check as the user types. */
export const ZProposalRules = z.object({
  /** Day of month M−1 that is the last one for proposing planned content for month M. */
  closingDay: z.number().int(),
  /** Today in Vietnam (yyyy-mm-dd). */
  today: z.string(),
  /** The first month (yyyy-mm) still open for monthly and thematic proposals. */
  firstOpenMonth: z.string(),
});
export type TProposalRules = z.infer<typeof ZProposalRules>;

// ——— Period rules (pure; the server and the web form share them) ———

/** `yyyy-mm` of a `yyyy-mm-dd`. */
export const proposalMonth = (day: string): string => day.slice(0, 7);

/** The month `months` after `month` (yyyy-mm); negative goes back. */
function shiftMonth(month: string, months: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month after `month` (yyyy-mm): the one units propose for during `month`. */
export const nextProposalMonth = (month: string): string => shiftMonth(month, 1);

/** The last day for proposing planned content for `month` (yyyy-mm): day `closingDay` of the month before it. */
export function proposalDeadline(month: string, closingDay: number): string {
  return `${shiftMonth(month, -1)}-${String(closingDay).padStart(2, '0')}`;
}

/** The first month for which planned content may still be proposed on `today` (the deadline day included). */
export function firstOpenProposalMonth(today: string, closingDay: number): string {
  return shiftMonth(proposalMonth(today), Number(today.slice(8, 10)) <= closingDay ? 1 : 2);
}

/** `2026-12` → `12/2026`, as officers write a month. */
export const proposalMonthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

export interface ProposalPeriodProblem {
  field: 'periodFrom' | 'periodTo';
  code: string;
  params?: Record<string, string>;
}

/**
 * The first problem of a proposed period on `today`, or null: dates out of order; a period already over;
 * a monthly proposal spanning two months; planned content (monthly, thematic) for a month whose deadline
 * has passed. Emerging content may be proposed any day for a period that has not ended.
 */
export function proposalPeriodProblem(
  proposal: { kind: TProposalKind; periodFrom: string; periodTo: string },
  today: string,
  closingDay: number,
): ProposalPeriodProblem | null {
  const { kind, periodFrom, periodTo } = proposal;
  if (periodTo < periodFrom) return { field: 'periodTo', code: 'validation.date_order' };
  if (periodTo < today) return { field: 'periodTo', code: 'validation.proposal_period_ended' };
  if (kind === 'monthly' && proposalMonth(periodFrom) !== proposalMonth(periodTo))
    return { field: 'periodTo', code: 'validation.proposal_one_month' };
  const month = proposalMonth(periodFrom);
  if (kind !== 'emerging' && month < firstOpenProposalMonth(today, closingDay)) {
    return {
      field: 'periodFrom',
      code: 'validation.proposal_month_closed',
      params: { month: proposalMonthLabel(month), deadline: viDate(proposalDeadline(month, closingDay)) },
    };
  }
  return null;
}
