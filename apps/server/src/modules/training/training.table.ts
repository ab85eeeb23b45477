import { sql } from 'drizzle-orm';
import { boolean, date, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const trainingCourses = pgTable('training_courses', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgUnitId: uuid('org_unit_id').notNull(),
  title: text('title').notNull(),
  topic: text('topic'),
  audience: text('audience').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  online: boolean('online').notNull().default(false),
  place: text('place'),
  onlineUrl: text('online_url'),
  trainers: text('trainers').array().notNull(),
  passScore: smallint('pass_score'),
  status: text('status').notNull().default('planned'),
  note: text('note'),
  createdBy: uuid('created_by'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(title || ' ' || coalesce(topic, '') || ' ' || coalesce(place, '') || ' ' || loa_join(trainers))`,
  ),
});

export const trainingTrainees = pgTable('training_trainees', {
  id: uuid('id').primaryKey().defaultRandom(),
  courseId: uuid('course_id').notNull(),
  userId: uuid('user_id'),
  fullName: text('full_name').notNull(),
  organisation: text('organisation'),
  phone: text('phone'),
  attendedDays: date('attended_days', { mode: 'string' })
    .array()
    .notNull()
    .default(sql`'{}'`),
  score: smallint('score'),
  rating: smallint('rating'),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const trainingCertificates = pgTable('training_certificates', {
  id: uuid('id').primaryKey().defaultRandom(),
  courseId: uuid('course_id').notNull(),
  traineeId: uuid('trainee_id'),
  number: text('number').notNull(),
  traineeName: text('trainee_name').notNull(),
  signerName: text('signer_name').notNull(),
  signerTitle: text('signer_title').notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  issuedBy: uuid('issued_by'),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
});

export const trainingMaterials = pgTable('training_materials', {
  courseId: uuid('course_id').notNull(),
  fileId: uuid('file_id').notNull(),
  title: text('title').notNull(),
  addedBy: uuid('added_by'),
  addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
});
