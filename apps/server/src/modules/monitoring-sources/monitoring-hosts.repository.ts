import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';

export interface HostReservation {
  /** When the request may start (now, or a little later when the host's interval is not over yet). */
  startAt: Date;
  /** The lease to give back to `release` (the database's own text form, exact to the microsecond). */
  lease: string;
  /** The database's clock when the slot was reserved (start times are on that clock). */
  now: Date;
}

export interface RobotsCacheRow {
  robotsTxt: string | null;
  robotsStatus: number | null;
  fresh: boolean;
}

/** Per-host pacing and the robots.txt cache, shared by every instance (0029). Times are the database's. */
export const monitoringHostsRepository = {
  /**
   * Atomically reserves the host's next request slot: at most `maxInFlight` unexpired leases and the slot no
   * further than `horizonSeconds` ahead; the slot is `intervalSeconds` after the previous one. Null when the host is
   * busy (too many in flight, or its queue reaches beyond the horizon).
   */
  async reserve(
    tx: Executor,
    host: string,
    intervalSeconds: number,
    maxInFlight: number,
    leaseSeconds: number,
    horizonSeconds: number,
  ): Promise<HostReservation | null> {
    await tx.execute(sql`INSERT INTO monitoring_hosts (host) VALUES (${host}) ON CONFLICT (host) DO NOTHING`);
    const { rows } = await tx.execute<{ start_at: Date; lease: string; now: Date }>(sql`
      UPDATE monitoring_hosts
         SET next_allowed_at = greatest(next_allowed_at, now()) + make_interval(secs => ${intervalSeconds}),
             in_flight = array_append(
               ARRAY(SELECT l FROM unnest(in_flight) AS l WHERE l > now()),
               greatest(next_allowed_at, now()) + make_interval(secs => ${leaseSeconds}))
       WHERE host = ${host}
         AND (SELECT count(*) FROM unnest(in_flight) AS l WHERE l > now()) < ${maxInFlight}
         AND next_allowed_at <= now() + make_interval(secs => ${horizonSeconds})
      RETURNING next_allowed_at - make_interval(secs => ${intervalSeconds}) AS start_at,
                in_flight[cardinality(in_flight)]::text AS lease, now() AS now`);
    const row = rows[0];
    return row ? { startAt: new Date(row.start_at), lease: row.lease, now: new Date(row.now) } : null;
  },

  /** Seconds until the host takes its next request (0 when it may now, as far as its interval goes). */
  async busySeconds(tx: Executor, host: string): Promise<number> {
    const { rows } = await tx.execute<{ s: number }>(sql`
      SELECT greatest(0, extract(epoch FROM next_allowed_at - now()))::float8 AS s
        FROM monitoring_hosts WHERE host = ${host}`);
    return rows[0]?.s ?? 0;
  },

  /** Gives a reserved slot back once its request is over. */
  async release(tx: Executor, host: string, lease: string): Promise<void> {
    await tx.execute(sql`
      UPDATE monitoring_hosts SET in_flight = array_remove(in_flight, ${lease}::timestamptz) WHERE host = ${host}`);
  },

  /** The host asked us to wait (Retry-After): no request to it starts before `seconds` from now. */
  async defer(tx: Executor, host: string, seconds: number): Promise<void> {
    await tx.execute(sql`
      INSERT INTO monitoring_hosts (host, next_allowed_at) VALUES (${host}, now() + make_interval(secs => ${seconds}))
      ON CONFLICT (host) DO UPDATE
        SET next_allowed_at = greatest(monitoring_hosts.next_allowed_at, EXCLUDED.next_allowed_at)`);
  },

  /** The cached robots.txt of the host, and whether it is younger than `ttlSeconds`. */
  async findRobots(tx: Executor, host: string, ttlSeconds: number): Promise<RobotsCacheRow | null> {
    const { rows } = await tx.execute<{ robots_txt: string | null; robots_status: number | null; fresh: boolean }>(
      sql`SELECT robots_txt, robots_status,
                 coalesce(robots_fetched_at > now() - make_interval(secs => ${ttlSeconds}), false) AS fresh
            FROM monitoring_hosts WHERE host = ${host} AND robots_fetched_at IS NOT NULL`,
    );
    const row = rows[0];
    return row ? { robotsTxt: row.robots_txt, robotsStatus: row.robots_status, fresh: row.fresh } : null;
  },

  async saveRobots(tx: Executor, host: string, robotsTxt: string | null, status: number | null): Promise<void> {
    await tx.execute(sql`
      INSERT INTO monitoring_hosts (host, robots_txt, robots_status, robots_fetched_at)
      VALUES (${host}, ${robotsTxt}, ${status}, now())
      ON CONFLICT (host) DO UPDATE SET robots_txt = EXCLUDED.robots_txt, robots_status = EXCLUDED.robots_status,
                                       robots_fetched_at = EXCLUDED.robots_fetched_at`);
  },
};

export type MonitoringHostsRepository = typeof monitoringHostsRepository;
