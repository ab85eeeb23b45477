// Media monitoring's wiring (issue 12): saved queries and the classifier, the ingest engine, sources with the polite
// fetcher, search; and their jobs. composition-root.ts spreads these services into Loa's and adds the jobs.
import type { recordAudit } from './platform/audit/audit.js';
import type { Db } from './platform/db/client.js';
import type { transactionRunner } from './platform/db/transaction.js';
import type { JobDefinition, Jobs } from './platform/jobs/jobs.js';
import {
  createIngestService,
  createMonitoringEngine,
  loadShippedModel,
  monitoringRepository,
} from './modules/monitoring/index.js';
import {
  articlesSearchRepository,
  createMonitoringArticlesService,
  createSavedViewsService,
  monitoringArticlesRepository,
  savedViewsRepository,
} from './modules/monitoring-articles/index.js';
import {
  classifierStoreRepository,
  createClassifierAdminService,
  createMonitoringDigestService,
  createMonitoringQueriesService,
  monitoringDigestJob,
  monitoringNightlyRetrainJob,
  monitoringQueriesRepository,
  monitoringTrainJob,
} from './modules/monitoring-queries/index.js';
import {
  createItemFetchService,
  createMonitoringSourcesService,
  createPoliteFetcher,
  createSourceFetchService,
  createSourceImportService,
  DEFAULT_LOOP_SETTINGS,
  fetchItemsJob,
  fetchLogRetentionJob,
  fetchQueueRepository,
  fetchSettingsFrom,
  fetchSourcesJob,
  monitoringHostsRepository,
  monitoringSourcesRepository,
  type FetchLoopSettings,
  type FetchOptions,
} from './modules/monitoring-sources/index.js';
import type { NotificationsService } from './modules/notifications/index.js';
import { orgUnitsRepository } from './modules/org-units/index.js';

export interface MonitoringOptions {
  /** Polite fetching of monitored sources (LOA_FETCH_*); the loop's own settings only tests change. */
  monitoringFetch?: Partial<FetchOptions> | undefined;
  monitoringLoop?: Partial<FetchLoopSettings> | undefined;
  /** Where users open Loa (LOA_PUBLIC_URL), named in the fetcher's User-Agent. */
  publicUrl?: string | undefined;
}

interface Base {
  db: Db;
  runInTransaction: ReturnType<typeof transactionRunner>;
  recordAudit: typeof recordAudit;
}

export function composeMonitoring(base: Base, notify: NotificationsService['notify'], options: MonitoringOptions) {
  // Saved queries and the classifier's lexicon and retraining (§5, §6).
  const monitoringQueries = createMonitoringQueriesService({
    ...base,
    repo: monitoringQueriesRepository,
    units: orgUnitsRepository,
  });
  const monitoringDigest = createMonitoringDigestService({
    runInTransaction: base.runInTransaction,
    repo: monitoringQueriesRepository,
    notify,
  });
  const monitoringClassifier = createClassifierAdminService({ ...base, repo: classifierStoreRepository });
  // The engine's in-memory state is per process, kept current at every batch.
  const monitoringEngine = createMonitoringEngine({
    repo: monitoringRepository,
    loadShippedModel: () => loadShippedModel(),
    warn: (message) => console.warn(message),
  });
  // Alerts and incidents hear of stored articles through `onIngested` (composition-listen.ts).
  const monitoringIngest = createIngestService({
    ...base,
    repo: monitoringRepository,
    engine: monitoringEngine,
  });
  // Sources and the polite fetcher (§1–§3): every article it finds goes through the ingest above.
  const fetcher = createPoliteFetcher({
    db: base.db,
    hosts: monitoringHostsRepository,
    settings: fetchSettingsFrom(options.monitoringFetch ?? {}, options.publicUrl),
  });
  const sourceDeps = {
    ...base,
    queue: fetchQueueRepository,
    fetcher,
    settings: { ...DEFAULT_LOOP_SETTINGS, ...options.monitoringLoop },
  };
  return {
    monitoringQueries,
    monitoringDigest,
    monitoringClassifier,
    monitoringIngest,
    monitoringSources: createMonitoringSourcesService({
      ...base,
      repo: monitoringSourcesRepository,
      queue: fetchQueueRepository,
    }),
    monitoringSourceFetch: createSourceFetchService({ ...sourceDeps, notify }),
    monitoringItemFetch: createItemFetchService({
      ...sourceDeps,
      sources: monitoringSourcesRepository,
      ingest: monitoringIngest.ingest,
    }),
    monitoringSourceImport: createSourceImportService({
      ...base,
      sources: monitoringSourcesRepository,
      ingest: monitoringIngest.ingest,
    }),
    monitoringArticles: createMonitoringArticlesService({
      ...base,
      repo: monitoringArticlesRepository,
      search: articlesSearchRepository,
      units: orgUnitsRepository,
      notify,
    }),
    monitoringViews: createSavedViewsService({ ...base, repo: savedViewsRepository }),
  };
}

export type MonitoringServices = ReturnType<typeof composeMonitoring>;

/** Monitoring's jobs; `jobs` lets "train now", "fetch now" and a fetch that queued items wake the next job at once. */
export function monitoringJobs(services: MonitoringServices, jobs: Pick<Jobs, 'send'>): JobDefinition<never>[] {
  // "Train now" queues the training job at once on an instance that processes jobs (others leave it to the poll).
  const train = monitoringTrainJob(services.monitoringClassifier.runPendingTraining);
  services.monitoringClassifier.useQueue(async () => {
    await jobs.send(train, {}, { idempotencyKey: 'monitoring.train' });
  });
  // "Fetch now" wakes the source fetcher at once; a fetch that queued items wakes the item fetcher.
  const items = fetchItemsJob(() => services.monitoringItemFetch.processItems());
  const sources = fetchSourcesJob(async (o) => {
    const fetched = await services.monitoringSourceFetch.fetchDueSources(o);
    if (fetched > 0) await jobs.send(items, {});
    return fetched;
  });
  services.monitoringSources.setFetchTrigger(async (sourceId) => {
    // Keyed per source: queues are "stately", so a keyless send is dropped while another keyless one waits.
    await jobs.send(sources, { sourceId }, { idempotencyKey: `fetch-now:${sourceId}` });
  });
  return [
    monitoringDigestJob(services.monitoringDigest.sendDailyDigest),
    train,
    sources,
    items,
    fetchLogRetentionJob(() => services.monitoringSources.deleteOldFetchLog()),
    monitoringNightlyRetrainJob(
      services.monitoringClassifier.requestNightlyTraining,
      services.monitoringClassifier.runPendingTraining,
    ),
  ] as JobDefinition<never>[];
}
