import { sql } from 'drizzle-orm';
import { bigint, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const pressContracts = pgTable('press_contracts', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgUnitId: uuid('org_unit_id').notNull(),
  outletId: uuid('outlet_id').notNull(),
  number: text('number').notNull(),
  title: text('title').notNull(),
  value: bigint('value', { mode: 'number' }).notNull(),
  fiscalYear: integer('fiscal_year').notNull(),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  themes: text('themes').array().notNull(),
  note: text('note'),
  status: text('status').notNull().default('draft'),
  signedOn: date('signed_on', { mode: 'string' }),
  terminationReason: text('termination_reason'),
  createdBy: uuid('created_by'),
  createdByName: text('created_by_name').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(sql`loa_fold(number || ' ' || title)`),
});

export const pressContractDeliverables = pgTable('press_contract_deliverables', {
  id: uuid('id').primaryKey().defaultRandom(),
  contractId: uuid('contract_id').notNull(),
  kind: text('kind').notNull(),
  theme: text('theme'),
  description: text('description'),
  planned: integer('planned').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const pressContractAcceptances = pgTable('press_contract_acceptances', {
  id: uuid('id').primaryKey().defaultRandom(),
  contractId: uuid('contract_id').notNull(),
  acceptedOn: date('accepted_on', { mode: 'string' }).notNull(),
  note: text('note'),
  overDeliveryReason: text('over_delivery_reason'),
  minutesFileId: uuid('minutes_file_id'),
  createdBy: uuid('created_by'),
  createdByName: text('created_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const pressContractAcceptanceLines = pgTable(
  'press_contract_acceptance_lines',
  {
    acceptanceId: uuid('acceptance_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    deliverableId: uuid('deliverable_id').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.acceptanceId, t.deliverableId] })],
);

export const pressContractPublications = pgTable('press_contract_publications', {
  id: uuid('id').primaryKey().defaultRandom(),
  contractId: uuid('contract_id').notNull(),
  deliverableId: uuid('deliverable_id').notNull(),
  publicationId: uuid('publication_id').notNull(),
  quantity: integer('quantity').notNull(),
  acceptedIn: uuid('accepted_in'),
  linkedBy: uuid('linked_by'),
  linkedByName: text('linked_by_name').notNull(),
  linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
});

export const pressContractFiles = pgTable(
  'press_contract_files',
  {
    contractId: uuid('contract_id').notNull(),
    fileId: uuid('file_id').notNull(),
    addedBy: uuid('added_by'),
    addedByName: text('added_by_name').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.fileId] })],
);

export const pressContractPayments = pgTable('press_contract_payments', {
  id: uuid('id').primaryKey().defaultRandom(),
  contractId: uuid('contract_id').notNull(),
  expenditureId: uuid('expenditure_id').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  paidOn: date('paid_on', { mode: 'string' }).notNull(),
  voucherNo: text('voucher_no').notNull(),
  description: text('description').notNull(),
  overValueReason: text('over_value_reason'),
  createdBy: uuid('created_by'),
  createdByName: text('created_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
