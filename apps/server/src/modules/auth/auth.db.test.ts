import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../../../test/constants.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

let address = 0;
/** A login attempt, each from its own address unless `from` is given. */
const loginRequest = (
  username: string,
  password: string,
  options: { headers?: Record<string, string>; from?: string } = {},
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    headers: options.headers ?? {},
    remoteAddress: options.from ?? `127.0.1.${++address}`,
  });

describe('auth routes', () => {
  describe('POST /api/auth/login', () => {
    it('sets an httpOnly SameSite=Lax session cookie and returns the user and a CSRF token', async () => {
      const response = await loginRequest('admin', ADMIN_PASSWORD);
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === 'loa_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      const body = response.json();
      expect(body.user).toMatchObject({ username: 'admin', roles: ['admin'], orgUnit: { code: 'BHXHVN' } });
      expect(body.csrfToken).toMatch(/^[\w-]{30,}$/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    });

    it('accepts the e-mail address in place of the username, ignoring case', async () => {
      await t.createUser({ username: 'mail.user', roles: ['viewer'], unitCode: 'P01', email: 'Mail.User@bhxh.vn' });
      const response = await loginRequest('mail.user@BHXH.vn', USER_PASSWORD);
      expect(response.statusCode).toBe(200);
      expect(response.json().user.username).toBe('mail.user');
    });

    it('answers a wrong password with a Vietnamese problem+json by default and English on request', async () => {
      const vi = await loginRequest('admin', 'wrong-password-1');
      expect(vi.statusCode).toBe(401);
      expect(vi.headers['content-type']).toContain('application/problem+json');
      expect(vi.json()).toMatchObject({
        code: 'auth.invalid_credentials',
        title: 'Tên đăng nhập hoặc mật khẩu không đúng',
      });
      const en = await loginRequest('admin', 'wrong-password-1', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
      expect(en.json().title).toBe('Wrong username or password');
    });

    it('locks the account after five wrong passwords and refuses even the right one until unlocked', async () => {
      await t.createUser({ username: 'locked.user', roles: ['viewer'], unitCode: 'P01' });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await loginRequest('locked.user', `wrong-${i}-password`)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 423]);
      const right = await loginRequest('locked.user', USER_PASSWORD);
      expect(right.statusCode).toBe(423);
      expect(right.json().code).toBe('auth.locked');
      const admin = await t.loginAdmin();
      const { rows } = await t.db.pool.query(`SELECT id FROM users WHERE username = 'locked.user'`);
      expect((await admin.post(`/api/users/${rows[0].id}/unlock`)).statusCode).toBe(200);
      expect((await loginRequest('locked.user', USER_PASSWORD)).statusCode).toBe(200);
      const audit = await t.db.pool.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [
        rows[0].id,
      ]);
      expect(audit.rows.map((r) => r.action)).toEqual([
        'login_failed',
        'login_failed',
        'login_failed',
        'login_failed',
        'lockout',
        'unlock',
        'login',
      ]);
    });

    it('names the missing fields and rejects unknown ones', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin', extra: 1 },
      });
      expect(response.statusCode).toBe(400);
      const fields = response.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
      expect(fields).toEqual(
        expect.arrayContaining(['password:validation.required', 'extra:validation.unknown_field']),
      );
    });

    it('answers malformed JSON with a problem, not a crash', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: '{"username": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('request.malformed_json');
    });
  });

  describe('rate limiting', () => {
    it('refuses the 21st login attempt from one address within a minute', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) {
        statuses.push((await loginRequest('nobody', 'whatever-1', { from: '127.0.9.9' })).statusCode);
      }
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses[20]).toBe(429);
    });
  });

  describe('session', () => {
    it('refuses a cookie-authenticated mutation without the CSRF token', async () => {
      const session = await t.loginAdmin();
      const response = await t.app.inject({
        method: 'PATCH',
        url: '/api/me',
        payload: { locale: 'en' },
        headers: { cookie: session.cookie },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('auth.csrf_missing');
    });

    it('reports an expired session as such and clears the cookie', async () => {
      const session = await t.loginAdmin();
      await t.db.pool.query(`UPDATE sessions SET expires_at = now() - interval '1 minute'`);
      const response = await session.get('/api/me');
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('auth.session_expired');
      expect(response.cookies.find((c) => c.name === 'loa_session')?.value).toBe('');
    });

    it('ends the session at logout', async () => {
      const session = await t.loginAdmin();
      expect((await session.post('/api/auth/logout')).statusCode).toBe(204);
      expect((await session.get('/api/me')).statusCode).toBe(401);
    });

    it('rejects requests without any session', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/users' });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('auth.required');
    });
  });

  describe('one-time passwords', () => {
    it('keeps a user with a one-time password away from everything but changing it', async () => {
      const admin = await t.loginAdmin();
      const unit = await t.unitId('P48');
      const created = await admin.post('/api/users', {
        username: 'mot.lan',
        fullName: 'Một Lần',
        roles: ['viewer'],
        orgUnitId: unit,
      });
      expect(created.statusCode).toBe(201);
      const temporary = created.json().temporaryPassword as string;
      const session = await t.login('mot.lan', temporary);
      expect(session.user.mustChangePassword).toBe(true);
      expect((await session.get('/api/org-units')).json().code).toBe('auth.password_change_required');
      const weak = await session.post('/api/me/password', { currentPassword: temporary, newPassword: 'short' });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().errors.map((e: { code: string }) => e.code)).toEqual(
        expect.arrayContaining(['password.too_short', 'password.needs_digit']),
      );
      const changed = await session.post('/api/me/password', {
        currentPassword: temporary,
        newPassword: 'Mat-khau-moi-2026',
      });
      expect(changed.statusCode).toBe(204);
      expect((await session.get('/api/org-units')).statusCode).toBe(200);
    });
  });

  describe('personal API tokens', () => {
    it('lists only my tokens, searchable without accents, sorted and paged', async () => {
      await t.createUser({ username: 'token.owner', roles: ['viewer'], unitCode: 'P01' });
      const owner = await t.login('token.owner');
      for (const name of ['Đồng bộ báo chí', 'Cổng dữ liệu', 'Kịch bản đêm']) {
        expect((await owner.post('/api/me/tokens', { name, expiresInDays: 30 })).statusCode).toBe(201);
      }
      const found = await owner.get('/api/me/tokens?q=dong%20bo');
      expect(found.json().items.map((i: { name: string }) => i.name)).toEqual(['Đồng bộ báo chí']);
      const sorted = await owner.get('/api/me/tokens?sort=name&pageSize=2&page=1');
      expect(sorted.json().total).toBe(3);
      expect(sorted.json().items.map((i: { name: string }) => i.name)).toEqual(['Cổng dữ liệu', 'Đồng bộ báo chí']);
      expect((await owner.get('/api/me/tokens?sort=secret')).statusCode).toBe(400);
      const admin = await t.loginAdmin();
      const adminsOwn = (await admin.get('/api/me/tokens?pageSize=1000'))
        .json()
        .items.map((i: { name: string }) => i.name);
      expect(adminsOwn).not.toContain('Cổng dữ liệu');
    });

    it('authenticates with Bearer without CSRF, and stops working once revoked', async () => {
      const admin = await t.loginAdmin();
      const created = await admin.post('/api/me/tokens', { name: 'Tích hợp', expiresInDays: 30 });
      expect(created.statusCode).toBe(201);
      const { token, id } = created.json();
      expect(token).toMatch(/^loa_/);
      const bearer = { authorization: `Bearer ${token}` };
      expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer })).json().user.username).toBe(
        'admin',
      );
      const patch = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: bearer, payload: { locale: 'vi' } });
      expect(patch.statusCode).toBe(200);
      const listed = await admin.get('/api/me/tokens');
      expect(listed.json().items[0]).not.toHaveProperty('token');
      expect((await admin.delete(`/api/me/tokens/${id}`)).statusCode).toBe(204);
      const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer });
      expect(after.statusCode).toBe(401);
      expect(after.json().code).toBe('auth.invalid_token');
    });

    it('does not accept an expired token', async () => {
      const admin = await t.loginAdmin();
      const { token, id } = (await admin.post('/api/me/tokens', { name: 'Cũ', expiresInDays: 1 })).json();
      await t.db.pool.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode).toBe(401);
    });
  });
});
