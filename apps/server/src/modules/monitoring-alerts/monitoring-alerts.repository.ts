// The alert inbox: alerts of units in a scope, their rules, queries and articles. Units, users, rules of other
// modules and articles are read with raw sql; correlated subqueries name the outer table explicitly.
import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { TAlertListQuery, TAlertStatus } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { matchesSearch } from '../../platform/db/search.js';
import { monitoringAlertRules, monitoringAlerts as alerts } from './monitoring-alerts.table.js';

const unitOf = (column: string) =>
  sql.raw(`(SELECT ${column} FROM org_units o WHERE o.id = monitoring_alerts.org_unit_id)`);
const isoOf = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const vnDay = sql`(monitoring_alerts.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

const columns = {
  id: alerts.id,
  kind: alerts.kind,
  title: alerts.title,
  orgUnitId: alerts.orgUnitId,
  ruleIds: alerts.ruleIds,
  queryIds: alerts.queryIds,
  clusterId: alerts.clusterId,
  spikeQueryId: alerts.spikeQueryId,
  spikeFlag: alerts.spikeFlag,
  spikeHour: alerts.spikeHour,
  spikeCount: alerts.spikeCount,
  spikeBaseline: alerts.spikeBaseline,
  articleIds: alerts.articleIds,
  relevanceLevel: alerts.relevanceLevel,
  sentiment: alerts.sentiment,
  flags: alerts.flags,
  status: alerts.status,
  incidentId: alerts.incidentId,
  handledAt: alerts.handledAt,
  firstSeenAt: alerts.firstSeenAt,
  lastSeenAt: alerts.lastSeenAt,
  version: alerts.version,
  createdAt: alerts.createdAt,
  orgUnitCode: sql<string>`${unitOf('code')}`,
  orgUnitName: sql<string>`${unitOf('name')}`,
  orgUnitPath: sql<string>`${unitOf('path')}`,
  handledByName: sql<string | null>`(SELECT u.full_name FROM users u WHERE u.id = monitoring_alerts.handled_by)`,
};

export type AlertRow = {
  id: string;
  kind: string;
  title: string;
  orgUnitId: string;
  ruleIds: string[];
  queryIds: string[];
  clusterId: string | null;
  spikeQueryId: string | null;
  spikeFlag: string | null;
  spikeHour: Date | null;
  spikeCount: number | null;
  spikeBaseline: number | null;
  articleIds: string[];
  relevanceLevel: string | null;
  sentiment: string | null;
  flags: string[];
  status: string;
  incidentId: string | null;
  handledAt: Date | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  version: number;
  createdAt: Date;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitPath: string;
  handledByName: string | null;
};

/** An article behind an alert, as the inbox shows it. */
export type AlertArticleRow = {
  id: string;
  title: string;
  sourceName: string;
  url: string;
  publishedAt: string;
  relevance: string;
  sentiment: string;
  flags: string[];
};

const SORTS = {
  createdAt: { column: alerts.createdAt },
  lastSeenAt: { column: alerts.lastSeenAt },
  title: { column: alerts.title, text: true },
  status: { column: alerts.status },
  kind: { column: alerts.kind },
  articles: { column: sql`cardinality(monitoring_alerts.article_ids)` },
};

export type AlertFilters = Omit<TAlertListQuery, 'status' | 'page' | 'pageSize' | 'sort'> & {
  statuses: readonly TAlertStatus[];
};

function filters(scopePath: string, query: AlertFilters): SQL | undefined {
  return and(
    sql`${alerts.orgUnitId} IN (SELECT id FROM org_units WHERE path LIKE ${`${scopePath}%`})`,
    matchesSearch(query.q, alerts.searchText),
    query.statuses.length > 0 ? inArray(alerts.status, [...query.statuses]) : undefined,
    query.kind ? eq(alerts.kind, query.kind) : undefined,
    // A unit's alerts and those of the units under it.
    query.orgUnitId
      ? sql`${alerts.orgUnitId} IN (SELECT id FROM org_units WHERE path LIKE
          (SELECT path FROM org_units WHERE id = ${query.orgUnitId}) || '%')`
      : undefined,
    query.ruleId ? sql`${alerts.ruleIds} @> ARRAY[${query.ruleId}]::uuid[]` : undefined,
    query.flag
      ? sql`(${alerts.flags} @> ARRAY[${query.flag}]::text[] OR ${alerts.spikeFlag} = ${query.flag})`
      : undefined,
    query.from ? sql`${vnDay} >= ${query.from}` : undefined,
    query.to ? sql`${vnDay} <= ${query.to}` : undefined,
  );
}

export const monitoringAlertsRepository = {
  /** One page (or the rows at `limit`/`offset`) of the alerts of units under `scopePath`, with the total. */
  async list(
    tx: Executor,
    scopePath: string,
    query: AlertFilters & Pick<TAlertListQuery, 'page' | 'pageSize' | 'sort'>,
  ): Promise<{ rows: AlertRow[]; total: number }> {
    const where = filters(scopePath, query);
    const { limit, offset } = paging(query);
    const rows = await tx
      .select(columns)
      .from(alerts)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, '-createdAt', alerts.id))
      .limit(limit)
      .offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(alerts).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<AlertRow | null> {
    const query = tx.select(columns).from(alerts).where(eq(alerts.id, id));
    const [row] = lock ? await query.for('update', { of: alerts }) : await query;
    return row ?? null;
  },

  /** How many alerts of units under `scopePath` are new and acknowledged (the inbox badge). */
  async counts(tx: Executor, scopePath: string): Promise<{ new: number; acknowledged: number }> {
    const { rows } = await tx.execute<{ new: number; acknowledged: number }>(sql`
      SELECT count(*) FILTER (WHERE status = 'new')::int AS new,
             count(*) FILTER (WHERE status = 'acknowledged')::int AS acknowledged
        FROM monitoring_alerts
       WHERE status IN ('new', 'acknowledged')
         AND org_unit_id IN (SELECT id FROM org_units WHERE path LIKE ${`${scopePath}%`})`);
    return rows[0] ?? { new: 0, acknowledged: 0 };
  },

  /** Sets the status when `version` still matches (and moves it); false when someone else changed it first. */
  async updateStatus(
    tx: Executor,
    id: string,
    version: number,
    values: { status: TAlertStatus; handledBy: string | null; handledAt: Date | null },
  ): Promise<boolean> {
    const updated = await tx
      .update(alerts)
      .set({ ...values, version: sql`${alerts.version} + 1` })
      .where(and(eq(alerts.id, id), eq(alerts.version, version)))
      .returning({ id: alerts.id });
    return updated.length === 1;
  },

  /** Names of the rules among `ids` (deleted ones are left out). */
  async ruleNames(tx: Executor, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return [];
    return tx
      .select({ id: monitoringAlertRules.id, name: monitoringAlertRules.name })
      .from(monitoringAlertRules)
      .where(inArray(monitoringAlertRules.id, [...new Set(ids)]));
  },

  /** Names of the saved queries among `ids` (deleted ones are left out). */
  async queryNames(tx: Executor, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return [];
    const { rows } = await tx.execute<{ id: string; name: string }>(
      sql`SELECT id, name FROM monitoring_queries WHERE id = ANY(${sql.param([...new Set(ids)])}::uuid[])`,
    );
    return rows;
  },

  /** The articles among `ids` (an article deleted since is left out). */
  async articles(tx: Executor, ids: readonly string[]): Promise<AlertArticleRow[]> {
    if (ids.length === 0) return [];
    const { rows } = await tx.execute<AlertArticleRow>(sql`
      SELECT id, title, source_name AS "sourceName", url, ${sql.raw(isoOf('sort_at'))} AS "publishedAt",
             relevance_level AS relevance, sentiment, flags
        FROM monitoring_articles WHERE id = ANY(${sql.param([...new Set(ids)])}::uuid[])`);
    return rows;
  },

  /** The alerts among `ids` as an incident takes them over (any scope: the incidents module checks its own). */
  async forIncident(tx: Executor, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return tx
      .select({
        id: alerts.id,
        orgUnitId: alerts.orgUnitId,
        clusterId: alerts.clusterId,
        articleIds: alerts.articleIds,
        title: alerts.title,
        status: alerts.status,
      })
      .from(alerts)
      .where(inArray(alerts.id, [...new Set(ids)]))
      .orderBy(alerts.createdAt, alerts.id);
  },

  /** Marks the alerts as handled by an incident: status `incident`, the case, who and when; the version moves. */
  async markIncident(tx: Executor, ids: readonly string[], incidentId: string, userId: string | null): Promise<void> {
    if (ids.length === 0) return;
    await tx
      .update(alerts)
      .set({
        status: 'incident',
        incidentId,
        handledBy: userId,
        handledAt: new Date(),
        version: sql`${alerts.version} + 1`,
      })
      .where(inArray(alerts.id, [...new Set(ids)]));
  },
};

export type MonitoringAlertsRepository = typeof monitoringAlertsRepository;
