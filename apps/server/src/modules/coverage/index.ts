export { createCoverageService, type CoverageService } from './coverage.service.js';
export { coverageRepository } from './coverage.repository.js';
export { registerCoverageRoutes } from './coverage.routes.js';
