// The tables the monitoring engine owns (migration 0028): articles with their classification and clusters of
// syndicated copies. Mirrors the migration; bulk writes go through raw SQL in monitoring.repository.ts.
import { sql } from 'drizzle-orm';
import { bigint, customType, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const monitoringArticles = pgTable('monitoring_articles', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  sourceId: uuid('source_id'),
  sourceName: text('source_name').notNull(),
  url: text('url').notNull(),
  urlKey: text('url_key').notNull().unique(),
  canonicalUrl: text('canonical_url'),
  title: text('title').notNull(),
  lead: text('lead').notNull().default(''),
  body: text('body').notNull().default(''),
  author: text('author'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
  sortAt: timestamp('sort_at', { withTimezone: true }).notNull(),
  images: jsonb('images')
    .notNull()
    .default(sql`'[]'`),
  signature: bytea('signature'),
  clusterId: uuid('cluster_id').notNull(),
  relevanceLevel: text('relevance_level').notNull(),
  relevanceScore: real('relevance_score').notNull(),
  sentiment: text('sentiment').notNull(),
  flags: text('flags')
    .array()
    .notNull()
    .default(sql`'{}'`),
  unit: text('unit').notNull(),
  rules: text('rules')
    .array()
    .notNull()
    .default(sql`'{}'`),
  evidence: jsonb('evidence')
    .notNull()
    .default(sql`'[]'`),
  matchedQueryIds: uuid('matched_query_ids')
    .array()
    .notNull()
    .default(sql`'{}'`),
  predicted: jsonb('predicted').notNull(),
  correctedAt: timestamp('corrected_at', { withTimezone: true }),
  searchTokens: text('search_tokens').notNull().default(''),
  searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('simple', search_tokens)`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const monitoringClusters = pgTable('monitoring_clusters', {
  id: uuid('id').primaryKey(),
  articleCount: integer('article_count').notNull().default(1),
  firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
});
