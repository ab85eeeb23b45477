// Processes and load of the API benchmark: starting Loa (its production entry point) and the baseline as child
// processes, logging the officers in, and driving one endpoint: with autocannon as fast as the server answers, or
// at a steady rate (`pace`).
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** The header naming the captured request a load request stands for (the baseline answers by it; Loa ignores it). */
export const KEY_HEADER = 'x-bench-key';

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/** Starts `script` (a TypeScript entry point) with `env`; resolves once `readyPath` answers 200. */
export async function startServer(
  name: string,
  script: string,
  port: number,
  env: Record<string, string>,
  readyPath: string,
  nodeFlags: string[] = [],
): Promise<Server> {
  const child: ChildProcess = spawn(TSX, [...nodeFlags, script], {
    cwd: path.dirname(script),
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(url + readyPath).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`${name} did not start within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        process.kill(-child.pid!, 'SIGTERM');
      }),
  };
}

/** A client address per officer: Loa runs behind its TLS proxy (LOA_TRUST_PROXY) and sees each officer's own. */
export const officerAddress = (i: number) => `10.${Math.floor(i / 250) % 250}.${i % 250}.${1 + (i % 7)}`;

/** Logs each officer in through the API (their session cookie), a few at a time. */
export async function logIn(url: string, usernames: string[], password: string): Promise<string[]> {
  const cookies: string[] = new Array<string>(usernames.length);
  const one = async (i: number) => {
    const response = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': officerAddress(i) },
      body: JSON.stringify({ username: usernames[i], password }),
    });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('loa_session='));
    if (response.status !== 200 || !cookie) throw new Error(`login of ${usernames[i]}: ${response.status}`);
    cookies[i] = cookie.split(';')[0]!;
  };
  for (let i = 0; i < usernames.length; i += 8) {
    await Promise.all(usernames.slice(i, i + 8).map((_, k) => one(i + k)));
  }
  return cookies;
}

export interface LoadRequest {
  key: string;
  url: string;
  officer: number;
}

/** What one autocannon run observed. */
export interface LoadRun {
  latencies: number[];
  seconds: number;
  non2xx: number;
  errors: number;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/** The figures of several runs of one server taken together. */
export function summarise(runs: LoadRun[]): LoadResult {
  const latencies = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

/**
 * Drives `requests` (picked at random, each as its officer) at `connections` for `seconds`: as fast as the server
 * answers, or at `rate` requests per second in all when given.
 */
export async function drive(
  url: string,
  requests: LoadRequest[],
  cookies: string[],
  connections: number,
  seconds: number,
  rate?: number,
): Promise<LoadRun> {
  const latencies: number[] = [];
  let done: (result: autocannon.Result) => void = () => undefined;
  let failed: (error: Error) => void = () => undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => ((done = resolve), (failed = reject)));
  const options: autocannon.Options = {
    url,
    connections,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const pick = requests[Math.floor(Math.random() * requests.length)]!;
          return {
            ...request,
            path: pick.url,
            headers: {
              ...request.headers,
              cookie: cookies[pick.officer]!,
              'x-forwarded-for': officerAddress(pick.officer),
              'accept-language': 'vi',
              [KEY_HEADER]: pick.key,
            },
          };
        },
      },
    ],
  };
  const instance = autocannon(options, (error, result) => (error ? failed(error as Error) : done(result)));
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await finished;
  return {
    latencies,
    seconds: result.duration || seconds,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * Offers `requests` at a steady `rate` per second for `seconds` over `connections` kept-alive connections: request i
 * leaves at i ÷ rate s, whether or not earlier ones have been answered, and its latency runs from that moment, so a
 * slow answer delays nothing and hides nothing. (autocannon's own rate sends each second's requests together, and
 * the burst measures its own queue.)
 */
export async function pace(
  url: string,
  requests: LoadRequest[],
  cookies: string[],
  connections: number,
  seconds: number,
  rate: number,
): Promise<LoadRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const answers: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < Math.round(rate * seconds); i++) {
    const at = start + (i * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const pick = requests[Math.floor(Math.random() * requests.length)]!;
    answers.push(
      new Promise<void>((resolve) => {
        const request = http.get(
          {
            agent,
            host: target.hostname,
            port: target.port,
            path: pick.url,
            timeout: 30_000,
            headers: {
              cookie: cookies[pick.officer]!,
              'x-forwarded-for': officerAddress(pick.officer),
              'accept-language': 'vi',
              [KEY_HEADER]: pick.key,
            },
          },
          (response) => {
            response.resume();
            response.on('end', () => {
              latencies.push(performance.now() - at);
              if ((response.statusCode ?? 0) >= 300) non2xx++;
              resolve();
            });
          },
        );
        request.on('timeout', () => request.destroy(new Error('timeout')));
        request.on('error', () => {
          errors++;
          resolve();
        });
      }),
    );
  }
  await Promise.all(answers);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  return { latencies, seconds: elapsed, non2xx, errors };
}
