// Monitored sources and the polite fetcher (issue 12 §1–§3, §5): sources CRUD and health, the fetch loop (sources →
// queued item pages → extracted articles → the monitoring engine's ingest), file imports and submitted addresses.
export {
  createMonitoringSourcesService,
  FETCH_LOG_DAYS,
  type MonitoringSourcesService,
} from './monitoring-sources.service.js';
export { monitoringSourcesRepository } from './monitoring-sources.repository.js';
export { fetchQueueRepository } from './fetch-queue.repository.js';
export { monitoringHostsRepository } from './monitoring-hosts.repository.js';
export { createPoliteFetcher, type FetchSettings, type PoliteFetcher } from './polite-fetcher.service.js';
export { createSourceFetchService, type SourceFetchService } from './source-fetch.service.js';
export { createItemFetchService, type ItemFetchService } from './item-fetch.service.js';
export { createSourceImportService, type SourceImportService } from './source-import.service.js';
export { DEFAULT_LOOP_SETTINGS, type FetchLoopSettings, type IngestArticles } from './fetch-types.js';
export { fetchItemsJob, fetchLogRetentionJob, fetchSourcesJob } from './monitoring-fetch.job.js';
export { registerMonitoringSourcesRoutes } from './monitoring-sources.routes.js';
export { fetchSettingsFrom, type FetchOptions } from './fetch-settings.js';
