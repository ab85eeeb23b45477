import { sql } from 'drizzle-orm';
import { bigint, boolean, integer, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const emptyArray = sql`'{}'`;

/** Alert rules (0031): conditions on classified articles, the unit told, an optional seed key. */
export const monitoringAlertRules = pgTable('monitoring_alert_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description'),
  orgUnitId: uuid('org_unit_id').notNull(),
  routeToOwningUnit: boolean('route_to_owning_unit').notNull().default(false),
  queryIds: uuid('query_ids').array().notNull().default(emptyArray),
  minRelevance: text('min_relevance').notNull().default('peripheral'),
  sentiments: text('sentiments').array().notNull().default(emptyArray),
  flags: text('flags').array().notNull().default(emptyArray),
  units: text('units').array().notNull().default(emptyArray),
  enabled: boolean('enabled').notNull().default(true),
  seedKey: text('seed_key'),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(sql`loa_fold(name || ' ' || coalesce(description, ''))`),
});

/** Alerts (0031): one per story and unit (kind `rule`), or one per spiking subject, hour and unit (kind `spike`). */
export const monitoringAlerts = pgTable('monitoring_alerts', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  orgUnitId: uuid('org_unit_id').notNull(),
  ruleIds: uuid('rule_ids').array().notNull().default(emptyArray),
  queryIds: uuid('query_ids').array().notNull().default(emptyArray),
  clusterId: uuid('cluster_id'),
  spikeQueryId: uuid('spike_query_id'),
  spikeFlag: text('spike_flag'),
  spikeHour: timestamp('spike_hour', { withTimezone: true }),
  spikeCount: integer('spike_count'),
  spikeBaseline: real('spike_baseline'),
  articleIds: uuid('article_ids').array().notNull().default(emptyArray),
  relevanceLevel: text('relevance_level'),
  sentiment: text('sentiment'),
  flags: text('flags').array().notNull().default(emptyArray),
  status: text('status').notNull().default('new'),
  incidentId: uuid('incident_id'),
  handledBy: uuid('handled_by'),
  handledAt: timestamp('handled_at', { withTimezone: true }),
  firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  searchText: text('search_text').generatedAlwaysAs(sql`loa_fold(title)`),
});

/** How far each background reader has read monitoring_articles by seq; this module owns the row `alerts`. */
export const monitoringWatermarks = pgTable('monitoring_watermarks', {
  name: text('name').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
