// The authorisation matrix (issue 10 §1): generated from GET /api/openapi.json, it calls every operation without a
// session, with an expired one, without CSRF, with a personal token, as every role and from out of scope.
// See docs/decisions/0046-authorisation-matrix.md.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROLES, type TRole } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/test-app.js';
import { call, createCast, type Cast, type Credentials } from '../test/authz/callers.js';
import {
  admits,
  fillPath,
  inChunks,
  isPublic,
  label,
  loadOperations,
  undeclared,
  type Operation,
} from '../test/authz/operations.js';
import { IN_SCOPE, judge, READ_EXCEPTIONS, SESSION_ENDING } from '../test/authz/rules.js';
import {
  buildWorld,
  kindOfPath,
  READ_EVERYWHERE,
  snapshot,
  type Fixture,
  type Owner,
  type World,
} from '../test/authz/world.js';

const CHUNK = 8;
let t: TestApp;
let filesDir: string;
let operations: Operation[];
let cast: Cast;
let world: World;
let calls = 0;
const started = Date.now();

const counted = async (...args: Parameters<typeof call>) => {
  calls += 1;
  return call(...args);
};
const session = (s: Session, csrf = true): Credentials => ({ kind: 'session', session: s, csrf });
const privateOps = () => operations.filter((op) => !isPublic(op));
const mutations = () => privateOps().filter((op) => op.method !== 'GET');
const fixtureOf = (kind: string, owner: Owner) => world.fixtures.find((f) => f.kind === kind && f.owner === owner);

beforeAll(async () => {
  filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'loa-authz-files-'));
  t = await createTestApp({ filesDir });
  operations = await loadOperations(t.app);
  cast = await createCast(t);
  world = await buildWorld(t, cast);
}, 120_000);

afterAll(async () => {
  await t?.close();
  if (filesDir) await fs.rm(filesDir, { recursive: true, force: true });
  console.warn(
    `authorisation matrix: ${operations?.length ?? 0} operations, ${world?.fixtures.length ?? 0} fixtures, ` +
      `${calls} calls, ${Math.round((Date.now() - started) / 1000)} s`,
  );
});

describe('the declared policies', () => {
  it('every operation of the OpenAPI document declares x-loa-policy', () => {
    expect(operations.length).toBeGreaterThan(300);
    expect(undeclared(operations), 'operations without a declared policy').toEqual([]);
  });

  it('a route registered without a policy fails: the app refuses to build, and the checker names it', async () => {
    // buildApp itself refuses a private /api route without a policy, naming it.
    await expect(
      createTestApp({}, (app) => {
        app.get('/api/authz-probe/:id', async () => ({ ok: true }));
      }),
    ).rejects.toThrow('/api/authz-probe/:id');
    // Should that guard ever be bypassed, the document shows the route without x-loa-policy and test 1 names it.
    const stripped = operations.map((op) =>
      op.path === '/api/plans/{id}' && op.method === 'GET' ? { ...op, policy: null } : op,
    );
    expect(undeclared(stripped)).toEqual(['GET /api/plans/{id}']);
  });
});

