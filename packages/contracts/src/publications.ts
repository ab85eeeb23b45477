import { z } from 'zod';
import { ZId, ZListQuery, ZVersion, ZVersionQuery } from './common.js';
import { ZStoredFile } from './files.js';
import { ZUnitRef } from './regulations.js';

/**
 * Publications (issue 4 §4): where and when a product went out, the proof that it did — also on channels with no
 * API (press, TV, radio, the grassroots loudspeakers) — and the reach figures read from the platforms.
 */
export const PUBLICATION_CHANNELS = [
  'press',
  'tv',
  'radio',
  'loudspeaker',
  'portal',
  'facebook',
  'zalo',
  'youtube',
  'tiktok',
  'sms',
  'printed',
] as const;
export const ZPublicationChannel = z.enum(PUBLICATION_CHANNELS, { message: 'validation.invalid_value' });
export type TPublicationChannel = z.infer<typeof ZPublicationChannel>;

/** Online channels: a publication there has an address, so the URL is required. */
export const ONLINE_CHANNELS: readonly TPublicationChannel[] = ['portal', 'facebook', 'zalo', 'youtube', 'tiktok'];

export const PUBLICATION_CHANNEL_LABELS: Record<TPublicationChannel, { vi: string; en: string }> = {
  press: { vi: 'Báo in, báo điện tử', en: 'Press' },
  tv: { vi: 'Truyền hình', en: 'Television' },
  radio: { vi: 'Phát thanh', en: 'Radio' },
  loudspeaker: { vi: 'Loa truyền thanh cơ sở', en: 'Grassroots loudspeaker' },
  portal: { vi: 'Cổng thông tin điện tử', en: 'Web portal' },
  facebook: { vi: 'Facebook', en: 'Facebook' },
  zalo: { vi: 'Zalo', en: 'Zalo' },
  youtube: { vi: 'YouTube', en: 'YouTube' },
  tiktok: { vi: 'TikTok', en: 'TikTok' },
  sms: { vi: 'Tin nhắn SMS', en: 'SMS' },
  printed: { vi: 'Ấn phẩm in', en: 'Printed matter' },
};

export const PROOF_KINDS = ['clipping', 'screenshot', 'airtime_log', 'photo'] as const;
export const ZProofKind = z.enum(PROOF_KINDS, { message: 'validation.invalid_value' });
export type TProofKind = z.infer<typeof ZProofKind>;
export const PROOF_KIND_LABELS: Record<TProofKind, { vi: string; en: string }> = {
  clipping: { vi: 'Bản cắt báo', en: 'Clipping' },
  screenshot: { vi: 'Ảnh chụp màn hình', en: 'Screenshot' },
  airtime_log: { vi: 'Nhật ký phát sóng', en: 'Airtime log' },
  photo: { vi: 'Ảnh chụp', en: 'Photo' },
};

export const METRICS = ['views', 'listeners', 'shares', 'comments', 'reactions'] as const;
export const ZMetric = z.enum(METRICS, { message: 'validation.invalid_value' });
export type TMetric = z.infer<typeof ZMetric>;
export const METRIC_LABELS: Record<TMetric, { vi: string; en: string }> = {
  views: { vi: 'Lượt xem', en: 'Views' },
  listeners: { vi: 'Người nghe', en: 'Listeners' },
  shares: { vi: 'Chia sẻ', en: 'Shares' },
  comments: { vi: 'Bình luận', en: 'Comments' },
  reactions: { vi: 'Cảm xúc', en: 'Reactions' },
};
/** Views and listeners are people reached; the others are interactions, shown separately. */
export const REACH_METRICS: readonly TMetric[] = ['views', 'listeners'];
/**
 * Highest figure a single reading may have. Views or listeners above a billion are more than every person who
 * could see one post; shares, comments and reactions above a hundred million are a typing error, not a reading.
 */
export const METRIC_CAPS: Record<TMetric, number> = {
  views: 1_000_000_000,
  listeners: 1_000_000_000,
  shares: 100_000_000,
  comments: 100_000_000,
  reactions: 100_000_000,
};
export const METRIC_SOURCES = ['manual', 'import'] as const;
export type TMetricSource = (typeof METRIC_SOURCES)[number];

/** Metric figures: only known metrics, each the latest reading. */
export const ZReach = z.object({
  views: z.number().int(),
  listeners: z.number().int(),
  shares: z.number().int(),
  comments: z.number().int(),
  reactions: z.number().int(),
  /** views + listeners: the people reached. */
  reached: z.number().int(),
});
export type TReach = z.infer<typeof ZReach>;

