import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { normalizeVnPhone } from './agents.js';

/**
 * The registry of the agency's official channels (its domains, phone numbers, social pages, apps and e-mail
 * addresses) and of the impersonations reported publicly, against which links, domains and phone numbers found
 * in articles or pasted by citizens are checked (issue 12 §7). A `document` is a forged letter's number.
 */
export const CHANNEL_KINDS = ['domain', 'phone', 'social', 'app', 'email', 'document'] as const;
export const ZChannelKind = z.enum(CHANNEL_KINDS);
export type TChannelKind = z.infer<typeof ZChannelKind>;

export const CHANNEL_STATUSES = ['official', 'reported_fake'] as const;
export const ZChannelStatus = z.enum(CHANNEL_STATUSES);
export type TChannelStatus = z.infer<typeof ZChannelStatus>;

type Label = { vi: string; en: string };

export const CHANNEL_KIND_LABELS: Record<TChannelKind, Label> = {
  domain: { vi: 'Tên miền', en: 'Domain' },
  phone: { vi: 'Số điện thoại', en: 'Phone number' },
  social: { vi: 'Trang mạng xã hội', en: 'Social media page' },
  app: { vi: 'Ứng dụng', en: 'App' },
  email: { vi: 'Thư điện tử', en: 'E-mail address' },
  document: { vi: 'Văn bản giả mạo', en: 'Forged document' },
};

export const CHANNEL_STATUS_LABELS: Record<TChannelStatus, Label> = {
  official: { vi: 'Kênh chính thức', en: 'Official' },
  reported_fake: { vi: 'Đã được cảnh báo giả mạo', en: 'Reported as fake' },
};

/** Hosts under which a social page is named by its first path segment(s). */
const SOCIAL_HOST_ALIASES: Record<string, string> = { 'fb.com': 'facebook.com', 'fb.me': 'facebook.com' };
const SOCIAL_PREFIXES = /^(?:www|m|mobile|web|vt|vm)\./;

