import { z } from 'zod';
import { isVnPhone } from './agents.js';
import { ZId, ZListQuery, ZVersion } from './common.js';

/**
 * The media database (issue 6 §4, 1191/BHXH-TT §V.1.a/b): press outlets the Communication Center and the
 * province offices work with, their journalists and editors, and the history of every contact with them.
 */
export const OUTLET_KINDS = ['newspaper', 'magazine', 'tv', 'radio', 'online', 'grassroots_radio'] as const;
export const ZOutletKind = z.enum(OUTLET_KINDS);
export type TOutletKind = z.infer<typeof ZOutletKind>;

export const OUTLET_KIND_LABELS: Record<TOutletKind, { vi: string; en: string }> = {
  newspaper: { vi: 'Báo in', en: 'Newspaper' },
  magazine: { vi: 'Tạp chí', en: 'Magazine' },
  tv: { vi: 'Truyền hình', en: 'Television' },
  radio: { vi: 'Phát thanh', en: 'Radio' },
  online: { vi: 'Báo điện tử', en: 'Online' },
  grassroots_radio: { vi: 'Đài truyền thanh cơ sở', en: 'Grassroots radio' },
};

export const CONTACT_ROLES = ['journalist', 'editor', 'editor_in_chief', 'reporter', 'other'] as const;
export const ZContactRole = z.enum(CONTACT_ROLES);
export type TContactRole = z.infer<typeof ZContactRole>;

export const CONTACT_ROLE_LABELS: Record<TContactRole, { vi: string; en: string }> = {
  journalist: { vi: 'Nhà báo', en: 'Journalist' },
  editor: { vi: 'Biên tập viên', en: 'Editor' },
  editor_in_chief: { vi: 'Tổng biên tập', en: 'Editor-in-chief' },
  reporter: { vi: 'Phóng viên', en: 'Reporter' },
  other: { vi: 'Khác', en: 'Other' },
};

export const CONTACT_CHANNELS = ['call', 'email', 'meeting', 'event'] as const;
export const ZContactChannel = z.enum(CONTACT_CHANNELS);
export type TContactChannel = z.infer<typeof ZContactChannel>;

/** The area an outlet covers: the whole country, or a province by its GSO code. */
export const NATIONAL_AREA = 'national';

export const MAX_CONTACT_PHONES = 5;
export const MAX_CONTACT_EMAILS = 5;
export const MAX_BEATS = 20;

const text = (max: number) => z.string().trim().max(max, { message: 'validation.too_long' });
const requiredText = (max: number) => text(max).min(1, { message: 'validation.required' });
const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'validation.invalid_email' }));
const ZPhone = z.string().trim().refine(isVnPhone, { message: 'validation.invalid_phone' });
const ZArea = z
  .string()
  .trim()
  .regex(/^(national|\d{2})$/, { message: 'validation.invalid_format' });
const ZBeats = z.array(requiredText(60)).max(MAX_BEATS, { message: 'validation.too_many_items' });
const ZWebsite = z
  .string()
  .trim()
  .max(300, { message: 'validation.too_long' })
  .regex(/^https?:\/\/\S+$/, { message: 'validation.invalid_url' });

const ZUnitRef = z.object({ id: ZId, code: z.string(), name: z.string() });

