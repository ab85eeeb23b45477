import type { TAuditEvent } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { verifyAuditLog } from '../../platform/audit/verify.js';

let t: TestApp;
let admin: Session;
let hanoiLeader: Session;
let p01: string;
let p48: string;
let p01Unit: { id: string };
let p48User: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  [p01, p48] = await Promise.all([t.unitId('P01'), t.unitId('P48')]);
  await t.createUser({ username: 'lanhdao.hn', roles: ['leader'], unitCode: 'P01' });
  await t.createUser({ username: 'chi.xem', roles: ['viewer'], unitCode: 'BHXHVN' });
  admin = await t.loginAdmin();
  hanoiLeader = await t.login('lanhdao.hn');
  p01Unit = (
    await admin.post('/api/org-units', {
      code: 'DAUD1',
      name: 'BHXH kiểm tra nhật ký',
      kind: 'district',
      parentId: p01,
    })
  ).json();
  p48User = (
    await admin.post('/api/users', {
      username: 'pham.xuanthu',
      fullName: 'Phạm Thị Xuân Thu',
      roles: ['viewer'],
      orgUnitId: p48,
    })
  ).json().user;
});
afterAll(async () => t?.close());

const list = async (session: Session, query: string) => {
  const response = await session.get(`/api/audit-events?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: TAuditEvent[]; total: number }>();
};
const auditCount = async () =>
  (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).rows[0]!.n;
const maxSeq = async () =>
  (await t.db.pool.query<{ seq: number }>('SELECT max(seq)::int AS seq FROM audit_events')).rows[0]!.seq;

describe('audit routes', () => {
  describe('GET /api/audit-events', () => {
    it('lists the newest events first', async () => {
      const { items, total } = await list(admin, 'pageSize=50');
      expect(total).toBe(await auditCount());
      const seqs = items.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      expect(items[0]).toMatchObject({ action: 'create', entityType: 'user', entityId: p48User.id });
    });

    it('filters by entity type and action', async () => {
      const seeds = await list(admin, 'action=seed');
      expect(seeds.items.map((e) => e.entityType).sort()).toEqual([
        'budget_fiscal_year',
        'budget_norm',
        'guidance_year',
        'monitoring_alert_rule',
        'monitoring_query',
        'monitoring_source',
        'official_channel',
        'org_unit',
        'regulation',
      ]);
      const guidance = await list(admin, 'entityType=guidance_year');
      expect(guidance.items).toEqual([
        expect.objectContaining({ action: 'seed', entityId: '2020', actorId: null, actorName: 'Hệ thống' }),
      ]);
      const userCreations = await list(admin, 'entityType=user&action=create&pageSize=100');
      expect(userCreations.items.every((e) => e.entityType === 'user' && e.action === 'create')).toBe(true);
      expect(userCreations.items.map((e) => e.entityId)).toContain(p48User.id);
    });

    it('filters by time', async () => {
      const from = new Date().toISOString();
      const created = await admin.post('/api/org-units', {
        code: 'DAUD2',
        name: 'BHXH trong khoảng thời gian',
        kind: 'district',
        parentId: p48,
      });
      const to = new Date().toISOString();
      const between = await list(admin, `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      expect(between.items.map((e) => `${e.action}:${e.entityId}`)).toEqual([`create:${created.json().id}`]);
      const later = await list(admin, `from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
      expect(later.total).toBe(0);
      const justBefore = new Date(Date.parse(from) - 1).toISOString();
      const before = await list(admin, `to=${encodeURIComponent(justBefore)}&pageSize=1000`);
      expect(before.items.map((e) => e.entityId)).not.toContain(created.json().id);
      expect(before.total).toBe((await auditCount()) - 1);
    });

    it('refuses a time without its offset', async () => {
      const response = await admin.get('/api/audit-events?from=yesterday');
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].field).toBe('from');
    });

    it('searches actor, action and summary ignoring accents', async () => {
      const { items } = await list(admin, 'q=xuan%20thu');
      expect(items.map((e) => `${e.action}:${e.entityId}`)).toEqual([`create:${p48User.id}`]);
      expect(items[0]!.summary).toBe('pham.xuanthu — Phạm Thị Xuân Thu');
      expect(items[0]!.actorName).toBe('Quản trị hệ thống (admin)');
    });

    it("shows a provincial leader only the events of their province's subtree", async () => {
      const { items } = await list(hanoiLeader, 'pageSize=1000');
      const { rows } = await t.db.pool.query<{ id: string }>(
        `SELECT id FROM org_units WHERE path LIKE (SELECT path FROM org_units WHERE code = 'P01') || '%'`,
      );
      const subtree = new Set(rows.map((r) => r.id));
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((e) => e.orgUnitId !== null && subtree.has(e.orgUnitId))).toBe(true);
      expect(items.map((e) => e.entityId)).toContain(p01Unit.id);
      expect(items.map((e) => e.entityId)).not.toContain(p48User.id);
      expect(items.map((e) => e.action)).not.toContain('seed');
    });

    it('refuses a viewer', async () => {
      const viewer = await t.login('chi.xem');
      const response = await viewer.get('/api/audit-events');
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('access.role_forbidden');
    });
  });

  describe('hash chain', () => {
    it('verifies after many mutations', async () => {
      for (let i = 0; i < 5; i++) {
        const unit = (
          await admin.post('/api/org-units', {
            code: `DCH${i}`,
            name: `BHXH chuỗi ${i}`,
            kind: 'district',
            parentId: p01,
          })
        ).json();
        await admin.patch(`/api/org-units/${unit.id}`, { name: `BHXH chuỗi ${i} (đổi)`, version: 1 });
      }
      const result = await verifyAuditLog(t.db.pool);
      expect(result.problems).toEqual([]);
      expect(result.count).toBe(await auditCount());
      expect(result.head.seq).toBe(await maxSeq());
    });

    it('keeps one unbroken chain under 20 concurrent creations', async () => {
      const before = await maxSeq();
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          admin.post('/api/users', {
            username: `dong.thoi.${i}`,
            fullName: `Đồng Thời ${i}`,
            roles: ['viewer'],
            orgUnitId: p48,
          }),
        ),
      );
      expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
      const { rows } = await t.db.pool.query<{ seq: number }>('SELECT seq::int FROM audit_events ORDER BY seq');
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
      expect(rows.length).toBe(before + 20);
      expect((await verifyAuditLog(t.db.pool)).problems).toEqual([]);
    });

    it('detects an edited event, and passes again once it is restored', async () => {
      const seq = Math.floor((await maxSeq()) / 2);
      const { rows } = await t.db.pool.query<{ summary: string }>('SELECT summary FROM audit_events WHERE seq = $1', [
        seq,
      ]);
      await t.db.pool.query(`UPDATE audit_events SET summary = 'x' WHERE seq = $1`, [seq]);
      expect((await verifyAuditLog(t.db.pool)).problems).toEqual([{ seq, problem: 'hash_mismatch' }]);
      await t.db.pool.query('UPDATE audit_events SET summary = $2 WHERE seq = $1', [seq, rows[0]!.summary]);
      expect((await verifyAuditLog(t.db.pool)).problems).toEqual([]);
    });

    it('detects a deleted event in the middle of the log', async () => {
      const seq = Math.floor((await maxSeq()) / 2);
      await t.db.pool.query('DELETE FROM audit_events WHERE seq = $1', [seq]);
      const result = await verifyAuditLog(t.db.pool);
      expect(result.problems).toEqual([
        { seq: seq + 1, problem: 'missing_events' },
        { seq: seq + 1, problem: 'broken_link' },
      ]);
      expect(result.count).toBe(await auditCount());
    });
  });
});
