// `npm run bench -- api` (issue 10 §6, decisions 0050 and 0057): Loa's HTTP API under load on a national data set —
// ≥ 1 million products and as many publications at LOA_BENCH_SCALE=1 — list, search and detail of products over 200
// concurrent connections as officers of the Communication Center, provinces and districts (each with their own
// session), against a bare Fastify + node-postgres server running, in the same run, the very statements Loa ran.
// Each endpoint is driven twice: saturated by autocannon (throughput, against the baseline's), then at half the
// baseline's throughput offered steadily (latency, against the p95 targets).
// Loa runs as in production (apps/server/src/main.ts, its own process); so does the baseline (api-baseline.ts).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { bootstrap } from '../apps/server/src/bootstrap.js';
import { compose } from '../apps/server/src/composition-root.js';
import { ensureDatabase, openDatabase } from '../apps/server/src/platform/db/client.js';
import { startEmbeddedPostgres } from '../apps/server/src/platform/db/embedded.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { benchUrls, captureStatements, type Endpoint } from './api-capture.js';
import { BENCH_PASSWORD, createOfficers, generateProducts, SCALE } from './api-data.js';
import {
  drive,
  KEY_HEADER,
  logIn,
  pace,
  startServer,
  summarise,
  type LoadRequest,
  type LoadResult,
  type LoadRun,
} from './api-load.js';
import { freePort } from './support.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CONNECTIONS = Number(process.env.LOA_BENCH_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.LOA_BENCH_SECONDS ?? 30);
const OFFICERS = 100;
const ROUNDS = 3;
const WARM_UP = Math.ceil(SECONDS / 4);
const TARGET_P95: Record<Endpoint, number> = { list: 50, search: 150, detail: 50 };
const TARGET_RATIO = 0.6;