export const ZOutlet = z.object({
  id: ZId,
  name: z.string(),
  kind: ZOutletKind,
  governingBody: z.string().nullable(),
  /** `national` or a province code; `areaName` the province's name (null when national). */
  area: z.string(),
  areaName: z.string().nullable(),
  beats: z.array(z.string()),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  note: z.string().nullable(),
  active: z.boolean(),
  contactCount: z.number().int(),
  /** The unit that keeps the outlet current (the Communication Center for the national list). */
  orgUnit: ZUnitRef,
  canEdit: z.boolean(),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TOutlet = z.infer<typeof ZOutlet>;

const outletFields = {
  name: requiredText(200),
  kind: ZOutletKind,
  governingBody: text(200).nullable().optional(),
  area: ZArea,
  beats: ZBeats.optional(),
  website: ZWebsite.nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  phone: ZPhone.nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  email: ZEmail.nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  address: text(300).nullable().optional(),
  note: text(2000).nullable().optional(),
  active: z.boolean().optional(),
  /** The keeping unit; the actor's own unit when left out. Must lie in the actor's scope. */
  orgUnitId: ZId.optional(),
};

export const ZCreateOutletRequest = z.strictObject(outletFields);
export type TCreateOutletRequest = z.infer<typeof ZCreateOutletRequest>;
export const ZUpdateOutletRequest = z
  .strictObject({ ...outletFields, version: ZVersion })
  .partial()
  .required({ version: true });
export type TUpdateOutletRequest = z.infer<typeof ZUpdateOutletRequest>;

export const ZOutletListQuery = ZListQuery.extend({
  kind: ZOutletKind.optional(),
  area: ZArea.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type TOutletListQuery = z.infer<typeof ZOutletListQuery>;

export const ZContact = z.object({
  id: ZId,
  outlet: z.object({ id: ZId, name: z.string() }),
  fullName: z.string(),
  role: ZContactRole,
  beats: z.array(z.string()),
  /** National form, digits only. */
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  note: z.string().nullable(),
  lastContactOn: z.string().nullable(),
  canEdit: z.boolean(),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TContact = z.infer<typeof ZContact>;

const contactFields = {
  outletId: ZId,
  fullName: requiredText(200),
  role: ZContactRole,
  beats: ZBeats.optional(),
  phones: z.array(ZPhone).max(MAX_CONTACT_PHONES, { message: 'validation.too_many_items' }).optional(),
  emails: z.array(ZEmail).max(MAX_CONTACT_EMAILS, { message: 'validation.too_many_items' }).optional(),
  note: text(2000).nullable().optional(),
};
export const ZCreateContactRequest = z.strictObject(contactFields);
export type TCreateContactRequest = z.infer<typeof ZCreateContactRequest>;
export const ZUpdateContactRequest = z
  .strictObject({ ...contactFields, version: ZVersion })
  .partial()
  .required({ version: true });
export type TUpdateContactRequest = z.infer<typeof ZUpdateContactRequest>;

export const ZContactListQuery = ZListQuery.extend({
  outletId: ZId.optional(),
  role: ZContactRole.optional(),
});
export type TContactListQuery = z.infer<typeof ZContactListQuery>;

export const ZContactHistoryEntry = z.object({
  id: ZId,
  contactedOn: z.string(),
  channel: ZContactChannel,
  summary: z.string(),
  officer: z.object({ id: ZId.nullable(), name: z.string() }),
  createdAt: z.iso.datetime(),
});
export type TContactHistoryEntry = z.infer<typeof ZContactHistoryEntry>;

/** A contact history entry: appended, never edited. */
export const ZAddContactHistoryRequest = z.strictObject({
  contactedOn: z.iso.date({ message: 'validation.invalid_date' }),
  channel: ZContactChannel,
  summary: requiredText(2000),
});
export type TAddContactHistoryRequest = z.infer<typeof ZAddContactHistoryRequest>;

export const ZPressImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });

/** The columns of the outlet sheet (import and export), by field. */
export const OUTLET_SHEET_HEADERS = {
  name: 'Tên cơ quan báo chí',
  kind: 'Loại hình',
  governingBody: 'Cơ quan chủ quản',
  area: 'Phạm vi',
  beats: 'Lĩnh vực',
  website: 'Trang web',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  address: 'Địa chỉ',
  note: 'Ghi chú',
} as const;

/** The columns of the contact sheet; the outlet is named by its name. */
export const CONTACT_SHEET_HEADERS = {
  outlet: 'Cơ quan báo chí',
  fullName: 'Họ và tên',
  role: 'Chức danh',
  beats: 'Lĩnh vực',
  phones: 'Số điện thoại',
  emails: 'Thư điện tử',
  note: 'Ghi chú',
} as const;
