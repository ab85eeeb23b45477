import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.loginAdmin();
});
afterAll(async () => t?.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('HTTP platform', () => {
  describe('GET /api/health', () => {
    it('answers 200 ok without a session', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'ok', database: 'ok' });
      expect(Number.isNaN(Date.parse(response.json().time))).toBe(false);
    });
  });

  describe('GET /api/openapi.json', () => {
    it('describes the API as OpenAPI 3.1 with every resource path, without a session', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(response.statusCode).toBe(200);
      const document = response.json();
      expect(document.openapi).toBe('3.1.0');
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/api/auth/login',
          '/api/auth/logout',
          '/api/me',
          '/api/org-units',
          '/api/org-units/{id}',
          '/api/users',
          '/api/users/{id}',
          '/api/audit-events',
          '/api/guidance',
          '/api/guidance/{year}/themes',
        ]),
      );
      expect(document.paths['/api/users'].post.requestBody).toBeDefined();
      expect(document.paths['/api/openapi.json']).toBeUndefined();
    });

    it("carries each operation's declared policy as x-loa-policy, public routes included", async () => {
      const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      expect(document.paths['/api/audit-events'].get['x-loa-policy']).toEqual({
        roles: ['admin', 'leader'],
        scope: 'unit',
      });
      expect(document.paths['/api/auth/login'].post['x-loa-policy']).toEqual({ roles: 'public', scope: 'global' });
    });
  });

  describe('the role gate of a declared policy', () => {
    it('refuses a role the policy does not name with 403 access.role_forbidden, before the service runs', async () => {
      await t.createUser({ username: 'gate-viewer', roles: ['viewer'], unitCode: 'BHXHVN' });
      const viewer = await t.login('gate-viewer');
      const response = await viewer.get('/api/audit-events');
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().type).toMatch(/access\.role_forbidden$/);
      const admin = await t.loginAdmin();
      expect((await admin.get('/api/audit-events')).statusCode).toBe(200);
    });
  });

  describe('unknown routes', () => {
    it('answer a logged-in user with a 404 problem', async () => {
      const response = await admin.get('/api/no-such-thing');
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ status: 404, code: 'route.not_found', instance: '/api/no-such-thing' });
    });

    it('do not reveal themselves to an anonymous caller', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('auth.required');
    });
  });

  describe('request ids', () => {
    it('gives every response an x-request-id, also errors, and repeats it in problems', async () => {
      const ok = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(ok.headers['x-request-id']).toMatch(UUID);
      const problem = await t.app.inject({ method: 'GET', url: '/api/users' });
      expect(problem.statusCode).toBe(401);
      expect(problem.headers['x-request-id']).toMatch(UUID);
      expect(problem.json().requestId).toBe(problem.headers['x-request-id']);
      expect(ok.headers['x-request-id']).not.toBe(problem.headers['x-request-id']);
    });

    it('echoes a well-formed incoming request id', async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { 'x-request-id': 'proxy-42.abc_DEF' },
      });
      expect(response.headers['x-request-id']).toBe('proxy-42.abc_DEF');
    });

    it('replaces an incoming request id that could forge log lines', async () => {
      for (const sent of ['evil\nid', 'x'.repeat(65), 'a b']) {
        const response = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': sent } });
        expect(response.headers['x-request-id']).toMatch(UUID);
      }
    });
  });

  describe('security headers', () => {
    it('sends a strict content security policy and the usual hardening headers', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/health' });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-powered-by']).toBeUndefined();
    });
  });

  describe('request size', () => {
    it('answers a body over 1 MB with a 413 problem', async () => {
      const response = await admin.post('/api/org-units', {
        code: 'DBIG',
        name: 'BHXH quá lớn',
        kind: 'district',
        parentId: await t.unitId('P01'),
        shortName: 'x'.repeat(1024 * 1024),
      });
      expect(response.statusCode).toBe(413);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('request.too_large');
      const { rows } = await t.db.pool.query(`SELECT 1 FROM org_units WHERE code = 'DBIG'`);
      expect(rows).toEqual([]);
    });
  });

  describe('list endpoints', () => {
    const LISTS = [
      { url: '/api/org-units', sort: '-name' },
      { url: '/api/users', sort: 'username' },
      { url: '/api/audit-events', sort: '-seq' },
      { url: '/api/guidance/2020/items', sort: 'code' },
    ];

    it('accept q, page, pageSize and sort and answer {items, total}', async () => {
      for (const { url, sort } of LISTS) {
        const response = await admin.get(`${url}?q=a&page=1&pageSize=2&sort=${sort}`);
        expect(response.statusCode, url).toBe(200);
        const body = response.json();
        expect(body.items.length, url).toBeLessThanOrEqual(2);
        expect(body.total, url).toBeGreaterThanOrEqual(body.items.length);
      }
    });

    it('refuse pageSize=0 and unknown parameters, naming them', async () => {
      for (const { url } of LISTS) {
        const zero = await admin.get(`${url}?pageSize=0`);
        expect(zero.statusCode, url).toBe(400);
        expect(zero.json().errors, url).toEqual([
          expect.objectContaining({ field: 'pageSize', code: 'validation.too_small' }),
        ]);
        const unknown = await admin.get(`${url}?limit=5`);
        expect(unknown.statusCode, url).toBe(400);
        expect(unknown.json().errors, url).toEqual([
          expect.objectContaining({ field: 'limit', code: 'validation.unknown_field' }),
        ]);
      }
    });
  });
});
