// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified.
import { and, count, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { TSourceListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { monitoringSources as s } from './monitoring-sources.table.js';

const columns = {
  id: s.id,
  name: s.name,
  kind: s.kind,
  url: s.url,
  linkSelector: s.linkSelector,
  outletId: s.outletId,
  areaUnitId: s.areaUnitId,
  tier: s.tier,
  language: s.language,
  orgUnitId: s.orgUnitId,
  enabled: s.enabled,
  disabledReason: s.disabledReason,
  pollSeconds: s.pollSeconds,
  nextPollAt: s.nextPollAt,
  etag: s.etag,
  lastModified: s.lastModified,
  contentHash: s.contentHash,
  lastFetchAt: s.lastFetchAt,
  lastSuccessAt: s.lastSuccessAt,
  lastErrorAt: s.lastErrorAt,
  lastErrorCode: s.lastErrorCode,
  lastError: s.lastError,
  consecutiveFailures: s.consecutiveFailures,
  seedKey: s.seedKey,
  version: s.version,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
  outletName: sql<string | null>`(SELECT name FROM press_outlets o WHERE o.id = monitoring_sources.outlet_id)`,
  areaCode: sql<string | null>`(SELECT code FROM org_units o WHERE o.id = monitoring_sources.area_unit_id)`,
  areaName: sql<string | null>`(SELECT name FROM org_units o WHERE o.id = monitoring_sources.area_unit_id)`,
  orgUnitCode: sql<string>`(SELECT code FROM org_units o WHERE o.id = monitoring_sources.org_unit_id)`,
  orgUnitName: sql<string>`(SELECT name FROM org_units o WHERE o.id = monitoring_sources.org_unit_id)`,
  orgUnitPath: sql<string>`(SELECT path FROM org_units o WHERE o.id = monitoring_sources.org_unit_id)`,
  articlesWeek: sql<number>`(SELECT count(*)::int FROM monitoring_articles a
      WHERE a.source_id = monitoring_sources.id AND a.fetched_at > now() - interval '7 days')`,
  articlesTotal: sql<number>`(SELECT count(*)::int FROM monitoring_articles a WHERE a.source_id = monitoring_sources.id)`,
};

export interface SourceRow {
  id: string;
  name: string;
  kind: string;
  url: string | null;
  linkSelector: string | null;
  outletId: string | null;
  areaUnitId: string | null;
  tier: string;
  language: string;
  orgUnitId: string;
  enabled: boolean;
  disabledReason: string | null;
  pollSeconds: number;
  nextPollAt: Date | null;
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  lastFetchAt: Date | null;
  lastSuccessAt: Date | null;
  lastErrorAt: Date | null;
  lastErrorCode: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  seedKey: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  outletName: string | null;
  areaCode: string | null;
  areaName: string | null;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitPath: string;
  articlesWeek: number;
  articlesTotal: number;
}

export type NewSourceRow = Omit<typeof s.$inferInsert, 'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'>;

const SORTS = {
  name: { column: s.name, text: true },
  kind: { column: s.kind },
  tier: { column: s.tier },
  enabled: { column: s.enabled },
  lastFetchAt: { column: s.lastFetchAt },
  lastSuccessAt: { column: s.lastSuccessAt },
  consecutiveFailures: { column: s.consecutiveFailures },
  nextPollAt: { column: s.nextPollAt },
  pollSeconds: { column: s.pollSeconds },
  createdAt: { column: s.createdAt },
};

function filters(query: Partial<TSourceListQuery>): SQL | undefined {
  return and(
    matchesSearch(query.q, s.searchText),
    query.kind ? eq(s.kind, query.kind) : undefined,
    query.tier ? eq(s.tier, query.tier) : undefined,
    query.enabled ? eq(s.enabled, query.enabled === 'true') : undefined,
    query.failing === 'true' ? gt(s.consecutiveFailures, 0) : undefined,
    query.failing === 'false' ? eq(s.consecutiveFailures, 0) : undefined,
  );
}

export const monitoringSourcesRepository = {
  /** A page of sources matching the filters (every match when `all`, for export), with the total. */
  async list(tx: Executor, query: TSourceListQuery, all = false): Promise<{ rows: SourceRow[]; total: number }> {
    const where = filters(query);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(s)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, 'name', s.id));
    const rows = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(s).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<SourceRow | null> {
    const query = tx.select(columns).from(s).where(eq(s.id, id));
    const [row] = lock ? await query.for('update', { of: s }) : await query;
    return row ?? null;
  },

  /** The source whose address is `url` (case-insensitive), if any. */
  async findIdByUrl(tx: Executor, url: string): Promise<string | null> {
    const [row] = await tx
      .select({ id: s.id })
      .from(s)
      .where(sql`lower(${s.url}) = lower(${url})`);
    return row?.id ?? null;
  },

  async insert(tx: Executor, values: NewSourceRow): Promise<string> {
    const [row] = await tx.insert(s).values(values).returning({ id: s.id });
    return row!.id;
  },

  /** Inserts the seeded sources whose seed key (or address) is not there yet; returns the keys inserted. */
  async insertSeeds(tx: Executor, values: NewSourceRow[]): Promise<string[]> {
    const inserted: string[] = [];
    for (const value of values) {
      const rows = await tx.insert(s).values(value).onConflictDoNothing().returning({ key: s.seedKey });
      if (rows[0]?.key) inserted.push(rows[0].key);
    }
    return inserted;
  },

  /** Updates when `version` still matches; false when someone else changed the row first. */
  async update(tx: Executor, id: string, version: number, values: Partial<NewSourceRow>): Promise<boolean> {
    const updated = await tx
      .update(s)
      .set({ ...values, version: sql`${s.version} + 1`, updatedAt: new Date() })
      .where(and(eq(s.id, id), eq(s.version, version)))
      .returning({ id: s.id });
    return updated.length === 1;
  },

  /** Deletes a source; its log and queue go with it, its articles stay with their source name. */
  async delete(tx: Executor, id: string): Promise<void> {
    await tx.delete(s).where(eq(s.id, id));
  },

  /** Whether an org unit with this id exists, with its path. */
  async findUnit(tx: Executor, id: string): Promise<{ id: string; path: string; kind: string; code: string } | null> {
    const { rows } = await tx.execute<{ id: string; path: string; kind: string; code: string }>(
      sql`SELECT id, path, kind, code FROM org_units WHERE id = ${id}`,
    );
    return rows[0] ?? null;
  },

  async findUnitByCode(tx: Executor, code: string): Promise<{ id: string; path: string } | null> {
    const { rows } = await tx.execute<{ id: string; path: string }>(
      sql`SELECT id, path FROM org_units WHERE code = ${code}`,
    );
    return rows[0] ?? null;
  },

  /** The seed keys of sources ever seeded (app_state), so that a deleted seeded source is not brought back. */
  async findSeededKeys(tx: Executor): Promise<string[]> {
    const { rows } = await tx.execute<{ value: string[] }>(
      sql`SELECT value FROM app_state WHERE key = 'seed.monitoring-sources' FOR UPDATE`,
    );
    return rows[0]?.value ?? [];
  },

  async saveSeededKeys(tx: Executor, keys: string[]): Promise<void> {
    await tx.execute(sql`
      INSERT INTO app_state (key, value) VALUES ('seed.monitoring-sources', ${JSON.stringify(keys)}::jsonb)
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`);
  },

  async outletExists(tx: Executor, id: string): Promise<boolean> {
    const { rows } = await tx.execute(sql`SELECT 1 FROM press_outlets WHERE id = ${id}`);
    return rows.length > 0;
  },
};

export type MonitoringSourcesRepository = typeof monitoringSourcesRepository;
