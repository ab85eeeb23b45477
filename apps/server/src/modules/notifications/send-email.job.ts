import { z } from 'zod';
import { defineJob } from '../../platform/jobs/jobs.js';
import { MAX_EMAIL_ATTEMPTS, type DeliveryOutcome } from './notifications.service.js';

export const SEND_EMAIL_JOB = 'notifications.send-email';

/**
 * Sends one message of the e-mail outbox. Idempotent: a message that is no longer pending is skipped. A failed
 * send throws, and the queue retries with backoff until the message has had MAX_EMAIL_ATTEMPTS tries.
 */
export function sendEmailJob(deliver: (outboxId: string) => Promise<DeliveryOutcome>) {
  return defineJob({
    name: SEND_EMAIL_JOB,
    payload: z.object({ outboxId: z.uuid() }),
    retryLimit: MAX_EMAIL_ATTEMPTS - 1,
    retryDelaySeconds: 30,
    async handler({ outboxId }) {
      await deliver(outboxId);
    },
  });
}
