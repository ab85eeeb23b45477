import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';

type Label = { vi: string; en: string };

/**
 * Where monitored articles come from (issue 12 §1): RSS 2.0 and Atom feeds (`feed`, told apart by their root),
 * news sitemaps, HTML listing pages read with a link selector, single URLs an officer submits (`manual`) and file
 * imports of other tools' exports (`import`, CSV or JSONL). Only the first three are polled.
 */
export const SOURCE_KINDS = ['feed', 'sitemap', 'html', 'manual', 'import'] as const;
export const ZSourceKind = z.enum(SOURCE_KINDS);
export type TSourceKind = z.infer<typeof ZSourceKind>;
export const POLLED_SOURCE_KINDS = ['feed', 'sitemap', 'html'] as const satisfies readonly TSourceKind[];

export const SOURCE_TIERS = ['national', 'provincial', 'social'] as const;
export const ZSourceTier = z.enum(SOURCE_TIERS);
export type TSourceTier = z.infer<typeof ZSourceTier>;

export const SOURCE_LANGUAGES = ['vi', 'en'] as const;
export const ZSourceLanguage = z.enum(SOURCE_LANGUAGES);

export const SOURCE_KIND_LABELS: Record<TSourceKind, Label> = {
  feed: { vi: 'Nguồn tin RSS/Atom', en: 'RSS/Atom feed' },
  sitemap: { vi: 'Sơ đồ trang tin (sitemap)', en: 'News sitemap' },
  html: { vi: 'Trang danh sách tin (HTML)', en: 'HTML listing page' },
  manual: { vi: 'Nhập đường dẫn thủ công', en: 'URLs submitted by hand' },
  import: { vi: 'Nhập từ tệp (CSV/JSONL)', en: 'File import (CSV/JSONL)' },
};

export const SOURCE_TIER_LABELS: Record<TSourceTier, Label> = {
  national: { vi: 'Báo chí trung ương', en: 'National press' },
  provincial: { vi: 'Báo chí địa phương', en: 'Provincial press' },
  social: { vi: 'Mạng xã hội, diễn đàn', en: 'Social media and forums' },
};

/** Polling bounds (seconds): adaptive polling moves between them from the share of new items. */
export const POLL_MIN_SECONDS = 600;
export const POLL_MAX_SECONDS = 86_400;
/** A source is disabled, with the reason, after this many failed fetches in a row. */
export const SOURCE_MAX_FAILURES = 10;

/** How a fetch ended, as the source's log records it. */
export const FETCH_OUTCOMES = ['ok', 'not_modified', 'unchanged', 'error', 'blocked'] as const;
export const ZFetchOutcome = z.enum(FETCH_OUTCOMES);
export type TFetchOutcome = z.infer<typeof ZFetchOutcome>;

/** Stable codes of fetch and parse failures (the message names details: status, size, URL). */
export const FETCH_ERROR_CODES = [
  'timeout',
  'network',
  'http_status',
  'too_large',
  'redirect_loop',
  'too_many_redirects',
  'robots_disallowed',
  'not_a_feed',
  'malformed_xml',
  'bad_encoding',
  'no_items',
  'selector_matched_nothing',
  'bad_item',
] as const;
export const ZFetchErrorCode = z.enum(FETCH_ERROR_CODES);
export type TFetchErrorCode = z.infer<typeof ZFetchErrorCode>;

const text = (max: number) => z.string().trim().max(max, { message: 'validation.too_long' });
const unitRef = z.object({ id: ZId, code: z.string(), name: z.string() });

export const ZSourceHealth = z.object({
  lastFetchAt: z.iso.datetime().nullable(),
  lastSuccessAt: z.iso.datetime().nullable(),
  lastErrorAt: z.iso.datetime().nullable(),
  lastErrorCode: ZFetchErrorCode.nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  /** New articles per day over the last 7 days. */
  itemsPerDay: z.number(),
  articlesTotal: z.number().int(),
});
export type TSourceHealth = z.infer<typeof ZSourceHealth>;

