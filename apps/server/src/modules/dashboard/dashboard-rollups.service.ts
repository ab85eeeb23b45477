// Keeping the dashboard's rollups current (decision 0042): the refresh recomputes the cells the source tables' triggers
// marked, each batch in one transaction; the rebuild recomputes everything. The first refresh after the migration (or
// after a unit moved in the tree) rebuilds, since until then the dashboard aggregates directly.
import { z } from 'zod';
import type { RunInTransaction } from '../../platform/db/transaction.js';
import { defineJob } from '../../platform/jobs/jobs.js';
import type { DashboardRollupsRepository } from './dashboard-rollups.repository.js';

/** Marks handled per transaction; a refresh continues with the next batch while marks remain. */
const BATCH = 5000;

export interface DashboardRollupsDeps {
  runInTransaction: RunInTransaction;
  repo: DashboardRollupsRepository;
}

export type RefreshSummary =
  | { outcome: 'busy' }
  | { outcome: 'rebuilt'; rows: number; dayRows: number }
  | { outcome: 'refreshed'; changes: number; cells: number };

export type DashboardRollupsService = ReturnType<typeof createDashboardRollupsService>;

export function createDashboardRollupsService({ runInTransaction, repo }: DashboardRollupsDeps) {
  return {
    /** Recomputes every dirty cell (or rebuilds when the rollups were never built or a unit moved). */
    async refresh(): Promise<RefreshSummary> {
      let changes = 0;
      let cells = 0;
      for (;;) {
        const step = await runInTransaction(async (tx) => {
          const result = await repo.refresh(tx, BATCH);
          // The refresh holds the lock; the rebuild takes it again in the same transaction.
          return result.outcome === 'needs-rebuild'
            ? { outcome: 'rebuilt' as const, ...(await repo.rebuild(tx)) }
            : result;
        });
        if (step.outcome !== 'refreshed') return step;
        changes += step.changes;
        cells += step.cells;
        if (!step.more) return { outcome: 'refreshed', changes, cells };
      }
    },

    /** Recomputes every cell from the records. */
    async rebuild(): Promise<{ rows: number; dayRows: number }> {
      return runInTransaction((tx) => repo.rebuild(tx));
    },
  };
}

/** Every minute: the cells changed since the last run (a rebuild the first time). */
export function dashboardRollupsRefreshJob(service: Pick<DashboardRollupsService, 'refresh'>) {
  return defineJob({
    name: 'dashboard.rollups-refresh',
    payload: z.object({}).passthrough(),
    schedule: '* * * * *',
    retryLimit: 2,
    retryDelaySeconds: 20,
    async handler() {
      await service.refresh();
    },
  });
}

/** Nightly at 01:17, and from /admin/jobs: every cell recomputed, whatever the triggers recorded. */
export function dashboardRollupsRebuildJob(service: Pick<DashboardRollupsService, 'rebuild'>) {
  return defineJob({
    name: 'dashboard.rollups-rebuild',
    payload: z.object({}).passthrough(),
    schedule: '17 1 * * *',
    retryLimit: 2,
    retryDelaySeconds: 120,
    async handler() {
      await service.rebuild();
    },
  });
}
