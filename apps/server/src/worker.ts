// A separate job worker (`npm run worker`) for scaling out: it shares the server's PostgreSQL.
import { compose, jobDefinitions } from './composition-root.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { startJobs } from './platform/jobs/jobs.js';
import { openRuntime } from './runtime.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    throw new ConfigError(
      'npm run worker needs DATABASE_URL: workers share one PostgreSQL with the servers (the embedded database belongs to a single server).',
    );
  }
  const log = (message: string) => console.error(`[loa-worker] ${message}`);
  const runtime = await openRuntime(config, log);
  const services = compose(runtime.database.db, {
    sessionHours: config.sessionHours,
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
  const jobs = await startJobs({
    connectionString: runtime.url,
    schedule: true,
    log: { error: (obj, msg) => console.error(msg, obj), info: (obj, msg) => log(`${msg} ${JSON.stringify(obj)}`) },
  });
  const definitions = jobDefinitions(services, jobs);
  services.scheduledJobs.attach(jobs, definitions);
  await jobs.work(definitions);
  log('processing jobs');
  const stop = async () => {
    await jobs.stop();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError
      ? error.message
      : `Worker could not start: ${(error as Error)?.message ?? String(error)}`,
  );
  process.exit(1);
});
