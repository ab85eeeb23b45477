import ExcelJS from 'exceljs';
import { matchesVi, type TRegulation, type TRegulationDetail, type TRegulationUnitOption } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { REGULATIONS_2020 } from './regulations-2020.data.js';

let t: TestApp;
let admin: Session;
let comms: Session;
let banThu: Session;
let hanoi: Session;
let danang: Session;
let viewer: Session;
let root: string;
let thu: string;
let csyt: string;
let p01: string;
let p48: string;
let d001: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tt.officer', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'thu.officer', roles: ['unit_officer'], unitCode: 'THU' });
  await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'danang.officer', roles: ['province_officer'], unitCode: 'P48' });
  await t.createUser({ username: 'chi.xem', roles: ['viewer'], unitCode: 'P79' });
  [admin, comms, banThu, hanoi, danang, viewer] = await Promise.all([
    t.loginAdmin(),
    t.login('tt.officer'),
    t.login('thu.officer'),
    t.login('hanoi.officer'),
    t.login('danang.officer'),
    t.login('chi.xem'),
  ]);
  [root, thu, csyt, p01, p48, d001] = await Promise.all([
    t.unitId('BHXHVN'),
    t.unitId('THU'),
    t.unitId('CSYT'),
    t.unitId('P01'),
    t.unitId('P48'),
    t.unitId('D001'),
  ]);
});
afterAll(async () => t?.close());

