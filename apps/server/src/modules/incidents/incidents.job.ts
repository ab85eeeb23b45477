import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../platform/jobs/jobs.js';

/** Every five minutes: missed deadlines of open cases are escalated to leaders, each once. */
export function escalateIncidentsJob(escalateOverdue: () => Promise<number>): JobDefinition<object> {
  return defineJob<object>({
    name: 'incidents.escalate',
    payload: z.object({}).passthrough(),
    schedule: '*/5 * * * *',
    retryLimit: 3,
    retryDelaySeconds: 60,
    async handler() {
      await escalateOverdue();
    },
  });
}

/**
 * Every minute, and queued at once after an ingest batch that stored articles: later copies of a case's stories and
 * new matches of its saved query join the case. One reader at a time (the watermark row is locked).
 */
export function linkArrivalsJob(linkArrivals: () => Promise<number>): JobDefinition<object> {
  return defineJob<object>({
    name: 'incidents.link-arrivals',
    payload: z.object({}).passthrough(),
    schedule: '* * * * *',
    retryLimit: 3,
    retryDelaySeconds: 30,
    async handler() {
      await linkArrivals();
    },
  });
}
