// Direct aggregation of the dashboard figures (decision 0041): one grouped query per figure and view — the scope's
// total by breakdown key, its months, its child units side by side — over the sources of dashboard-sources.repository.ts.
import { sql, type SQL } from 'drizzle-orm';
import type { TDashboardFigure } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { attributed, SOURCES, type SourceScope, type SourceWindow } from './dashboard-sources.repository.js';

export type DashboardUnitRow = {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
};

export type DrillRow = {
  id: string;
  title: string;
  day: string;
  value: number;
  ref: string | null;
  refYear: number | null;
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
  /** The row's position in the order (time as text, id) for the next chunk of an export. */
  atKey: string;
};

/** Where the drill continues: after the row with this time and id (newest first). */
export interface DrillCursor {
  atKey: string;
  id: string;
}

const rowsOf = (figure: TDashboardFigure, w: SourceWindow, scope: SourceScope) => SOURCES[figure].rows(w, scope);
const inScope = (figure: TDashboardFigure, scope: SourceScope) =>
  attributed(figure, sql`${`${scope.path}%`}`, scope.root);
// Records that add nothing (an event nobody attended, a publication without readings) are not "behind" a figure.
const contributes = sql`b.value <> 0`;

function drillWhere(figure: TDashboardFigure, scope: SourceScope, after: DrillCursor | null): SQL {
  const cursor = after ? sql`AND (b.at, b.id) < (${after.atKey}::timestamptz, ${after.id}::uuid)` : sql``;
  return sql`${inScope(figure, scope)} AND ${contributes} ${cursor}`;
}

export const dashboardRepository = {
  async findUnit(tx: Executor, id: string): Promise<DashboardUnitRow | null> {
    const { rows } = await tx.execute<DashboardUnitRow>(
      sql`SELECT id, code, name, kind, path FROM org_units WHERE id = ${id}`,
    );
    return rows[0] ?? null;
  },

  async findRoot(tx: Executor): Promise<DashboardUnitRow | null> {
    const { rows } = await tx.execute<DashboardUnitRow>(
      sql`SELECT id, code, name, kind, path FROM org_units WHERE parent_id IS NULL`,
    );
    return rows[0] ?? null;
  },

  /** The unit's direct children that existed at some time of the period, by kind and code. */
  async children(tx: Executor, unitId: string, from: string, to: string): Promise<DashboardUnitRow[]> {
    const { rows } = await tx.execute<DashboardUnitRow>(
      sql`SELECT id, code, name, kind, path FROM org_units
           WHERE parent_id = ${unitId}
             AND (active_from IS NULL OR active_from <= ${to}::date) AND (active_to IS NULL OR active_to >= ${from}::date)
           ORDER BY kind, code`,
    );
    return rows;
  },

  /** The figure for the scope, per breakdown key (their sum is the figure). */
  async byKey(
    tx: Executor,
    figure: TDashboardFigure,
    w: SourceWindow,
    scope: SourceScope,
  ): Promise<{ key: string; value: number }[]> {
    const { rows } = await tx.execute<{ key: string; value: number }>(
      sql`SELECT b.key, sum(b.value)::bigint AS value FROM (${rowsOf(figure, w, scope)}) b
           WHERE ${inScope(figure, scope)} GROUP BY b.key`,
    );
    return rows.map((r) => ({ key: r.key, value: Number(r.value) }));
  },

  /** The figure for the scope per month (yyyy-mm) of the records' days. */
  async byMonth(
    tx: Executor,
    figure: TDashboardFigure,
    w: SourceWindow,
    scope: SourceScope,
  ): Promise<Map<string, number>> {
    const { rows } = await tx.execute<{ month: string; value: number }>(
      sql`SELECT to_char(b.day, 'YYYY-MM') AS month, sum(b.value)::bigint AS value FROM (${rowsOf(figure, w, scope)}) b
           WHERE ${inScope(figure, scope)} GROUP BY 1`,
    );
    return new Map(rows.map((r) => [r.month, Number(r.value)]));
  },

  /** The figure for each of `children` (units below the scope), in one grouped query. */
  async byChild(
    tx: Executor,
    figure: TDashboardFigure,
    w: SourceWindow,
    scope: SourceScope,
    children: readonly { id: string; path: string }[],
  ): Promise<Map<string, number>> {
    if (children.length === 0) return new Map();
    const units = sql.join(
      children.map((c) => sql`(${c.id}::uuid, ${c.path}::text)`),
      sql`, `,
    );
    const { rows } = await tx.execute<{ id: string; value: number }>(
      sql`SELECT c.id, coalesce(sum(b.value), 0)::bigint AS value
            FROM (VALUES ${units}) AS c(id, path)
            LEFT JOIN (${rowsOf(figure, w, scope)}) b ON ${attributed(figure, sql`c.path || '%'`, false)}
           GROUP BY c.id`,
    );
    return new Map(rows.map((r) => [r.id, Number(r.value)]));
  },

  /** How many records are behind the figure, and the sum of what they add. */
  async drillTotal(
    tx: Executor,
    figure: TDashboardFigure,
    w: SourceWindow,
    scope: SourceScope,
  ): Promise<{ count: number; sum: number }> {
    const { rows } = await tx.execute<{ count: number; sum: number }>(
      sql`SELECT count(*)::bigint AS count, coalesce(sum(b.value), 0)::bigint AS sum
            FROM (${rowsOf(figure, w, scope)}) b WHERE ${drillWhere(figure, scope, null)}`,
    );
    return { count: Number(rows[0]?.count ?? 0), sum: Number(rows[0]?.sum ?? 0) };
  },

  /** The records behind the figure, newest first: a page (`offset`), or the chunk after `after`. */
  async drill(
    tx: Executor,
    figure: TDashboardFigure,
    w: SourceWindow,
    scope: SourceScope,
    page: { limit: number; offset?: number; after?: DrillCursor | null },
  ): Promise<DrillRow[]> {
    const { rows } = await tx.execute<DrillRow>(
      sql`SELECT b.id::text AS id, b.title, b.day::text AS day, b.value, b.ref, b.ref_year AS "refYear",
                 du.id AS "unitId", du.code AS "unitCode", du.name AS "unitName", b.at::text AS "atKey"
            FROM (${rowsOf(figure, w, scope)}) b LEFT JOIN org_units du ON du.id = b.unit_id
           WHERE ${drillWhere(figure, scope, page.after ?? null)}
           ORDER BY b.at DESC, b.id DESC LIMIT ${page.limit} OFFSET ${page.offset ?? 0}`,
    );
    return rows.map((r) => ({ ...r, value: Number(r.value) }));
  },

  /** Names of product types by code, from the newest guidance catalog that has each. */
  async productTypeLabels(tx: Executor, codes: readonly string[]): Promise<Map<string, { vi: string; en: string }>> {
    if (codes.length === 0) return new Map();
    const { rows } = await tx.execute<{ code: string; vi: string; en: string }>(
      sql`SELECT DISTINCT ON (code) code, name_vi AS vi, name_en AS en FROM guidance_items
           WHERE kind = 'product_type' AND code IN (${sql.join(
             codes.map((c) => sql`${c}`),
             sql`, `,
           )})
           ORDER BY code, year DESC`,
    );
    return new Map(rows.map((r) => [r.code, { vi: r.vi, en: r.en }]));
  },
};

export type DashboardRepository = typeof dashboardRepository;
