import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts, type BackupManifest } from './cli-backup.js';
import { findPgTool, runPgTool } from './platform/db/pg-tools.js';
import { createTestApp, type Session, type TestApp } from '../test/test-app.js';

const run = promisify(execFile);
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts');

let t: TestApp;
let admin: Session;
let workDir: string;
let filesDir: string;

beforeAll(async () => {
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'loa-backup-test-'));
  filesDir = path.join(workDir, 'files');
  t = await createTestApp({ filesDir });
  admin = await t.loginAdmin();
  await ensurePgClient();
});
afterAll(async () => {
  await t?.close();
  if (workDir) await fs.rm(workDir, { recursive: true, force: true });
});

/** `npm run loa -- …` as a process on the test database and files; resolves with its exit code and output. */
async function loa(...args: string[]): Promise<{ code: number; out: string }> {
  const env = { ...process.env, DATABASE_URL: t.db.url, LOA_FILES_DIR: filesDir, LOG_LEVEL: 'silent' };
  return run(process.execPath, ['--import', 'tsx', CLI, ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, out: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      out: error.stdout + error.stderr,
    }),
  );
}

async function ensurePgClient(): Promise<void> {
  const { rows } = await t.db.pool.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  const found = await findPgTool('pg_dump', Math.floor(Number(rows[0]!.v) / 10_000)).catch((e: Error) => e);
  if (!(found instanceof Error)) return;
  if (process.getuid?.() !== 0) throw found;
  execFileSync('apt-get', ['install', '-y', 'postgresql-client'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** Every file under `root` (relative path → SHA-256 of its bytes). */
async function tree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await fs.readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(root, full)] = createHash('sha256')
      .update(await fs.readFile(full))
      .digest('hex');
  }
  return out;
}

const upload = async (bytes: Buffer, name: string) => {
  const response = await admin.post(`/api/files?name=${encodeURIComponent(name)}`, bytes, {
    'content-type': 'application/octet-stream',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; sha256: string }>();
};
const png = (shade: number) =>
  sharp({ create: { width: 640, height: 400, channels: 3, background: { r: shade, g: 90, b: 160 } } })
    .png()
    .toBuffer();

// Each test runs the CLI as processes (tsx start-up included): generous timeouts for a loaded machine.
describe('npm run loa -- backup / restore', { timeout: 180_000 }, () => {
  it('round-trips a populated database and its files exactly: row counts and content hashes', async () => {
    const photo = await upload(await png(10), 'Ảnh hội nghị.png');
    const pdf = await upload(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'), 'Công văn.pdf');
    const plan = await admin.post('/api/plans', { year: 2026, title: 'Kế hoạch truyền thông năm 2026' });
    expect(plan.statusCode, plan.body).toBe(201);
    const countsBefore = await tableCounts(t.db.pool);
    const filesBefore = await tree(filesDir);
    expect(Object.keys(filesBefore).some((f) => f.startsWith('thumbnails'))).toBe(true);

    const dir = path.join(workDir, 'backup-1');
    const backup = await loa('backup', dir);
    expect(backup.code, backup.out).toBe(0);
    expect(backup.out).toContain('3 files');
    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
    expect(manifest.tables).toEqual(countsBefore);
    expect(manifest.blobs.map((b) => `${b.variant}:${b.sha256}`).sort()).toEqual(
      [`original:${photo.sha256}`, `thumbnail:${photo.sha256}`, `original:${pdf.sha256}`].sort(),
    );
    expect((await fs.readFile(path.join(dir, 'database.dump'))).subarray(0, 5).toString()).toBe('PGDMP');

    // Damage after the backup: rows deleted and added, a file removed and another corrupted.
    await t.db.pool.query(`DELETE FROM plans`);
    await t.db.pool.query(`UPDATE org_units SET name = 'Đã đổi sau sao lưu' WHERE code = 'P48'`);
    await t.createUser({ username: 'sau.sao.luu', roles: ['viewer'], unitCode: 'P01' });
    const blobs = Object.keys(filesBefore);
    await fs.rm(
      path.join(
        filesDir,
        blobs.find((f) => f.endsWith(pdf.sha256))!,
      ),
    );
    await fs.writeFile(
      path.join(
        filesDir,
        blobs.find((f) => f.endsWith(photo.sha256))!,
      ),
      'hỏng',
    );

    const restore = await loa('restore', dir);
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toContain('3 files verified by SHA-256');
    // The restore re-creates the database; this pool reconnects.
    expect(await tableCounts(t.db.pool)).toEqual(countsBefore);
    expect(await tree(filesDir)).toEqual(filesBefore);
    const { rows } = await t.db.pool.query(`SELECT name FROM org_units WHERE code = 'P48'`);
    expect(rows[0].name).toBe('BHXH thành phố Đà Nẵng');
    const content = await (await t.loginAdmin()).get(`/api/files/${pdf.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a damaged backup before touching the database, and a folder that is not empty', async () => {
    await upload(await png(200), 'Ảnh khác.png');
    const dir = path.join(workDir, 'backup-2');
    expect((await loa('backup', dir)).code).toBe(0);
    expect((await loa('backup', dir)).out).toContain('is not empty');
    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
    const victim = manifest.blobs.find((b) => b.variant === 'original')!;
    const file = path.join(dir, 'files', victim.sha256.slice(0, 2), victim.sha256.slice(2, 4), victim.sha256);
    await fs.appendFile(file, 'x');
    await t.db.pool.query(`UPDATE org_units SET name = 'Sau bản sao hỏng' WHERE code = 'P79'`);
    const restore = await loa('restore', dir);
    expect(restore.code).toBe(1);
    expect(restore.out).toContain('does not match its hash');
    const { rows } = await t.db.pool.query(`SELECT name FROM org_units WHERE code = 'P79'`);
    expect(rows[0].name).toBe('Sau bản sao hỏng');
  });

  it('restores the database of a single pg_dump file from an earlier Loa', async () => {
    const { rows } = await t.db.pool.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    const major = Math.floor(Number(rows[0]!.v) / 10_000);
    const file = path.join(workDir, 'legacy.dump');
    await runPgTool(await findPgTool('pg_dump', major), ['--format=custom', '--no-owner', `--file=${file}`], t.db.url);
    const users = await tableCounts(t.db.pool).then((c) => c.users);
    await t.createUser({ username: 'sau.ban.cu', roles: ['viewer'], unitCode: 'P01' });
    const restore = await loa('restore', file);
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toContain('database-only backup');
    expect((await tableCounts(t.db.pool)).users).toBe(users);
  });
});
