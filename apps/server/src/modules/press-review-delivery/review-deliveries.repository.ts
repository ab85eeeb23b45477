import { and, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { TDeliveryListQuery, TDeliveryStatus } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { pressReviewDeliveries as deliveries } from './press-review-delivery.table.js';

export type DeliveryRecord = typeof deliveries.$inferSelect;
export type NewDeliveryRow = Pick<
  typeof deliveries.$inferInsert,
  'reviewId' | 'subscriptionId' | 'userId' | 'sections' | 'provinceIds' | 'toAddress' | 'status' | 'lastError'
>;

/** A delivery with its recipient, as listed per edition. */
export interface DeliveryRow extends DeliveryRecord {
  username: string;
  fullName: string;
}

export type DeliveryChanges = Partial<
  Pick<DeliveryRecord, 'status' | 'attempts' | 'lastError' | 'lastAttemptAt' | 'sentAt' | 'toAddress'>
> & { status?: TDeliveryStatus };

const SORTS = {
  user: { column: sql.raw('u.full_name'), text: true },
  status: { column: sql.raw('d.status') },
  attempts: { column: sql.raw('d.attempts') },
  sentAt: { column: sql.raw('d.sent_at') },
  readAt: { column: sql.raw('d.read_at') },
  createdAt: { column: sql.raw('d.created_at') },
};

type RawDelivery = {
  id: string;
  reviewId: string;
  subscriptionId: string | null;
  userId: string;
  sections: string[];
  provinceIds: string[];
  toAddress: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date | string | null;
  sentAt: Date | string | null;
  readAt: Date | string | null;
  createdAt: Date | string;
  username: string;
  fullName: string;
};

const date = (value: Date | string | null) => (value === null ? null : new Date(value));
const toRow = (r: RawDelivery): DeliveryRow => ({
  ...r,
  lastAttemptAt: date(r.lastAttemptAt),
  sentAt: date(r.sentAt),
  readAt: date(r.readAt),
  createdAt: new Date(r.createdAt),
});

export const reviewDeliveriesRepository = {
  /** Writes the deliveries not written yet (one per edition and user); the rows inserted. */
  async insertMissing(tx: Executor, rows: NewDeliveryRow[]): Promise<DeliveryRecord[]> {
    if (rows.length === 0) return [];
    return tx
      .insert(deliveries)
      .values(rows)
      .onConflictDoNothing({ target: [deliveries.reviewId, deliveries.userId] })
      .returning();
  },

  /** A page of one edition's deliveries; `userId` narrows them to that recipient's. */
  async list(
    tx: Executor,
    reviewId: string,
    userId: string | null,
    query: TDeliveryListQuery,
  ): Promise<{ rows: DeliveryRow[]; total: number }> {
    const filter: SQL = and(
      sql`d.review_id = ${reviewId}`,
      userId ? sql`d.user_id = ${userId}` : undefined,
      query.status ? sql`d.status = ${query.status}` : undefined,
      matchesSearch(query.q, sql`(u.search_text || ' ' || loa_fold(coalesce(d.to_address, '')))`),
    )!;
    const order = ordering(query.sort, SORTS, 'user', sql.raw('d.id'));
    const { limit, offset } = paging(query);
    const { rows } = await tx.execute<RawDelivery>(sql`
      SELECT d.id, d.review_id AS "reviewId", d.subscription_id AS "subscriptionId", d.user_id AS "userId",
             d.sections, d.province_ids::text[] AS "provinceIds", d.to_address AS "toAddress", d.status, d.attempts,
             d.last_error AS "lastError", d.last_attempt_at AS "lastAttemptAt", d.sent_at AS "sentAt",
             d.read_at AS "readAt", d.created_at AS "createdAt", u.username, u.full_name AS "fullName"
        FROM press_review_deliveries d JOIN users u ON u.id = d.user_id
       WHERE ${filter}
       ORDER BY ${sql.join(order, sql`, `)} LIMIT ${limit} OFFSET ${offset}`);
    const { rows: totals } = await tx.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM press_review_deliveries d JOIN users u ON u.id = d.user_id WHERE ${filter}`);
    return { rows: rows.map(toRow), total: totals[0]?.n ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<DeliveryRecord | null> {
    const query = tx.select().from(deliveries).where(eq(deliveries.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row ?? null;
  },

  /** One recipient's delivery of an edition, or null. */
  async findFor(tx: Executor, reviewId: string, userId: string): Promise<DeliveryRecord | null> {
    const [row] = await tx
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.reviewId, reviewId), eq(deliveries.userId, userId)));
    return row ?? null;
  },

  /** Locks a delivery to send it; null when it does not exist or another sender holds it (SKIP LOCKED). */
  async lockForSending(tx: Executor, id: string): Promise<DeliveryRecord | null> {
    const [row] = await tx.select().from(deliveries).where(eq(deliveries.id, id)).for('update', { skipLocked: true });
    return row ?? null;
  },

  async update(tx: Executor, id: string, values: DeliveryChanges): Promise<void> {
    await tx.update(deliveries).set(values).where(eq(deliveries.id, id));
  },

  /** The pending deliveries of one edition: what its approval wakes the send job for. */
  async pendingOf(tx: Executor, reviewId: string): Promise<string[]> {
    const rows = await tx
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(and(eq(deliveries.reviewId, reviewId), eq(deliveries.status, 'pending')))
      .orderBy(deliveries.createdAt, deliveries.id);
    return rows.map((r) => r.id);
  },

  /**
   * Pending deliveries no queued job is known to hold: never tried (the approval's wake-up may have been lost),
   * or last tried longer ago than any backoff of the send job waits.
   */
  async findPendingToQueue(tx: Executor, limit: number): Promise<string[]> {
    const rows = await tx
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(
        and(
          eq(deliveries.status, 'pending'),
          or(isNull(deliveries.lastAttemptAt), lt(deliveries.lastAttemptAt, sql`now() - interval '30 minutes'`)),
        ),
      )
      .orderBy(deliveries.createdAt)
      .limit(limit);
    return rows.map((r) => r.id);
  },

  /** Marks a recipient's copy read (the first time only); false when they have none or read it before. */
  async markRead(tx: Executor, reviewId: string, userId: string): Promise<boolean> {
    const rows = await tx
      .update(deliveries)
      .set({ readAt: new Date() })
      .where(and(eq(deliveries.reviewId, reviewId), eq(deliveries.userId, userId), isNull(deliveries.readAt)))
      .returning({ id: deliveries.id });
    return rows.length === 1;
  },
};

export type ReviewDeliveriesRepository = typeof reviewDeliveriesRepository;
