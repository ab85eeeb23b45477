// The dashboard's rollups (decision 0042): `dashboard_rollups` holds, per rolled figure, per unit and per Vietnam
// month, the figure of the unit's whole subtree by breakdown key — computed by the very sources of
// dashboard-sources.repository.ts, so a whole month read from it equals the direct aggregation; `dashboard_rollup_days`
// holds the same per Vietnam day for the units of depth 1 and 2 (the root and its children). Reads combine the rollups
// of the clean whole months, the day cells of clean edge months (when the units read have them) and direct
// aggregation of the rest, in one statement per view; `refresh` recomputes the cells the triggers marked, `rebuild`
// everything.
import { sql, type SQL } from 'drizzle-orm';
import type { TDashboardFigure } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { periodWindow } from './dashboard-period.js';
import {
  DAY_CELL_DEPTH,
  figuresOf,
  monthEnd,
  pathPrefixes,
  type PeriodPlan,
  type RollupSource,
  ROLLED_FIGURES,
} from './dashboard-rollup-plan.js';
import { attributed, SOURCES, type SourceScope, type SourceWindow } from './dashboard-sources.repository.js';

/** The advisory lock that makes refreshes and rebuilds run one at a time across every instance. */
const LOCK = sql.raw('7308356201');
const EVERYTHING: SourceScope = { path: '', root: true };
const ALL_TIME = { from: '1900-01-01', to: '2199-12-31' };

export interface RollupStatus {
  /** Built at least once and no unit moved since. */
  usable: boolean;
  /** Per source family, the months (yyyy-mm-01) with a change in the scope not refreshed yet. */
  dirty: Map<RollupSource, Set<string>>;
}

export type RefreshOutcome =
  | { outcome: 'busy' }
  | { outcome: 'needs-rebuild' }
  | { outcome: 'refreshed'; changes: number; cells: number; more: boolean };

const list = (values: readonly string[], cast: 'date' | 'uuid') =>
  sql.join(
    values.map((v) => sql`${v}::${sql.raw(cast)}`),
    sql`, `,
  );
const windowOf = (range: { from: string; to: string }, asOf: Date): SourceWindow => ({
  ...periodWindow(range.from, range.to),
  asOf,
});
/** Direct rows of the plan's day ranges, each a `SELECT <columns> FROM (source rows) b WHERE <condition>`. */
const directParts = (figure: TDashboardFigure, plan: PeriodPlan, scope: SourceScope, asOf: Date, columns: SQL) =>
  plan.direct.map(
    (range) =>
      sql`SELECT ${columns} FROM (${SOURCES[figure].rows(windowOf(range, asOf), scope)}) b
           WHERE ${attributed(figure, sql`${`${scope.path}%`}`, scope.root)}`,
  );
const unionAll = (parts: SQL[]) => sql.join(parts, sql` UNION ALL `);
/** Rows `SELECT <columns> FROM dashboard_rollup_days r` of the plan's day-cell ranges for the units `unitIds`. */
const dayParts = (figure: TDashboardFigure, plan: PeriodPlan, unitIds: readonly string[], columns: SQL) =>
  (plan.days ?? []).map(
    (range) =>
      sql`SELECT ${columns} FROM dashboard_rollup_days r
           WHERE r.figure = ${figure} AND r.unit_id IN (${list(unitIds, 'uuid')})
             AND r.day BETWEEN ${range.from}::date AND ${range.to}::date`,
  );

/**
 * Recomputes the cells of `figure` for the `window`'s months and days, in one scan of the records: grouped by their
 * own unit and day first, then summed into every ancestor-or-self (only `ancestors` when given) — the subtree figure
 * of each unit — per month, and per day for the ancestors of depth ≤ DAY_CELL_DEPTH.
 */
function recompute(figure: TDashboardFigure, window: SourceWindow, ancestors: readonly string[] | null): SQL {
  const only = ancestors ? sql`WHERE a.id IN (${list(ancestors, 'uuid')})` : sql``;
  // A path '/a/b/' has depth + 1 slashes.
  const shallow = sql.raw(`length(a.path) - length(replace(a.path, '/', '')) <= ${DAY_CELL_DEPTH + 1}`);
  return sql`WITH o AS MATERIALIZED (
      SELECT b.unit_id, b.key, b.day, sum(b.value) AS value
        FROM (${SOURCES[figure].rows(window, EVERYTHING)}) b GROUP BY 1, 2, 3),
    m AS MATERIALIZED (
      SELECT u.id AS unit_id, a.id AS ancestor_id, ${shallow} AS shallow
        FROM org_units a JOIN org_units u ON u.path LIKE a.path || '%' ${only}),
    monthly AS (
      INSERT INTO dashboard_rollups (figure, unit_id, month, key, value)
      SELECT ${figure}, m.ancestor_id, om.month, om.key, sum(om.value)::bigint
        FROM (SELECT o.unit_id, o.key, date_trunc('month', o.day)::date AS month, sum(o.value) AS value
                FROM o GROUP BY 1, 2, 3) om
        JOIN m ON m.unit_id = om.unit_id
       GROUP BY m.ancestor_id, om.month, om.key
      RETURNING 1)
    INSERT INTO dashboard_rollup_days (figure, unit_id, day, key, value)
    SELECT ${figure}, m.ancestor_id, o.day, o.key, sum(o.value)::bigint
      FROM o JOIN m ON m.unit_id = o.unit_id AND m.shallow
     GROUP BY m.ancestor_id, o.day, o.key`;
}

