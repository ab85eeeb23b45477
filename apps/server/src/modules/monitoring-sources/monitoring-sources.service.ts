import {
  POLLED_SOURCE_KINDS,
  type TCreateSourceRequest,
  type TFetchErrorCode,
  type TFetchLogEntry,
  type TFetchOutcome,
  type TMonitoringSource,
  type TPage,
  type TSetSourceEnabledRequest,
  type TSourceKind,
  type TSourceListQuery,
  type TSourceTier,
  type TUpdateSourceRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { FetchQueueRepository } from './fetch-queue.repository.js';
import type { MonitoringSourcesRepository, NewSourceRow, SourceRow } from './monitoring-sources.repository.js';
import { monitoringSourcesPolicy as policy } from './monitoring-sources.policy.js';
import { OUTLET_FEEDS, SEED_DISABLED_REASON } from './outlet-feeds.seed.js';

export interface MonitoringSourcesDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: MonitoringSourcesRepository;
  queue: Pick<FetchQueueRepository, 'makeDue' | 'listLog' | 'deleteLogBefore'>;
  recordAudit: RecordAudit;
}

/** How long each fetch of a source is kept in its log (SECURITY.md, data retention). */
export const FETCH_LOG_DAYS = 90;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const isPolled = (kind: string) => (POLLED_SOURCE_KINDS as readonly string[]).includes(kind);

