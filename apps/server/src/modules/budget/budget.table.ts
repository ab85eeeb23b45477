// Mirrors migration 0024_budget.sql; the triggers there keep budget_balances and the invariants.
import { sql } from 'drizzle-orm';
import { bigint, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const money = (name: string) => bigint(name, { mode: 'number' });

export const budgetFiscalYears = pgTable('budget_fiscal_years', {
  year: integer('year').primaryKey(),
  status: text('status').notNull().default('open'),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  closedBy: uuid('closed_by'),
  closedByName: text('closed_by_name'),
});

export const budgetEstimates = pgTable(
  'budget_estimates',
  {
    unitId: uuid('unit_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    updatedByName: text('updated_by_name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.fiscalYear] })],
);

export const budgetEstimateLines = pgTable(
  'budget_estimate_lines',
  {
    unitId: uuid('unit_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    category: text('category').notNull(),
    source: text('source').notNull(),
    amount: money('amount').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.fiscalYear, t.category, t.source] })],
);

export const budgetNorms = pgTable('budget_norms', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  category: text('category'),
  unit: text('unit').notNull(),
  maxAmount: money('max_amount').notNull(),
  legalBasis: text('legal_basis').notNull(),
  regulationId: uuid('regulation_id'),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  note: text('note'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  searchText: text('search_text').generatedAlwaysAs(sql`loa_fold(code || ' ' || name || ' ' || legal_basis)`),
});

export const budgetBalances = pgTable(
  'budget_balances',
  {
    unitId: uuid('unit_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    category: text('category').notNull(),
    allocatedIn: money('allocated_in').notNull(),
    allocatedOut: money('allocated_out').notNull(),
    spent: money('spent').notNull(),
    committed: money('committed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.fiscalYear, t.category] })],
);

export const budgetAllocations = pgTable('budget_allocations', {
  id: uuid('id').primaryKey().defaultRandom(),
  fiscalYear: integer('fiscal_year').notNull(),
  fromUnitId: uuid('from_unit_id'),
  toUnitId: uuid('to_unit_id').notNull(),
  category: text('category').notNull(),
  source: text('source'),
  amount: money('amount').notNull(),
  decisionNo: text('decision_no').notNull(),
  decidedOn: date('decided_on', { mode: 'string' }).notNull(),
  note: text('note'),
  reversesId: uuid('reverses_id'),
  reason: text('reason'),
  createdBy: uuid('created_by'),
  createdByName: text('created_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(decision_no || ' ' || coalesce(note, '') || ' ' || coalesce(reason, ''))`,
  ),
});

export const budgetNormExceptions = pgTable('budget_norm_exceptions', {
  id: uuid('id').primaryKey().defaultRandom(),
  status: text('status').notNull().default('pending'),
  unitId: uuid('unit_id').notNull(),
  fiscalYear: integer('fiscal_year').notNull(),
  request: jsonb('request').notNull(),
  amount: money('amount').notNull(),
  normId: uuid('norm_id').notNull(),
  normLimit: money('norm_limit').notNull(),
  justification: text('justification').notNull(),
  requestedBy: uuid('requested_by'),
  requestedByName: text('requested_by_name').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  decidedBy: uuid('decided_by'),
  decidedByName: text('decided_by_name'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decisionReason: text('decision_reason'),
  expenditureId: uuid('expenditure_id'),
});

export const budgetExpenditures = pgTable('budget_expenditures', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id').notNull(),
  fiscalYear: integer('fiscal_year').notNull(),
  category: text('category').notNull(),
  amount: money('amount').notNull(),
  spentOn: date('spent_on', { mode: 'string' }).notNull(),
  voucherNo: text('voucher_no').notNull(),
  description: text('description').notNull(),
  normId: uuid('norm_id'),
  normMaxAmount: money('norm_max_amount'),
  quantity: integer('quantity'),
  exceptionId: uuid('exception_id'),
  eventId: uuid('event_id'),
  productId: uuid('product_id'),
  contractId: uuid('contract_id'),
  publicationId: uuid('publication_id'),
  reversesId: uuid('reverses_id'),
  reason: text('reason'),
  createdBy: uuid('created_by'),
  createdByName: text('created_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(voucher_no || ' ' || description || ' ' || coalesce(reason, ''))`,
  ),
});

export const budgetExpenditureFiles = pgTable(
  'budget_expenditure_files',
  {
    expenditureId: uuid('expenditure_id').notNull(),
    fileId: uuid('file_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.expenditureId, t.fileId] })],
);

export const budgetCommitments = pgTable('budget_commitments', {
  id: uuid('id').primaryKey().defaultRandom(),
  contractId: uuid('contract_id').notNull(),
  unitId: uuid('unit_id').notNull(),
  fiscalYear: integer('fiscal_year').notNull(),
  category: text('category').notNull(),
  amount: money('amount').notNull(),
  note: text('note').notNull(),
  releasedByExpenditureId: uuid('released_by_expenditure_id'),
  createdBy: uuid('created_by'),
  createdByName: text('created_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
