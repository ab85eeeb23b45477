import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TStoredFile } from '@loa/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { transactionRunner } from '../../platform/db/transaction.js';
import { orgUnitsRepository } from '../org-units/index.js';
import { createFilesService, diskFileStore, filesRepository } from './index.js';

let t: TestApp;
let filesDir: string;
let hanoi: Session;
let danang: Session;

const upload = (session: Session, bytes: Buffer, name: string) =>
  session.post('/api/files', bytes, {
    'content-type': 'application/octet-stream',
    'x-file-name': `UTF-8''${encodeURIComponent(name)}`,
  });
const blobFile = (sha: string) => path.join(filesDir, sha.slice(0, 2), sha.slice(2, 4), sha);
const thumbnailFile = (sha: string) =>
  path.join(filesDir, 'thumbnails', sha.slice(0, 2), sha.slice(2, 4), `${sha}.webp`);
const exists = (file: string) =>
  readFile(file).then(
    () => true,
    () => false,
  );
/** A PNG of the given size; `shade` makes its content (and hash) differ from the others. */
const png = (width: number, height: number, shade = 0) =>
  sharp({ create: { width, height, channels: 3, background: { r: shade, g: 120, b: 200 } } })
    .png()
    .toBuffer();
const backdate = (id: string, hours: number) =>
  t.db.pool.query(`UPDATE files SET uploaded_at = now() - make_interval(hours => $2) WHERE id = $1`, [id, hours]);
const fileExists = async (id: string) =>
  (await t.db.pool.query('SELECT 1 FROM files WHERE id = $1', [id])).rows.length === 1;

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(tmpdir(), 'loa-thumbnails-test-'));
  t = await createTestApp({ filesDir });
  await t.createUser({ username: 'hanoi.anh', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'danang.anh', roles: ['province_officer'], unitCode: 'P48' });
  [hanoi, danang] = await Promise.all([t.login('hanoi.anh'), t.login('danang.anh')]);
  // A link table of a test "module": registered, without a foreign key, so only the registry protects it.
  await t.db.pool.query('CREATE TABLE test_file_links (file_id uuid NOT NULL)');
  t.services.files.registerFileReferences({ table: 'test_file_links', column: 'file_id' });
});
afterAll(async () => {
  await t?.close();
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

describe('thumbnails', () => {
  it('makes a 320 px WebP thumbnail of an uploaded PNG and serves it privately, immutable, unsniffed', async () => {
    const original = await png(1200, 800);
    const response = await upload(hanoi, original, 'Ảnh hội nghị.png');
    expect(response.statusCode, response.body).toBe(201);
    const file = response.json<TStoredFile>();
    expect(file).toMatchObject({ kind: 'png', thumbnail: true, width: 1200, height: 800 });

    const thumbnail = await hanoi.get(`/api/files/${file.id}/thumbnail`);
    expect(thumbnail.statusCode).toBe(200);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    expect(thumbnail.headers['x-content-type-options']).toBe('nosniff');
    expect(thumbnail.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    const meta = await sharp(thumbnail.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 213]);
    // Disk round trip: what is served is what the store holds, beside the original.
    expect(await readFile(thumbnailFile(file.sha256))).toEqual(thumbnail.rawPayload);
    expect(await readFile(blobFile(file.sha256))).toEqual(original);
    expect((await hanoi.get(`/api/files/${file.id}`)).json()).toMatchObject({ thumbnail: true, width: 1200 });

    const outside = await danang.get(`/api/files/${file.id}/thumbnail`);
    expect([outside.statusCode, outside.json<{ code: string }>().code]).toEqual([404, 'resource.not_found']);
  });

  it('has none for a text file or an image that does not decode: 404 problem+json, upload still accepted', async () => {
    const text = (await upload(hanoi, Buffer.from('Thông cáo báo chí\n'), 'thong-cao.txt')).json<TStoredFile>();
    expect(text).toMatchObject({ thumbnail: false, width: null, height: null });
    const truncatedPng = (await png(400, 400, 7)).subarray(0, 60);
    const broken = await upload(hanoi, truncatedPng, 'hong.png');
    expect(broken.statusCode, broken.body).toBe(201);
    expect(broken.json<TStoredFile>()).toMatchObject({ kind: 'png', thumbnail: false });
    for (const id of [text.id, broken.json<TStoredFile>().id]) {
      const response = await hanoi.get(`/api/files/${id}/thumbnail`);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'file.no_thumbnail', title: 'Tệp này không có ảnh thu nhỏ' });
    }
  });
});

