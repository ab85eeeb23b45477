import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../platform/jobs/jobs.js';

/** Daily at 07:00 Vietnam time: each saved query with a daily digest tells its unit about yesterday's matches. */
export function monitoringDigestJob(sendDailyDigest: (now: Date) => Promise<number>) {
  return defineJob({
    name: 'monitoring.query-digest',
    payload: z.object({}).passthrough(),
    schedule: '0 7 * * *',
    retryLimit: 3,
    retryDelaySeconds: 300,
    async handler() {
      await sendDailyDigest(new Date());
    },
  });
}

/**
 * Trains the classifier when a run waits (asked on the model screen, or by the nightly retrain). Queued at once by a
 * request on an instance that runs jobs, and polled every minute so that a request made on any instance starts soon.
 * One at a time: the queue is stately and a run is taken FOR UPDATE SKIP LOCKED.
 */
export function monitoringTrainJob(runPendingTraining: () => Promise<number | null>): JobDefinition<object> {
  return defineJob<object>({
    name: 'monitoring.train',
    payload: z.object({}).passthrough(),
    schedule: '* * * * *',
    retryLimit: 1,
    retryDelaySeconds: 60,
    async handler() {
      await runPendingTraining();
    },
  });
}

/** Nightly at 02:30 Vietnam time: retrains when officers corrected articles since the last model. */
export function monitoringNightlyRetrainJob(
  requestNightlyTraining: () => Promise<boolean>,
  runPendingTraining: () => Promise<number | null>,
) {
  return defineJob({
    name: 'monitoring.retrain-nightly',
    payload: z.object({}).passthrough(),
    schedule: '30 2 * * *',
    retryLimit: 2,
    retryDelaySeconds: 600,
    async handler() {
      if (await requestNightlyTraining()) await runPendingTraining();
    },
  });
}
