import ExcelJS from 'exceljs';
import { passwordProblems, type TCreatedUser, type TUser } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../../../test/constants.js';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let admin: Session;
let hanoiAdmin: Session;
let leader: Session;
let p01: string;
let p48: string;
let d001: string;

/** The users of the sorting tests: their Vietnamese order differs from code-point order. */
const SORTED = [
  { username: 'sx.an', fullName: 'An Văn Tú' },
  { username: 'sx.au', fullName: 'Âu Thị Vân' },
  { username: 'sx.bui', fullName: 'Bùi Văn Cường' },
  { username: 'sx.duong', fullName: 'Dương Thị Bình' },
  { username: 'sx.dang', fullName: 'Đặng Văn An' },
  { username: 'sx.giang', fullName: 'Giang Thị Hà' },
];

beforeAll(async () => {
  t = await createTestApp();
  [p01, p48, d001] = await Promise.all([t.unitId('P01'), t.unitId('P48'), t.unitId('D001')]);
  await t.createUser({ username: 'qt.hanoi', roles: ['admin'], unitCode: 'P01' });
  await t.createUser({ username: 'lanh.dao', roles: ['leader'], unitCode: 'BHXHVN' });
  await t.createUser({ username: 'lanhdao.hn', roles: ['leader', 'viewer'], unitCode: 'P01' });
  await t.createUser({ username: 'hang.nguyen', roles: ['viewer'], unitCode: 'P01', fullName: 'Nguyễn Thị Hằng' });
  await t.createUser({ username: 'o.badinh', roles: ['district_officer'], unitCode: 'D001' });
  await t.createUser({ username: 'o.danang', roles: ['province_officer'], unitCode: 'P48' });
  for (const u of [...SORTED].reverse()) await t.createUser({ ...u, roles: ['viewer'], unitCode: 'P79' });
  admin = await t.loginAdmin();
  hanoiAdmin = await t.login('qt.hanoi');
  leader = await t.login('lanh.dao');
});
afterAll(async () => t?.close());

const idOf = async (username: string) =>
  (await t.db.pool.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username])).rows[0]!.id;
const userCount = async () => (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0]!.n;
const sessionCount = async (userId: string) =>
  (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [userId]))
    .rows[0]!.n;