describe('authentication comes first', () => {
  it('answers 401 auth.required to every private operation called without a session', async () => {
    const wrong = await inChunks(privateOps(), CHUNK * 2, async (op) => {
      const outcome = await counted(t.app, op.method, fillPath(op), { kind: 'none' });
      return outcome.status === 401 && outcome.code === 'auth.required'
        ? null
        : `${label(op)}: ${outcome.status} ${outcome.code}`;
    });
    expect(wrong.filter(Boolean)).toEqual([]);
  });

  it('answers 401 auth.session_expired to every private operation called with a session past its expiry', async () => {
    const ops = privateOps();
    const tokens = ops.map(() => randomBytes(24).toString('base64url'));
    await t.db.pool.query(
      `INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, expires_at)
       SELECT id, $2, 'csrf', now() - interval '13 hours', now() - interval '2 hours', now() - interval '1 hour'
         FROM unnest($1::text[]) AS id`,
      [tokens.map((token) => createHash('sha256').update(token).digest('hex')), cast.hanoi.user.id],
    );
    const wrong = await inChunks(
      ops.map((op, i) => ({ op, token: tokens[i]! })),
      CHUNK * 2,
      async ({ op, token }) => {
        const outcome = await counted(t.app, op.method, fillPath(op), {
          kind: 'session',
          session: { ...cast.hanoi, cookie: `loa_session=${token}`, csrfToken: 'csrf' },
        });
        return outcome.status === 401 && outcome.code === 'auth.session_expired'
          ? null
          : `${label(op)}: ${outcome.status} ${outcome.code}`;
      },
    );
    expect(wrong.filter(Boolean)).toEqual([]);
  });

  it('answers 403 auth.csrf_missing to every mutation sent with the session cookie but no X-CSRF-Token', async () => {
    const wrong = await inChunks(mutations(), CHUNK * 2, async (op) => {
      const outcome = await counted(t.app, op.method, fillPath(op), session(cast.byRole.admin, false));
      return outcome.status === 403 && outcome.code === 'auth.csrf_missing'
        ? null
        : `${label(op)}: ${outcome.status} ${outcome.code}`;
    });
    expect(wrong.filter(Boolean)).toEqual([]);
  });

  it('lets a personal API token call without CSRF: never 401, never refused by CSRF or by the gate', async () => {
    const bearer: Credentials = { kind: 'bearer', token: cast.hanoiToken.token };
    const admitted = privateOps().filter((op) => admits(op, 'province_officer') && !SESSION_ENDING.has(label(op)));
    const wrong = await inChunks(admitted, CHUNK, async (op) => {
      const outcome = await counted(t.app, op.method, fillPath(op), bearer);
      const bad = outcome.status === 401 || outcome.status >= 500 || /^auth\.|role_forbidden/.test(outcome.code ?? '');
      return bad ? `${label(op)}: ${outcome.status} ${outcome.code}` : null;
    });
    expect(wrong.filter(Boolean)).toEqual([]);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/calendar',
      headers: { authorization: `Bearer ${cast.hanoiToken.token}` },
      payload: { title: 'Tọa đàm qua tích hợp', startsOn: '2030-04-12' },
    });
    expect(created.statusCode, created.body).toBe(201);
  });
});

describe('every role × every declared operation', () => {
  /** The fixture a role reads a path template with: in its scope when the world has one there. */
  const fixtureFor = (role: TRole, kind: string): Fixture | undefined =>
    IN_SCOPE[role].map((owner) => fixtureOf(kind, owner)).find(Boolean) ??
    fixtureOf(kind, 'P01') ??
    fixtureOf(kind, 'D001');

  it.each(ROLES)('%s: refused exactly where its policy says, never 401 or 5xx where admitted', async (role) => {
    const declared = privateOps().filter((op) => op.policy !== null);
    const wrong = await inChunks(declared, CHUNK, async (op) => {
      const kind = kindOfPath(op.path);
      const fixture = op.method === 'GET' && kind ? fixtureFor(role, kind) : undefined;
      const url = fillPath(op, fixture ? { [op.params[0]!]: fixture.id } : {});
      const inScopeRead = !!fixture && op.params.length === 1 && IN_SCOPE[role].includes(fixture.owner);
      const caller = SESSION_ENDING.has(label(op)) ? await t.login(`mx.${role}`) : cast.byRole[role];
      const outcome = await counted(t.app, op.method, url, session(caller));
      const broken = judge(op, role, outcome, { url, inScopeRead, fixtureUsed: !!fixture });
      return broken ? `${label(op)}: ${broken}` : null;
    });
    expect(wrong.filter(Boolean)).toEqual([]);
  });
});

