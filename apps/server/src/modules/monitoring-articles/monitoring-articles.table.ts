// The tables this module owns (migration 0028). monitoring_articles belongs to the engine: it is read and, on a
// correction, its classification columns updated with raw SQL in the repositories.
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const monitoringCorrections = pgTable('monitoring_corrections', {
  id: uuid('id').primaryKey().defaultRandom(),
  articleId: uuid('article_id').notNull(),
  field: text('field').notNull(),
  before: jsonb('before').notNull(),
  after: jsonb('after').notNull(),
  note: text('note'),
  userId: uuid('user_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const monitoringViews = pgTable('monitoring_views', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  name: text('name').notNull(),
  params: text('params').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
