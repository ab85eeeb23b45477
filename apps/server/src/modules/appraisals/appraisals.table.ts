import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A product's request for the opinion of a central unit (migration 0012). */
export const productAppraisals = pgTable('product_appraisals', {
  id: uuid('id').primaryKey().defaultRandom(),
  productId: uuid('product_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  note: text('note'),
  requestedBy: uuid('requested_by'),
  requestedByName: text('requested_by_name').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  withdrawnBy: uuid('withdrawn_by'),
});

/** A signed opinion of the asked unit on one version of the product. */
export const appraisalOpinions = pgTable('appraisal_opinions', {
  id: uuid('id').primaryKey().defaultRandom(),
  appraisalId: uuid('appraisal_id').notNull(),
  productVersion: integer('product_version').notNull(),
  verdict: text('verdict').notNull(),
  comments: text('comments').notNull().default(''),
  signedBy: uuid('signed_by'),
  signerName: text('signer_name').notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
});

export const appraisalOpinionFiles = pgTable(
  'appraisal_opinion_files',
  {
    opinionId: uuid('opinion_id').notNull(),
    fileId: uuid('file_id').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [primaryKey({ columns: [t.opinionId, t.fileId] })],
);
