// Editions and their entries (migration 0031). Mirrors the migration.
import { sql } from 'drizzle-orm';
import { boolean, date, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const pressReviews = pgTable('press_reviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  orgUnitId: uuid('org_unit_id').notNull(),
  editionDate: date('edition_date', { mode: 'string' }).notNull(),
  title: text('title').notNull(),
  intro: text('intro'),
  windowFrom: timestamp('window_from', { withTimezone: true }).notNull(),
  windowTo: timestamp('window_to', { withTimezone: true }).notNull(),
  status: text('status').notNull().default('draft'),
  approvedBy: uuid('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Kept up to date by the repository (refreshSearch): folded title, intro and the entries' texts.
  searchText: text('search_text').notNull().default(''),
});

export const pressReviewEntries = pgTable('press_review_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  reviewId: uuid('review_id').notNull(),
  clusterId: uuid('cluster_id').notNull(),
  section: text('section').notNull(),
  theme: text('theme').notNull(),
  position: integer('position').notNull(),
  headline: text('headline').notNull(),
  extract: text('extract').notNull().default(''),
  comment: text('comment'),
  excluded: boolean('excluded').notNull().default(false),
  outlets: text('outlets')
    .array()
    .notNull()
    .default(sql`'{}'`),
  links: jsonb('links')
    .$type<{ articleId: string; sourceName: string; url: string; title: string }[]>()
    .notNull()
    .default(sql`'[]'`),
  relevanceLevel: text('relevance_level').notNull(),
  sentiment: text('sentiment').notNull(),
  flags: text('flags')
    .array()
    .notNull()
    .default(sql`'{}'`),
  provinceId: uuid('province_id'),
  score: real('score').notNull().default(0),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
});
