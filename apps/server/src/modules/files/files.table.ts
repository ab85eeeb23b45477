import { bigint, boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const files = pgTable('files', {
  id: uuid('id').primaryKey().defaultRandom(),
  sha256: text('sha256').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  kind: text('kind').notNull(),
  mediaType: text('media_type').notNull(),
  name: text('name').notNull(),
  orgUnitId: uuid('org_unit_id').notNull(),
  uploadedBy: uuid('uploaded_by'),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  width: integer('width'),
  height: integer('height'),
  hasThumbnail: boolean('has_thumbnail').notNull().default(false),
});
