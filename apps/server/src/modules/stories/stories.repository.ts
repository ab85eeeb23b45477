// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified.
import { and, asc, count, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { TStoryListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { stories, storyMedia, type StoryPersonValue } from './stories.table.js';

const columns = {
  id: stories.id,
  kind: stories.kind,
  title: stories.title,
  story: stories.story,
  people: stories.people,
  place: stories.place,
  areaUnitId: stories.areaUnitId,
  orgUnitId: stories.orgUnitId,
  occurredOn: stories.occurredOn,
  guidanceYear: stories.guidanceYear,
  themes: stories.themes,
  tags: stories.tags,
  consentStatus: stories.consentStatus,
  consentNote: stories.consentNote,
  consentRecordedAt: stories.consentRecordedAt,
  consentEvidenceFileId: stories.consentEvidenceFileId,
  status: stories.status,
  version: stories.version,
  createdAt: stories.createdAt,
  updatedAt: stories.updatedAt,
  consentRecorderName: sql<string | null>`(SELECT full_name FROM users u WHERE u.id = stories.consent_recorded_by)`,
  areaUnitCode: sql<string | null>`(SELECT code FROM org_units o WHERE o.id = stories.area_unit_id)`,
  areaUnitName: sql<string | null>`(SELECT name FROM org_units o WHERE o.id = stories.area_unit_id)`,
  orgUnitCode: sql<string>`(SELECT code FROM org_units o WHERE o.id = stories.org_unit_id)`,
  orgUnitName: sql<string>`(SELECT name FROM org_units o WHERE o.id = stories.org_unit_id)`,
  orgUnitPath: sql<string>`(SELECT path FROM org_units o WHERE o.id = stories.org_unit_id)`,
  mediaCount: sql<number>`(SELECT count(*)::int FROM story_media m WHERE m.story_id = stories.id)`,
};

export interface StoryRow {
  id: string;
  kind: string;
  title: string;
  story: string;
  people: StoryPersonValue[];
  place: string | null;
  areaUnitId: string | null;
  orgUnitId: string;
  occurredOn: string | null;
  guidanceYear: number | null;
  themes: string[];
  tags: string[];
  consentStatus: string;
  consentNote: string | null;
  consentRecordedAt: Date | null;
  consentEvidenceFileId: string | null;
  status: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  consentRecorderName: string | null;
  areaUnitCode: string | null;
  areaUnitName: string | null;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitPath: string;
  mediaCount: number;
}
export type NewStoryRow = Omit<
  typeof stories.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'
>;

export interface StoryMediaRow {
  storyId: string;
  fileId: string;
  caption: string | null;
  sortOrder: number;
  addedAt: Date;
  adderName: string | null;
}

const SORTS = {
  title: { column: stories.title, text: true },
  kind: { column: stories.kind },
  occurredOn: { column: stories.occurredOn },
  createdAt: { column: stories.createdAt },
  updatedAt: { column: stories.updatedAt },
};

/**
 * What a reader sees: usable stories of the whole agency, and every story kept in their own subtree.
 * `unitPath` narrows to stories kept under one unit.
 */
function filters(query: TStoryListQuery, scopePath: string, unitPath: string | null): SQL | undefined {
  const kept = sql`(SELECT path FROM org_units o WHERE o.id = stories.org_unit_id)`;
  return and(
    sql`(${stories.status} = 'usable' OR ${kept} LIKE ${`${scopePath}%`})`,
    unitPath !== null ? sql`${kept} LIKE ${`${unitPath}%`}` : undefined,
    matchesSearch(query.q, stories.searchText),
    query.kind ? eq(stories.kind, query.kind) : undefined,
    query.status ? eq(stories.status, query.status) : undefined,
    query.consent ? eq(stories.consentStatus, query.consent) : undefined,
    query.theme ? sql`${query.theme} = ANY (${stories.themes})` : undefined,
    query.occurredFrom ? gte(stories.occurredOn, query.occurredFrom) : undefined,
    query.occurredTo ? lte(stories.occurredOn, query.occurredTo) : undefined,
  );
}

export const storiesRepository = {
  /** One page of the stories the reader may see (every match when `all`, for export), with the total. */
  async list(
    tx: Executor,
    query: TStoryListQuery,
    scopePath: string,
    unitPath: string | null,
    all = false,
  ): Promise<{ rows: StoryRow[]; total: number }> {
    const where = filters(query, scopePath, unitPath);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(stories)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, '-updatedAt', stories.id));
    const rows = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(stories).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<StoryRow | null> {
    const query = tx.select(columns).from(stories).where(eq(stories.id, id));
    const [row] = lock ? await query.for('update', { of: stories }) : await query;
    return row ?? null;
  },

  async insert(tx: Executor, values: NewStoryRow): Promise<string> {
    const [row] = await tx.insert(stories).values(values).returning({ id: stories.id });
    return row!.id;
  },

  /** Updates when `version` still matches; false when someone else changed the row first. */
  async update(tx: Executor, id: string, version: number, values: Partial<NewStoryRow>): Promise<boolean> {
    const updated = await tx
      .update(stories)
      .set({ ...values, version: sql`${stories.version} + 1`, updatedAt: new Date() })
      .where(and(eq(stories.id, id), eq(stories.version, version)))
      .returning({ id: stories.id });
    return updated.length === 1;
  },

  /** A story's files in the order shown. */
  async listMedia(tx: Executor, storyId: string): Promise<StoryMediaRow[]> {
    return tx
      .select({
        storyId: storyMedia.storyId,
        fileId: storyMedia.fileId,
        caption: storyMedia.caption,
        sortOrder: storyMedia.sortOrder,
        addedAt: storyMedia.addedAt,
        adderName: sql<string | null>`(SELECT full_name FROM users u WHERE u.id = story_media.added_by)`,
      })
      .from(storyMedia)
      .where(eq(storyMedia.storyId, storyId))
      .orderBy(asc(storyMedia.sortOrder), asc(storyMedia.addedAt));
  },

  async hasMedia(tx: Executor, storyId: string, fileId: string): Promise<boolean> {
    const [row] = await tx
      .select({ n: count() })
      .from(storyMedia)
      .where(and(eq(storyMedia.storyId, storyId), eq(storyMedia.fileId, fileId)));
    return (row?.n ?? 0) > 0;
  },

  /** Appends a file after the story's last one. */
  async insertMedia(
    tx: Executor,
    values: { storyId: string; fileId: string; caption: string | null; addedBy: string | null },
  ): Promise<void> {
    await tx.insert(storyMedia).values({
      ...values,
      sortOrder: sql`(SELECT coalesce(max(sort_order), 0) + 1 FROM story_media WHERE story_id = ${values.storyId})`,
    });
  },

  async deleteMedia(tx: Executor, storyId: string, fileId: string): Promise<void> {
    await tx.delete(storyMedia).where(and(eq(storyMedia.storyId, storyId), eq(storyMedia.fileId, fileId)));
  },
};

export type StoriesRepository = typeof storiesRepository;
