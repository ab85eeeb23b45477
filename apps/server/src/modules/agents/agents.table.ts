import { sql } from 'drizzle-orm';
import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const collectionAgents = pgTable('collection_agents', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgUnitId: uuid('org_unit_id').notNull(),
  type: text('type').notNull(),
  name: text('name').notNull(),
  address: text('address').notNull(),
  placeStructure: text('place_structure').notNull(),
  provinceCode: text('province_code').notNull(),
  provinceName: text('province_name').notNull(),
  districtCode: text('district_code'),
  districtName: text('district_name'),
  communeCode: text('commune_code'),
  communeName: text('commune_name'),
  phones: text('phones').array().notNull(),
  workingHours: text('working_hours'),
  activeFrom: date('active_from', { mode: 'string' }),
  activeTo: date('active_to', { mode: 'string' }),
  note: text('note'),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(name || ' ' || address || ' ' || coalesce(commune_name, '') || ' ' || coalesce(district_name, '') || ' ' || province_name || ' ' || loa_join(phones))`,
  ),
});
