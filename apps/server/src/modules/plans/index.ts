export { createPlansService, type PlansService } from './plans.service.js';
export { type ProgressQuery, type ProgressSource } from './plan-views.service.js';
export { plansRepository } from './plans.repository.js';
export { registerPlansRoutes } from './plans.routes.js';
