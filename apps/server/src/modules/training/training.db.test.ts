import type { TImportReport, TTrainee, TTrainingCourse, TTrainingCourseDetail } from '@loa/contracts';
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BASE = '/api/training/courses';

let t: TestApp;
let hanoi: Session;
let danang: Session;
let viewer: Session;
let badinhUserId: string;
let p01: string;
let filesDir: string;

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), 'loa-training-test-'));
  t = await createTestApp({ filesDir });
  await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'danang.officer', roles: ['province_officer'], unitCode: 'P48' });
  await t.createUser({ username: 'hanoi.viewer', roles: ['viewer'], unitCode: 'P01' });
  badinhUserId = await t.createUser({
    username: 'badinh.officer',
    roles: ['district_officer'],
    unitCode: 'D001',
    fullName: 'Trần Văn Bình',
  });
  [hanoi, danang, viewer] = await Promise.all([
    t.login('hanoi.officer'),
    t.login('danang.officer'),
    t.login('hanoi.viewer'),
  ]);
  p01 = await t.unitId('P01');
});
afterAll(async () => {
  await t?.close();
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

const courseInput = () => ({
  title: 'Tập huấn kỹ năng tuyên truyền BHXH tự nguyện cho nhân viên bưu điện',
  topic: 'Chính sách BHXH tự nguyện, BHYT hộ gia đình; kỹ năng tư vấn',
  audience: 'post_office_staff',
  orgUnitId: p01,
  startsOn: '2026-03-02',
  endsOn: '2026-03-04',
  place: 'Hội trường BHXH thành phố Hà Nội',
  trainers: ['Nguyễn Văn Hùng', 'Phạm Thị Hoa'],
  passScore: 50,
});
const ALL_DAYS = ['2026-03-02', '2026-03-03', '2026-03-04'];
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
const traineeCount = async () =>
  (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM training_trainees')).rows[0]!.n;

async function sheet(headers: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Học viên');
  ws.addRow(headers);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('training routes', () => {
  let course: TTrainingCourseDetail;
  let external: TTrainee;
  let colleague: TTrainee;
  let absent: TTrainee;

  describe('POST /api/training/courses', () => {
    it('plans a course of a unit in scope, audited', async () => {
      const since = await t.lastAuditSeq();
      const response = await hanoi.post(BASE, courseInput());
      expect(response.statusCode).toBe(201);
      course = response.json<TTrainingCourseDetail>();
      expect(course).toMatchObject({
        status: 'planned',
        orgUnit: { code: 'P01' },
        trainers: ['Nguyễn Văn Hùng', 'Phạm Thị Hoa'],
        traineeCount: 0,
        canEdit: true,
        trainees: [],
      });
      const audit = await t.auditSince(since);
      expect(audit.map((a) => [a.action, a.entity_type, a.entity_id])).toEqual([
        ['create', 'training_course', course.id],
      ]);
    });

    it('refuses reversed dates field by field, in Vietnamese and English', async () => {
      const vi = await hanoi.post(BASE, { ...courseInput(), endsOn: '2026-03-01' });
      expect(vi.statusCode).toBe(400);
      expect(vi.headers['content-type']).toContain('application/problem+json');
      expect(vi.json().errors).toEqual([
        { field: 'endsOn', code: 'validation.date_order', message: 'Ngày kết thúc phải sau ngày bắt đầu' },
      ]);
      const en = await hanoi.post(BASE, { ...courseInput(), endsOn: '2026-03-01' }, { 'accept-language': 'en' });
      expect(en.json().errors[0].message).toBe('The end date must follow the start date');
    });

    it('refuses an organiser outside the officer’s scope, and a viewer altogether', async () => {
      const response = await danang.post(BASE, courseInput());
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        expect.objectContaining({ field: 'orgUnitId', code: 'validation.unit_out_of_scope' }),
      ]);
      expect((await viewer.post(BASE, courseInput())).statusCode).toBe(403);
    });
  });

  describe('trainees', () => {
    it('adds a user of Loa with their name and unit, and an external person with a normalised phone', async () => {
      const user = await hanoi.post(`${BASE}/${course.id}/trainees`, { userId: badinhUserId });
      expect(user.statusCode).toBe(201);
      colleague = user.json<TTrainee>();
      expect(colleague).toMatchObject({ userId: badinhUserId, fullName: 'Trần Văn Bình', passed: false });
      expect(colleague.organisation).toContain('Ba Đình');
      const person = await hanoi.post(`${BASE}/${course.id}/trainees`, {
        fullName: 'Nguyễn Thị Lan',
        organisation: 'Bưu điện huyện Thường Tín',
        phone: '+84 912 000 111',
      });
      expect(person.statusCode).toBe(201);
      external = person.json<TTrainee>();
      expect(external).toMatchObject({ userId: null, phone: '0912000111', refusal: 'not_attended' });
      absent = (
        await hanoi.post(`${BASE}/${course.id}/trainees`, {
          fullName: 'Lê Văn Tâm',
          organisation: 'UBND xã Hòa Bình',
          phone: '0987 654 321',
        })
      ).json<TTrainee>();
    });

    it('refuses the same person twice in a course with a 409 on the field, and a bad phone with a 400', async () => {
      const again = await hanoi.post(`${BASE}/${course.id}/trainees`, {
        fullName: 'Nguyễn T. Lan',
        organisation: 'Bưu điện Thường Tín',
        phone: '0912.000.111',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().errors).toEqual([
        expect.objectContaining({ field: 'phone', code: 'training.duplicate_trainee' }),
      ]);
      const sameUser = await hanoi.post(`${BASE}/${course.id}/trainees`, { userId: badinhUserId });
      expect(sameUser.json().errors).toEqual([
        expect.objectContaining({ field: 'userId', code: 'training.duplicate_trainee' }),
      ]);
      const badPhone = await hanoi.post(`${BASE}/${course.id}/trainees`, {
        fullName: 'Võ Văn Nam',
        organisation: 'Hội Nông dân xã',
        phone: '0123',
      });
      expect(badPhone.statusCode).toBe(400);
      expect(badPhone.json().errors).toEqual([
        expect.objectContaining({ field: 'phone', code: 'validation.invalid_phone' }),
      ]);
      expect(await traineeCount()).toBe(3);
    });

    it('records attendance per course day and scores, refusing days outside the course and scores out of range', async () => {
      const path = `${BASE}/${course.id}/trainees/${external.id}`;
      const outside = await hanoi.patch(path, { attendedDays: ['2026-03-02', '2026-03-09'] });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().errors).toEqual([
        expect.objectContaining({ field: 'attendedDays', code: 'training.day_outside_course' }),
      ]);
      const tooHigh = await hanoi.patch(path, { score: 101 });
      expect(tooHigh.json().errors).toEqual([expect.objectContaining({ field: 'score', code: 'validation.too_big' })]);
      const since = await t.lastAuditSeq();
      const ok = await hanoi.patch(path, { attendedDays: ALL_DAYS, score: 85, rating: 5 });
      expect(ok.statusCode).toBe(200);
      expect(ok.json<TTrainee>()).toMatchObject({ attendedDays: ALL_DAYS, score: 85, passed: true, refusal: null });
      expect((await t.auditSince(since)).map((a) => a.action)).toEqual(['update_trainee']);
      const low = await hanoi.patch(`${BASE}/${course.id}/trainees/${colleague.id}`, {
        attendedDays: ALL_DAYS.slice(0, 2),
        score: 90,
      });
      expect(low.json<TTrainee>()).toMatchObject({ passed: false, refusal: 'not_attended' });
      await hanoi.patch(`${BASE}/${course.id}/trainees/${absent.id}`, { attendedDays: ['2026-03-02'], score: 70 });
    });
  });

  describe('certificates', () => {
    it('are issued only once the course is held', async () => {
      const response = await hanoi.post(`${BASE}/${course.id}/certificates`, {
        signerName: 'Nguyễn Văn Giám',
        signerTitle: 'Giám đốc',
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('training.not_held');
      const held = await hanoi.patch(`${BASE}/${course.id}`, { status: 'held', version: course.version });
      expect(held.json()).toMatchObject({ status: 'held' });
    });

    it('refuses a trainee who did not attend enough, naming the field, and issues nothing', async () => {
      const response = await hanoi.post(`${BASE}/${course.id}/certificates`, {
        signerName: 'Nguyễn Văn Giám',
        signerTitle: 'Giám đốc',
        traineeIds: [external.id, absent.id],
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        code: 'training.not_eligible',
        errors: [{ field: 'traineeIds.1', code: 'training.not_attended' }],
      });
      expect(response.json().errors[0].message).toContain('3');
      const count = await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM training_certificates');
      expect(count.rows[0]!.n).toBe(0);
    });

    it('numbers the certificates of those who passed by unit and year, audited', async () => {
      const since = await t.lastAuditSeq();
      const response = await hanoi.post(`${BASE}/${course.id}/certificates`, {
        signerName: 'Nguyễn Văn Giám',
        signerTitle: 'Giám đốc BHXH thành phố Hà Nội',
        issuedOn: '2026-03-05',
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        issued: [{ traineeId: external.id, fullName: 'Nguyễn Thị Lan', number: 'P01-2026-0001' }],
      });
      const audit = await t.auditSince(since);
      expect(audit.map((a) => [a.action, a.entity_id, a.after?.number])).toEqual([
        ['issue_certificate', course.id, 'P01-2026-0001'],
      ]);
      const again = await hanoi.post(`${BASE}/${course.id}/certificates`, { signerName: 'A', signerTitle: 'B' });
      expect(again.json()).toEqual({ issued: [] });
    });

    it('downloads a certificate as a one-page PDF attachment', async () => {
      const response = await hanoi.get(`${BASE}/${course.id}/trainees/${external.id}/certificate.pdf`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toMatch(/^attachment;.*P01-2026-0001\.pdf/);
      expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(response.rawPayload.length).toBeGreaterThan(5000);
      expect(pageCount(response.rawPayload)).toBe(1);
    });

    it('keeps course materials as files of the organiser, audited, readable in scope only', async () => {
      const pdf = (await hanoi.get(`${BASE}/${course.id}/trainees/${external.id}/certificate.pdf`)).rawPayload;
      const since = await t.lastAuditSeq();
      const added = await hanoi.post(
        `${BASE}/${course.id}/materials?title=T%C3%A0i%20li%E1%BB%87u%20m%E1%BA%ABu`,
        pdf,
        {
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent('tai-lieu.pdf'),
        },
      );
      expect(added.statusCode).toBe(201);
      const fileId = added.json<{ file: { id: string } }>().file.id;
      const detail = (await hanoi.get(`${BASE}/${course.id}`)).json<TTrainingCourseDetail>();
      expect(detail.materials.map((m) => [m.file.id, m.title])).toEqual([[fileId, 'Tài liệu mẫu']]);
      const content = await hanoi.get(`${BASE}/${course.id}/materials/${fileId}/content`);
      expect(content.rawPayload.equals(pdf)).toBe(true);
      expect((await danang.get(`${BASE}/${course.id}/materials/${fileId}/content`)).statusCode).toBe(404);
      expect((await hanoi.delete(`${BASE}/${course.id}/materials/${fileId}`)).statusCode).toBe(204);
      expect((await t.auditSince(since)).map((a) => [a.action, a.entity_type])).toEqual(
        expect.arrayContaining([
          ['attach', 'training_course'],
          ['detach', 'training_course'],
        ]),
      );
    });

    it('refuses the certificate of a trainee who did not attend with a 409 that says why', async () => {
      const response = await hanoi.get(`${BASE}/${course.id}/trainees/${absent.id}/certificate.pdf`);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        code: 'training.no_certificate',
        errors: [{ field: 'traineeId', code: 'training.not_attended' }],
      });
    });

    it('gives every certificate of a course in one PDF, and never reuses a number', async () => {
      await hanoi.patch(`${BASE}/${course.id}/trainees/${colleague.id}`, { attendedDays: ALL_DAYS });
      const issued = await hanoi.post(`${BASE}/${course.id}/certificates`, {
        signerName: 'Nguyễn Văn Giám',
        signerTitle: 'Giám đốc',
        traineeIds: [colleague.id],
        issuedOn: '2026-03-05',
      });
      expect(issued.json().issued.map((i: { number: string }) => i.number)).toEqual(['P01-2026-0002']);
      const all = await hanoi.get(`${BASE}/${course.id}/certificates.pdf`);
      expect(all.headers['content-type']).toBe('application/pdf');
      expect(pageCount(all.rawPayload)).toBe(2);
      const removed = await hanoi.delete(`${BASE}/${course.id}/trainees/${colleague.id}`);
      expect(removed.statusCode).toBe(409);
      expect(removed.json().code).toBe('training.has_certificates');
    });
  });

  describe('POST /api/training/courses/{id}/trainees/import', () => {
    const headers = ['Họ và tên', 'Tên đăng nhập', 'Đơn vị, tổ chức', 'Số điện thoại', 'Ghi chú'];

    it('reports every bad row and writes nothing', async () => {
      const body = await sheet(headers, [
        ['Đỗ Thị Mai', null, 'Bưu điện Ba Vì', '0911 222 333', null],
        ['Hồ Văn Sơn', null, 'Bưu điện Sóc Sơn', '0123', null],
        [null, 'khong.co.ai', null, null, null],
        ['Đỗ T. Mai', null, 'Bưu điện Ba Vì', '911222333', null],
        ['Nguyễn Thị Lan', null, 'Bưu điện Thường Tín', '0912000111', null],
      ]);
      const response = await hanoi.post(`${BASE}/${course.id}/trainees/import`, body, { 'content-type': XLSX });
      expect(response.statusCode).toBe(422);
      const report = response.json<TImportReport>();
      expect(report.applied).toBe(false);
      expect(report.rejected.map((r) => [r.row, r.field])).toEqual([
        [3, 'phone'],
        [4, 'username'],
        [5, 'phone'],
        [6, 'phone'],
      ]);
      expect(report.rejected[2]!.message).toContain('2');
      expect(await traineeCount()).toBe(3);
    });

    it('checks without writing on a dry run, then adds every row, audited', async () => {
      const body = await sheet(headers, [
        ['Đỗ Thị Mai', null, 'Bưu điện Ba Vì', '0911 222 333', null],
        [null, 'hanoi.viewer', null, null, 'Theo dõi'],
      ]);
      const dry = await hanoi.post(`${BASE}/${course.id}/trainees/import?dryRun=true`, body, { 'content-type': XLSX });
      expect(dry.json()).toEqual({ applied: false, created: 2, updated: 0, rejected: [] });
      expect(await traineeCount()).toBe(3);
      const since = await t.lastAuditSeq();
      const real = await hanoi.post(`${BASE}/${course.id}/trainees/import`, body, { 'content-type': XLSX });
      expect(real.json()).toMatchObject({ applied: true, created: 2 });
      expect(await traineeCount()).toBe(5);
      expect((await t.auditSince(since)).map((a) => a.action)).toEqual(['import_trainees', 'import_trainees']);
    });
  });

  describe('GET /api/training/courses', () => {
    it('finds courses by accent-free text and filters, within the scope only', async () => {
      const found = (await hanoi.get(`${BASE}?q=buu%20dien&audience=post_office_staff&status=held`)).json<{
        items: TTrainingCourse[];
        total: number;
      }>();
      expect(found.items.map((c) => [c.id, c.traineeCount, c.certificateCount])).toEqual([[course.id, 5, 2]]);
      expect((await hanoi.get(`${BASE}?audience=union_members`)).json().total).toBe(0);
      expect((await hanoi.get(`${BASE}?from=2026-03-04&to=2026-03-31`)).json().total).toBe(1);
      expect((await hanoi.get(`${BASE}?from=2026-03-05`)).json().total).toBe(0);
      expect((await danang.get(BASE)).json()).toEqual({ items: [], total: 0 });
    });

    it('hides a course of another province as not found', async () => {
      expect((await danang.get(`${BASE}/${course.id}`)).statusCode).toBe(404);
      expect((await danang.get(`${BASE}/${course.id}/certificates.pdf`)).statusCode).toBe(404);
      const edit = await danang.patch(`${BASE}/${course.id}/trainees/${external.id}`, { score: 10 });
      expect(edit.statusCode).toBe(404);
    });

    it('exports the list as Excel', async () => {
      const response = await hanoi.get(`${BASE}/export.xlsx`);
      expect(response.headers['content-type']).toBe(XLSX);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const ws = book.worksheets[0]!;
      expect(ws.rowCount).toBe(2);
      expect(ws.getRow(2).getCell(1).value).toBe(courseInput().title);
      expect(ws.getRow(2).getCell(9).value).toBe(5);
    });
  });

  describe('closing', () => {
    it('locks a closed course against changes and refuses to move it back', async () => {
      const current = (await hanoi.get(`${BASE}/${course.id}`)).json<TTrainingCourseDetail>();
      const closed = await hanoi.patch(`${BASE}/${course.id}`, { status: 'closed', version: current.version });
      expect(closed.json()).toMatchObject({ status: 'closed' });
      const edit = await hanoi.patch(`${BASE}/${course.id}/trainees/${absent.id}`, { score: 10 });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().code).toBe('training.locked');
      const back = await hanoi.patch(`${BASE}/${course.id}`, { status: 'held', version: current.version + 1 });
      expect(back.json().code).toBe('training.locked');
    });
  });
});
