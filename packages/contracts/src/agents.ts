import { z } from 'zod';
import { ZId, ZListQuery, ZVersion, ZVersionQuery } from './common.js';

/**
 * Collection agents (đại lý thu, 1191/BHXH-TT §V.2): the post offices, commune agents and other agents that
 * collect voluntary social insurance and household health insurance contributions, and that citizens are told
 * about so they can find the nearest one.
 */
export const AGENT_TYPES = ['post_office', 'commune_agent', 'other'] as const;
export const ZAgentType = z.enum(AGENT_TYPES);
export type TAgentType = z.infer<typeof ZAgentType>;

export const AGENT_TYPE_LABELS: Record<TAgentType, { vi: string; en: string }> = {
  post_office: { vi: 'Bưu điện', en: 'Post office' },
  commune_agent: { vi: 'Đại lý thu xã, phường', en: 'Commune agent' },
  other: { vi: 'Đại lý thu khác', en: 'Other agent' },
};

/** At most this many phone numbers per agent. */
export const MAX_AGENT_PHONES = 3;

const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;
const HOTLINE = /^1[89]00\d{4,6}$/;

/**
 * A Vietnamese phone number in its national form (digits only, leading 0), or null when it is not one:
 * mobiles 0[3|5|7|8|9]x xxx xxxx, landlines 02x(x) with 11 digits since 2017, and 1900/1800 hotlines.
 * "+84 912 345 678", "84912345678", "0912.345.678" and "(024) 3824 1234" are accepted.
 */
export function normalizeVnPhone(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  let digits = compact.replace(/^\+/, '');
  if (compact.startsWith('+')) {
    if (!digits.startsWith('84')) return null;
    digits = `0${digits.slice(2)}`;
  } else if (digits.startsWith('84') && (digits.length === 11 || digits.length === 12)) {
    digits = `0${digits.slice(2)}`;
  }
  if (digits.startsWith('00')) return null;
  return MOBILE.test(digits) || LANDLINE.test(digits) || HOTLINE.test(digits) ? digits : null;
}

export function isVnPhone(input: string): boolean {
  return normalizeVnPhone(input) !== null;
}

/** A national-form number grouped as people read it: 0912 345 678, 024 3824 1234, 1900 9068. */
export function formatVnPhone(phone: string): string {
  if (MOBILE.test(phone)) return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
  if (LANDLINE.test(phone)) return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
  if (HOTLINE.test(phone)) return `${phone.slice(0, 4)} ${phone.slice(4)}`;
  return phone;
}

