import { sql } from 'drizzle-orm';
import { bigint, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const publications = pgTable('publications', {
  id: uuid('id').primaryKey().defaultRandom(),
  productId: uuid('product_id').notNull(),
  channel: text('channel').notNull(),
  outlet: text('outlet').notNull(),
  url: text('url'),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  note: text('note'),
  orgUnitId: uuid('org_unit_id').notNull(),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(sql`loa_fold(outlet || ' ' || coalesce(url, ''))`),
});

export const publicationProofs = pgTable(
  'publication_proofs',
  {
    publicationId: uuid('publication_id').notNull(),
    fileId: uuid('file_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.publicationId, t.fileId] })],
);

export const publicationMetrics = pgTable('publication_metrics', {
  id: uuid('id').primaryKey().defaultRandom(),
  publicationId: uuid('publication_id').notNull(),
  metric: text('metric').notNull(),
  value: bigint('value', { mode: 'number' }).notNull(),
  readOn: date('read_on', { mode: 'string' }).notNull(),
  source: text('source').notNull(),
  recordedBy: uuid('recorded_by'),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});
