import { z } from 'zod';
import { defineJob } from '../../platform/jobs/jobs.js';

/**
 * Daily at 08:00 Vietnam time: on the reminder days before the monthly proposal deadline, reminds the units
 * that have not proposed for the coming month yet (once per unit and reminder day, however often it runs).
 */
export function proposalRemindersJob(sendMonthlyReminders: (now: Date) => Promise<number>) {
  return defineJob({
    name: 'proposals.monthly-reminder',
    payload: z.object({}).passthrough(),
    schedule: '0 8 * * *',
    retryLimit: 3,
    retryDelaySeconds: 300,
    async handler() {
      await sendMonthlyReminders(new Date());
    },
  });
}
