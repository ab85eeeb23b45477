export { createDashboardService, type DashboardService } from './dashboard.service.js';
export { dashboardRepository } from './dashboard.repository.js';
export { registerDashboardRoutes } from './dashboard.routes.js';
