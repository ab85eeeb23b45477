import ExcelJS from 'exceljs';
import sharp from 'sharp';
import type { TAppraisalQueueItem, TPage, TProductAppraisals, TProductDetail, TStoredFile } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';

let t: TestApp;
let hanoi: Session;
let thu: Session;
let pc: Session;
let csxh: Session;
let danang: Session;
let units: Record<'THU' | 'PC' | 'CSXH' | 'P48', string>;

const day = (offset: number) => new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const DUE = day(10);

beforeAll(async () => {
  t = await createTestApp();
  const people = [
    ['hanoi.officer', 'province_officer', 'P01'],
    ['thu.officer', 'unit_officer', 'THU'],
    ['pc.officer', 'unit_officer', 'PC'],
    ['csxh.officer', 'unit_officer', 'CSXH'],
    ['danang.officer', 'province_officer', 'P48'],
  ] as const;
  for (const [username, role, unitCode] of people)
    await t.createUser({ username, roles: [role], unitCode, fullName: `Cán bộ ${unitCode}` });
  [hanoi, thu, pc, csxh, danang] = await Promise.all([
    t.login('hanoi.officer'),
    t.login('thu.officer'),
    t.login('pc.officer'),
    t.login('csxh.officer'),
    t.login('danang.officer'),
  ]);
  const [THU, PC, CSXH, P48] = await Promise.all(['THU', 'PC', 'CSXH', 'P48'].map((code) => t.unitId(code)));
  units = { THU: THU!, PC: PC!, CSXH: CSXH!, P48: P48! };
});
afterAll(async () => t?.close());

