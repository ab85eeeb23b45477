import { sql } from 'drizzle-orm';
import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const guidanceYears = pgTable('guidance_years', {
  year: integer('year').primaryKey(),
  documentNo: text('document_no').notNull(),
  title: text('title').notNull(),
  issuedOn: date('issued_on', { mode: 'string' }),
  copiedFrom: integer('copied_from'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const guidanceItems = pgTable('guidance_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  year: integer('year').notNull(),
  kind: text('kind').notNull(),
  code: text('code').notNull(),
  parentCode: text('parent_code'),
  group: text('grp'),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  textVi: text('text_vi').notNull(),
  textEn: text('text_en').notNull(),
  sortOrder: integer('sort_order').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(code || ' ' || name_vi || ' ' || name_en || ' ' || text_vi || ' ' || text_en)`,
  ),
});
