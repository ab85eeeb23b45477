import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { TPlanListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { plans, planTargets } from './plans.table.js';

export type PlanRow = {
  id: string;
  orgUnitId: string;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitKind: string;
  orgUnitPath: string;
  orgUnitParentId: string | null;
  year: number;
  guidanceYear: number;
  title: string;
  notes: string | null;
  status: string;
  submittedBy: string | null;
  submittedByName: string | null;
  submittedAt: Date | null;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: Date | null;
  returnedBy: string | null;
  returnedByName: string | null;
  returnedAt: Date | null;
  returnedReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};
export type NewPlanRow = Omit<typeof plans.$inferInsert, 'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'>;

export type TargetRow = {
  planId: string;
  metric: string;
  period: string;
  themeCode: string | null;
  audienceCode: string | null;
  value: number;
  note: string | null;
};
export type NewTargetRow = Omit<TargetRow, 'planId'>;

export type KeyedSumRow = {
  metric: string;
  period: string;
  themeCode: string | null;
  audienceCode: string | null;
  sum: number;
};

export type PlanUnitRow = {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  path: string;
};

export type PlanSummaryRow = {
  id: string;
  orgUnitId: string;
  status: string;
  title: string;
  version: number;
};

// A dedicated advisory-lock namespace (with hashtext of unit and year): splits of one parent are checked one at a time.
const SPLIT_LOCK = 727_004;

// Raw queries get timestamps as text (drizzle's parsers): ISO 8601 in UTC, turned into Dates by `planRow`.
const isoOf = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const SELECT_PLAN = sql.raw(`
  SELECT p.id, p.org_unit_id AS "orgUnitId", o.code AS "orgUnitCode", o.name AS "orgUnitName",
         o.kind AS "orgUnitKind", o.path AS "orgUnitPath", o.parent_id AS "orgUnitParentId",
         p.year, p.guidance_year AS "guidanceYear", p.title, p.notes, p.status,
         p.submitted_by AS "submittedBy", su.full_name AS "submittedByName", ${isoOf('p.submitted_at')} AS "submittedAt",
         p.approved_by AS "approvedBy", au.full_name AS "approvedByName", ${isoOf('p.approved_at')} AS "approvedAt",
         p.returned_by AS "returnedBy", ru.full_name AS "returnedByName", ${isoOf('p.returned_at')} AS "returnedAt",
         p.returned_reason AS "returnedReason", p.version,
         ${isoOf('p.created_at')} AS "createdAt", ${isoOf('p.updated_at')} AS "updatedAt"
    FROM plans p
    JOIN org_units o ON o.id = p.org_unit_id
    LEFT JOIN users su ON su.id = p.submitted_by
    LEFT JOIN users au ON au.id = p.approved_by
    LEFT JOIN users ru ON ru.id = p.returned_by`);

type PlanRawRow = Omit<PlanRow, 'submittedAt' | 'approvedAt' | 'returnedAt' | 'createdAt' | 'updatedAt'> & {
  submittedAt: string | null;
  approvedAt: string | null;
  returnedAt: string | null;
  createdAt: string;
  updatedAt: string;
};
const dateOrNull = (value: string | null) => (value ? new Date(value) : null);
const planRow = (raw: PlanRawRow): PlanRow => ({
  ...raw,
  submittedAt: dateOrNull(raw.submittedAt),
  approvedAt: dateOrNull(raw.approvedAt),
  returnedAt: dateOrNull(raw.returnedAt),
  createdAt: new Date(raw.createdAt),
  updatedAt: new Date(raw.updatedAt),
});

const SORTS = {
  year: { column: sql.raw('p.year') },
  unit: { column: sql.raw('o.code') },
  unitName: { column: sql.raw('o.name'), text: true },
  title: { column: sql.raw('p.title'), text: true },
  status: { column: sql.raw('p.status') },
  updatedAt: { column: sql.raw('p.updated_at') },
};

function filters(scopePath: string, query: Partial<TPlanListQuery>): SQL {
  return and(
    sql`o.path LIKE ${`${scopePath}%`}`,
    matchesSearch(query.q, sql.raw(`(p.search_text || ' ' || loa_fold(o.code || ' ' || o.name))`)),
    query.year ? sql`p.year = ${query.year}` : undefined,
    query.status ? sql`p.status = ${query.status}` : undefined,
    query.orgUnitId
      ? sql`o.path LIKE (SELECT u.path FROM org_units u WHERE u.id = ${query.orgUnitId}) || '%'`
      : undefined,
  )!;
}

export const plansRepository = {
  /** One page of the plans of units under `scopePath` matching the filters (every match when `all`), with the total. */
  async list(
    tx: Executor,
    scopePath: string,
    query: TPlanListQuery,
    all = false,
  ): Promise<{ rows: PlanRow[]; total: number }> {
    const where = filters(scopePath, query);
    const order = ordering(query.sort, SORTS, '-year', sql.raw('o.path'));
    const { limit, offset } = all ? { limit: 100_000, offset: 0 } : paging(query);
    const { rows } = await tx.execute<PlanRawRow>(sql`${SELECT_PLAN} WHERE ${where}
      ORDER BY ${sql.join(order, sql`, `)} LIMIT ${limit} OFFSET ${offset}`);
    const { rows: totals } = await tx.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM plans p JOIN org_units o ON o.id = p.org_unit_id WHERE ${where}`);
    return { rows: rows.map(planRow), total: totals[0]?.n ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<PlanRow | null> {
    const { rows } = await tx.execute<PlanRawRow>(
      sql`${SELECT_PLAN} WHERE p.id = ${id}${lock ? sql` FOR UPDATE OF p` : sql``}`,
    );
    return rows[0] ? planRow(rows[0]) : null;
  },

  async findByUnitYear(tx: Executor, orgUnitId: string, year: number): Promise<PlanRow | null> {
    const { rows } = await tx.execute<PlanRawRow>(
      sql`${SELECT_PLAN} WHERE p.org_unit_id = ${orgUnitId} AND p.year = ${year}`,
    );
    return rows[0] ? planRow(rows[0]) : null;
  },

  /** Inserts a plan; null when the unit already has one for the year. */
  async insert(tx: Executor, values: NewPlanRow): Promise<string | null> {
    const rows = await tx.insert(plans).values(values).onConflictDoNothing().returning({ id: plans.id });
    return rows[0]?.id ?? null;
  },

  /** Updates when `version` still matches; false when someone else changed the plan first. */
  async update(tx: Executor, id: string, version: number, values: Partial<NewPlanRow>): Promise<boolean> {
    const updated = await tx
      .update(plans)
      .set({ ...values, version: sql`${plans.version} + 1`, updatedAt: new Date() })
      .where(and(eq(plans.id, id), eq(plans.version, version)))
      .returning({ id: plans.id });
    return updated.length === 1;
  },

  /** Deletes a plan with its targets (ON DELETE CASCADE). */
  async delete(tx: Executor, id: string): Promise<void> {
    await tx.delete(plans).where(eq(plans.id, id));
  },

  /** The targets of the given plans, each plan's in the order they were entered. */
  async listTargets(tx: Executor, planIds: readonly string[]): Promise<TargetRow[]> {
    if (planIds.length === 0) return [];
    const { rows } = await tx.execute<TargetRow>(sql`
      SELECT plan_id AS "planId", metric, period, theme_code AS "themeCode", audience_code AS "audienceCode", value, note
        FROM plan_targets WHERE plan_id = ANY(${sql.param([...planIds])}::uuid[])
       ORDER BY plan_id, sort_order`);
    return rows;
  },

  /** Replaces a plan's whole target set. */
  async replaceTargets(tx: Executor, planId: string, targets: readonly NewTargetRow[]): Promise<void> {
    await tx.delete(planTargets).where(eq(planTargets.planId, planId));
    if (targets.length === 0) return;
    await tx.insert(planTargets).values(targets.map((target, index) => ({ ...target, planId, sortOrder: index })));
  },

  /** Per target key, the sum over the plans of `year` of the children of `parentUnitId` (leaving out one child). */
  async sumChildTargets(
    tx: Executor,
    parentUnitId: string,
    year: number,
    exceptUnitId: string | null = null,
  ): Promise<KeyedSumRow[]> {
    const { rows } = await tx.execute<KeyedSumRow>(sql`
      SELECT t.metric, t.period, t.theme_code AS "themeCode", t.audience_code AS "audienceCode", sum(t.value)::bigint AS sum
        FROM plan_targets t
        JOIN plans p ON p.id = t.plan_id
        JOIN org_units o ON o.id = p.org_unit_id
       WHERE o.parent_id = ${parentUnitId} AND p.year = ${year}
         ${exceptUnitId ? sql`AND o.id <> ${exceptUnitId}` : sql``}
       GROUP BY t.metric, t.period, t.theme_code, t.audience_code`);
    return rows;
  },

  async hasChildUnits(tx: Executor, unitId: string): Promise<boolean> {
    const { rows } = await tx.execute<{ found: boolean }>(
      sql`SELECT EXISTS (SELECT 1 FROM org_units WHERE parent_id = ${unitId}) AS found`,
    );
    return rows[0]?.found ?? false;
  },

  /**
   * Serialises changes to the split of `unitId`'s targets for `year` among its children, until the end of the
   * transaction. Callers take their parent's group before their own, so locks are always taken top-down.
   */
  async lockSplitGroup(tx: Executor, unitId: string, year: number): Promise<void> {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SPLIT_LOCK}, hashtext(${`${unitId}:${year}`}))`);
  },

  async findUnit(tx: Executor, id: string): Promise<PlanUnitRow | null> {
    const { rows } = await tx.execute<PlanUnitRow>(
      sql`SELECT id, code, name, kind, parent_id AS "parentId", path FROM org_units WHERE id = ${id}`,
    );
    return rows[0] ?? null;
  },

  async findUnitByCode(tx: Executor, code: string): Promise<PlanUnitRow | null> {
    const { rows } = await tx.execute<PlanUnitRow>(
      sql`SELECT id, code, name, kind, parent_id AS "parentId", path FROM org_units WHERE code = ${code}`,
    );
    return rows[0] ?? null;
  },

  /** The unit whose path is exactly `path` (the top of a scope), or null. */
  async findUnitByPath(tx: Executor, path: string): Promise<PlanUnitRow | null> {
    const { rows } = await tx.execute<PlanUnitRow>(
      sql`SELECT id, code, name, kind, parent_id AS "parentId", path FROM org_units WHERE path = ${path}`,
    );
    return rows[0] ?? null;
  },

  async findRootUnit(tx: Executor): Promise<PlanUnitRow | null> {
    const { rows } = await tx.execute<PlanUnitRow>(
      sql`SELECT id, code, name, kind, parent_id AS "parentId", path FROM org_units WHERE parent_id IS NULL`,
    );
    return rows[0] ?? null;
  },

  /** Every unit of the subtree `path`, parents before children, siblings by code. */
  async listSubtreeUnits(tx: Executor, path: string): Promise<PlanUnitRow[]> {
    const { rows } = await tx.execute<PlanUnitRow>(sql`
      SELECT id, code, name, kind, parent_id AS "parentId", path FROM org_units
       WHERE path LIKE ${`${path}%`} ORDER BY depth, code`);
    return rows;
  },

  /** The plans of `year` of the units of the subtree `path`. */
  async listPlansOfYear(tx: Executor, path: string, year: number): Promise<PlanSummaryRow[]> {
    const { rows } = await tx.execute<PlanSummaryRow>(sql`
      SELECT p.id, p.org_unit_id AS "orgUnitId", p.status, p.title, p.version
        FROM plans p JOIN org_units o ON o.id = p.org_unit_id
       WHERE p.year = ${year} AND o.path LIKE ${`${path}%`}`);
    return rows;
  },

  /** The latest guidance year not after `year` (else the earliest there is), or null on an empty catalog. */
  async guidanceYearFor(tx: Executor, year: number): Promise<number | null> {
    const { rows } = await tx.execute<{ year: number }>(sql`
      SELECT year FROM guidance_years ORDER BY (year <= ${year}) DESC, abs(year - ${year}) LIMIT 1`);
    return rows[0]?.year ?? null;
  },

  async guidanceYearExists(tx: Executor, year: number): Promise<boolean> {
    const { rows } = await tx.execute<{ found: boolean }>(
      sql`SELECT EXISTS (SELECT 1 FROM guidance_years WHERE year = ${year}) AS found`,
    );
    return rows[0]?.found ?? false;
  },

  /** The theme and audience codes of a guidance year. */
  async guidanceCodes(tx: Executor, year: number): Promise<{ themes: Set<string>; audiences: Set<string> }> {
    const { rows } = await tx.execute<{ kind: string; code: string }>(
      sql`SELECT kind, code FROM guidance_items WHERE year = ${year} AND kind IN ('theme', 'audience')`,
    );
    return {
      themes: new Set(rows.filter((r) => r.kind === 'theme').map((r) => r.code)),
      audiences: new Set(rows.filter((r) => r.kind === 'audience').map((r) => r.code)),
    };
  },
};

export type PlansRepository = typeof plansRepository;
