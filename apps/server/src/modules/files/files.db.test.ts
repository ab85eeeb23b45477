import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TStoredFile } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { SYSTEM_ACTOR } from '../../platform/actor.js';

let t: TestApp;
let filesDir: string;
let hanoi: Session;
let danang: Session;
let viewer: Session;
let admin: Session;
let p01: string;
let p48: string;
let d001: string;

const MAX_MB = 1;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR'),
  Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]),
]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0]), Buffer.from('This program cannot be run')]);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const blobPath = (hash: string) => path.join(filesDir, hash.slice(0, 2), hash.slice(2, 4), hash);

/** Every blob in the store, as paths relative to its root. */
async function blobs(): Promise<string[]> {
  const entries = await readdir(filesDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(filesDir, path.join(e.parentPath, e.name)))
    .sort();
}

const upload = (session: Session, bytes: Buffer, name: string, query = '') =>
  session.post(`/api/files${query}`, bytes, {
    'content-type': 'application/octet-stream',
    'x-file-name': `UTF-8''${encodeURIComponent(name)}`,
  });

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), 'loa-files-test-'));
  t = await createTestApp({ filesDir, maxUploadMb: MAX_MB });
  await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'danang.officer', roles: ['province_officer'], unitCode: 'P48' });
  await t.createUser({ username: 'chi.xem', roles: ['viewer'], unitCode: 'P01' });
  [hanoi, danang, viewer, admin] = await Promise.all([
    t.login('hanoi.officer'),
    t.login('danang.officer'),
    t.login('chi.xem'),
    t.loginAdmin(),
  ]);
  [p01, p48, d001] = await Promise.all([t.unitId('P01'), t.unitId('P48'), t.unitId('D001')]);
});
afterAll(async () => {
  await t?.close();
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

describe('POST /api/files', () => {
  it('stores the upload on disk under ab/cd/<sha256>, byte for byte, and audits it', async () => {
    const seq = await t.lastAuditSeq();
    const response = await upload(hanoi, PDF, 'Kế hoạch truyền thông 2026.pdf');
    expect(response.statusCode, response.body).toBe(201);
    const file = response.json<TStoredFile>();
    expect(file).toMatchObject({
      name: 'Kế hoạch truyền thông 2026.pdf',
      kind: 'pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: sha(PDF),
      orgUnitId: p01,
    });
    expect(await readFile(blobPath(sha(PDF)))).toEqual(PDF);
    const audit = await t.auditSince(seq);
    expect(audit.map((a) => [a.action, a.entity_type, a.entity_id, a.org_unit_id])).toEqual([
      ['upload', 'file', file.id, p01],
    ]);

    const download = await hanoi.get(`/api/files/${file.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(PDF);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `inline; filename="Ke hoach truyen thong 2026.pdf"; filename*=UTF-8''${encodeURIComponent('Kế hoạch truyền thông 2026.pdf')}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toMatch(/^sandbox/);
  });

  it('keeps the same content once: a second upload is a new file row on the same blob', async () => {
    const first = (await upload(hanoi, PNG, 'logo.png')).json<TStoredFile>();
    const second = await upload(admin, PNG, 'logo-ban-sao.png', `?orgUnitId=${p48}`);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json<TStoredFile>()).toMatchObject({ sha256: first.sha256, orgUnitId: p48 });
    expect(second.json<TStoredFile>().id).not.toBe(first.id);
    expect((await blobs()).filter((b) => b.endsWith(sha(PNG)))).toEqual([
      path.join(sha(PNG).slice(0, 2), sha(PNG).slice(2, 4), sha(PNG)),
    ]);
    const download = await hanoi.get(`/api/files/${first.id}/content`);
    expect(download.headers['content-disposition']).toMatch(/^inline; filename="logo.png"/);
  });

  it('downloads what is not an image or PDF as an attachment, as plain text, never HTML', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const file = (await upload(hanoi, html, 'trang.txt')).json<TStoredFile>();
    const download = await hanoi.get(`/api/files/${file.id}/content`);
    expect(download.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);
    expect(download.body).toBe(html.toString());
  });

  it('refuses a program renamed .jpg and a mismatching extension, writing nothing', async () => {
    const before = await blobs();
    const seq = await t.lastAuditSeq();
    const exe = await upload(hanoi, EXE, 'anh-dep.jpg');
    expect(exe.statusCode).toBe(415);
    expect(exe.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(exe.json()).toMatchObject({ code: 'file.type_not_allowed' });
    const mismatch = await upload(hanoi, PDF, 'bang-tinh.xlsx', '');
    expect(mismatch.statusCode).toBe(415);
    expect(mismatch.json()).toMatchObject({ code: 'file.extension_mismatch' });
    expect(mismatch.json<{ title: string }>().title).toContain('.xlsx');
    const empty = await upload(hanoi, Buffer.alloc(0), 'rong.txt');
    expect([empty.statusCode, empty.json<{ code: string }>().code]).toEqual([400, 'file.empty']);
    const unnamed = await hanoi.post('/api/files', PDF, { 'content-type': 'application/octet-stream' });
    expect([unnamed.statusCode, unnamed.json<{ code: string }>().code]).toEqual([400, 'file.name_required']);
    expect(await blobs()).toEqual(before);
    expect(await t.auditSince(seq)).toEqual([]);
  });

  it('answers an upload over the limit with 413 problem+json naming the limit, and stores nothing', async () => {
    const before = await blobs();
    const big = Buffer.alloc(MAX_MB * 1024 * 1024 + 1, 0x61);
    const response = await upload(hanoi, big, 'qua-lon.txt');
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      code: 'file.too_large',
      title: `Tệp vượt quá dung lượng cho phép (${MAX_MB} MB)`,
    });
    expect(await blobs()).toEqual(before);
  });

  it('places files only in units of the uploader’s scope; viewers do not upload', async () => {
    const inside = await upload(hanoi, PDF, 'ba-dinh.pdf', `?orgUnitId=${d001}`);
    expect(inside.statusCode, inside.body).toBe(201);
    const outside = await upload(hanoi, PDF, 'da-nang.pdf', `?orgUnitId=${p48}`);
    expect(outside.statusCode).toBe(400);
    expect(outside.json<{ errors: { field: string; code: string }[] }>().errors).toEqual([
      expect.objectContaining({ field: 'orgUnitId', code: 'validation.unit_out_of_scope' }),
    ]);
    expect((await upload(viewer, PDF, 'xem.pdf')).statusCode).toBe(403);
  });
});

