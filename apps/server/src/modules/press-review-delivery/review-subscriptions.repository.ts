import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { TSubscriptionListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { pressReviewSubscriptions as subs } from './press-review-delivery.table.js';

export type UnitRef = {
  id: string;
  code: string;
  name: string;
};

/** A subscription with its user, its user's unit and the units it names. */
export interface SubscriptionRow {
  id: string;
  kind: string;
  userId: string;
  username: string;
  fullName: string;
  userEmail: string | null;
  userDisabled: boolean;
  userUnitId: string;
  userUnitCode: string;
  userUnitName: string;
  userUnitPath: string;
  sourceUnitId: string;
  sourceUnitCode: string;
  sourceUnitName: string;
  sourceUnitKind: string;
  sourceUnitPath: string;
  sections: string[];
  provinceIds: string[];
  /** The named provinces, in the order of `provinceIds`. */
  provinces: UnitRef[];
  email: boolean;
  active: boolean;
  hasFeed: boolean;
  createdAt: Date;
  version: number;
}

export type NewSubscriptionRow = Pick<
  typeof subs.$inferInsert,
  'kind' | 'userId' | 'sourceUnitId' | 'sections' | 'provinceIds' | 'email' | 'active' | 'createdBy'
>;

export type UnitRow = UnitRef & {
  kind: string;
  path: string;
};

export type UserRow = {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  disabled: boolean;
  orgUnitId: string;
  orgUnitPath: string;
};

/** Who may be listed: users of a subtree, and/or one user's own subscriptions. */
export interface SubscriptionScope {
  unitPath: string | null;
  userId: string | null;
}

const SELECT = sql`
  SELECT s.id, s.kind, s.user_id AS "userId", u.username, u.full_name AS "fullName", u.email AS "userEmail",
         u.disabled AS "userDisabled", uu.id AS "userUnitId", uu.code AS "userUnitCode", uu.name AS "userUnitName",
         uu.path AS "userUnitPath", su.id AS "sourceUnitId", su.code AS "sourceUnitCode",
         su.name AS "sourceUnitName", su.kind AS "sourceUnitKind", su.path AS "sourceUnitPath", s.sections,
         s.province_ids::text[] AS "provinceIds",
         coalesce((SELECT json_agg(json_build_object('id', p.id, 'code', p.code, 'name', p.name) ORDER BY x.n)
                     FROM unnest(s.province_ids) WITH ORDINALITY AS x(id, n) JOIN org_units p ON p.id = x.id),
                  '[]'::json) AS provinces,
         s.email, s.active, s.feed_token_hash IS NOT NULL AS "hasFeed", s.created_at AS "createdAt", s.version
    FROM press_review_subscriptions s
    JOIN users u ON u.id = s.user_id
    JOIN org_units uu ON uu.id = u.org_unit_id
    JOIN org_units su ON su.id = s.source_unit_id`;

const SORTS = {
  user: { column: sql.raw('u.full_name'), text: true },
  username: { column: sql.raw('u.username') },
  unit: { column: sql.raw('uu.name'), text: true },
  kind: { column: sql.raw('s.kind') },
  sourceUnit: { column: sql.raw('su.name'), text: true },
  createdAt: { column: sql.raw('s.created_at') },
};

type RawRow = Omit<SubscriptionRow, 'createdAt'> & { createdAt: Date | string };
const toRow = (row: RawRow): SubscriptionRow => ({ ...row, createdAt: new Date(row.createdAt) });

function where(scope: SubscriptionScope, query: Partial<TSubscriptionListQuery>): SQL {
  const visible = [
    scope.unitPath !== null ? sql`uu.path LIKE ${`${scope.unitPath}%`}` : undefined,
    scope.userId !== null ? sql`s.user_id = ${scope.userId}` : undefined,
  ].filter((part): part is SQL => part !== undefined);
  return and(
    visible.length > 0 ? sql`(${sql.join(visible, sql` OR `)})` : sql`false`,
    query.kind ? sql`s.kind = ${query.kind}` : undefined,
    query.userId ? sql`s.user_id = ${query.userId}` : undefined,
    query.active ? sql`s.active = ${query.active === 'true'}` : undefined,
    matchesSearch(query.q, sql`(u.search_text || ' ' || loa_fold(uu.name || ' ' || su.name))`),
  )!;
}

export const reviewSubscriptionsRepository = {
  /** A page of the subscriptions in `scope` matching the filters (every match when `all`, for export). */
  async list(
    tx: Executor,
    scope: SubscriptionScope,
    query: TSubscriptionListQuery,
    all = false,
  ): Promise<{ rows: SubscriptionRow[]; total: number }> {
    const filter = where(scope, query);
    const order = ordering(query.sort, SORTS, 'user', sql.raw('s.id'));
    const { limit, offset } = all ? { limit: 100_000, offset: 0 } : paging(query);
    const { rows } = await tx.execute<RawRow>(
      sql`${SELECT} WHERE ${filter} ORDER BY ${sql.join(order, sql`, `)} LIMIT ${limit} OFFSET ${offset}`,
    );
    const { rows: totals } = await tx.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM press_review_subscriptions s
        JOIN users u ON u.id = s.user_id JOIN org_units uu ON uu.id = u.org_unit_id
        JOIN org_units su ON su.id = s.source_unit_id
       WHERE ${filter}`);
    return { rows: rows.map(toRow), total: totals[0]?.n ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<SubscriptionRow | null> {
    const { rows } = await tx.execute<RawRow>(sql`${SELECT} WHERE s.id = ${id}${lock ? sql` FOR UPDATE OF s` : sql``}`);
    return rows[0] ? toRow(rows[0]) : null;
  },

  /** The subscription whose feed token hashes to `hash`, or null. */
  async findByFeedTokenHash(tx: Executor, hash: string): Promise<SubscriptionRow | null> {
    const { rows } = await tx.execute<RawRow>(sql`${SELECT} WHERE s.feed_token_hash = ${hash}`);
    return rows[0] ? toRow(rows[0]) : null;
  },

  /** A user's subscription to one unit's editions of `kind`, or null. */
  async findFor(tx: Executor, kind: string, userId: string, sourceUnitId: string): Promise<SubscriptionRow | null> {
    const { rows } = await tx.execute<RawRow>(
      sql`${SELECT} WHERE s.kind = ${kind} AND s.user_id = ${userId} AND s.source_unit_id = ${sourceUnitId}`,
    );
    return rows[0] ? toRow(rows[0]) : null;
  },

  /** The active subscriptions to one unit's editions of `kind`, of users not disabled: an edition's recipients. */
  async findRecipients(tx: Executor, kind: string, sourceUnitId: string): Promise<SubscriptionRow[]> {
    const { rows } = await tx.execute<RawRow>(
      sql`${SELECT} WHERE s.kind = ${kind} AND s.source_unit_id = ${sourceUnitId} AND s.active AND NOT u.disabled
          ORDER BY s.created_at, s.id`,
    );
    return rows.map(toRow);
  },

  /** Inserts unless the user already subscribes to that unit's editions of that kind; the new id, or null. */
  async insert(tx: Executor, values: NewSubscriptionRow): Promise<string | null> {
    const rows = await tx
      .insert(subs)
      .values(values)
      .onConflictDoNothing({ target: [subs.kind, subs.userId, subs.sourceUnitId] })
      .returning({ id: subs.id });
    return rows[0]?.id ?? null;
  },

  /** Updates when `version` still matches; false when someone else changed the row first. */
  async update(
    tx: Executor,
    id: string,
    version: number,
    values: Partial<Pick<NewSubscriptionRow, 'sourceUnitId' | 'sections' | 'provinceIds' | 'email' | 'active'>>,
  ): Promise<boolean> {
    const rows = await tx
      .update(subs)
      .set({ ...values, version: sql`${subs.version} + 1`, updatedAt: new Date() })
      .where(and(eq(subs.id, id), eq(subs.version, version)))
      .returning({ id: subs.id });
    return rows.length === 1;
  },

  async delete(tx: Executor, id: string): Promise<void> {
    await tx.delete(subs).where(eq(subs.id, id));
  },

  /** Replaces the feed token's hash (the old token stops working). */
  async setFeedTokenHash(tx: Executor, id: string, hash: string): Promise<void> {
    await tx.update(subs).set({ feedTokenHash: hash, updatedAt: new Date() }).where(eq(subs.id, id));
  },

  /** The org units among `ids` that exist. */
  async findUnits(tx: Executor, ids: readonly string[]): Promise<UnitRow[]> {
    if (ids.length === 0) return [];
    const { rows } = await tx.execute<UnitRow>(sql`
      SELECT id, code, name, kind, path FROM org_units
       WHERE id IN (${sql.join(
         ids.map((id) => sql`${id}::uuid`),
         sql`, `,
       )})`);
    return rows;
  },

  async findUnitByCode(tx: Executor, code: string): Promise<UnitRow | null> {
    const { rows } = await tx.execute<UnitRow>(
      sql`SELECT id, code, name, kind, path FROM org_units WHERE code = ${code}`,
    );
    return rows[0] ?? null;
  },

  /** Active users of the subtree `path` (accent-insensitive on name and username), or only `userId`, to pick. */
  async findPeople(
    tx: Executor,
    who: { path: string } | { userId: string },
    q: string | undefined,
    limit: number,
  ): Promise<PersonRow[]> {
    const { rows } = await tx.execute<PersonRow>(sql`
      SELECT u.id, u.full_name AS "fullName", u.title, o.id AS "unitId", o.code AS "unitCode", o.name AS "unitName"
        FROM users u JOIN org_units o ON o.id = u.org_unit_id
       WHERE NOT u.disabled AND ${'path' in who ? sql`o.path LIKE ${`${who.path}%`}` : sql`u.id = ${who.userId}`}
         ${q ? sql`AND loa_fold(u.full_name || ' ' || u.username) LIKE '%' || loa_fold(${q}) || '%'` : sql``}
       ORDER BY u.full_name COLLATE "C", u.id
       LIMIT ${limit}`);
    return rows;
  },

  async findUser(tx: Executor, id: string): Promise<UserRow | null> {
    const { rows } = await tx.execute<UserRow>(sql`
      SELECT u.id, u.username, u.full_name AS "fullName", u.email, u.disabled, u.org_unit_id AS "orgUnitId",
             o.path AS "orgUnitPath"
        FROM users u JOIN org_units o ON o.id = u.org_unit_id
       WHERE u.id = ${id}`);
    return rows[0] ?? null;
  },
};

export type PersonRow = {
  id: string;
  fullName: string;
  title: string | null;
  unitId: string;
  unitCode: string;
  unitName: string;
};

export type ReviewSubscriptionsRepository = typeof reviewSubscriptionsRepository;
