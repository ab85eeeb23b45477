import { z } from 'zod';
import { defineJob, type Jobs } from '../../platform/jobs/jobs.js';
import { MAX_DELIVERY_ATTEMPTS, type DeliveryOutcome } from './review-delivery.service.js';

export const DELIVER_JOB = 'press-reviews.deliver';

/**
 * Sends one recipient's copy of an edition. Idempotent: a delivery that is no longer pending is skipped, so none is
 * sent twice. A failed send throws, and the queue retries with backoff until it has had MAX_DELIVERY_ATTEMPTS tries.
 */
export function deliverReviewJob(deliver: (deliveryId: string) => Promise<DeliveryOutcome>) {
  return defineJob({
    name: DELIVER_JOB,
    payload: z.object({ deliveryId: z.uuid() }),
    retryLimit: MAX_DELIVERY_ATTEMPTS - 1,
    retryDelaySeconds: 30,
    async handler({ deliveryId }) {
      await deliver(deliveryId);
    },
  });
}

/**
 * Every minute: queues a send job for each pending delivery no job holds (an approval whose wake-up was lost, a
 * process that stopped mid-way). The delivery id is the idempotency key: never queued twice while a job waits.
 */
export function flushDeliveriesJob(
  findDeliveriesToQueue: () => Promise<string[]>,
  jobs: Pick<Jobs, 'send'>,
  sendJob: ReturnType<typeof deliverReviewJob>,
) {
  return defineJob({
    name: 'press-reviews.flush-deliveries',
    payload: z.object({}).passthrough(),
    schedule: '* * * * *',
    retryLimit: 1,
    async handler() {
      for (const deliveryId of await findDeliveriesToQueue()) {
        await jobs.send(sendJob, { deliveryId }, { idempotencyKey: deliveryId });
      }
    },
  });
}
