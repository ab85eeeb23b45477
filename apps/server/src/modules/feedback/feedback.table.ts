import { sql } from 'drizzle-orm';
import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A difficulty reported by a province or district (0020). */
export const feedback = pgTable('feedback', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  category: text('category').notNull(),
  reporterUnitId: uuid('reporter_unit_id').notNull(),
  reportedBy: uuid('reported_by'),
  reportedByName: text('reported_by_name').notNull(),
  status: text('status').notNull().default('new'),
  routedUnitId: uuid('routed_unit_id'),
  dueOn: date('due_on', { mode: 'string' }),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  reopenCount: integer('reopen_count').notNull().default(0),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(sql`loa_fold(title || ' ' || description)`),
});

/** The thread of a feedback (0020). */
export const feedbackMessages = pgTable('feedback_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  feedbackId: uuid('feedback_id').notNull(),
  kind: text('kind').notNull(),
  body: text('body').notNull().default(''),
  unitId: uuid('unit_id'),
  dueOn: date('due_on', { mode: 'string' }),
  authorId: uuid('author_id'),
  authorName: text('author_name').notNull(),
  authorUnitId: uuid('author_unit_id'),
  // The database stamps clock_timestamp(): several messages of one transaction keep their order.
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const feedbackFiles = pgTable(
  'feedback_files',
  {
    messageId: uuid('message_id').notNull(),
    fileId: uuid('file_id').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.fileId] })],
);

/** An entry of the Q&A knowledge base (0020). */
export const faqEntries = pgTable('faq_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  question: text('question').notNull(),
  answer: text('answer').notNull(),
  category: text('category').notNull(),
  tags: text('tags')
    .array()
    .notNull()
    .default(sql`'{}'`),
  ownerUnitId: uuid('owner_unit_id').notNull(),
  sourceFeedbackId: uuid('source_feedback_id'),
  status: text('status').notNull().default('published'),
  version: integer('version').notNull().default(1),
  createdByName: text('created_by_name').notNull(),
  updatedByName: text('updated_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  searchText: text('search_text').generatedAlwaysAs(sql`loa_fold(question || ' ' || answer || ' ' || loa_join(tags))`),
});

export const faqRegulations = pgTable(
  'faq_regulations',
  {
    faqId: uuid('faq_id').notNull(),
    regulationId: uuid('regulation_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.faqId, t.regulationId] })],
);
