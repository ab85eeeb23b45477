import { z } from 'zod';
import { isVnPhone } from './agents.js';
import { ZId, ZListQuery, ZVersion, ZVersionQuery } from './common.js';
import { ZStoredFile } from './files.js';

/**
 * Training courses (1191/BHXH-TT §V.2): the agency trains its communication staff, the post-office staff and
 * commune agents who collect contributions, and union members, then certifies those who attended and passed.
 */
export const TRAINING_AUDIENCES = [
  'communication_staff',
  'post_office_staff',
  'commune_agents',
  'union_members',
  'other',
] as const;
export const ZTrainingAudience = z.enum(TRAINING_AUDIENCES);
export type TTrainingAudience = z.infer<typeof ZTrainingAudience>;

export const TRAINING_AUDIENCE_LABELS: Record<TTrainingAudience, { vi: string; en: string }> = {
  communication_staff: { vi: 'Cán bộ làm công tác truyền thông', en: 'Communication staff' },
  post_office_staff: { vi: 'Nhân viên bưu điện', en: 'Post-office staff' },
  commune_agents: { vi: 'Nhân viên đại lý thu xã, phường', en: 'Commune agents' },
  union_members: { vi: 'Cán bộ, hội viên đoàn thể', en: 'Union members' },
  other: { vi: 'Đối tượng khác', en: 'Other' },
};

/** planned → held → closed; a closed course keeps its trainees, scores and certificates as they are. */
export const TRAINING_STATUSES = ['planned', 'held', 'closed'] as const;
export const ZTrainingStatus = z.enum(TRAINING_STATUSES);
export type TTrainingStatus = z.infer<typeof ZTrainingStatus>;

