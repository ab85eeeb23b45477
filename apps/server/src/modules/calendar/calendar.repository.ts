// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified, which would bind to the inner table.
import { and, asc, count, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TCalendarStatus } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering } from '../../platform/db/paging.js';
import { calendarFeedTokens, calendarItems, calendarSeries } from './calendar.table.js';

const ownerPath = sql<string>`(SELECT path FROM org_units o WHERE o.id = calendar_items.owner_unit_id)`;
const columns = {
  id: calendarItems.id,
  title: calendarItems.title,
  description: calendarItems.description,
  startsOn: calendarItems.startsOn,
  endsOn: calendarItems.endsOn,
  guidanceYear: calendarItems.guidanceYear,
  themeCodes: calendarItems.themeCodes,
  audienceCodes: calendarItems.audienceCodes,
  channelCode: calendarItems.channelCode,
  formCode: calendarItems.formCode,
  ownerUnitId: calendarItems.ownerUnitId,
  assigneeId: calendarItems.assigneeId,
  status: calendarItems.status,
  proposalId: calendarItems.proposalId,
  regulationId: calendarItems.regulationId,
  seriesId: calendarItems.seriesId,
  occurrenceOn: calendarItems.occurrenceOn,
  isException: calendarItems.isException,
  version: calendarItems.version,
  createdAt: calendarItems.createdAt,
  updatedAt: calendarItems.updatedAt,
  ownerUnitCode: sql<string>`(SELECT code FROM org_units o WHERE o.id = calendar_items.owner_unit_id)`,
  ownerUnitName: sql<string>`(SELECT name FROM org_units o WHERE o.id = calendar_items.owner_unit_id)`,
  ownerUnitPath: ownerPath,
  assigneeFullName: sql<string | null>`(SELECT full_name FROM users u WHERE u.id = calendar_items.assignee_id)`,
  assigneeUsername: sql<string | null>`(SELECT username FROM users u WHERE u.id = calendar_items.assignee_id)`,
  regulationNumber: sql<string | null>`(SELECT number FROM regulations r WHERE r.id = calendar_items.regulation_id)`,
  seriesRule: sql<string | null>`(SELECT rule FROM calendar_series s WHERE s.id = calendar_items.series_id)`,
};

export type ItemRow = {
  [K in keyof typeof columns]: (typeof columns)[K] extends SQL<infer T>
    ? T
    : (typeof calendarItems.$inferSelect)[K & keyof typeof calendarItems.$inferSelect];
};
export type NewItemRow = Omit<
  typeof calendarItems.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'
>;
export type SeriesRow = typeof calendarSeries.$inferSelect;
export type NewSeriesRow = Omit<typeof calendarSeries.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

/** Which items a query covers: visibility (a scope, plus what is assigned to a user), window and filters. */
export interface ItemFilter {
  scopePath: string;
  /** Items assigned to this user are visible whatever their owner unit. */
  userId: string | null;
  from: string;
  to: string;
  q?: string | undefined;
  /** Items owned in this subtree (already checked to lie in the scope). */
  unitPath?: string | undefined;
  theme?: string | undefined;
  audience?: string | undefined;
  channel?: string | undefined;
  form?: string | undefined;
  status?: TCalendarStatus | undefined;
  assigneeId?: string | undefined;
  regulationId?: string | undefined;
  proposalId?: string | undefined;
}

