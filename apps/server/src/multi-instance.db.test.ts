// Several instances on one PostgreSQL (issue 10 §4, decision 0049): two real servers and two real workers, started as
// a deployment would start them, behind a round-robin proxy. Sessions, uploads, the login limit, scheduled jobs and
// notifications must behave as with one instance.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../test/constants.js';
import { logIn, send, type HttpSession } from '../test/instances/client.js';
import { startServer, startWorker, type LoaProcess } from '../test/instances/processes.js';
import { startProxy, UPSTREAM_HEADER, type Proxy } from '../test/instances/proxy.js';
import { startSmtpCatcher, type SmtpCatcher } from '../test/smtp-catcher.js';
import { createTestDatabase, type TestDatabase } from '../test/test-db.js';

const LOGINS_PER_MINUTE = 10;

let db: TestDatabase;
let smtp: SmtpCatcher;
let filesDir: string;
let a: LoaProcess;
let b: LoaProcess;
let workers: LoaProcess[] = [];
let proxy: Proxy;
let admin: HttpSession;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` until it holds; fails after `timeoutMs` naming `what`. */
async function waitFor(what: string, condition: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

const query = async <T>(text: string, values: unknown[] = []) => (await db.pool.query(text, values)).rows as T[];

beforeAll(async () => {
  db = await createTestDatabase();
  smtp = await startSmtpCatcher();
  filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'loa-instances-files-'));
  const env = {
    DATABASE_URL: db.url,
    LOA_DATA_DIR: filesDir,
    // One shared directory stands for the shared volume (or S3 bucket) of a real deployment.
    LOA_FILES_DIR: filesDir,
    LOA_DEMO: 'false',
    LOA_TRUST_PROXY: 'true',
    LOA_LOGINS_PER_MINUTE: String(LOGINS_PER_MINUTE),
    SMTP_URL: smtp.url,
  };
  const started = await Promise.allSettled([
    startServer('a', { ...env, LOA_RUN_JOBS: 'false' }),
    startServer('b', { ...env, LOA_RUN_JOBS: 'false' }),
    startWorker('worker-1', env),
    startWorker('worker-2', env),
  ]);
  const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.flatMap((s) => (s.status === 'rejected' ? [s.reason as Error] : []));
  if (failed.length > 0) {
    await Promise.all(running.map((p) => p.stop(2_000)));
    throw new Error(failed.map((e) => e.message).join('\n\n'));
  }
  [a, b, ...workers] = running as [LoaProcess, LoaProcess, ...LoaProcess[]];
  proxy = await startProxy([
    { name: 'a', port: a.port! },
    { name: 'b', port: b.port! },
  ]);
  admin = await logIn(proxy.url, 'admin', ADMIN_PASSWORD);
}, 150_000);

afterAll(async () => {
  await proxy?.close();
  await Promise.all([a, b, ...workers].filter(Boolean).map((p) => p.stop()));
  await smtp?.close();
  await db?.drop();
  if (filesDir) await fs.rm(filesDir, { recursive: true, force: true });
}, 60_000);

describe('several instances on one PostgreSQL', () => {
  it('the proxy sends requests to both servers in turn', async () => {
    const answers = await Promise.all([1, 2, 3, 4].map(() => send(proxy.url, 'GET', '/api/health')));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((r) => r.headers.get(UPSTREAM_HEADER)))).toEqual(new Set(['a', 'b']));
  });

  it('a session opened on one server reads, writes and ends on the other', async () => {
    const session = await logIn(a.url!, 'admin', ADMIN_PASSWORD);
    const me = await session.request(b.url!, 'GET', '/api/me');
    expect(me.status).toBe(200);
    expect(me.json<{ user: { username: string } }>().user.username).toBe('admin');
    // A write on B with the CSRF token A issued; A then sees it.
    const changed = await session.request(b.url!, 'PATCH', '/api/me', { fullName: 'Quản trị liên máy chủ' });
    expect(changed.status).toBe(200);
    const onA = await session.request(a.url!, 'GET', '/api/me');
    expect(onA.json<{ user: { fullName: string } }>().user.fullName).toBe('Quản trị liên máy chủ');
    // Through the proxy, alternate requests land on both and all succeed.
    const viaProxy = await Promise.all([1, 2, 3, 4].map(() => session.request(proxy.url, 'GET', '/api/me')));
    expect(viaProxy.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(viaProxy.map((r) => r.headers.get(UPSTREAM_HEADER)))).toEqual(new Set(['a', 'b']));
    expect((await session.request(b.url!, 'POST', '/api/auth/logout')).status).toBe(204);
    const afterLogout = await session.request(a.url!, 'GET', '/api/me');
    expect(afterLogout.status).toBe(401);
  });

  it("an administrator's change on one server reaches the other's sessions at their next request", async () => {
    // Both servers keep the sessions they have read in memory (decision 0055): what B changes, A must not serve.
    const [user] = await query<{ id: string }>(
      `INSERT INTO users (username, full_name, roles, org_unit_id, password_hash)
       SELECT 'lien.may', 'Cán bộ liên máy', ARRAY['viewer'], org_unit_id, password_hash FROM users
        WHERE username = 'admin' RETURNING id`,
    );
    const officer = await logIn(a.url!, 'lien.may', ADMIN_PASSWORD);
    // The users list is for administrators: its answer says which roles the server acted on.
    const usersList = async (server: LoaProcess) =>
      (await officer.request(server.url!, 'GET', '/api/users?pageSize=1')).status;
    // Asked twice of each: the second answer comes from the session the server keeps in memory.
    for (let i = 0; i < 2; i++) expect([await usersList(a), await usersList(b)]).toEqual([403, 403]);
    const version = async () =>
      (await admin.request(b.url!, 'GET', `/api/users/${user!.id}`)).json<{ version: number }>().version;
    const promoted = await admin.request(b.url!, 'PATCH', `/api/users/${user!.id}`, {
      roles: ['admin'],
      version: await version(),
    });
    expect(promoted.status, promoted.body.toString()).toBe(200);
    expect(await usersList(a)).toBe(200);
    const disabled = await admin.request(b.url!, 'PATCH', `/api/users/${user!.id}`, {
      disabled: true,
      version: await version(),
    });
    expect(disabled.status, disabled.body.toString()).toBe(200);
    expect([await usersList(a), await usersList(b)]).toEqual([401, 401]);
  });

  it('a file uploaded through one server downloads byte for byte from the other', async () => {
    const bytes = Buffer.from(`Biên bản họp giao ban truyền thông — ${randomBytes(24).toString('hex')}\r\n`, 'utf8');
    const uploaded = await admin.request(a.url!, 'POST', '/api/files', bytes, {
      'content-type': 'application/octet-stream',
      'x-file-name': `UTF-8''${encodeURIComponent('biên bản.txt')}`,
    });
    expect(uploaded.status).toBe(201);
    const { id } = uploaded.json<{ id: string }>();
    const downloaded = await admin.request(b.url!, 'GET', `/api/files/${id}/content`);
    expect(downloaded.status).toBe(200);
    expect(downloaded.body.equals(bytes)).toBe(true);
    const viaProxy = await Promise.all([1, 2].map(() => admin.request(proxy.url, 'GET', `/api/files/${id}/content`)));
    expect(viaProxy.map((r) => [r.status, r.body.equals(bytes)])).toEqual([
      [200, true],
      [200, true],
    ]);
  });

  it('the login limit of one address holds across both servers together', async () => {
    // One office address (X-Forwarded-For, trusted behind the balancer) tries wrong passwords on A and B in turn.
    const from = { 'x-forwarded-for': '10.48.0.7' };
    const statuses: number[] = [];
    for (let i = 0; i < LOGINS_PER_MINUTE + 2; i++) {
      const server = i % 2 === 0 ? a : b;
      const answer = await send(
        server.url!,
        'POST',
        '/api/auth/login',
        { username: 'khong-co-ai', password: 'sai-mat-khau' },
        from,
      );
      statuses.push(answer.status);
    }
    // Each server alone has seen only half the attempts: in-memory counters would still answer 401.
    expect(statuses.slice(0, LOGINS_PER_MINUTE)).toEqual(Array(LOGINS_PER_MINUTE).fill(401));
    expect(statuses.slice(LOGINS_PER_MINUTE)).toEqual([429, 429]);
    // Another address is not affected.
    const other = await send(
      b.url!,
      'POST',
      '/api/auth/login',
      { username: 'khong-co-ai', password: 'sai' },
      {
        'x-forwarded-for': '10.48.0.8',
      },
    );
    expect(other.status).toBe(401);
  });

  it('a deadline run by both workers notifies and e-mails each recipient once', { timeout: 150_000 }, async () => {
    const [unit] = await query<{ id: string }>(`SELECT id FROM org_units WHERE code = 'P48'`);
    const recipients: { id: string; email: string }[] = [];
    for (const username of ['danang.tt1', 'danang.tt2']) {
      const email = `${username}@danang.baohiemxahoi.gov.vn`;
      const created = await admin.request(proxy.url, 'POST', '/api/users', {
        username,
        fullName: `Cán bộ ${username}`,
        email,
        roles: ['province_officer'],
        orgUnitId: unit!.id,
      });
      expect(created.status).toBe(201);
      recipients.push({ id: created.json<{ user: { id: string } }>().user.id, email });
    }
    const [{ tomorrow }] = (await query<{ tomorrow: string }>(
      `SELECT to_char((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 1, 'YYYY-MM-DD') AS tomorrow`,
    )) as [{ tomorrow: string }];
    const item = await admin.request(proxy.url, 'POST', '/api/calendar', {
      title: 'Phóng sự ngày BHYT toàn dân',
      startsOn: tomorrow,
      ownerUnitId: unit!.id,
      status: 'in_production',
    });
    expect(item.status).toBe(201);
    const itemId = item.json<{ id: string }>().id;

    const runs = async () =>
      (
        await query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notifications.deadlines' AND state = 'completed'`,
        )
      )[0]!.n;
    // "Run now" on A, then again on B once the first run has finished: two runs, on whichever workers take them.
    expect((await admin.request(a.url!, 'POST', '/api/admin/jobs/notifications.deadlines/run')).status).toBe(202);
    await waitFor('the first deadline run', async () => (await runs()) >= 1, 60_000);
    expect((await admin.request(b.url!, 'POST', '/api/admin/jobs/notifications.deadlines/run')).status).toBe(202);
    await waitFor('the second deadline run', async () => (await runs()) >= 2, 60_000);

    const notified = await query<{ user_id: string; n: number }>(
      `SELECT user_id, count(*)::int AS n FROM notifications WHERE entity_id = $1 GROUP BY user_id`,
      [itemId],
    );
    const byUser = (x: { user_id: string }, y: { user_id: string }) => x.user_id.localeCompare(y.user_id);
    expect(notified.sort(byUser)).toEqual(recipients.map((r) => ({ user_id: r.id, n: 1 })).sort(byUser));

    // The e-mails leave through the every-minute outbox flush and the send jobs, on either worker.
    const delivered = () => smtp.messages.filter((m) => m.subject.includes('Phóng sự ngày BHYT toàn dân'));
    await waitFor('one e-mail per recipient', () => delivered().length >= recipients.length, 100_000);
    await waitFor(
      'no e-mail still queued',
      async () =>
        (
          await query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notifications.send-email' AND state IN ('created', 'retry', 'active')`,
          )
        )[0]!.n === 0,
      30_000,
    );
    expect(
      delivered()
        .flatMap((m) => m.envelopeTo)
        .sort(),
    ).toEqual(recipients.map((r) => r.email).sort());
    const outbox = await query<{ status: string; attempts: number }>(
      `SELECT status, attempts FROM email_outbox WHERE user_id = ANY($1::uuid[])`,
      [recipients.map((r) => r.id)],
    );
    expect(outbox).toEqual([
      { status: 'sent', attempts: 1 },
      { status: 'sent', attempts: 1 },
    ]);
  });

  it('each tick of a schedule runs its job once, although both workers schedule it', async () => {
    // By now the every-minute outbox flush has ticked (the e-mails above went through it). pg-boss's timekeeper
    // turns a tick into one "send-it" job per schedule and minute; each must have become exactly one run.
    const read = async () => {
      const ticks = await query<{ name: string; ticks: number; minutes: number }>(
        `SELECT data->>'name' AS name, count(*)::int AS ticks, count(DISTINCT singleton_on)::int AS minutes
           FROM pgboss.job WHERE name = '__pgboss__send-it' AND state = 'completed' GROUP BY 1 ORDER BY 1`,
      );
      const runs = await query<{ name: string; runs: number }>(
        `SELECT j.name, count(*)::int AS runs FROM pgboss.job j JOIN pgboss.schedule s ON s.name = j.name
          WHERE j.singleton_key IS NULL GROUP BY 1 ORDER BY 1`,
      );
      return {
        ticks,
        ticksByName: Object.fromEntries(ticks.map((t) => [t.name, t.ticks])),
        runsByName: Object.fromEntries(runs.map((r) => [r.name, r.runs])),
      };
    };
    // A tick being turned into its run at the moment of reading differs for an instant; a double run never agrees.
    let seen = await read();
    for (let i = 0; i < 10 && JSON.stringify(seen.ticksByName) !== JSON.stringify(seen.runsByName); i++) {
      await sleep(1_000);
      seen = await read();
    }
    expect(seen.ticksByName['notifications.flush-outbox'] ?? 0).toBeGreaterThanOrEqual(1);
    for (const tick of seen.ticks) expect(tick.ticks, tick.name).toBe(tick.minutes);
    expect(seen.runsByName).toEqual(seen.ticksByName);
    // Both workers are still running: the single runs are not explained by one of them having died.
    expect(workers.map((w) => w.running())).toEqual([true, true]);
  });
});
