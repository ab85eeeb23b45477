import { z } from 'zod';
import { defineJob } from '../../platform/jobs/jobs.js';

/** Nightly: removes old notifications and sent e-mails (NOTIFICATION_RETENTION). Idempotent. */
export function notificationsRetentionJob(deleteOld: () => Promise<{ notifications: number; emails: number }>) {
  return defineJob({
    name: 'notifications.retention',
    payload: z.object({}).passthrough(),
    schedule: '40 2 * * *',
    retryLimit: 3,
    async handler() {
      await deleteOld();
    },
  });
}
