// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified, which would bind to the inner table.
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { TListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { paging } from '../../platform/db/paging.js';
import { productShares } from './sharing.table.js';

const unitOf = (column: string) => sql.raw(`(SELECT ${column} FROM org_units o WHERE o.id = product_shares.unit_id)`);

const columns = {
  id: productShares.id,
  productId: productShares.productId,
  userId: productShares.userId,
  unitId: productShares.unitId,
  network: productShares.network,
  url: productShares.url,
  sharedOn: productShares.sharedOn,
  views: productShares.views,
  reactions: productShares.reactions,
  comments: productShares.comments,
  shares: productShares.shares,
  version: productShares.version,
  createdAt: productShares.createdAt,
  updatedAt: productShares.updatedAt,
  productTitle: sql<string>`(SELECT p.title FROM products p WHERE p.id = product_shares.product_id)`,
  userFullName: sql<string>`(SELECT u.full_name FROM users u WHERE u.id = product_shares.user_id)`,
  unitCode: sql<string>`${unitOf('code')}`,
  unitName: sql<string>`${unitOf('name')}`,
  unitPath: sql<string>`${unitOf('path')}`,
};

/** A share with the names a reader needs and the path that decides who may remove it. */
export interface ShareRow {
  id: string;
  productId: string;
  userId: string;
  unitId: string;
  network: string;
  url: string;
  sharedOn: string;
  views: number | null;
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  productTitle: string;
  userFullName: string;
  unitCode: string;
  unitName: string;
  unitPath: string;
}

export type NewShareRow = Omit<typeof productShares.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type ShareChanges = Partial<
  Pick<NewShareRow, 'network' | 'url' | 'sharedOn' | 'views' | 'reactions' | 'comments' | 'shares'>
>;

export interface ShareableRow {
  id: string;
  title: string;
  summary: string;
  readyAt: Date | null;
  ownerUnitId: string;
  ownerUnitCode: string;
  ownerUnitName: string;
  shareCount: number;
  sharedByMe: boolean;
}

/** Counts and reach figures of a set of shares. */
export interface TotalsRow {
  shareCount: number;
  sharerCount: number;
  views: number;
  reactions: number;
  comments: number;
  shares: number;
}

/** Per officer (or per unit) counts of a period, before ranking. */
export interface TallyRow extends TotalsRow {
  id: string;
  name: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  officerCount: number;
}

export interface Period {
  from: string | null;
  to: string | null;
}

const periodOf = (period: Period) =>
  sql`${period.from ? sql`AND s.shared_on >= ${period.from}` : sql``} ${period.to ? sql`AND s.shared_on <= ${period.to}` : sql``}`;

type TallyDb = {
  id: string;
  name: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  share_count: number;
  sharer_count: number;
  officer_count: number;
  views: string | number;
  reactions: string | number;
  comments: string | number;
  shares: string | number;
};
const toTally = (r: TallyDb): TallyRow => ({
  id: r.id,
  name: r.name,
  unitId: r.unit_id,
  unitCode: r.unit_code,
  unitName: r.unit_name,
  shareCount: Number(r.share_count),
  sharerCount: Number(r.sharer_count),
  officerCount: Number(r.officer_count),
  views: Number(r.views),
  reactions: Number(r.reactions),
  comments: Number(r.comments),
  shares: Number(r.shares),
});
const sums = sql`count(s.id)::int AS share_count, count(DISTINCT s.user_id)::int AS sharer_count,
  coalesce(sum(s.views), 0) AS views, coalesce(sum(s.reactions), 0) AS reactions,
  coalesce(sum(s.comments), 0) AS comments, coalesce(sum(s.shares), 0) AS shares`;

export const sharingRepository = {
  async findById(tx: Executor, id: string, lock = false): Promise<ShareRow | null> {
    const query = tx.select(columns).from(productShares).where(eq(productShares.id, id));
    const [row] = lock ? await query.for('update', { of: productShares }) : await query;
    return row ?? null;
  },

  /** The share of `productId` with this address, if one is recorded. */
  async findByUrl(tx: Executor, productId: string, url: string): Promise<{ id: string } | null> {
    const [row] = await tx
      .select({ id: productShares.id })
      .from(productShares)
      .where(and(eq(productShares.productId, productId), eq(productShares.url, url)));
    return row ?? null;
  },

  /** Every share of a product, latest first. */
  async listForProduct(tx: Executor, productId: string): Promise<ShareRow[]> {
    return tx
      .select(columns)
      .from(productShares)
      .where(eq(productShares.productId, productId))
      .orderBy(desc(productShares.sharedOn), desc(productShares.createdAt));
  },

  /** One page of a user's shares, latest first; `q` searches the products' titles and summaries. */
  async listByUser(tx: Executor, userId: string, query: TListQuery): Promise<{ rows: ShareRow[]; total: number }> {
    const where = and(
      eq(productShares.userId, userId),
      query.q
        ? sql`EXISTS (SELECT 1 FROM products p WHERE p.id = product_shares.product_id AND ${matchesSearch(query.q, sql`p.search_text`)})`
        : undefined,
    );
    const { limit, offset } = paging(query);
    const rows = await tx
      .select(columns)
      .from(productShares)
      .where(where)
      .orderBy(desc(productShares.sharedOn), desc(productShares.createdAt))
      .limit(limit)
      .offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(productShares).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  /** Inserts a share; null when the product already has one with this address (a concurrent duplicate). */
  async insert(tx: Executor, values: NewShareRow): Promise<string | null> {
    const [row] = await tx
      .insert(productShares)
      .values(values)
      .onConflictDoNothing({ target: [productShares.productId, productShares.url] })
      .returning({ id: productShares.id });
    return row?.id ?? null;
  },

  /** Updates when `version` still matches; false when someone else changed the row first. */
  async update(tx: Executor, id: string, version: number, values: ShareChanges): Promise<boolean> {
    const updated = await tx
      .update(productShares)
      .set({ ...values, version: sql`${productShares.version} + 1`, updatedAt: new Date() })
      .where(and(eq(productShares.id, id), eq(productShares.version, version)))
      .returning({ id: productShares.id });
    return updated.length === 1;
  },

  async delete(tx: Executor, id: string): Promise<void> {
    await tx.delete(productShares).where(eq(productShares.id, id));
  },

  /** Published products (of every unit), newest first, with how often they were shared and whether by `userId`. */
  async listShareable(
    tx: Executor,
    userId: string | null,
    query: TListQuery,
  ): Promise<{ rows: ShareableRow[]; total: number }> {
    const search = matchesSearch(query.q, sql`p.search_text`);
    const where: SQL = sql`p.status = 'published' ${search ? sql`AND ${search}` : sql``}`;
    const { limit, offset } = paging(query);
    const result = await tx.execute<{
      id: string;
      title: string;
      summary: string;
      ready_at: Date | string | null;
      owner_unit_id: string;
      owner_unit_code: string;
      owner_unit_name: string;
      share_count: number;
      shared_by_me: boolean;
    }>(sql`
      SELECT p.id, p.title, p.summary, p.ready_at, p.owner_unit_id, o.code AS owner_unit_code,
             o.name AS owner_unit_name,
             (SELECT count(*)::int FROM product_shares s WHERE s.product_id = p.id) AS share_count,
             EXISTS (SELECT 1 FROM product_shares s WHERE s.product_id = p.id AND s.user_id = ${userId}) AS shared_by_me
        FROM products p
        JOIN org_units o ON o.id = p.owner_unit_id
       WHERE ${where}
       ORDER BY coalesce(p.ready_at, p.updated_at) DESC, p.id
       LIMIT ${limit} OFFSET ${offset}`);
    const total = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM products p WHERE ${where}`);
    return {
      rows: result.rows.map((r) => ({
        id: r.id,
        title: r.title,
        summary: r.summary,
        readyAt: r.ready_at === null ? null : new Date(r.ready_at),
        ownerUnitId: r.owner_unit_id,
        ownerUnitCode: r.owner_unit_code,
        ownerUnitName: r.owner_unit_name,
        shareCount: Number(r.share_count),
        sharedByMe: r.shared_by_me,
      })),
      total: Number(total.rows[0]?.n ?? 0),
    };
  },

  /** Shares of a period by the officers of `unitPath`'s subtree (by their unit when they shared), one row per officer. */
  async tallyOfficers(tx: Executor, unitPath: string, period: Period): Promise<TallyRow[]> {
    const result = await tx.execute<TallyDb>(sql`
      SELECT u.id, u.full_name AS name, o.id AS unit_id, o.code AS unit_code, o.name AS unit_name, ${sums},
             1 AS officer_count
        FROM product_shares s
        JOIN users u ON u.id = s.user_id
        JOIN org_units o ON o.id = u.org_unit_id
       WHERE s.unit_id IN (SELECT id FROM org_units WHERE starts_with(path, ${unitPath})) ${periodOf(period)}
       GROUP BY u.id, u.full_name, o.id, o.code, o.name`);
    return result.rows.map(toTally);
  },

  /**
   * The units directly under `unitId`, each with its subtree's active user accounts and the shares of the
   * period its officers made (by their unit when they shared); units without shares are included.
   */
  async tallyChildUnits(tx: Executor, unitId: string, period: Period): Promise<TallyRow[]> {
    const result = await tx.execute<TallyDb>(sql`
      SELECT c.id, c.name, c.id AS unit_id, c.code AS unit_code, c.name AS unit_name,
             (SELECT count(*)::int FROM users u JOIN org_units uo ON uo.id = u.org_unit_id
               WHERE starts_with(uo.path, c.path) AND NOT u.disabled) AS officer_count,
             t.share_count, t.sharer_count, t.views, t.reactions, t.comments, t.shares
        FROM org_units c
        CROSS JOIN LATERAL (
          SELECT ${sums}
            FROM product_shares s
           WHERE s.unit_id IN (SELECT id FROM org_units WHERE starts_with(path, c.path)) ${periodOf(period)}
        ) t
       WHERE c.parent_id = ${unitId}`);
    return result.rows.map(toTally);
  },

  /** Totals of a period over the shares of `unitPath`'s subtree. */
  async tallyUnit(tx: Executor, unitPath: string, period: Period): Promise<TotalsRow> {
    const result = await tx.execute<TallyDb>(sql`
      SELECT ${sums}
        FROM product_shares s
       WHERE s.unit_id IN (SELECT id FROM org_units WHERE starts_with(path, ${unitPath})) ${periodOf(period)}`);
    const row = result.rows[0]!;
    return {
      shareCount: Number(row.share_count),
      sharerCount: Number(row.sharer_count),
      views: Number(row.views),
      reactions: Number(row.reactions),
      comments: Number(row.comments),
      shares: Number(row.shares),
    };
  },
};

export type SharingRepository = typeof sharingRepository;
