import type {
  RelevanceLevel,
  TCheckQueryResponse,
  TCreateQueryRequest,
  TLocale,
  TMonitoringQuery,
  TPage,
  TQueryAlert,
  TQueryListQuery,
  TUpdateQueryRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import { fieldMessage } from '../../platform/i18n/messages.js';
import { matchQuery, prepareQueryArticle, tryParseQuery, type QueryNode } from '../monitoring/index.js';
import type { UnitLookup } from '../org-units/index.js';
import type { MonitoringQueriesRepository, QueryRow } from './monitoring-queries.repository.js';
import { monitoringQueriesPolicy as policy } from './monitoring-queries.policy.js';
import { seedMonitoringQueries } from './monitoring-queries.seed.js';

export interface MonitoringQueriesDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: MonitoringQueriesRepository;
  recordAudit: RecordAudit;
  units: UnitLookup;
}

/** The check reads at most this many of the newest recent articles (tokenising costs ~0.4 ms an article). */
export const CHECK_SCAN_LIMIT = 3000;
/** Matching articles shown by the check. */
export const CHECK_SAMPLE = 20;

export function toMonitoringQuery(row: QueryRow, actor: Actor): TMonitoringQuery {
  return {
    id: row.id,
    name: row.name,
    text: row.text,
    description: row.description,
    orgUnit: { id: row.orgUnitId, code: row.orgUnitCode, name: row.orgUnitName },
    enabled: row.enabled,
    alert: row.alert as TQueryAlert,
    alertMinRelevance: row.alertMinRelevance as RelevanceLevel,
    matches30d: row.matches30d,
    lastMatchAt: row.lastMatchAt ? row.lastMatchAt.toISOString() : null,
    seeded: row.seedKey !== null,
    createdBy: row.createdByName,
    canEdit: policy.canEdit(actor, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a query. */
const snapshot = (
  row: Pick<QueryRow, 'name' | 'text' | 'enabled' | 'alert' | 'alertMinRelevance'> & { orgUnitCode?: string },
) => ({
  name: row.name,
  text: row.text,
  unit: row.orgUnitCode ?? null,
  enabled: row.enabled,
  alert: row.alert,
  alertMinRelevance: row.alertMinRelevance,
});

/** The parsed query, or the 422 naming the reason and the column of the syntax error on `text`. */
export function parsedOrThrow(text: string): QueryNode {
  const parsed = tryParseQuery(text);
  if (parsed.ok) return parsed.query;
  throw new AppError('monitoring.query_syntax', {}, [
    { field: 'text', code: `query.${parsed.error.reason}`, params: parsed.error.params },
  ]);
}

export type MonitoringQueriesService = ReturnType<typeof createMonitoringQueriesService>;

export function createMonitoringQueriesService(deps: MonitoringQueriesDeps) {
  const { db, runInTransaction, repo, recordAudit, units } = deps;

  async function found(tx: Executor, id: string, lock = false): Promise<QueryRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row) throw notFound('monitoring_query');
    return row;
  }

  /** The owning unit: the one asked for (it must lie in the actor's subtree), else the actor's own. */
  async function owningUnit(tx: Executor, actor: Actor, orgUnitId: string | undefined) {
    const unit = await units.findById(tx, orgUnitId ?? actor.orgUnitId ?? '');
    if (!unit) throw new AppError('validation.failed', {}, [{ field: 'orgUnitId', code: 'validation.unknown_unit' }]);
    if (!policy.canEdit(actor, { orgUnitPath: unit.path }))
      throw new AppError('validation.failed', {}, [{ field: 'orgUnitId', code: 'validation.unit_out_of_scope' }]);
    return unit;
  }

  async function audit(tx: Tx, actor: Actor, action: string, before: QueryRow | null, after: QueryRow) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'monitoring_query',
      entityId: after.id,
      orgUnitId: after.orgUnitId,
      summary: after.name.slice(0, 300),
      before: before ? snapshot(before) : null,
      after: action === 'delete' ? null : snapshot(after),
    });
  }

  return {
    /** The agency's seeded queries, brought up to date at every start (see seedMonitoringQueries). */
    seedQueries: (actor: Actor) => seedMonitoringQueries({ runInTransaction, repo, recordAudit, units }, actor),

    async listQueries(actor: Actor, query: TQueryListQuery, all = false): Promise<TPage<TMonitoringQuery>> {
      const { rows, total } = await repo.list(db, query, all);
      return { items: rows.map((row) => toMonitoringQuery(row, actor)), total };
    },

    async getQuery(actor: Actor, id: string): Promise<TMonitoringQuery> {
      return toMonitoringQuery(await found(db, id), actor);
    },

    async createQuery(actor: Actor, input: TCreateQueryRequest): Promise<TMonitoringQuery> {
      policy.assertCanWrite(actor);
      parsedOrThrow(input.text);
      return runInTransaction(async (tx) => {
        const unit = await owningUnit(tx, actor, input.orgUnitId);
        const id = await repo.insert(tx, {
          name: input.name,
          text: input.text,
          description: input.description || null,
          orgUnitId: unit.id,
          enabled: input.enabled,
          alert: input.alert,
          alertMinRelevance: input.alertMinRelevance,
          createdBy: actor.userId,
        });
        const created = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'create', null, created);
        return toMonitoringQuery(created, actor);
      });
    },

    /** Changes a query (optimistic on `version`); moving it to another unit needs both units in scope. */
    async updateQuery(actor: Actor, id: string, input: TUpdateQueryRequest): Promise<TMonitoringQuery> {
      policy.assertCanWrite(actor);
      if (input.text !== undefined) parsedOrThrow(input.text);
      return runInTransaction(async (tx) => {
        const before = await found(tx, id, true);
        policy.assertCanEdit(actor, before);
        const unit = input.orgUnitId !== undefined ? await owningUnit(tx, actor, input.orgUnitId) : null;
        const updated = await repo.update(tx, id, input.version, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.text !== undefined ? { text: input.text } : {}),
          ...(input.description !== undefined ? { description: input.description || null } : {}),
          ...(unit ? { orgUnitId: unit.id } : {}),
          ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
          ...(input.alert !== undefined ? { alert: input.alert } : {}),
          ...(input.alertMinRelevance !== undefined ? { alertMinRelevance: input.alertMinRelevance } : {}),
        });
        if (!updated) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'update', before, after);
        return toMonitoringQuery(after, actor);
      });
    },

    /** Deletes a query (articles keep its id in matched_query_ids; lists ignore ids that no longer exist). A seeded
     *  query deleted stays deleted: the seed remembers its key. */
    async deleteQuery(actor: Actor, id: string): Promise<void> {
      policy.assertCanWrite(actor);
      await runInTransaction(async (tx) => {
        const before = await found(tx, id, true);
        policy.assertCanEdit(actor, before);
        await repo.delete(tx, id);
        if (before.seedKey) await repo.rememberRemovedSeed(tx, before.seedKey, actor.userId);
        await audit(tx, actor, 'delete', before, before);
      });
    },

    /**
     * Checks a query as the editor types: the syntax error (in the caller's language, with its position), or how many
     * of the newest recent articles it matches with a sample. Reads at most CHECK_SCAN_LIMIT articles of the last 30
     * days and says how many it read out of how many.
     */
    async checkQuery(_actor: Actor, text: string, locale: TLocale): Promise<TCheckQueryResponse> {
      const parsed = tryParseQuery(text);
      if (!parsed.ok) {
        const { reason, params } = parsed.error;
        return {
          ok: false,
          error: { reason, position: params.position, message: fieldMessage(`query.${reason}`, locale, params) },
          recentMatches: 0,
          sample: [],
          scanned: 0,
          recentArticles: 0,
        };
      }
      const { rows, total } = await repo.recentArticles(db, CHECK_SCAN_LIMIT);
      const sample: TCheckQueryResponse['sample'] = [];
      let matches = 0;
      for (const row of rows) {
        const article = prepareQueryArticle({
          title: row.title,
          lead: row.lead,
          body: row.body,
          source: row.sourceName,
        });
        if (!matchQuery(parsed.query, article)) continue;
        matches++;
        if (sample.length < CHECK_SAMPLE) sample.push({ id: row.id, title: row.title, sourceName: row.sourceName });
      }
      return { ok: true, error: null, recentMatches: matches, sample, scanned: rows.length, recentArticles: total };
    },
  };
}
