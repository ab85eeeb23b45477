export { createGuidanceService, type GuidanceService } from './guidance.service.js';
export { guidanceRepository } from './guidance.repository.js';
export { registerGuidanceRoutes } from './guidance.routes.js';