describe('GET /api/files/:id', () => {
  it('isolates provinces: Đà Nẵng cannot see or download a file of Hà Nội (not found, not forbidden)', async () => {
    const file = (await upload(hanoi, PDF, 'noi-bo-ha-noi.pdf')).json<TStoredFile>();
    for (const url of [`/api/files/${file.id}`, `/api/files/${file.id}/content`]) {
      const response = await danang.get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json()).toMatchObject({ code: 'resource.not_found' });
    }
    expect((await hanoi.get(`/api/files/${file.id}`)).json()).toMatchObject({ id: file.id, kind: 'pdf' });
    expect((await admin.get(`/api/files/${file.id}/content`)).rawPayload).toEqual(PDF);
    expect((await viewer.get(`/api/files/${file.id}`)).statusCode).toBe(200);
  });
});

describe('FilesService internal.storeThen', () => {
  it('leaves no row, no audit and no blob behind when the work after the upload fails', async () => {
    const content = Buffer.from('Nội dung chỉ dùng một lần để thử rollback\n');
    const before = await blobs();
    const seq = await t.lastAuditSeq();
    await expect(
      t.services.files.internal.storeThen(SYSTEM_ACTOR, { bytes: content, fileName: 'mot-lan.txt' }, p01, async () => {
        throw new Error('link failed');
      }),
    ).rejects.toThrow('link failed');
    expect(await blobs()).toEqual(before);
    expect(await t.auditSince(seq)).toEqual([]);
    const { rows } = await t.db.pool.query('SELECT 1 FROM files WHERE sha256 = $1', [sha(content)]);
    expect(rows).toEqual([]);
  });

  it('keeps a blob other files already use when the failing upload had the same content', async () => {
    await upload(hanoi, PDF, 'da-co.pdf');
    await expect(
      t.services.files.internal.storeThen(SYSTEM_ACTOR, { bytes: PDF, fileName: 'lan-hai.pdf' }, p01, async () => {
        throw new Error('link failed');
      }),
    ).rejects.toThrow('link failed');
    expect(await readFile(blobPath(sha(PDF)))).toEqual(PDF);
  });
});
