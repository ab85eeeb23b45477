// Item pages a killed worker had claimed stay reserved to it until their lease (`itemLeaseSeconds`, 15 minutes by
// default) runs out; then any worker's next round takes them again. A test cannot wait that long: this moves the
// dead worker's clock forward instead — the claims' expiry — exactly what the passing of the lease would do.
import type pg from 'pg';
import { DEFAULT_LOOP_SETTINGS } from '../../src/modules/monitoring-sources/index.js';

/** Call only while no live worker runs: every pending claim still in the future is the dead worker's. */
export async function lapseDeadItemClaims(
  pool: pg.Pool,
  leaseSeconds = DEFAULT_LOOP_SETTINGS.itemLeaseSeconds,
): Promise<number> {
  const { rowCount } = await pool.query(
    `UPDATE monitoring_fetch_queue SET next_attempt_at = next_attempt_at - make_interval(secs => $1)
      WHERE state = 'pending' AND next_attempt_at > now()`,
    [leaseSeconds],
  );
  return rowCount ?? 0;
}
