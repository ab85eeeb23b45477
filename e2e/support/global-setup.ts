// Starts the real built Loa (web app + API + embedded PostgreSQL in a temp directory) for the journeys.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startSmtpCatcher } from '../../apps/server/test/smtp-catcher.js';
import { chromiumPath } from './chromium.js';

export const ADMIN_PASSWORD = 'E2e-admin-password-1';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminPassword: string;
    chromium: string;
    /** Where the journeys' SMTP server writes each e-mail Loa sends, as `<n>.json` (attachments in base64). */
    mailDir: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Loa exited during start-up:\n${output()}`);
    const ok = await fetch(`${url}/api/health`, { headers: { connection: 'close' } }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Loa did not become healthy:\n${output()}`);
}

export default async function setup(project: TestProject) {
  const chromium = chromiumPath();
  await fs.access(path.join(ROOT, 'apps/web/dist/index.html')).catch(() => {
    throw new Error('The web app is not built: run `npm run build` first (npm run test:e2e does).');
  });
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'loa-e2e-'));
  const port = await freePort();
  // A real SMTP server on loopback receives Loa's e-mails; journeys read them from files.
  const mailDir = path.join(dataDir, 'mail');
  await fs.mkdir(mailDir);
  let mailCount = 0;
  const smtp = await startSmtpCatcher({
    onMessage: (mail) => {
      const attachments = mail.attachments.map((a) => ({ ...a, content: a.content.toString('base64') }));
      const file = path.join(mailDir, `${String(++mailCount).padStart(4, '0')}.json`);
      // Written whole, then renamed: a journey never reads half a message.
      void fs
        .writeFile(`${file}.part`, JSON.stringify({ ...mail, raw: undefined, attachments }))
        .then(() => fs.rename(`${file}.part`, file));
    },
  });
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOA_DATA_DIR: dataDir,
      LOA_EMBEDDED_PG_PORT: String(await freePort()),
      LOA_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOA_DEMO: 'false',
      // Every journey signs its people in from this one address, as a whole office behind one gateway does.
      LOA_LOGINS_PER_MINUTE: '600',
      // The monitoring journey's news site answers at once: no need to wait 5 s between its pages.
      LOA_FETCH_HOST_INTERVAL_SECONDS: '0.1',
      SMTP_URL: smtp.url,
      LOA_PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, () => log);
  project.provide('baseUrl', baseUrl);
  project.provide('adminPassword', ADMIN_PASSWORD);
  project.provide('chromium', chromium);
  project.provide('mailDir', mailDir);
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 20_000)))]);
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
    await smtp.close();
    child.stdout?.destroy();
    child.stderr?.destroy();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