type Page<T> = { items: T[]; total: number };
const lastSeq = () => t.lastAuditSeq();
const auditSince = (seq: number) => t.auditSince(seq);
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const list = async (session: Session, query: string) => {
  const response = await session.get(`/api/regulations?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page<TRegulation>>();
};
const numbers = (page: Page<TRegulation>) => page.items.map((r) => r.number);
const search = async (q: string) => numbers(await list(viewer, `q=${encodeURIComponent(q)}&pageSize=100`));
const regulationRow = async (number: string) =>
  (
    await t.db.pool.query<{ id: string; xmin: string; org_unit_id: string; summary: string }>(
      'SELECT id, xmin::text, org_unit_id, summary FROM regulations WHERE number = $1',
      [number],
    )
  ).rows[0];
const countRegulations = async () =>
  (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM regulations')).rows[0]!.n;
const idOf = async (number: string) => (await regulationRow(number))!.id;

let serial = 3000;
/** A valid new document; each call gets its own number. */
const draft = (overrides: Record<string, unknown> = {}) => ({
  number: `${(serial += 1)}/BHXH-TT`,
  kind: 'cong_van',
  issuer: 'BHXH Việt Nam',
  issuedOn: '2026-06-01',
  summary: 'V/v hướng dẫn thực hiện chính sách mới',
  ...overrides,
});
const create = async (session: Session, body: Record<string, unknown>) => {
  const response = await session.post('/api/regulations', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TRegulationDetail>();
};

describe('regulations routes', () => {
  describe('GET /api/regulations', () => {
    it('holds the seed: 1191/BHXH-TT and the 21 documents of its appendix, national and historical', async () => {
      const page = await list(viewer, 'pageSize=100');
      expect(page.total).toBe(22);
      expect(numbers(page).sort()).toEqual(REGULATIONS_2020.map((r) => r.number).sort());
      expect(page.items.every((r) => r.orgUnit.code === 'BHXHVN' && !r.needsCommunication)).toBe(true);
      expect(page.items[0]).toMatchObject({
        number: '1191/BHXH-TT',
        kind: 'cong_van',
        issuedOn: '2020-04-20',
        effectiveOn: null,
        draftingUnit: { code: 'TT', name: 'Trung tâm Truyền thông' },
        draftingUnitName: 'Trung tâm Truyền thông',
        signer: 'Đào Việt Anh, Phó Tổng Giám đốc',
        canEdit: false,
      });
      const seeded = page.items.find((r) => r.number === '280/BHXH-CSYT')!;
      expect(seeded).toMatchObject({
        draftingUnit: { code: 'CSYT' },
        draftingUnitName: 'Ban CSYT',
        tags: ['Covid-19'],
      });
      expect(page.items.find((r) => r.number === '1068/BHXH-PC')).toMatchObject({
        draftingUnit: null,
        draftingUnitName: null,
      });
    });

    it('finds 860/BHXH-BT by "tam dung dong", without accents', async () => {
      const found = await search('tam dung dong');
      expect(found).toEqual(['860/BHXH-BT']);
      expect(await search('TẠM DỪNG ĐÓNG')).toEqual(['860/BHXH-BT']);
    });

    it('finds the documents Ban Thu drafted by "ban thu"', async () => {
      const found = await search('ban thu');
      expect(found).toEqual(expect.arrayContaining(['860/BHXH-BT', '1071/BHXH-BT']));
      // Every word must occur somewhere: "Ban CSYT" + "thuốc" qualifies too, "V/v cấp, gia hạn thẻ BHYT" alone would not.
      for (const number of found) {
        const r = REGULATIONS_2020.find((d) => d.number === number)!;
        const text = `${r.number} Công văn ${r.summary} ${r.draftingUnitName ?? ''} ${r.issuer} ${r.tags.join(' ')}`;
        expect(matchesVi(text, 'ban thu'), number).toBe(true);
      }
    });

    it('finds a document by its number, and by its kind and number', async () => {
      expect(await search('1007')).toEqual(['1007/BHXH-TT']);
      expect(await search('cong van 1007')).toEqual(['1007/BHXH-TT']);
      expect(await search('thong bao 1007')).toEqual([]);
      expect(await search('thong bao tiep cong dan')).toEqual(['1059/TB-BHXH']);
    });

    it('filters by kind, drafting unit, issue period, tag and need of communication', async () => {
      expect(numbers(await list(viewer, 'kind=thong_bao'))).toEqual(['1059/TB-BHXH']);
      expect(numbers(await list(viewer, `draftingUnitId=${thu}&sort=number`))).toEqual(['860/BHXH-BT', '1071/BHXH-BT']);
      expect(numbers(await list(viewer, 'issuedFrom=2020-04-01&issuedTo=2020-04-02&sort=number'))).toEqual([
        '504/CNTT-HTA',
        '1068/BHXH-PC',
        '1071/BHXH-BT',
        '1072/BHXH-CSYT',
      ]);
      expect((await list(viewer, 'tag=covid-19&issuedTo=2020-04-20')).total).toBe(21);
      expect((await list(viewer, 'needsCommunication=false&issuedTo=2020-04-20')).total).toBe(22);
    });

    it('sorts by serial number and by date, both ways, and pages', async () => {
      const byNumber = numbers(await list(viewer, 'sort=number&issuedTo=2020-04-20&pageSize=4'));
      expect(byNumber).toEqual(['280/BHXH-CSYT', '362/BHXH-CSYT', '504/CNTT-HTA', '537/CNTT-HTA']);
      const newest = numbers(await list(viewer, 'sort=-issuedOn&issuedTo=2020-04-20&pageSize=2'));
      expect(newest).toEqual(['1191/BHXH-TT', '537/CNTT-HTA']);
      const second = await list(viewer, 'sort=number&issuedTo=2020-04-20&pageSize=4&page=2');
      expect(second.total).toBe(22);
      expect(numbers(second)).toEqual(['779/BHXH-CNTT', '820/BHXH-VP', '860/BHXH-BT', '902/BHXH-CSYT']);
    });

    it('answers an unknown sort with a 400 naming sort', async () => {
      const response = await viewer.get('/api/regulations?sort=secret');
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['sort:validation.invalid_sort']);
    });
  });

  describe('GET /api/regulations/:id', () => {
    it('shows the relations the seed states, from both ends', async () => {
      const amending = (await (
        await viewer.get(`/api/regulations/${await idOf('1068/BHXH-PC')}`)
      ).json()) as TRegulationDetail;
      expect(amending.relations).toEqual([
        expect.objectContaining({ number: '1061/BHXH-PC', kind: 'amends', direction: 'outgoing' }),
      ]);
      const amended = (await (
        await viewer.get(`/api/regulations/${await idOf('1061/BHXH-PC')}`)
      ).json()) as TRegulationDetail;
      expect(amended.relations).toEqual([
        expect.objectContaining({ number: '1068/BHXH-PC', kind: 'amends', direction: 'incoming' }),
      ]);
      const guidance = (await (
        await viewer.get(`/api/regulations/${await idOf('1191/BHXH-TT')}`)
      ).json()) as TRegulationDetail;
      expect(guidance.relations.map((r) => `${r.kind} ${r.number}`)).toEqual(['guides 1007/BHXH-TT']);
    });

    it('answers 404 problem+json for an unknown document', async () => {
      const response = await viewer.get('/api/regulations/00000000-0000-4000-8000-000000000000');
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'resource.not_found', title: 'Không tìm thấy văn bản' });
    });
  });

  describe('POST /api/regulations', () => {
    it('registers a national document under one spelling of its number, audited in the same transaction', async () => {
      const seq = await lastSeq();
      const created = await create(admin, {
        ...draft(),
        number: ' Số: 2001 / bhxh-thu ',
        draftingUnitId: thu,
        recipients: 'BHXH các tỉnh, thành phố',
        signer: 'Nguyễn Văn A, Phó Tổng Giám đốc',
        tags: ['thu', ' Thu ', 'BHXH tự nguyện'],
      });
      expect(created).toMatchObject({
        number: '2001/BHXH-THU',
        orgUnit: { id: root, code: 'BHXHVN' },
        draftingUnit: { id: thu, code: 'THU' },
        draftingUnitName: 'Ban Thu',
        tags: ['thu', 'BHXH tự nguyện'],
        needsCommunication: false,
        canEdit: true,
        relations: [],
        version: 1,
      });
      const row = (await regulationRow('2001/BHXH-THU'))!;
      const events = await auditSince(seq);
      expect(events.map((e) => [e.action, e.entity_type, e.entity_id, e.org_unit_id])).toEqual([
        ['create', 'regulation', created.id, root],
      ]);
      expect(events[0]!.xmin).toBe(row.xmin);
      expect(events[0]!.after).toMatchObject({ number: '2001/BHXH-THU', draftingUnit: 'THU' });
    });

    it('lets a Ban Thu officer register what Ban Thu drafts, and nothing drafted elsewhere', async () => {
      const own = await create(banThu, draft());
      expect(own).toMatchObject({ orgUnit: { code: 'BHXHVN' }, draftingUnit: { code: 'THU' }, canEdit: true });
      const seq = await lastSeq();
      const response = await banThu.post('/api/regulations', draft({ draftingUnitId: csyt }));
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['draftingUnitId:validation.unit_out_of_scope']);
      expect(await auditSince(seq)).toEqual([]);
    });

    it("files a province officer's document under the province, and refuses another province", async () => {
      const local = await create(hanoi, draft({ issuer: 'BHXH thành phố Hà Nội', draftingUnitId: d001 }));
      expect(local).toMatchObject({ orgUnit: { id: p01 }, draftingUnit: { code: 'D001' }, canEdit: true });
      const before = await countRegulations();
      const foreign = await hanoi.post('/api/regulations', draft({ orgUnitId: p48 }));
      expect(foreign.statusCode).toBe(400);
      expect(fieldsOf(foreign.json())).toEqual(['orgUnitId:validation.unit_out_of_scope']);
      const outside = await hanoi.post('/api/regulations', draft({ draftingUnitId: thu }));
      expect(fieldsOf(outside.json())).toEqual(['draftingUnitId:validation.drafting_unit_outside_owner']);
      expect(await countRegulations()).toBe(before);
    });

    it('forbids viewers at the route gate, before the body is read', async () => {
      const seq = await lastSeq();
      const response = await viewer.post('/api/regulations', draft());
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'access.role_forbidden' });
      expect(await auditSince(seq)).toEqual([]);
    });

    it('refuses a number that exists, however it is spaced or cased, with a 409 naming number', async () => {
      const before = await countRegulations();
      const seq = await lastSeq();
      for (const number of ['1007/BHXH-TT', '1007 / bhxh-tt', 'Số: 1007/Bhxh - TT']) {
        const response = await comms.post('/api/regulations', draft({ number }));
        expect(response.statusCode, number).toBe(409);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json()).toMatchObject({
          code: 'conflict.duplicate',
          title: 'Giá trị "1007/BHXH-TT" đã được dùng',
          errors: [{ field: 'number', code: 'validation.duplicate' }],
        });
      }
      expect(await countRegulations()).toBe(before);
      expect(await auditSince(seq)).toEqual([]);
    });

    it("refuses an effective date before the issue date on effectiveOn, in the caller's language", async () => {
      const response = await comms.post(
        '/api/regulations',
        draft({ issuedOn: '2026-06-10', effectiveOn: '2026-06-01' }),
        {
          'accept-language': 'en',
        },
      );
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'validation.failed',
        errors: [
          {
            field: 'effectiveOn',
            code: 'validation.effective_before_issued',
            message: 'The effective date cannot precede the issue date',
          },
        ],
      });
    });

    it('needs an effective date for a document that needs communication', async () => {
      const response = await comms.post('/api/regulations', draft({ needsCommunication: true }));
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['effectiveOn:validation.required']);
    });

    it('refuses a malformed number on number', async () => {
      for (const number of ['1007/BHXH TT', '1007', '12a/BHXH-TT']) {
        const response = await comms.post('/api/regulations', draft({ number }));
        expect(response.statusCode, number).toBe(400);
        expect(fieldsOf(response.json()), number).toEqual(['number:validation.regulation_number']);
      }
    });
  });

  describe('PATCH /api/regulations/:id', () => {
    it('changes what is sent, checked against the version seen', async () => {
      const created = await create(comms, draft({ draftingUnitId: csyt }));
      const seq = await lastSeq();
      const response = await comms.patch(`/api/regulations/${created.id}`, {
        summary: 'V/v sửa đổi trích yếu',
        tags: ['BHYT'],
        effectiveOn: '2026-07-01',
        version: created.version,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        summary: 'V/v sửa đổi trích yếu',
        tags: ['BHYT'],
        effectiveOn: '2026-07-01',
        draftingUnit: { code: 'CSYT' },
        version: 2,
      });
      const events = await auditSince(seq);
      expect(events.map((e) => e.action)).toEqual(['update']);
      expect(events[0]!.before).toMatchObject({ summary: 'V/v hướng dẫn thực hiện chính sách mới' });
      expect(events[0]!.after).toMatchObject({ summary: 'V/v sửa đổi trích yếu' });
      const stale = await comms.patch(`/api/regulations/${created.id}`, { summary: 'Khác', version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'conflict.version' });
    });

    it('checks the dates against the stored ones', async () => {
      const created = await create(comms, draft({ issuedOn: '2026-06-10' }));
      const response = await comms.patch(`/api/regulations/${created.id}`, {
        effectiveOn: '2026-06-09',
        version: created.version,
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['effectiveOn:validation.effective_before_issued']);
    });

    it('refuses to take the number of another document', async () => {
      const created = await create(comms, draft());
      const response = await comms.patch(`/api/regulations/${created.id}`, {
        number: '860 / bhxh-bt',
        version: created.version,
      });
      expect(response.statusCode).toBe(409);
      expect(fieldsOf(response.json())).toEqual(['number:validation.duplicate']);
    });

    it("forbids changing a document outside one's reach, and does not write", async () => {
      const local = await create(hanoi, draft());
      const seq = await lastSeq();
      const byDanang = await danang.patch(`/api/regulations/${local.id}`, { summary: 'x', version: local.version });
      expect(byDanang.statusCode).toBe(403);
      const national = await idOf('1007/BHXH-TT');
      const onNational = await hanoi.patch(`/api/regulations/${national}`, { summary: 'x', version: 1 });
      expect(onNational.statusCode).toBe(403);
      expect((await regulationRow('1007/BHXH-TT'))!.summary).toBe(
        'V/v truyền thông thực hiện phòng, chống dịch Covid-19',
      );
      expect(await auditSince(seq)).toEqual([]);
    });
  });

  describe('relations', () => {
    it('records, shows and removes a relation, audited', async () => {
      const newer = await create(comms, draft());
      const older = await create(comms, draft());
      const seq = await lastSeq();
      const added = await comms.post(`/api/regulations/${newer.id}/relations`, {
        relatedId: older.id,
        kind: 'replaces',
      });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json<TRegulationDetail>().relations).toEqual([
        {
          regulationId: older.id,
          number: older.number,
          summary: older.summary,
          kind: 'replaces',
          direction: 'outgoing',
        },
      ]);
      const fromOlder = (await comms.get(`/api/regulations/${older.id}`)).json<TRegulationDetail>();
      expect(fromOlder.relations).toEqual([expect.objectContaining({ number: newer.number, direction: 'incoming' })]);
      const removed = await comms.delete(`/api/regulations/${older.id}/relations/${newer.id}`);
      expect(removed.statusCode).toBe(204);
      expect((await comms.get(`/api/regulations/${newer.id}`)).json<TRegulationDetail>().relations).toEqual([]);
      expect((await auditSince(seq)).map((e) => [e.action, e.summary])).toEqual([
        ['link', `${newer.number} replaces ${older.number}`],
        ['unlink', `${newer.number} replaces ${older.number}`],
      ]);
      const again = await comms.delete(`/api/regulations/${older.id}/relations/${newer.id}`);
      expect(again.statusCode).toBe(404);
    });

    it('refuses a relation of a document to itself with a 400', async () => {
      const created = await create(comms, draft());
      const response = await comms.post(`/api/regulations/${created.id}/relations`, {
        relatedId: created.id,
        kind: 'amends',
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toEqual(['relatedId:validation.self_relation']);
    });

    it('refuses a second relation between the same two documents, either way', async () => {
      const a = await create(comms, draft());
      const b = await create(comms, draft());
      expect(
        (await comms.post(`/api/regulations/${a.id}/relations`, { relatedId: b.id, kind: 'amends' })).statusCode,
      ).toBe(201);
      const reverse = await comms.post(`/api/regulations/${b.id}/relations`, { relatedId: a.id, kind: 'guides' });
      expect(reverse.statusCode).toBe(409);
      expect(fieldsOf(reverse.json())).toEqual(['relatedId:validation.duplicate']);
    });
  });

  describe('DELETE /api/regulations/:id', () => {
    it('deletes a document with its relations, audited', async () => {
      const doomed = await create(comms, draft());
      const other = await idOf('1007/BHXH-TT');
      await comms.post(`/api/regulations/${doomed.id}/relations`, { relatedId: other, kind: 'guides' });
      const seq = await lastSeq();
      const response = await comms.delete(`/api/regulations/${doomed.id}`);
      expect(response.statusCode).toBe(204);
      expect(await regulationRow(doomed.number)).toBeUndefined();
      const events = await auditSince(seq);
      expect(events.map((e) => [e.action, e.entity_id])).toEqual([['delete', doomed.id]]);
      expect(events[0]!.before).toMatchObject({ number: doomed.number });
      const relations = await t.db.pool.query('SELECT 1 FROM regulation_relations WHERE from_id = $1', [doomed.id]);
      expect(relations.rowCount).toBe(0);
    });

    it("forbids a province officer to delete another province's document", async () => {
      const local = await create(hanoi, draft());
      expect((await danang.delete(`/api/regulations/${local.id}`)).statusCode).toBe(403);
      expect(await regulationRow(local.number)).toBeDefined();
    });
  });

  describe('GET /api/regulations/export.xlsx', () => {
    it('exports every document matching the filters, readable by Excel', async () => {
      const response = await viewer.get(`/api/regulations/export.xlsx?draftingUnitId=${thu}&sort=number&pageSize=1`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      expect(response.headers['content-disposition']).toContain('van-ban.xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      expect((sheet.getRow(1).values as unknown[]).slice(1, 7)).toEqual([
        'Số hiệu',
        'Loại văn bản',
        'Cơ quan ban hành',
        'Ngày ban hành',
        'Ngày hiệu lực',
        'Trích yếu',
      ]);
      const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) =>
        (sheet.getRow(i + 2).values as unknown[]).slice(1),
      );
      const seeded = rows.filter((r) => String(r[3]).endsWith('/2020'));
      expect(seeded.map((r) => r[0])).toEqual(['860/BHXH-BT', '1071/BHXH-BT']);
      expect(seeded[0]).toEqual(expect.arrayContaining(['Công văn', 'BHXH Việt Nam', '17/03/2020', 'Ban Thu']));
    });
  });

  describe('seedRegulations2020', () => {
    it('seeds once: a second start adds nothing and a deleted document stays deleted', async () => {
      const seeded = await idOf('956/BHXH-VP');
      expect((await admin.delete(`/api/regulations/${seeded}`)).statusCode).toBe(204);
      const before = await countRegulations();
      const seq = await lastSeq();
      expect(await t.services.regulations.seedRegulations2020(SYSTEM_ACTOR)).toBe(false);
      expect(await countRegulations()).toBe(before);
      expect(await regulationRow('956/BHXH-VP')).toBeUndefined();
      expect(await auditSince(seq)).toEqual([]);
    });

    it('recorded the seed in the audit log, as the system, for the root', async () => {
      const { rows } = await t.db.pool.query<{ actor_id: string | null; org_unit_id: string; summary: string }>(
        `SELECT actor_id, org_unit_id, summary FROM audit_events WHERE action = 'seed' AND entity_type = 'regulation'`,
      );
      expect(rows).toEqual([
        {
          actor_id: null,
          org_unit_id: root,
          summary: '1191/BHXH-TT và phụ lục văn bản chỉ đạo phòng chống dịch Covid-19: 22 văn bản, 3 liên kết',
        },
      ]);
    });
  });

  describe('GET /api/openapi.json', () => {
    it('documents the registry, its tasks and the template', async () => {
      const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
        paths: Record<string, Record<string, { requestBody?: unknown }>>;
      }>();
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/api/regulations',
          '/api/regulations/{id}',
          '/api/regulations/export.xlsx',
          '/api/regulations/{id}/relations',
          '/api/regulations/{id}/relations/{relatedId}',
          '/api/regulations/{id}/tasks',
          '/api/regulations/{id}/tasks/generate',
          '/api/regulation-tasks/{id}',
          '/api/tasks/mine',
          '/api/task-templates',
        ]),
      );
      expect(document.paths['/api/regulations']!.post!.requestBody).toBeDefined();
      expect(document.paths['/api/task-templates']!.put!.requestBody).toBeDefined();
    });
  });

  describe('GET /api/regulations/drafting-units', () => {
    it("offers the central agency's units to everyone, and each user's own scope", async () => {
      const codes = async (session: Session) =>
        (
          await (await session.get('/api/regulations/drafting-units?pageSize=1000')).json<Page<TRegulationUnitOption>>()
        ).items.map((u) => u.code);
      const forComms = await codes(comms);
      expect(forComms).toEqual(expect.arrayContaining(['BHXHVN', 'TT', 'THU', 'CSYT', 'BAO']));
      expect(forComms).not.toContain('P01');
      const forHanoi = await codes(hanoi);
      expect(forHanoi).toEqual(expect.arrayContaining(['THU', 'P01', 'D001']));
      expect(forHanoi).not.toContain('P48');
      const found = await (
        await hanoi.get('/api/regulations/drafting-units?q=ban%20thu')
      ).json<Page<TRegulationUnitOption>>();
      expect(found.items.map((u) => u.code)).toContain('THU');
      expect(found.items.every((u) => matchesVi(`${u.code} ${u.name}`, 'ban thu'))).toBe(true);
    });
  });
});