describe('cleanup of unreferenced files', () => {
  it('deletes a file named by no table after a day, with its blob and thumbnail; keeps linked and recent ones', async () => {
    const [lone, linked, recent] = await Promise.all([png(64, 48, 11), png(64, 48, 12), png(64, 48, 13)]);
    const loneFile = (await upload(hanoi, lone, 'mot-minh.png')).json<TStoredFile>();
    const linkedFile = (await upload(hanoi, linked, 'da-gan.png')).json<TStoredFile>();
    const recentFile = (await upload(hanoi, recent, 'moi-tai.png')).json<TStoredFile>();
    await t.db.pool.query('INSERT INTO test_file_links (file_id) VALUES ($1)', [linkedFile.id]);
    await backdate(loneFile.id, 25);
    await backdate(linkedFile.id, 25);
    await backdate(recentFile.id, 23);
    expect(await exists(thumbnailFile(loneFile.sha256))).toBe(true);

    const seq = await t.lastAuditSeq();
    expect(await t.services.files.deleteUnreferenced()).toBe(1);
    expect([await fileExists(loneFile.id), await fileExists(linkedFile.id), await fileExists(recentFile.id)]).toEqual([
      false,
      true,
      true,
    ]);
    expect(await exists(blobFile(loneFile.sha256))).toBe(false);
    expect(await exists(thumbnailFile(loneFile.sha256))).toBe(false);
    expect(await exists(blobFile(linkedFile.sha256))).toBe(true);
    const audit = await t.auditSince(seq);
    expect(audit.map((a) => [a.action, a.entity_type, a.after?.count])).toEqual([['cleanup', 'file', 1]]);
    expect(await t.services.files.deleteUnreferenced()).toBe(0);
    expect(await t.auditSince(seq)).toHaveLength(1);
  });

  it('keeps a blob shared by two rows until the last of them goes', async () => {
    const shared = await png(80, 60, 21);
    const first = (await upload(hanoi, shared, 'ban-1.png')).json<TStoredFile>();
    const second = (await upload(hanoi, shared, 'ban-2.png')).json<TStoredFile>();
    expect(second.sha256).toBe(first.sha256);
    await backdate(first.id, 48);
    expect(await t.services.files.deleteUnreferenced()).toBe(1);
    expect(await fileExists(second.id)).toBe(true);
    expect(await readFile(blobFile(first.sha256))).toEqual(shared);
    expect((await hanoi.get(`/api/files/${second.id}/thumbnail`)).statusCode).toBe(200);

    await backdate(second.id, 48);
    expect(await t.services.files.deleteUnreferenced()).toBe(1);
    expect(await exists(blobFile(first.sha256))).toBe(false);
    expect(await exists(thumbnailFile(first.sha256))).toBe(false);
  });

  it('never deletes a file a foreign key points at, even from a table nobody registered', async () => {
    await t.db.pool.query('CREATE TABLE test_unregistered_links (file_id uuid REFERENCES files (id))');
    const file = (await upload(hanoi, await png(32, 32, 31), 'khoa-ngoai.png')).json<TStoredFile>();
    await t.db.pool.query('INSERT INTO test_unregistered_links (file_id) VALUES ($1)', [file.id]);
    await backdate(file.id, 30);
    expect(await t.services.files.deleteUnreferenced()).toBe(0);
    expect(await fileExists(file.id)).toBe(true);
  });

  it('does nothing at all when no module registered its references', async () => {
    const bare = createFilesService({
      db: t.db.db,
      runInTransaction: transactionRunner(t.db.db),
      repo: filesRepository,
      recordAudit,
      store: diskFileStore(filesDir),
      maxBytes: 1024 * 1024,
      units: orgUnitsRepository,
    });
    const file = (await upload(hanoi, Buffer.from('Không ai gắn tệp này\n'), 'le-loi.txt')).json<TStoredFile>();
    await backdate(file.id, 72);
    expect(await bare.deleteUnreferenced()).toBe(0);
    expect(await fileExists(file.id)).toBe(true);
    expect(await exists(blobFile(file.sha256))).toBe(true);
  });
});

describe('the registry', () => {
  it('refuses names that are not plain identifiers', () => {
    expect(() => t.services.files.registerFileReferences({ table: 'x; DROP TABLE files', column: 'id' })).toThrow(
      /not a table and column name/,
    );
  });
});
