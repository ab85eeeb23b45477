// Listen and respond's wiring (issue 8): the daily press review and the 24-hour bulletin with their delivery, alerts
// and spikes on monitored articles, media incidents; and their jobs. composition-root.ts spreads these services into
// Loa's and adds the jobs. Each module's construction lives in its own section below.
import type { recordAudit } from './platform/audit/audit.js';
import type { Db } from './platform/db/client.js';
import type { transactionRunner } from './platform/db/transaction.js';
import type { JobDefinition, Jobs } from './platform/jobs/jobs.js';
import type { Mailer } from './platform/mail/mailer.js';
import type { MonitoringServices } from './composition-monitoring.js';
import type { NotificationsService } from './modules/notifications/index.js';
import { orgUnitsRepository } from './modules/org-units/index.js';
import {
  createPressReviewsService,
  pressReviewCompileJob,
  pressReviewsRepository,
  reviewSourcesRepository,
} from './modules/press-reviews/index.js';
import {
  createReviewDeliveryService,
  createReviewDocumentsService,
  createReviewFeedsService,
  createReviewSubscriptionsService,
  deliverReviewJob,
  flushDeliveriesJob,
  reviewDeliveriesRepository,
  reviewSubscriptionsRepository,
} from './modules/press-review-delivery/index.js';
import {
  alertEvaluationRepository,
  alertRulesRepository,
  alertsEvaluateJob,
  createAlertEvaluationService,
  createAlertRulesService,
  createMonitoringAlertsService,
  monitoringAlertsRepository,
  spikesJob,
  // Incidents take over alerts through these two only (decision 0040).
  alertsForIncident,
  markAlertsIncident,
} from './modules/monitoring-alerts/index.js';
import {
  createIncidentsService,
  escalateIncidentsJob,
  incidentLinksRepository,
  incidentsRepository,
  linkArrivalsJob,
} from './modules/incidents/index.js';

export interface ListenOptions {
  /** Where users open Loa (LOA_PUBLIC_URL): links in e-mails and feeds. */
  publicUrl?: string | undefined;
  /** "HH:MM" in Asia/Ho_Chi_Minh when the daily press review is compiled (LOA_REVIEW_TIME, default 06:30). */
  reviewTime?: string | undefined;
  /** "HH:MM" when the 24-hour bulletin is compiled (LOA_BULLETIN_TIME, default 16:00). */
  bulletinTime?: string | undefined;
}

interface Base {
  db: Db;
  runInTransaction: ReturnType<typeof transactionRunner>;
  recordAudit: typeof recordAudit;
}

export interface ListenDeps {
  notify: NotificationsService['notify'];
  mailer: Mailer;
  monitoring: MonitoringServices;
}

