import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const textArray = (name: string) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'`);

export const products = pgTable('products', {
  id: uuid('id').primaryKey().defaultRandom(),
  guidanceYear: integer('guidance_year').notNull(),
  typeCode: text('type_code').notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull().default(''),
  body: text('body').notNull().default(''),
  themeCodes: textArray('theme_codes'),
  audienceCodes: textArray('audience_codes'),
  channelCodes: textArray('channel_codes'),
  ownerUnitId: uuid('owner_unit_id').notNull(),
  authors: textArray('authors'),
  partnerOutlet: text('partner_outlet'),
  language: text('language').notNull().default('vi'),
  calendarItemId: uuid('calendar_item_id'),
  status: text('status').notNull().default('draft'),
  currentVersion: integer('current_version').notNull().default(1),
  /** When every required appraisal last approved the current version; null while not ready. */
  readyAt: timestamp('ready_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(title || ' ' || summary || ' ' || coalesce(partner_outlet, '') || ' ' || loa_join(authors))`,
  ),
});

export const productVersions = pgTable(
  'product_versions',
  {
    productId: uuid('product_id').notNull(),
    number: integer('number').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.number] })],
);

export const productFiles = pgTable(
  'product_files',
  {
    productId: uuid('product_id').notNull(),
    fileId: uuid('file_id').notNull(),
    title: text('title').notNull(),
    sortOrder: integer('sort_order').notNull(),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.fileId] })],
);

export const productStories = pgTable(
  'product_stories',
  {
    productId: uuid('product_id').notNull(),
    storyId: uuid('story_id').notNull(),
    linkedBy: uuid('linked_by'),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.storyId] })],
);
