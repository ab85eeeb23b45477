import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { ZUnitRef } from './regulations.js';

/**
 * Staff sharing (§III.4 of 1191/BHXH-TT: "khuyến khích công chức, viên chức sử dụng tài khoản mạng xã hội cá nhân
 * tuyên truyền về BHXH, BHYT, BHTN"): officers record that they shared a published product from their personal
 * social accounts — network, link, date — and, when they know it, the reach their post gained.
 */
export const SHARE_NETWORKS = ['facebook', 'zalo', 'tiktok', 'youtube', 'other'] as const;
export const ZShareNetwork = z.enum(SHARE_NETWORKS);
export type TShareNetwork = z.infer<typeof ZShareNetwork>;

export const SHARE_NETWORK_LABELS: Record<TShareNetwork, { vi: string; en: string }> = {
  facebook: { vi: 'Facebook', en: 'Facebook' },
  zalo: { vi: 'Zalo', en: 'Zalo' },
  tiktok: { vi: 'TikTok', en: 'TikTok' },
  youtube: { vi: 'YouTube', en: 'YouTube' },
  other: { vi: 'Mạng khác', en: 'Other network' },
};

/** Hosts (and their subdomains) of each network's posts; "other" accepts any web address. */
export const SHARE_NETWORK_HOSTS: Record<Exclude<TShareNetwork, 'other'>, readonly string[]> = {
  facebook: ['facebook.com', 'fb.com', 'fb.watch', 'fb.me'],
  zalo: ['zalo.me', 'zalo.vn', 'zaloapp.com'],
  tiktok: ['tiktok.com'],
  youtube: ['youtube.com', 'youtu.be'],
};

