import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPgTool } from './platform/db/pg-tools.js';
import { createTestDatabase, type TestDatabase } from '../test/test-db.js';

const run = promisify(execFile);
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts');

let db: TestDatabase;
let workDir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'loa-cli-test-'));
});
afterAll(async () => {
  await db?.drop();
  await fs.rm(workDir, { recursive: true, force: true });
});

/** Runs `npm run loa -- …` as a process against the test database; resolves with its exit code and output. */
async function loa(...args: string[]): Promise<{ code: number; out: string }> {
  const env = { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' };
  return run(process.execPath, ['--import', 'tsx', CLI, ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      out: error.stdout + error.stderr,
    }),
  );
}

/** pg_dump/pg_restore come from the PostgreSQL client tools; install Debian's when missing and root, else fail saying so. */
async function ensurePgClient(): Promise<void> {
  const { rows } = await db.pool.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  const major = Math.floor(Number(rows[0]!.v) / 10_000);
  const found = await findPgTool('pg_dump', major).catch((e: Error) => e);
  if (!(found instanceof Error)) return;
  if (process.getuid?.() !== 0) throw found;
  execFileSync('apt-get', ['install', '-y', 'postgresql-client'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

const count = async (sql: string) => Number((await db.pool.query<{ n: string }>(sql)).rows[0]!.n);

describe('npm run loa', () => {
  it('creates a user with a one-time password, and refuses a duplicate with the reason', async () => {
    const created = await loa(
      'create-user',
      '--username',
      'cli.user',
      '--full-name',
      'Trần Văn Lệnh',
      '--unit',
      'P48',
      '--role',
      'province_officer',
    );
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/Created cli\.user; one-time password: \S{10,}/);
    const { rows } = await db.pool.query(`SELECT must_change_password, roles FROM users WHERE username = 'cli.user'`);
    expect(rows[0]).toEqual({ must_change_password: true, roles: ['province_officer'] });
    const again = await loa(
      'create-user',
      '--username',
      'cli.user',
      '--full-name',
      'X',
      '--unit',
      'P48',
      '--role',
      'viewer',
    );
    expect(again.code).toBe(1);
    expect(again.out).toContain('"cli.user" đã được dùng');
  });

  it('resets a password and reports an unknown user', async () => {
    expect((await loa('reset-password', 'cli.user')).out).toMatch(/New one-time password for cli\.user: \S{10,}/);
    const unknown = await loa('reset-password', 'nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('No user nobody');
  });

  it('verifies the audit chain, and exits 1 naming the event once a row has been edited', async () => {
    const intact = await loa('audit', 'verify');
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/Audit log intact: \d+ events/);
    const { rows } = await db.pool.query<{ seq: string }>(
      `SELECT seq FROM audit_events WHERE action = 'reset_password'`,
    );
    await db.pool.query(`UPDATE audit_events SET summary = 'sửa lén' WHERE action = 'reset_password'`);
    const tampered = await loa('audit', 'verify');
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain(`event #${rows[0]!.seq}: hash_mismatch`);
    expect(tampered.out).toContain('TAMPERED');
  });

  it('backs up and restores the whole database (files: cli-backup.db.test.ts)', async () => {
    await ensurePgClient();
    const file = path.join(workDir, 'loa-backup');
    const backup = await loa('backup', file);
    expect(backup.code, backup.out).toBe(0);
    expect((await fs.readFile(path.join(file, 'database.dump'))).subarray(0, 5).toString()).toBe('PGDMP');
    const usersAtBackup = await count('SELECT count(*) AS n FROM users');
    await db.pool.query(`DELETE FROM api_tokens`);
    await db.pool.query(`UPDATE org_units SET name = 'Đã đổi sau sao lưu' WHERE code = 'P48'`);
    // The restore drops and re-creates the database, ending this pool's connections; the pool reconnects.
    const restore = await loa('restore', file);
    expect(restore.code).toBe(0);
    const { rows } = await db.pool.query(`SELECT name FROM org_units WHERE code = 'P48'`);
    expect(rows[0].name).toBe('BHXH thành phố Đà Nẵng');
    expect(await count('SELECT count(*) AS n FROM users')).toBe(usersAtBackup);
  });

  it('prints its usage for no command and fails for an unknown one', async () => {
    expect((await loa()).out).toContain('Usage: npm run loa -- <command>');
    expect((await loa('explode')).code).toBe(2);
  });
});
