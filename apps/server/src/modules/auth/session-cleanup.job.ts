import { z } from 'zod';
import { defineJob } from '../../platform/jobs/jobs.js';

/** Hourly: removes expired sessions. Idempotent — running it twice deletes nothing more. */
export function sessionCleanupJob(deleteExpiredSessions: () => Promise<number>) {
  return defineJob({
    name: 'auth.session-cleanup',
    payload: z.object({}).passthrough(),
    schedule: '17 * * * *',
    retryLimit: 3,
    async handler() {
      await deleteExpiredSessions();
    },
  });
}
