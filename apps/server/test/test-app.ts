import type { TLoginResponse, TRole } from '@loa/contracts';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { compose, type CompositionOptions, type Services } from '../src/composition-root.js';
import { ADMIN_PASSWORD, USER_PASSWORD } from './constants.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

type Body = InjectOptions['payload'];

/** A logged-in client: every request carries the session cookie and, on mutations, the CSRF token. */
export interface Session {
  user: TLoginResponse['user'];
  cookie: string;
  csrfToken: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: Body, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: Body, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: Body, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** An audit event as stored; `xmin` tells which transaction wrote it. */
export interface AuditRow {
  seq: number;
  action: string;
  entity_type: string;
  entity_id: string | null;
  actor_id: string | null;
  org_unit_id: string | null;
  summary: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  xmin: string;
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  db: TestDatabase;
  login(username: string, password?: string): Promise<Session>;
  loginAdmin(): Promise<Session>;
  unitId(code: string): Promise<string>;
  /** Builder: a user with a known password (USER_PASSWORD), no forced change. */
  createUser(options: {
    username: string;
    roles: TRole[];
    unitCode: string;
    fullName?: string;
    email?: string;
  }): Promise<string>;
  /** The seq of the newest audit event (0 when there is none). */
  lastAuditSeq(): Promise<number>;
  /** The audit events written after `seq`, oldest first. */
  auditSince(seq: number): Promise<AuditRow[]>;
  close(): Promise<void>;
}

/** Mail settings of the app under test: point `smtpUrl` at a test's own SMTP server; none means e-mails are held. */
export type TestAppOptions = Pick<
  CompositionOptions,
  'smtpUrl' | 'mailFrom' | 'publicUrl' | 'filesDir' | 'maxUploadMb' | 'monitoringFetch' | 'monitoringLoop'
>;

/** `extraRoutes` registers routes on the app before it is ready (the authorisation matrix adds an undeclared one). */
export async function createTestApp(
  options: TestAppOptions = {},
  extraRoutes?: (app: FastifyInstance) => void,
): Promise<TestApp> {
  const db = await createTestDatabase();
  const services = compose(db.db, { sessionHours: 12, ...options });
  const app = await buildApp({ services, pingDatabase: async () => void (await db.pool.query('SELECT 1')) });
  extraRoutes?.(app);
  await app.ready();

  const login = async (username: string, password = USER_PASSWORD): Promise<Session> => {
    // Each login from its own loopback address, so the per-IP login rate limit stays out of the way.
    const remoteAddress = `127.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress,
    });
    if (response.statusCode !== 200)
      throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
    const body = response.json<TLoginResponse>();
    const setCookie = response.cookies.find((c) => c.name === 'loa_session');
    const cookie = `loa_session=${setCookie!.value}`;
    const send = (method: InjectOptions['method'], url: string, payload?: Body, headers: Record<string, string> = {}) =>
      app.inject({
        method,
        url,
        ...(payload !== undefined ? { payload } : {}),
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': body.csrfToken }), ...headers },
      });
    return {
      user: body.user,
      cookie,
      csrfToken: body.csrfToken,
      get: (url, headers) => send('GET', url, undefined, headers),
      post: (url, payload, headers) => send('POST', url, payload ?? {}, headers),
      patch: (url, payload, headers) => send('PATCH', url, payload ?? {}, headers),
      put: (url, payload, headers) => send('PUT', url, payload ?? {}, headers),
      delete: (url, headers) => send('DELETE', url, undefined, headers),
    };
  };

  const unitId = async (code: string) => {
    const { rows } = await db.pool.query<{ id: string }>('SELECT id FROM org_units WHERE code = $1', [code]);
    if (!rows[0]) throw new Error(`no unit ${code}`);
    return rows[0].id;
  };

  return {
    app,
    services,
    db,
    login,
    loginAdmin: () => login('admin', ADMIN_PASSWORD),
    unitId,
    async createUser({ username, roles, unitCode, fullName, email }) {
      const { rows } = await db.pool.query<{ id: string }>(
        `INSERT INTO users (username, full_name, email, roles, org_unit_id, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          username,
          fullName ?? `Người dùng ${username}`,
          email ?? null,
          roles,
          await unitId(unitCode),
          await passwordHash(),
        ],
      );
      return rows[0]!.id;
    },
    async lastAuditSeq() {
      const { rows } = await db.pool.query<{ seq: number }>(
        'SELECT coalesce(max(seq), 0)::int AS seq FROM audit_events',
      );
      return rows[0]!.seq;
    },
    async auditSince(seq) {
      const { rows } = await db.pool.query<AuditRow>(
        `SELECT seq::int, action, entity_type, entity_id, actor_id, org_unit_id, summary, before, after, xmin::text
           FROM audit_events WHERE seq > $1 ORDER BY seq`,
        [seq],
      );
      return rows;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };

  async function passwordHash(): Promise<string> {
    cachedHash ??= services.passwords.hash(USER_PASSWORD);
    return cachedHash;
  }
}

let cachedHash: Promise<string> | undefined;
