import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { defineJob, startJobs, type JobDefinition, type Jobs } from '../../platform/jobs/jobs.js';

let t: TestApp;
let jobs: Jobs;
let admin: Session;
let runs = 0;

const nightly = defineJob({
  name: 'test.nightly-report',
  payload: z.object({}),
  schedule: '0 3 * * *',
  handler: async () => {
    runs++;
  },
});
const unscheduled = defineJob({ name: 'test.on-demand', payload: z.object({}), handler: async () => {} });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  t = await createTestApp();
  jobs = await startJobs({
    connectionString: t.db.url,
    schedule: false,
    log: { error: () => undefined, info: () => undefined },
    pollingSeconds: 0.5,
  });
  t.services.scheduledJobs.attach(jobs, [nightly, unscheduled] as JobDefinition<never>[]);
  admin = await t.loginAdmin();
});
afterAll(async () => {
  await jobs?.stop();
  await t?.close();
});

describe('scheduled jobs for administrators', () => {
  it('lists the scheduled jobs only, with their schedule and no run yet', async () => {
    const response = await admin.get('/api/admin/jobs');
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      {
        name: 'test.nightly-report',
        label: { vi: 'test.nightly-report', en: 'test.nightly-report' },
        schedule: '0 3 * * *',
        lastRunAt: null,
        lastState: null,
        pending: 0,
      },
    ]);
  });

  it('queues one run now, audited, and does not queue a second while it waits', async () => {
    const seq = await t.lastAuditSeq();
    const first = await admin.post('/api/admin/jobs/test.nightly-report/run');
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ queued: true });
    const second = await admin.post('/api/admin/jobs/test.nightly-report/run');
    expect(second.json()).toEqual({ queued: false });
    expect((await admin.get('/api/admin/jobs')).json().items[0].pending).toBe(1);
    const audit = await t.auditSince(seq);
    expect(audit.filter((e) => e.action === 'run_job').map((e) => e.entity_id)).toEqual([
      'test.nightly-report',
      'test.nightly-report',
    ]);
  });

  it('runs it when processed and shows the finished run', async () => {
    await jobs.work([nightly] as JobDefinition<never>[]);
    const deadline = Date.now() + 20_000;
    let item: { lastState: string | null; lastRunAt: string | null; pending: number } | undefined;
    while (Date.now() < deadline) {
      item = (await admin.get('/api/admin/jobs')).json().items[0];
      if (item?.lastState === 'completed') break;
      await sleep(200);
    }
    expect(runs).toBe(1);
    expect(item).toMatchObject({ lastState: 'completed', pending: 0 });
    expect(Date.parse(item!.lastRunAt!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses others, unknown and unscheduled jobs', async () => {
    await t.createUser({ username: 'jobs-officer', roles: ['comms_center'], unitCode: 'TT' });
    const officer = await t.login('jobs-officer');
    expect((await officer.get('/api/admin/jobs')).statusCode).toBe(403);
    expect((await officer.post('/api/admin/jobs/test.nightly-report/run')).statusCode).toBe(403);
    const unknown = await admin.post('/api/admin/jobs/test.unknown/run');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await admin.post('/api/admin/jobs/test.on-demand/run')).statusCode).toBe(404);
  });
});