describe('scope: out of scope is "not found", never data', () => {
  /** Who is out of scope for a record: Đà Nẵng for all of Hà Nội; Hoàn Kiếm for Ba Đình's. */
  const outsiders = (owner: Owner): [string, Session][] =>
    owner === 'D001'
      ? [
          ['danang', cast.danang],
          ['hoankiem', cast.hoankiem],
        ]
      : [['danang', cast.danang]];
  const mainFixtures = () => world.fixtures.filter((f) => f.owner === 'P01' || f.owner === 'D001');
  // Reads declared `global` (a shared catalogue) and kinds every officer reads are not scope-checked; writes all are.
  const withFixtures = (method: 'read' | 'write') =>
    privateOps()
      .filter((op) => (method === 'read' ? op.method === 'GET' && op.policy?.scope !== 'global' : op.method !== 'GET'))
      .flatMap((op) => {
        const kind = kindOfPath(op.path);
        if (!kind || (method === 'read' && READ_EVERYWHERE.has(kind))) return [];
        return mainFixtures()
          .filter((f) => f.kind === kind)
          .map((fixture) => ({ op, fixture }));
      });

  it('reads of another province’s or district’s record and its sub-resources answer 404 resource.not_found', async () => {
    const cases = withFixtures('read').flatMap(({ op, fixture }) =>
      outsiders(fixture.owner).map(([who, s]) => ({ op, fixture, who, s })),
    );
    expect(cases.length).toBeGreaterThan(40);
    const wrong = await inChunks(cases, CHUNK, async ({ op, fixture, who, s }) => {
      const outcome = await counted(t.app, op.method, fillPath(op, { [op.params[0]!]: fixture.id }), session(s));
      const refusedByGate = !admits(op, 'province_officer') && outcome.code === 'access.role_forbidden';
      const ok = (outcome.status === 404 && outcome.code === 'resource.not_found') || refusedByGate;
      return ok
        ? null
        : `${who} ${label(op)} (${fixture.kind}@${fixture.owner}): ${outcome.status} ${outcome.code ?? ''}`;
    });
    expect(wrong.filter(Boolean)).toEqual([]);
  });

  it('the same officers read their own unit’s record of each kind (the 404s above are about scope)', async () => {
    const own: [Owner, Session][] = [
      ['P48', cast.danang],
      ['D002', cast.hoankiem],
    ];
    const details = privateOps().filter((op) => op.method === 'GET' && op.params.length === 1 && kindOfPath(op.path));
    const wrong = await inChunks(
      details.flatMap((op) => own.map(([owner, s]) => ({ op, s, fixture: fixtureOf(kindOfPath(op.path)!, owner) }))),
      CHUNK,
      async ({ op, s, fixture }) => {
        if (!fixture || op.path.split('/').length > 5 || !admits(op, 'province_officer')) return null;
        const outcome = await counted(t.app, 'GET', fillPath(op, { [op.params[0]!]: fixture.id }), session(s));
        const ok = outcome.status === 200 || READ_EXCEPTIONS[label(op)] === outcome.code;
        return ok ? null : `${label(op)} (${fixture.kind}@${fixture.owner}): ${outcome.status} ${outcome.code ?? ''}`;
      },
    );
    expect(wrong.filter(Boolean)).toEqual([]);
  });

  it('mutations of another unit’s record are refused (403 or 404, never 2xx or 5xx) and change nothing', async () => {
    const before = await Promise.all(mainFixtures().map((f) => snapshot(t, f)));
    const cases = withFixtures('write').flatMap(({ op, fixture }) =>
      outsiders(fixture.owner).map(([who, s]) => ({ op, fixture, who, s })),
    );
    expect(cases.length).toBeGreaterThan(40);
    const wrong = await inChunks(cases, CHUNK, async ({ op, fixture, who, s }) => {
      const outcome = await counted(t.app, op.method, fillPath(op, { [op.params[0]!]: fixture.id }), session(s));
      // 400/415/422: the body is refused before any record is looked up, which reveals nothing either.
      const refused = [400, 403, 404, 409, 415, 422].includes(outcome.status);
      return refused
        ? null
        : `${who} ${label(op)} (${fixture.kind}@${fixture.owner}): ${outcome.status} ${outcome.code ?? ''}`;
    });
    expect(wrong.filter(Boolean)).toEqual([]);
    const after = await Promise.all(mainFixtures().map((f) => snapshot(t, f)));
    const changed = mainFixtures()
      .filter((_, i) => before[i] !== after[i])
      .map((f) => `${f.kind}@${f.owner}`);
    expect(changed).toEqual([]);
  });

  it('no list, search or summary answers another unit’s records to an out-of-scope officer', async () => {
    const lists = privateOps().filter(
      (op) => op.method === 'GET' && op.params.length === 0 && op.json && op.policy?.scope !== 'global',
    );
    const hidden = (owners: Owner[]) =>
      world.fixtures.filter((f) => owners.includes(f.owner) && !READ_EVERYWHERE.has(f.kind));
    const viewers: [string, Session, Fixture[]][] = [
      ['danang', cast.danang, hidden(['P01', 'D001', 'D002'])],
      ['hoankiem', cast.hoankiem, hidden(['D001', 'P48'])],
    ];
    const wrong = await inChunks(
      lists.flatMap((op) => viewers.map(([who, s, secret]) => ({ op, who, s, secret }))),
      CHUNK,
      async ({ op, who, s, secret }) => {
        const outcome = await counted(t.app, 'GET', op.path, session(s));
        if (outcome.status >= 500) return `${who} ${label(op)}: ${outcome.status}`;
        const leaked = secret.filter((f) => outcome.body.includes(f.id)).map((f) => `${f.kind}@${f.owner}`);
        return leaked.length ? `${who} ${label(op)} shows ${leaked.join(', ')}` : null;
      },
    );
    expect(wrong.filter(Boolean)).toEqual([]);
  });
});
