import { ROLES, type TRole } from '@loa/contracts';
import type { FastifyInstance } from 'fastify';
import type { Session, TestApp } from '../test-app.js';
import type { Operation } from './operations.js';

/** How a call presents itself: nothing, a session (with or without its CSRF token) or a personal API token. */
export type Credentials =
  { kind: 'none' } | { kind: 'session'; session: Session; csrf?: boolean } | { kind: 'bearer'; token: string };

const byte = () => Math.floor(Math.random() * 250);

/** What the matrix looks at in an answer. */
export interface Outcome {
  status: number;
  /** The problem code of a problem+json answer (`access.role_forbidden`, …), else null. */
  code: string | null;
  body: string;
  contentType: string;
}

/**
 * Calls one URL. Mutations send an empty JSON object: the gate runs before the body is parsed, and an admitted
 * role then meets validation or a missing record rather than doing something.
 */
export async function call(
  app: FastifyInstance,
  method: Operation['method'],
  url: string,
  credentials: Credentials,
): Promise<Outcome> {
  const headers: Record<string, string> = {};
  if (credentials.kind === 'session') {
    headers.cookie = credentials.session.cookie;
    if (method !== 'GET' && credentials.csrf !== false) headers['x-csrf-token'] = credentials.session.csrfToken;
  }
  if (credentials.kind === 'bearer') headers.authorization = `Bearer ${credentials.token}`;
  // Each call from its own loopback address: the per-address rate limit is not what the matrix measures.
  const remoteAddress = `127.${byte()}.${byte()}.${byte() + 1}`;
  const response = await app.inject({
    method,
    url,
    headers,
    remoteAddress,
    ...(method === 'GET' ? {} : { payload: {} }),
  });
  const contentType = String(response.headers['content-type'] ?? '');
  let code: string | null = null;
  if (contentType.startsWith('application/problem+json')) code = response.json<{ code?: string }>().code ?? null;
  return { status: response.statusCode, code, body: response.body, contentType };
}

/** Where each role's user of the matrix works (bootstrap.ts puts the demo users at the same kinds of unit). */
export const ROLE_UNITS: Record<TRole, string> = {
  admin: 'BHXHVN',
  leader: 'BHXHVN',
  comms_center: 'TT',
  unit_officer: 'THU',
  press_office: 'BAO',
  province_officer: 'P01',
  district_officer: 'D001',
  viewer: 'P01',
};

/** The people of the matrix: one user per role, the owners of the fixtures and the out-of-scope officers. */
export interface Cast {
  byRole: Record<TRole, Session>;
  /** Province officer of Hà Nội (P01): owns the P01 fixtures. */
  hanoi: Session;
  /** Leader of Hà Nội (P01): owns what only a leader starts (reports, restrictions). */
  hanoiLeader: Session;
  /** District officer of Ba Đình (D001): owns the D001 fixtures. */
  badinh: Session;
  /** Province officer of Đà Nẵng (P48): out of scope for everything of P01 and D001. */
  danang: Session;
  danangLeader: Session;
  /** District officer of Hoàn Kiếm (D002), Ba Đình's sibling under P01: out of scope for D001. */
  hoankiem: Session;
  admin: Session;
  /** A personal API token of `hanoi` (Authorization: Bearer …). */
  hanoiToken: { id: string; token: string };
}

export async function createCast(t: TestApp): Promise<Cast> {
  const people: [string, TRole, string][] = [
    ...ROLES.filter((role) => role !== 'admin').map((role): [string, TRole, string] => [
      `mx.${role}`,
      role,
      ROLE_UNITS[role],
    ]),
    ['mx.admin', 'admin', 'BHXHVN'],
    ['mx.hanoi', 'province_officer', 'P01'],
    ['mx.hanoi.leader', 'leader', 'P01'],
    ['mx.badinh', 'district_officer', 'D001'],
    ['mx.danang', 'province_officer', 'P48'],
    ['mx.danang.leader', 'leader', 'P48'],
    ['mx.hoankiem', 'district_officer', 'D002'],
  ];
  for (const [username, role, unitCode] of people) await t.createUser({ username, roles: [role], unitCode });
  const sessions = await Promise.all(people.map(([username]) => t.login(username)));
  const byName = Object.fromEntries(people.map(([username], i) => [username, sessions[i]!]));
  const byRole = Object.fromEntries(ROLES.map((role) => [role, byName[`mx.${role}`]!])) as Record<TRole, Session>;
  const created = await byName['mx.hanoi']!.post('/api/me/tokens', { name: 'Ma trận phân quyền', expiresInDays: 30 });
  if (created.statusCode !== 201) throw new Error(`token: ${created.statusCode} ${created.body}`);
  return {
    byRole,
    hanoi: byName['mx.hanoi']!,
    hanoiLeader: byName['mx.hanoi.leader']!,
    badinh: byName['mx.badinh']!,
    danang: byName['mx.danang']!,
    danangLeader: byName['mx.danang.leader']!,
    hoankiem: byName['mx.hoankiem']!,
    admin: await t.loginAdmin(),
    hanoiToken: created.json<{ id: string; token: string }>(),
  };
}
