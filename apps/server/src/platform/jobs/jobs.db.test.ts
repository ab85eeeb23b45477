import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { defineJob, startJobs, type JobContext, type JobDefinition, type Jobs } from './jobs.js';

let db: TestDatabase;
let first: Jobs;
let second: Jobs;

const quiet = { error: () => undefined, info: () => undefined };
const start = () =>
  startJobs({ connectionString: db.url, schedule: true, log: quiet, pollingSeconds: 0.5, cronMonitorSeconds: 1 });

beforeAll(async () => {
  db = await createTestDatabase();
  first = await start();
  second = await start();
});
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await db?.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` until it holds; fails after `timeoutMs` with `what`. */
async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const jobRows = async (name: string) =>
  (
    await db.pool.query<{ id: string; state: string; retry_count: number; singleton_key: string | null }>(
      'SELECT id, state, retry_count, singleton_key FROM pgboss.job WHERE name = $1 ORDER BY created_on',
      [name],
    )
  ).rows;

describe('startJobs', () => {
  describe('send', () => {
    it('queues a job once while another with the same idempotency key waits', async () => {
      const job = defineJob({ name: 'test-idempotent', payload: z.object({ n: z.number() }), handler: async () => {} });
      const queued = await first.send(job, { n: 1 }, { idempotencyKey: 'report-2026-01' });
      const again = await second.send(job, { n: 2 }, { idempotencyKey: 'report-2026-01' });
      const other = await first.send(job, { n: 3 }, { idempotencyKey: 'report-2026-02' });
      expect(queued).toEqual(expect.any(String));
      expect(again).toBeNull();
      expect(other).toEqual(expect.any(String));
      const rows = await jobRows('test-idempotent');
      expect(rows.map((r) => [r.id, r.singleton_key, r.state])).toEqual([
        [queued, 'report-2026-01', 'created'],
        [other, 'report-2026-02', 'created'],
      ]);
    });

    it('refuses a payload that does not match the job schema', async () => {
      const job = defineJob({ name: 'test-schema', payload: z.object({ n: z.number() }), handler: async () => {} });
      await expect(first.send(job, { n: 'one' } as unknown as { n: number })).rejects.toThrow();
      expect(await jobRows('test-schema')).toEqual([]);
    });
  });

  describe('work', () => {
    it('retries a handler that fails, telling it which attempt it is, until it succeeds', async () => {
      const runs: (JobContext & { id: string })[] = [];
      const job = defineJob({
        name: 'test-retry',
        payload: z.object({ id: z.string() }),
        retryLimit: 3,
        retryDelaySeconds: 1,
        handler: async (payload, context) => {
          runs.push({ ...context, id: payload.id });
          if (runs.length === 1) throw new Error('the first run fails');
        },
      });
      await first.work([job] as JobDefinition<never>[]);
      const jobId = await first.send(job, { id: 'bao-cao-1' });
      await waitFor('the retried job to complete', async () => (await jobRows('test-retry'))[0]?.state === 'completed');
      expect(runs).toEqual([
        { jobId, attempt: 0, id: 'bao-cao-1' },
        { jobId, attempt: 1, id: 'bao-cao-1' },
      ]);
      expect((await jobRows('test-retry'))[0]).toMatchObject({ id: jobId, retry_count: 1 });
    });

    it('runs a cron schedule once per tick although two instances work it', { timeout: 60_000 }, async () => {
      // A tick is a minute: start early in one, so that the observation below stays inside it.
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 40_000) await sleep(60_000 - intoMinute + 500);
      let runs = 0;
      const job = defineJob({
        name: 'test-cron',
        payload: z.object({}),
        schedule: '* * * * *',
        handler: async () => {
          runs++;
        },
      });
      await first.work([job] as JobDefinition<never>[]);
      await second.work([job] as JobDefinition<never>[]);
      await waitFor('the first scheduled run', () => runs > 0, 30_000);
      await sleep(4_000);
      expect(runs).toBe(1);
    });
  });
});
