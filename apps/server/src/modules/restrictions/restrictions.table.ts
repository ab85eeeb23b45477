import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const restrictions = pgTable('restrictions', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgUnitId: uuid('org_unit_id').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }),
  regulationId: uuid('regulation_id'),
  basisText: text('basis_text'),
  kinds: text('kinds').array().notNull(),
  note: text('note'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  liftedAt: timestamp('lifted_at', { withTimezone: true }),
  liftedBy: uuid('lifted_by'),
  liftReason: text('lift_reason'),
  version: integer('version').notNull().default(1),
});