let serial = 0;
const createProduct = async (themeCodes = ['II.2.a', 'II.1.a']) => {
  const response = await hanoi.post('/api/products', {
    guidanceYear: 2020,
    typeCode: 'article',
    title: `BHXH tự nguyện cho lao động tự do ${(serial += 1)}`,
    summary: 'Bài viết về mức đóng.',
    body: 'Mức đóng thấp nhất.\n',
    themeCodes,
    audienceCodes: ['I.2'],
    channelCodes: ['tv'],
    authors: ['Nguyễn Thị Lan'],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TProductDetail>();
};
const ok = async <T>(response: Promise<{ statusCode: number; body: string; json<U>(): U }>, status = 200) => {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  return r.json<T>();
};
const overview = (session: Session, id: string) =>
  ok<TProductAppraisals>(session.get(`/api/products/${id}/appraisals`));
const request = (id: string, unitIds: string[], dueOn = DUE) =>
  hanoi.post(`/api/products/${id}/appraisals`, { unitIds, dueOn, note: 'Xin ý kiến trước khi đăng' });
const opinion = (session: Session, id: string, appraisalId: string, body: Record<string, unknown>) =>
  session.post(`/api/products/${id}/appraisals/${appraisalId}/opinions`, body);
const edit = async (id: string, title: string) => {
  const product = await ok<TProductDetail>(hanoi.get(`/api/products/${id}`));
  return ok<TProductDetail>(hanoi.patch(`/api/products/${id}`, { version: product.version, title }));
};
const stateOf = (view: TProductAppraisals, code: string) => view.appraisals.find((a) => a.unit.code === code)?.state;
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

describe('appraisal of products', () => {
  it('suggests the owners of the themes; a request moves the draft into appraisal, audited and notified', async () => {
    const product = await createProduct();
    const before = await overview(hanoi, product.id);
    expect(before.suggestedUnits.map((u) => u.code)).toEqual(['THU', 'CSXH', 'PC']);
    expect(before).toMatchObject({ readyable: false, canRequest: true, appraisals: [] });

    const seq = await t.lastAuditSeq();
    const view = await ok<TProductAppraisals>(request(product.id, [units.THU, units.PC]), 201);
    expect(view.status).toBe('in_appraisal');
    expect(view.appraisals.map((a) => [a.unit.code, a.state, a.dueOn])).toEqual(
      expect.arrayContaining([
        ['THU', 'pending', DUE],
        ['PC', 'pending', DUE],
      ]),
    );
    expect(view.suggestedUnits.map((u) => u.code)).toEqual(['CSXH']);
    const audit = await t.auditSince(seq);
    expect(audit.map((a) => `${a.entity_type}:${a.action}`)).toEqual([
      'product_appraisal:request_appraisal',
      'product_appraisal:request_appraisal',
      'product:change_status',
    ]);
    expect(new Set(audit.map((a) => a.xmin)).size).toBe(1);
    expect(await notificationsOf('thu.officer')).toContainEqual({
      kind: 'assignment',
      title_vi: `Đề nghị thẩm định: ${product.title}`,
      link: `/products/${product.id}?tab=appraisals`,
    });
  });

  it('goes from changes requested, through an edit that re-opens it, to approved and ready', async () => {
    const product = await createProduct();
    const asked = await ok<TProductAppraisals>(request(product.id, [units.THU, units.PC]), 201);
    const thuId = asked.appraisals.find((a) => a.unit.code === 'THU')!.id;
    const pcId = asked.appraisals.find((a) => a.unit.code === 'PC')!.id;

    // Ban Thu reads the province's product it was asked about, but cannot change it.
    const read = await ok<TProductDetail>(thu.get(`/api/products/${product.id}`));
    expect(read.canEdit).toBe(false);
    expect((await thu.get(`/api/products/${product.id}/versions`)).statusCode).toBe(200);
    const patch = await thu.patch(`/api/products/${product.id}`, { version: read.version, title: 'Sửa trộm' });
    expect(patch.statusCode).toBe(403);
    const thuView = await overview(thu, product.id);
    expect(thuView.canRequest).toBe(false);
    expect(thuView.appraisals.find((a) => a.id === thuId)?.canGiveOpinion).toBe(true);
    expect(thuView.appraisals.find((a) => a.id === pcId)?.canGiveOpinion).toBe(false);

    // Comments are required unless the unit simply approves.
    const bare = await opinion(thu, product.id, thuId, { verdict: 'approve_with_changes' });
    expect(bare.statusCode).toBe(400);
    expect(fieldsOf(bare.json())).toEqual(['comments:validation.required']);

    const changes = await ok<TProductAppraisals>(
      opinion(thu, product.id, thuId, { verdict: 'approve_with_changes', comments: 'Sửa mức đóng năm 2026.' }),
      201,
    );
    expect(stateOf(changes, 'THU')).toBe('changes_requested');
    expect(changes.appraisals.find((a) => a.id === thuId)?.opinions[0]).toMatchObject({
      productVersion: 1,
      verdict: 'approve_with_changes',
      signer: { name: 'Cán bộ THU' },
    });
    expect((await notificationsOf('hanoi.officer')).map((n) => n.kind)).toContain('status_change');

    // Not ready: the problem names the units still missing.
    const refused = await hanoi.post(`/api/products/${product.id}/ready`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'appraisal.not_approved' });
    expect(refused.json<{ title: string }>().title).toContain('Ban Thu');
    expect(fieldsOf(refused.json()).sort()).toEqual([
      'appraisals.PC:validation.appraisal_not_approved',
      'appraisals.THU:validation.appraisal_not_approved',
    ]);

    await edit(product.id, `${product.title} (sửa theo ý kiến Ban Thu)`);
    expect(stateOf(await overview(hanoi, product.id), 'THU')).toBe('reopened');
    await ok(opinion(thu, product.id, thuId, { verdict: 'approve' }), 201);
    const approved = await ok<TProductAppraisals>(opinion(pc, product.id, pcId, { verdict: 'approve' }), 201);
    expect([stateOf(approved, 'THU'), stateOf(approved, 'PC')]).toEqual(['approved', 'approved']);
    expect(approved.readyable).toBe(true);

    const seq = await t.lastAuditSeq();
    const ready = await ok<TProductAppraisals>(hanoi.post(`/api/products/${product.id}/ready`));
    expect(ready.status).toBe('ready');
    expect(ready.readyAt).not.toBeNull();
    expect((await t.auditSince(seq)).map((a) => `${a.entity_type}:${a.action}`)).toEqual(['product:mark_ready']);

    // An edit of the ready product takes it back into appraisal and re-opens the approvals.
    const edited = await edit(product.id, `${product.title} (bản cuối)`);
    expect(edited).toMatchObject({ status: 'in_appraisal', readyAt: null });
    const reopened = await overview(hanoi, product.id);
    expect([stateOf(reopened, 'THU'), stateOf(reopened, 'PC'), reopened.readyable]).toEqual([
      'reopened',
      'reopened',
      false,
    ]);
  });

  it('takes a published product back into appraisal when it is edited', async () => {
    const product = await createProduct();
    const asked = await ok<TProductAppraisals>(request(product.id, [units.THU]), 201);
    await ok(opinion(thu, product.id, asked.appraisals[0]!.id, { verdict: 'approve' }), 201);
    await ok(hanoi.post(`/api/products/${product.id}/ready`));
    await t.services.runInTransaction((tx) => t.services.products.internal.markPublished(tx, SYSTEM_ACTOR, product.id));
    expect((await ok<TProductDetail>(hanoi.get(`/api/products/${product.id}`))).status).toBe('published');
    const edited = await edit(product.id, `${product.title} (cập nhật số liệu)`);
    expect(edited).toMatchObject({ status: 'in_appraisal', readyAt: null, currentVersion: 2 });
    expect(stateOf(await overview(hanoi, product.id), 'THU')).toBe('reopened');
  });

  it('refuses an opinion from an officer of a unit that was not asked', async () => {
    const product = await createProduct();
    const asked = await ok<TProductAppraisals>(request(product.id, [units.THU]), 201);
    const response = await opinion(csxh, product.id, asked.appraisals[0]!.id, { verdict: 'approve' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'appraisal.not_requested_unit' });
    expect((await csxh.get(`/api/products/${product.id}`)).statusCode).toBe(404);
    expect(stateOf(await overview(hanoi, product.id), 'THU')).toBe('pending');
  });

  it('shows the asked unit the product’s images as thumbnails, through the product', async () => {
    const product = await createProduct();
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#1e88e5' } })
      .png()
      .toBuffer();
    const added = await hanoi.post(`/api/products/${product.id}/files`, png, {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent('Infographic mức đóng.png'),
    });
    expect(added.statusCode, added.body).toBe(201);
    const fileId = added.json<{ file: TStoredFile }>().file.id;
    const thumbnail = `/api/products/${product.id}/files/${fileId}/thumbnail`;
    // Before it is asked, Ban Thu does not see the product; the file's own route is for the file's unit only.
    expect((await thu.get(thumbnail)).statusCode).toBe(404);
    await ok(request(product.id, [units.THU]), 201);
    const served = await thu.get(thumbnail);
    expect(served.statusCode, served.body).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
    expect((await sharp(served.rawPayload).metadata()).width).toBe(320);
    expect((await thu.get(`/api/files/${fileId}/thumbnail`)).statusCode).toBe(404);
  });

  it('keeps another province out and checks every asked unit field by field', async () => {
    const product = await createProduct();
    expect((await danang.get(`/api/products/${product.id}/appraisals`)).statusCode).toBe(404);
    const foreign = await danang.post(`/api/products/${product.id}/appraisals`, { unitIds: [units.THU], dueOn: DUE });
    expect(foreign.statusCode).toBe(404);

    await ok(request(product.id, [units.THU]), 201);
    const bad = await request(product.id, [units.P48, units.THU]);
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual([
      'unitIds.0:validation.not_central_unit',
      'unitIds.1:validation.appraisal_requested',
    ]);
    const past = await request(product.id, [units.PC], day(-1));
    expect(fieldsOf(past.json())).toEqual(['dueOn:validation.due_in_past']);
    expect((await overview(hanoi, product.id)).appraisals).toHaveLength(1);
  });

  it('returns a product to draft when its last request is withdrawn; the withdrawn request takes no opinion', async () => {
    const product = await createProduct();
    const asked = await ok<TProductAppraisals>(request(product.id, [units.THU]), 201);
    const id = asked.appraisals[0]!.id;
    expect((await thu.delete(`/api/products/${product.id}/appraisals/${id}`)).statusCode).toBe(403);
    const seq = await t.lastAuditSeq();
    const withdrawn = await ok<TProductAppraisals>(hanoi.delete(`/api/products/${product.id}/appraisals/${id}`));
    expect(withdrawn.status).toBe('draft');
    expect(stateOf(withdrawn, 'THU')).toBe('withdrawn');
    expect((await t.auditSince(seq)).map((a) => a.action)).toEqual(['withdraw', 'change_status']);
    const late = await opinion(thu, product.id, id, { verdict: 'approve' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'appraisal.withdrawn' });
    // Asked again after the withdrawal.
    expect((await request(product.id, [units.THU])).statusCode).toBe(201);
  });

  it('attaches the officer’s own files to the opinion, downloadable by the owner', async () => {
    const product = await createProduct();
    const asked = await ok<TProductAppraisals>(request(product.id, [units.THU]), 201);
    const pdf = Buffer.from('%PDF-1.7\n% Công văn góp ý của Ban Thu\n%%EOF\n');
    const upload = (session: Session) =>
      session.post('/api/files', pdf, {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('Góp ý Ban Thu.pdf'),
      });
    const mine = await ok<TStoredFile>(upload(thu), 201);
    const other = await ok<TStoredFile>(upload(csxh), 201);
    const id = asked.appraisals[0]!.id;
    const foreign = await opinion(thu, product.id, id, {
      verdict: 'reject',
      comments: 'Sai số liệu',
      fileIds: [other.id],
    });
    expect(fieldsOf(foreign.json())).toEqual(['fileIds.0:validation.invalid_value']);
    const view = await ok<TProductAppraisals>(
      opinion(thu, product.id, id, { verdict: 'reject', comments: 'Sai số liệu', fileIds: [mine.id] }),
      201,
    );
    expect(view.appraisals[0]!.opinions[0]!.files.map((f) => f.id)).toEqual([mine.id]);
    const download = await hanoi.get(`/api/products/${product.id}/appraisals/${id}/files/${mine.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(pdf);
    expect((await danang.get(`/api/products/${product.id}/appraisals/${id}/files/${mine.id}`)).statusCode).toBe(404);
  });
});

describe('appraisal queue and reminders', () => {
  it('lists the unit’s requests awaiting its opinion, filters and exports them', async () => {
    const product = await createProduct();
    await ok(request(product.id, [units.PC], day(1)), 201);
    const queue = await ok<TPage<TAppraisalQueueItem>>(thu.get('/api/appraisals/queue?pageSize=100'));
    expect(queue.items.every((i) => i.unit.code === 'THU' && ['pending', 'reopened'].includes(i.state))).toBe(true);
    const pcQueue = await ok<TPage<TAppraisalQueueItem>>(
      pc.get(`/api/appraisals/queue?q=${encodeURIComponent(product.title)}`),
    );
    expect(pcQueue.items.map((i) => [i.product.id, i.state, i.dueOn, i.overdue])).toEqual([
      [product.id, 'pending', day(1), false],
    ]);
    expect((await ok<TPage<TAppraisalQueueItem>>(pc.get('/api/appraisals/queue?overdue=true'))).items).toEqual([]);
    const dues = (await ok<TPage<TAppraisalQueueItem>>(pc.get('/api/appraisals/queue?pageSize=100'))).items.map(
      (i) => i.dueOn,
    );
    expect(dues).toEqual([...dues].sort());
    expect((await pc.get('/api/appraisals/queue?sort=title')).statusCode).toBe(400);

    const xlsx = await pc.get(`/api/appraisals/queue/export.xlsx?q=${encodeURIComponent(product.title)}`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Sản phẩm');
    expect(sheet.getRow(2).getCell(1).value).toBe(product.title);
    expect(sheet.rowCount).toBe(2);
  });

  it('reminds the asked unit two days before and on the due day, once each, then once when missed', async () => {
    const product = await createProduct(['II.1.e']);
    const asked = await ok<TProductAppraisals>(request(product.id, [units.CSXH], day(20)), 201);
    const id = asked.appraisals[0]!.id;
    const count = async (kind: string) =>
      (
        await t.db.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE u.username = 'csxh.officer' AND n.entity_id = $1 AND n.kind = $2`,
          [id, kind],
        )
      ).rows[0]!.n;
    const run = (offset: number) => t.services.notifications.notifyDueDeadlines(new Date(`${day(offset)}T02:00:00Z`));

    await run(17);
    expect(await count('deadline_approaching')).toBe(0);
    await run(18);
    await run(19);
    expect(await count('deadline_approaching')).toBe(1);
    await run(20);
    await run(20);
    expect(await count('deadline_approaching')).toBe(2);
    await run(21);
    await run(22);
    expect(await count('deadline_missed')).toBe(1);
  });
});