export function toSource(row: SourceRow, actor: Actor): TMonitoringSource {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as TSourceKind,
    url: row.url,
    linkSelector: row.linkSelector,
    outlet: row.outletId && row.outletName ? { id: row.outletId, name: row.outletName } : null,
    area:
      row.areaUnitId && row.areaCode && row.areaName
        ? { id: row.areaUnitId, code: row.areaCode, name: row.areaName }
        : null,
    tier: row.tier as TSourceTier,
    language: row.language as 'vi' | 'en',
    orgUnit: { id: row.orgUnitId, code: row.orgUnitCode, name: row.orgUnitName },
    enabled: row.enabled,
    disabledReason: row.enabled ? null : row.disabledReason,
    pollSeconds: row.pollSeconds,
    nextPollAt: row.enabled ? iso(row.nextPollAt) : null,
    health: {
      lastFetchAt: iso(row.lastFetchAt),
      lastSuccessAt: iso(row.lastSuccessAt),
      lastErrorAt: iso(row.lastErrorAt),
      lastErrorCode: (row.lastErrorCode as TFetchErrorCode | null) ?? null,
      lastError: row.lastError,
      consecutiveFailures: row.consecutiveFailures,
      itemsPerDay: Math.round((row.articlesWeek / 7) * 10) / 10,
      articlesTotal: row.articlesTotal,
    },
    canEdit: policy.canEdit(actor, { orgUnitPath: row.orgUnitPath }),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a source. */
function snapshot(row: SourceRow) {
  return {
    name: row.name,
    kind: row.kind,
    url: row.url,
    linkSelector: row.linkSelector,
    outlet: row.outletName,
    area: row.areaCode,
    tier: row.tier,
    language: row.language,
    orgUnit: row.orgUnitCode,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    pollSeconds: row.pollSeconds,
  };
}

function duplicateUrl(url: string): AppError {
  return new AppError('conflict.duplicate', { field: 'url', value: url }, [
    { field: 'url', code: 'validation.duplicate' },
  ]);
}

export type MonitoringSourcesService = ReturnType<typeof createMonitoringSourcesService>;

export function createMonitoringSourcesService(deps: MonitoringSourcesDeps) {
  const { db, runInTransaction, repo, queue, recordAudit } = deps;
  let fetchTrigger: ((sourceId: string) => Promise<void>) | null = null;

  async function getSource(tx: Executor, id: string, lock = false): Promise<SourceRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row) throw notFound('monitoring_source');
    return row;
  }

  /** Checks the unit, area and outlet a source names; the unit must lie in the actor's scope. */
  async function placement(tx: Executor, actor: Actor, values: Partial<NewSourceRow>): Promise<void> {
    const unit = values.orgUnitId ? await repo.findUnit(tx, values.orgUnitId) : null;
    if (!unit || !policy.canEdit(actor, { orgUnitPath: unit.path }))
      throw fieldError('orgUnitId', 'validation.unit_out_of_scope');
    if (values.areaUnitId) {
      const area = await repo.findUnit(tx, values.areaUnitId);
      if (!area || area.kind !== 'province') throw fieldError('areaUnitId', 'validation.invalid_value');
    }
    if (values.outletId && !(await repo.outletExists(tx, values.outletId)))
      throw fieldError('outletId', 'validation.invalid_value');
    const kind = values.kind ?? '';
    if (isPolled(kind) && !values.url) throw fieldError('url', 'validation.required');
    if (kind === 'html' && !values.linkSelector) throw fieldError('linkSelector', 'validation.required');
  }

  async function audit(tx: Tx, actor: Actor, action: string, before: SourceRow | null, after: SourceRow | null) {
    const row = (after ?? before)!;
    await recordAudit(tx, actor, {
      action,
      entityType: 'monitoring_source',
      entityId: row.id,
      orgUnitId: row.orgUnitId,
      summary: `${row.name}${row.url ? ` — ${row.url}` : ''}`.slice(0, 300),
      before: before ? snapshot(before) : null,
      after: after ? snapshot(after) : null,
    });
  }

  return {
    /** A page of sources with their health; everyone signed in reads them. */
    async listSources(actor: Actor, query: TSourceListQuery, all = false): Promise<TPage<TMonitoringSource>> {
      policy.assertCanRead(actor);
      const { rows, total } = await repo.list(db, query, all);
      return { items: rows.map((row) => toSource(row, actor)), total };
    },

    async getSource(actor: Actor, id: string): Promise<TMonitoringSource> {
      policy.assertCanRead(actor);
      return toSource(await getSource(db, id), actor);
    },

    async createSource(actor: Actor, input: TCreateSourceRequest): Promise<TMonitoringSource> {
      policy.assertCanManage(actor);
      return runInTransaction(async (tx) => {
        const values: NewSourceRow = {
          name: input.name,
          kind: input.kind,
          url: input.url ?? null,
          linkSelector: input.kind === 'html' ? (input.linkSelector ?? null) : null,
          outletId: input.outletId ?? null,
          areaUnitId: input.areaUnitId ?? null,
          tier: input.tier,
          language: input.language,
          orgUnitId: input.orgUnitId ?? policy.defaultUnitId(actor) ?? '',
          enabled: input.enabled,
          disabledReason: null,
          pollSeconds: input.pollSeconds ?? 3600,
          nextPollAt: input.enabled ? new Date() : null,
          createdBy: actor.userId,
        };
        await placement(tx, actor, values);
        if (values.url && (await repo.findIdByUrl(tx, values.url))) throw duplicateUrl(values.url);
        const id = await repo.insert(tx, values);
        const created = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'create', null, created);
        return toSource(created, actor);
      });
    },

    /** Changes a source; a new address forgets the old one's validators and content hash. */
    async updateSource(actor: Actor, id: string, input: TUpdateSourceRequest): Promise<TMonitoringSource> {
      policy.assertCanManage(actor);
      return runInTransaction(async (tx) => {
        const before = await getSource(tx, id, true);
        policy.assertCanEdit(actor, { orgUnitPath: before.orgUnitPath });
        const { version, ...fields } = input;
        const merged: Partial<NewSourceRow> = {
          name: fields.name ?? before.name,
          kind: fields.kind ?? before.kind,
          url: fields.url !== undefined ? fields.url : before.url,
          linkSelector: fields.linkSelector !== undefined ? fields.linkSelector : before.linkSelector,
          outletId: fields.outletId !== undefined ? fields.outletId : before.outletId,
          areaUnitId: fields.areaUnitId !== undefined ? fields.areaUnitId : before.areaUnitId,
          tier: fields.tier ?? before.tier,
          language: fields.language ?? before.language,
          orgUnitId: fields.orgUnitId ?? before.orgUnitId,
          pollSeconds: fields.pollSeconds ?? before.pollSeconds,
        };
        await placement(tx, actor, merged);
        if (merged.url && merged.url.toLowerCase() !== (before.url ?? '').toLowerCase()) {
          const taken = await repo.findIdByUrl(tx, merged.url);
          if (taken && taken !== id) throw duplicateUrl(merged.url);
          Object.assign(merged, { etag: null, lastModified: null, contentHash: null });
        }
        if (merged.kind !== 'html') merged.linkSelector = null;
        if (!(await repo.update(tx, id, version, merged))) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'update', before, after);
        return toSource(after, actor);
      });
    },

    /** Enables a source (failures cleared, polled at once) or disables it with the reason. */
    async setEnabled(actor: Actor, id: string, input: TSetSourceEnabledRequest): Promise<TMonitoringSource> {
      policy.assertCanManage(actor);
      return runInTransaction(async (tx) => {
        const before = await getSource(tx, id, true);
        policy.assertCanEdit(actor, { orgUnitPath: before.orgUnitPath });
        const values: Partial<NewSourceRow> = input.enabled
          ? { enabled: true, disabledReason: null, disabledAt: null, consecutiveFailures: 0, nextPollAt: new Date() }
          : { enabled: false, disabledReason: input.reason ?? null, disabledAt: new Date() };
        if (!(await repo.update(tx, id, input.version, values))) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, input.enabled ? 'enable' : 'disable', before, after);
        return toSource(after, actor);
      });
    },

    /** Deletes a source with its log and queue; its articles stay, with the source's name. */
    async deleteSource(actor: Actor, id: string): Promise<void> {
      policy.assertCanManage(actor);
      await runInTransaction(async (tx) => {
        const before = await getSource(tx, id, true);
        policy.assertCanEdit(actor, { orgUnitPath: before.orgUnitPath });
        await repo.delete(tx, id);
        await audit(tx, actor, 'delete', before, null);
      });
    },

    /** Makes an enabled polled source due now and wakes the fetcher; the fetch itself stays paced. */
    async fetchNow(actor: Actor, id: string): Promise<{ queued: true }> {
      policy.assertCanManage(actor);
      await runInTransaction(async (tx) => {
        const row = await getSource(tx, id, true);
        policy.assertCanEdit(actor, { orgUnitPath: row.orgUnitPath });
        if (!(await queue.makeDue(tx, id))) throw new AppError('monitoring_source.not_fetchable');
        await recordAudit(tx, actor, {
          action: 'fetch_now',
          entityType: 'monitoring_source',
          entityId: id,
          orgUnitId: row.orgUnitId,
          summary: row.name,
        });
      });
      await fetchTrigger?.(id);
      return { queued: true };
    },

    /** Nightly: forgets fetches older than FETCH_LOG_DAYS (a source's health reads the recent ones). Idempotent. */
    async deleteOldFetchLog(now = new Date()): Promise<number> {
      return queue.deleteLogBefore(db, new Date(now.getTime() - FETCH_LOG_DAYS * 86_400_000));
    },

    async listLog(actor: Actor, id: string, page: number, pageSize: number): Promise<TPage<TFetchLogEntry>> {
      policy.assertCanRead(actor);
      await getSource(db, id);
      const { rows, total } = await queue.listLog(db, id, pageSize, (page - 1) * pageSize);
      return {
        items: rows.map((r) => ({
          id: String(r.id),
          startedAt: r.startedAt.toISOString(),
          finishedAt: iso(r.finishedAt),
          url: r.url,
          outcome: r.outcome as TFetchOutcome,
          httpStatus: r.httpStatus,
          errorCode: (r.errorCode as TFetchErrorCode | null) ?? null,
          message: r.message,
          itemsSeen: r.itemsSeen,
          itemsNew: r.itemsNew,
          bytes: r.bytes,
        })),
        total,
      };
    },

    /** Where "fetch now" sends its wake-up (the job queue, wired with the jobs); without it the next tick fetches. */
    setFetchTrigger(trigger: (sourceId: string) => Promise<void>): void {
      fetchTrigger = trigger;
    },

    /**
     * Adds the outlet feeds never seeded before, disabled, kept by the Communication Center (else the root).
     * Returns how many were added.
     */
    async seedOutletFeeds(actor: Actor): Promise<number> {
      return runInTransaction(async (tx) => {
        const owner = (await repo.findUnitByCode(tx, 'TT')) ?? (await repo.findUnitByCode(tx, 'BHXHVN'));
        if (!owner) return 0;
        const seeded = new Set(await repo.findSeededKeys(tx));
        const fresh = OUTLET_FEEDS.filter((f) => !seeded.has(f.key));
        if (fresh.length === 0) return 0;
        const inserted = await repo.insertSeeds(
          tx,
          fresh.map((f) => ({
            name: f.name,
            kind: 'feed',
            url: f.url,
            linkSelector: null,
            outletId: null,
            areaUnitId: null,
            tier: 'national',
            language: 'vi',
            orgUnitId: owner.id,
            enabled: false,
            disabledReason: SEED_DISABLED_REASON,
            disabledAt: new Date(),
            seedKey: f.key,
            createdBy: null,
          })),
        );
        await repo.saveSeededKeys(tx, [...seeded, ...fresh.map((f) => f.key)]);
        await recordAudit(tx, actor, {
          action: 'seed',
          entityType: 'monitoring_source',
          entityId: null,
          orgUnitId: owner.id,
          summary: `Nguồn tin RSS của các cơ quan báo chí lớn (chưa bật): ${inserted.length} nguồn`,
          after: { keys: inserted },
        });
        return inserted.length;
      });
    },
  };
}
