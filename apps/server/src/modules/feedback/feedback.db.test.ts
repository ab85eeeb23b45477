import ExcelJS from 'exceljs';
import type { TFaqEntry, TFeedback, TFeedbackDetail, TPage, TStoredFile } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let hanoi: Session;
let tt: Session;
let thu: Session;
let csxh: Session;
let danang: Session;
let viewer: Session;
let units: Record<'THU' | 'P01' | 'P48' | 'TT', string>;

/** Vietnam's calendar day `offset` days from now. */
const day = (offset: number) => new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  const people = [
    ['fb.hanoi', 'province_officer', 'P01'],
    ['fb.tt', 'comms_center', 'TT'],
    ['fb.thu', 'unit_officer', 'THU'],
    ['fb.csxh', 'unit_officer', 'CSXH'],
    ['fb.danang', 'province_officer', 'P48'],
    ['fb.viewer', 'viewer', 'P79'],
  ] as const;
  for (const [username, role, unitCode] of people)
    await t.createUser({ username, roles: [role], unitCode, fullName: `Cán bộ ${unitCode}` });
  [hanoi, tt, thu, csxh, danang, viewer] = await Promise.all([
    t.login('fb.hanoi'),
    t.login('fb.tt'),
    t.login('fb.thu'),
    t.login('fb.csxh'),
    t.login('fb.danang'),
    t.login('fb.viewer'),
  ]);
  const [THU, P01, P48, TT] = await Promise.all(['THU', 'P01', 'P48', 'TT'].map((code) => t.unitId(code)));
  units = { THU: THU!, P01: P01!, P48: P48!, TT: TT! };
});
afterAll(async () => t?.close());

const ok = async <T>(response: Promise<{ statusCode: number; body: string; json<U>(): U }>, status = 200) => {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  return r.json<T>();
};
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const notificationsOf = async (username: string) =>
  (
    await t.db.pool.query<{ kind: string; title_vi: string; link: string | null }>(
      `SELECT n.kind, n.title_vi, n.link FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE u.username = $1 ORDER BY n.created_at, n.id`,
      [username],
    )
  ).rows;

let serial = 0;
const report = async (session = hanoi, extra: Record<string, unknown> = {}) =>
  ok<TFeedbackDetail>(
    session.post('/api/feedback', {
      title: `Vướng mắc về mức đóng BHXH tự nguyện ${(serial += 1)}`,
      description: 'Người tham gia hỏi mức đóng thấp nhất khi thu nhập thay đổi giữa năm.',
      category: 'collection',
      ...extra,
    }),
    201,
  );

