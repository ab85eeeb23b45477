// The general request limit (1,200 a minute per client address) counts API requests only: an office behind one
// gateway opening screens does not spend its API budget on the web app's files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { compose } from '../../composition-root.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-db.js';

const LIMIT = 1200;
let db: TestDatabase;
let app: FastifyInstance;
let webDist: string;

beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'loa-web-'));
  fs.mkdirSync(path.join(webDist, 'assets'));
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Loa</title>');
  fs.writeFileSync(path.join(webDist, 'assets', 'app-1a2b3c.js'), 'console.log("Loa")');
  db = await createTestDatabase();
  app = await buildApp({
    services: compose(db.db, { sessionHours: 12 }),
    webDist,
    pingDatabase: async () => void (await db.pool.query('SELECT 1')),
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.drop();
  fs.rmSync(webDist, { recursive: true, force: true });
});

const from = (remoteAddress: string, url: string) => app.inject({ method: 'GET', url, remoteAddress });

describe('general request limit', () => {
  it(`refuses an address's API requests past ${LIMIT} a minute with 429, and keeps serving it the web app`, async () => {
    const office = '10.20.30.40';
    for (let i = 0; i < 3 * LIMIT; i++) {
      const file = await from(office, i % 2 === 0 ? '/assets/app-1a2b3c.js' : '/products');
      expect(file.statusCode).toBe(200);
    }
    const statuses: number[] = [];
    // An API path, any: the limit is counted before the route (here an unknown one, 404) is looked at.
    for (let i = 0; i < LIMIT + 2; i++) statuses.push((await from(office, '/api/khong-co-trang-nay')).statusCode);
    expect(statuses.slice(0, LIMIT).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(LIMIT)).toEqual([429, 429]);
    const refused = await from(office, '/api/khong-co-trang-nay');
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await from(office, '/assets/app-1a2b3c.js')).statusCode).toBe(200);
    expect((await from(office, '/products')).body).toContain('<title>Loa</title>');
    // Another address has its own budget.
    expect((await from('10.20.30.41', '/api/khong-co-trang-nay')).statusCode).not.toBe(429);
  });
});
