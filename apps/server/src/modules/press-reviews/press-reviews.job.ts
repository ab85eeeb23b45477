import type { TReviewKind } from '@loa/contracts';
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../platform/jobs/jobs.js';
import { cronAt } from './edition.js';

/**
 * Daily at the configured time (Vietnam): compiles today's draft of `kind` for the Communication Center and the
 * provinces whose own edition has subscribers. Idempotent (one edition per unit, kind and day), so a retry or a
 * "run now" after the scheduled run changes nothing.
 */
export function pressReviewCompileJob(
  kind: TReviewKind,
  time: string,
  compileScheduled: (kind: TReviewKind) => Promise<number>,
): JobDefinition<object> {
  return defineJob<object>({
    name: kind === 'review' ? 'press-reviews.compile-review' : 'press-reviews.compile-bulletin',
    payload: z.object({}).passthrough(),
    schedule: cronAt(time),
    retryLimit: 3,
    retryDelaySeconds: 120,
    async handler() {
      await compileScheduled(kind);
    },
  });
}
