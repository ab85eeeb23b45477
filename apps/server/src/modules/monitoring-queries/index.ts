// Saved monitoring queries (CRUD, check, the agency's seeded queries, the daily digest) and the classifier's editable
// lexicon and retraining. The ingest engine reads queries, lexicon and models straight from their tables.
export { createMonitoringQueriesService, type MonitoringQueriesService } from './monitoring-queries.service.js';
export { createMonitoringDigestService, type MonitoringDigestService } from './monitoring-digest.service.js';
export { createClassifierAdminService, type ClassifierAdminService } from './classifier-admin.service.js';
export { monitoringQueriesRepository } from './monitoring-queries.repository.js';
export { classifierStoreRepository } from './classifier-store.repository.js';
export { registerMonitoringQueriesRoutes } from './monitoring-queries.routes.js';
export { seedMonitoringQueries } from './monitoring-queries.seed.js';
export { monitoringDigestJob, monitoringNightlyRetrainJob, monitoringTrainJob } from './monitoring-queries.job.js';
export { labelOfDev, UNRELATED, ZDevLabel, type DevLabel } from './training-data.js';
