import { sql } from 'drizzle-orm';
import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const events = pgTable('events', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  orgUnitId: uuid('org_unit_id').notNull(),
  status: text('status').notNull().default('planned'),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }),
  provinceCode: text('province_code'),
  provinceName: text('province_name'),
  districtCode: text('district_code'),
  districtName: text('district_name'),
  communeCode: text('commune_code'),
  communeName: text('commune_name'),
  address: text('address'),
  segments: text('segments')
    .array()
    .notNull()
    .default(sql`'{}'`),
  themeCodes: text('theme_codes')
    .array()
    .notNull()
    .default(sql`'{}'`),
  partners: text('partners')
    .array()
    .notNull()
    .default(sql`'{}'`),
  partnerNote: text('partner_note'),
  plannedAttendance: integer('planned_attendance'),
  extraAttendance: integer('extra_attendance').notNull().default(0),
  extraMale: integer('extra_male').notNull().default(0),
  extraFemale: integer('extra_female').notNull().default(0),
  bySegment: jsonb('by_segment').$type<Record<string, number>>().notNull().default({}),
  questionsRaised: integer('questions_raised').notNull().default(0),
  questionsAnswered: integer('questions_answered').notNull().default(0),
  newVoluntary: integer('new_voluntary').notNull().default(0),
  newHouseholdBhyt: integer('new_household_bhyt').notNull().default(0),
  costVnd: bigint('cost_vnd', { mode: 'number' }),
  calendarItemId: uuid('calendar_item_id'),
  productId: uuid('product_id'),
  note: text('note'),
  cancelReason: text('cancel_reason'),
  checkInKey: text('check_in_key'),
  checkInExpiresAt: timestamp('check_in_expires_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(title || ' ' || coalesce(address, '') || ' ' || coalesce(commune_name, '') || ' ' || coalesce(district_name, '') || ' ' || coalesce(province_name, '') || ' ' || coalesce(partner_note, ''))`,
  ),
});

export const eventOverrides = pgTable('event_overrides', {
  id: uuid('id').primaryKey().defaultRandom(),
  eventId: uuid('event_id').notNull(),
  action: text('action').notNull(),
  reason: text('reason').notNull(),
  restrictionIds: uuid('restriction_ids').array().notNull(),
  decidedBy: uuid('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
});

export const eventCheckIns = pgTable('event_check_ins', {
  id: uuid('id').primaryKey().defaultRandom(),
  eventId: uuid('event_id').notNull(),
  fullName: text('full_name').notNull(),
  phone: text('phone'),
  sex: text('sex').notNull(),
  segment: text('segment'),
  checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull().defaultNow(),
});

export const eventParticipants = pgTable('event_participants', {
  id: uuid('id').primaryKey().defaultRandom(),
  eventId: uuid('event_id').notNull(),
  program: text('program').notNull(),
  fullName: text('full_name').notNull(),
  insuranceCode: text('insurance_code'),
  birthYear: integer('birth_year'),
  phone: text('phone'),
  address: text('address'),
  sortOrder: integer('sort_order').notNull(),
});

export const eventPhotos = pgTable(
  'event_photos',
  {
    eventId: uuid('event_id').notNull(),
    fileId: uuid('file_id').notNull(),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.fileId] })],
);
