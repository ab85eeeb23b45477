import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { ZStoredFile } from './files.js';
import { ZUnitRef } from './regulations.js';

/** What a difficulty is about (1191/BHXH-TT §III.5); each maps to the central unit that usually answers it. */
export const FEEDBACK_CATEGORIES = [
  'collection',
  'cards',
  'health_benefits',
  'social_benefits',
  'it_services',
  'communication',
  'other',
] as const;
export const ZFeedbackCategory = z.enum(FEEDBACK_CATEGORIES, { message: 'validation.invalid_value' });
export type TFeedbackCategory = z.infer<typeof ZFeedbackCategory>;

export const FEEDBACK_CATEGORY_LABELS: Record<TFeedbackCategory, { vi: string; en: string }> = {
  collection: { vi: 'Thu, đóng BHXH, BHYT', en: 'Collection and contributions' },
  cards: { vi: 'Sổ BHXH, thẻ BHYT', en: 'Social insurance books, health insurance cards' },
  health_benefits: { vi: 'Chế độ BHYT', en: 'Health insurance benefits' },
  social_benefits: { vi: 'Chế độ BHXH', en: 'Social insurance benefits' },
  it_services: { vi: 'CNTT, dịch vụ công trực tuyến', en: 'IT and online public services' },
  communication: { vi: 'Công tác truyền thông', en: 'Communication work' },
  other: { vi: 'Khác', en: 'Other' },
};

/**
 * The central units suggested for a category, first existing one wins: the 2025 structure has no Ban Sổ thẻ
 * (ST), cards went to the collection board (THU). "Other" has no default: the Communication Center chooses.
 */
export const FEEDBACK_CATEGORY_UNITS: Record<TFeedbackCategory, readonly string[]> = {
  collection: ['THU'],
  cards: ['ST', 'THU'],
  health_benefits: ['CSYT'],
  social_benefits: ['CSXH'],
  it_services: ['CNTT'],
  communication: ['TT'],
  other: [],
};

/** The code of the unit suggested for `category` among the codes that exist, or null. */
export function defaultUnitCode(category: TFeedbackCategory, existing: ReadonlySet<string>): string | null {
  return FEEDBACK_CATEGORY_UNITS[category].find((code) => existing.has(code)) ?? null;
}

export const FEEDBACK_STATUSES = ['new', 'routed', 'answered', 'closed'] as const;
export const ZFeedbackStatus = z.enum(FEEDBACK_STATUSES, { message: 'validation.invalid_value' });
export type TFeedbackStatus = z.infer<typeof ZFeedbackStatus>;

export const FEEDBACK_STATUS_LABELS: Record<TFeedbackStatus, { vi: string; en: string }> = {
  new: { vi: 'Mới gửi', en: 'New' },
  routed: { vi: 'Đã chuyển xử lý', en: 'Routed' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
};

export const FEEDBACK_ACTIONS = ['route', 'answer', 'reopen', 'close'] as const;
export type TFeedbackAction = (typeof FEEDBACK_ACTIONS)[number];

const TRANSITIONS: Record<TFeedbackAction, { from: readonly TFeedbackStatus[]; to: TFeedbackStatus }> = {
  // Routing again (to another unit, or with another due day) is allowed until the answer.
  route: { from: ['new', 'routed'], to: 'routed' },
  answer: { from: ['routed'], to: 'answered' },
  // Re-opened: back to the unit that answered, with a new due day.
  reopen: { from: ['answered'], to: 'routed' },
  close: { from: ['answered'], to: 'closed' },
};

/** The status `action` leads to from `status`, or null when it is not allowed there. */
export function feedbackTransition(status: TFeedbackStatus, action: TFeedbackAction): TFeedbackStatus | null {
  const rule = TRANSITIONS[action];
  return rule.from.includes(status) ? rule.to : null;
}

/** Calendar days the owning unit has to answer, from the day of routing (or re-opening). */
export const DEFAULT_FEEDBACK_DAYS = 10;

/** `day` (yyyy-mm-dd) moved by `days` calendar days. */
export function addCalendarDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Waiting for the owning unit's answer past its due day (`today`: Vietnam's calendar day). */
export function isFeedbackOverdue(item: { status: TFeedbackStatus; dueOn: string | null }, today: string): boolean {
  return item.status === 'routed' && item.dueOn !== null && item.dueOn < today;
}

const ZDate = z.iso.date({ message: 'validation.invalid_date' });
const requiredText = (max: number) =>
  z.string().trim().min(1, { message: 'validation.required' }).max(max, { message: 'validation.too_long' });
const ZFileIds = z.array(ZId).max(20).default([]);

export const ZFeedback = z.object({
  id: ZId,
  title: z.string(),
  description: z.string(),
  category: ZFeedbackCategory,
  status: ZFeedbackStatus,
  reporterUnit: ZUnitRef,
  reportedBy: z.string(),
  routedUnit: ZUnitRef.nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  reopenCount: z.number().int(),
  answeredAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: ZVersion,
});
export type TFeedback = z.infer<typeof ZFeedback>;

