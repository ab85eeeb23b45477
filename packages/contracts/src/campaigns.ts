import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { ZUnitRef } from './regulations.js';
import { ZUnitKind } from './roles.js';

/**
 * Communication campaigns (1191/BHXH-TT §III.4 "truyền thông theo chiến dịch", §III.6 launch ceremonies; e.g.
 * "Truyền thông Xúc cảm", a launch campaign for voluntary BHXH): a period, an owner unit, the units taking part
 * (with their subtrees), the channels used, goals as metrics with targets, and the linked products, publications,
 * calendar items and events whose figures make its live progress.
 */
export const CAMPAIGN_STATUSES = ['draft', 'active', 'closed'] as const;
export const ZCampaignStatus = z.enum(CAMPAIGN_STATUSES, { message: 'validation.invalid_value' });
export type TCampaignStatus = z.infer<typeof ZCampaignStatus>;

export const CAMPAIGN_STATUS_LABELS: Record<TCampaignStatus, { vi: string; en: string }> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  active: { vi: 'Đang triển khai', en: 'Active' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

/** The status changes a campaign allows: launch a draft, close an active one, reopen a closed one. */
export const CAMPAIGN_TRANSITIONS: Record<TCampaignStatus, readonly TCampaignStatus[]> = {
  draft: ['active'],
  active: ['closed'],
  closed: ['active'],
};

export const CAMPAIGN_METRICS = [
  'products',
  'publications',
  'people_reached',
  'staff_shares',
  'events_held',
  'event_attendance',
  'new_voluntary_bhxh',
  'new_household_bhyt',
] as const;
export const ZCampaignMetric = z.enum(CAMPAIGN_METRICS, { message: 'validation.invalid_value' });
export type TCampaignMetric = z.infer<typeof ZCampaignMetric>;

export const CAMPAIGN_METRIC_LABELS: Record<TCampaignMetric, { vi: string; en: string }> = {
  products: { vi: 'Sản phẩm truyền thông', en: 'Products made' },
  publications: { vi: 'Lượt đăng phát', en: 'Publications' },
  people_reached: { vi: 'Người được tiếp cận', en: 'People reached' },
  staff_shares: { vi: 'Lượt chia sẻ của cán bộ', en: 'Shares by staff' },
  events_held: { vi: 'Sự kiện đã tổ chức', en: 'Events held' },
  event_attendance: { vi: 'Người dự sự kiện', en: 'Event attendance' },
  new_voluntary_bhxh: { vi: 'Người tham gia BHXH tự nguyện mới', en: 'New voluntary BHXH participants' },
  new_household_bhyt: { vi: 'Người tham gia BHYT hộ gia đình mới', en: 'New household BHYT participants' },
};

export const CAMPAIGN_LINK_TYPES = ['product', 'publication', 'calendar_item', 'event'] as const;
export const ZCampaignLinkType = z.enum(CAMPAIGN_LINK_TYPES, { message: 'validation.invalid_value' });
export type TCampaignLinkType = z.infer<typeof ZCampaignLinkType>;

export const CAMPAIGN_LINK_TYPE_LABELS: Record<TCampaignLinkType, { vi: string; en: string }> = {
  product: { vi: 'Sản phẩm', en: 'Product' },
  publication: { vi: 'Đăng phát', en: 'Publication' },
  calendar_item: { vi: 'Mục lịch biên tập', en: 'Calendar item' },
  event: { vi: 'Sự kiện', en: 'Event' },
};

/** A campaign lasts at most this many days (three years). */
export const MAX_CAMPAIGN_DAYS = 1096;
export const MAX_CAMPAIGN_TARGET = 1_000_000_000;

const DAY_MS = 86_400_000;
/** Days from `from` to `to` inclusive (ISO days); 0 when `to` is before `from`. */
export function campaignDays(from: string, to: string): number {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  return Math.max(0, days);
}

/** The problem with a campaign period, as a field and a message code, or null when it is fine. */
export function campaignPeriodProblem(startsOn: string, endsOn: string): { field: 'endsOn'; code: string } | null {
  if (endsOn < startsOn) return { field: 'endsOn', code: 'validation.campaign_ends_before_start' };
  if (campaignDays(startsOn, endsOn) > MAX_CAMPAIGN_DAYS)
    return { field: 'endsOn', code: 'validation.campaign_too_long' };
  return null;
}

/** Progress as a percentage of the target with one decimal (above 100 when exceeded); null without a value. */
export function campaignPercent(value: number | null, target: number): number | null {
  if (value === null || target <= 0) return null;
  return Math.round((value * 1000) / target) / 10;
}

const ZDay = z.iso.date({ message: 'validation.invalid_date' });
const name = z
  .string({ message: 'validation.required' })
  .trim()
  .min(1, { message: 'validation.required' })
  .max(200, { message: 'validation.too_long' });
const description = z.string().trim().max(4000, { message: 'validation.too_long' });
const code = z.string().trim().min(1, { message: 'validation.required' }).max(60, { message: 'validation.too_long' });

export const ZCampaignGoal = z.object({
  metric: ZCampaignMetric,
  target: z
    .number({ message: 'validation.invalid_type' })
    .int({ message: 'validation.invalid_type' })
    .min(1, { message: 'validation.too_small' })
    .max(MAX_CAMPAIGN_TARGET, { message: 'validation.too_big' }),
});
export type TCampaignGoal = z.infer<typeof ZCampaignGoal>;

const goals = z
  .array(ZCampaignGoal)
  .max(CAMPAIGN_METRICS.length, { message: 'validation.too_big' })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((goal, index) => {
      if (seen.has(goal.metric))
        ctx.addIssue({ code: 'custom', path: [index, 'metric'], message: 'validation.duplicate' });
      seen.add(goal.metric);
    });
  });