export const ZMonitoringSource = z.object({
  id: ZId,
  name: z.string(),
  kind: ZSourceKind,
  /** The feed, sitemap or listing page; null for manual and import sources. */
  url: z.string().nullable(),
  /** For `html`: the CSS selector of the article links on the listing page. */
  linkSelector: z.string().nullable(),
  outlet: z.object({ id: ZId, name: z.string() }).nullable(),
  /** The province the source covers; null for national and social sources. */
  area: unitRef.nullable(),
  tier: ZSourceTier,
  language: ZSourceLanguage,
  /** The unit that keeps the source (admins and communication officers of its subtree edit it). */
  orgUnit: unitRef,
  enabled: z.boolean(),
  /** Why the source is disabled (by a person or after repeated failures); null when enabled. */
  disabledReason: z.string().nullable(),
  /** The current polling interval (adaptive, POLL_MIN_SECONDS..POLL_MAX_SECONDS). */
  pollSeconds: z.number().int(),
  nextPollAt: z.iso.datetime().nullable(),
  health: ZSourceHealth,
  canEdit: z.boolean(),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TMonitoringSource = z.infer<typeof ZMonitoringSource>;

const urlField = text(2000).refine((v) => /^https?:\/\/[^\s]+$/i.test(v), { message: 'validation.invalid_url' });

const sourceFields = {
  name: text(300).min(1, { message: 'validation.required' }),
  kind: ZSourceKind,
  url: urlField.nullable().optional(),
  linkSelector: text(500).nullable().optional(),
  outletId: ZId.nullable().optional(),
  areaUnitId: ZId.nullable().optional(),
  tier: ZSourceTier,
  language: ZSourceLanguage,
  orgUnitId: ZId.optional(),
  pollSeconds: z.number().int().min(POLL_MIN_SECONDS).max(POLL_MAX_SECONDS).optional(),
};

type SourceShape = { kind?: TSourceKind | undefined; url?: string | null | undefined; linkSelector?: string | null };
const polledNeedsUrl = (v: SourceShape) =>
  v.kind === undefined || !(POLLED_SOURCE_KINDS as readonly string[]).includes(v.kind) || !!v.url;
const htmlNeedsSelector = (v: SourceShape) => v.kind !== 'html' || !!v.linkSelector;

export const ZCreateSourceRequest = z
  .strictObject({ ...sourceFields, language: ZSourceLanguage.default('vi'), enabled: z.boolean().default(false) })
  .refine(polledNeedsUrl, { message: 'validation.required', path: ['url'] })
  .refine(htmlNeedsSelector, { message: 'validation.required', path: ['linkSelector'] });
export type TCreateSourceRequest = z.infer<typeof ZCreateSourceRequest>;

/** Only the fields sent change (no defaults here: zod would fill them in and reset what was left out). */
export const ZUpdateSourceRequest = z
  .strictObject({ ...sourceFields, version: ZVersion })
  .partial()
  .required({ version: true });
export type TUpdateSourceRequest = z.infer<typeof ZUpdateSourceRequest>;

/** Enabling clears the failures; disabling by hand needs a reason. */
export const ZSetSourceEnabledRequest = z
  .strictObject({ enabled: z.boolean(), reason: text(500).optional(), version: ZVersion })
  .refine((v) => v.enabled || !!v.reason, { message: 'validation.required', path: ['reason'] });
export type TSetSourceEnabledRequest = z.infer<typeof ZSetSourceEnabledRequest>;

export const ZSourceListQuery = ZListQuery.extend({
  kind: ZSourceKind.optional(),
  tier: ZSourceTier.optional(),
  enabled: z.enum(['true', 'false']).optional(),
  /** Sources whose last fetch failed. */
  failing: z.enum(['true', 'false']).optional(),
});
export type TSourceListQuery = z.infer<typeof ZSourceListQuery>;

/** One fetch of a source, as its log shows it. */
export const ZFetchLogEntry = z.object({
  id: z.string(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  url: z.string(),
  outcome: ZFetchOutcome,
  httpStatus: z.number().int().nullable(),
  errorCode: ZFetchErrorCode.nullable(),
  message: z.string().nullable(),
  itemsSeen: z.number().int(),
  itemsNew: z.number().int(),
  bytes: z.number().int(),
});
export type TFetchLogEntry = z.infer<typeof ZFetchLogEntry>;

/** An officer submits one article's address: it is fetched politely, extracted and ingested. */
export const ZSubmitUrlRequest = z.strictObject({ url: urlField, sourceId: ZId.optional() });
export type TSubmitUrlRequest = z.infer<typeof ZSubmitUrlRequest>;