function filters(filter: ItemFilter): SQL | undefined {
  const assigned = filter.userId ? eq(calendarItems.assigneeId, filter.userId) : undefined;
  return and(
    or(sql`${ownerPath} LIKE ${`${filter.scopePath}%`}`, assigned),
    lte(calendarItems.startsOn, filter.to),
    sql`coalesce(${calendarItems.endsOn}, ${calendarItems.startsOn}) >= ${filter.from}::date`,
    matchesSearch(filter.q, calendarItems.searchText),
    filter.unitPath ? sql`${ownerPath} LIKE ${`${filter.unitPath}%`}` : undefined,
    filter.theme ? sql`${filter.theme} = ANY(${calendarItems.themeCodes})` : undefined,
    filter.audience ? sql`${filter.audience} = ANY(${calendarItems.audienceCodes})` : undefined,
    filter.channel ? eq(calendarItems.channelCode, filter.channel) : undefined,
    filter.form ? eq(calendarItems.formCode, filter.form) : undefined,
    filter.status ? eq(calendarItems.status, filter.status) : undefined,
    filter.assigneeId ? eq(calendarItems.assigneeId, filter.assigneeId) : undefined,
    filter.regulationId ? eq(calendarItems.regulationId, filter.regulationId) : undefined,
    filter.proposalId ? eq(calendarItems.proposalId, filter.proposalId) : undefined,
  );
}

const INSERT_CHUNK = 1000;

const SORTS = {
  startsOn: { column: calendarItems.startsOn },
  title: { column: calendarItems.title, text: true },
};

/** A row of a series as regeneration needs it. */
export interface OccurrenceRow {
  id: string;
  occurrenceOn: string;
  startsOn: string;
  isException: boolean;
}

