import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { openDatabase, type Database } from './client.js';
import { migrate } from './migrate.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATIONS = fs
  .readdirSync(MIGRATIONS_DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort()
  .map((f) => ({ id: f.replace(/\.sql$/, ''), text: fs.readFileSync(path.join(MIGRATIONS_DIR, f), 'utf8') }));

let serverUrl: string;
// Named like the test databases so that the run's teardown drops it even if this file fails half-way.
const emptyName = `loa_t_empty_${randomBytes(4).toString('hex')}`;
let empty: Database;
let cloned: TestDatabase;

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  serverUrl = inject('dbServerUrl');
  await onServer((c) => c.query(`CREATE DATABASE ${emptyName}`));
  const url = new URL(serverUrl);
  url.pathname = `/${emptyName}`;
  empty = openDatabase(url.toString(), 2);
  cloned = await createTestDatabase();
});
afterAll(async () => {
  await empty?.close();
  await cloned?.drop();
  await onServer((c) => c.query(`DROP DATABASE IF EXISTS ${emptyName} WITH (FORCE)`));
});

describe('migrate', () => {
  it('ships at least the foundation migration', () => {
    expect(MIGRATIONS.map((m) => m.id)).toContain('0001_foundation');
  });

  it('applies every migration to an empty database, in order, recording their checksums', async () => {
    const { applied } = await migrate(empty.pool);
    expect(applied).toEqual(MIGRATIONS.map((m) => m.id));
    const { rows } = await empty.pool.query<{ id: string; checksum: string }>(
      'SELECT id, checksum FROM schema_migrations ORDER BY id',
    );
    expect(rows).toEqual(
      MIGRATIONS.map((m) => ({ id: m.id, checksum: createHash('sha256').update(m.text).digest('hex') })),
    );
  });

  it('applies nothing the second time', async () => {
    expect(await migrate(empty.pool)).toEqual({ applied: [] });
  });

  it('applies nothing to a database cloned from the migrated template', async () => {
    expect(await migrate(cloned.pool)).toEqual({ applied: [] });
  });

  it('stops, naming the migration, when an applied migration was changed', async () => {
    const [first] = MIGRATIONS;
    await empty.pool.query(`UPDATE schema_migrations SET checksum = 'x' WHERE id = $1`, [first!.id]);
    await expect(migrate(empty.pool)).rejects.toThrow(`Migration ${first!.id} was changed after it was applied`);
  });

  it('lets concurrent starts migrate one at a time', async () => {
    const results = await Promise.all([migrate(cloned.pool), migrate(cloned.pool), migrate(cloned.pool)]);
    expect(results).toEqual([{ applied: [] }, { applied: [] }, { applied: [] }]);
  });
});

describe('the foundation schema', () => {
  it('folds Vietnamese in SQL as foldVi does', async () => {
    const { rows } = await cloned.pool.query<{ folded: string; upper: string }>(
      `SELECT loa_fold('Đà Nẵng') AS folded, loa_fold('BẢO HIỂM XÃ HỘI') AS upper`,
    );
    expect(rows[0]).toEqual({ folded: 'da nang', upper: 'bao hiem xa hoi' });
  });

  it('keeps the folded search text of org units in a trigram index', async () => {
    const { rows } = await cloned.pool.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE tablename = 'org_units' AND indexname = 'org_units_search'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.indexdef).toMatch(/USING gin \(search_text gin_trgm_ops\)/);
    const folded = await cloned.pool.query<{ search_text: string }>(
      `SELECT search_text FROM org_units WHERE code = 'P48'`,
    );
    expect(folded.rows[0]!.search_text.trim()).toBe('p48 bhxh thanh pho da nang');
  });

  it('lets the planner answer an accent-insensitive search from that index', async () => {
    const client = await cloned.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT id FROM org_units WHERE search_text LIKE '%da nang%'`,
      );
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('org_units_search');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
