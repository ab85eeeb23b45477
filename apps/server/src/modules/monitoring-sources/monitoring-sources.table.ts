import { sql } from 'drizzle-orm';
import { bigint, boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Monitored sources (0028). */
export const monitoringSources = pgTable('monitoring_sources', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  url: text('url'),
  linkSelector: text('link_selector'),
  outletId: uuid('outlet_id'),
  areaUnitId: uuid('area_unit_id'),
  tier: text('tier').notNull(),
  language: text('language').notNull().default('vi'),
  orgUnitId: uuid('org_unit_id').notNull(),
  enabled: boolean('enabled').notNull().default(false),
  disabledReason: text('disabled_reason'),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  pollSeconds: integer('poll_seconds').notNull().default(3600),
  nextPollAt: timestamp('next_poll_at', { withTimezone: true }),
  etag: text('etag'),
  lastModified: text('last_modified'),
  contentHash: text('content_hash'),
  lastFetchAt: timestamp('last_fetch_at', { withTimezone: true }),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
  lastErrorCode: text('last_error_code'),
  lastError: text('last_error'),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  seedKey: text('seed_key'),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  searchText: text('search_text').generatedAlwaysAs(sql`loa_fold(name || ' ' || coalesce(url, ''))`),
});

/** One fetch of a source (0028). */
export const monitoringFetchLog = pgTable('monitoring_fetch_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  sourceId: uuid('source_id').notNull(),
  url: text('url').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  outcome: text('outcome').notNull(),
  httpStatus: integer('http_status'),
  errorCode: text('error_code'),
  message: text('message'),
  itemsSeen: integer('items_seen').notNull().default(0),
  itemsNew: integer('items_new').notNull().default(0),
  bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
});

/** Item pages waiting to be fetched (0028). */
export const monitoringFetchQueue = pgTable('monitoring_fetch_queue', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  sourceId: uuid('source_id'),
  url: text('url').notNull(),
  urlKey: text('url_key').notNull(),
  feedItem: jsonb('feed_item').notNull().default({}),
  state: text('state').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  lastError: text('last_error'),
  articleId: uuid('article_id'),
  discoveredAt: timestamp('discovered_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** Per-host pacing and the robots.txt cache (0029). */
export const monitoringHosts = pgTable('monitoring_hosts', {
  host: text('host').primaryKey(),
  nextAllowedAt: timestamp('next_allowed_at', { withTimezone: true }).notNull().defaultNow(),
  inFlight: timestamp('in_flight', { withTimezone: true })
    .array()
    .notNull()
    .default(sql`'{}'`),
  robotsTxt: text('robots_txt'),
  robotsStatus: integer('robots_status'),
  robotsFetchedAt: timestamp('robots_fetched_at', { withTimezone: true }),
});
