// Starts Loa: configuration, database (embedded unless DATABASE_URL), migrations, first-start data, jobs, HTTP.
import path from 'node:path';
import { buildApp } from './app.js';
import { bootstrap, formatCredentials } from './bootstrap.js';
import { compose, jobDefinitions } from './composition-root.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { startJobs, type Jobs } from './platform/jobs/jobs.js';
import { AUTH_CHANNEL, createAuthSessionCache } from './modules/auth/index.js';
import { listen } from './platform/db/listen.js';
import { openRuntime, REPO_ROOT } from './runtime.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = (message: string) => {
    if (config.logLevel !== 'silent' && message) console.error(`[loa] ${message}`);
  };
  const runtime = await openRuntime(config, log);
  // Sessions are kept in memory only while this instance hears of every change to them (decision 0055).
  const sessionCache = config.sessionCache ? createAuthSessionCache() : undefined;
  const listener = sessionCache
    ? listen({
        url: runtime.url,
        channel: AUTH_CHANNEL,
        onNotification: sessionCache.apply,
        onLive: sessionCache.setLive,
        log,
      })
    : null;
  const services = compose(runtime.database.db, {
    sessionHours: config.sessionHours,
    sessionCache,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    publicUrl: config.publicUrl,
    proposalDay: config.proposalDay,
    filesDir: config.filesDir,
    maxUploadMb: config.maxUploadMb,
    s3: config.s3,
    monitoringFetch: config.monitoringFetch,
    reviewTime: config.reviewTime,
    bulletinTime: config.bulletinTime,
  });
  const credentials = await bootstrap(services, {
    orgPreset: config.orgPreset,
    demo: config.demo,
    adminPassword: config.adminPassword,
  });
  const app = await buildApp({
    services,
    pingDatabase: async () => void (await runtime.database.pool.query('SELECT 1')),
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    loginsPerMinute: config.loginsPerMinute,
    webDist: config.webDist ?? path.join(REPO_ROOT, 'apps/web/dist'),
  });
  let jobs: Jobs | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await app.close().catch((e: unknown) => log(String(e)));
    await jobs?.stop().catch((e: unknown) => log(String(e)));
    await listener?.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    jobs = await startJobs({ connectionString: runtime.url, schedule: config.runJobs, log: app.log });
    const definitions = jobDefinitions(services, jobs);
    // Administrators' "run now" queues any scheduled job from any instance, even one that does not process jobs.
    services.scheduledJobs.attach(jobs, definitions);
    if (config.runJobs) await jobs.work(definitions);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await jobs?.stop().catch(() => undefined);
    await listener?.close();
    await runtime.close();
    throw error;
  }
  if (credentials.length > 0) console.log(formatCredentials(credentials));
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(`Loa is running at http://${shown}:${config.port}  (API reference: /api/docs)`);
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? error.message : `Loa could not start: ${(error as Error)?.message ?? String(error)}`,
  );
  process.exit(1);
});
