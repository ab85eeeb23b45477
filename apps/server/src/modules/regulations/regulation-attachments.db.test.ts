import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TRegulationAttachment, TRegulationDetail } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let filesDir: string;
let hanoi: Session;
let danang: Session;
let viewer: Session;
let comms: Session;
let p01: string;

const PDF = Buffer.from('%PDF-1.7\n% Quyết định ban hành kế hoạch\n%%EOF\n');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const blobCount = async () =>
  (await readdir(filesDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
const linkCount = async (regulationId: string) =>
  (
    await t.db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM regulation_attachments WHERE regulation_id = $1',
      [regulationId],
    )
  ).rows[0]!.n;

let serial = 7000;
async function createRegulation(session: Session, overrides: Record<string, unknown> = {}): Promise<TRegulationDetail> {
  const response = await session.post('/api/regulations', {
    number: `${(serial += 1)}/BHXH-TT`,
    kind: 'cong_van',
    issuer: 'BHXH thành phố Hà Nội',
    issuedOn: '2026-06-01',
    summary: 'V/v tuyên truyền chính sách BHXH tự nguyện',
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TRegulationDetail>();
}

const attach = (session: Session, regulationId: string, bytes: Buffer, name: string, query = '') =>
  session.post(`/api/regulations/${regulationId}/attachments${query}`, bytes, {
    'content-type': 'application/octet-stream',
    'x-file-name': encodeURIComponent(name),
  });

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), 'loa-attachments-test-'));
  t = await createTestApp({ filesDir });
  await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'danang.officer', roles: ['province_officer'], unitCode: 'P48' });
  await t.createUser({ username: 'tt.officer', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'chi.xem', roles: ['viewer'], unitCode: 'P79' });
  [hanoi, danang, comms, viewer] = await Promise.all([
    t.login('hanoi.officer'),
    t.login('danang.officer'),
    t.login('tt.officer'),
    t.login('chi.xem'),
  ]);
  p01 = await t.unitId('P01');
});
afterAll(async () => {
  await t?.close();
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

describe('regulation attachments routes', () => {
  it('adds, lists, downloads and removes an attachment, audited, for the editors of the document', async () => {
    const regulation = await createRegulation(hanoi);
    expect(regulation.attachments).toEqual([]);
    const seq = await t.lastAuditSeq();

    const added = await attach(hanoi, regulation.id, PDF, 'Quyết định 595.pdf', '?title=B%E1%BA%A3n%20k%C3%BD');
    expect(added.statusCode, added.body).toBe(201);
    const attachment = added.json<TRegulationAttachment>();
    expect(attachment).toMatchObject({
      title: 'Bản ký',
      sortOrder: 1,
      file: { name: 'Quyết định 595.pdf', kind: 'pdf', size: PDF.length, sha256: sha(PDF), orgUnitId: p01 },
    });
    const second = (
      await attach(hanoi, regulation.id, Buffer.from('Phụ lục\n'), 'Phụ lục 1.txt')
    ).json<TRegulationAttachment>();
    expect(second).toMatchObject({ title: 'Phụ lục 1', sortOrder: 2 });

    const audit = await t.auditSince(seq);
    expect(audit.map((a) => [a.action, a.entity_type])).toEqual([
      ['upload', 'file'],
      ['attach', 'regulation'],
      ['upload', 'file'],
      ['attach', 'regulation'],
    ]);
    expect(audit[1]).toMatchObject({ entity_id: regulation.id, org_unit_id: p01 });
    expect(audit[0]!.xmin).toBe(audit[1]!.xmin);

    const detail = (await viewer.get(`/api/regulations/${regulation.id}`)).json<TRegulationDetail>();
    expect(detail.attachments.map((a) => a.title)).toEqual(['Bản ký', 'Phụ lục 1']);
    const listed = await viewer.get(`/api/regulations/${regulation.id}/attachments`);
    expect(listed.json<TRegulationAttachment[]>().map((a) => a.file.id)).toEqual([attachment.file.id, second.file.id]);

    // Everyone who reads the document downloads its attachments, even outside the unit's scope.
    const download = await viewer.get(`/api/regulations/${regulation.id}/attachments/${attachment.file.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(PDF);
    expect(download.headers['content-disposition']).toMatch(/^inline; filename="Quyet dinh 595.pdf"/);
    expect((await viewer.get(`/api/files/${attachment.file.id}/content`)).statusCode).toBe(404);

    const removeSeq = await t.lastAuditSeq();
    const removed = await hanoi.delete(`/api/regulations/${regulation.id}/attachments/${attachment.file.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await t.auditSince(removeSeq)).map((a) => [a.action, a.before])).toEqual([
      ['detach', { fileId: attachment.file.id, title: 'Bản ký' }],
    ]);
    const after = (await hanoi.get(`/api/regulations/${regulation.id}`)).json<TRegulationDetail>();
    expect(after.attachments.map((a) => a.title)).toEqual(['Phụ lục 1']);
    const gone = await viewer.get(`/api/regulations/${regulation.id}/attachments/${attachment.file.id}/content`);
    expect(gone.statusCode).toBe(404);
    expect((await hanoi.delete(`/api/regulations/${regulation.id}/attachments/${attachment.file.id}`)).statusCode).toBe(
      404,
    );
  });

  it('lets only who may edit the document attach or remove, and stores nothing for the others', async () => {
    const regulation = await createRegulation(hanoi);
    const blobs = await blobCount();
    const seq = await t.lastAuditSeq();
    const other = Buffer.from('%PDF-1.4\n% tỉnh khác\n%%EOF\n');
    expect((await attach(danang, regulation.id, other, 'khac.pdf')).statusCode).toBe(403);
    expect((await attach(viewer, regulation.id, other, 'khac.pdf')).statusCode).toBe(403);
    expect((await attach(comms, regulation.id, other, 'khac.pdf')).statusCode).toBe(403);
    expect(await blobCount()).toBe(blobs);
    expect(await t.auditSince(seq)).toEqual([]);

    const mine = (await attach(hanoi, regulation.id, PDF, 'ban-ky.pdf')).json<TRegulationAttachment>();
    const url = `/api/regulations/${regulation.id}/attachments/${mine.file.id}`;
    expect((await danang.delete(url)).statusCode).toBe(403);
    expect(await linkCount(regulation.id)).toBe(1);
  });

  it('refuses a disguised file with problem+json and leaves neither file nor link', async () => {
    const regulation = await createRegulation(hanoi);
    const blobs = await blobCount();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0]), Buffer.from('program')]);
    const response = await attach(hanoi, regulation.id, exe, 'so-do.jpg');
    expect(response.statusCode).toBe(415);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'file.type_not_allowed' });
    expect(await linkCount(regulation.id)).toBe(0);
    expect(await blobCount()).toBe(blobs);
  });

  it('answers not found for an unknown document without storing the upload', async () => {
    const blobs = await blobCount();
    const unique = Buffer.from(`%PDF-1.7\n% ${Date.now()}-${Math.random()}\n%%EOF\n`);
    const response = await attach(hanoi, '00000000-0000-4000-8000-000000000000', unique, 'x.pdf');
    expect(response.statusCode).toBe(404);
    expect(await blobCount()).toBe(blobs);
    expect(await t.db.pool.query('SELECT 1 FROM files WHERE sha256 = $1', [sha(unique)])).toMatchObject({ rows: [] });
  });

  it('removes the links when the document is deleted; the stored content stays for its file row', async () => {
    const regulation = await createRegulation(hanoi);
    const added = (await attach(hanoi, regulation.id, PDF, 'ban-ky.pdf')).json<TRegulationAttachment>();
    expect((await hanoi.delete(`/api/regulations/${regulation.id}`)).statusCode).toBe(204);
    expect(await linkCount(regulation.id)).toBe(0);
    expect((await hanoi.get(`/api/files/${added.file.id}/content`)).rawPayload).toEqual(PDF);
    expect(await readFile(path.join(filesDir, sha(PDF).slice(0, 2), sha(PDF).slice(2, 4), sha(PDF)))).toEqual(PDF);
  });
});
