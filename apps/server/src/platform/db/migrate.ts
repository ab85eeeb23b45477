import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant shared by all instances: only one of them migrates at a time.
const MIGRATION_LOCK = 727_001;

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies the forward-only SQL migrations in `migrations/` that the database has not seen,
 * each in its own transaction, under an advisory lock so that concurrent starts are safe.
 * A migration that was changed after being applied stops the start: history is never rewritten.
 */
export async function migrate(
  pool: pg.Pool,
  log: (message: string) => void = () => undefined,
): Promise<MigrationResult> {
  const files = (await fs.readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (await client.query<{ id: string; checksum: string }>('SELECT id, checksum FROM schema_migrations')).rows.map(
        (row) => [row.id, row.checksum],
      ),
    );
    for (const file of files) {
      const id = file.replace(/\.sql$/, '');
      const text = await fs.readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      const previous = done.get(id);
      if (previous !== undefined) {
        if (previous !== checksum) {
          throw new Error(`Migration ${id} was changed after it was applied; add a new migration instead.`);
        }
        continue;
      }
      log(`Applying migration ${id}`);
      await client.query('BEGIN');
      try {
        await client.query(text);
        await client.query('INSERT INTO schema_migrations (id, checksum) VALUES ($1, $2)', [id, checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${id} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(id);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  return { applied };
}
