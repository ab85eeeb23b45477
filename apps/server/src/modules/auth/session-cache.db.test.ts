// The session cache on real PostgreSQL (decision 0055): two instances of Loa's services on one database, each with its
// cache and its listener. What one instance (or anyone, in SQL) changes, the other stops answering from memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD } from '../../../test/constants.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';
import { compose, type Services } from '../../composition-root.js';
import { listen, type Listener } from '../../platform/db/listen.js';
import { AUTH_CHANNEL, createAuthSessionCache, type AuthSessionCache } from './index.js';

interface Instance {
  services: Services;
  cache: AuthSessionCache;
  listener: Listener;
}

let db: TestDatabase;
let a: Instance;
let b: Instance;

/** An instance of Loa's services; `deaf` ones are live but ignore every notification (what they forget, they forget alone). */
function start(deaf = false): Instance {
  const cache = createAuthSessionCache();
  const listener = listen({
    url: db.url,
    channel: AUTH_CHANNEL,
    onNotification: deaf ? () => undefined : cache.apply,
    onLive: cache.setLive,
    firstRetryMs: 100,
  });
  return { services: compose(db.db, { sessionHours: 12, sessionCache: cache }), cache, listener };
}

async function eventually(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const client = { ip: '127.0.0.1', userAgent: null, requestId: 'session-cache-test' };
const logIn = async (username = 'admin', password = ADMIN_PASSWORD) =>
  (await a.services.auth.login(username, password, client)).token;
const fullNameOn = async (instance: Instance, token: string) => {
  const credentials = await instance.services.auth.fromSession(token);
  return typeof credentials === 'object' && credentials ? credentials.actor.fullName : credentials;
};

/** Reads the session on `instance` until its cache keeps it (the login's own notification may cross the first read). */
const readIntoCache = (instance: Instance, token: string) =>
  eventually(
    'the session to reach the cache',
    async () => (await fullNameOn(instance, token)) !== null && instance.cache.size > 0,
  );

/** Changes a user's name without firing the triggers: only a cache still answering would miss it. */
async function renameQuietly(username: string, fullName: string) {
  const c = await db.pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SET LOCAL session_replication_role = replica');
    await c.query('UPDATE users SET full_name = $2 WHERE username = $1', [username, fullName]);
    await c.query('COMMIT');
  } finally {
    c.release();
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  a = start();
  b = start();
  await eventually('both listeners', () => a.cache.live && b.cache.live);
});

afterAll(async () => {
  await a?.listener.close();
  await b?.listener.close();
  await db?.drop();
});

describe('session cache', () => {
  it('answers a session from memory once read, and a change to its user as soon as it commits', async () => {
    const token = await logIn();
    await renameQuietly('admin', 'Tên trước');
    await eventually(
      'the session to reach the cache',
      async () => (await fullNameOn(a, token)) === 'Tên trước' && a.cache.size > 0,
    );
    await renameQuietly('admin', 'Tên lặng lẽ');
    // Memory answers: the quiet change is not seen…
    expect(await fullNameOn(a, token)).toBe('Tên trước');
    expect(a.cache.size).toBeGreaterThan(0);
    // …until a change that notifies, made by anyone.
    await db.pool.query("UPDATE users SET full_name = 'Tên mới' WHERE username = 'admin'");
    await eventually('the new name on instance a', async () => (await fullNameOn(a, token)) === 'Tên mới');
  });

  it('refuses on one instance a session ended on the other, and a user disabled there', async () => {
    const token = await logIn();
    expect(await fullNameOn(a, token)).toEqual(expect.any(String));
    expect(await fullNameOn(b, token)).toEqual(expect.any(String));
    const credentials = await b.services.auth.fromSession(token);
    if (!credentials || credentials === 'expired') throw new Error('no session on b');
    await b.services.auth.logout(credentials.actor, credentials.sessionId);
    expect(await fullNameOn(b, token)).toBeNull();
    await eventually('the logout to reach instance a', async () => (await fullNameOn(a, token)) === null);

    await db.pool.query(
      `INSERT INTO users (username, full_name, roles, org_unit_id, password_hash, must_change_password)
       SELECT 'cache.viewer', 'Người xem', ARRAY['viewer'], org_unit_id, password_hash, false
         FROM users WHERE username = 'admin'`,
    );
    const viewer = await logIn('cache.viewer', ADMIN_PASSWORD);
    expect(await fullNameOn(a, viewer)).toBe('Người xem');
    await db.pool.query("UPDATE users SET disabled = true WHERE username = 'cache.viewer'");
    await eventually('the disabled user to be refused on a', async () => (await fullNameOn(a, viewer)) === null);
  });

  it("forgets at once, without the notification, a user changed through the instance's own services", async () => {
    const c = start(true);
    try {
      await eventually('instance c to listen', () => c.cache.live);
      await db.pool.query(
        `INSERT INTO users (username, full_name, roles, org_unit_id, password_hash, must_change_password)
         SELECT 'cache.local', 'Người sửa tại chỗ', ARRAY['viewer'], org_unit_id, password_hash, false
           FROM users WHERE username = 'admin'`,
      );
      const local = await logIn('cache.local', ADMIN_PASSWORD);
      const admin = await c.services.auth.fromSession(await logIn());
      if (!admin || admin === 'expired') throw new Error('no admin session');
      await readIntoCache(c, local);
      const user = (await c.services.users.listUsers(admin.actor, { q: 'cache.local', page: 1, pageSize: 1 }))
        .items[0]!;
      await c.services.users.updateUser(admin.actor, user.id, { roles: ['leader'], version: user.version });
      const credentials = await c.services.auth.fromSession(local);
      expect(typeof credentials === 'object' && credentials?.actor.roles).toEqual(['leader']);
    } finally {
      await c.listener.close();
    }
  });

  it('forgets everything when units change, when many sessions end at once, and while it cannot listen', async () => {
    const token = await logIn();
    await readIntoCache(a, token);
    await db.pool.query("UPDATE org_units SET name = name || ' ' WHERE code = 'BHXHVN'");
    await eventually('units to empty the cache', () => a.cache.size === 0);

    await readIntoCache(a, token);
    await db.pool.query(
      `INSERT INTO sessions (id, user_id, csrf_token, expires_at)
       SELECT 'old-' || n, id, 'x', now() - interval '1 hour' FROM users, generate_series(1, 150) n
        WHERE username = 'admin'`,
    );
    await a.services.auth.deleteExpiredSessions();
    await eventually('150 ended sessions to empty the cache', () => a.cache.size === 0);

    await readIntoCache(a, token);
    await db.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                          WHERE application_name = 'loa-listen' AND datname = current_database()`);
    await eventually('instance a to stop trusting its cache', () => !a.cache.live);
    expect(a.cache.size).toBe(0);
    await renameQuietly('admin', 'Đọc lại');
    // Not live: every request reads the database.
    expect(await fullNameOn(a, token)).toBe('Đọc lại');
    await eventually('instance a to listen again', () => a.cache.live && b.cache.live);
    expect(await fullNameOn(a, token)).toBe('Đọc lại');
  });
});
