import { sql } from 'drizzle-orm';
import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const proposals = pgTable('proposals', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  guidanceYear: integer('guidance_year').notNull(),
  themeCodes: text('theme_codes').array().notNull(),
  audienceCodes: text('audience_codes')
    .array()
    .notNull()
    .default(sql`'{}'`),
  formCodes: text('form_codes')
    .array()
    .notNull()
    .default(sql`'{}'`),
  channelCodes: text('channel_codes')
    .array()
    .notNull()
    .default(sql`'{}'`),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  regulationId: uuid('regulation_id'),
  ownerUnitId: uuid('owner_unit_id').notNull(),
  proposerId: uuid('proposer_id'),
  status: text('status').notNull().default('submitted'),
  decisionNote: text('decision_note'),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  mergedIntoId: uuid('merged_into_id'),
  calendarItemId: uuid('calendar_item_id'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(sql`loa_fold(title || ' ' || description)`),
});
