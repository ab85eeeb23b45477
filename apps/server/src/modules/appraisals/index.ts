export { appraisalsRepository } from './appraisals.repository.js';
export { createAppraisalsService, type AppraisalsService } from './appraisals.service.js';
export { registerAppraisalsRoutes } from './appraisals.routes.js';
export { createAppraisalQueueService, type AppraisalQueueService } from './appraisal-queue.service.js';