const lastSeq = () => t.lastAuditSeq();
const auditSince = (seq: number) => t.auditSince(seq);
const list = async (session: Session, query: string) => {
  const response = await session.get(`/api/users?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: TUser[]; total: number }>();
};
const usernames = (page: { items: TUser[] }) => page.items.map((u) => u.username);
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
/** Logs in from its own address; returns the status code (the test app's login throws on failure). */
const tryLogin = async (username: string, password: string) =>
  (
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: `127.0.3.${Math.floor(Math.random() * 250) + 1}`,
    })
  ).statusCode;

describe('users routes', () => {
  describe('GET /api/users', () => {
    it('finds "Nguyễn Thị Hằng" by "hang", ignoring accents, and by words in any order', async () => {
      expect(usernames(await list(admin, 'q=hang'))).toContain('hang.nguyen');
      expect(usernames(await list(admin, 'q=hang%20nguyen'))).toEqual(['hang.nguyen']);
      expect(usernames(await list(admin, `q=${encodeURIComponent('HẰNG')}`))).toContain('hang.nguyen');
      expect((await list(admin, 'q=hang%20tran')).total).toBe(0);
    });

    it('filters by role', async () => {
      const page = await list(admin, 'role=leader');
      expect(usernames(page).sort()).toEqual(['lanh.dao', 'lanhdao.hn']);
      expect(page.items.every((u) => u.roles.includes('leader'))).toBe(true);
    });

    it('filters by unit, including the units below it', async () => {
      const names = usernames(await list(admin, `orgUnitId=${p01}&pageSize=100`));
      expect(names).toEqual(expect.arrayContaining(['qt.hanoi', 'lanhdao.hn', 'hang.nguyen', 'o.badinh']));
      expect(names).not.toContain('o.danang');
      expect(names).not.toContain('admin');
      expect(usernames(await list(admin, `orgUnitId=${d001}`))).toEqual(['o.badinh']);
    });

    it('filters by status', async () => {
      await t.createUser({ username: 'st.disabled', roles: ['viewer'], unitCode: 'P48' });
      await t.createUser({ username: 'st.locked', roles: ['viewer'], unitCode: 'P48' });
      await t.db.pool.query(`UPDATE users SET disabled = true WHERE username = 'st.disabled'`);
      await t.db.pool.query(
        `UPDATE users SET locked_until = now() + interval '10 minutes' WHERE username = 'st.locked'`,
      );
      expect(usernames(await list(admin, 'status=disabled'))).toEqual(['st.disabled']);
      const locked = await list(admin, 'status=locked');
      expect(usernames(locked)).toEqual(['st.locked']);
      expect(locked.items[0]!.lockedUntil).not.toBeNull();
      const active = usernames(await list(admin, 'status=active&pageSize=100'));
      expect(active).toContain('hang.nguyen');
      expect(active).not.toContain('st.disabled');
      expect(active).not.toContain('st.locked');
    });

    it('sorts full names in Vietnamese order, and usernames both ways', async () => {
      const byName = await list(admin, 'q=sx.&sort=fullName');
      expect(byName.items.map((u) => u.fullName)).toEqual(SORTED.map((u) => u.fullName));
      expect(SORTED.map((u) => u.fullName)).toEqual(
        SORTED.map((u) => u.fullName).sort(new Intl.Collator('vi').compare),
      );
      expect(usernames(await list(admin, 'q=sx.&sort=-fullName'))).toEqual(SORTED.map((u) => u.username).reverse());
      const byUsername = SORTED.map((u) => u.username).sort();
      expect(usernames(await list(admin, 'q=sx.&sort=username'))).toEqual(byUsername);
      expect(usernames(await list(admin, 'q=sx.&sort=-username'))).toEqual([...byUsername].reverse());
    });

    it('pages, reporting the total', async () => {
      const first = await list(admin, 'q=sx.&sort=username&pageSize=4&page=1');
      const second = await list(admin, 'q=sx.&sort=username&pageSize=4&page=2');
      expect(first.total).toBe(6);
      expect(second.total).toBe(6);
      expect([...usernames(first), ...usernames(second)]).toEqual(SORTED.map((u) => u.username).sort());
    });

    it('never sends password hashes', async () => {
      const response = await admin.get('/api/users?pageSize=100');
      expect(response.body).not.toContain('argon2');
      expect(response.body).not.toContain('passwordHash');
    });
  });

  describe('GET /api/users/export.xlsx', () => {
    it('exports every user matching the filters, not only one page', async () => {
      const response = await admin.get('/api/users/export.xlsx?q=sx.&pageSize=2');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      expect((sheet.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['Tên đăng nhập', 'Họ và tên']);
      const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) =>
        (sheet.getRow(i + 2).values as unknown[]).slice(1),
      );
      expect(rows.map((r) => r[0])).toEqual(SORTED.map((u) => u.username));
      expect(rows[0]).toEqual(expect.arrayContaining(['sx.an', 'An Văn Tú', 'P79', 'viewer', 'active']));
    });

    it("exports only users of the caller's scope", async () => {
      const response = await hanoiAdmin.get('/api/users/export.xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const names = book.worksheets[0]!.getColumn(1).values.slice(2);
      expect(names).toContain('o.badinh');
      expect(names).not.toContain('o.danang');
      expect(names).toHaveLength((await list(hanoiAdmin, 'pageSize=1')).total);
    });
  });

  describe('POST /api/users', () => {
    it('creates a user with a one-time password that works once, then must be changed', async () => {
      const response = await admin.post('/api/users', {
        username: 'moi.tao',
        fullName: 'Trần Văn Mới',
        email: 'Moi.Tao@bhxh.gov.vn',
        roles: ['viewer', 'viewer'],
        orgUnitId: p48,
      });
      expect(response.statusCode).toBe(201);
      const { user, temporaryPassword } = response.json<TCreatedUser>();
      expect(user).toMatchObject({
        username: 'moi.tao',
        fullName: 'Trần Văn Mới',
        email: 'Moi.Tao@bhxh.gov.vn',
        roles: ['viewer'],
        orgUnit: { id: p48, code: 'P48' },
        disabled: false,
        version: 1,
      });
      expect(temporaryPassword).toEqual(expect.any(String));
      expect(passwordProblems(temporaryPassword!, 'moi.tao')).toEqual([]);
      const session = await t.login('moi.tao', temporaryPassword!);
      expect(session.user.mustChangePassword).toBe(true);
    });

    it('accepts an explicit strong password and returns no one-time password', async () => {
      const response = await admin.post('/api/users', {
        username: 'co.matkhau',
        fullName: 'Lê Thị Có',
        roles: ['viewer'],
        orgUnitId: p48,
        password: 'Mat-khau-rieng-2026',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json().temporaryPassword).toBeNull();
      expect(await tryLogin('co.matkhau', 'Mat-khau-rieng-2026')).toBe(200);
    });

    it('refuses a weak explicit password, naming `password` for each problem', async () => {
      const before = await userCount();
      const weak = await admin.post('/api/users', {
        username: 'yeu.matkhau',
        fullName: 'Yếu Mật Khẩu',
        roles: ['viewer'],
        orgUnitId: p48,
        password: 'abc',
      });
      expect(weak.statusCode).toBe(400);
      expect(fieldsOf(weak.json())).toEqual(['password:password.too_short', 'password:password.needs_digit']);
      const withName = await admin.post('/api/users', {
        username: 'yeu.matkhau',
        fullName: 'Yếu Mật Khẩu',
        roles: ['viewer'],
        orgUnitId: p48,
        password: 'Yeu.MatKhau-2026',
      });
      expect(withName.statusCode).toBe(400);
      expect(fieldsOf(withName.json())).toEqual(['password:password.contains_username']);
      expect(await userCount()).toBe(before);
    });

    it('refuses a username that exists with 409 naming `username`', async () => {
      const response = await admin.post('/api/users', {
        username: 'hang.nguyen',
        fullName: 'Người khác',
        roles: ['viewer'],
        orgUnitId: p48,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'conflict.duplicate', errors: [{ field: 'username' }] });
    });

    it('refuses an e-mail address that exists in another case with 409 naming `email`', async () => {
      await t.createUser({ username: 'co.email', roles: ['viewer'], unitCode: 'P48', email: 'chung@bhxh.gov.vn' });
      const before = await userCount();
      const response = await admin.post('/api/users', {
        username: 'trung.email',
        fullName: 'Trùng E-mail',
        email: 'CHUNG@BHXH.GOV.VN',
        roles: ['viewer'],
        orgUnitId: p48,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'conflict.duplicate', errors: [{ field: 'email' }] });
      expect(await userCount()).toBe(before);
    });

    it('names every invalid field and writes nothing', async () => {
      const before = await userCount();
      const seq = await lastSeq();
      const response = await admin.post('/api/users', {
        username: 'Tên Sai',
        email: 'khong-phai-email',
        fullName: 'x'.repeat(201),
        roles: ['boss'],
        orgUnitId: p48,
        isSuperuser: true,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('validation.failed');
      expect(fieldsOf(response.json()).sort()).toEqual(
        [
          'username:validation.invalid_username',
          'email:validation.invalid_email',
          'fullName:validation.too_long',
          'roles.0:validation.invalid_value',
          'isSuperuser:validation.unknown_field',
        ].sort(),
      );
      expect(await userCount()).toBe(before);
      expect(await auditSince(seq)).toEqual([]);
    });

    it("refuses a unit outside the administrator's scope, naming `orgUnitId`", async () => {
      const before = await userCount();
      const response = await hanoiAdmin.post('/api/users', {
        username: 'ngoai.pham.vi',
        fullName: 'Ngoài Phạm Vi',
        roles: ['viewer'],
        orgUnitId: p48,
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['orgUnitId:validation.invalid_value']);
      expect(await userCount()).toBe(before);
    });

    it('lets a provincial administrator create users in their province', async () => {
      const response = await hanoiAdmin.post('/api/users', {
        username: 'moi.badinh',
        fullName: 'Mới Ba Đình',
        roles: ['district_officer'],
        orgUnitId: d001,
      });
      expect(response.statusCode).toBe(201);
    });
  });

  describe('scope and roles', () => {
    it('shows a provincial administrator only the users of their province', async () => {
      const page = await list(hanoiAdmin, 'pageSize=1000');
      const { rows } = await t.db.pool.query<{ username: string }>(
        `SELECT u.username FROM users u JOIN org_units o ON o.id = u.org_unit_id
          WHERE o.path LIKE (SELECT path FROM org_units WHERE code = 'P01') || '%'`,
      );
      expect(usernames(page).sort()).toEqual(rows.map((r) => r.username).sort());
      expect(usernames(page)).toContain('o.badinh');
      expect(page.total).toBe(rows.length);
    });

    it('answers 404 for a user of another province', async () => {
      const response = await hanoiAdmin.get(`/api/users/${await idOf('o.danang')}`);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('resource.not_found');
      const patch = await hanoiAdmin.patch(`/api/users/${await idOf('o.danang')}`, { disabled: true, version: 1 });
      expect(patch.statusCode).toBe(404);
    });

    it('lets a leader read users but not create them', async () => {
      expect((await leader.get('/api/users')).statusCode).toBe(200);
      expect((await leader.get(`/api/users/${await idOf('o.danang')}`)).statusCode).toBe(200);
      const response = await leader.post('/api/users', {
        username: 'boi.lanhdao',
        fullName: 'Do Lãnh đạo tạo',
        roles: ['viewer'],
        orgUnitId: p01,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('access.role_forbidden');
    });

    it('does not let a province officer list users', async () => {
      const officer = await t.login('o.danang');
      const response = await officer.get('/api/users');
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('access.role_forbidden');
    });
  });

  describe('PATCH /api/users/:id', () => {
    it('does not let an administrator disable themselves or drop their own admin role', async () => {
      const me = admin.user.id;
      const { version } = (await admin.get(`/api/users/${me}`)).json<TUser>();
      for (const change of [{ disabled: true }, { roles: ['leader'] }]) {
        const response = await admin.patch(`/api/users/${me}`, { ...change, version });
        expect(response.statusCode).toBe(409);
        expect(response.json().code).toBe('user.cannot_change_self');
      }
      expect((await admin.get(`/api/users/${me}`)).json()).toMatchObject({
        roles: ['admin'],
        disabled: false,
        version,
      });
    });

    it('ends the sessions of a user it disables', async () => {
      const id = await t.createUser({ username: 'sap.khoa', roles: ['viewer'], unitCode: 'P48' });
      const session = await t.login('sap.khoa');
      expect((await session.get('/api/me')).statusCode).toBe(200);
      const response = await admin.patch(`/api/users/${id}`, { disabled: true, version: 1 });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ disabled: true, version: 2 });
      expect(await sessionCount(id)).toBe(0);
      expect((await session.get('/api/me')).statusCode).toBe(401);
      expect(await tryLogin('sap.khoa', USER_PASSWORD)).toBe(403);
    });

    it('refuses a stale version with 409', async () => {
      const id = await t.createUser({ username: 'hai.nguoi', roles: ['viewer'], unitCode: 'P48' });
      expect((await admin.patch(`/api/users/${id}`, { title: 'Chuyên viên', version: 1 })).statusCode).toBe(200);
      const stale = await admin.patch(`/api/users/${id}`, { title: 'Trưởng phòng', version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('conflict.version');
      expect((await admin.get(`/api/users/${id}`)).json().title).toBe('Chuyên viên');
    });
  });

  describe('POST /api/users/:id/reset-password', () => {
    it('sets a new one-time password, ends the sessions and audits the reset', async () => {
      const id = await t.createUser({ username: 'quen.matkhau', roles: ['viewer'], unitCode: 'P48' });
      const session = await t.login('quen.matkhau');
      const seq = await lastSeq();
      const response = await admin.post(`/api/users/${id}/reset-password`);
      expect(response.statusCode).toBe(200);
      const { temporaryPassword } = response.json<{ temporaryPassword: string }>();
      expect(passwordProblems(temporaryPassword)).toEqual([]);
      expect(await sessionCount(id)).toBe(0);
      const events = await auditSince(seq);
      expect(events.map((e) => `${e.action}:${e.entity_id}`)).toEqual([`reset_password:${id}`]);
      expect(JSON.stringify(events)).not.toContain(temporaryPassword);
      expect((await session.get('/api/me')).statusCode).toBe(401);
      expect(await tryLogin('quen.matkhau', USER_PASSWORD)).toBe(401);
      const again = await t.login('quen.matkhau', temporaryPassword);
      expect(again.user.mustChangePassword).toBe(true);
    });
  });

  describe('audit', () => {
    it('records creation and changes with before and after, never a password or its hash', async () => {
      const seq = await lastSeq();
      const created = await admin.post('/api/users', {
        username: 'kiem.toan',
        fullName: 'Kiểm Toán Viên',
        roles: ['viewer'],
        orgUnitId: p01,
      });
      const { user, temporaryPassword } = created.json<TCreatedUser>();
      await admin.patch(`/api/users/${user.id}`, { fullName: 'Kiểm Toán Trưởng', roles: ['leader'], version: 1 });
      const events = await auditSince(seq);
      expect(events).toEqual([
        expect.objectContaining({
          action: 'create',
          entity_id: user.id,
          before: null,
          after: expect.objectContaining({ username: 'kiem.toan', fullName: 'Kiểm Toán Viên', roles: ['viewer'] }),
        }),
        expect.objectContaining({
          action: 'update',
          entity_id: user.id,
          before: expect.objectContaining({ fullName: 'Kiểm Toán Viên', roles: ['viewer'] }),
          after: expect.objectContaining({ fullName: 'Kiểm Toán Trưởng', roles: ['leader'] }),
        }),
      ]);
      const { rows } = await t.db.pool.query<{ json: string }>(
        `SELECT coalesce(before::text, '') || coalesce(after::text, '') AS json FROM audit_events WHERE entity_type = 'user'`,
      );
      const all = rows.map((r) => r.json).join('\n');
      expect(all).toContain('kiem.toan');
      for (const secret of [
        '$argon2',
        'passwordHash',
        'password_hash',
        temporaryPassword!,
        USER_PASSWORD,
        ADMIN_PASSWORD,
      ]) {
        expect(all).not.toContain(secret);
      }
    });
  });
});
