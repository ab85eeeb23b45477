import { z } from 'zod';
import { defineJob, type Jobs } from '../../platform/jobs/jobs.js';
import type { sendEmailJob } from './send-email.job.js';

/**
 * Every minute: queues a send job for each pending e-mail that no job holds (those `notify` wrote in other
 * modules' transactions, and those an administrator released). The outbox id is the idempotency key, so a
 * message is never queued twice while a job for it waits.
 */
export function flushOutboxJob(
  findOutboxToQueue: () => Promise<string[]>,
  jobs: Pick<Jobs, 'send'>,
  sendJob: ReturnType<typeof sendEmailJob>,
) {
  return defineJob({
    name: 'notifications.flush-outbox',
    payload: z.object({}).passthrough(),
    schedule: '* * * * *',
    retryLimit: 1,
    async handler() {
      for (const outboxId of await findOutboxToQueue()) {
        await jobs.send(sendJob, { outboxId }, { idempotencyKey: outboxId });
      }
    },
  });
}
