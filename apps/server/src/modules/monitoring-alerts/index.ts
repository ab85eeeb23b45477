// Alerts on monitored articles (issue 8 §4): rules and immediate saved queries raise one alert per story and unit
// after ingest, spikes per query and flag, the alert inbox and the rules. Decision 0039.
import type { Executor } from '../../platform/db/transaction.js';
import { monitoringAlertsRepository } from './monitoring-alerts.repository.js';

export { createMonitoringAlertsService, type MonitoringAlertsService } from './monitoring-alerts.service.js';
export { createAlertRulesService, type AlertRulesService } from './alert-rules.service.js';
export { createAlertEvaluationService, type AlertEvaluationService } from './alert-evaluation.service.js';
export { monitoringAlertsRepository } from './monitoring-alerts.repository.js';
export { alertRulesRepository } from './alert-rules.repository.js';
export { alertEvaluationRepository } from './alert-evaluation.repository.js';
export { registerMonitoringAlertsRoutes } from './monitoring-alerts.routes.js';
export { alertsEvaluateJob, spikesJob } from './monitoring-alerts.job.js';

/** An alert as an incident takes it over. */
export interface AlertForIncident {
  id: string;
  orgUnitId: string;
  clusterId: string | null;
  articleIds: string[];
  title: string;
  status: string;
}

/**
 * The alerts among `alertIds` (unknown ids left out), oldest first, whatever the caller's scope: the incidents module
 * checks scope against `orgUnitId`.
 */
export function alertsForIncident(tx: Executor, alertIds: readonly string[]): Promise<AlertForIncident[]> {
  return monitoringAlertsRepository.forIncident(tx, alertIds);
}

/** Inside the incident's transaction: the alerts get status `incident`, the case's id, who opened it and when. */
export function markAlertsIncident(
  tx: Executor,
  alertIds: readonly string[],
  incidentId: string,
  userId: string | null,
): Promise<void> {
  return monitoringAlertsRepository.markIncident(tx, alertIds, incidentId, userId);
}
