// Saved monitoring queries. Match counts come from the articles the engine stored (monitoring_articles, read with raw
// sql: the table belongs to the monitoring module); correlated subqueries name the outer table explicitly.
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { TQueryListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { monitoringQueries as queries, monitoringQuerySeedsRemoved } from './monitoring-queries.table.js';

/** How far back "recent" matches reach (the list's count and the check's scan). */
export const RECENT_DAYS = 30;

const unitOf = (column: string) =>
  sql.raw(`(SELECT ${column} FROM org_units o WHERE o.id = monitoring_queries.org_unit_id)`);

const columns = {
  id: queries.id,
  name: queries.name,
  text: queries.text,
  description: queries.description,
  orgUnitId: queries.orgUnitId,
  enabled: queries.enabled,
  alert: queries.alert,
  alertMinRelevance: queries.alertMinRelevance,
  seedKey: queries.seedKey,
  version: queries.version,
  createdAt: queries.createdAt,
  updatedAt: queries.updatedAt,
  orgUnitCode: sql<string>`${unitOf('code')}`,
  orgUnitName: sql<string>`${unitOf('name')}`,
  orgUnitPath: sql<string>`${unitOf('path')}`,
  createdByName: sql<string | null>`(SELECT u.full_name FROM users u WHERE u.id = monitoring_queries.created_by)`,
  matches30d: sql<number>`(SELECT count(*)::int FROM monitoring_articles a
    WHERE a.matched_query_ids @> ARRAY[monitoring_queries.id]
      AND a.sort_at >= now() - make_interval(days => ${RECENT_DAYS}))`,
  lastMatchAt: sql<Date | null>`(SELECT max(a.sort_at) FROM monitoring_articles a
    WHERE a.matched_query_ids @> ARRAY[monitoring_queries.id])`.mapWith((v: string | Date | null) =>
    v === null ? null : new Date(v),
  ),
};

export interface QueryRow {
  id: string;
  name: string;
  text: string;
  description: string | null;
  orgUnitId: string;
  enabled: boolean;
  alert: string;
  alertMinRelevance: string;
  seedKey: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitPath: string;
  createdByName: string | null;
  matches30d: number;
  lastMatchAt: Date | null;
}
export type NewQueryRow = Omit<
  typeof queries.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'
>;

const SORTS = {
  name: { column: queries.name, text: true },
  orgUnit: { column: columns.orgUnitName, text: true },
  alert: { column: queries.alert },
  enabled: { column: queries.enabled },
  // Sort keys are letters only (ZListQuery): `matches` sorts by matches30d.
  matches: { column: columns.matches30d },
  lastMatchAt: { column: columns.lastMatchAt },
  createdAt: { column: queries.createdAt },
  updatedAt: { column: queries.updatedAt },
};

export type DigestCountRow = {
  id: string;
  name: string;
  orgUnitId: string;
  alertMinRelevance: 'core' | 'peripheral' | 'unrelated';
  count: number;
};

/** A recent article as the check route reads it, newest first. */
export type RecentArticle = {
  id: string;
  title: string;
  lead: string;
  body: string;
  sourceName: string;
};

function filters(query: TQueryListQuery): SQL | undefined {
  return and(
    matchesSearch(query.q, queries.searchText),
    query.enabled ? eq(queries.enabled, query.enabled === 'true') : undefined,
    query.alert ? eq(queries.alert, query.alert) : undefined,
    // A unit's queries and those of the units under it.
    query.orgUnitId
      ? sql`${unitOf('path')} LIKE (SELECT path FROM org_units WHERE id = ${query.orgUnitId}) || '%'`
      : undefined,
  );
}

export const monitoringQueriesRepository = {
  /** One page of the queries (every match when `all`, for export), with the total. */
  async list(tx: Executor, query: TQueryListQuery, all = false): Promise<{ rows: QueryRow[]; total: number }> {
    const where = filters(query);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(queries)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, 'name', queries.id));
    const rows = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(queries).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<QueryRow | null> {
    const query = tx.select(columns).from(queries).where(eq(queries.id, id));
    const [row] = lock ? await query.for('update', { of: queries }) : await query;
    return row ?? null;
  },

  async insert(tx: Executor, values: NewQueryRow): Promise<string> {
    const [row] = await tx.insert(queries).values(values).returning({ id: queries.id });
    return row!.id;
  },

  /** Updates when `version` still matches (and moves it); false when someone else changed the row first. */
  async update(tx: Executor, id: string, version: number, values: Partial<NewQueryRow>): Promise<boolean> {
    const updated = await tx
      .update(queries)
      .set({ ...values, version: sql`${queries.version} + 1`, updatedAt: new Date() })
      .where(and(eq(queries.id, id), eq(queries.version, version)))
      .returning({ id: queries.id });
    return updated.length === 1;
  },

  async delete(tx: Executor, id: string): Promise<void> {
    await tx.delete(queries).where(eq(queries.id, id));
  },

  /** The seeded queries by key (id, version and what the seed sets), and the keys officers removed. */
  async seededState(tx: Executor) {
    const rows = await tx
      .select({
        id: queries.id,
        seedKey: sql<string>`${queries.seedKey}`,
        version: queries.version,
        name: queries.name,
        text: queries.text,
        description: queries.description,
        orgUnitId: queries.orgUnitId,
        alert: queries.alert,
        alertMinRelevance: queries.alertMinRelevance,
      })
      .from(queries)
      .where(sql`${queries.seedKey} IS NOT NULL`);
    const removed = await tx.select({ seedKey: monitoringQuerySeedsRemoved.seedKey }).from(monitoringQuerySeedsRemoved);
    return { rows, removed: new Set(removed.map((r) => r.seedKey)) };
  },

  /** Brings an untouched seeded query (version 1) up to the seed's current text; its version does not move. */
  async refreshSeeded(tx: Executor, id: string, values: Partial<NewQueryRow>): Promise<void> {
    await tx
      .update(queries)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(queries.id, id), eq(queries.version, 1)));
  },

  async rememberRemovedSeed(tx: Executor, seedKey: string, userId: string | null): Promise<void> {
    await tx.insert(monitoringQuerySeedsRemoved).values({ seedKey, removedBy: userId }).onConflictDoNothing();
  },

  /**
   * For every enabled query with a daily digest: how many articles that arrived in [start, end) it matched at or
   * above its alert_min_relevance (queries with none are left out).
   */
  async digestCounts(tx: Executor, start: Date, end: Date): Promise<DigestCountRow[]> {
    const rank = (level: SQL) => sql`CASE ${level} WHEN 'core' THEN 2 WHEN 'peripheral' THEN 1 ELSE 0 END`;
    const { rows } = await tx.execute<DigestCountRow>(sql`
      SELECT q.id, q.name, q.org_unit_id AS "orgUnitId", q.alert_min_relevance AS "alertMinRelevance", m.n AS count
      FROM monitoring_queries q
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS n FROM monitoring_articles a
        WHERE a.matched_query_ids @> ARRAY[q.id]
          AND a.created_at >= ${start.toISOString()}::timestamptz AND a.created_at < ${end.toISOString()}::timestamptz
          AND ${rank(sql`a.relevance_level`)} >= ${rank(sql`q.alert_min_relevance`)}
      ) m
      WHERE q.enabled AND q.alert = 'daily' AND m.n > 0
      ORDER BY q.id`);
    return rows;
  },

  /** The articles of the last RECENT_DAYS days, newest first, at most `limit`, and how many there are in all. */
  async recentArticles(tx: Executor, limit: number): Promise<{ rows: RecentArticle[]; total: number }> {
    const recent = sql`sort_at >= now() - make_interval(days => ${RECENT_DAYS})`;
    const { rows } = await tx.execute<RecentArticle>(sql`
      SELECT id, title, lead, body, source_name AS "sourceName" FROM monitoring_articles
      WHERE ${recent} ORDER BY sort_at DESC, id LIMIT ${limit}`);
    const { rows: totals } = await tx.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM monitoring_articles WHERE ${recent}`,
    );
    return { rows, total: totals[0]?.n ?? 0 };
  },
};

export type MonitoringQueriesRepository = typeof monitoringQueriesRepository;
