import { sql } from 'drizzle-orm';
import { date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export interface StoryPersonValue {
  name: string;
  role?: string | null;
  contact?: string | null;
}

export const stories = pgTable('stories', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  story: text('story').notNull(),
  people: jsonb('people').$type<StoryPersonValue[]>().notNull().default([]),
  place: text('place'),
  areaUnitId: uuid('area_unit_id'),
  orgUnitId: uuid('org_unit_id').notNull(),
  occurredOn: date('occurred_on', { mode: 'string' }),
  guidanceYear: integer('guidance_year'),
  themes: text('themes')
    .array()
    .notNull()
    .default(sql`'{}'`),
  tags: text('tags')
    .array()
    .notNull()
    .default(sql`'{}'`),
  consentStatus: text('consent_status').notNull().default('pending'),
  consentNote: text('consent_note'),
  consentRecordedBy: uuid('consent_recorded_by'),
  consentRecordedAt: timestamp('consent_recorded_at', { withTimezone: true }),
  consentEvidenceFileId: uuid('consent_evidence_file_id'),
  status: text('status').notNull().default('draft'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Mirrors the migration; drizzle never writes generated columns.
  searchText: text('search_text').generatedAlwaysAs(
    sql`loa_fold(title || ' ' || story || ' ' || coalesce(place, '') || ' ' || loa_story_people(people) || ' ' || loa_join(tags))`,
  ),
});

/** Files of a story (0009); the file rows belong to the files module. */
export const storyMedia = pgTable(
  'story_media',
  {
    storyId: uuid('story_id').notNull(),
    fileId: uuid('file_id').notNull(),
    caption: text('caption'),
    sortOrder: integer('sort_order').notNull(),
    addedBy: uuid('added_by'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.fileId] })],
);
