import { z } from 'zod';
import { defineJob } from '../../platform/jobs/jobs.js';

/**
 * Every minute, and at once when someone asks for a source ("fetch now"): fetches the due sources (or the one named)
 * and queues their new items. Idempotent: sources are claimed with SKIP LOCKED and a lease.
 */
export function fetchSourcesJob(fetchDueSources: (options: { sourceId?: string }) => Promise<number>) {
  return defineJob({
    name: 'monitoring.fetch-sources',
    payload: z.object({ sourceId: z.string().uuid().optional() }).passthrough(),
    schedule: '* * * * *',
    retryLimit: 2,
    retryDelaySeconds: 30,
    async handler(payload) {
      await fetchDueSources(payload.sourceId ? { sourceId: payload.sourceId } : {});
    },
  });
}

/**
 * Every minute: fetches, extracts and ingests the queued item pages that are due. Idempotent: items are claimed with
 * SKIP LOCKED and a lease, marked done only after ingest (which is idempotent by address).
 */
export function fetchItemsJob(processItems: () => Promise<number>) {
  return defineJob({
    name: 'monitoring.fetch-items',
    payload: z.object({}).passthrough(),
    schedule: '* * * * *',
    retryLimit: 2,
    retryDelaySeconds: 30,
    async handler() {
      await processItems();
    },
  });
}

/** Nightly: removes fetch log entries older than FETCH_LOG_DAYS. Idempotent. */
export function fetchLogRetentionJob(deleteOld: () => Promise<number>) {
  return defineJob({
    name: 'monitoring.fetch-log-retention',
    payload: z.object({}).passthrough(),
    schedule: '50 2 * * *',
    retryLimit: 3,
    async handler() {
      await deleteOld();
    },
  });
}
