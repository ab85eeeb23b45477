// The jobs a killed worker held stay `active` in pg-boss until their lease (`expire_in`, 15 minutes by default) runs
// out; the supervisor of a live instance then fails them into `retry`, due after the retry delay. A test cannot wait
// that long: this moves the dead worker's clock forward instead — the leases' start and the retries' due time — and
// runs pg-boss's own expiry statement, exactly what the supervisor would run once the time had passed.
import { createRequire } from 'node:module';
import type pg from 'pg';

interface PgBossPlans {
  locked(schema: string, query: string): string;
  failJobsByTimeout(schema: string): string;
}
const plans = createRequire(import.meta.url)('pg-boss/src/plans.js') as PgBossPlans;

/** Call only while no live worker runs: every active job is taken for the dead worker's. Returns how many expired. */
export async function expireDeadWorkerLeases(pool: pg.Pool): Promise<number> {
  const { rowCount } = await pool.query(
    `UPDATE pgboss.job SET started_on = started_on - expire_in - interval '1 second' WHERE state = 'active'`,
  );
  await pool.query(plans.locked('pgboss', plans.failJobsByTimeout('pgboss')));
  await pool.query(`UPDATE pgboss.job SET start_after = now() WHERE state = 'retry'`);
  return rowCount ?? 0;
}

/** Jobs of `name` by state, e.g. `{ completed: 6 }`. */
export async function jobStates(pool: pg.Pool, name: string): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ state: string; n: number }>(
    'SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state ORDER BY state',
    [name],
  );
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
