import { sql } from 'drizzle-orm';
import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A media incident, "sự cố truyền thông" (0031). */
export const incidents = pgTable('incidents', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull(),
  title: text('title').notNull(),
  description: text('description'),
  severity: text('severity').notNull(),
  guide: jsonb('guide').notNull(),
  status: text('status').notNull().default('open'),
  owningUnitId: uuid('owning_unit_id').notNull(),
  queryId: uuid('query_id'),
  assessDueAt: timestamp('assess_due_at', { withTimezone: true }).notNull(),
  assessMetAt: timestamp('assess_met_at', { withTimezone: true }),
  assessEscalatedAt: timestamp('assess_escalated_at', { withTimezone: true }),
  respondDueAt: timestamp('respond_due_at', { withTimezone: true }).notNull(),
  respondMetAt: timestamp('respond_met_at', { withTimezone: true }),
  respondEscalatedAt: timestamp('respond_escalated_at', { withTimezone: true }),
  lessons: text('lessons'),
  openedBy: uuid('opened_by'),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(code || ' ' || title || ' ' || coalesce(description, ''))`,
  ),
});

/** Supporting units of a case (0031). */
export const incidentUnits = pgTable(
  'incident_units',
  {
    incidentId: uuid('incident_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.orgUnitId] })],
);

/** Monitored articles of a case (0031). */
export const incidentItems = pgTable(
  'incident_items',
  {
    incidentId: uuid('incident_id').notNull(),
    articleId: uuid('article_id').notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.articleId] })],
);

/** Alerts a case was opened from (0031). */
export const incidentAlerts = pgTable(
  'incident_alerts',
  {
    incidentId: uuid('incident_id').notNull(),
    alertId: uuid('alert_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.alertId] })],
);

/** The timeline: officers' actions and the events Loa records (0031; `seq` 0034). */
export const incidentActions = pgTable('incident_actions', {
  id: uuid('id').primaryKey().defaultRandom(),
  incidentId: uuid('incident_id').notNull(),
  kind: text('kind').notNull(),
  system: boolean('system').notNull().default(false),
  text: text('text'),
  publicationId: uuid('publication_id'),
  url: text('url'),
  detail: jsonb('detail'),
  userId: uuid('user_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
});

/** Deadlines per severity (0031): one row. */
export const incidentSettings = pgTable('incident_settings', {
  id: boolean('id').primaryKey().default(true),
  deadlines: jsonb('deadlines').notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
