export { createDashboardService, type DashboardService } from './dashboard.service.js';
export { dashboardRepository } from './dashboard.repository.js';
export { dashboardRollupsRepository } from './dashboard-rollups.repository.js';
export {
  createDashboardRollupsService,
  dashboardRollupsRebuildJob,
  dashboardRollupsRefreshJob,
  type DashboardRollupsService,
} from './dashboard-rollups.service.js';
export { registerDashboardRoutes } from './dashboard.routes.js';
export { MAX_PERIOD_YEARS, periodProblem } from './dashboard-period.js';
