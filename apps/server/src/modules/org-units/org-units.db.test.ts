import { randomUUID } from 'node:crypto';
import { matchesVi, type TOrgUnit } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let admin: Session;
let officer: Session;
let hanoiAdmin: Session;
let root: string;
let p01: string;
let p48: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'qt.hanoi', roles: ['admin'], unitCode: 'P01' });
  admin = await t.loginAdmin();
  officer = await t.login('hanoi.officer');
  hanoiAdmin = await t.login('qt.hanoi');
  [root, p01, p48] = await Promise.all([t.unitId('BHXHVN'), t.unitId('P01'), t.unitId('P48')]);
});
afterAll(async () => t?.close());

const lastSeq = () => t.lastAuditSeq();
const auditSince = (seq: number) => t.auditSince(seq);
const unitRow = async (code: string) =>
  (
    await t.db.pool.query<{ id: string; name: string; path: string; depth: number; parent_id: string; xmin: string }>(
      'SELECT id, name, path, depth, parent_id, xmin::text FROM org_units WHERE code = $1',
      [code],
    )
  ).rows[0];
const list = async (session: Session, query: string) => {
  const response = await session.get(`/api/org-units?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: TOrgUnit[]; total: number }>();
};
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const createDistrict = async (code: string, parentId = p01, session = admin) => {
  const response = await session.post('/api/org-units', {
    code,
    name: `BHXH thử nghiệm ${code}`,
    kind: 'district',
    parentId,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TOrgUnit>();
};

describe('org-units routes', () => {
  describe('GET /api/org-units', () => {
    it('finds "BHXH thành phố Đà Nẵng" by "da nang"', async () => {
      const { items } = await list(admin, 'q=da%20nang');
      expect(items.map((u) => u.code)).toContain('P48');
      expect(items.find((u) => u.code === 'P48')?.name).toBe('BHXH thành phố Đà Nẵng');
      for (const unit of items) expect(matchesVi(`${unit.code} ${unit.name}`, 'da nang'), unit.name).toBe(true);
    });

    it('finds the Ba Đình district by "ba dinh", whatever the accents of the query', async () => {
      const plain = await list(admin, 'q=ba%20dinh');
      expect(plain.items.map((u) => u.code)).toContain('D001');
      const accented = await list(admin, `q=${encodeURIComponent('BA ĐÌNH')}`);
      expect(accented.items.map((u) => u.code)).toEqual(plain.items.map((u) => u.code));
    });

    it('filters by kind', async () => {
      const provinces = await list(admin, 'kind=province&pageSize=100');
      expect(provinces.total).toBe(63);
      expect(provinces.items.every((u) => u.kind === 'province' && u.depth === 1)).toBe(true);
      const press = await list(admin, 'kind=press_office');
      expect(press.items.map((u) => u.code).sort()).toEqual(['BAO', 'CONG', 'TAPCHI']);
    });

    it('filters by parent', async () => {
      const { items, total } = await list(admin, `parentId=${p48}&pageSize=100`);
      expect(total).toBe(8);
      expect(items.every((u) => u.parentId === p48 && u.kind === 'district')).toBe(true);
      expect(items.map((u) => u.code)).toContain('D492');
    });

    it('sorts names in Vietnamese order, ascending and descending', async () => {
      const ascending = (await list(admin, 'kind=province&sort=name&pageSize=100')).items.map((u) => u.name);
      const vietnamese = [...ascending].sort(new Intl.Collator('vi').compare);
      expect(ascending).toEqual(vietnamese);
      // Code-point order would put "Đắk Lắk" after "Yên Bái"; Vietnamese puts Đ between D and E.
      expect(ascending).not.toEqual([...ascending].sort());
      const at = (name: string) => ascending.indexOf(name);
      expect(at('BHXH tỉnh Cà Mau')).toBeLessThan(at('BHXH tỉnh Đắk Lắk'));
      expect(at('BHXH tỉnh Đắk Lắk')).toBeLessThan(at('BHXH tỉnh Gia Lai'));
      expect(at('BHXH tỉnh Bạc Liêu')).toBeLessThan(at('BHXH tỉnh Bắc Giang'));
      const descending = (await list(admin, 'kind=province&sort=-name&pageSize=100')).items.map((u) => u.name);
      expect(descending).toEqual([...ascending].reverse());
    });

    it('refuses to sort by an unknown field, naming `sort`', async () => {
      for (const sort of ['password', 'na-me']) {
        const response = await admin.get(`/api/org-units?sort=${sort}`);
        expect(response.statusCode).toBe(400);
        expect(fieldsOf(response.json())).toEqual(['sort:validation.invalid_sort']);
      }
    });

    it('pages through the results with a stable order and the total', async () => {
      const all = (await list(admin, 'kind=province&sort=code&pageSize=100')).items.map((u) => u.code);
      const second = await list(admin, 'kind=province&sort=code&pageSize=10&page=2');
      expect(second.total).toBe(63);
      expect(second.items.map((u) => u.code)).toEqual(all.slice(10, 20));
      const last = await list(admin, 'kind=province&sort=code&pageSize=10&page=7');
      expect(last.items.map((u) => u.code)).toEqual(all.slice(60));
      expect((await list(admin, 'kind=province&pageSize=10&page=8')).items).toEqual([]);
    });

    it('refuses pages larger than 1000', async () => {
      const response = await admin.get('/api/org-units?pageSize=1001');
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['pageSize:validation.too_big']);
    });
  });

  describe('scope', () => {
    it("shows a province officer only the province's own subtree", async () => {
      const { items, total } = await list(officer, 'pageSize=1000');
      // Oracle independent of the materialised paths under test: walk parent_id down from P01.
      const { rows } = await t.db.pool.query<{ n: number }>(
        `WITH RECURSIVE sub AS (SELECT id FROM org_units WHERE code = 'P01'
           UNION SELECT o.id FROM org_units o JOIN sub ON o.parent_id = sub.id)
         SELECT count(*)::int AS n FROM sub`,
      );
      expect(total).toBe(rows[0]!.n);
      expect(total).toBeGreaterThanOrEqual(31); // Hà Nội and its 30 districts
      expect(items.find((u) => u.id === p01)?.code).toBe('P01');
      expect(items.filter((u) => u.id !== p01).every((u) => u.parentId === p01 && u.kind === 'district')).toBe(true);
      expect((await list(officer, 'q=da%20nang')).total).toBe(0);
    });

    it('answers 404, not 403, for a unit of another province', async () => {
      const response = await officer.get(`/api/org-units/${p48}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('resource.not_found');
      expect((await officer.get(`/api/org-units/${p01}`)).statusCode).toBe(200);
    });

    it('does not let a non-administrator create units', async () => {
      const seq = await lastSeq();
      const response = await officer.post('/api/org-units', {
        code: 'DOFF',
        name: 'BHXH không được tạo',
        kind: 'district',
        parentId: p01,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('access.role_forbidden');
      expect(await unitRow('DOFF')).toBeUndefined();
      expect(await auditSince(seq)).toEqual([]);
    });
  });

  describe('POST /api/org-units', () => {
    it('creates a district under a province and audits it in the same transaction', async () => {
      const seq = await lastSeq();
      const response = await admin.post('/api/org-units', {
        code: 'D9001',
        name: 'BHXH khu công nghệ cao Hòa Lạc',
        shortName: 'BHXH Hòa Lạc',
        kind: 'district',
        parentId: p01,
      });
      expect(response.statusCode).toBe(201);
      const created = response.json<TOrgUnit>();
      expect(created).toMatchObject({
        code: 'D9001',
        name: 'BHXH khu công nghệ cao Hòa Lạc',
        kind: 'district',
        parentId: p01,
        depth: 2,
        childCount: 0,
        userCount: 0,
        version: 1,
      });
      const row = (await unitRow('D9001'))!;
      expect(row.path).toBe(`${(await unitRow('P01'))!.path}${created.id}/`);
      const events = await auditSince(seq);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'create',
        entity_type: 'org_unit',
        entity_id: created.id,
        actor_id: admin.user.id,
        before: null,
        after: { code: 'D9001', name: 'BHXH khu công nghệ cao Hòa Lạc', parentId: p01, kind: 'district' },
      });
      expect(events[0]!.xmin).toBe(row.xmin);
    });

    it('refuses a duplicate code with 409 naming `code`, and audits nothing', async () => {
      const seq = await lastSeq();
      const response = await admin.post('/api/org-units', {
        code: 'D001',
        name: 'BHXH trùng mã',
        kind: 'district',
        parentId: p48,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'conflict.duplicate', errors: [{ field: 'code' }] });
      expect(response.json().title).toContain('D001');
      expect(await auditSince(seq)).toEqual([]);
    });

    it('refuses a district directly under the agency', async () => {
      const response = await admin.post('/api/org-units', {
        code: 'DROOT',
        name: 'BHXH sai cấp',
        kind: 'district',
        parentId: root,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('org.invalid_kind_for_parent');
      expect(await unitRow('DROOT')).toBeUndefined();
    });

    it('names invalid fields of the request', async () => {
      const response = await admin.post('/api/org-units', { code: 'd-lower', name: '', kind: 'ward', parentId: p01 });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(
        expect.arrayContaining([
          'code:validation.invalid_code',
          'name:validation.required',
          'kind:validation.invalid_value',
        ]),
      );
    });
  });

  describe('PATCH /api/org-units/:id', () => {
    it('renames a unit, bumps its version and audits before and after', async () => {
      const unit = await createDistrict('DREN');
      const seq = await lastSeq();
      const response = await admin.patch(`/api/org-units/${unit.id}`, { name: 'BHXH đã đổi tên', version: 1 });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ name: 'BHXH đã đổi tên', version: 2 });
      const events = await auditSince(seq);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'update',
        entity_id: unit.id,
        before: { name: 'BHXH thử nghiệm DREN' },
        after: { name: 'BHXH đã đổi tên' },
      });
      expect(events[0]!.xmin).toBe((await unitRow('DREN'))!.xmin);
    });

    it('refuses a stale version with 409 and changes nothing', async () => {
      const unit = await createDistrict('DVER');
      expect((await admin.patch(`/api/org-units/${unit.id}`, { name: 'BHXH lần một', version: 1 })).statusCode).toBe(
        200,
      );
      const seq = await lastSeq();
      const stale = await admin.patch(`/api/org-units/${unit.id}`, { name: 'BHXH lần hai', version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('conflict.version');
      expect((await unitRow('DVER'))!.name).toBe('BHXH lần một');
      expect(await auditSince(seq)).toEqual([]);
    });

    it('refuses to move a province under its own district', async () => {
      const d001 = await t.unitId('D001');
      const response = await admin.patch(`/api/org-units/${p01}`, { parentId: d001, version: 1 });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('org.cycle');
      expect((await unitRow('P01'))!.parent_id).toBe(root);
    });

    it('moves a district to another province, rewriting the paths of its whole subtree', async () => {
      const unit = await createDistrict('DMOVE');
      const before = (await unitRow('DMOVE'))!;
      // The kind rules allow nothing under a district, so the grandchild is written directly.
      const childId = randomUUID();
      await t.db.pool.query(
        `INSERT INTO org_units (id, code, name, kind, parent_id, path, depth)
         VALUES ($1, 'DMOVEC', 'BHXH tổ con', 'district', $2, $3, 3)`,
        [childId, unit.id, `${before.path}${childId}/`],
      );
      const seq = await lastSeq();
      const response = await admin.patch(`/api/org-units/${unit.id}`, { parentId: p48, version: 1 });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ parentId: p48, depth: 2, childCount: 1, version: 2 });
      const p48Path = (await unitRow('P48'))!.path;
      const moved = (await unitRow('DMOVE'))!;
      expect(moved.path).toBe(`${p48Path}${unit.id}/`);
      expect(await unitRow('DMOVEC')).toMatchObject({ path: `${p48Path}${unit.id}/${childId}/`, depth: 3 });
      expect((await unitRow('D001'))!.path.startsWith((await unitRow('P01'))!.path)).toBe(true);
      expect((await list(officer, 'q=dmove')).total).toBe(0);
      const events = await auditSince(seq);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'move',
        entity_id: unit.id,
        before: { parentId: p01 },
        after: { parentId: p48 },
      });
      expect(events[0]!.xmin).toBe(moved.xmin);
    });
  });

  describe('DELETE /api/org-units/:id', () => {
    it('refuses to delete a unit that still has child units', async () => {
      const response = await admin.delete(`/api/org-units/${p01}`);
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('org.has_children');
    });

    it('refuses to delete a unit that still has users', async () => {
      const unit = await createDistrict('DUSR');
      await t.createUser({ username: 'o.dusr', roles: ['district_officer'], unitCode: 'DUSR' });
      const response = await admin.delete(`/api/org-units/${unit.id}`);
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('org.has_users');
      expect(await unitRow('DUSR')).toBeDefined();
    });

    it('deletes an empty unit and audits what it was', async () => {
      const unit = await createDistrict('DDEL');
      const seq = await lastSeq();
      const response = await admin.delete(`/api/org-units/${unit.id}`);
      expect(response.statusCode).toBe(204);
      expect((await admin.get(`/api/org-units/${unit.id}`)).statusCode).toBe(404);
      const events = await auditSince(seq);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'delete',
        entity_id: unit.id,
        before: { code: 'DDEL', parentId: p01 },
        after: null,
      });
    });
  });

  describe('an administrator of one province', () => {
    it('cannot see or change the units of another province', async () => {
      expect((await hanoiAdmin.get(`/api/org-units/${p48}`)).statusCode).toBe(404);
      const patch = await hanoiAdmin.patch(`/api/org-units/${p48}`, { name: 'BHXH bị sửa', version: 1 });
      expect(patch.statusCode).toBe(404);
      expect((await hanoiAdmin.delete(`/api/org-units/${p48}`)).statusCode).toBe(404);
      const create = await hanoiAdmin.post('/api/org-units', {
        code: 'DOUT',
        name: 'BHXH ngoài phạm vi',
        kind: 'district',
        parentId: p48,
      });
      expect(create.statusCode).toBe(404);
      expect((await unitRow('P48'))!.name).toBe('BHXH thành phố Đà Nẵng');
      expect(await unitRow('DOUT')).toBeUndefined();
    });

    it('cannot move or delete the unit at the top of their own scope', async () => {
      const d001 = await t.unitId('D001');
      const move = await hanoiAdmin.patch(`/api/org-units/${p01}`, { parentId: d001, version: 1 });
      expect(move.statusCode).toBe(403);
      expect(move.json().code).toBe('access.forbidden');
      expect((await hanoiAdmin.delete(`/api/org-units/${p01}`)).statusCode).toBe(403);
      expect((await unitRow('P01'))!.parent_id).toBe(root);
    });

    it('can create units inside their province', async () => {
      const unit = await createDistrict('DHN1', p01, hanoiAdmin);
      expect(unit.parentId).toBe(p01);
    });
  });
});