export const dashboardRollupsRepository = {
  /** Whether the rollups can be read, and the dirty months of the scope between two months (inclusive). */
  async status(tx: Executor, scopePath: string, fromMonth: string, toMonth: string): Promise<RollupStatus> {
    const { rows } = await tx.execute<{ usable: boolean; dirty: string[] }>(
      sql`SELECT coalesce((SELECT built_at IS NOT NULL AND NOT stale FROM dashboard_rollup_state), false) AS usable,
                 (SELECT coalesce(json_agg(DISTINCT d.source || ' ' || to_char(d.month, 'YYYY-MM-DD')), '[]'::json)
                    FROM dashboard_rollup_dirty d
                   WHERE d.month BETWEEN ${fromMonth}::date AND ${toMonth}::date
                     AND d.unit_path LIKE ${`${scopePath}%`}) AS dirty`,
    );
    const dirty = new Map<RollupSource, Set<string>>();
    for (const item of rows[0]?.dirty ?? []) {
      const [source, month] = item.split(' ') as [RollupSource, string];
      dirty.set(source, (dirty.get(source) ?? new Set()).add(month));
    }
    return { usable: rows[0]?.usable === true, dirty };
  },

  /** The figure for the scope (unit `unitId`, its subtree `scope`) per breakdown key, as the direct byKey. */
  async byKey(
    tx: Executor,
    figure: TDashboardFigure,
    plan: PeriodPlan,
    unitId: string,
    scope: SourceScope,
    asOf: Date,
  ): Promise<{ key: string; value: number }[]> {
    const parts = [
      ...directParts(figure, plan, scope, asOf, sql`b.key, b.value`),
      ...dayParts(figure, plan, [unitId], sql`r.key, r.value`),
    ];
    if (plan.months.length > 0)
      parts.push(sql`SELECT r.key, r.value FROM dashboard_rollups r
        WHERE r.figure = ${figure} AND r.unit_id = ${unitId}::uuid AND r.month IN (${list(plan.months, 'date')})`);
    if (parts.length === 0) return [];
    const { rows } = await tx.execute<{ key: string; value: number }>(
      sql`SELECT x.key, sum(x.value)::bigint AS value FROM (${unionAll(parts)}) x GROUP BY x.key`,
    );
    return rows.map((r) => ({ key: r.key, value: Number(r.value) }));
  },

  /** The figure for the scope per month (yyyy-mm), as the direct byMonth. */
  async byMonth(
    tx: Executor,
    figure: TDashboardFigure,
    plan: PeriodPlan,
    unitId: string,
    scope: SourceScope,
    asOf: Date,
  ): Promise<Map<string, number>> {
    const parts = [
      ...directParts(figure, plan, scope, asOf, sql`b.day, b.value`),
      ...dayParts(figure, plan, [unitId], sql`r.day, r.value`),
    ];
    if (plan.months.length > 0)
      parts.push(sql`SELECT r.month AS day, r.value FROM dashboard_rollups r
        WHERE r.figure = ${figure} AND r.unit_id = ${unitId}::uuid AND r.month IN (${list(plan.months, 'date')})`);
    if (parts.length === 0) return new Map();
    const { rows } = await tx.execute<{ month: string; value: number }>(
      sql`SELECT to_char(x.day, 'YYYY-MM') AS month, sum(x.value)::bigint AS value FROM (${unionAll(parts)}) x
           GROUP BY 1`,
    );
    return new Map(rows.map((r) => [r.month, Number(r.value)]));
  },

  /** The figure for each child unit (its own subtree), as the direct byChild. */
  async byChild(
    tx: Executor,
    figure: TDashboardFigure,
    plan: PeriodPlan,
    scope: SourceScope,
    children: readonly { id: string; path: string }[],
    asOf: Date,
  ): Promise<Map<string, number>> {
    if (children.length === 0) return new Map();
    const units = sql.join(
      children.map((c) => sql`(${c.id}::uuid, ${c.path}::text)`),
      sql`, `,
    );
    // A rolled figure is attributed to the record's own unit, so its child is the prefix of the unit's path one level
    // below the scope: an equality (hash) join instead of a LIKE per child and record.
    const depth = sql.raw(String(scope.path.length));
    const childPath = sql`left(b.unit_path, ${depth} + strpos(substr(b.unit_path, ${depth} + 1), '/'))`;
    const ids = children.map((c) => c.id);
    const parts = [
      ...plan.direct.map(
        (range) =>
          sql`SELECT c.id, b.value FROM (VALUES ${units}) AS c(id, path)
                JOIN (${SOURCES[figure].rows(windowOf(range, asOf), scope)}) b ON c.path = ${childPath}`,
      ),
      ...dayParts(figure, plan, ids, sql`r.unit_id AS id, r.value`),
    ];
    if (plan.months.length > 0)
      parts.push(sql`SELECT r.unit_id AS id, r.value FROM dashboard_rollups r
        WHERE r.figure = ${figure} AND r.unit_id IN (${list(ids, 'uuid')}) AND r.month IN (${list(plan.months, 'date')})`);
    const { rows } = await tx.execute<{ id: string; value: number }>(
      sql`SELECT x.id, sum(x.value)::bigint AS value FROM (${unionAll(parts)}) x GROUP BY x.id`,
    );
    return new Map(rows.map((r) => [r.id, Number(r.value)]));
  },

  /**
   * Recomputes the cells marked dirty (at most `limit` marks), within the caller's transaction: the marks are
   * deleted first (those committed by then), then each marked unit's ancestors-or-self are recomputed for the month
   * from the records, which by then include every change those marks stand for. One refresh or rebuild at a time.
   */
  async refresh(tx: Executor, limit: number): Promise<RefreshOutcome> {
    const lock = await tx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${LOCK}) AS ok`);
    if (!lock.rows[0]?.ok) return { outcome: 'busy' };
    const state = await tx.execute<{ usable: boolean }>(
      sql`SELECT built_at IS NOT NULL AND NOT stale AS usable FROM dashboard_rollup_state`,
    );
    if (!state.rows[0]?.usable) return { outcome: 'needs-rebuild' };
    const { rows: marks } = await tx.execute<{ source: RollupSource; unit_path: string; month: string }>(
      sql`DELETE FROM dashboard_rollup_dirty
           WHERE id IN (SELECT id FROM dashboard_rollup_dirty ORDER BY id LIMIT ${limit})
       RETURNING source, unit_path, to_char(month, 'YYYY-MM-DD') AS month`,
    );
    const groups = new Map<string, { source: RollupSource; month: string; prefixes: Set<string> }>();
    for (const mark of marks) {
      const id = `${mark.source} ${mark.month}`;
      const group = groups.get(id) ?? { source: mark.source, month: mark.month, prefixes: new Set<string>() };
      for (const prefix of pathPrefixes(mark.unit_path)) group.prefixes.add(prefix);
      groups.set(id, group);
    }
    let cells = 0;
    for (const { source, month, prefixes } of groups.values()) {
      const { rows: units } = await tx.execute<{ id: string }>(
        sql`SELECT id FROM org_units WHERE path IN (${sql.join(
          [...prefixes].map((p) => sql`${p}`),
          sql`, `,
        )})`,
      );
      if (units.length === 0) continue;
      const ancestors = units.map((u) => u.id);
      const window = windowOf({ from: month, to: monthEnd(month) }, new Date());
      for (const figure of figuresOf(source)) {
        await tx.execute(sql`DELETE FROM dashboard_rollups WHERE figure = ${figure} AND month = ${month}::date
                               AND unit_id IN (${list(ancestors, 'uuid')})`);
        await tx.execute(sql`DELETE FROM dashboard_rollup_days WHERE figure = ${figure}
                               AND day BETWEEN ${month}::date AND ${monthEnd(month)}::date
                               AND unit_id IN (${list(ancestors, 'uuid')})`);
        await tx.execute(recompute(figure, window, ancestors));
      }
      cells += ancestors.length;
    }
    return { outcome: 'refreshed', changes: marks.length, cells, more: marks.length === limit };
  },

  /**
   * Recomputes every cell of every rolled figure, within the caller's transaction; waits for a running refresh.
   * `rows`: monthly cells, `dayRows`: day cells.
   */
  async rebuild(tx: Executor): Promise<{ rows: number; dayRows: number }> {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOCK})`);
    // Locks the state row: a unit moved while this runs marks the rollups stale again once this commits.
    await tx.execute(sql`UPDATE dashboard_rollup_state SET stale = false`);
    await tx.execute(sql`DELETE FROM dashboard_rollup_dirty`);
    await tx.execute(sql`DELETE FROM dashboard_rollups`);
    await tx.execute(sql`DELETE FROM dashboard_rollup_days`);
    const window = windowOf(ALL_TIME, new Date());
    for (const figure of Object.keys(ROLLED_FIGURES) as TDashboardFigure[])
      await tx.execute(recompute(figure, window, null));
    await tx.execute(sql`UPDATE dashboard_rollup_state SET built_at = now()`);
    const { rows } = await tx.execute<{ count: number; days: number }>(
      sql`SELECT (SELECT count(*) FROM dashboard_rollups)::bigint AS count,
                 (SELECT count(*) FROM dashboard_rollup_days)::bigint AS days`,
    );
    return { rows: Number(rows[0]?.count ?? 0), dayRows: Number(rows[0]?.days ?? 0) };
  },
};

export type DashboardRollupsRepository = typeof dashboardRollupsRepository;