const campaignFields = {
  name,
  description,
  startsOn: ZDay,
  endsOn: ZDay,
  /** Defaults to the actor's own unit. */
  ownerUnitId: ZId.optional(),
  /** Units taking part besides the owner; their subtrees take part too. */
  participatingUnitIds: z.array(ZId).max(200, { message: 'validation.too_big' }),
  /** Channel codes of the guidance of the campaign's start year. */
  channelCodes: z.array(code).max(50, { message: 'validation.too_big' }),
  goals,
};

const periodCheck = (value: { startsOn?: string | undefined; endsOn?: string | undefined }, ctx: z.RefinementCtx) => {
  if (!value.startsOn || !value.endsOn) return;
  const problem = campaignPeriodProblem(value.startsOn, value.endsOn);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.code });
};

export const ZCreateCampaignRequest = z
  .strictObject({
    ...campaignFields,
    description: description.default(''),
    participatingUnitIds: campaignFields.participatingUnitIds.default([]),
    channelCodes: campaignFields.channelCodes.default([]),
    goals: goals.default([]),
  })
  .superRefine(periodCheck);
export type TCreateCampaignRequest = z.infer<typeof ZCreateCampaignRequest>;

export const ZUpdateCampaignRequest = z
  .strictObject({
    name: campaignFields.name.optional(),
    description: campaignFields.description.optional(),
    startsOn: ZDay.optional(),
    endsOn: ZDay.optional(),
    ownerUnitId: ZId.optional(),
    participatingUnitIds: campaignFields.participatingUnitIds.optional(),
    channelCodes: campaignFields.channelCodes.optional(),
    goals: goals.optional(),
    version: ZVersion.min(1),
  })
  .superRefine(periodCheck);
export type TUpdateCampaignRequest = z.infer<typeof ZUpdateCampaignRequest>;

export const ZCampaignStatusRequest = z.strictObject({ status: ZCampaignStatus, version: ZVersion.min(1) });
export type TCampaignStatusRequest = z.infer<typeof ZCampaignStatusRequest>;

export const ZCampaignLinkRequest = z.strictObject({ type: ZCampaignLinkType, id: ZId });
export type TCampaignLinkRequest = z.infer<typeof ZCampaignLinkRequest>;

export const ZCampaignListQuery = ZListQuery.extend({
  status: ZCampaignStatus.optional(),
  /** Campaigns owned by this unit or in which it (or a unit above it) takes part. */
  unitId: ZId.optional(),
  /** Campaigns whose period overlaps [from, to]. */
  from: ZDay.optional(),
  to: ZDay.optional(),
  /** Campaigns this event is linked to. */
  eventId: ZId.optional(),
});
export type TCampaignListQuery = z.infer<typeof ZCampaignListQuery>;

export const ZCampaign = z.object({
  id: ZId,
  name: z.string(),
  description: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  guidanceYear: z.number().int(),
  status: ZCampaignStatus,
  ownerUnit: ZUnitRef,
  participatingUnits: z.array(ZUnitRef),
  channelCodes: z.array(z.string()),
  goals: z.array(ZCampaignGoal),
  linkCount: z.number().int(),
  can: z.object({ edit: z.boolean(), link: z.boolean() }),
  version: ZVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TCampaign = z.infer<typeof ZCampaign>;

export const ZCampaignUnitValue = z.object({ unit: ZUnitRef, value: z.number() });
export const ZCampaignProgress = z.object({
  metric: ZCampaignMetric,
  target: z.number().int(),
  /** null: no module reports this metric yet ("no data"), never an invented number. */
  value: z.number().nullable(),
  percent: z.number().nullable(),
  /** Per participating unit (the owner first), when the source can tell; null otherwise. */
  byUnit: z.array(ZCampaignUnitValue).nullable(),
});
export type TCampaignProgress = z.infer<typeof ZCampaignProgress>;

export const ZCampaignLinkedItem = z.object({
  type: ZCampaignLinkType,
  id: ZId,
  title: z.string(),
  /** The day it happened: a product's first publication, a publication's day, a calendar item's or event's start. */
  date: z.string().nullable(),
  status: z.string().nullable(),
  unit: ZUnitRef,
  /** Whether the actor may remove this link. */
  canUnlink: z.boolean(),
  linkedAt: z.string(),
});
export type TCampaignLinkedItem = z.infer<typeof ZCampaignLinkedItem>;

export const ZCampaignDetail = ZCampaign.extend({
  progress: z.array(ZCampaignProgress),
  links: z.array(ZCampaignLinkedItem),
  /** The dated linked items, oldest first. */
  timeline: z.array(ZCampaignLinkedItem),
});
export type TCampaignDetail = z.infer<typeof ZCampaignDetail>;

/** An item the actor could link: what the pickers offer. */
export const ZCampaignCandidate = z.object({
  type: ZCampaignLinkType,
  id: ZId,
  title: z.string(),
  date: z.string().nullable(),
  unit: ZUnitRef,
});
export type TCampaignCandidate = z.infer<typeof ZCampaignCandidate>;

export const ZCampaignCandidateQuery = ZListQuery.extend({ type: ZCampaignLinkType });
export type TCampaignCandidateQuery = z.infer<typeof ZCampaignCandidateQuery>;

/** A unit that may be invited to take part (any unit of the tree: the centre invites provinces). */
export const ZCampaignUnitOption = ZUnitRef.extend({ kind: ZUnitKind });
export type TCampaignUnitOption = z.infer<typeof ZCampaignUnitOption>;