export async function runApiBenchmark(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'loa-bench-'));
  const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: () => undefined });
  const servers: { stop(): Promise<void> }[] = [];
  try {
    const url = await ensureDatabase(embedded.url, 'loa_bench');
    const database = openDatabase(url, 4);
    await migrate(database.pool);
    const services = compose(database.db, { sessionHours: 12 });
    await bootstrap(services, { orgPreset: '63-provinces', demo: false, adminPassword: BENCH_PASSWORD });
    console.log(`api: national data set at scale ${SCALE} (LOA_BENCH_SCALE)`);
    let t0 = performance.now();
    const counts = await generateProducts(database.pool);
    console.log(
      `  generated ${counts.products.toLocaleString('en')} products, ${counts.publications.toLocaleString('en')} ` +
        `publications in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const officers = await createOfficers(database.pool, await services.passwords.hash(BENCH_PASSWORD), OFFICERS);
    const captured = await captureStatements(database.pool, officers, benchUrls(officers));
    const load = {} as Record<Endpoint, LoadRequest[]>;
    const statements: Record<string, unknown> = {};
    for (const endpoint of Object.keys(captured) as Endpoint[]) {
      load[endpoint] = captured[endpoint].map((request, i) => {
        statements[`${endpoint}-${i}`] = request.statements;
        return { key: `${endpoint}-${i}`, url: request.url, officer: request.officer };
      });
    }
    const statementsFile = path.join(dataDir, 'statements.json');
    await fs.writeFile(statementsFile, JSON.stringify(statements));
    await database.close();

    t0 = performance.now();
    const loa = await startServer(
      'Loa',
      path.join(HERE, '../apps/server/src/main.ts'),
      await freePort(),
      {
        DATABASE_URL: url,
        HOST: '127.0.0.1',
        LOA_DATA_DIR: path.join(dataDir, 'loa'),
        LOA_DEMO: 'false',
        LOA_RUN_JOBS: 'false',
        LOA_TRUST_PROXY: 'true',
        LOA_ADMIN_PASSWORD: BENCH_PASSWORD,
      },
      '/api/health',
      // LOA_BENCH_PROFILE=<dir>: Loa writes a CPU profile (.cpuprofile, for Chrome DevTools) there when it stops.
      process.env.LOA_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LOA_BENCH_PROFILE}`] : [],
    );
    servers.push(loa);
    const baseline = await startServer(
      'baseline',
      path.join(HERE, 'api-baseline.ts'),
      await freePort(),
      { DATABASE_URL: url, LOA_BENCH_STATEMENTS: statementsFile, LOA_BENCH_KEY_HEADER: KEY_HEADER },
      '/ready',
    );
    servers.push(baseline);
    const cookies = await logIn(
      loa.url,
      officers.map((o) => o.username),
      BENCH_PASSWORD,
    );
    console.log(
      `  Loa and baseline started, ${officers.length} officers logged in, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    await checkSameAnswers(loa.url, baseline.url, load, cookies);

    console.log(
      `  ${CONNECTIONS} connections, ${SECONDS} s per endpoint, server and load in ${ROUNDS} alternating runs ` +
        `(after ${WARM_UP} s of warm-up each), ${os.cpus().length} CPU cores shared by Loa, the baseline, PostgreSQL ` +
        'and the load generator. "saturated": autocannon, each connection asking again as soon as it is answered ' +
        '(throughput); "half load": half the baseline\'s saturated throughput, offered steadily (latency).',
    );
    console.log('  endpoint  load        server     p50 ms  p95 ms  p99 ms   req/s   target');
    let failed = false;
    // ROUNDS runs of each server, alternating so that both meet the same machine; each server's runs taken together.
    const alternate = async (run: (server: { url: string }) => Promise<LoadRun>) => {
      const runs: Record<'loa' | 'baseline', LoadRun[]> = { loa: [], baseline: [] };
      for (let round = 0; round < ROUNDS; round++) {
        runs.loa.push(await run(loa));
        runs.baseline.push(await run(baseline));
      }
      return { loa: summarise(runs.loa), baseline: summarise(runs.baseline) };
    };
    const check = (endpoint: Endpoint, load: string, name: string, result: LoadResult) => {
      if (result.non2xx > 0 || result.errors > 0 || result.requests === 0) {
        console.log(
          `  ${endpoint} (${load}): ${name} answered ${result.requests} requests, ${result.non2xx} non-2xx, ` +
            `${result.errors} errors/timeouts (runs too short for this machine? raise LOA_BENCH_SECONDS)`,
        );
        failed = true;
      }
    };
    for (const endpoint of Object.keys(load) as Endpoint[]) {
      // Each endpoint meets a quiet database: what the previous one left running in PostgreSQL finishes first.
      await drained(url);
      // Warm-up, then short runs alternating between Loa and the baseline, so that both meet the same machine.
      for (const server of [loa, baseline]) await drive(server.url, load[endpoint], cookies, CONNECTIONS, WARM_UP);
      const saturated = await alternate((server) =>
        drive(server.url, load[endpoint], cookies, CONNECTIONS, SECONDS / ROUNDS),
      );
      const ratio = saturated.loa.rps / saturated.baseline.rps;
      console.log(
        `  ${endpoint.padEnd(8)}  saturated   Loa      ${row(saturated.loa)}   ${(ratio * 100).toFixed(0)} % of the ` +
          `baseline's req/s (≥ 60 %: ${ratio >= TARGET_RATIO ? 'met' : 'MISSED'})`,
      );
      console.log(`  ${''.padEnd(8)}              baseline ${row(saturated.baseline)}`);
      // With every connection waiting for its answer before asking again, the mean latency is connections ÷ req/s.
      const needed = Math.ceil(CONNECTIONS / (TARGET_P95[endpoint] / 1000));
      console.log(
        `  ${''.padEnd(8)}              (Little's law: ${CONNECTIONS} saturating connections at a mean of ` +
          `${TARGET_P95[endpoint]} ms need ${needed.toLocaleString('en')} req/s; the baseline's ` +
          `${saturated.baseline.rps.toFixed(0)} req/s mean ${((CONNECTIONS / saturated.baseline.rps) * 1000).toFixed(0)} ms)`,
      );
      const rate = Math.max(1, Math.round(saturated.baseline.rps / 2));
      const half = await alternate((server) =>
        pace(server.url, load[endpoint], cookies, CONNECTIONS, SECONDS / ROUNDS, rate),
      );
      const p95Met = half.loa.p95 <= TARGET_P95[endpoint];
      console.log(
        `  ${''.padEnd(8)}  ${`half ${rate}/s`.padEnd(10)}  Loa      ${row(half.loa)}   p95 ≤ ` +
          `${TARGET_P95[endpoint]} ms: ${p95Met ? 'met' : 'MISSED'}`,
      );
      console.log(`  ${''.padEnd(8)}              baseline ${row(half.baseline)}`);
      for (const [name, load, result] of [
        ['Loa', 'saturated', saturated.loa],
        ['baseline', 'saturated', saturated.baseline],
        ['Loa', 'half load', half.loa],
        ['baseline', 'half load', half.baseline],
      ] as const) {
        check(endpoint, load, name, result);
      }
    }
    if (failed) process.exitCode = 1;
  } finally {
    for (const server of servers) await server.stop();
    await embedded.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** Waits (up to a minute) until no other statement runs in the benchmark's database. */
async function drained(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      if (rows[0]!.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await client.end();
  }
}

const row = (r: LoadResult) =>
  `${r.p50.toFixed(1).padStart(6)}  ${r.p95.toFixed(1).padStart(6)}  ${r.p99.toFixed(1).padStart(6)}  ${r.rps
    .toFixed(0)
    .padStart(6)}`;

/** Both servers answer the first requests of each endpoint with the same rows (the same statements ran). */
async function checkSameAnswers(
  loaUrl: string,
  baselineUrl: string,
  load: Record<Endpoint, LoadRequest[]>,
  cookies: string[],
): Promise<void> {
  for (const endpoint of Object.keys(load) as Endpoint[]) {
    for (const request of load[endpoint].slice(0, 5)) {
      const [ours, theirs] = await Promise.all([
        fetch(loaUrl + request.url, { headers: { cookie: cookies[request.officer]! } }).then(
          (r) => r.json() as Promise<{ id?: string; items?: { id: string }[] }>,
        ),
        fetch(baselineUrl + request.url, { headers: { [KEY_HEADER]: request.key } }).then(
          (r) => r.json() as Promise<{ results: unknown[][][] }>,
        ),
      ]);
      const loaIds = ours.items ? ours.items.map((item) => item.id) : [ours.id];
      // The page is one of the statements' results (a scoped list first reads the scope's unit ids).
      const baselineIds = theirs.results.map((rows) => JSON.stringify(rows.map((columns) => columns[0])));
      if (!baselineIds.includes(JSON.stringify(loaIds))) {
        throw new Error(
          `${endpoint} ${request.url}: Loa and the baseline disagree (${loaIds[0]} is not first in any result)`,
        );
      }
    }
  }
}