export const calendarRepository = {
  /** The first `limit` items of the filter in `sort` order (startsOn or title, "-" for descending), and the total. */
  async list(
    tx: Executor,
    filter: ItemFilter,
    sort: string | undefined,
    limit: number,
  ): Promise<{ rows: ItemRow[]; total: number }> {
    const where = filters(filter);
    const rows = await tx
      .select(columns)
      .from(calendarItems)
      .where(where)
      .orderBy(...ordering(sort, SORTS, 'startsOn', sql`${calendarItems.startsOn}, ${calendarItems.id}`))
      .limit(limit);
    const [totalRow] = await tx.select({ total: count() }).from(calendarItems).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<ItemRow | null> {
    const query = tx.select(columns).from(calendarItems).where(eq(calendarItems.id, id));
    const [row] = lock ? await query.for('update', { of: calendarItems }) : await query;
    return row ?? null;
  },

  /** Inserts rows in order and returns their ids in the same order (in chunks: PostgreSQL takes 65 535 parameters). */
  async insert(tx: Executor, values: NewItemRow[]): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < values.length; start += INSERT_CHUNK) {
      const rows = await tx
        .insert(calendarItems)
        .values(values.slice(start, start + INSERT_CHUNK))
        .returning({ id: calendarItems.id });
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  },

  /** Updates when `version` still matches (null: whatever it is); false when someone else changed the row first. */
  async update(tx: Executor, id: string, version: number | null, values: Partial<NewItemRow>): Promise<boolean> {
    const rows = await tx
      .update(calendarItems)
      .set({ ...values, version: sql`${calendarItems.version} + 1`, updatedAt: new Date() })
      .where(and(eq(calendarItems.id, id), version === null ? undefined : eq(calendarItems.version, version)))
      .returning({ id: calendarItems.id });
    return rows.length === 1;
  },

  async delete(tx: Executor, ids: string[]): Promise<void> {
    if (ids.length > 0) await tx.delete(calendarItems).where(inArray(calendarItems.id, ids));
  },

  /** The rows of a series whose occurrence falls on or after `from`, in order. */
  async occurrences(tx: Executor, seriesId: string, from: string): Promise<OccurrenceRow[]> {
    const rows = await tx
      .select({
        id: calendarItems.id,
        occurrenceOn: calendarItems.occurrenceOn,
        startsOn: calendarItems.startsOn,
        isException: calendarItems.isException,
      })
      .from(calendarItems)
      .where(and(eq(calendarItems.seriesId, seriesId), gte(calendarItems.occurrenceOn, from)))
      .orderBy(asc(calendarItems.occurrenceOn))
      .for('update');
    return rows.map((r) => ({ ...r, occurrenceOn: r.occurrenceOn! }));
  },

  async countInSeries(tx: Executor, seriesId: string): Promise<number> {
    const [row] = await tx.select({ n: count() }).from(calendarItems).where(eq(calendarItems.seriesId, seriesId));
    return row?.n ?? 0;
  },

  async insertSeries(tx: Executor, values: NewSeriesRow): Promise<string> {
    const [row] = await tx.insert(calendarSeries).values(values).returning({ id: calendarSeries.id });
    return row!.id;
  },

  async findSeries(tx: Executor, id: string, lock = false): Promise<SeriesRow | null> {
    const query = tx.select().from(calendarSeries).where(eq(calendarSeries.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row ?? null;
  },

  async updateSeries(tx: Executor, id: string, values: Partial<NewSeriesRow>): Promise<void> {
    await tx
      .update(calendarSeries)
      .set({ ...values, version: sql`${calendarSeries.version} + 1`, updatedAt: new Date() })
      .where(eq(calendarSeries.id, id));
  },

  async deleteSeries(tx: Executor, id: string): Promise<void> {
    await tx.delete(calendarSeries).where(eq(calendarSeries.id, id));
  },

  /** Series materialised short of `horizon` (open-ended ones as time passes), oldest horizon first. */
  async seriesToExtend(tx: Executor, horizon: string, limit: number): Promise<string[]> {
    const rows = await tx
      .select({ id: calendarSeries.id })
      .from(calendarSeries)
      .where(lt(calendarSeries.materialisedUntil, horizon))
      .orderBy(asc(calendarSeries.materialisedUntil), asc(calendarSeries.id))
      .limit(limit);
    return rows.map((r) => r.id);
  },

  /** Items in production whose first day falls within `from`–`to`, for deadline reminders. */
  async findInProduction(
    tx: Executor,
    from: string,
    to: string,
  ): Promise<{ id: string; title: string; startsOn: string; ownerUnitId: string; assigneeId: string | null }[]> {
    return tx
      .select({
        id: calendarItems.id,
        title: calendarItems.title,
        startsOn: calendarItems.startsOn,
        ownerUnitId: calendarItems.ownerUnitId,
        assigneeId: calendarItems.assigneeId,
      })
      .from(calendarItems)
      .where(
        and(
          eq(calendarItems.status, 'in_production'),
          gte(calendarItems.startsOn, from),
          lte(calendarItems.startsOn, to),
        ),
      )
      .orderBy(asc(calendarItems.startsOn), asc(calendarItems.id));
  },

  async findFeedToken(tx: Executor, userId: string): Promise<{ createdAt: Date } | null> {
    const [row] = await tx
      .select({ createdAt: calendarFeedTokens.createdAt })
      .from(calendarFeedTokens)
      .where(eq(calendarFeedTokens.userId, userId));
    return row ?? null;
  },

  /** Stores the hash of a user's new feed token, replacing the old one. */
  async replaceFeedToken(tx: Executor, userId: string, tokenHash: string): Promise<Date> {
    const [row] = await tx
      .insert(calendarFeedTokens)
      .values({ userId, tokenHash })
      .onConflictDoUpdate({
        target: calendarFeedTokens.userId,
        set: { tokenHash, createdAt: sql`now()`, lastUsedAt: null },
      })
      .returning({ createdAt: calendarFeedTokens.createdAt });
    return row!.createdAt;
  },

  async deleteFeedToken(tx: Executor, userId: string): Promise<boolean> {
    const rows = await tx
      .delete(calendarFeedTokens)
      .where(eq(calendarFeedTokens.userId, userId))
      .returning({ userId: calendarFeedTokens.userId });
    return rows.length === 1;
  },

  /** The user a feed token belongs to (by its hash), marking it used. */
  async useFeedToken(tx: Executor, tokenHash: string): Promise<string | null> {
    const rows = await tx
      .update(calendarFeedTokens)
      .set({ lastUsedAt: new Date() })
      .where(eq(calendarFeedTokens.tokenHash, tokenHash))
      .returning({ userId: calendarFeedTokens.userId });
    return rows[0]?.userId ?? null;
  },
};

export type CalendarRepository = typeof calendarRepository;
