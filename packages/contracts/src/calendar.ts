import { z } from 'zod';
import { ZId, ZListQuery, ZVersion, ZVersionQuery } from './common.js';
import { ZTaskPhase, ZTaskStatus, ZUnitRef } from './regulations.js';

/** Where an editorial calendar item stands (kế hoạch → đang sản xuất → đã đăng tải, or hủy). */
export const CALENDAR_STATUSES = ['planned', 'in_production', 'published', 'cancelled'] as const;
export const ZCalendarStatus = z.enum(CALENDAR_STATUSES);
export type TCalendarStatus = z.infer<typeof ZCalendarStatus>;

export const CALENDAR_STATUS_LABELS: Record<TCalendarStatus, { vi: string; en: string }> = {
  planned: { vi: 'Kế hoạch', en: 'Planned' },
  in_production: { vi: 'Đang sản xuất', en: 'In production' },
  published: { vi: 'Đã đăng tải', en: 'Published' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** For an occurrence of a recurring series: change (or delete) only this one, or this one and every later one. */
export const EDIT_SCOPES = ['one', 'future'] as const;
export const ZEditScope = z.enum(EDIT_SCOPES);
export type TEditScope = z.infer<typeof ZEditScope>;

/** What the calendar shows: editorial items, and the "before, during, after" tasks of regulations (read-only here). */
export const CALENDAR_ENTRY_KINDS = ['item', 'task'] as const;
export const ZCalendarEntryKind = z.enum(CALENDAR_ENTRY_KINDS);
export type TCalendarEntryKind = z.infer<typeof ZCalendarEntryKind>;

/** The longest window one calendar query may cover (a year and a bit, for a yearly list). */
export const MAX_CALENDAR_WINDOW_DAYS = 400;

// ---------------------------------------------------------------------------------------------------------------
// Recurrence: a strict subset of RFC 5545 RRULE, stored and exchanged as RRULE text.

export const RECURRENCE_FREQS = ['YEARLY', 'MONTHLY', 'WEEKLY'] as const;
export type TRecurrenceFreq = (typeof RECURRENCE_FREQS)[number];
/** RFC 5545 weekday codes, Monday first (weeks start on Monday, WKST=MO). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type TWeekday = (typeof WEEKDAYS)[number];

/**
 * A recurrence rule, parsed. The server accepts (case-insensitively, optional "RRULE:" prefix):
 * - `FREQ=YEARLY` (on the start date's day and month every year), or `FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=1`,
 *   or `FREQ=YEARLY;BYMONTH=1;BYDAY=2MO` (second Monday of January);
 * - `FREQ=MONTHLY` (on the start date's day of month), `FREQ=MONTHLY;BYMONTHDAY=15` (−1 = last day),
 *   `FREQ=MONTHLY;BYDAY=1MO` / `BYDAY=-1FR` / `BYDAY=1MO,3MO` (nth weekday, −1 = last);
 * - `FREQ=WEEKLY` (on the start date's weekday) or `FREQ=WEEKLY;BYDAY=MO,WE,FR`;
 * each with optional `INTERVAL=n` (1–99) and at most one of `COUNT=n` (1–500) or `UNTIL=yyyymmdd`.
 * Anything else is refused with `validation.invalid_recurrence`.
 */
export const ZRecurrence = z.object({
  freq: z.enum(RECURRENCE_FREQS),
  interval: z.number().int().min(1).max(99),
  /** Month 1–12 (YEARLY only). */
  byMonth: z.number().int().nullable(),
  /** Day of month 1–31, or −1…−31 counted from the month's end (MONTHLY, or YEARLY with byMonth). */
  byMonthDay: z.number().int().nullable(),
  /** Weekdays; `nth` is null for WEEKLY and ±1…5 for MONTHLY/YEARLY ("1MO" first Monday, "-1FR" last Friday). */
  byDay: z.array(z.object({ weekday: z.enum(WEEKDAYS), nth: z.number().int().nullable() })),
  count: z.number().int().nullable(),
  /** Last possible day, inclusive (yyyy-mm-dd). */
  until: z.string().nullable(),
});
export type TRecurrence = z.infer<typeof ZRecurrence>;

/** RRULE text of a parsed rule, in the canonical order the server stores: `FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR`. */
export function recurrenceRule(rule: TRecurrence): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byMonth !== null) parts.push(`BYMONTH=${rule.byMonth}`);
  if (rule.byMonthDay !== null) parts.push(`BYMONTHDAY=${rule.byMonthDay}`);
  if (rule.byDay.length > 0) parts.push(`BYDAY=${rule.byDay.map((d) => `${d.nth ?? ''}${d.weekday}`).join(',')}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== null) parts.push(`UNTIL=${rule.until.replace(/-/g, '')}`);
  return parts.join(';');
}

/** RRULE text as sent; the server checks the grammar above and answers field by field. */
export const ZRecurrenceRule = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(200, { message: 'validation.invalid_recurrence' });

// ---------------------------------------------------------------------------------------------------------------
// Entries.

const ZDate = z.iso.date({ message: 'validation.invalid_date' });
const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => text(max).min(1, { message: 'validation.required' });
/** A code of the guidance catalog (theme "II.1.a", audience "I.2", channel "press", form "infographic"). */
const ZGuidanceCode = requiredText(40);

export const ZCalendarSeriesInfo = z.object({
  id: ZId,
  /** The series' RRULE text (canonical form). */
  rule: z.string(),
  recurrence: ZRecurrence,
  /** The day the rule gave this occurrence (its RECURRENCE-ID), even if it was moved since. */
  occurrenceOn: z.string(),
  /** This occurrence was changed on its own ("edit one"): later series edits leave it as it is. */
  exception: z.boolean(),
  /**
   * Whether moving this occurrence with scope `future` may shift the whole rest of the series. False when the rule
   * fixes the dates itself (BYDAY, BYMONTHDAY, BYMONTH): then send a new `recurrence` too, or move only this one.
   */
  shiftable: z.boolean(),
});
export type TCalendarSeriesInfo = z.infer<typeof ZCalendarSeriesInfo>;

/** An editorial calendar item (bài, chuyên mục, sự kiện truyền thông): a day or a period. */
export const ZCalendarItem = z.object({
  kind: z.literal('item'),
  id: ZId,
  title: z.string(),
  description: z.string().nullable(),
  startsOn: z.string(),
  /** Last day of a period (inclusive); null for a one-day item. */
  endsOn: z.string().nullable(),
  /** Year of the guidance catalog the codes belong to. */
  guidanceYear: z.number().int(),
  themeCodes: z.array(z.string()),
  audienceCodes: z.array(z.string()),
  channelCode: z.string().nullable(),
  formCode: z.string().nullable(),
  ownerUnit: ZUnitRef,
  assignee: z.object({ id: ZId, fullName: z.string() }).nullable(),
  status: ZCalendarStatus,
  /** The approved proposal this item came from. */
  proposalId: ZId.nullable(),
  regulation: z.object({ id: ZId, number: z.string() }).nullable(),
  series: ZCalendarSeriesInfo.nullable(),
  /** Whether the caller may change or delete it. */
  canEdit: z.boolean(),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TCalendarItem = z.infer<typeof ZCalendarItem>;

/** A "before, during, after" communication task of a regulation, shown on its due day; changed in the registry. */
export const ZCalendarTaskEntry = z.object({
  kind: z.literal('task'),
  /** The regulation task's id (/api/regulation-tasks/{id}). */
  id: ZId,
  title: z.string(),
  /** The due date. */
  startsOn: z.string(),
  endsOn: z.null(),
  phase: ZTaskPhase,
  regulation: z.object({ id: ZId, number: z.string() }),
  ownerUnit: ZUnitRef,
  assignee: z.object({ id: ZId, fullName: z.string() }).nullable(),
  status: ZTaskStatus,
  /** Still open after its due date. */
  overdue: z.boolean(),
});
export type TCalendarTaskEntry = z.infer<typeof ZCalendarTaskEntry>;

export const ZCalendarEntry = z.discriminatedUnion('kind', [ZCalendarItem, ZCalendarTaskEntry]);
export type TCalendarEntry = z.infer<typeof ZCalendarEntry>;

/** `{items, total}`: entries of both kinds in one list, in date order by default (month, week and list views). */
export const ZCalendarPage = z.object({ items: z.array(ZCalendarEntry), total: z.number().int() });
export type TCalendarPage = z.infer<typeof ZCalendarPage>;

// ---------------------------------------------------------------------------------------------------------------
// Queries and requests.

type Dated = { startsOn?: string | undefined; endsOn?: string | null | undefined };
/** A period cannot end before it starts (same day is a one-day period). */
export const datesInOrder = (value: Dated) => !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * Entries overlapping `from`–`to` (both inclusive, at most MAX_CALENDAR_WINDOW_DAYS): items by their period,
 * tasks by their due date. Theme, audience, channel and form filters match items only (tasks have none);
 * `status` matches items, and tasks by the corresponding task status (planned ↔ to do, in production ↔ in
 * progress, published ↔ done, cancelled ↔ cancelled). Sorts: `startsOn` (default), `-startsOn`, `title`, `-title`.
 */
export const ZCalendarListQuery = ZListQuery.extend({
  from: ZDate,
  to: ZDate,
  kind: ZCalendarEntryKind.optional(),
  theme: ZGuidanceCode.optional(),
  audience: ZGuidanceCode.optional(),
  channel: ZGuidanceCode.optional(),
  form: ZGuidanceCode.optional(),
  /** Entries owned by this unit or any unit below it (a unit of my scope). */
  unitId: ZId.optional(),
  status: ZCalendarStatus.optional(),
  assigneeId: ZId.optional(),
  regulationId: ZId.optional(),
  proposalId: ZId.optional(),
})
  .refine((q) => q.to >= q.from, { message: 'validation.date_order', path: ['to'] })
  .refine((q) => dayNumber(q.to) - dayNumber(q.from) < MAX_CALENDAR_WINDOW_DAYS, {
    message: 'validation.calendar_window',
    path: ['to'],
  });
export type TCalendarListQuery = z.infer<typeof ZCalendarListQuery>;

const itemFields = {
  title: requiredText(300),
  description: text(5000).nullable(),
  startsOn: ZDate,
  endsOn: ZDate.nullable(),
  guidanceYear: z.number().int().min(2000).max(2100),
  themeCodes: z.array(ZGuidanceCode).max(20),
  audienceCodes: z.array(ZGuidanceCode).max(20),
  channelCode: ZGuidanceCode.nullable(),
  formCode: ZGuidanceCode.nullable(),
  ownerUnitId: ZId,
  assigneeId: ZId.nullable(),
  status: ZCalendarStatus,
  regulationId: ZId.nullable(),
};

/**
 * A new item, or with `recurrence` a series (occurrences are materialised up to the end of next year). Defaults:
 * the caller's unit, status planned, the guidance year in force on `startsOn`. A series starts on the first day
 * on or after `startsOn` that its rule gives.
 */
export const ZCreateCalendarItemRequest = z
  .strictObject({
    ...itemFields,
    description: itemFields.description.optional(),
    endsOn: itemFields.endsOn.optional(),
    guidanceYear: itemFields.guidanceYear.optional(),
    themeCodes: itemFields.themeCodes.default([]),
    audienceCodes: itemFields.audienceCodes.default([]),
    channelCode: itemFields.channelCode.optional(),
    formCode: itemFields.formCode.optional(),
    ownerUnitId: itemFields.ownerUnitId.optional(),
    assigneeId: itemFields.assigneeId.optional(),
    status: itemFields.status.default('planned'),
    regulationId: itemFields.regulationId.optional(),
    recurrence: ZRecurrenceRule.nullable().optional(),
  })
  .refine(datesInOrder, { message: 'validation.date_order', path: ['endsOn'] });
export type TCreateCalendarItemRequest = z.infer<typeof ZCreateCalendarItemRequest>;

/**
 * Only the fields sent change. Dragging is `{startsOn, endsOn, version, scope}`. For an occurrence of a series,
 * `scope: 'one'` (default) detaches it as an exception; `scope: 'future'` changes it and every later
 * occurrence that was not changed on its own (`recurrence` may then give a new rule from here on). On an item
 * that does not recur, `recurrence` makes it the first occurrence of a new series.
 */
export const ZUpdateCalendarItemRequest = z
  .strictObject({
    ...itemFields,
    recurrence: ZRecurrenceRule,
    scope: ZEditScope,
    version: ZVersion,
  })
  .partial()
  .required({ version: true })
  .refine(datesInOrder, { message: 'validation.date_order', path: ['endsOn'] });
export type TUpdateCalendarItemRequest = z.infer<typeof ZUpdateCalendarItemRequest>;

/** DELETE /api/calendar/{id}?version=…&scope=one|future (the client has asked the user to confirm). */
export const ZDeleteCalendarItemQuery = z.strictObject({
  version: ZVersionQuery,
  scope: ZEditScope.default('one'),
});
export type TDeleteCalendarItemQuery = z.infer<typeof ZDeleteCalendarItemQuery>;

/** POST /api/calendar/import?dryRun=true only reports; otherwise all rows or none are written. */
export const ZCalendarImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });

/** The user's iCalendar feed: whether one exists; the secret itself is shown once, when created. */
export const ZCalendarFeedStatus = z.object({
  active: z.boolean(),
  createdAt: z.iso.datetime().nullable(),
});
export type TCalendarFeedStatus = z.infer<typeof ZCalendarFeedStatus>;

export const ZCalendarFeedToken = z.object({
  /** Shown once; whoever has it reads the feed. */
  token: z.string(),
  /** Path of the feed (`/api/calendar/feed/{token}.ics`); prefix it with Loa's address to subscribe. */
  path: z.string(),
  createdAt: z.iso.datetime(),
});
export type TCalendarFeedToken = z.infer<typeof ZCalendarFeedToken>;

/** Column headers of the import/export spreadsheet (Vietnamese, as officers fill it in). */
export const CALENDAR_SHEET_HEADERS = {
  startsOn: 'Ngày bắt đầu',
  endsOn: 'Ngày kết thúc',
  title: 'Tiêu đề',
  description: 'Mô tả',
  unitCode: 'Mã đơn vị',
  themeCodes: 'Mã chủ đề',
  audienceCodes: 'Mã đối tượng',
  channelCode: 'Mã kênh',
  formCode: 'Mã hình thức',
  status: 'Trạng thái',
  assignee: 'Người thực hiện',
} as const;
