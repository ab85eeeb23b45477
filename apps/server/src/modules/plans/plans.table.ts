import { sql } from 'drizzle-orm';
import { bigint, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const plans = pgTable('plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgUnitId: uuid('org_unit_id').notNull(),
  year: integer('year').notNull(),
  guidanceYear: integer('guidance_year').notNull(),
  title: text('title').notNull(),
  notes: text('notes'),
  status: text('status').notNull().default('draft'),
  submittedBy: uuid('submitted_by'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  approvedBy: uuid('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  returnedBy: uuid('returned_by'),
  returnedAt: timestamp('returned_at', { withTimezone: true }),
  returnedReason: text('returned_reason'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(sql`loa_fold(title || ' ' || coalesce(notes, ''))`),
});

export const planTargets = pgTable('plan_targets', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull(),
  metric: text('metric').notNull(),
  period: text('period').notNull(),
  themeCode: text('theme_code'),
  audienceCode: text('audience_code'),
  value: bigint('value', { mode: 'number' }).notNull(),
  note: text('note'),
  sortOrder: integer('sort_order').notNull(),
});
