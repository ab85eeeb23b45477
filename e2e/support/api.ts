// Setting the scene through the HTTP API (what a journey is not about), as the administrator would.
import { request, type APIRequestContext } from 'playwright-core';
import { inject } from 'vitest';
import type { TRole } from '@loa/contracts';

export interface ApiSession {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, data: unknown): Promise<T>;
  patch<T>(path: string, data: unknown): Promise<T>;
  close(): Promise<void>;
}

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: HTTP ${response.status()} ${await response.text()}`);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

/** Signs in over the API (its own cookie jar) and echoes the CSRF token on writes. */
export async function apiSession(username: string, password: string): Promise<ApiSession> {
  const context = await request.newContext({ baseURL: inject('baseUrl') });
  const login = await ok<{ csrfToken: string }>(
    await context.post('/api/auth/login', { data: { username, password } }),
    `login ${username}`,
  );
  const headers = { 'x-csrf-token': login.csrfToken };
  return {
    get: async (path) => ok(await context.get(path), `GET ${path}`),
    post: async (path, data) => ok(await context.post(path, { data, headers }), `POST ${path}`),
    patch: async (path, data) => ok(await context.patch(path, { data, headers }), `PATCH ${path}`),
    close: () => context.dispose(),
  };
}

/** The id of the org unit `code` (BHXHVN, TT, THU, P01, D001…). */
export async function unitIdOf(session: ApiSession, code: string): Promise<string> {
  const units = await session.get<{ items: { id: string; code: string }[] }>(
    `/api/org-units?q=${encodeURIComponent(code)}&pageSize=50`,
  );
  const unit = units.items.find((u) => u.code === code);
  if (!unit) throw new Error(`unit ${code} not found`);
  return unit.id;
}

/** Creates a user of unit `unitCode` and sets their own password, so that they log in straight to work. */
export async function createOfficer(
  admin: ApiSession,
  user: { username: string; fullName: string; email: string; roles: TRole[]; unitCode: string; password: string },
): Promise<void> {
  const created = await admin.post<{ temporaryPassword: string }>('/api/users', {
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    roles: user.roles,
    orgUnitId: await unitIdOf(admin, user.unitCode),
  });
  const session = await apiSession(user.username, created.temporaryPassword);
  try {
    await session.post('/api/me/password', { currentPassword: created.temporaryPassword, newPassword: user.password });
  } finally {
    await session.close();
  }
}
