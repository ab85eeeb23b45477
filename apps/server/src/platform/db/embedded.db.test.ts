import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.js';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/hold-embedded.ts');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'loa-embedded-test-'));
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function select1(db: EmbeddedDatabase): Promise<number> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client.query<{ one: number }>('SELECT 1 AS one');
  await client.end();
  return rows[0]!.one;
}

/** Starts the embedded database in another Loa-like process and waits until it is up. */
async function holdInChild(dataDir: string, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, dataDir, String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('ready')) resolve();
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => reject(new Error(`fixture exited with ${code}: ${output}`)));
  });
  return child;
}

describe('startEmbeddedPostgres', () => {
  it('refuses a second Loa on the same data directory, and after a SIGKILL stops the orphan and starts', async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const child = await holdInChild(dataDir, port);
    cleanups.push(async () => void child.kill('SIGKILL'));

    await expect(startEmbeddedPostgres({ dataDir, port, log: () => undefined })).rejects.toThrow(
      /Another Loa process \(pid \d+\) is already using the data directory/,
    );

    const orphan = Number((await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(alive(orphan)).toBe(true);

    const messages: string[] = [];
    const db = await startEmbeddedPostgres({ dataDir, port, log: (m) => messages.push(m) });
    cleanups.push(() => db.stop());
    expect(alive(orphan)).toBe(false);
    expect(messages.join('\n')).toMatch(/Stopping an orphaned PostgreSQL/);
    expect(await select1(db)).toBe(1);
  });

  it('stops cleanly, releasing its lock files, and starts again on the same data', async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, log: () => undefined });
    const pid = Number((await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    await first.stop();
    expect(alive(pid)).toBe(false);
    await expect(fs.access(path.join(dataDir, 'loa.pid'))).rejects.toThrow();
    const second = await startEmbeddedPostgres({ dataDir, port, log: () => undefined });
    cleanups.push(() => second.stop());
    expect(await select1(second)).toBe(1);
  });

  it('turns a failed start (port taken) into an error that says what to do', async () => {
    const dataDir = await tempDir();
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    cleanups.push(() => new Promise((resolve) => blocker.close(() => resolve())));
    const failure = await startEmbeddedPostgres({ dataDir, port, log: () => undefined }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(new RegExp(`port ${port} in use\\? set LOA_EMBEDDED_PG_PORT`));
    await expect(fs.access(path.join(dataDir, 'loa.pid'))).rejects.toThrow();
  });
});