export const TRAINING_STATUS_LABELS: Record<TTrainingStatus, { vi: string; en: string }> = {
  planned: { vi: 'Kế hoạch', en: 'Planned' },
  held: { vi: 'Đã tổ chức', en: 'Held' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

/** Scores are given out of 100; a course may set its own pass mark (50 unless said otherwise). */
export const MAX_TRAINING_SCORE = 100;
export const DEFAULT_PASS_SCORE = 50;
/** A course lasts at most this many days, so that attendance can be kept day by day. */
export const MAX_COURSE_DAYS = 31;
/** A trainee must attend at least this share of the course days to pass. */
export const MIN_ATTENDANCE_SHARE = 0.8;

const ZDate = z.iso.date({ message: 'validation.invalid_date' });
const text = (max: number) => z.string().trim().max(max, { message: 'validation.too_long' });
const requiredText = (max: number) => text(max).min(1, { message: 'validation.required' });
const ZScore = z
  .number({ message: 'validation.invalid_type' })
  .int({ message: 'validation.invalid_type' })
  .min(0, { message: 'validation.too_small' })
  .max(MAX_TRAINING_SCORE, { message: 'validation.too_big' });

export const ZTraineePhone = z.string().trim().refine(isVnPhone, { message: 'validation.invalid_phone' });

/** Days from `from` to `to` inclusive (yyyy-mm-dd), or 0 when reversed. */
export function courseDayCount(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return ms < 0 ? 0 : Math.round(ms / 86_400_000) + 1;
}

/** Course days a trainee must attend to pass: 80% of them, rounded up, and at least one. */
export function requiredAttendanceDays(from: string, to: string): number {
  return Math.max(1, Math.ceil(courseDayCount(from, to) * MIN_ATTENDANCE_SHARE - 1e-9));
}

/** The days of a course, yyyy-mm-dd, in order. */
export function courseDays(from: string, to: string): string[] {
  const count = courseDayCount(from, to);
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

const courseFields = {
  title: requiredText(300),
  topic: text(2000).nullable().optional(),
  audience: ZTrainingAudience,
  orgUnitId: ZId,
  startsOn: ZDate,
  endsOn: ZDate,
  online: z.boolean().default(false),
  place: text(300).nullable().optional(),
  onlineUrl: z.url({ message: 'validation.invalid_url' }).max(500).nullable().optional(),
  trainers: z.array(requiredText(200)).max(20, { message: 'validation.too_many_items' }).default([]),
  passScore: ZScore.nullable().default(DEFAULT_PASS_SCORE),
  note: text(2000).nullable().optional(),
};

type CourseShape = {
  startsOn?: string | undefined;
  endsOn?: string | undefined;
  online?: boolean | undefined;
  place?: string | null | undefined;
  onlineUrl?: string | null | undefined;
};

/** The cross-field rules of a course: dates in order and not too long; a place, or a link when online. */
function refineCourse(value: CourseShape, ctx: z.RefinementCtx, partial: boolean): void {
  if (value.startsOn && value.endsOn) {
    const days = courseDayCount(value.startsOn, value.endsOn);
    if (days === 0) ctx.addIssue({ code: 'custom', message: 'validation.date_order', path: ['endsOn'] });
    else if (days > MAX_COURSE_DAYS)
      ctx.addIssue({ code: 'custom', message: 'training.course_too_long', path: ['endsOn'] });
  }
  if (partial) return;
  if (value.online && !value.onlineUrl)
    ctx.addIssue({ code: 'custom', message: 'training.online_url_required', path: ['onlineUrl'] });
  if (!value.online && !value.place?.trim())
    ctx.addIssue({ code: 'custom', message: 'validation.required', path: ['place'] });
}

export const ZCreateTrainingCourseRequest = z
  .strictObject(courseFields)
  .superRefine((v, ctx) => refineCourse(v, ctx, false));
export type TCreateTrainingCourseRequest = z.input<typeof ZCreateTrainingCourseRequest>;

/** Only the fields sent change; the service checks the whole course again. `status` moves forward only. */
export const ZUpdateTrainingCourseRequest = z
  .strictObject({
    ...courseFields,
    online: z.boolean(),
    trainers: z.array(requiredText(200)).max(20, { message: 'validation.too_many_items' }),
    passScore: ZScore.nullable(),
    status: ZTrainingStatus,
    version: ZVersion,
  })
  .partial()
  .required({ version: true })
  .superRefine((v, ctx) => refineCourse(v, ctx, true));
export type TUpdateTrainingCourseRequest = z.infer<typeof ZUpdateTrainingCourseRequest>;

export const ZTrainingCourse = z.object({
  id: ZId,
  title: z.string(),
  topic: z.string().nullable(),
  audience: ZTrainingAudience,
  orgUnit: z.object({ id: ZId, code: z.string(), name: z.string() }),
  startsOn: z.string(),
  endsOn: z.string(),
  online: z.boolean(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  trainers: z.array(z.string()),
  passScore: z.number().int().nullable(),
  status: ZTrainingStatus,
  note: z.string().nullable(),
  traineeCount: z.number().int(),
  certificateCount: z.number().int(),
  /** Average of the trainees' ratings of the course (1–5), or null when none rated it. */
  averageRating: z.number().nullable(),
  canEdit: z.boolean(),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TTrainingCourse = z.infer<typeof ZTrainingCourse>;

export const ZTrainingCourseListQuery = ZListQuery.extend({
  audience: ZTrainingAudience.optional(),
  status: ZTrainingStatus.optional(),
  /** The organiser unit and its subtree. */
  orgUnitId: ZId.optional(),
  /** Courses overlapping the period from–to. */
  from: ZDate.optional(),
  to: ZDate.optional(),
});
export type TTrainingCourseListQuery = z.infer<typeof ZTrainingCourseListQuery>;

export const ZDeleteTrainingCourseQuery = z.strictObject({ version: ZVersionQuery });

// ---- Trainees ----

/** Why a trainee is not (yet) entitled to a certificate; null when they are. */
export const CERTIFICATE_REFUSALS = ['not_attended', 'score_missing', 'score_below'] as const;
export type TCertificateRefusal = (typeof CERTIFICATE_REFUSALS)[number];

export const ZTrainee = z.object({
  id: ZId,
  /** Set when the trainee is a user of Loa. */
  userId: ZId.nullable(),
  fullName: z.string(),
  organisation: z.string().nullable(),
  phone: z.string().nullable(),
  /** The course days the trainee attended, yyyy-mm-dd. */
  attendedDays: z.array(z.string()),
  score: z.number().int().nullable(),
  /** The trainee's rating of the course, 1–5. */
  rating: z.number().int().nullable(),
  note: z.string().nullable(),
  passed: z.boolean(),
  refusal: z.enum(CERTIFICATE_REFUSALS).nullable(),
  certificate: z.object({ number: z.string(), issuedOn: z.string() }).nullable(),
});
export type TTrainee = z.infer<typeof ZTrainee>;

const traineeEditable = {
  organisation: text(300).nullable().optional(),
  attendedDays: z.array(ZDate).max(MAX_COURSE_DAYS, { message: 'validation.too_many_items' }).optional(),
  score: ZScore.nullable().optional(),
  rating: z
    .number()
    .int({ message: 'validation.invalid_type' })
    .min(1, { message: 'validation.too_small' })
    .max(5, { message: 'validation.too_big' })
    .nullable()
    .optional(),
  note: text(1000).nullable().optional(),
};

/** A user of Loa (`userId`), or an external person with name, organisation and phone. */
export const ZAddTraineeRequest = z
  .strictObject({
    userId: ZId.nullable().optional(),
    fullName: text(200).optional(),
    phone: ZTraineePhone.nullable().optional(),
    ...traineeEditable,
  })
  .superRefine((v, ctx) => {
    if (v.userId) return;
    if (!v.fullName) ctx.addIssue({ code: 'custom', message: 'validation.required', path: ['fullName'] });
    if (!v.organisation) ctx.addIssue({ code: 'custom', message: 'validation.required', path: ['organisation'] });
    if (!v.phone) ctx.addIssue({ code: 'custom', message: 'validation.required', path: ['phone'] });
  });
export type TAddTraineeRequest = z.infer<typeof ZAddTraineeRequest>;

export const ZUpdateTraineeRequest = z.strictObject({
  fullName: requiredText(200).optional(),
  phone: ZTraineePhone.nullable().optional(),
  ...traineeEditable,
});
export type TUpdateTraineeRequest = z.infer<typeof ZUpdateTraineeRequest>;

/** Query of POST /api/training/courses/{id}/trainees/import (body: the .xlsx file itself). */
export const ZTraineeImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });

/** The columns of the trainee import sheet, by field: the import reads a header or the key. */
export const TRAINEE_SHEET_HEADERS = {
  fullName: 'Họ và tên',
  username: 'Tên đăng nhập',
  organisation: 'Đơn vị, tổ chức',
  phone: 'Số điện thoại',
  note: 'Ghi chú',
} as const;

// ---- Certificates ----

export const ZIssueCertificatesRequest = z.strictObject({
  /** The person who signs: the organiser unit's leader, typed at issue time. */
  signerName: requiredText(200),
  signerTitle: requiredText(200),
  issuedOn: ZDate.optional(),
  /** Only these trainees; none means every trainee who passed and has no certificate yet. */
  traineeIds: z.array(ZId).max(2000).optional(),
});
export type TIssueCertificatesRequest = z.infer<typeof ZIssueCertificatesRequest>;

export const ZIssuedCertificate = z.object({ traineeId: ZId, fullName: z.string(), number: z.string() });
export const ZIssueCertificatesResponse = z.object({ issued: z.array(ZIssuedCertificate) });
export type TIssueCertificatesResponse = z.infer<typeof ZIssueCertificatesResponse>;

// ---- The course page ----

export const ZTrainingMaterial = z.object({
  file: ZStoredFile,
  title: z.string(),
  addedBy: z.string().nullable(),
  addedAt: z.iso.datetime(),
});
export type TTrainingMaterial = z.infer<typeof ZTrainingMaterial>;

export const ZAddTrainingMaterialQuery = z.strictObject({
  name: z.string().trim().max(255).optional(),
  title: text(300).optional(),
});

export const ZTrainingCourseDetail = ZTrainingCourse.extend({
  trainees: z.array(ZTrainee),
  materials: z.array(ZTrainingMaterial),
});
export type TTrainingCourseDetail = z.infer<typeof ZTrainingCourseDetail>;
