import { sql } from 'drizzle-orm';
import { bigint, boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Saved queries (0028); the engine reads the enabled ones straight from the table. */
export const monitoringQueries = pgTable('monitoring_queries', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  text: text('text').notNull(),
  description: text('description'),
  orgUnitId: uuid('org_unit_id').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  alert: text('alert').notNull().default('none'),
  alertMinRelevance: text('alert_min_relevance').notNull().default('peripheral'),
  seedKey: text('seed_key'),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(name || ' ' || text || ' ' || coalesce(description, ''))`,
  ),
});

/** Every saved version of the classifier's lexicon; the latest is in force. */
export const monitoringLexicons = pgTable('monitoring_lexicons', {
  version: integer('version').primaryKey(),
  lexicon: jsonb('lexicon').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Labelled articles the model learns from besides officers' corrections. */
export const monitoringTrainingExamples = pgTable('monitoring_training_examples', {
  id: uuid('id').primaryKey().defaultRandom(),
  externalId: text('external_id').notNull(),
  title: text('title').notNull(),
  lead: text('lead').notNull().default(''),
  body: text('body').notNull().default(''),
  label: jsonb('label').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Trained models; the latest is in force. */
export const monitoringModels = pgTable('monitoring_models', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  model: jsonb('model').notNull(),
  lexiconVersion: integer('lexicon_version'),
  examples: integer('examples').notNull(),
  corrections: integer('corrections').notNull(),
  metrics: jsonb('metrics'),
  trainedBy: uuid('trained_by'),
  trainedAt: timestamp('trained_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Requests to train (0030): pending until a worker takes one, so every instance knows training is under way. */
export const monitoringTrainingRuns = pgTable('monitoring_training_runs', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  state: text('state').notNull().default('pending'),
  reason: text('reason').notNull(),
  requestedBy: uuid('requested_by'),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  modelId: bigint('model_id', { mode: 'number' }),
  error: text('error'),
});

/** Seeded queries an officer deleted (0030): the seed does not bring them back. */
export const monitoringQuerySeedsRemoved = pgTable('monitoring_query_seeds_removed', {
  seedKey: text('seed_key').primaryKey(),
  removedBy: uuid('removed_by'),
  removedAt: timestamp('removed_at', { withTimezone: true }).notNull().defaultNow(),
});
