// Reads of plan versus actual: units of the org tree and the plans of a year with their targets for all themes and
// audiences (the plans module's tables, read with raw SQL; results come from the plans' progress sources).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';

export type PlanActualUnitRow = {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
};

export type PlanTargetsRow = {
  planId: string;
  orgUnitId: string;
  status: string;
  title: string;
  /** Null for a plan without overall targets. */
  metric: string | null;
  period: string | null;
  value: string | null;
};

export const planActualRepository = {
  async findUnit(tx: Executor, id: string): Promise<PlanActualUnitRow | null> {
    const { rows } = await tx.execute<PlanActualUnitRow>(
      sql`SELECT id, code, name, kind, path FROM org_units WHERE id = ${id}`,
    );
    return rows[0] ?? null;
  },

  async findRoot(tx: Executor): Promise<PlanActualUnitRow | null> {
    const { rows } = await tx.execute<PlanActualUnitRow>(
      sql`SELECT id, code, name, kind, path FROM org_units WHERE parent_id IS NULL`,
    );
    return rows[0] ?? null;
  },

  /** The unit's direct children that existed at some time of the year, by kind and code (as the dashboard). */
  async children(tx: Executor, unitId: string, year: number): Promise<PlanActualUnitRow[]> {
    const { rows } = await tx.execute<PlanActualUnitRow>(
      sql`SELECT id, code, name, kind, path FROM org_units
           WHERE parent_id = ${unitId}
             AND (active_from IS NULL OR active_from <= ${`${year}-12-31`}::date)
             AND (active_to IS NULL OR active_to >= ${`${year}-01-01`}::date)
           ORDER BY kind, code`,
    );
    return rows;
  },

  /** The units' plans of the year, one row per target for all themes and audiences (a plan without any: one row). */
  async plansWithTargets(tx: Executor, unitIds: readonly string[], year: number): Promise<PlanTargetsRow[]> {
    if (unitIds.length === 0) return [];
    const { rows } = await tx.execute<PlanTargetsRow>(
      sql`SELECT p.id AS "planId", p.org_unit_id AS "orgUnitId", p.status, p.title, t.metric, t.period,
                 t.value::text AS value
            FROM plans p
            LEFT JOIN plan_targets t ON t.plan_id = p.id AND t.theme_code IS NULL AND t.audience_code IS NULL
           WHERE p.year = ${year} AND p.org_unit_id = ANY(${sql.param([...unitIds])}::uuid[])
           ORDER BY p.org_unit_id, t.sort_order`,
    );
    return rows;
  },
};

export type PlanActualRepository = typeof planActualRepository;
