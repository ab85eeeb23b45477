import { and, count, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { TUserListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { users } from './users.table.js';

const unitPath = sql<string>`(SELECT path FROM org_units o WHERE o.id = users.org_unit_id)`;
const columns = {
  id: users.id,
  username: users.username,
  email: users.email,
  fullName: users.fullName,
  phone: users.phone,
  title: users.title,
  roles: users.roles,
  orgUnitId: users.orgUnitId,
  orgUnitCode: sql<string>`(SELECT code FROM org_units o WHERE o.id = users.org_unit_id)`,
  orgUnitName: sql<string>`(SELECT name FROM org_units o WHERE o.id = users.org_unit_id)`,
  orgUnitKind: sql<string>`(SELECT kind FROM org_units o WHERE o.id = users.org_unit_id)`,
  orgUnitPath: unitPath,
  passwordHash: users.passwordHash,
  mustChangePassword: users.mustChangePassword,
  locale: users.locale,
  disabled: users.disabled,
  failedLogins: users.failedLogins,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  version: users.version,
};
/** What a user read selects (the auth module reads it joined with the session, in one statement). */
export const userColumns = columns;
export type UserRow = {
  [K in keyof typeof columns]: (typeof columns)[K] extends SQL.Aliased<infer T> | SQL<infer T>
    ? T
    : (typeof users.$inferSelect)[K & keyof typeof users.$inferSelect];
};
export type NewUserRow = Omit<typeof users.$inferInsert, 'searchText'>;

const SORTS = {
  username: { column: users.username },
  fullName: { column: users.fullName, text: true },
  email: { column: users.email },
  createdAt: { column: users.createdAt },
  lastLoginAt: { column: users.lastLoginAt },
  orgUnit: { column: sql`(SELECT code FROM org_units o WHERE o.id = users.org_unit_id)` },
};

function filters(scopePath: string, query: Partial<TUserListQuery>): SQL | undefined {
  return and(
    sql`${users.orgUnitId} IN (SELECT id FROM org_units WHERE path LIKE ${`${scopePath}%`})`,
    matchesSearch(query.q, users.searchText),
    query.role ? sql`${query.role} = ANY(${users.roles})` : undefined,
    query.orgUnitId
      ? sql`${users.orgUnitId} IN (SELECT id FROM org_units WHERE path LIKE (SELECT path FROM org_units WHERE id = ${query.orgUnitId}) || '%')`
      : undefined,
    query.status === 'disabled' ? eq(users.disabled, true) : undefined,
    query.status === 'active'
      ? and(eq(users.disabled, false), sql`(${users.lockedUntil} IS NULL OR ${users.lockedUntil} <= now())`)
      : undefined,
    query.status === 'locked' ? sql`${users.lockedUntil} > now()` : undefined,
  );
}

export const usersRepository = {
  async list(
    tx: Executor,
    scopePath: string,
    query: TUserListQuery,
    all = false,
  ): Promise<{ rows: UserRow[]; total: number }> {
    const where = filters(scopePath, query);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(users)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, 'fullName', users.id));
    const rows = (all ? await base.limit(100_000) : await base.limit(limit).offset(offset)) as UserRow[];
    const [totalRow] = await tx.select({ total: count() }).from(users).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<UserRow | null> {
    const query = tx.select(columns).from(users).where(eq(users.id, id));
    const [row] = lock ? await query.for('update', { of: users }) : await query;
    return (row as UserRow | undefined) ?? null;
  },

  /** By username, or by e-mail ignoring case. */
  async findByLogin(tx: Executor, login: string): Promise<UserRow | null> {
    const [row] = await tx
      .select(columns)
      .from(users)
      .where(or(eq(users.username, login.toLowerCase()), sql`lower(${users.email}) = lower(${login})`))
      .limit(1);
    return (row as UserRow | undefined) ?? null;
  },

  async findConflicts(tx: Executor, username: string | null, email: string | null, exceptId?: string) {
    const rows = await tx
      .select({ id: users.id, username: users.username, email: users.email })
      .from(users)
      .where(
        or(
          username ? eq(users.username, username) : undefined,
          email ? sql`lower(${users.email}) = lower(${email})` : undefined,
        ),
      );
    return rows.filter((r) => r.id !== exceptId);
  },

  async insert(tx: Executor, values: NewUserRow): Promise<string> {
    const [row] = await tx.insert(users).values(values).returning({ id: users.id });
    return row!.id;
  },

  /** Updates when `version` still matches; false when someone else changed the row first. */
  async update(tx: Executor, id: string, version: number | null, values: Partial<NewUserRow>): Promise<boolean> {
    const updated = await tx
      .update(users)
      .set({ ...values, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, id), version === null ? undefined : eq(users.version, version)))
      .returning({ id: users.id });
    return updated.length === 1;
  },

  /** Login bookkeeping that must not bump the record's version. */
  async recordLogin(
    tx: Executor,
    id: string,
    values: { failedLogins: number; lockedUntil: Date | null; lastLoginAt?: Date },
  ) {
    await tx.update(users).set(values).where(eq(users.id, id));
  },

  async countInUnit(tx: Executor, orgUnitId: string): Promise<number> {
    const [row] = await tx.select({ n: count() }).from(users).where(eq(users.orgUnitId, orgUnitId));
    return row?.n ?? 0;
  },

  async usernameExists(tx: Executor, username: string): Promise<boolean> {
    const [row] = await tx.select({ n: count() }).from(users).where(like(users.username, username));
    return (row?.n ?? 0) > 0;
  },
};

export type UsersRepository = typeof usersRepository;
