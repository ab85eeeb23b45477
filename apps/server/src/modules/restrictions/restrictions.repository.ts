import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { TRestrictionListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { paging } from '../../platform/db/paging.js';
import { restrictions } from './restrictions.table.js';

export type RestrictionRow = {
  id: string;
  orgUnitId: string;
  orgUnitCode: string;
  orgUnitName: string;
  areaPath: string;
  startsOn: string;
  endsOn: string | null;
  regulationId: string | null;
  regulationNumber: string | null;
  regulationTitle: string | null;
  basisText: string | null;
  kinds: string[];
  note: string | null;
  createdByName: string | null;
  createdAt: Date;
  liftedAt: Date | null;
  liftedByName: string | null;
  liftReason: string | null;
  version: number;
};
export type NewRestrictionRow = Omit<
  typeof restrictions.$inferInsert,
  'id' | 'createdAt' | 'version' | 'liftedAt' | 'liftedBy' | 'liftReason'
>;

const TODAY = sql`(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

const SELECT = sql`
  SELECT r.id, r.org_unit_id AS "orgUnitId", o.code AS "orgUnitCode", o.name AS "orgUnitName", o.path AS "areaPath",
    to_char(r.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(r.ends_on, 'YYYY-MM-DD') AS "endsOn",
    r.regulation_id AS "regulationId", g.number AS "regulationNumber", g.summary AS "regulationTitle",
    r.basis_text AS "basisText", r.kinds, r.note, cu.full_name AS "createdByName", r.created_at AS "createdAt",
    r.lifted_at AS "liftedAt", lu.full_name AS "liftedByName", r.lift_reason AS "liftReason", r.version
  FROM restrictions r
  JOIN org_units o ON o.id = r.org_unit_id
  LEFT JOIN regulations g ON g.id = r.regulation_id
  LEFT JOIN users cu ON cu.id = r.created_by
  LEFT JOIN users lu ON lu.id = r.lifted_by`;

/** Rows of raw SQL come back with timestamps as strings: make them Dates as drizzle's do. */
function typed(row: RestrictionRow): RestrictionRow {
  return {
    ...row,
    createdAt: new Date(row.createdAt),
    liftedAt: row.liftedAt === null ? null : new Date(row.liftedAt),
  };
}

/** Restrictions an actor may read: of their subtree, or of a unit above them (`scopePath` '/' : all). */
function visible(scopePath: string): SQL {
  return sql`(o.path LIKE ${`${scopePath}%`} OR ${scopePath} LIKE o.path || '%')`;
}

function filters(query: TRestrictionListQuery, scopePath: string, unitPath: string | null): SQL {
  const parts: SQL[] = [visible(scopePath)];
  if (unitPath !== null) parts.push(sql`(o.path LIKE ${`${unitPath}%`} OR ${unitPath} LIKE o.path || '%')`);
  if (query.q)
    parts.push(
      sql`loa_fold(o.name || ' ' || coalesce(g.number, '') || ' ' || coalesce(r.basis_text, '') || ' ' || coalesce(r.note, '')) LIKE '%' || loa_fold(${query.q}) || '%'`,
    );
  if (query.state === 'lifted') parts.push(sql`r.lifted_at IS NOT NULL`);
  if (query.state === 'ended') parts.push(sql`r.lifted_at IS NULL AND r.ends_on < ${TODAY}`);
  if (query.state === 'in_force') parts.push(sql`r.lifted_at IS NULL AND (r.ends_on IS NULL OR r.ends_on >= ${TODAY})`);
  return sql.join(parts, sql` AND `);
}

const SORTS: Record<string, SQL> = {
  startsOn: sql`r.starts_on`,
  endsOn: sql`r.ends_on`,
  area: sql`o.name COLLATE "vi-x-icu"`,
  createdAt: sql`r.created_at`,
};

export const restrictionsRepository = {
  /** A page of the restrictions visible from `scopePath`, touching `unitPath` when given (newest first by default). */
  async list(
    tx: Executor,
    query: TRestrictionListQuery,
    scopePath: string,
    unitPath: string | null,
    all = false,
  ): Promise<{ rows: RestrictionRow[]; total: number }> {
    const where = filters(query, scopePath, unitPath);
    const sort = query.sort ?? '-startsOn';
    const column = SORTS[sort.replace(/^-/, '')] ?? SORTS.startsOn!;
    const direction = sort.startsWith('-') ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`;
    const { limit, offset } = paging(query);
    const page = all ? sql`LIMIT 100000` : sql`LIMIT ${limit} OFFSET ${offset}`;
    const { rows } = await tx.execute<RestrictionRow>(
      sql`${SELECT} WHERE ${where} ORDER BY ${column} ${direction}, r.id ${page}`,
    );
    const { rows: totals } = await tx.execute<{ total: number }>(sql`
      SELECT count(*)::int AS total FROM restrictions r JOIN org_units o ON o.id = r.org_unit_id
      LEFT JOIN regulations g ON g.id = r.regulation_id WHERE ${where}`);
    return { rows: rows.map(typed), total: totals[0]?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<RestrictionRow | null> {
    const { rows } = await tx.execute<RestrictionRow>(
      sql`${SELECT} WHERE r.id = ${id} ${lock ? sql`FOR UPDATE OF r` : sql``}`,
    );
    return rows[0] ? typed(rows[0]) : null;
  },

  /** Restrictions whose area is `unitPath`'s unit or one above it, not lifted before `since` (candidates to block). */
  async findAboveOrAt(tx: Executor, unitPath: string, since: Date): Promise<RestrictionRow[]> {
    const { rows } = await tx.execute<RestrictionRow>(sql`${SELECT}
      WHERE ${unitPath} LIKE o.path || '%' AND (r.lifted_at IS NULL OR r.lifted_at > ${since.toISOString()})
      ORDER BY r.starts_on, r.id`);
    return rows.map(typed);
  },

  /** Restrictions of the same area, not lifted, sharing a form with `kinds`: candidates for an overlap. */
  async findSameArea(tx: Executor, orgUnitId: string, kinds: readonly string[]): Promise<RestrictionRow[]> {
    const { rows } = await tx.execute<RestrictionRow>(sql`${SELECT}
      WHERE r.org_unit_id = ${orgUnitId} AND r.lifted_at IS NULL
        AND r.kinds && ${sql.param([...kinds], restrictions.kinds)}`);
    return rows.map(typed);
  },

  /** Serialises writes to one area's restrictions, so that two overlapping ones cannot both pass the check. */
  async lockArea(tx: Executor, orgUnitId: string): Promise<void> {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('restrictions:' || ${orgUnitId}))`);
  },

  async insert(tx: Executor, values: NewRestrictionRow): Promise<string> {
    const [row] = await tx.insert(restrictions).values(values).returning({ id: restrictions.id });
    return row!.id;
  },

  /** Records the lifting when `version` still matches; false when someone else changed it first. */
  async lift(tx: Executor, id: string, version: number, by: string | null, reason: string): Promise<boolean> {
    const updated = await tx
      .update(restrictions)
      .set({ liftedAt: new Date(), liftedBy: by, liftReason: reason, version: sql`${restrictions.version} + 1` })
      .where(and(eq(restrictions.id, id), eq(restrictions.version, version)))
      .returning({ id: restrictions.id });
    return updated.length === 1;
  },
};

export type RestrictionsRepository = typeof restrictionsRepository;
