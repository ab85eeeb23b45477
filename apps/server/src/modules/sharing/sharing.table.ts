import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** An officer's post sharing a published product (0014). */
export const productShares = pgTable('product_shares', {
  id: uuid('id').primaryKey().defaultRandom(),
  productId: uuid('product_id').notNull(),
  userId: uuid('user_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  network: text('network').notNull(),
  url: text('url').notNull(),
  sharedOn: date('shared_on', { mode: 'string' }).notNull(),
  views: integer('views'),
  reactions: integer('reactions'),
  comments: integer('comments'),
  shares: integer('shares'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
