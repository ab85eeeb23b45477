// The daily press review ("điểm báo hằng ngày", seed §V.1.b) and the 24-hour bulletin ("Bản tin 24 giờ", §V.2):
// compiled from the last 24 hours of monitored articles, edited, approved and delivered to subscribers.
import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { ZArticleSentiment, ZMonitoringFlag, ZOwningUnit, ZRelevanceLevel } from './monitoring.js';

type Label = { vi: string; en: string };

/** Both editions share one machinery; each has its own template, schedule and subscribers. */
export const REVIEW_KINDS = ['review', 'bulletin'] as const;
export const ZReviewKind = z.enum(REVIEW_KINDS);
export type TReviewKind = z.infer<typeof ZReviewKind>;
export const REVIEW_KIND_LABELS: Record<TReviewKind, Label> = {
  review: { vi: 'Điểm báo hằng ngày', en: 'Daily press review' },
  bulletin: { vi: 'Bản tin 24 giờ', en: '24-hour bulletin' },
};

/** A draft is edited; approval freezes it and sends it (once). */
export const REVIEW_STATUSES = ['draft', 'approved'] as const;
export const ZReviewStatus = z.enum(REVIEW_STATUSES);
export type TReviewStatus = z.infer<typeof ZReviewStatus>;
export const REVIEW_STATUS_LABELS: Record<TReviewStatus, Label> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  approved: { vi: 'Đã duyệt và gửi', en: 'Approved and sent' },
};

/** Sections in the order they are printed: negative and risk items first. */
export const REVIEW_SECTIONS = ['risk', 'agency', 'theme', 'provincial'] as const;
export const ZReviewSection = z.enum(REVIEW_SECTIONS);
export type TReviewSection = z.infer<typeof ZReviewSection>;
export const REVIEW_SECTION_LABELS: Record<TReviewSection, Label> = {
  risk: { vi: 'Tin tiêu cực, rủi ro cần lưu ý', en: 'Negative and risk items' },
  agency: { vi: 'Tin về ngành BHXH và chính sách', en: 'About the agency and its policies' },
  theme: { vi: 'Tin theo chủ đề', en: 'By theme' },
  provincial: { vi: 'Tin địa phương', en: 'Provincial news' },
};

/** Flags that put an entry in the risk section whatever its sentiment. */
export const RISK_FLAGS = ['fraud', 'book_trading', 'scam_impersonation', 'misinformation'] as const;

const text = (max: number) => z.string().trim().max(max, { message: 'validation.too_long' });

/** One story (near-duplicate cluster) in an edition. */
export const ZReviewEntry = z.object({
  id: ZId,
  /** The cluster's first article. */
  clusterId: ZId,
  section: ZReviewSection,
  /** The owning unit of the story: what "by theme" groups on. */
  theme: ZOwningUnit,
  /** 1-based order inside its section. */
  position: z.number().int(),
  headline: z.string(),
  extract: z.string(),
  /** The editor's comment for the leadership (printed in italics under the entry). */
  comment: z.string().nullable(),
  /** Left out of the edition by the editor (kept so it can be put back). */
  excluded: z.boolean(),
  /** Outlets that carried the story, the first one first. */
  outlets: z.array(z.string()),
  links: z.array(z.object({ articleId: ZId, sourceName: z.string(), url: z.string(), title: z.string() })),
  relevance: ZRelevanceLevel,
  sentiment: ZArticleSentiment,
  flags: z.array(ZMonitoringFlag),
  /** The province the story is about (provincial sources), if any. */
  province: z.object({ id: ZId, code: z.string(), name: z.string() }).nullable(),
  /** Ranking score (relevance, severity, reach); higher first when compiled. */
  score: z.number(),
  publishedAt: z.iso.datetime(),
});
export type TReviewEntry = z.infer<typeof ZReviewEntry>;

export const ZReviewDeliverySummary = z.object({
  pending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  held: z.number().int(),
});
export type TReviewDeliverySummary = z.infer<typeof ZReviewDeliverySummary>;

