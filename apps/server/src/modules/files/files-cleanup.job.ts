import { z } from 'zod';
import { defineJob } from '../../platform/jobs/jobs.js';

/**
 * Daily at 02:43: deletes files that no registered table names and that are more than a day old, with the
 * contents no other file row shares. Idempotent; with no registered tables it deletes nothing.
 */
export function filesCleanupJob(deleteUnreferenced: () => Promise<number>) {
  return defineJob({
    name: 'files.cleanup',
    payload: z.object({}).passthrough(),
    schedule: '43 2 * * *',
    retryLimit: 3,
    async handler() {
      await deleteUnreferenced();
    },
  });
}
