// Builds test/fixtures/previous-release/: a database made and populated BY THE PREVIOUS RELEASE, which the upgrade
// test (platform/db/upgrade.db.test.ts) migrates with this release's migrations. Run when a release ships:
//
//   git worktree add /tmp/prev <release commit>   (and give it node_modules: npm ci there)
//   node --import tsx apps/server/test/make-previous-release.ts /tmp/prev
//
// It starts that release's server (its own embedded PostgreSQL in a temporary folder, demo users on), fills it
// through that release's HTTP API, then writes `loa.dump` (pg_dump, custom format) and `release.json`.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { findPgTool, runPgTool } from '../src/platform/db/pg-tools.js';

export const PREVIOUS_RELEASE_ADMIN_PASSWORD = 'Previous-release-admin-1';
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'previous-release');
const PORT = 3917;
const PG_PORT = 54417;

async function main(worktree: string): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'loa-previous-release-'));
  const commit = execFileSync('git', ['-C', worktree, 'rev-parse', 'HEAD']).toString().trim();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(worktree, 'apps/server/src/main.ts')], {
    cwd: worktree,
    env: {
      ...process.env,
      PORT: String(PORT),
      LOA_DATA_DIR: dataDir,
      LOA_EMBEDDED_PG_PORT: String(PG_PORT),
      LOA_ADMIN_PASSWORD: PREVIOUS_RELEASE_ADMIN_PASSWORD,
      LOA_DEMO: 'true',
      LOA_RUN_JOBS: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const deadline = Date.now() + 180_000;
    while (
      !(await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('the previous release did not start');
      await new Promise((r) => setTimeout(r, 500));
    }
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PREVIOUS_RELEASE_ADMIN_PASSWORD }),
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const send = async (url: string, body: unknown, type = 'application/json') => {
      const response = await fetch(`${base}${url}`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': type },
        body: type === 'application/json' ? JSON.stringify(body) : (body as Buffer),
      });
      if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<{ id: string }>;
    };
    await send('/api/plans', { year: 2026, title: 'Kế hoạch truyền thông năm 2026 (bản phát hành trước)' });
    await send('/api/regulations', {
      number: '999/BHXH-TT',
      kind: 'cong_van',
      issuer: 'BHXH Việt Nam',
      issuedOn: '2026-06-01',
      summary: 'V/v hướng dẫn truyền thông chính sách mới (bản phát hành trước)',
    });
    await send('/api/products', {
      guidanceYear: 2020,
      typeCode: 'article',
      title: 'Gương sáng tham gia BHXH tự nguyện (bản phát hành trước)',
      themeCodes: ['II.1.g'],
    });
    const image = await sharp({ create: { width: 480, height: 320, channels: 3, background: '#2266aa' } })
      .png()
      .toBuffer();
    await send(`/api/files?name=${encodeURIComponent('Ảnh hội nghị.png')}`, image, 'application/octet-stream');

    await fs.mkdir(OUT, { recursive: true });
    const password = (await fs.readFile(path.join(dataDir, '.pg-password'), 'utf8')).trim();
    const url = `postgresql://loa:${encodeURIComponent(password)}@127.0.0.1:${PG_PORT}/loa`;
    await runPgTool(
      await findPgTool('pg_dump', 15),
      ['--format=custom', '--no-owner', `--file=${path.join(OUT, 'loa.dump')}`],
      url,
    );
    await fs.writeFile(
      path.join(OUT, 'release.json'),
      `${JSON.stringify({ commit, adminPassword: PREVIOUS_RELEASE_ADMIN_PASSWORD, madeAt: new Date().toISOString() }, null, 2)}\n`,
    );
    console.log(`Wrote ${OUT} from ${commit}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const worktree = process.argv[2];
  if (!worktree) throw new Error('Usage: make-previous-release.ts <worktree of the previous release>');
  await main(path.resolve(worktree));
}
