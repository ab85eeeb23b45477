// Scheduled jobs for administrators: the list with their last run, and "run now".
export { createScheduledJobsService, type ScheduledJobsService } from './scheduled-jobs.service.js';
export { scheduledJobsRepository } from './scheduled-jobs.repository.js';
export { registerScheduledJobsRoutes } from './scheduled-jobs.routes.js';