const ZDate = z.iso.date({ message: 'validation.invalid_date' });
const text = (max: number) => z.string().trim().max(max, { message: 'validation.too_long' });
const requiredText = (max: number) => text(max).min(1, { message: 'validation.required' });
/** An administrative-unit code (GSO): 2 digits a province, 3 a district, 5 a commune. */
const placeCode = (digits: number) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{${digits}}$`), { message: 'validation.invalid_format' });

export const ZAgentPhone = z.string().trim().refine(isVnPhone, { message: 'validation.invalid_phone' });

const ZPlace = z.object({ code: z.string(), name: z.string() });
export type TPlace = z.infer<typeof ZPlace>;

export const ZAgent = z.object({
  id: ZId,
  type: ZAgentType,
  name: z.string(),
  address: z.string(),
  province: ZPlace,
  district: ZPlace.nullable(),
  commune: ZPlace.nullable(),
  /** National form, digits only (0912345678). */
  phones: z.array(z.string()),
  workingHours: z.string().nullable(),
  activeFrom: z.string().nullable(),
  activeTo: z.string().nullable(),
  /** Within the active period today (Vietnam's calendar day). */
  active: z.boolean(),
  note: z.string().nullable(),
  /** The unit that keeps the agent current: the district office of its place, else the province office. */
  orgUnit: z.object({ id: ZId, code: z.string(), name: z.string() }),
  canEdit: z.boolean(),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TAgent = z.infer<typeof ZAgent>;

const agentFields = {
  type: ZAgentType,
  name: requiredText(200),
  address: requiredText(300),
  provinceCode: placeCode(2),
  districtCode: placeCode(3).nullable().optional(),
  communeCode: placeCode(5).nullable().optional(),
  phones: z
    .array(ZAgentPhone)
    .min(1, { message: 'validation.too_few_items' })
    .max(MAX_AGENT_PHONES, { message: 'validation.too_many_items' }),
  workingHours: text(300).nullable().optional(),
  activeFrom: ZDate.nullable().optional(),
  activeTo: ZDate.nullable().optional(),
  note: text(2000).nullable().optional(),
};

const periodInOrder = (v: { activeFrom?: string | null; activeTo?: string | null }) =>
  !v.activeFrom || !v.activeTo || v.activeFrom <= v.activeTo;

export const ZCreateAgentRequest = z
  .strictObject(agentFields)
  .refine(periodInOrder, { message: 'validation.date_order', path: ['activeTo'] });
export type TCreateAgentRequest = z.infer<typeof ZCreateAgentRequest>;

/** Only the fields sent change; a place change sends the province and the lower levels together. */
export const ZUpdateAgentRequest = z
  .strictObject({ ...agentFields, version: ZVersion })
  .partial()
  .required({ version: true })
  .refine(periodInOrder, { message: 'validation.date_order', path: ['activeTo'] });
export type TUpdateAgentRequest = z.infer<typeof ZUpdateAgentRequest>;

/** The columns of the import sheet (and of the export), by field: the import reads a header or the key. */
export const AGENT_SHEET_HEADERS = {
  type: 'Loại đại lý',
  name: 'Tên đại lý',
  address: 'Địa chỉ',
  province: 'Tỉnh, thành phố',
  district: 'Quận, huyện',
  commune: 'Xã, phường',
  phones: 'Số điện thoại',
  workingHours: 'Giờ làm việc',
  activeFrom: 'Hoạt động từ ngày',
  activeTo: 'Hoạt động đến ngày',
  note: 'Ghi chú',
} as const;

export const ZDeleteAgentQuery = z.strictObject({ version: ZVersionQuery });

/** Query of POST /api/agents/import (body: the .xlsx file itself). */
export const ZAgentImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });

export const ZAgentListQuery = ZListQuery.extend({
  type: ZAgentType.optional(),
  provinceCode: placeCode(2).optional(),
  districtCode: placeCode(3).optional(),
  communeCode: placeCode(5).optional(),
  /** true: active today; false: not yet or no longer active. */
  active: z.enum(['true', 'false']).optional(),
});
export type TAgentListQuery = z.infer<typeof ZAgentListQuery>;

/** Administrative units of the structure the agency works in (the org preset's). */
export const ZAgentPlacesQuery = z.strictObject({
  /** The parent's code; none lists the provinces. */
  parent: z
    .string()
    .trim()
    .regex(/^\d{2,3}$/, { message: 'validation.invalid_format' })
    .optional(),
});
export const ZAgentPlace = z.object({ code: z.string(), name: z.string(), level: z.number().int() });
export type TAgentPlace = z.infer<typeof ZAgentPlace>;

// ---- Public page: only what a citizen needs, nothing about who keeps the record. ----

export const ZPublicAgent = z.object({
  type: ZAgentType,
  name: z.string(),
  address: z.string(),
  provinceName: z.string(),
  districtName: z.string().nullable(),
  communeName: z.string().nullable(),
  phones: z.array(z.string()),
  workingHours: z.string().nullable(),
});
export type TPublicAgent = z.infer<typeof ZPublicAgent>;

export const PUBLIC_AGENTS_PAGE_SIZE = 20;

export const ZPublicAgentQuery = z.strictObject({
  province: placeCode(2).optional(),
  district: placeCode(3).optional(),
  commune: placeCode(5).optional(),
  q: z.string().trim().max(100, { message: 'validation.too_long' }).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
});
export type TPublicAgentQuery = z.infer<typeof ZPublicAgentQuery>;

export const ZPublicAgentPage = z.object({ items: z.array(ZPublicAgent), total: z.number().int() });
export type TPublicAgentPage = z.infer<typeof ZPublicAgentPage>;

/** A province, district or commune where active agents are, with how many. */
export const ZPublicAgentArea = z.object({
  code: z.string(),
  name: z.string(),
  /** 1 province, 2 district, 3 commune. */
  level: z.number().int(),
  count: z.number().int(),
});
export type TPublicAgentArea = z.infer<typeof ZPublicAgentArea>;

/** The places of a province that have agents: its districts (63-province structure) or communes (34). */
export const ZPublicAgentPlacesQuery = z.strictObject({ province: placeCode(2) });
