import { z } from 'zod';
import { isVnPhone } from './agents.js';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { ZEventKind } from './restrictions.js';

export const EVENT_STATUSES = ['planned', 'held', 'reported', 'cancelled'] as const;
export const ZEventStatus = z.enum(EVENT_STATUSES);
export type TEventStatus = z.infer<typeof ZEventStatus>;

export const EVENT_STATUS_LABELS: Record<TEventStatus, { vi: string; en: string }> = {
  planned: { vi: 'Đã lên kế hoạch', en: 'Planned' },
  held: { vi: 'Đã tổ chức', en: 'Held' },
  reported: { vi: 'Đã báo cáo kết quả', en: 'Reported' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** planned → held → reported; planned (or held, if it turns out it did not take place) → cancelled with a reason. */
export const EVENT_TRANSITIONS: Record<TEventStatus, readonly TEventStatus[]> = {
  planned: ['held', 'cancelled'],
  held: ['reported', 'cancelled'],
  reported: [],
  cancelled: [],
};

/** The target groups of the peak communication for voluntary BHXH and household BHYT (1191/BHXH-TT §II.2.a). */
export const EVENT_SEGMENTS = [
  'stable_income',
  'household_business',
  'craft_village',
  'farming_household',
  'farm',
  'good_farmer',
] as const;
export const ZEventSegment = z.enum(EVENT_SEGMENTS);
export type TEventSegment = z.infer<typeof ZEventSegment>;

export const EVENT_SEGMENT_LABELS: Record<TEventSegment, { vi: string; en: string }> = {
  stable_income: { vi: 'Nhóm có thu nhập ổn định', en: 'People with a stable income' },
  household_business: { vi: 'Hộ gia đình kinh doanh cá thể', en: 'Household businesses' },
  craft_village: { vi: 'Lao động trong các làng nghề', en: 'Craft-village workers' },
  farming_household: { vi: 'Hộ gia đình làm nông nghiệp', en: 'Farming households' },
  farm: { vi: 'Trang trại (trồng trọt, chăn nuôi, chế biến, dịch vụ)', en: 'Farms' },
  good_farmer: { vi: 'Hội viên nông dân sản xuất kinh doanh giỏi', en: 'Good farmers (Farmers’ Union)' },
};

export const EVENT_PARTNERS = ['post_office', 'unions', 'commune_committee', 'dept_information', 'other'] as const;
export const ZEventPartner = z.enum(EVENT_PARTNERS);
export type TEventPartner = z.infer<typeof ZEventPartner>;

export const EVENT_PARTNER_LABELS: Record<TEventPartner, { vi: string; en: string }> = {
  post_office: { vi: 'Bưu điện', en: 'Post office' },
  unions: {
    vi: 'Đoàn thể (Công đoàn, Hội Nông dân, Hội Phụ nữ, Đoàn Thanh niên…)',
    en: 'Unions and mass organisations',
  },
  commune_committee: { vi: 'UBND xã, phường', en: 'Commune People’s Committee' },
  dept_information: { vi: 'Sở Thông tin và Truyền thông', en: 'Department of Information and Communications' },
  other: { vi: 'Đối tác khác', en: 'Other partner' },
};

export const SEXES = ['male', 'female'] as const;
export const ZSex = z.enum(SEXES);
export type TSex = z.infer<typeof ZSex>;

/** Outcomes: new voluntary social insurance participants and new household health insurance participants. */
export const OUTCOME_PROGRAMS = ['voluntary', 'household_bhyt'] as const;
export const ZOutcomeProgram = z.enum(OUTCOME_PROGRAMS);
export type TOutcomeProgram = z.infer<typeof ZOutcomeProgram>;

/** Beyond these a figure is a typing error, refused outright. */
export const EVENT_LIMITS = {
  attendance: 100_000,
  outcomes: 100_000,
  questions: 10_000,
  costVnd: 100_000_000_000,
} as const;

const text = (max: number) => z.string().trim().max(max, { message: 'validation.too_long' });
const requiredText = (max: number) => text(max).min(1, { message: 'validation.required' });
const count = z.number().int({ message: 'validation.not_integer' }).min(0, { message: 'validation.negative' });
const placeCode = (digits: number) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{${digits}}$`), { message: 'validation.invalid_format' });
const ZInstant = z.iso.datetime({ offset: true, message: 'validation.invalid_date' });

const ZPlace = z.object({ code: z.string(), name: z.string() });
const ZUnitRef = z.object({ id: ZId, code: z.string(), name: z.string() });

export const ZEventOverride = z.object({
  id: ZId,
  eventId: ZId,
  eventTitle: z.string(),
  /** The act the leader allowed despite the restriction: create, reschedule (update) or hold. */
  action: z.string(),
  reason: z.string(),
  by: z.string().nullable(),
  at: z.iso.datetime(),
  restrictions: z.array(
    z.object({ id: ZId, area: z.string(), startsOn: z.string(), endsOn: z.string().nullable(), basis: z.string() }),
  ),
});
export type TEventOverride = z.infer<typeof ZEventOverride>;

export const ZEventPhoto = z.object({
  fileId: ZId,
  name: z.string(),
  size: z.number().int(),
  hasThumbnail: z.boolean(),
  addedAt: z.iso.datetime(),
});
export type TEventPhoto = z.infer<typeof ZEventPhoto>;

export const ZEvent = z.object({
  id: ZId,
  kind: ZEventKind,
  title: z.string(),
  status: ZEventStatus,
  orgUnit: ZUnitRef,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime().nullable(),
  province: ZPlace.nullable(),
  district: ZPlace.nullable(),
  commune: ZPlace.nullable(),
  address: z.string().nullable(),
  segments: z.array(ZEventSegment),
  themeCodes: z.array(z.string()),
  partners: z.array(ZEventPartner),
  partnerNote: z.string().nullable(),
  plannedAttendance: z.number().int().nullable(),
  /** Counted from QR check-ins plus the people counted by hand (`extra`). */
  attendance: z.object({
    total: z.number().int(),
    male: z.number().int(),
    female: z.number().int(),
    checkedIn: z.number().int(),
    extra: z.object({
      total: z.number().int(),
      male: z.number().int(),
      female: z.number().int(),
      bySegment: z.partialRecord(ZEventSegment, z.number().int()),
    }),
    bySegment: z.partialRecord(ZEventSegment, z.number().int()),
  }),
  questionsRaised: z.number().int(),
  questionsAnswered: z.number().int(),
  outcomes: z.object({
    voluntary: z.number().int(),
    householdBhyt: z.number().int(),
    listedVoluntary: z.number().int(),
    listedHouseholdBhyt: z.number().int(),
  }),
  costVnd: z.number().int().nullable(),
  calendarItemId: ZId.nullable(),
  productId: ZId.nullable(),
  note: z.string().nullable(),
  cancelReason: z.string().nullable(),
  overrides: z.array(ZEventOverride),
  checkIn: z.object({ open: z.boolean(), expiresAt: z.iso.datetime().nullable() }),
  canEdit: z.boolean(),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TEvent = z.infer<typeof ZEvent>;

export const ZEventDetail = ZEvent.extend({ photos: z.array(ZEventPhoto) });
export type TEventDetail = z.infer<typeof ZEventDetail>;

/** A leader's written reason to go ahead despite an active restriction. */
export const ZOverride = z.strictObject({ reason: requiredText(2000) });

const eventFields = {
  kind: ZEventKind,
  title: requiredText(300),
  orgUnitId: ZId,
  startsAt: ZInstant,
  endsAt: ZInstant.nullable().optional(),
  provinceCode: placeCode(2).nullable().optional(),
  districtCode: placeCode(3).nullable().optional(),
  communeCode: placeCode(5).nullable().optional(),
  address: text(500).nullable().optional(),
  segments: z.array(ZEventSegment).max(EVENT_SEGMENTS.length).optional(),
  themeCodes: z.array(text(40)).max(30).optional(),
  partners: z.array(ZEventPartner).max(EVENT_PARTNERS.length).optional(),
  partnerNote: text(500).nullable().optional(),
  plannedAttendance: count.nullable().optional(),
  costVnd: count.nullable().optional(),
  calendarItemId: ZId.nullable().optional(),
  productId: ZId.nullable().optional(),
  note: text(4000).nullable().optional(),
};

/** The figures of the report: people counted by hand, questions, outcomes. */
const reportFields = {
  extraAttendance: count.optional(),
  extraMale: count.optional(),
  extraFemale: count.optional(),
  bySegment: z.partialRecord(ZEventSegment, count).optional(),
  questionsRaised: count.optional(),
  questionsAnswered: count.optional(),
  newVoluntary: count.optional(),
  newHouseholdBhyt: count.optional(),
};

const endsAfterStart = (r: { startsAt?: string | undefined; endsAt?: string | null | undefined }) =>
  !r.startsAt || !r.endsAt || new Date(r.endsAt) >= new Date(r.startsAt);

export const ZCreateEventRequest = z
  .strictObject({ ...eventFields, override: ZOverride.optional() })
  .refine(endsAfterStart, { message: 'validation.date_order', path: ['endsAt'] })
  .refine((r) => !!r.communeCode || !!r.districtCode || !!r.provinceCode || !!r.address, {
    message: 'event.place_required',
    path: ['address'],
  });
export type TCreateEventRequest = z.infer<typeof ZCreateEventRequest>;

/** Only the fields sent change; a place change sends the province and the lower levels together. */
export const ZUpdateEventRequest = z
  .strictObject({
    ...eventFields,
    ...reportFields,
    version: ZVersion,
    override: ZOverride.optional(),
    confirmImplausible: z.boolean().optional(),
  })
  .partial()
  .required({ version: true })
  .refine(endsAfterStart, { message: 'validation.date_order', path: ['endsAt'] });
export type TUpdateEventRequest = z.infer<typeof ZUpdateEventRequest>;

export const ZEventTransitionRequest = z
  .strictObject({
    to: z.enum(['held', 'reported', 'cancelled']),
    version: ZVersion,
    reason: text(2000).optional(),
    override: ZOverride.optional(),
    confirmImplausible: z.boolean().optional(),
  })
  .refine((r) => r.to !== 'cancelled' || !!r.reason, { message: 'validation.required', path: ['reason'] });
export type TEventTransitionRequest = z.infer<typeof ZEventTransitionRequest>;

export const ZEventListQuery = ZListQuery.extend({
  kind: ZEventKind.optional(),
  status: ZEventStatus.optional(),
  unitId: ZId.optional(),
  from: z.iso.date({ message: 'validation.invalid_date' }).optional(),
  to: z.iso.date({ message: 'validation.invalid_date' }).optional(),
  /** true: held or planned with a leader's override of a restriction. */
  overridden: z.enum(['true', 'false']).optional(),
});
export type TEventListQuery = z.infer<typeof ZEventListQuery>;

// ---- QR check-in ----

export const ZOpenCheckInRequest = z.strictObject({ hours: z.number().int().min(1).max(48).default(8) });
export const ZCheckInLink = z.object({ token: z.string(), path: z.string(), expiresAt: z.iso.datetime() });
export type TCheckInLink = z.infer<typeof ZCheckInLink>;

/** What a participant's phone shows: the event's public facts, nothing about the organiser's records. */
export const ZPublicCheckInEvent = z.object({
  title: z.string(),
  kind: ZEventKind,
  startsAt: z.iso.datetime(),
  place: z.string(),
  organiser: z.string(),
  expiresAt: z.iso.datetime(),
});
export type TPublicCheckInEvent = z.infer<typeof ZPublicCheckInEvent>;

export const ZCheckInRequest = z.strictObject({
  fullName: requiredText(200),
  phone: text(30)
    .refine((v) => v === '' || isVnPhone(v), { message: 'validation.invalid_phone' })
    .nullable()
    .optional(),
  sex: ZSex,
  segment: ZEventSegment.nullable().optional(),
});
export type TCheckInRequest = z.infer<typeof ZCheckInRequest>;
export const ZCheckInResult = z.object({ counted: z.boolean(), attendance: z.number().int() });
export type TCheckInResult = z.infer<typeof ZCheckInResult>;

// ---- Outcome lists (Excel) ----

export const ZEventParticipant = z.object({
  program: ZOutcomeProgram,
  fullName: z.string(),
  insuranceCode: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});
export type TEventParticipant = z.infer<typeof ZEventParticipant>;

export const PARTICIPANT_SHEET_HEADERS = {
  program: 'Loại tham gia',
  fullName: 'Họ và tên',
  insuranceCode: 'Mã số BHXH',
  birthYear: 'Năm sinh',
  phone: 'Số điện thoại',
  address: 'Địa chỉ',
} as const;

// ---- Plausibility of the figures (server and form share it) ----

export interface EventFigures {
  checkedIn: number;
  extraAttendance: number;
  extraMale: number;
  extraFemale: number;
  bySegment: Partial<Record<TEventSegment, number>>;
  questionsRaised: number;
  questionsAnswered: number;
  newVoluntary: number;
  newHouseholdBhyt: number;
  costVnd: number | null;
}

export interface FigureProblem {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/**
 * Checks the figures of an event. `errors` are refused outright (absurd numbers, parts larger than their whole);
 * `warnings` need the organiser's confirmation (more new participants than people who attended).
 */
export function eventFigureProblems(f: EventFigures): { errors: FigureProblem[]; warnings: FigureProblem[] } {
  const errors: FigureProblem[] = [];
  const warnings: FigureProblem[] = [];
  const absurd = (field: string, value: number, maximum: number) => {
    if (value > maximum) errors.push({ field, code: 'metric.absurd', params: { maximum } });
  };
  absurd('extraAttendance', f.extraAttendance, EVENT_LIMITS.attendance);
  absurd('questionsRaised', f.questionsRaised, EVENT_LIMITS.questions);
  absurd('newVoluntary', f.newVoluntary, EVENT_LIMITS.outcomes);
  absurd('newHouseholdBhyt', f.newHouseholdBhyt, EVENT_LIMITS.outcomes);
  if (f.costVnd !== null) absurd('costVnd', f.costVnd, EVENT_LIMITS.costVnd);
  if (f.extraMale + f.extraFemale > f.extraAttendance)
    errors.push({ field: 'extraMale', code: 'event.parts_exceed_total', params: { total: f.extraAttendance } });
  const total = f.checkedIn + f.extraAttendance;
  const segments = Object.values(f.bySegment).reduce((sum, n) => sum + (n ?? 0), 0);
  if (segments > total) errors.push({ field: 'bySegment', code: 'event.parts_exceed_total', params: { total } });
  if (f.questionsAnswered > f.questionsRaised)
    errors.push({ field: 'questionsAnswered', code: 'event.answered_exceeds_raised' });
  const outcomes = f.newVoluntary + f.newHouseholdBhyt;
  if (outcomes > total)
    warnings.push({ field: 'newVoluntary', code: 'event.outcomes_exceed_attendance', params: { outcomes, total } });
  return { errors, warnings };
}