/** An edition as listed in the archive. */
export const ZReviewSummary = z.object({
  id: ZId,
  kind: ZReviewKind,
  /** "Điểm báo ngày 25/11/2026". */
  title: z.string(),
  /** The Vietnamese day of the edition (YYYY-MM-DD). */
  editionDate: z.iso.date(),
  windowFrom: z.iso.datetime(),
  windowTo: z.iso.datetime(),
  /** The unit that compiles it: the Communication Center, or a province for its local press. */
  orgUnit: z.object({ id: ZId, code: z.string(), name: z.string() }),
  status: ZReviewStatus,
  /** Entries not left out. */
  entryCount: z.number().int(),
  riskCount: z.number().int(),
  approvedAt: z.iso.datetime().nullable(),
  approvedBy: z.string().nullable(),
  delivery: ZReviewDeliverySummary,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TReviewSummary = z.infer<typeof ZReviewSummary>;

export const ZReview = ZReviewSummary.extend({
  /** The editor's opening paragraph. */
  intro: z.string().nullable(),
  entries: z.array(ZReviewEntry),
  canEdit: z.boolean(),
  canApprove: z.boolean(),
  version: ZVersion,
});
export type TReview = z.infer<typeof ZReview>;

/** Archive list: `q` searches titles, headlines, extracts and comments, accent-insensitive. */
export const ZReviewListQuery = ZListQuery.extend({
  status: ZReviewStatus.optional(),
  orgUnitId: ZId.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type TReviewListQuery = z.infer<typeof ZReviewListQuery>;

/** Compiles a draft now (the job does it at the configured time). One edition per unit, kind and day. */
export const ZCompileReviewRequest = z.strictObject({
  /** Defaults to the caller's unit (a province compiles for its own local press). */
  orgUnitId: ZId.optional(),
  /** Defaults to today in Asia/Ho_Chi_Minh; the window is the 24 hours before the compile time. */
  editionDate: z.iso.date().optional(),
});
export type TCompileReviewRequest = z.infer<typeof ZCompileReviewRequest>;

export const ZUpdateReviewRequest = z.strictObject({
  version: ZVersion,
  title: z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .max(300, { message: 'validation.too_long' })
    .optional(),
  intro: text(4000).nullable().optional(),
});
export type TUpdateReviewRequest = z.infer<typeof ZUpdateReviewRequest>;

export const ZUpdateReviewEntryRequest = z.strictObject({
  version: ZVersion,
  headline: z
    .string()
    .trim()
    .min(1, { message: 'validation.required' })
    .max(500, { message: 'validation.too_long' })
    .optional(),
  extract: text(2000).optional(),
  comment: text(2000).nullable().optional(),
  excluded: z.boolean().optional(),
  section: ZReviewSection.optional(),
});
export type TUpdateReviewEntryRequest = z.infer<typeof ZUpdateReviewEntryRequest>;

/** The new order: every entry id of the edition exactly once, section by section. */
export const ZReorderReviewRequest = z.strictObject({
  version: ZVersion,
  sections: z.array(z.strictObject({ section: ZReviewSection, entryIds: z.array(ZId).max(2000) })).max(4),
});
export type TReorderReviewRequest = z.infer<typeof ZReorderReviewRequest>;

/** Adds a monitored article (its story) the compiler did not pick. */
export const ZAddReviewEntryRequest = z.strictObject({
  version: ZVersion,
  articleId: ZId,
  section: ZReviewSection.optional(),
});

export const ZApproveReviewRequest = z.strictObject({ version: ZVersion });

// ---- Subscriptions and delivery ----

/** Who receives an edition: a user (leader, unit officer, province officer), by e-mail and in the app. */
export const ZReviewSubscription = z.object({
  id: ZId,
  kind: ZReviewKind,
  user: z.object({ id: ZId, username: z.string(), fullName: z.string(), email: z.string().nullable() }),
  orgUnit: z.object({ id: ZId, code: z.string(), name: z.string() }),
  /** Sections received; empty: all. */
  sections: z.array(ZReviewSection),
  /** Provinces whose provincial news is received; empty: all. */
  provinces: z.array(z.object({ id: ZId, code: z.string(), name: z.string() })),
  /** Editions of which unit (the centre's or a province's own). */
  sourceUnit: z.object({ id: ZId, code: z.string(), name: z.string() }),
  email: z.boolean(),
  active: z.boolean(),
  /**
   * Always null when read back: only the token's SHA-256 is stored, so the secret address
   * (`/api/feeds/reviews/<token>.atom`, `.rss`) is shown once, by POST …/feed-token. See `hasFeed`.
   */
  feedUrl: z.string().nullable(),
  /** A secret feed address exists (created by POST …/feed-token; a new one replaces it). */
  hasFeed: z.boolean(),
  createdAt: z.iso.datetime(),
  version: ZVersion,
});
export type TReviewSubscription = z.infer<typeof ZReviewSubscription>;

const subscriptionFields = {
  kind: ZReviewKind,
  userId: ZId,
  sections: z.array(ZReviewSection).max(REVIEW_SECTIONS.length).default([]),
  provinceIds: z.array(ZId).max(100).default([]),
  /** Defaults to the Communication Center's editions (unit TT); a province's own edition otherwise. */
  sourceUnitId: ZId.optional(),
  email: z.boolean().default(true),
  active: z.boolean().default(true),
};
export const ZCreateSubscriptionRequest = z.strictObject(subscriptionFields);
export type TCreateSubscriptionRequest = z.infer<typeof ZCreateSubscriptionRequest>;
/** Only what is sent changes (no defaults here: an absent field keeps its value). */
export const ZUpdateSubscriptionRequest = z.strictObject({
  version: ZVersion,
  sections: subscriptionFields.sections.unwrap().optional(),
  provinceIds: subscriptionFields.provinceIds.unwrap().optional(),
  sourceUnitId: ZId.optional(),
  email: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type TUpdateSubscriptionRequest = z.infer<typeof ZUpdateSubscriptionRequest>;

export const ZSubscriptionListQuery = ZListQuery.extend({
  kind: ZReviewKind.optional(),
  userId: ZId.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type TSubscriptionListQuery = z.infer<typeof ZSubscriptionListQuery>;

/** A new secret feed address of a subscription (the old one stops working); shown once. */
export const ZSubscriptionFeedToken = z.object({
  /** Atom: `${publicUrl}/api/feeds/reviews/<token>.atom`. */
  feedUrl: z.string(),
  /** The same feed as RSS 2.0 (`.rss`). */
  rssUrl: z.string(),
});
export type TSubscriptionFeedToken = z.infer<typeof ZSubscriptionFeedToken>;

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'held'] as const;
export const ZDeliveryStatus = z.enum(DELIVERY_STATUSES);
export type TDeliveryStatus = z.infer<typeof ZDeliveryStatus>;
export const DELIVERY_STATUS_LABELS: Record<TDeliveryStatus, Label> = {
  pending: { vi: 'Đang chờ gửi', en: 'Pending' },
  sent: { vi: 'Đã gửi', en: 'Sent' },
  failed: { vi: 'Gửi thất bại', en: 'Failed' },
  held: { vi: 'Chưa cấu hình máy chủ thư', en: 'Held (no mail server)' },
};

/** One recipient of one edition: delivered in the app at approval, by e-mail by a job with retries. */
export const ZReviewDelivery = z.object({
  id: ZId,
  reviewId: ZId,
  user: z.object({ id: ZId, username: z.string(), fullName: z.string() }),
  toAddress: z.string().nullable(),
  status: ZDeliveryStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.iso.datetime().nullable(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type TReviewDelivery = z.infer<typeof ZReviewDelivery>;

export const ZDeliveryListQuery = ZListQuery.extend({ status: ZDeliveryStatus.optional() });
export type TDeliveryListQuery = z.infer<typeof ZDeliveryListQuery>;