export const ZFeedbackMessage = z.object({
  id: ZId,
  kind: z.enum(['report', 'route', 'answer', 'reopen', 'close']),
  body: z.string(),
  unit: ZUnitRef.nullable(),
  dueOn: z.string().nullable(),
  authorName: z.string(),
  authorUnit: ZUnitRef.nullable(),
  createdAt: z.iso.datetime(),
  files: z.array(ZStoredFile),
});
export type TFeedbackMessage = z.infer<typeof ZFeedbackMessage>;

export const ZFeedbackDetail = ZFeedback.extend({
  messages: z.array(ZFeedbackMessage),
  /** The central unit suggested for the category (the Communication Center may choose another). */
  suggestedUnit: ZUnitRef.nullable(),
  /** What the caller may do now. */
  can: z.object({
    route: z.boolean(),
    answer: z.boolean(),
    reopen: z.boolean(),
    close: z.boolean(),
    publish: z.boolean(),
  }),
  /** The Q&A entry made from this feedback, if any. */
  faqId: ZId.nullable(),
});
export type TFeedbackDetail = z.infer<typeof ZFeedbackDetail>;

export const ZFeedbackListQuery = ZListQuery.extend({
  status: ZFeedbackStatus.optional(),
  category: ZFeedbackCategory.optional(),
  /** Reported by this unit or its subtree. */
  reporterUnitId: ZId.optional(),
  routedUnitId: ZId.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
});
export type TFeedbackListQuery = z.infer<typeof ZFeedbackListQuery>;

export const ZCreateFeedbackRequest = z.strictObject({
  title: requiredText(300),
  description: requiredText(10000),
  category: ZFeedbackCategory,
  /** Defaults to the reporter's own unit; a province may report for one of its districts. */
  reporterUnitId: ZId.optional(),
  fileIds: ZFileIds,
});
export type TCreateFeedbackRequest = z.infer<typeof ZCreateFeedbackRequest>;

export const ZRouteFeedbackRequest = z.strictObject({
  unitId: ZId,
  /** Defaults to DEFAULT_FEEDBACK_DAYS calendar days from today. */
  dueOn: ZDate.optional(),
  note: z.string().trim().max(2000, { message: 'validation.too_long' }).default(''),
  version: ZVersion,
});
export type TRouteFeedbackRequest = z.infer<typeof ZRouteFeedbackRequest>;

export const ZAnswerFeedbackRequest = z.strictObject({
  answer: requiredText(10000),
  fileIds: ZFileIds,
  version: ZVersion,
});
export type TAnswerFeedbackRequest = z.infer<typeof ZAnswerFeedbackRequest>;

export const ZReopenFeedbackRequest = z.strictObject({ comment: requiredText(5000), version: ZVersion });
export type TReopenFeedbackRequest = z.infer<typeof ZReopenFeedbackRequest>;

export const ZCloseFeedbackRequest = z.strictObject({
  comment: z.string().trim().max(5000, { message: 'validation.too_long' }).default(''),
  version: ZVersion,
});
export type TCloseFeedbackRequest = z.infer<typeof ZCloseFeedbackRequest>;

export const FAQ_STATUSES = ['published', 'archived'] as const;
export const ZFaqStatus = z.enum(FAQ_STATUSES, { message: 'validation.invalid_value' });
export type TFaqStatus = z.infer<typeof ZFaqStatus>;

export const ZFaqEntry = z.object({
  id: ZId,
  question: z.string(),
  answer: z.string(),
  category: ZFeedbackCategory,
  tags: z.array(z.string()),
  ownerUnit: ZUnitRef,
  sourceFeedbackId: ZId.nullable(),
  regulations: z.array(z.object({ id: ZId, number: z.string(), summary: z.string() })),
  status: ZFaqStatus,
  canEdit: z.boolean(),
  createdByName: z.string(),
  updatedByName: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: ZVersion,
});
export type TFaqEntry = z.infer<typeof ZFaqEntry>;

export const ZFaqListQuery = ZListQuery.extend({
  category: ZFeedbackCategory.optional(),
  /** Published by default; archived entries are listed for their editors. */
  status: ZFaqStatus.optional(),
  tag: z.string().trim().max(60).optional(),
});
export type TFaqListQuery = z.infer<typeof ZFaqListQuery>;

const faqFields = {
  question: requiredText(2000),
  answer: requiredText(20000),
  category: ZFeedbackCategory,
  tags: z.array(z.string().trim().max(60, { message: 'validation.too_long' })).max(20),
  regulationIds: z.array(ZId).max(20),
};

export const ZCreateFaqRequest = z.strictObject({
  ...faqFields,
  tags: faqFields.tags.default([]),
  regulationIds: faqFields.regulationIds.default([]),
  /** An answered feedback this entry publishes; its answering unit becomes the owner. */
  sourceFeedbackId: ZId.optional(),
});
export type TCreateFaqRequest = z.infer<typeof ZCreateFaqRequest>;

export const ZUpdateFaqRequest = z
  .strictObject({ ...faqFields, status: ZFaqStatus, version: ZVersion })
  .partial()
  .required({ version: true });
export type TUpdateFaqRequest = z.infer<typeof ZUpdateFaqRequest>;
