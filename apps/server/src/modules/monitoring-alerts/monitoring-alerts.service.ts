import {
  ALERT_STATUSES,
  type TAlert,
  type TAlertArticle,
  type TAlertCounts,
  type TAlertListQuery,
  type TAlertStatus,
  type TPage,
  type TUpdateAlertRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { monitoringAlertsPolicy as policy } from './monitoring-alerts.policy.js';
import type { AlertFilters, AlertRow, MonitoringAlertsRepository } from './monitoring-alerts.repository.js';
import { lookupsNeeded, toAlert } from './present.js';

export interface MonitoringAlertsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: MonitoringAlertsRepository;
  recordAudit: RecordAudit;
}

/** Articles shown with each alert of a list (the first of the story), and on one alert's page. */
export const LIST_ARTICLES = 5;
export const DETAIL_ARTICLES = 500;
const EXPORT_CHUNK = 500;

/** The list's filters, the comma-separated statuses checked one by one (an unknown one is a 400 on `status`). */
function filtersOf(query: TAlertListQuery): AlertFilters {
  const { status, page: _page, pageSize: _pageSize, sort: _sort, ...rest } = query;
  const statuses = (status ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (statuses.some((s) => !(ALERT_STATUSES as readonly string[]).includes(s))) {
    throw fieldError('status', 'validation.invalid');
  }
  return { ...rest, statuses: statuses as TAlertStatus[] };
}

export type MonitoringAlertsService = ReturnType<typeof createMonitoringAlertsService>;

export function createMonitoringAlertsService(deps: MonitoringAlertsDeps) {
  const { db, runInTransaction, repo, recordAudit } = deps;

  async function present(tx: Executor, rows: AlertRow[], articlesPerAlert: number): Promise<TAlert[]> {
    const needed = lookupsNeeded(rows, articlesPerAlert);
    const [rules, queries, articles] = [
      await repo.ruleNames(tx, needed.ruleIds),
      await repo.queryNames(tx, needed.queryIds),
      await repo.articles(tx, needed.articleIds),
    ];
    const lookups = {
      rules: new Map(rules.map((r) => [r.id, r.name])),
      queries: new Map(queries.map((q) => [q.id, q.name])),
      articles: new Map(articles.map((a) => [a.id, a as TAlertArticle])),
    };
    return rows.map((row) => toAlert(row, lookups, articlesPerAlert));
  }

  /** The alert when the actor sees it (its unit in their subtree), else not found. */
  async function visible(tx: Executor, actor: Actor, id: string, lock = false): Promise<AlertRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row || !policy.canSee(actor, row)) throw notFound('monitoring_alert');
    return row;
  }

  return {
    /** The alerts of units in the caller's subtree, newest first by default, each with its first articles. */
    async listAlerts(actor: Actor, query: TAlertListQuery): Promise<TPage<TAlert>> {
      const filters = filtersOf(query);
      const { rows, total } = await repo.list(db, actor.scopePath, {
        ...filters,
        page: query.page,
        pageSize: query.pageSize,
        sort: query.sort,
      });
      return { items: await present(db, rows, LIST_ARTICLES), total };
    },

    /** Every alert matching the list's filters, a chunk at a time (for the streamed Excel export). */
    async exportChunks(actor: Actor, query: TAlertListQuery): Promise<AsyncIterable<TAlert[]>> {
      const filters = filtersOf(query);
      const pageOf = (page: number) =>
        repo.list(db, actor.scopePath, { ...filters, sort: query.sort, page, pageSize: EXPORT_CHUNK });
      // The first page is read before anything is sent: a bad sort is a problem, not a cut-off download.
      const first = await pageOf(1);
      return {
        async *[Symbol.asyncIterator]() {
          for (let page = 1; ; page++) {
            const { rows } = page === 1 ? first : await pageOf(page);
            if (rows.length > 0) yield await present(db, rows, LIST_ARTICLES);
            if (rows.length < EXPORT_CHUNK) return;
          }
        },
      };
    },

    /** The caller's inbox badge: new and acknowledged alerts of units in their subtree. */
    async countAlerts(actor: Actor): Promise<TAlertCounts> {
      return repo.counts(db, actor.scopePath);
    },

    /** One alert with its articles (up to DETAIL_ARTICLES, in arrival order). */
    async getAlert(actor: Actor, id: string): Promise<TAlert> {
      const [alert] = await present(db, [await visible(db, actor, id)], DETAIL_ARTICLES);
      return alert!;
    },

    /**
     * Acknowledges, dismisses or reopens an alert (optimistic on `version`), audited with the note. An alert an
     * incident took over is handled in the incident (409); setting the status it has changes nothing.
     */
    async updateAlert(actor: Actor, id: string, input: TUpdateAlertRequest): Promise<TAlert> {
      return runInTransaction(async (tx) => {
        const before = await visible(tx, actor, id, true);
        policy.assertCanHandle(actor, before);
        if (before.status === 'incident') throw new AppError('alert.incident_opened');
        if (before.version !== input.version) throw new AppError('conflict.version');
        if (before.status !== input.status) {
          const reopened = input.status === 'new';
          const updated = await repo.updateStatus(tx, id, input.version, {
            status: input.status,
            handledBy: reopened ? null : actor.userId,
            handledAt: reopened ? null : new Date(),
          });
          if (!updated) throw new AppError('conflict.version');
          await recordAudit(tx, actor, {
            action: 'change_status',
            entityType: 'monitoring_alert',
            entityId: id,
            orgUnitId: before.orgUnitId,
            summary: before.title.slice(0, 300),
            before: { status: before.status },
            after: { status: input.status, ...(input.note ? { note: input.note } : {}) },
          });
        }
        const [alert] = await present(tx, [await visible(tx, actor, id)], DETAIL_ARTICLES);
        return alert!;
      });
    },
  };
}
