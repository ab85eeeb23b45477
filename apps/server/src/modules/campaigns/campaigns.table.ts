import { sql } from 'drizzle-orm';
import { bigint, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A communication campaign (0017). */
export const campaigns = pgTable('campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  guidanceYear: integer('guidance_year').notNull(),
  status: text('status').notNull().default('draft'),
  ownerUnitId: uuid('owner_unit_id').notNull(),
  channelCodes: text('channel_codes')
    .array()
    .notNull()
    .default(sql`'{}'`),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(sql`loa_fold(name || ' ' || description)`),
});

export const campaignUnits = pgTable(
  'campaign_units',
  { campaignId: uuid('campaign_id').notNull(), unitId: uuid('unit_id').notNull() },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId] })],
);

export const campaignGoals = pgTable(
  'campaign_goals',
  {
    campaignId: uuid('campaign_id').notNull(),
    metric: text('metric').notNull(),
    target: bigint('target', { mode: 'number' }).notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.metric] })],
);
