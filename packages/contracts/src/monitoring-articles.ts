import { z } from 'zod';
import { MAX_PAGE_SIZE, ZId } from './common.js';
import { ZArticleSentiment, ZClassification, ZMonitoringFlag, ZOwningUnit, ZRelevanceLevel } from './monitoring.js';

// ---- Ingest (issue 12 §8): the fetcher, file imports, other tools and the CLI all come through here. ----

/** The most articles one ingest request may carry. */
export const INGEST_MAX_ARTICLES = 1000;

const text = (max: number) => z.string().max(max, { message: 'validation.too_long' });

export const ZIngestArticle = z.object({
  url: z.string().trim().min(1, { message: 'validation.required' }).max(2000, { message: 'validation.too_long' }),
  title: text(1000).trim().min(1, { message: 'validation.required' }),
  lead: text(10_000).nullish(),
  body: text(500_000).nullish(),
  /** ISO 8601; without an offset it is read in Asia/Ho_Chi_Minh. Missing: the time it arrived. */
  publishedAt: z.string().trim().max(64).nullish(),
  /** The outlet's or tool's name as it labels the article. */
  source: text(300).nullish(),
  author: text(300).nullish(),
  canonicalUrl: text(2000).nullish(),
  images: z.array(text(2000)).max(50).nullish(),
});
export type TIngestArticle = z.infer<typeof ZIngestArticle>;

/** Items are validated one by one: a broken item is reported in its place and the rest are kept. */
export const ZIngestRequest = z.strictObject({
  articles: z.array(z.unknown()).min(1, { message: 'validation.required' }).max(INGEST_MAX_ARTICLES),
  /** The monitoring source the articles come from (the fetcher's, an import's); none for other tools. */
  sourceId: ZId.optional(),
});
export type TIngestRequest = z.infer<typeof ZIngestRequest>;

export const ZMatchedQuery = z.object({ id: ZId, name: z.string() });
export type TMatchedQuery = z.infer<typeof ZMatchedQuery>;

/** What ingest says about one article (the same object the CLI prints per line). */
export const ZIngestResult = ZClassification.extend({
  id: ZId,
  /** The id of the cluster's first article when this one repeats a story already seen; null when it is the first. */
  duplicateOf: ZId.nullable(),
  matchedQueries: z.array(ZMatchedQuery),
});
export type TIngestResult = z.infer<typeof ZIngestResult>;

/** A rejected item: its index in the batch and what is wrong, field by field, in the caller's language. */
export const ZIngestItemError = z.object({
  index: z.number().int(),
  error: z.object({
    code: z.string(),
    message: z.string(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
  }),
});
export type TIngestItemError = z.infer<typeof ZIngestItemError>;

export const ZIngestResponse = z.object({
  /** One entry per input article, in order. */
  results: z.array(z.union([ZIngestResult, ZIngestItemError])),
  accepted: z.number().int(),
  /** Articles already known (same normalised URL): their stored result is returned, nothing is written twice. */
  known: z.number().int(),
  rejected: z.number().int(),
});
export type TIngestResponse = z.infer<typeof ZIngestResponse>;

// ---- Articles: search and triage (§9). ----

/** Highlighted spans of a text: [start, end) character offsets of the matched words. */
export const ZHighlight = z.array(z.tuple([z.number().int(), z.number().int()]));

export const ZArticleSummary = ZClassification.extend({
  id: ZId,
  url: z.string(),
  title: z.string(),
  /** The lead (or the body's beginning) cut to about 300 characters. */
  lead: z.string(),
  source: z.object({ id: ZId.nullable(), name: z.string() }),
  publishedAt: z.iso.datetime().nullable(),
  fetchedAt: z.iso.datetime(),
  clusterId: ZId,
  duplicateOf: ZId.nullable(),
  clusterSize: z.number().int(),
  matchedQueries: z.array(ZMatchedQuery),
  /** Set when an officer corrected any field. */
  correctedAt: z.iso.datetime().nullable(),
  highlights: z.object({ title: ZHighlight, lead: ZHighlight }).optional(),
});
export type TArticleSummary = z.infer<typeof ZArticleSummary>;

/** Evidence of a flag (the official-channels check: a look-alike domain, a phone number not in the registry). */
export const ZFlagEvidence = z.object({
  flag: ZMonitoringFlag,
  kind: z.string(),
  value: z.string(),
  verdict: z.string(),
  reasons: z.array(z.string()),
  /** The official channel it imitates, if any. */
  imitates: z.string().nullable(),
});
export type TFlagEvidence = z.infer<typeof ZFlagEvidence>;

export const CORRECTION_FIELDS = ['relevance', 'sentiment', 'flags', 'unit'] as const;
export const ZCorrectionField = z.enum(CORRECTION_FIELDS);

export const ZArticleCorrection = z.object({
  id: ZId,
  field: ZCorrectionField,
  before: z.unknown(),
  after: z.unknown(),
  note: z.string().nullable(),
  by: z.string(),
  at: z.iso.datetime(),
});
export type TArticleCorrection = z.infer<typeof ZArticleCorrection>;

export const ZArticleDetail = ZArticleSummary.extend({
  body: z.string(),
  author: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  images: z.array(z.string()),
  /** The machine's classification before any correction. */
  predicted: ZClassification,
  /** The lexicon rules that fired (the reason of an override). */
  rules: z.array(z.string()),
  evidence: z.array(ZFlagEvidence),
  corrections: z.array(ZArticleCorrection),
  /** The other articles of the cluster, first appearance first (at most 200). */
  cluster: z.array(
    z.object({
      id: ZId,
      title: z.string(),
      url: z.string(),
      sourceName: z.string(),
      publishedAt: z.iso.datetime().nullable(),
    }),
  ),
  canCorrect: z.boolean(),
});
export type TArticleDetail = z.infer<typeof ZArticleDetail>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : String(v).split(',')),
    z.array(item).optional(),
  );