/** A host name in lower case without "www." and a trailing dot, punycode for international names; null if none. */
export function normaliseHost(input: string): string | null {
  const raw = input.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const host = raw
    .split(/[/?#]/, 1)[0]!
    .replace(/^[^@]*@/, '')
    .replace(/:\d+$/, '');
  if (!host || /\s/.test(host)) return null;
  let ascii: string;
  try {
    ascii = new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
  ascii = ascii.replace(/\.$/, '').replace(/^www\./, '');
  const labels = ascii.split('.');
  if (labels.length < 2 || !/^(?:[a-z]{2,24}|xn--[a-z0-9-]+)$/.test(labels.at(-1)!)) return null;
  return labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l)) ? ascii : null;
}

/** A social page as host/path in lower case ("facebook.com/bhxhvn999"); a page known only by name stays as typed. */
export function normaliseSocial(input: string): string | null {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  const looksLikeUrl = /^(?:[a-z]+:\/\/)?[^\s/:]+\.[a-z]{2,}(?:\/\S*)?$/i.test(text);
  if (!looksLikeUrl) return text.toLowerCase();
  const host = normaliseHost(text);
  if (!host) return null;
  const bare = host.replace(SOCIAL_PREFIXES, '');
  const canonical = SOCIAL_HOST_ALIASES[bare] ?? bare;
  const rest = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^[^/?#]*/, '');
  const url = new URL(`http://x${rest || '/'}`);
  const segments = url.pathname.split('/').filter(Boolean);
  const id = url.searchParams.get('id');
  const page =
    segments[0] === 'profile.php' && id
      ? [`profile.php?id=${id}`]
      : ['groups', 'pages', 'people', 'channel', 'c', 'user'].includes(segments[0]?.toLowerCase() ?? '')
        ? segments.slice(0, 2)
        : segments.slice(0, 1);
  return [canonical, ...page].join('/').toLowerCase();
}

/** A document number in capitals without spaces ("2133/bhxh - csyt" → "2133/BHXH-CSYT"), or null. */
export function normaliseDocumentNumber(input: string): string | null {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  return /^\d{1,6}\/[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$/.test(compact) ? compact : null;
}

/**
 * The form a channel is stored and compared in, or null when the value is not one of its kind: domains in lower
 * case without scheme, "www." or path; phones in national digits; social pages as host/path; e-mail addresses in
 * lower case; apps by name; documents by number.
 */
export function normaliseChannelValue(kind: TChannelKind, input: string): string | null {
  const text = input.trim();
  switch (kind) {
    case 'domain':
      return normaliseHost(text);
    case 'phone':
      return normalizeVnPhone(text);
    case 'social':
      return normaliseSocial(text);
    case 'email': {
      const match = /^([a-z0-9._%+-]+)@(.+)$/i.exec(text);
      const host = match ? normaliseHost(match[2]!) : null;
      return match && host ? `${match[1]!.toLowerCase()}@${host}` : null;
    }
    case 'app':
      return text ? text.replace(/\s+/g, ' ').toLowerCase() : null;
    case 'document':
      return normaliseDocumentNumber(text);
  }
}

const text = (max: number) => z.string().trim().max(max, { message: 'validation.too_long' });

export const ZOfficialChannel = z.object({
  id: ZId,
  kind: ZChannelKind,
  /** The normalised value every check compares. */
  value: z.string(),
  /** As people write it ("1900 9068"). */
  display: z.string(),
  status: ZChannelStatus,
  note: z.string().nullable(),
  /** Where the agency said so: a document, a warning, a page. */
  source: z.string().nullable(),
  /** Whose channel it is: the agency (root) or one of its units. */
  orgUnit: z.object({ id: ZId, code: z.string(), name: z.string() }),
  addedBy: z.string().nullable(),
  /** Set when the entry no longer counts in checks (a channel closed, a warning withdrawn). */
  retiredAt: z.iso.datetime().nullable(),
  canEdit: z.boolean(),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TOfficialChannel = z.infer<typeof ZOfficialChannel>;

const channelFields = {
  kind: ZChannelKind,
  value: text(300).min(1, { message: 'validation.required' }),
  display: text(300).optional(),
  status: ZChannelStatus,
  note: text(2000).nullable().optional(),
  source: text(500).nullable().optional(),
  orgUnitId: ZId.optional(),
};

const valueOfKind = (v: { kind?: TChannelKind | undefined; value?: string | undefined }) =>
  v.kind === undefined || v.value === undefined || normaliseChannelValue(v.kind, v.value) !== null;
const documentsAreFakes = (v: { kind?: TChannelKind | undefined; status?: TChannelStatus | undefined }) =>
  v.kind !== 'document' || v.status !== 'official';

export const ZCreateOfficialChannelRequest = z
  .strictObject(channelFields)
  .refine(valueOfKind, { message: 'validation.invalid_channel_value', path: ['value'] })
  .refine(documentsAreFakes, { message: 'validation.document_must_be_fake', path: ['status'] });
export type TCreateOfficialChannelRequest = z.infer<typeof ZCreateOfficialChannelRequest>;

/** Only the fields sent change; `retired` retires the entry or brings it back. A new value sends its kind. */
export const ZUpdateOfficialChannelRequest = z
  .strictObject({ ...channelFields, retired: z.boolean(), version: ZVersion })
  .partial()
  .required({ version: true })
  .refine(valueOfKind, { message: 'validation.invalid_channel_value', path: ['value'] });
export type TUpdateOfficialChannelRequest = z.infer<typeof ZUpdateOfficialChannelRequest>;

export const ZOfficialChannelListQuery = ZListQuery.extend({
  kind: ZChannelKind.optional(),
  status: ZChannelStatus.optional(),
  /** false (default): entries in force; true: retired ones; all: both. */
  retired: z.enum(['true', 'false', 'all']).default('false'),
});
export type TOfficialChannelListQuery = z.infer<typeof ZOfficialChannelListQuery>;

// ---- The check: what a text's links, domains and phone numbers are. ----

export const CHECK_VERDICTS = ['official', 'reported_fake', 'lookalike', 'unknown'] as const;
export const ZCheckVerdict = z.enum(CHECK_VERDICTS);
export type TCheckVerdict = z.infer<typeof ZCheckVerdict>;

export const CHECK_VERDICT_LABELS: Record<TCheckVerdict, Label> = {
  official: { vi: 'Kênh chính thức của BHXH Việt Nam', en: 'An official channel of Vietnam Social Security' },
  reported_fake: { vi: 'Đã được cảnh báo là giả mạo', en: 'Reported as fake' },
  lookalike: { vi: 'Giả danh kênh chính thức', en: 'Imitates an official channel' },
  unknown: { vi: 'Không có trong danh sách kênh chính thức', en: 'Not among the official channels' },
};

export const LOOKALIKE_REASONS = [
  'subdomain',
  'edit_distance',
  'homoglyph',
  'punycode',
  'hyphens',
  'added_words',
  'other_tld',
  'official_name_in_subdomain',
  'agency_name',
  'presented_as_agency',
] as const;
export const ZLookalikeReason = z.enum(LOOKALIKE_REASONS);
export type TLookalikeReason = z.infer<typeof ZLookalikeReason>;

export const LOOKALIKE_REASON_LABELS: Record<TLookalikeReason, Label> = {
  subdomain: { vi: 'Tên miền con của tên miền chính thức', en: 'A subdomain of an official domain' },
  edit_distance: { vi: 'Khác vài ký tự so với tên chính thức', en: 'A few letters away from the official name' },
  homoglyph: {
    vi: 'Dùng ký tự trông giống (0/o, 1/l, rn/m, chữ Kirin…)',
    en: 'Uses look-alike characters (0/o, 1/l, rn/m, Cyrillic…)',
  },
  punycode: {
    vi: 'Tên miền quốc tế (punycode) giả chữ Latinh',
    en: 'An international (punycode) name posing as Latin',
  },
  hyphens: { vi: 'Chèn thêm dấu gạch nối', en: 'Hyphens added' },
  added_words: { vi: 'Ghép thêm từ vào tên chính thức', en: 'Words added to the official name' },
  other_tld: { vi: 'Cùng tên nhưng đuôi tên miền khác', en: 'The same name under another ending' },
  official_name_in_subdomain: {
    vi: 'Đặt tên chính thức làm tên miền con của trang khác',
    en: 'The official name used as a subdomain of another site',
  },
  agency_name: { vi: 'Dùng tên BHXH nhưng không có trong danh sách', en: "Uses the agency's name but is not listed" },
  presented_as_agency: {
    vi: 'Được giới thiệu là số của BHXH nhưng không có trong danh sách',
    en: "Presented as the agency's number but not listed",
  },
};

export const FINDING_KINDS = ['url', 'domain', 'phone', 'email', 'social', 'app', 'document'] as const;
export type TFindingKind = (typeof FINDING_KINDS)[number];

export const ZCheckFinding = z.object({
  kind: z.enum(FINDING_KINDS),
  /** As it appears in the text. */
  text: z.string(),
  /** Normalised: the host of a link, national digits of a phone number. */
  value: z.string(),
  verdict: ZCheckVerdict,
  reasons: z.array(ZLookalikeReason),
  /** The registry entry it is, or the official one it imitates. */
  entry: z
    .object({ kind: ZChannelKind, value: z.string(), display: z.string(), note: z.string().nullable() })
    .nullable(),
  /** For a phone number presented as the agency's: the words that present it. */
  context: z.string().nullable(),
});
export type TCheckFinding = z.infer<typeof ZCheckFinding>;

export const ZPublicCheckRequest = z.strictObject({
  input: z.string().trim().min(1, { message: 'validation.required' }).max(2000, { message: 'validation.too_long' }),
});
export type TPublicCheckRequest = z.infer<typeof ZPublicCheckRequest>;

export const ZPublicCheckResult = z.object({
  /** The most serious verdict of the findings. */
  verdict: ZCheckVerdict,
  message: z.object({ vi: z.string(), en: z.string() }),
  findings: z.array(ZCheckFinding),
});
export type TPublicCheckResult = z.infer<typeof ZPublicCheckResult>;

/** The national hotline citizens are told to call when in doubt. */
export const AGENCY_HOTLINE = '1900 9068';
