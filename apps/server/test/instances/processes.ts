// Real Loa processes for the several-instances test: servers (main.ts) and workers (worker.ts), started with tsx in
// their own process groups so that stopping one ends everything it started.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const SERVER_SRC = path.join(REPO_ROOT, 'apps/server/src');
/** The tail of a child's output kept for error messages. */
const OUTPUT_LIMIT = 20_000;

export interface LoaProcess {
  name: string;
  /** Servers only: `http://127.0.0.1:<port>`. */
  url: string | null;
  port: number | null;
  /** What the process wrote to stdout and stderr (the last 20,000 characters). */
  output(): string;
  /** Whether the process has not exited. */
  running(): boolean;
  /** SIGTERM to the process group; SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Only what a deployment would set: no variable of the test runner leaks into Loa's configuration. */
function baseEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];
  return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
}

function launch(name: string, script: 'main.ts' | 'worker.ts', env: Record<string, string>, port: number | null) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(SERVER_SRC, script)], {
    cwd: REPO_ROOT,
    env: { ...baseEnv(), LOG_LEVEL: 'warn', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitCode: number | null = null;
  child.once('exit', (code, signal) => {
    exitCode = code ?? (signal ? -1 : null);
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group has already gone.
    }
  };
  const proc: LoaProcess & { exitCode(): number | null } = {
    name,
    port,
    url: port === null ? null : `http://127.0.0.1:${port}`,
    output: () => output,
    running: () => child.exitCode === null && child.signalCode === null,
    exitCode: () => exitCode,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup('SIGTERM');
      const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs).unref());
      if ((await Promise.race([exited.then(() => 'done' as const), timer])) === 'late') {
        signalGroup('SIGKILL');
        await exited;
      }
    },
  };
  return proc;
}

/** Starts `main.ts` on a free loopback port with `env` (DATABASE_URL etc.) and waits until /api/health answers 200. */
export async function startServer(name: string, env: Record<string, string>, deadlineMs = 90_000): Promise<LoaProcess> {
  const port = await freePort();
  const proc = launch(name, 'main.ts', { ...env, HOST: '127.0.0.1', PORT: String(port) }, port);
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const status = await fetch(`${proc.url}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return proc;
    if (proc.exitCode() !== null || Date.now() > deadline) {
      await proc.stop(2_000);
      const why = proc.exitCode() !== null ? `exited (${proc.exitCode()})` : `no healthy answer in ${deadlineMs} ms`;
      throw new Error(`Server ${name} ${why}; its output:\n${proc.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Starts `worker.ts` with `env` and waits until it says it processes jobs. */
export async function startWorker(name: string, env: Record<string, string>, deadlineMs = 90_000): Promise<LoaProcess> {
  const proc = launch(name, 'worker.ts', env, null);
  const deadline = Date.now() + deadlineMs;
  while (!proc.output().includes('processing jobs')) {
    if (proc.exitCode() !== null || Date.now() > deadline) {
      await proc.stop(2_000);
      const why = proc.exitCode() !== null ? `exited (${proc.exitCode()})` : `did not start in ${deadlineMs} ms`;
      throw new Error(`Worker ${name} ${why}; its output:\n${proc.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return proc;
}
