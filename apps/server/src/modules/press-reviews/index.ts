// The daily press review and the 24-hour bulletin (issue 8 §1, §3; decision 0037). The delivery module reads
// editions through the service's getForDelivery/listApproved and takes part in approval through setApprovalHooks.
export { createPressReviewsService, type ApprovalHooks, type PressReviewsService } from './press-reviews.service.js';
export { pressReviewsRepository } from './press-reviews.repository.js';
export { reviewSourcesRepository } from './review-sources.repository.js';
export { registerPressReviewsRoutes } from './press-reviews.routes.js';
export { pressReviewCompileJob } from './press-reviews.job.js';
export { cronAt, DEFAULT_COMPILE_TIMES, editionTitle, isTimeOfDay } from './edition.js';
