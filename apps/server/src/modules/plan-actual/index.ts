export { createPlanActualService, type PlanActualService } from './plan-actual.service.js';
export { planActualRepository } from './plan-actual.repository.js';
export { registerPlanActualRoutes } from './plan-actual.routes.js';
