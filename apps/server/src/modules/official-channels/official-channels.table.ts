import { sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const officialChannels = pgTable('official_channels', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  value: text('value').notNull(),
  display: text('display').notNull(),
  status: text('status').notNull(),
  note: text('note'),
  source: text('source'),
  orgUnitId: uuid('org_unit_id').notNull(),
  createdBy: uuid('created_by'),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(value || ' ' || display || ' ' || coalesce(note, '') || ' ' || coalesce(source, ''))`,
  ),
});
