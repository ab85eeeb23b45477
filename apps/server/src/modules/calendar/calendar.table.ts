import { sql } from 'drizzle-orm';
import { boolean, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const calendarSeries = pgTable('calendar_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  rule: text('rule').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  durationDays: integer('duration_days').notNull().default(0),
  excludedOn: date('excluded_on', { mode: 'string' })
    .array()
    .notNull()
    .default(sql`'{}'`),
  materialisedUntil: date('materialised_until', { mode: 'string' }).notNull(),
  title: text('title').notNull(),
  description: text('description'),
  guidanceYear: integer('guidance_year').notNull(),
  themeCodes: text('theme_codes')
    .array()
    .notNull()
    .default(sql`'{}'`),
  audienceCodes: text('audience_codes')
    .array()
    .notNull()
    .default(sql`'{}'`),
  channelCode: text('channel_code'),
  formCode: text('form_code'),
  ownerUnitId: uuid('owner_unit_id').notNull(),
  assigneeId: uuid('assignee_id'),
  status: text('status').notNull(),
  regulationId: uuid('regulation_id'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const calendarItems = pgTable('calendar_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  description: text('description'),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }),
  guidanceYear: integer('guidance_year').notNull(),
  themeCodes: text('theme_codes')
    .array()
    .notNull()
    .default(sql`'{}'`),
  audienceCodes: text('audience_codes')
    .array()
    .notNull()
    .default(sql`'{}'`),
  channelCode: text('channel_code'),
  formCode: text('form_code'),
  ownerUnitId: uuid('owner_unit_id').notNull(),
  assigneeId: uuid('assignee_id'),
  status: text('status').notNull().default('planned'),
  proposalId: uuid('proposal_id'),
  regulationId: uuid('regulation_id'),
  seriesId: uuid('series_id'),
  occurrenceOn: date('occurrence_on', { mode: 'string' }),
  isException: boolean('is_exception').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(sql`loa_fold(title || ' ' || coalesce(description, ''))`),
});

export const calendarFeedTokens = pgTable('calendar_feed_tokens', {
  userId: uuid('user_id').primaryKey(),
  tokenHash: text('token_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});
