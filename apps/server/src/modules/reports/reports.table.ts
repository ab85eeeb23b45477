import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TReportSection } from '@loa/contracts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const reportTemplates = pgTable('report_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  periodKinds: text('period_kinds')
    .array()
    .notNull()
    .default(sql`'{}'`),
  subject: text('subject').notNull(),
  sections: jsonb('sections').$type<TReportSection[]>().notNull(),
  isDefault: boolean('is_default').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const reports = pgTable('reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgUnitId: uuid('org_unit_id').notNull(),
  periodKind: text('period_kind').notNull(),
  periodYear: integer('period_year').notNull(),
  periodNumber: integer('period_number').notNull(),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  number: text('number'),
  subject: text('subject').notNull(),
  parentAgency: text('parent_agency').notNull(),
  issuer: text('issuer').notNull(),
  place: text('place').notNull(),
  signedOn: date('signed_on', { mode: 'string' }),
  recipients: text('recipients')
    .array()
    .notNull()
    .default(sql`'{}'`),
  signerAuthority: text('signer_authority').notNull().default(''),
  signerTitle: text('signer_title').notNull().default(''),
  signerName: text('signer_name').notNull().default(''),
  sections: jsonb('sections').$type<TReportSection[]>().notNull(),
  status: text('status').notNull().default('draft'),
  templateId: uuid('template_id'),
  generationVersion: integer('generation_version').notNull().default(1),
  generationState: text('generation_state').notNull().default('queued'),
  generationProgress: integer('generation_progress').notNull().default(0),
  generationStep: text('generation_step'),
  generationError: text('generation_error'),
  generationTouchedAt: timestamp('generation_touched_at', { withTimezone: true }).notNull().defaultNow(),
  generatedAt: timestamp('generated_at', { withTimezone: true }),
  createdBy: uuid('created_by').notNull(),
  approvedBy: uuid('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(coalesce(number, '') || ' ' || subject || ' ' || issuer || ' ' || place)`,
  ),
});

export const reportDocuments = pgTable(
  'report_documents',
  {
    reportId: uuid('report_id').notNull(),
    format: text('format').notNull(),
    content: bytea('content').notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.format] })],
);