export function composeListen(base: Base, deps: ListenDeps, options: ListenOptions) {
  // The daily press review and the 24-hour bulletin (decision 0037); approval hands the edition to delivery.
  const pressReviews = createPressReviewsService({
    ...base,
    repo: pressReviewsRepository,
    sources: reviewSourcesRepository,
    units: orgUnitsRepository,
    compileTimes: { review: options.reviewTime, bulletin: options.bulletinTime },
    onApproved: async (tx, actor, review) => {
      await reviewDelivery.enqueueDeliveries(tx, actor, review);
    },
    afterApproved: (id) => reviewDelivery.wake(id),
  });
  // Documents, subscriptions, per-recipient e-mails with retries, feeds (decision 0038).
  const reviewDocuments = createReviewDocumentsService({
    db: base.db,
    reviews: pressReviews,
    subscriptions: reviewSubscriptionsRepository,
    deliveries: reviewDeliveriesRepository,
    publicUrl: options.publicUrl,
  });
  const reviewDelivery = createReviewDeliveryService({
    ...base,
    repo: reviewDeliveriesRepository,
    subscriptions: reviewSubscriptionsRepository,
    reviews: pressReviews,
    documents: reviewDocuments,
    notify: deps.notify,
    mailer: deps.mailer,
  });
  const reviewSubscriptions = createReviewSubscriptionsService({
    ...base,
    repo: reviewSubscriptionsRepository,
    publicUrl: options.publicUrl,
  });
  const reviewFeeds = createReviewFeedsService({
    db: base.db,
    repo: reviewSubscriptionsRepository,
    reviews: pressReviews,
    documents: reviewDocuments,
    publicUrl: options.publicUrl,
  });
  const delivery = { reviewDelivery, reviewDocuments, reviewSubscriptions, reviewFeeds };
  // Alert rules and the inbox, the evaluator after every ingest batch, the spike detector (decision 0039).
  const alerts = {
    monitoringAlerts: createMonitoringAlertsService({ ...base, repo: monitoringAlertsRepository }),
    monitoringAlertRules: createAlertRulesService({ ...base, repo: alertRulesRepository, units: orgUnitsRepository }),
    monitoringAlertEvaluation: createAlertEvaluationService({
      ...base,
      repo: alertEvaluationRepository,
      notify: deps.notify,
    }),
  };
  // Media incidents: cases, deadlines and escalation, the actions log, items arriving from matching (decision 0040).
  const incidents = createIncidentsService({
    ...base,
    repo: incidentsRepository,
    links: incidentLinksRepository,
    notify: deps.notify,
    alerts: { forIncident: alertsForIncident, markIncident: markAlertsIncident },
  });
  return {
    pressReviews,
    ...delivery,
    ...alerts,
    incidents,
  };
}

export type ListenServices = ReturnType<typeof composeListen>;

/** The jobs of listen and respond; `jobs` lets an approval, an ingest batch or a retry wake a job at once. */
export function listenJobs(
  services: ListenServices & MonitoringServices,
  jobs: Pick<Jobs, 'send'>,
): JobDefinition<never>[] {
  const definitions: JobDefinition<never>[] = [];
  // The compile jobs at LOA_REVIEW_TIME and LOA_BULLETIN_TIME.
  const { compileTimes, compileScheduled } = services.pressReviews;
  definitions.push(
    pressReviewCompileJob('review', compileTimes.review, compileScheduled) as JobDefinition<never>,
    pressReviewCompileJob('bulletin', compileTimes.bulletin, compileScheduled) as JobDefinition<never>,
  );
  // An approval or a retry queues the send job at once (on a process that runs jobs); the flush catches up.
  const deliver = deliverReviewJob(services.reviewDelivery.processDelivery);
  services.reviewDelivery.useQueue(async (deliveryId) => {
    await jobs.send(deliver, { deliveryId }, { idempotencyKey: deliveryId });
  });
  definitions.push(
    deliver as JobDefinition<never>,
    flushDeliveriesJob(services.reviewDelivery.findDeliveriesToQueue, jobs, deliver) as JobDefinition<never>,
  );
  // A batch that stored articles wakes the evaluator at once (one run waiting at most); the cron catches up.
  const evaluateAlerts = alertsEvaluateJob(services.monitoringAlertEvaluation.evaluateNewArticles);
  services.monitoringIngest.onIngested(async () => {
    await jobs.send(evaluateAlerts, {}, { idempotencyKey: 'monitoring.alerts-evaluate' });
  });
  definitions.push(
    evaluateAlerts as JobDefinition<never>,
    spikesJob(services.monitoringAlertEvaluation.detectSpikes) as JobDefinition<never>,
  );
  // Every ingest batch that stored articles wakes the arrivals reader at once; the cron catches up.
  const linkArrivals = linkArrivalsJob(services.incidents.linkArrivals);
  services.monitoringIngest.onIngested(async () => {
    await jobs.send(linkArrivals, {}, { idempotencyKey: 'incidents.link-arrivals' });
  });
  definitions.push(
    linkArrivals as JobDefinition<never>,
    escalateIncidentsJob(() => services.incidents.escalateOverdue()) as JobDefinition<never>,
  );
  return definitions;
}
