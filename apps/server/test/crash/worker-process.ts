// A real job worker (`src/worker.ts`) as a child process in its own process group, for the crash-safety suite: it is
// started against a test database and killed with SIGKILL (no shutdown hook runs), the way a machine loses power.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from './race.js';

const SERVER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const running = new Set<WorkerProcess>();

export interface WorkerProcess {
  pid: number;
  /** Everything the worker wrote so far (stdout and stderr). */
  output(): string;
  /** SIGKILL to the whole process group; resolves once the worker has exited. */
  kill(): Promise<void>;
}

export interface WorkerOptions {
  databaseUrl: string;
  filesDir: string;
  smtpUrl?: string;
  env?: Record<string, string>;
}

/** Starts `npm run worker`'s program and waits until it processes jobs (60 s at most, its output in the error). */
export async function startWorker(options: WorkerOptions): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
    cwd: SERVER_DIR,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      LOA_FILES_DIR: options.filesDir,
      LOA_DEMO: 'false',
      SMTP_URL: options.smtpUrl ?? '',
      ...options.env,
    },
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const worker: WorkerProcess = {
    pid: child.pid!,
    output: () => text,
    async kill() {
      running.delete(worker);
      if (!gone) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      await exited;
    },
  };
  running.add(worker);
  try {
    await waitFor('the worker to process jobs', () => gone || text.includes('processing jobs'), {
      timeoutMs: 60_000,
      everyMs: 100,
      detail: () => `worker output:\n${text}`,
    });
    if (gone) throw new Error(`the worker exited at start:\n${text}`);
  } catch (error) {
    await worker.kill();
    throw error;
  }
  return worker;
}

/** Kills every worker still running (afterEach/afterAll, also after a failed test). */
export async function killAllWorkers(): Promise<void> {
  await Promise.all([...running].map((w) => w.kill()));
}