// Scheme, host (with a dot, no user info), optional port, then path, query or fragment without spaces.
const WEB_ADDRESS = /^https?:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d{1,5})?(?:[/?#]\S*)?$/i;

/** The host of an http(s) web address in lower case, or null when `url` is not one. */
export function webHost(url: string): string | null {
  const match = WEB_ADDRESS.exec(url.trim());
  return match ? match[1]!.toLowerCase() : null;
}

/** True when `url` may be a post of `network` (an address that is not http(s) never is). */
export function urlMatchesNetwork(network: TShareNetwork, url: string): boolean {
  const host = webHost(url);
  if (!host) return false;
  if (network === 'other') return true;
  return SHARE_NETWORK_HOSTS[network].some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** A reach figure above this is a typing mistake, not a personal post's audience. */
export const MAX_SHARE_METRIC = 100_000_000;
export const SHARE_METRICS = ['views', 'reactions', 'comments', 'shares'] as const;
export type TShareMetric = (typeof SHARE_METRICS)[number];

const ZDate = z.iso.date({ message: 'validation.invalid_date' });
const metric = z
  .number({ message: 'validation.invalid_type' })
  .int({ message: 'validation.invalid_type' })
  .min(0, { message: 'validation.too_small' })
  .max(MAX_SHARE_METRIC, { message: 'validation.too_big' })
  .nullable();

/** A web address of the officer's own post: http or https, at most 1000 characters. */
export const ZShareUrl = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(1000, { message: 'validation.too_long' })
  .refine((value) => webHost(value) !== null, { message: 'validation.share_url' });

const shareFields = {
  network: ZShareNetwork,
  url: ZShareUrl,
  /** The day the officer posted (Vietnam calendar day); not in the future, not before the product became ready. */
  sharedOn: ZDate,
  views: metric,
  reactions: metric,
  comments: metric,
  shares: metric,
};

// Only judged when the address itself is valid: a malformed one has its own message.
const networkMatches = (value: { network?: TShareNetwork | undefined; url?: string | undefined }) =>
  !value.network || !value.url || webHost(value.url) === null || urlMatchesNetwork(value.network, value.url);
const NETWORK_RULE = { message: 'validation.share_url_network', path: ['url'] };

export const ZCreateShareRequest = z
  .strictObject({
    ...shareFields,
    views: metric.default(null),
    reactions: metric.default(null),
    comments: metric.default(null),
    shares: metric.default(null),
  })
  .refine(networkMatches, NETWORK_RULE);
export type TCreateShareRequest = z.input<typeof ZCreateShareRequest>;
export type TCreateShareInput = z.output<typeof ZCreateShareRequest>;

/** Only the fields sent change (reach is typically updated later), with the version the caller saw. */
export const ZUpdateShareRequest = z
  .strictObject(shareFields)
  .partial()
  .extend({ version: ZVersion })
  .refine(networkMatches, NETWORK_RULE);
export type TUpdateShareRequest = z.infer<typeof ZUpdateShareRequest>;

export const ZShareTotals = z.object({
  shareCount: z.number().int(),
  sharerCount: z.number().int(),
  views: z.number().int(),
  reactions: z.number().int(),
  comments: z.number().int(),
  shares: z.number().int(),
  /** Views, reactions, comments and re-shares added up: the reach the shares gained. */
  reach: z.number().int(),
});
export type TShareTotals = z.infer<typeof ZShareTotals>;

export const ZShare = z.object({
  id: ZId,
  product: z.object({ id: ZId, title: z.string() }),
  user: z.object({ id: ZId, fullName: z.string() }),
  /** The officer's unit when they shared. */
  unit: ZUnitRef,
  network: ZShareNetwork,
  url: z.string(),
  sharedOn: z.iso.date(),
  views: z.number().int().nullable(),
  reactions: z.number().int().nullable(),
  comments: z.number().int().nullable(),
  shares: z.number().int().nullable(),
  reach: z.number().int(),
  /** The caller recorded it: they may change and delete it. */
  canEdit: z.boolean(),
  /** The caller may delete it (its officer, or a leader or administrator of its unit's scope). */
  canDelete: z.boolean(),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TShare = z.infer<typeof ZShare>;

export const ZProductShares = z.object({
  items: z.array(ZShare),
  totals: ZShareTotals,
  /** The product is published: officers may record shares of it. */
  shareable: z.boolean(),
});
export type TProductShares = z.infer<typeof ZProductShares>;

export const ZMySharesQuery = ZListQuery;
export type TMySharesQuery = z.infer<typeof ZMySharesQuery>;

/** A published product officers may share, newest first. */
export const ZShareableProduct = z.object({
  id: ZId,
  title: z.string(),
  summary: z.string(),
  ownerUnit: ZUnitRef,
  readyAt: z.iso.datetime().nullable(),
  shareCount: z.number().int(),
  /** The caller has already recorded a share of it. */
  sharedByMe: z.boolean(),
});
export type TShareableProduct = z.infer<typeof ZShareableProduct>;

export const ZLeaderboardQuery = z
  .strictObject({
    /** The unit whose officers are ranked (with the units under it); default the caller's unit. */
    unitId: ZId.optional(),
    from: ZDate.optional(),
    to: ZDate.optional(),
    format: z.enum(['json', 'xlsx']).default('json'),
  })
  .refine((q) => !q.from || !q.to || q.to >= q.from, { message: 'validation.date_order', path: ['to'] });
export type TLeaderboardQuery = z.infer<typeof ZLeaderboardQuery>;

export const ZLeaderboardOfficer = z.object({
  rank: z.number().int(),
  user: z.object({ id: ZId, fullName: z.string() }),
  unit: ZUnitRef,
  shareCount: z.number().int(),
  reach: z.number().int(),
});
export type TLeaderboardOfficer = z.infer<typeof ZLeaderboardOfficer>;

export const ZLeaderboardUnit = z.object({
  rank: z.number().int(),
  unit: ZUnitRef,
  /** Active user accounts of the unit and the units under it. */
  officerCount: z.number().int(),
  sharerCount: z.number().int(),
  shareCount: z.number().int(),
  reach: z.number().int(),
  /** Shares per officer, rounded to two decimals. */
  sharesPerOfficer: z.number(),
});
export type TLeaderboardUnit = z.infer<typeof ZLeaderboardUnit>;

export const ZLeaderboard = z.object({
  unit: ZUnitRef,
  from: z.iso.date().nullable(),
  to: z.iso.date().nullable(),
  totals: ZShareTotals,
  officers: z.array(ZLeaderboardOfficer),
  /** The units directly under it (provinces for the centre, districts for a province). */
  childUnits: z.array(ZLeaderboardUnit),
});
export type TLeaderboard = z.infer<typeof ZLeaderboard>;
