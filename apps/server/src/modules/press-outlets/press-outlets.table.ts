import { sql } from 'drizzle-orm';
import { boolean, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const pressOutlets = pgTable('press_outlets', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgUnitId: uuid('org_unit_id').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  governingBody: text('governing_body'),
  area: text('area').notNull(),
  areaName: text('area_name'),
  beats: text('beats').array().notNull(),
  website: text('website'),
  phone: text('phone'),
  email: text('email'),
  address: text('address'),
  note: text('note'),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(name || ' ' || coalesce(governing_body, '') || ' ' || coalesce(area_name, '') || ' ' || loa_join(beats))`,
  ),
});

export const pressContacts = pgTable('press_contacts', {
  id: uuid('id').primaryKey().defaultRandom(),
  outletId: uuid('outlet_id').notNull(),
  fullName: text('full_name').notNull(),
  role: text('role').notNull(),
  beats: text('beats').array().notNull(),
  phones: text('phones').array().notNull(),
  emails: text('emails').array().notNull(),
  note: text('note'),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(full_name || ' ' || loa_join(beats) || ' ' || loa_join(phones) || ' ' || loa_join(emails))`,
  ),
});

export const pressContactHistory = pgTable('press_contact_history', {
  id: uuid('id').primaryKey().defaultRandom(),
  contactId: uuid('contact_id').notNull(),
  contactedOn: date('contacted_on', { mode: 'string' }).notNull(),
  channel: text('channel').notNull(),
  summary: text('summary').notNull(),
  officerId: uuid('officer_id'),
  officerName: text('officer_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
