import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Who receives which editions (0031): a user, some sections, some provinces; e-mail and/or the app; a feed. */
export const pressReviewSubscriptions = pgTable('press_review_subscriptions', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  userId: uuid('user_id').notNull(),
  sourceUnitId: uuid('source_unit_id').notNull(),
  sections: text('sections')
    .array()
    .notNull()
    .default(sql`'{}'`),
  provinceIds: uuid('province_ids')
    .array()
    .notNull()
    .default(sql`'{}'`),
  email: boolean('email').notNull().default(true),
  active: boolean('active').notNull().default(true),
  feedTokenHash: text('feed_token_hash'),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One recipient of one edition (0031, 0033): written with the approval, sent by the deliver job. */
export const pressReviewDeliveries = pgTable('press_review_deliveries', {
  id: uuid('id').primaryKey().defaultRandom(),
  reviewId: uuid('review_id').notNull(),
  subscriptionId: uuid('subscription_id'),
  userId: uuid('user_id').notNull(),
  sections: text('sections')
    .array()
    .notNull()
    .default(sql`'{}'`),
  provinceIds: uuid('province_ids')
    .array()
    .notNull()
    .default(sql`'{}'`),
  toAddress: text('to_address'),
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  readAt: timestamp('read_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
