import { sql } from 'drizzle-orm';
import { date, integer, pgTable, smallint, text, timestamp, uuid, primaryKey } from 'drizzle-orm/pg-core';

export const orgUnits = pgTable('org_units', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  shortName: text('short_name'),
  kind: text('kind').notNull(),
  parentId: uuid('parent_id'),
  path: text('path').notNull(),
  depth: integer('depth').notNull(),
  adminUnitCode: text('admin_unit_code'),
  activeFrom: date('active_from', { mode: 'string' }),
  activeTo: date('active_to', { mode: 'string' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(code || ' ' || name || ' ' || coalesce(short_name, ''))`,
  ),
});

export const adminUnits = pgTable(
  'admin_units',
  {
    structure: text('structure').notNull(),
    code: text('code').notNull(),
    level: smallint('level').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    parentCode: text('parent_code'),
    searchText: text('search_text').generatedAlwaysAs(sql`loa_fold(code || ' ' || name)`),
  },
  (t) => [primaryKey({ columns: [t.structure, t.code] })],
);

export const adminUnitMerges = pgTable(
  'admin_unit_merges',
  {
    newCode: text('new_code').notNull(),
    oldCode: text('old_code').notNull(),
    level: smallint('level').notNull(),
    type: text('type').notNull(),
  },
  (t) => [primaryKey({ columns: [t.newCode, t.oldCode] })],
);