export const ARTICLE_SORTS = ['-publishedAt', 'publishedAt', '-relevance', '-clusterSize', 'source'] as const;

/** Facet filters are lists (comma-separated in the query string); values within one facet are OR'ed. */
export const ZArticleSearchQuery = z.strictObject({
  /** Words (accent-insensitive, BHXH = bảo hiểm xã hội) and "exact phrases". */
  q: z.string().trim().max(500).optional(),
  source: csv(z.string().max(300)),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  relevance: csv(ZRelevanceLevel),
  sentiment: csv(ZArticleSentiment),
  flag: csv(ZMonitoringFlag),
  unit: csv(ZOwningUnit),
  query: csv(ZId),
  cluster: ZId.optional(),
  /** Only the first article of each cluster (default) or every article. */
  collapse: z.enum(['true', 'false']).default('true'),
  corrected: z.enum(['true', 'false']).optional(),
  sort: z.enum(ARTICLE_SORTS).default('-publishedAt'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});
export type TArticleSearchQuery = z.infer<typeof ZArticleSearchQuery>;

export const ZFacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type TFacetValue = z.infer<typeof ZFacetValue>;

export const ARTICLE_FACETS = ['source', 'day', 'relevance', 'sentiment', 'flag', 'unit', 'query'] as const;
export type TArticleFacet = (typeof ARTICLE_FACETS)[number];

export const ZArticleSearchResult = z.object({
  items: z.array(ZArticleSummary),
  total: z.number().int(),
  /** Counts under the other filters (each facet ignores its own filter), most frequent first (days by date). */
  facets: z.record(z.enum(ARTICLE_FACETS), z.array(ZFacetValue)),
});
export type TArticleSearchResult = z.infer<typeof ZArticleSearchResult>;

/** An officer corrects any field; the fields sent change, each is recorded and teaches the model. */
export const ZCorrectArticleRequest = z
  .strictObject({
    relevance: ZRelevanceLevel.optional(),
    sentiment: ZArticleSentiment.optional(),
    flags: z.array(ZMonitoringFlag).optional(),
    unit: ZOwningUnit.optional(),
    note: z.string().trim().max(1000, { message: 'validation.too_long' }).optional(),
  })
  .refine((v) => v.relevance || v.sentiment || v.flags || v.unit, {
    message: 'validation.required',
    path: ['relevance'],
  });
export type TCorrectArticleRequest = z.infer<typeof ZCorrectArticleRequest>;

// ---- Saved views: a named search of one officer. ----

export const ZSavedView = z.object({
  id: ZId,
  name: z.string(),
  /** The search's query string (without page). */
  params: z.string(),
  createdAt: z.iso.datetime(),
});
export type TSavedView = z.infer<typeof ZSavedView>;

export const ZCreateSavedViewRequest = z.strictObject({
  name: z.string().trim().min(1, { message: 'validation.required' }).max(200, { message: 'validation.too_long' }),
  params: z.string().max(4000, { message: 'validation.too_long' }),
});
export type TCreateSavedViewRequest = z.infer<typeof ZCreateSavedViewRequest>;
