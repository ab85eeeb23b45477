// Migrations upgrade a database built by the previous release (test/fixtures/previous-release, made by
// test/make-previous-release.ts from that release's own server and API): every row kept, the same schema as a fresh
// database, and this release's API serves the old records.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../app.js';
import { tableCounts } from '../../cli-backup.js';
import { compose } from '../../composition-root.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { openDatabase, type Database } from './client.js';
import { migrate } from './migrate.js';
import { findPgTool, runPgTool } from './pg-tools.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = path.resolve(HERE, '../../../test/fixtures/previous-release');
const RELEASE = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'release.json'), 'utf8')) as {
  commit: string;
  adminPassword: string;
};
const CURRENT = fs
  .readdirSync(path.join(HERE, 'migrations'))
  .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
  .map((f) => f.replace(/\.sql$/, ''))
  .sort();

// Named like the test databases so that the run's teardown drops it even if this file fails half-way.
const name = `loa_t_upgrade_${randomBytes(4).toString('hex')}`;
let upgraded: Database;
let fresh: TestDatabase;
let before: Record<string, number>;
let releaseMigration: string;

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('dbServerUrl') });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

async function pgRestore(url: string, major: number): Promise<string> {
  const found = await findPgTool('pg_restore', major).catch((e: Error) => e);
  if (!(found instanceof Error)) return found;
  if (process.getuid?.() !== 0) throw found;
  execFileSync('apt-get', ['install', '-y', 'postgresql-client'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return findPgTool('pg_restore', major);
}

/** What a schema is made of, as text lines: columns, indexes, constraints, triggers and functions of `public`. */
async function schemaOf(pool: pg.Pool): Promise<string[]> {
  const queries = [
    `SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable || ' ' ||
            coalesce(column_default, '') AS line
       FROM information_schema.columns WHERE table_schema = 'public'`,
    `SELECT 'index ' || indexdef AS line FROM pg_indexes WHERE schemaname = 'public'`,
    `SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
    `SELECT 'trigger ' || pg_get_triggerdef(oid) AS line FROM pg_trigger
      WHERE NOT tgisinternal AND tgrelid::regclass::text NOT LIKE 'pgboss.%'`,
    `SELECT 'function ' || proname || '(' || pg_get_function_identity_arguments(oid) || ') ' || md5(prosrc) AS line
       FROM pg_proc WHERE pronamespace = 'public'::regnamespace`,
  ];
  const lines: string[] = [];
  for (const sql of queries) lines.push(...(await pool.query<{ line: string }>(sql)).rows.map((r) => r.line));
  return lines.sort();
}

beforeAll(async () => {
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(inject('dbServerUrl'));
  url.pathname = `/${name}`;
  upgraded = openDatabase(url.toString(), 3);
  const { rows } = await upgraded.pool.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  const major = Math.floor(Number(rows[0]!.v) / 10_000);
  await runPgTool(
    await pgRestore(url.toString(), major),
    ['--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${name}`, path.join(FIXTURE, 'loa.dump')],
    url.toString(),
  );
  before = await tableCounts(upgraded.pool);
  releaseMigration = (await upgraded.pool.query<{ id: string }>('SELECT max(id) AS id FROM schema_migrations')).rows[0]!
    .id;
  fresh = await createTestDatabase();
}, 180_000);
afterAll(async () => {
  await upgraded?.close();
  await fresh?.drop();
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe(`upgrading a database of the previous release (${RELEASE.commit.slice(0, 7)})`, () => {
  it('applies exactly the migrations newer than the release and keeps every row', async () => {
    expect(CURRENT).toContain(releaseMigration);
    expect(before.users).toBeGreaterThan(1);
    const { applied } = await migrate(upgraded.pool);
    expect(applied).toEqual(CURRENT.filter((id) => id > releaseMigration));
    const after = await tableCounts(upgraded.pool);
    for (const [table, count] of Object.entries(before)) {
      expect([table, after[table]]).toEqual([table, table === 'schema_migrations' ? count + applied.length : count]);
    }
  });

  it('ends with the schema of a database migrated from empty', async () => {
    await migrate(upgraded.pool);
    expect(await schemaOf(upgraded.pool)).toEqual(await schemaOf(fresh.pool));
  });

  it("serves the previous release's records through this release's API", async () => {
    await migrate(upgraded.pool);
    const app = await buildApp({ services: compose(upgraded.db, { sessionHours: 12 }), pingDatabase: async () => {} });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', password: RELEASE.adminPassword },
      });
      expect(login.statusCode, login.body).toBe(200);
      const cookie = `loa_session=${login.cookies.find((c) => c.name === 'loa_session')!.value}`;
      const get = async (url: string) => {
        const response = await app.inject({ method: 'GET', url, headers: { cookie } });
        expect(response.statusCode, response.body).toBe(200);
        return response.body;
      };
      expect(await get('/api/plans?pageSize=100')).toContain('bản phát hành trước');
      expect(await get('/api/regulations?q=999%2FBHXH-TT')).toContain('999/BHXH-TT');
      expect(await get('/api/products?pageSize=100')).toContain('bản phát hành trước');
    } finally {
      await app.close();
    }
  });
});