/** Sums figures by metric and counts views + listeners as the people reached. */
export function reachOf(readings: Iterable<{ metric: TMetric; value: number }>): TReach {
  const reach: TReach = { views: 0, listeners: 0, shares: 0, comments: 0, reactions: 0, reached: 0 };
  for (const { metric, value } of readings) {
    reach[metric] += value;
    if (REACH_METRICS.includes(metric)) reach.reached += value;
  }
  return reach;
}

/** http(s) addresses only: what officers paste from a browser. */
export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

const text = (max: number) => z.string().trim().max(max, { message: 'validation.too_long' });
const ZDateTime = z.iso.datetime({ offset: true, message: 'validation.invalid_date' });
const ZDay = z.iso.date({ message: 'validation.invalid_date' });

export const ZPublicationProof = z.object({
  file: ZStoredFile,
  kind: ZProofKind,
  title: z.string(),
  addedBy: z.string().nullable(),
  addedAt: z.iso.datetime(),
});
export type TPublicationProof = z.infer<typeof ZPublicationProof>;

export const ZPublication = z.object({
  id: ZId,
  product: z.object({ id: ZId, title: z.string() }),
  unit: ZUnitRef,
  channel: ZPublicationChannel,
  outlet: z.string(),
  url: z.string().nullable(),
  publishedAt: z.iso.datetime(),
  note: z.string().nullable(),
  proofs: z.array(ZPublicationProof),
  reach: ZReach,
  /** The day of the latest reading, if any. */
  readOn: z.iso.date().nullable(),
  canEdit: z.boolean(),
  createdBy: z.string().nullable(),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TPublication = z.infer<typeof ZPublication>;

/** A page of publications; with `productId`, the product's total reach and what the form needs to know. */
export const ZPublicationPage = z.object({
  items: z.array(ZPublication),
  total: z.number().int(),
  reach: ZReach,
});
export type TPublicationPage = z.infer<typeof ZPublicationPage>;

const fields = {
  channel: ZPublicationChannel,
  outlet: text(200).min(1, { message: 'validation.required' }),
  url: text(2000).nullable().optional(),
  publishedAt: ZDateTime,
  note: text(1000).nullable().optional(),
};

export const ZCreatePublicationRequest = z.strictObject({ productId: ZId, ...fields });
export type TCreatePublicationRequest = z.infer<typeof ZCreatePublicationRequest>;

export const ZUpdatePublicationRequest = z.strictObject(fields).partial().extend({ version: ZVersion });
export type TUpdatePublicationRequest = z.infer<typeof ZUpdatePublicationRequest>;

export const ZDeletePublicationQuery = z.strictObject({ version: ZVersionQuery });

export const ZPublicationListQuery = ZListQuery.extend({
  productId: ZId.optional(),
  channel: ZPublicationChannel.optional(),
  /** Publications of products of this unit and the units under it. */
  unitId: ZId.optional(),
  /** Published on or after this day (Vietnam time). */
  from: ZDay.optional(),
  /** Published on or before this day (Vietnam time). */
  to: ZDay.optional(),
}).refine((q) => !q.from || !q.to || q.to >= q.from, { message: 'validation.date_order', path: ['to'] });
export type TPublicationListQuery = z.infer<typeof ZPublicationListQuery>;

export const ZAddProofQuery = z.strictObject({
  kind: ZProofKind,
  title: text(300).optional(),
  name: z.string().max(1000).optional(),
});
export type TAddProofQuery = z.infer<typeof ZAddProofQuery>;

const ZMetricValue = z
  .number({ message: 'validation.invalid_type' })
  .int({ message: 'validation.not_integer' })
  .min(0, { message: 'validation.negative' });

/** Manual readings: several metrics read on one day. */
export const ZRecordMetricsRequest = z.strictObject({
  readOn: ZDay,
  values: z
    .strictObject({
      views: ZMetricValue.optional(),
      listeners: ZMetricValue.optional(),
      shares: ZMetricValue.optional(),
      comments: ZMetricValue.optional(),
      reactions: ZMetricValue.optional(),
    })
    .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'validation.required' }),
});
export type TRecordMetricsRequest = z.infer<typeof ZRecordMetricsRequest>;

export const ZMetricReading = z.object({
  metric: ZMetric,
  value: z.number().int(),
  readOn: z.iso.date(),
  source: z.enum(METRIC_SOURCES),
  recordedBy: z.string().nullable(),
  recordedAt: z.iso.datetime(),
});
export type TMetricReading = z.infer<typeof ZMetricReading>;

export const ZMetricsImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });

/** Headers of the metrics template (Vietnamese, as officers fill it in); the import also reads platform headers. */
export const METRICS_SHEET_HEADERS = {
  url: 'Liên kết',
  readOn: 'Ngày',
  views: 'Lượt xem',
  listeners: 'Người nghe',
  shares: 'Chia sẻ',
  comments: 'Bình luận',
  reactions: 'Cảm xúc',
} as const;
