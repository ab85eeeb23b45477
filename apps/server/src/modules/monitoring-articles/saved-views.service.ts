import { ZArticleSearchQuery, type TCreateSavedViewRequest, type TSavedView } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { monitoringArticlesPolicy as policy } from './monitoring-articles.policy.js';
import type { SavedViewRow, SavedViewsRepository } from './saved-views.repository.js';

export interface SavedViewsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: SavedViewsRepository;
  recordAudit: RecordAudit;
}

/** More views than this per officer is a list nobody reads. */
export const MAX_VIEWS_PER_USER = 100;

function toView(row: SavedViewRow): TSavedView {
  return { id: row.id, name: row.name, params: row.params, createdAt: row.createdAt.toISOString() };
}

/**
 * The search's query string as it will be stored: without `page` (a view opens on its first page), leading "?"
 * dropped; it must be a search the article list accepts.
 */
export function cleanViewParams(params: string): string {
  const search = new URLSearchParams(params.trim().replace(/^\?/, ''));
  search.delete('page');
  const value: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const all = search.getAll(key);
    value[key] = all.length > 1 ? all : all[0]!;
  }
  if (!ZArticleSearchQuery.safeParse(value).success) throw fieldError('params', 'validation.invalid_format');
  return search.toString();
}

export function createSavedViewsService(deps: SavedViewsDeps) {
  const { db, runInTransaction, repo, recordAudit } = deps;
  return {
    /** The caller's views, by name. */
    async listViews(actor: Actor): Promise<TSavedView[]> {
      policy.assertCanKeepViews(actor);
      return (await repo.listByUser(db, actor.userId!)).map(toView);
    },

    /** Saves a named search for the caller; the name is theirs once (409 with a field error on `name`). */
    async createView(actor: Actor, request: TCreateSavedViewRequest): Promise<TSavedView> {
      policy.assertCanKeepViews(actor);
      const userId = actor.userId!;
      const params = cleanViewParams(request.params);
      return runInTransaction(async (tx) => {
        if ((await repo.countByUser(tx, userId)) >= MAX_VIEWS_PER_USER)
          throw fieldError('name', 'validation.too_many_items', { maximum: MAX_VIEWS_PER_USER });
        const row = await repo.insert(tx, { userId, name: request.name, params });
        if (!row)
          throw new AppError('conflict.duplicate', { value: request.name }, [
            { field: 'name', code: 'validation.duplicate' },
          ]);
        await recordAudit(tx, actor, {
          action: 'create',
          entityType: 'monitoring_view',
          entityId: row.id,
          orgUnitId: actor.orgUnitId,
          summary: row.name,
          after: { name: row.name, params: row.params },
        });
        return toView(row);
      });
    },

    /** Deletes one of the caller's views; someone else's is not found. */
    async deleteView(actor: Actor, id: string): Promise<void> {
      policy.assertCanKeepViews(actor);
      await runInTransaction(async (tx) => {
        const row = await repo.deleteOwn(tx, id, actor.userId!);
        if (!row) throw notFound('monitoring_view');
        await recordAudit(tx, actor, {
          action: 'delete',
          entityType: 'monitoring_view',
          entityId: row.id,
          orgUnitId: actor.orgUnitId,
          summary: row.name,
          before: { name: row.name, params: row.params },
        });
      });
    },
  };
}

export type SavedViewsService = ReturnType<typeof createSavedViewsService>;
