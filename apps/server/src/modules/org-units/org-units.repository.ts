// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified, which would bind to the inner table.
import { and, count, eq, like, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import type { TOrgUnitListQuery } from '@loa/contracts';
import { adminUnitMerges, adminUnits, orgUnits } from './org-units.table.js';

export type OrgUnitRow = Omit<typeof orgUnits.$inferSelect, 'searchText' | 'createdAt' | 'updatedAt'> & {
  childCount: number;
  userCount: number;
};
export type NewOrgUnitRow = Omit<typeof orgUnits.$inferInsert, 'searchText' | 'createdAt' | 'updatedAt' | 'version'>;

const childCount = sql<number>`(SELECT count(*)::int FROM org_units c WHERE c.parent_id = org_units.id)`;
const userCount = sql<number>`(SELECT count(*)::int FROM users u WHERE u.org_unit_id = org_units.id)`;
const columns = {
  id: orgUnits.id,
  code: orgUnits.code,
  name: orgUnits.name,
  shortName: orgUnits.shortName,
  kind: orgUnits.kind,
  parentId: orgUnits.parentId,
  path: orgUnits.path,
  depth: orgUnits.depth,
  adminUnitCode: orgUnits.adminUnitCode,
  activeFrom: orgUnits.activeFrom,
  activeTo: orgUnits.activeTo,
  version: orgUnits.version,
  childCount,
  userCount,
};
const SORTS = {
  code: { column: orgUnits.code },
  name: { column: orgUnits.name, text: true },
  kind: { column: orgUnits.kind },
  depth: { column: orgUnits.depth },
  path: { column: orgUnits.path },
};

function filters(scopePath: string, query: Partial<TOrgUnitListQuery>): SQL | undefined {
  return and(
    like(orgUnits.path, `${scopePath}%`),
    matchesSearch(query.q, orgUnits.searchText),
    query.kind ? eq(orgUnits.kind, query.kind) : undefined,
    query.parentId ? eq(orgUnits.parentId, query.parentId) : undefined,
    query.active === 'true'
      ? sql`(${orgUnits.activeFrom} IS NULL OR ${orgUnits.activeFrom} <= current_date) AND (${orgUnits.activeTo} IS NULL OR ${orgUnits.activeTo} >= current_date)`
      : undefined,
  );
}

export const orgUnitsRepository = {
  /** One page of units in the subtree `scopePath`, with the total. */
  async list(
    tx: Executor,
    scopePath: string,
    query: TOrgUnitListQuery,
  ): Promise<{ rows: OrgUnitRow[]; total: number }> {
    const where = filters(scopePath, query);
    const { limit, offset } = paging(query);
    const rows = await tx
      .select(columns)
      .from(orgUnits)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, 'path', orgUnits.id))
      .limit(limit)
      .offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(orgUnits).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  /** Every unit of the subtree, parents before children (for export). */
  async listSubtree(tx: Executor, scopePath: string): Promise<OrgUnitRow[]> {
    return tx
      .select(columns)
      .from(orgUnits)
      .where(like(orgUnits.path, `${scopePath}%`))
      .orderBy(orgUnits.depth, orgUnits.code);
  },

  async findById(tx: Executor, id: string, lock = false): Promise<OrgUnitRow | null> {
    const query = tx.select(columns).from(orgUnits).where(eq(orgUnits.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row ?? null;
  },

  async findByCode(tx: Executor, code: string): Promise<OrgUnitRow | null> {
    const [row] = await tx.select(columns).from(orgUnits).where(eq(orgUnits.code, code));
    return row ?? null;
  },

  async findRoot(tx: Executor): Promise<OrgUnitRow | null> {
    const [row] = await tx
      .select(columns)
      .from(orgUnits)
      .where(sql`${orgUnits.parentId} IS NULL`);
    return row ?? null;
  },

  async insert(tx: Executor, values: NewOrgUnitRow): Promise<void> {
    await tx.insert(orgUnits).values(values);
  },

  async insertMany(tx: Executor, values: NewOrgUnitRow[]): Promise<void> {
    if (values.length > 0) await tx.insert(orgUnits).values(values);
  },

  /** Path of a unit, or null when there is none (other modules check scope with it). */
  async findPath(tx: Executor, id: string): Promise<string | null> {
    const [row] = await tx.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, id));
    return row?.path ?? null;
  },

  /** Updates when `version` still matches; returns false when someone else changed the row first. */
  async update(tx: Executor, id: string, version: number, values: Partial<NewOrgUnitRow>): Promise<boolean> {
    const updated = await tx
      .update(orgUnits)
      .set({ ...values, version: sql`${orgUnits.version} + 1`, updatedAt: new Date() })
      .where(and(eq(orgUnits.id, id), eq(orgUnits.version, version)))
      .returning({ id: orgUnits.id });
    return updated.length === 1;
  },

  /** Rewrites the paths of a moved subtree. */
  async moveSubtree(tx: Executor, oldPrefix: string, newPrefix: string): Promise<void> {
    await tx.execute(sql`
      UPDATE org_units
         SET path = ${newPrefix} || substr(path, ${oldPrefix.length + 1}),
             depth = depth + ${newPrefix.split('/').length - oldPrefix.split('/').length}
       WHERE path LIKE ${`${oldPrefix}%`} AND path <> ${oldPrefix}`);
  },

  async delete(tx: Executor, id: string): Promise<void> {
    await tx.delete(orgUnits).where(eq(orgUnits.id, id));
  },

  async countUnits(tx: Executor): Promise<number> {
    const [row] = await tx.select({ n: count() }).from(orgUnits);
    return row?.n ?? 0;
  },

  async countAdminUnits(tx: Executor): Promise<number> {
    const [row] = await tx.select({ n: count() }).from(adminUnits);
    return row?.n ?? 0;
  },

  async insertAdminUnits(
    tx: Executor,
    rows: (typeof adminUnits.$inferInsert)[],
    merges: (typeof adminUnitMerges.$inferInsert)[],
  ) {
    for (let i = 0; i < rows.length; i += 2000)
      await tx
        .insert(adminUnits)
        .values(rows.slice(i, i + 2000))
        .onConflictDoNothing();
    for (let i = 0; i < merges.length; i += 2000) {
      await tx
        .insert(adminUnitMerges)
        .values(merges.slice(i, i + 2000))
        .onConflictDoNothing();
    }
  },

  /** New-structure units formed from the old administrative unit `oldCode`. */
  async successors(tx: Executor, oldCode: string) {
    return tx
      .select({
        oldCode: adminUnitMerges.oldCode,
        oldName: sql<string>`coalesce((SELECT name FROM admin_units o WHERE o.structure = '63' AND o.code = admin_unit_merges.old_code), '')`,
        newCode: adminUnitMerges.newCode,
        newName: adminUnits.name,
        type: adminUnitMerges.type,
      })
      .from(adminUnitMerges)
      .innerJoin(adminUnits, and(eq(adminUnits.structure, '34'), eq(adminUnits.code, adminUnitMerges.newCode)))
      .where(eq(adminUnitMerges.oldCode, oldCode))
      .orderBy(adminUnitMerges.newCode);
  },
};

export type OrgUnitsRepository = typeof orgUnitsRepository;

/** A unit as other modules need it: to name it, and to check scope by its materialised path. */
export interface UnitInfo {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
}

/** How other modules find units (`orgUnitsRepository` provides it). */
export interface UnitLookup {
  findById(tx: Executor, id: string): Promise<UnitInfo | null>;
  findByCode(tx: Executor, code: string): Promise<UnitInfo | null>;
}
