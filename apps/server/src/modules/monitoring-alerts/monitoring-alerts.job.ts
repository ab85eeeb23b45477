import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../platform/jobs/jobs.js';

/**
 * Raises the alerts of the articles stored since the last run. Sent after every ingest batch that stored articles
 * (one waiting at a time: the queue is stately and the ingest hook sends it with one idempotency key) and run every
 * minute as a backstop, so an alert goes out within a minute of ingestion even when the wake-up was lost.
 */
export function alertsEvaluateJob(evaluateNewArticles: () => Promise<number>): JobDefinition<object> {
  return defineJob<object>({
    name: 'monitoring.alerts-evaluate',
    payload: z.object({}).passthrough(),
    schedule: '* * * * *',
    retryLimit: 3,
    retryDelaySeconds: 20,
    async handler() {
      await evaluateNewArticles();
    },
  });
}

/** Every ten minutes: the last hour of each saved query and flag against the day before (decision 0039). */
export function spikesJob(detectSpikes: (now: Date) => Promise<number>): JobDefinition<object> {
  return defineJob<object>({
    name: 'monitoring.spikes',
    payload: z.object({}).passthrough(),
    schedule: '*/10 * * * *',
    retryLimit: 2,
    retryDelaySeconds: 60,
    async handler() {
      await detectSpikes(new Date());
    },
  });
}
