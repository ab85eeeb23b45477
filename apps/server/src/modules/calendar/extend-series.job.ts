import { z } from 'zod';
import { defineJob } from '../../platform/jobs/jobs.js';

/**
 * On the 1st of every month at 02:00 Vietnam time: materialises recurring series up to the end of next year,
 * so open-ended series (a monthly column, a yearly peak theme) always reach a year ahead. Idempotent.
 */
export function extendSeriesJob(extendSeries: (now: Date) => Promise<number>) {
  return defineJob({
    name: 'calendar.extend-series',
    payload: z.object({}).passthrough(),
    schedule: '0 2 1 * *',
    retryLimit: 3,
    retryDelaySeconds: 600,
    async handler() {
      await extendSeries(new Date());
    },
  });
}
