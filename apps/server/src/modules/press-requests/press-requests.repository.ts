// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified.
import { and, asc, count, eq, getTableColumns, gte, inArray, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { TPressRequestListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import type { PressRequestRow } from './press-request-view.js';
import { pressRequests, pressRequestSteps } from './press-requests.table.js';

const unitOf = (column: string) => ({
  code: sql<string>`(SELECT code FROM org_units o WHERE o.id = press_requests.${sql.raw(column)})`,
  name: sql<string>`(SELECT name FROM org_units o WHERE o.id = press_requests.${sql.raw(column)})`,
  path: sql<string>`(SELECT path FROM org_units o WHERE o.id = press_requests.${sql.raw(column)})`,
});
const receiving = unitOf('receiving_unit_id');
const owning = unitOf('owning_unit_id');

const { searchText: _searchText, ...tableColumns } = getTableColumns(pressRequests);
const columns = {
  ...tableColumns,
  receivingUnitCode: receiving.code,
  receivingUnitName: receiving.name,
  receivingUnitPath: receiving.path,
  owningUnitCode: owning.code as SQL<string | null>,
  owningUnitName: owning.name as SQL<string | null>,
  owningUnitPath: owning.path as SQL<string | null>,
  spokespersonName: sql<string | null>`(SELECT full_name FROM users u WHERE u.id = press_requests.spokesperson_id)`,
} as const;

export type { PressRequestRow };

export type PressRequestChanges = Partial<
  Omit<typeof pressRequests.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'searchText'>
>;

/** Whom the caller may see: the receiving or owning unit in their subtree, or requests they are spokesperson of. */
export interface Visibility {
  scopePath: string;
  userId: string | null;
}

const SORTS = {
  receivedAt: { column: pressRequests.receivedAt },
  deadline: { column: pressRequests.deadline },
  topic: { column: pressRequests.topic, text: true },
  outletName: { column: pressRequests.outletName, text: true },
  status: { column: pressRequests.status },
  updatedAt: { column: pressRequests.updatedAt },
};

const OPEN_EXCLUDED = ['answered', 'declined'];
const scopeLike = (scopePath: string) => `${scopePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filters(query: TPressRequestListQuery, visible: Visibility, now: Date): SQL | undefined {
  const like = scopeLike(visible.scopePath);
  const open = notInArray(pressRequests.status, OPEN_EXCLUDED);
  return and(
    or(
      sql`${receiving.path} LIKE ${like}`,
      sql`${owning.path} LIKE ${like}`,
      visible.userId ? eq(pressRequests.spokespersonId, visible.userId) : undefined,
    ),
    matchesSearch(query.q, pressRequests.searchText),
    query.status ? eq(pressRequests.status, query.status) : undefined,
    query.outletId ? eq(pressRequests.outletId, query.outletId) : undefined,
    query.contactId ? eq(pressRequests.contactId, query.contactId) : undefined,
    query.unitId
      ? sql`(${receiving.path} LIKE (SELECT path FROM org_units WHERE id = ${query.unitId}) || '%'
          OR ${owning.path} LIKE (SELECT path FROM org_units WHERE id = ${query.unitId}) || '%')`
      : undefined,
    query.overdue === 'true' ? and(open, sql`${pressRequests.deadline} < ${now.toISOString()}`) : undefined,
    query.overdue === 'false'
      ? or(inArray(pressRequests.status, OPEN_EXCLUDED), sql`${pressRequests.deadline} >= ${now.toISOString()}`)
      : undefined,
    query.from ? sql`(${pressRequests.receivedAt} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= ${query.from}` : undefined,
    query.to ? sql`(${pressRequests.receivedAt} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= ${query.to}` : undefined,
  );
}

export const pressRequestsRepository = {
  async list(
    tx: Executor,
    query: TPressRequestListQuery,
    visible: Visibility,
    now: Date,
    all = false,
  ): Promise<{ rows: PressRequestRow[]; total: number }> {
    const where = filters(query, visible, now);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(pressRequests)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, '-receivedAt', pressRequests.id));
    const rows = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(pressRequests).where(where);
    return { rows: rows as PressRequestRow[], total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<PressRequestRow | null> {
    const query = tx.select(columns).from(pressRequests).where(eq(pressRequests.id, id));
    const [row] = lock ? await query.for('update', { of: pressRequests }) : await query;
    return (row as PressRequestRow | undefined) ?? null;
  },

  async insert(tx: Executor, values: typeof pressRequests.$inferInsert): Promise<string> {
    const [row] = await tx.insert(pressRequests).values(values).returning({ id: pressRequests.id });
    return row!.id;
  },

  /** Applies a change if the row still has `version`; false when someone changed it since. */
  async update(tx: Executor, id: string, version: number, changes: PressRequestChanges): Promise<boolean> {
    const rows = await tx
      .update(pressRequests)
      .set({ ...changes, version: sql`${pressRequests.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(pressRequests.id, id), eq(pressRequests.version, version)))
      .returning({ id: pressRequests.id });
    return rows.length === 1;
  },

  async insertStep(tx: Executor, values: Omit<typeof pressRequestSteps.$inferInsert, 'id' | 'createdAt'>) {
    await tx.insert(pressRequestSteps).values(values);
  },

  async steps(tx: Executor, requestId: string) {
    return tx
      .select({
        id: pressRequestSteps.id,
        kind: pressRequestSteps.kind,
        body: pressRequestSteps.body,
        authorName: pressRequestSteps.authorName,
        createdAt: pressRequestSteps.createdAt,
      })
      .from(pressRequestSteps)
      .where(eq(pressRequestSteps.requestId, requestId))
      .orderBy(asc(pressRequestSteps.createdAt), asc(pressRequestSteps.id));
  },

  /** Open requests whose deadline falls between `from` and `to`, soonest first. */
  async dueBetween(tx: Executor, from: Date, to: Date): Promise<PressRequestRow[]> {
    const rows = await tx
      .select(columns)
      .from(pressRequests)
      .where(
        and(
          notInArray(pressRequests.status, OPEN_EXCLUDED),
          gte(pressRequests.deadline, from),
          lte(pressRequests.deadline, to),
        ),
      )
      .orderBy(asc(pressRequests.deadline), asc(pressRequests.id));
    return rows as PressRequestRow[];
  },

  /** An active user, for the spokesperson picker and checks. */
  async activeUser(tx: Executor, id: string): Promise<{ id: string; name: string } | null> {
    const result = await tx.execute<{ id: string; name: string }>(
      sql`SELECT id, full_name AS name FROM users WHERE id = ${id} AND NOT disabled`,
    );
    return result.rows[0] ?? null;
  },

  /** Active users who may speak for a unit (leaders, officers), matching `q`, by name. */
  async people(tx: Executor, q: string | undefined): Promise<{ id: string; name: string; unitName: string }[]> {
    const words = matchesSearch(q, sql`loa_fold(u.full_name || ' ' || o.name)`);
    const result = await tx.execute<{ id: string; name: string; unitName: string }>(
      sql`SELECT u.id, u.full_name AS name, o.name AS "unitName" FROM users u JOIN org_units o ON o.id = u.org_unit_id
          WHERE NOT u.disabled AND NOT (u.roles <@ ARRAY['viewer']) ${words ? sql`AND ${words}` : sql``}
          ORDER BY u.full_name COLLATE "vi-x-icu", u.id LIMIT 50`,
    );
    return result.rows;
  },

  async usersByIds(tx: Executor, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const result = await tx.execute<{ id: string; name: string }>(
      sql`SELECT id, full_name AS name FROM users WHERE id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    return new Map(result.rows.map((r) => [r.id, r.name]));
  },
};

export type PressRequestsRepository = typeof pressRequestsRepository;