describe('feedback', () => {
  it('runs report → route → answer → re-open → answer → close, with thread, audit and notifications', async () => {
    const pdf = Buffer.from('%PDF-1.7\n% Công văn của BHXH Hà Nội\n%%EOF\n');
    const file = await ok<TStoredFile>(
      hanoi.post('/api/files', pdf, {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('Công văn.pdf'),
      }),
      201,
    );
    const seq = await t.lastAuditSeq();
    const created = await report(hanoi, { fileIds: [file.id] });
    expect(created).toMatchObject({ status: 'new', reporterUnit: { code: 'P01' }, routedUnit: null, dueOn: null });
    expect(created.suggestedUnit?.code).toBe('THU');
    expect(created.messages.map((m) => m.kind)).toEqual(['report']);
    expect(created.messages[0]!.files.map((f) => f.name)).toEqual(['Công văn.pdf']);
    expect(created.can).toMatchObject({ route: false, close: false, reopen: false });
    const central = await ok<TPage<{ code: string }>>(tt.get('/api/feedback/units'));
    expect(central.items.map((u) => u.code)).toEqual(expect.arrayContaining(['THU', 'CSXH', 'TT']));
    expect(central.items.map((u) => u.code)).not.toContain('P01');
    expect((await notificationsOf('fb.tt')).at(-1)).toMatchObject({
      kind: 'assignment',
      link: `/feedback/${created.id}`,
    });

    const routedView = await ok<TFeedbackDetail>(tt.get(`/api/feedback/${created.id}`));
    expect(routedView.can.route).toBe(true);
    const routed = await ok<TFeedbackDetail>(
      tt.post(`/api/feedback/${created.id}/route`, {
        unitId: units.THU,
        version: created.version,
        note: 'Ban Thu trả lời',
      }),
    );
    expect(routed).toMatchObject({ status: 'routed', routedUnit: { code: 'THU' }, dueOn: day(10), overdue: false });
    expect((await notificationsOf('fb.thu')).at(-1)?.title_vi).toContain('Ban Thu');

    // The routed unit reads the reporter's file through the feedback.
    const download = await thu.get(`/api/feedback/${created.id}/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);

    const refused = await csxh.post(`/api/feedback/${created.id}/answer`, {
      answer: 'Trả lời',
      version: routed.version,
    });
    expect(refused.statusCode).toBe(404);

    const answered = await ok<TFeedbackDetail>(
      thu.post(`/api/feedback/${created.id}/answer`, {
        answer: 'Mức đóng bằng 22% mức thu nhập tháng do người tham gia chọn.',
        version: routed.version,
      }),
    );
    expect(answered.status).toBe('answered');
    expect(answered.messages.at(-1)).toMatchObject({
      kind: 'answer',
      authorName: 'Cán bộ THU',
      authorUnit: { code: 'THU' },
    });
    expect((await notificationsOf('fb.hanoi')).some((n) => n.title_vi.includes('đã trả lời'))).toBe(true);

    const seen = await ok<TFeedbackDetail>(hanoi.get(`/api/feedback/${created.id}`));
    expect(seen.can).toMatchObject({ reopen: true, close: true, route: false, answer: false });

    const blank = await hanoi.post(`/api/feedback/${created.id}/reopen`, { comment: '  ', version: seen.version });
    expect(blank.statusCode).toBe(400);
    expect(fieldsOf(blank.json())).toEqual(['comment:validation.required']);

    const reopened = await ok<TFeedbackDetail>(
      hanoi.post(`/api/feedback/${created.id}/reopen`, {
        comment: 'Chưa rõ trường hợp thu nhập thay đổi giữa năm.',
        version: seen.version,
      }),
    );
    expect(reopened).toMatchObject({ status: 'routed', reopenCount: 1, routedUnit: { code: 'THU' } });
    const again = await ok<TFeedbackDetail>(
      thu.post(`/api/feedback/${created.id}/answer`, {
        answer: 'Người tham gia được thay đổi mức thu nhập làm căn cứ đóng khi đổi phương thức đóng.',
        version: reopened.version,
      }),
    );
    const closed = await ok<TFeedbackDetail>(
      hanoi.post(`/api/feedback/${created.id}/close`, { version: again.version }),
    );
    expect(closed.status).toBe('closed');
    expect(closed.messages.map((m) => m.kind)).toEqual(['report', 'route', 'answer', 'reopen', 'answer', 'close']);

    const audit = (await t.auditSince(seq)).filter((a) => a.entity_type === 'feedback');
    expect(audit.map((a) => a.action)).toEqual(['report', 'route', 'answer', 'reopen', 'answer', 'close']);
    expect(audit.every((a) => a.entity_id === created.id && a.org_unit_id === units.P01)).toBe(true);
    expect(audit[1]!.after).toMatchObject({ status: 'routed', routedUnit: 'THU' });
  });

  it('refuses routing to a non-central unit or by others, and writes nothing', async () => {
    const created = await report();
    const seq = await t.lastAuditSeq();
    const toProvince = await tt.post(`/api/feedback/${created.id}/route`, {
      unitId: units.P48,
      version: created.version,
    });
    expect(toProvince.statusCode).toBe(400);
    expect(fieldsOf(toProvince.json())).toEqual(['unitId:feedback.not_central_unit']);
    const past = await tt.post(`/api/feedback/${created.id}/route`, {
      unitId: units.THU,
      dueOn: day(-1),
      version: created.version,
    });
    expect(fieldsOf(past.json())).toEqual(['dueOn:feedback.due_in_past']);
    expect((await hanoi.post(`/api/feedback/${created.id}/route`, { unitId: units.THU, version: 1 })).statusCode).toBe(
      403,
    );
    const early = await hanoi.post(`/api/feedback/${created.id}/close`, { version: created.version });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ code: string }>().code).toBe('feedback.invalid_transition');
    expect(await t.auditSince(seq)).toEqual([]);
    expect((await ok<TFeedbackDetail>(hanoi.get(`/api/feedback/${created.id}`))).status).toBe('new');
  });

  it('lets only the routed unit answer', async () => {
    const created = await report();
    const routed = await ok<TFeedbackDetail>(
      tt.post(`/api/feedback/${created.id}/route`, { unitId: units.THU, version: created.version }),
    );
    // CSXH cannot even see THU's feedback; the Communication Center sees it but did not get it to answer.
    expect((await csxh.get(`/api/feedback/${created.id}`)).statusCode).toBe(404);
    const byCentre = await tt.post(`/api/feedback/${created.id}/answer`, {
      answer: 'Trả lời',
      version: routed.version,
    });
    expect(byCentre.statusCode).toBe(400);
    expect(fieldsOf(byCentre.json())).toEqual(['answer:feedback.not_routed_unit']);
    const empty = await thu.post(`/api/feedback/${created.id}/answer`, { answer: '', version: routed.version });
    expect(fieldsOf(empty.json())).toEqual(['answer:validation.required']);
  });

  it('keeps another province out of the list, the detail and the files', async () => {
    const created = await report();
    expect((await danang.get(`/api/feedback/${created.id}`)).statusCode).toBe(404);
    const list = await ok<TPage<TFeedback>>(danang.get('/api/feedback?pageSize=1000'));
    expect(list.items.some((f) => f.reporterUnit.code === 'P01')).toBe(false);
    const mine = await ok<TPage<TFeedback>>(hanoi.get('/api/feedback?pageSize=1000&status=new'));
    expect(mine.items.map((f) => f.id)).toContain(created.id);
    const foreign = await danang.post('/api/feedback', {
      title: 'Vướng mắc',
      description: 'Nội dung',
      category: 'other',
      reporterUnitId: units.P01,
    });
    expect(fieldsOf(foreign.json())).toEqual(['reporterUnitId:feedback.reporter_unit']);
  });

  it('filters overdue ones, exports them and reminds the routed unit', async () => {
    const created = await report();
    await ok(
      tt.post(`/api/feedback/${created.id}/route`, { unitId: units.THU, dueOn: day(0), version: created.version }),
    );
    const ahead = await ok<TPage<TFeedback>>(thu.get('/api/feedback?overdue=true&pageSize=1000'));
    expect(ahead.items.map((f) => f.id)).not.toContain(created.id);
    await t.db.pool.query(`UPDATE feedback SET due_on = due_on - 3 WHERE id = $1`, [created.id]);
    const overdue = await ok<TPage<TFeedback>>(thu.get('/api/feedback?overdue=true&pageSize=1000'));
    expect(overdue.items.find((f) => f.id === created.id)?.overdue).toBe(true);

    const excel = await thu.get('/api/feedback/export.xlsx?overdue=true');
    expect(excel.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(excel.rawPayload as unknown as ArrayBuffer);
    const titles = book.worksheets[0]!.getColumn(5).values.slice(2);
    expect(titles).toContain(created.title);

    await t.services.notifications.notifyDueDeadlines(new Date());
    const missed = (await notificationsOf('fb.thu')).filter((n) => n.kind === 'deadline_missed');
    expect(missed.some((n) => n.title_vi.includes(created.title) && n.link === `/feedback/${created.id}`)).toBe(true);
  });
});

describe('faq', () => {
  it('publishes an answered feedback, finds it without accents, edits and archives it', async () => {
    const created = await report();
    const unanswered = await tt.post('/api/faq', {
      question: 'Mức đóng?',
      answer: 'Trả lời',
      category: 'collection',
      sourceFeedbackId: created.id,
    });
    expect(unanswered.statusCode).toBe(400);
    expect(fieldsOf(unanswered.json())).toEqual(['sourceFeedbackId:feedback.not_answered']);

    const routed = await ok<TFeedbackDetail>(
      tt.post(`/api/feedback/${created.id}/route`, { unitId: units.THU, version: created.version }),
    );
    const answered = await ok<TFeedbackDetail>(
      thu.post(`/api/feedback/${created.id}/answer`, {
        answer: 'Mức đóng hằng tháng bằng 22%.',
        version: routed.version,
      }),
    );
    expect(answered.can.publish).toBe(true);
    expect((await ok<TFeedbackDetail>(hanoi.get(`/api/feedback/${created.id}`))).can.publish).toBe(false);

    const blank = await thu.post('/api/faq', { question: ' ', answer: '', category: 'collection' });
    expect(fieldsOf(blank.json())).toEqual(['question:validation.required', 'answer:validation.required']);

    const seq = await t.lastAuditSeq();
    const entry = await ok<TFaqEntry>(
      thu.post('/api/faq', {
        question: 'Mức đóng BHXH tự nguyện hằng tháng là bao nhiêu?',
        answer: 'Bằng 22% mức thu nhập tháng do người tham gia lựa chọn.',
        category: 'collection',
        tags: ['BHXH tự nguyện', 'bhxh tu nguyen', ' mức đóng '],
        sourceFeedbackId: created.id,
      }),
      201,
    );
    expect(entry).toMatchObject({ ownerUnit: { code: 'THU' }, status: 'published', canEdit: true });
    expect(entry.tags).toEqual(['BHXH tự nguyện', 'mức đóng']);
    const twice = await tt.post('/api/faq', {
      question: 'Lần nữa',
      answer: 'Lần nữa',
      category: 'collection',
      sourceFeedbackId: created.id,
    });
    expect(fieldsOf(twice.json())).toEqual(['sourceFeedbackId:feedback.already_published']);

    const found = await ok<TPage<TFaqEntry>>(viewer.get('/api/faq?q=muc%20dong'));
    expect(found.items.map((e) => e.id)).toContain(entry.id);
    expect(found.items.find((e) => e.id === entry.id)?.canEdit).toBe(false);
    const none = await ok<TPage<TFaqEntry>>(viewer.get('/api/faq?q=muc%20dong%20thai%20san'));
    expect(none.items.map((e) => e.id)).not.toContain(entry.id);

    expect((await csxh.patch(`/api/faq/${entry.id}`, { version: entry.version, answer: 'Khác' })).statusCode).toBe(403);
    const edited = await ok<TFaqEntry>(
      tt.patch(`/api/faq/${entry.id}`, { version: entry.version, answer: 'Bằng 22% mức thu nhập tháng đã chọn.' }),
    );
    expect(edited.updatedByName).toBe('Cán bộ TT');
    const archived = await ok<TFaqEntry>(
      thu.patch(`/api/faq/${entry.id}`, { version: edited.version, status: 'archived' }),
    );
    expect(archived.status).toBe('archived');
    const gone = await ok<TPage<TFaqEntry>>(viewer.get('/api/faq?q=muc%20dong'));
    expect(gone.items.map((e) => e.id)).not.toContain(entry.id);
    expect((await viewer.get('/api/faq?status=archived')).statusCode).toBe(403);

    const audit = (await t.auditSince(seq)).filter((a) => a.entity_type === 'faq_entry');
    expect(audit.map((a) => a.action)).toEqual(['publish', 'update', 'archive']);
    expect(audit[0]!.after).toMatchObject({ sourceFeedbackId: created.id, ownerUnit: 'THU' });
  });

  it('lets only the Communication Center write an entry from scratch, with a valid legal basis', async () => {
    const basis = { question: 'Thẻ BHYT điện tử dùng thế nào?', answer: 'Dùng ứng dụng VssID.', category: 'cards' };
    expect((await hanoi.post('/api/faq', basis)).statusCode).toBe(403);
    const bad = await tt.post('/api/faq', { ...basis, regulationIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(fieldsOf(bad.json())).toEqual(['regulationIds.0:validation.invalid_value']);
    const { rows } = await t.db.pool.query<{ id: string }>(`SELECT id FROM regulations ORDER BY issued_on LIMIT 1`);
    const regulationIds = rows.map((r) => r.id);
    const entry = await ok<TFaqEntry>(tt.post('/api/faq', { ...basis, regulationIds }), 201);
    expect(entry.ownerUnit.code).toBe('TT');
    expect(entry.regulations.map((r) => r.id)).toEqual(regulationIds);
    const found = await ok<TPage<TFaqEntry>>(hanoi.get('/api/faq?q=the%20bhyt%20dien%20tu&category=cards'));
    expect(found.items.map((e) => e.id)).toEqual([entry.id]);
  });
});
