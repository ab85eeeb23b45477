// Fixed-window counters in PostgreSQL, shared by every instance on the database (decision 0049).
import { sql } from 'drizzle-orm';
import type { Executor } from './transaction.js';

export interface WindowHit {
  /** Hits in the current window, this one included. */
  hits: number;
  /** Milliseconds until the window ends. */
  ttlMs: number;
}

/**
 * Counts one hit of `key` in its window of `windowMs`, starting a new window when the last one has ended. One
 * statement, so concurrent hits from several instances serialise on the row and none is lost; the database's clock
 * decides the windows, so instances whose clocks differ still agree.
 */
export async function hitWindow(db: Executor, key: string, windowMs: number): Promise<WindowHit> {
  const seconds = sql`make_interval(secs => ${windowMs / 1000}::double precision)`;
  const { rows } = await db.execute<{ hits: number; ttl_ms: number }>(sql`
    INSERT INTO rate_limit_windows AS w (key, started_at, hits) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN w.started_at + ${seconds} <= now() THEN 1 ELSE w.hits + 1 END,
      started_at = CASE WHEN w.started_at + ${seconds} <= now() THEN now() ELSE w.started_at END
    RETURNING hits, GREATEST(0, CEIL(EXTRACT(EPOCH FROM (started_at + ${seconds} - now())) * 1000))::int AS ttl_ms`);
  const row = rows[0]!;
  return { hits: row.hits, ttlMs: row.ttl_ms };
}

/** Deletes the windows that started more than `olderThanMs` ago; returns how many. */
export async function deleteOldWindows(db: Executor, olderThanMs: number): Promise<number> {
  const { rowCount } = await db.execute(
    sql`DELETE FROM rate_limit_windows WHERE started_at < now() - make_interval(secs => ${olderThanMs / 1000}::double precision)`,
  );
  return rowCount ?? 0;
}
