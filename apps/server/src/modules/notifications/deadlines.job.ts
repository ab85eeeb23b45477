import { z } from 'zod';
import { defineJob } from '../../platform/jobs/jobs.js';

/** Daily at 07:00 Vietnam time: notifies approaching and missed deadlines of every registered source, once each. */
export function deadlinesJob(notifyDueDeadlines: (now: Date) => Promise<number>) {
  return defineJob({
    name: 'notifications.deadlines',
    payload: z.object({}).passthrough(),
    schedule: '0 7 * * *',
    retryLimit: 3,
    retryDelaySeconds: 300,
    async handler() {
      await notifyDueDeadlines(new Date());
    },
  });
}
