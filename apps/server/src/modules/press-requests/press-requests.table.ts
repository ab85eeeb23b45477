import { sql } from 'drizzle-orm';
import { date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TCoverage, TInvitee } from '@loa/contracts';

/** A journalist's request for information or an interview (0023). */
export const pressRequests = pgTable('press_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  outletName: text('outlet_name').notNull(),
  /** The outlet and journalist in the media database (0026). */
  outletId: uuid('outlet_id'),
  contactId: uuid('contact_id'),
  journalistName: text('journalist_name').notNull(),
  journalistPhone: text('journalist_phone').notNull().default(''),
  journalistEmail: text('journalist_email').notNull().default(''),
  topic: text('topic').notNull(),
  questions: text('questions').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  deadline: timestamp('deadline', { withTimezone: true }).notNull(),
  receivingUnitId: uuid('receiving_unit_id').notNull(),
  receivedBy: uuid('received_by'),
  receivedByName: text('received_by_name').notNull(),
  status: text('status').notNull().default('received'),
  owningUnitId: uuid('owning_unit_id'),
  spokespersonId: uuid('spokesperson_id'),
  draftAnswer: text('draft_answer').notNull().default(''),
  draftedBy: uuid('drafted_by'),
  draftedByName: text('drafted_by_name'),
  approvedBy: uuid('approved_by'),
  approvedByName: text('approved_by_name'),
  answerSentOn: date('answer_sent_on', { mode: 'string' }),
  answerChannel: text('answer_channel'),
  declineReason: text('decline_reason').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(outlet_name || ' ' || journalist_name || ' ' || topic || ' ' || questions)`,
  ),
});

/** The steps of a request (0023). */
export const pressRequestSteps = pgTable('press_request_steps', {
  id: uuid('id').primaryKey().defaultRandom(),
  requestId: uuid('request_id').notNull(),
  kind: text('kind').notNull(),
  body: text('body').notNull().default(''),
  authorId: uuid('author_id'),
  authorName: text('author_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A press conference (0023). */
export const pressConferences = pgTable('press_conferences', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
  place: text('place').notNull(),
  hostUnitId: uuid('host_unit_id').notNull(),
  spokespersonIds: uuid('spokesperson_ids').array().notNull(),
  invitees: jsonb('invitees').$type<TInvitee[]>().notNull().default([]),
  coverage: jsonb('coverage').$type<TCoverage[]>().notNull().default([]),
  status: text('status').notNull().default('planned'),
  version: integer('version').notNull().default(1),
  createdByName: text('created_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  searchText: text('search_text').generatedAlwaysAs(sql`loa_fold(title || ' ' || place)`),
});

export const pressConferenceFiles = pgTable(
  'press_conference_files',
  {
    conferenceId: uuid('conference_id').notNull(),
    fileId: uuid('file_id').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [primaryKey({ columns: [t.conferenceId, t.fileId] })],
);
