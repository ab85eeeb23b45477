import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';

export interface JobRunState {
  name: string;
  lastRunAt: string | null;
  lastState: 'completed' | 'failed' | null;
  pending: number;
}

/** Reads pg-boss's own tables (schema `pgboss`): the last finished run and the runs waiting, per job name. */
export const scheduledJobsRepository = {
  async runStates(tx: Executor, names: readonly string[]): Promise<JobRunState[]> {
    if (names.length === 0) return [];
    // Before the queue first started on this database there is nothing to read.
    const queue = await tx.execute<{ exists: boolean }>(sql`SELECT to_regclass('pgboss.job') IS NOT NULL AS exists`);
    if (!queue.rows[0]?.exists) return names.map((name) => ({ name, lastRunAt: null, lastState: null, pending: 0 }));
    const result = await tx.execute<{
      name: string;
      lastRunAt: string | null;
      lastState: string | null;
      pending: number;
    }>(sql`
      SELECT n.name,
        to_char(last.completed_on AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "lastRunAt",
        last.state AS "lastState",
        (SELECT count(*)::int FROM pgboss.job j
          WHERE j.name = n.name AND j.state IN ('created', 'retry', 'active')) AS pending
      FROM unnest(string_to_array(${names.join(',')}, ',')) AS n(name)
      LEFT JOIN LATERAL (
        SELECT j.completed_on, j.state::text AS state FROM pgboss.job j
        WHERE j.name = n.name AND j.state IN ('completed', 'failed')
        ORDER BY j.completed_on DESC NULLS LAST LIMIT 1
      ) last ON true`);
    return result.rows.map((row) => ({
      name: row.name,
      lastRunAt: row.lastRunAt,
      lastState: row.lastState === 'completed' || row.lastState === 'failed' ? row.lastState : null,
      pending: row.pending,
    }));
  },
};

export type ScheduledJobsRepository = typeof scheduledJobsRepository;
