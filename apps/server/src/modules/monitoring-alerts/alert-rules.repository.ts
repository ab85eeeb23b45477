// Alert rules. Units, users and saved queries belong to other modules: read with raw sql; correlated subqueries name
// the outer table explicitly.
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { TAlertRuleListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { matchesSearch } from '../../platform/db/search.js';
import { monitoringAlertRules as rules } from './monitoring-alerts.table.js';

const unitOf = (column: string) =>
  sql.raw(`(SELECT ${column} FROM org_units o WHERE o.id = monitoring_alert_rules.org_unit_id)`);

const columns = {
  id: rules.id,
  name: rules.name,
  description: rules.description,
  orgUnitId: rules.orgUnitId,
  routeToOwningUnit: rules.routeToOwningUnit,
  queryIds: rules.queryIds,
  minRelevance: rules.minRelevance,
  sentiments: rules.sentiments,
  flags: rules.flags,
  units: rules.units,
  enabled: rules.enabled,
  seedKey: rules.seedKey,
  version: rules.version,
  createdAt: rules.createdAt,
  updatedAt: rules.updatedAt,
  orgUnitCode: sql<string>`${unitOf('code')}`,
  orgUnitName: sql<string>`${unitOf('name')}`,
  orgUnitPath: sql<string>`${unitOf('path')}`,
  alerts30d: sql<number>`(SELECT count(*)::int FROM monitoring_alerts a
    WHERE a.rule_ids @> ARRAY[monitoring_alert_rules.id] AND a.created_at >= now() - interval '30 days')`,
};

export type RuleRow = {
  id: string;
  name: string;
  description: string | null;
  orgUnitId: string;
  routeToOwningUnit: boolean;
  queryIds: string[];
  minRelevance: string;
  sentiments: string[];
  flags: string[];
  units: string[];
  enabled: boolean;
  seedKey: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitPath: string;
  alerts30d: number;
};
export type NewRuleRow = Omit<typeof rules.$inferInsert, 'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'>;

const SORTS = {
  name: { column: rules.name, text: true },
  orgUnit: { column: columns.orgUnitName, text: true },
  enabled: { column: rules.enabled },
  alerts: { column: columns.alerts30d },
  createdAt: { column: rules.createdAt },
  updatedAt: { column: rules.updatedAt },
};

function filters(query: TAlertRuleListQuery): SQL | undefined {
  return and(
    matchesSearch(query.q, rules.searchText),
    query.enabled ? eq(rules.enabled, query.enabled === 'true') : undefined,
    // A unit's rules and those of the units under it.
    query.orgUnitId
      ? sql`${unitOf('path')} LIKE (SELECT path FROM org_units WHERE id = ${query.orgUnitId}) || '%'`
      : undefined,
  );
}

export const alertRulesRepository = {
  /** One page of the rules (every match when `all`, for export), with the total. */
  async list(tx: Executor, query: TAlertRuleListQuery, all = false): Promise<{ rows: RuleRow[]; total: number }> {
    const where = filters(query);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(rules)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, 'name', rules.id));
    const rows = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(rules).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<RuleRow | null> {
    const query = tx.select(columns).from(rules).where(eq(rules.id, id));
    const [row] = lock ? await query.for('update', { of: rules }) : await query;
    return row ?? null;
  },

  async insert(tx: Executor, values: NewRuleRow): Promise<string> {
    const [row] = await tx.insert(rules).values(values).returning({ id: rules.id });
    return row!.id;
  },

  /** Updates when `version` still matches (and moves it); false when someone else changed the row first. */
  async update(tx: Executor, id: string, version: number, values: Partial<NewRuleRow>): Promise<boolean> {
    const updated = await tx
      .update(rules)
      .set({ ...values, version: sql`${rules.version} + 1`, updatedAt: new Date() })
      .where(and(eq(rules.id, id), eq(rules.version, version)))
      .returning({ id: rules.id });
    return updated.length === 1;
  },

  async delete(tx: Executor, id: string): Promise<void> {
    await tx.delete(rules).where(eq(rules.id, id));
  },

  /** The seeded rules by key, with their version and what the seed sets. */
  async seededState(tx: Executor) {
    return tx
      .select({
        id: rules.id,
        seedKey: sql<string>`${rules.seedKey}`,
        version: rules.version,
        name: rules.name,
        description: rules.description,
        orgUnitId: rules.orgUnitId,
        routeToOwningUnit: rules.routeToOwningUnit,
        minRelevance: rules.minRelevance,
        sentiments: rules.sentiments,
        flags: rules.flags,
        units: rules.units,
      })
      .from(rules)
      .where(sql`${rules.seedKey} IS NOT NULL`);
  },

  /** Brings an untouched seeded rule (version 1) up to the seed; its version does not move. */
  async refreshSeeded(tx: Executor, id: string, values: Partial<NewRuleRow>): Promise<void> {
    await tx
      .update(rules)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(rules.id, id), eq(rules.version, 1)));
  },

  /** The saved queries (monitoring_queries) among `ids`, with their names. */
  async queriesByIds(tx: Executor, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return [];
    const { rows } = await tx.execute<{ id: string; name: string }>(
      sql`SELECT id, name FROM monitoring_queries WHERE id = ANY(${sql.param([...new Set(ids)])}::uuid[])`,
    );
    return rows;
  },
};

export type AlertRulesRepository = typeof alertRulesRepository;
