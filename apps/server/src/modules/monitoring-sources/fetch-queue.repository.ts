import { and, count, desc, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';
import { monitoringFetchLog as log, monitoringFetchQueue as queue } from './monitoring-sources.table.js';

/** A due source, claimed for one fetch (its next poll pushed forward by a lease, so nobody else takes it). */
export type ClaimedSource = {
  id: string;
  name: string;
  kind: string;
  url: string;
  linkSelector: string | null;
  orgUnitId: string;
  pollSeconds: number;
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  consecutiveFailures: number;
};

export type QueuedItem = {
  id: number;
  sourceId: string | null;
  url: string;
  urlKey: string;
  feedItem: Record<string, unknown>;
  attempts: number;
};

export interface NewQueueItem {
  url: string;
  urlKey: string;
  feedItem: Record<string, unknown>;
}

export interface NewLogEntry {
  sourceId: string;
  url: string;
  startedAt: Date;
  outcome: string;
  httpStatus: number | null;
  errorCode: string | null;
  message: string | null;
  itemsSeen: number;
  itemsNew: number;
  bytes: number;
}

const claimedColumns = sql`id, name, kind, url, link_selector AS "linkSelector", org_unit_id AS "orgUnitId",
  poll_seconds AS "pollSeconds", etag, last_modified AS "lastModified", content_hash AS "contentHash",
  consecutive_failures AS "consecutiveFailures"`;

export const fetchQueueRepository = {
  /**
   * Claims up to `limit` enabled polled sources that are due (or the one `sourceId` if it is due), skipping rows
   * another worker holds; their next poll moves `leaseSeconds` ahead until the fetch records the real one.
   */
  async claimDueSources(
    tx: Executor,
    limit: number,
    leaseSeconds: number,
    sourceId?: string,
  ): Promise<ClaimedSource[]> {
    const { rows } = await tx.execute<ClaimedSource>(sql`
      UPDATE monitoring_sources SET next_poll_at = now() + make_interval(secs => ${leaseSeconds})
       WHERE id IN (SELECT id FROM monitoring_sources
                     WHERE enabled AND kind IN ('feed', 'sitemap', 'html') AND url IS NOT NULL
                       AND (next_poll_at IS NULL OR next_poll_at <= now())
                       ${sourceId ? sql`AND id = ${sourceId}` : sql``}
                     ORDER BY next_poll_at NULLS FIRST, id
                     LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING ${claimedColumns}`);
    return rows;
  },

  /** Makes a source due now (fetch now); false when it is not an enabled polled source. */
  async makeDue(tx: Executor, sourceId: string): Promise<boolean> {
    const { rows } = await tx.execute(sql`
      UPDATE monitoring_sources SET next_poll_at = now()
       WHERE id = ${sourceId} AND enabled AND kind IN ('feed', 'sitemap', 'html') RETURNING id`);
    return rows.length === 1;
  },

  /** After a successful fetch: validators, content hash, polling, failures cleared. */
  async recordSuccess(
    tx: Executor,
    id: string,
    values: { etag: string | null; lastModified: string | null; contentHash: string | null; pollSeconds: number },
  ): Promise<void> {
    await tx.execute(sql`
      UPDATE monitoring_sources
         SET etag = ${values.etag}, last_modified = ${values.lastModified}, content_hash = ${values.contentHash},
             poll_seconds = ${values.pollSeconds}, next_poll_at = now() + make_interval(secs => ${values.pollSeconds}),
             last_fetch_at = now(), last_success_at = now(), consecutive_failures = 0
       WHERE id = ${id}`);
  },

  /**
   * After a failed fetch: the error, one more failure in a row, the next poll in `retrySeconds`; when the failures
   * reach `maxFailures` the source is disabled with `disableReason`. Returns the failures in a row and whether it
   * was disabled now.
   */
  async recordFailure(
    tx: Executor,
    id: string,
    values: { code: string; message: string; retrySeconds: number; maxFailures: number; disableReason: string },
  ): Promise<{ failures: number; disabled: boolean }> {
    const { rows } = await tx.execute<{ failures: number; disabled: boolean }>(sql`
      UPDATE monitoring_sources
         SET last_fetch_at = now(), last_error_at = now(), last_error_code = ${values.code},
             last_error = left(${values.message}, 2000), consecutive_failures = consecutive_failures + 1,
             next_poll_at = now() + make_interval(secs => ${values.retrySeconds}),
             enabled = enabled AND consecutive_failures + 1 < ${values.maxFailures},
             disabled_reason = CASE WHEN enabled AND consecutive_failures + 1 >= ${values.maxFailures}
                                    THEN left(${values.disableReason}, 500) ELSE disabled_reason END,
             disabled_at = CASE WHEN enabled AND consecutive_failures + 1 >= ${values.maxFailures}
                                THEN now() ELSE disabled_at END,
             version = version + CASE WHEN enabled AND consecutive_failures + 1 >= ${values.maxFailures} THEN 1 ELSE 0 END
       WHERE id = ${id}
      RETURNING consecutive_failures AS failures, NOT enabled AND disabled_at = now() AS disabled`);
    return rows[0] ?? { failures: 0, disabled: false };
  },

  /** A fetch that did not happen (busy host, Retry-After): only the next poll moves. */
  async reschedule(tx: Executor, id: string, at: Date): Promise<void> {
    await tx.execute(
      sql`UPDATE monitoring_sources SET next_poll_at = ${at.toISOString()}::timestamptz WHERE id = ${id}`,
    );
  },

  async insertLog(tx: Executor, entry: NewLogEntry): Promise<void> {
    await tx.insert(log).values({ ...entry, finishedAt: new Date() });
  },

  /** Removes the fetch log entries started before `before`; returns how many. */
  async deleteLogBefore(tx: Executor, before: Date): Promise<number> {
    const deleted = await tx.delete(log).where(lt(log.startedAt, before)).returning({ id: log.id });
    return deleted.length;
  },

  async listLog(tx: Executor, sourceId: string, limit: number, offset: number) {
    const rows = await tx
      .select()
      .from(log)
      .where(eq(log.sourceId, sourceId))
      .orderBy(desc(log.startedAt), desc(log.id))
      .limit(limit)
      .offset(offset);
    const [total] = await tx.select({ n: count() }).from(log).where(eq(log.sourceId, sourceId));
    return { rows, total: total?.n ?? 0 };
  },

  /**
   * Queues the items not seen before (by address key, or by guid for the same source); returns how many were new.
   */
  async enqueue(tx: Executor, sourceId: string | null, items: NewQueueItem[]): Promise<number> {
    if (items.length === 0) return 0;
    const { rows } = await tx.execute(sql`
      INSERT INTO monitoring_fetch_queue (source_id, url, url_key, feed_item)
      SELECT ${sourceId}::uuid, i.url, i.url_key, i.feed_item
        FROM jsonb_to_recordset(${JSON.stringify(items.map((i) => ({ url: i.url, url_key: i.urlKey, feed_item: i.feedItem })))}::jsonb)
             AS i(url text, url_key text, feed_item jsonb)
       WHERE NOT (i.feed_item ? 'guid' AND EXISTS (
               SELECT 1 FROM monitoring_fetch_queue q
                WHERE q.source_id = ${sourceId}::uuid AND q.feed_item ? 'guid'
                  AND q.feed_item ->> 'guid' = i.feed_item ->> 'guid'))
      ON CONFLICT (url_key) DO NOTHING
      RETURNING id`);
    return rows.length;
  },

  /**
   * Claims up to `limit` pending items that are due, skipping rows another worker holds: one more attempt is
   * counted and the next attempt moves `leaseSeconds` ahead, so a worker killed now leaves them to be retried.
   */
  async claimItems(tx: Executor, limit: number, leaseSeconds: number): Promise<QueuedItem[]> {
    const { rows } = await tx.execute<QueuedItem>(sql`
      UPDATE monitoring_fetch_queue
         SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
       WHERE id IN (SELECT id FROM monitoring_fetch_queue
                     WHERE state = 'pending' AND next_attempt_at <= now()
                     ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id::int AS id, source_id AS "sourceId", url, url_key AS "urlKey", feed_item AS "feedItem", attempts`);
    return rows;
  },

  async markDone(tx: Executor, id: number, articleId: string): Promise<void> {
    await tx
      .update(queue)
      .set({ state: 'done', articleId, finishedAt: new Date(), lastError: null })
      .where(eq(queue.id, id));
  },

  async markRetry(tx: Executor, id: number, error: string, afterSeconds: number): Promise<void> {
    await tx.execute(sql`
      UPDATE monitoring_fetch_queue SET last_error = left(${error}, 2000),
             next_attempt_at = now() + make_interval(secs => ${afterSeconds})
       WHERE id = ${id} AND state = 'pending'`);
  },

  /** Gives back an item that was not fetched at all (busy host): the attempt it was charged is returned. */
  async postpone(tx: Executor, id: number, at: Date): Promise<void> {
    await tx.execute(sql`
      UPDATE monitoring_fetch_queue SET attempts = greatest(0, attempts - 1),
             next_attempt_at = ${at.toISOString()}::timestamptz
       WHERE id = ${id} AND state = 'pending'`);
  },

  async markFailed(tx: Executor, id: number, error: string): Promise<void> {
    await tx
      .update(queue)
      .set({ state: 'failed', lastError: error.slice(0, 2000), finishedAt: new Date() })
      .where(and(eq(queue.id, id), eq(queue.state, 'pending')));
  },
};

export type FetchQueueRepository = typeof fetchQueueRepository;
