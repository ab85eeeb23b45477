import { sql } from 'drizzle-orm';
import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const regulations = pgTable('regulations', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: text('number').notNull(),
  kind: text('kind').notNull(),
  issuer: text('issuer').notNull(),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  effectiveOn: date('effective_on', { mode: 'string' }),
  summary: text('summary').notNull(),
  draftingUnitId: uuid('drafting_unit_id'),
  draftingUnitName: text('drafting_unit_name'),
  recipients: text('recipients'),
  signer: text('signer'),
  tags: text('tags')
    .array()
    .notNull()
    .default(sql`'{}'`),
  needsCommunication: boolean('needs_communication').notNull().default(false),
  orgUnitId: uuid('org_unit_id').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(number || ' ' || loa_regulation_kind_label(kind) || ' ' || summary || ' ' || coalesce(drafting_unit_name, '') || ' ' || issuer || ' ' || coalesce(signer, '') || ' ' || loa_join(tags))`,
  ),
});

export const regulationRelations = pgTable(
  'regulation_relations',
  {
    fromId: uuid('from_id').notNull(),
    toId: uuid('to_id').notNull(),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.fromId, t.toId] })],
);

export const communicationTaskTemplates = pgTable('communication_task_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  phase: text('phase').notNull(),
  offsetDays: integer('offset_days').notNull(),
  owner: text('owner').notNull(),
  ownerUnitId: uuid('owner_unit_id'),
  titleVi: text('title_vi').notNull(),
  titleEn: text('title_en').notNull(),
  sortOrder: integer('sort_order').notNull(),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const regulationTasks = pgTable('regulation_tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
  regulationId: uuid('regulation_id').notNull(),
  templateId: uuid('template_id'),
  phase: text('phase').notNull(),
  title: text('title').notNull(),
  ownerUnitId: uuid('owner_unit_id').notNull(),
  assigneeUserId: uuid('assignee_user_id'),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  offsetDays: integer('offset_days'),
  status: text('status').notNull().default('todo'),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  searchText: text('search_text').generatedAlwaysAs(sql`loa_fold(title)`),
});

/** Key-value state of the platform (0001); the regulations seed marks itself done here. */
export const appState = pgTable('app_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Files attached to a document (0007); the file rows belong to the files module. */
export const regulationAttachments = pgTable(
  'regulation_attachments',
  {
    regulationId: uuid('regulation_id').notNull(),
    fileId: uuid('file_id').notNull(),
    title: text('title').notNull(),
    sortOrder: integer('sort_order').notNull(),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regulationId, t.fileId] })],
);
