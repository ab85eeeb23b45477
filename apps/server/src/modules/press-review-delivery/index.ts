export {
  createReviewDeliveryService,
  MAX_DELIVERY_ATTEMPTS,
  type DeliveryOutcome,
  type ReviewDeliveryService,
} from './review-delivery.service.js';
export {
  createReviewDocumentsService,
  type ReviewDocumentsService,
  type ReviewSource,
} from './review-documents.service.js';
export { createReviewSubscriptionsService, type ReviewSubscriptionsService } from './review-subscriptions.service.js';
export { createReviewFeedsService, type ReviewFeedsService } from './review-feeds.service.js';
export { reviewSubscriptionsRepository } from './review-subscriptions.repository.js';
export { reviewDeliveriesRepository } from './review-deliveries.repository.js';
export { registerReviewDeliveryRoutes, type ReviewDeliveryServices } from './review-delivery.routes.js';
export { deliverReviewJob, flushDeliveriesJob, DELIVER_JOB } from './deliver.job.js';
