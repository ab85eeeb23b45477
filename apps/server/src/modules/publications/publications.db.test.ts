import type { TImportReport, TMetricReading, TProductDetail, TPublication, TPublicationPage } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let hanoi: Session;
let danang: Session;
let viewer: Session;

beforeAll(async () => {
  t = await createTestApp();
  const people = [
    ['pub.hanoi', 'province_officer', 'P01'],
    ['pub.danang', 'province_officer', 'P48'],
    ['pub.viewer', 'viewer', 'P01'],
  ] as const;
  for (const [username, role, unitCode] of people) await t.createUser({ username, roles: [role], unitCode });
  [hanoi, danang, viewer] = await Promise.all([t.login('pub.hanoi'), t.login('pub.danang'), t.login('pub.viewer')]);
});
afterAll(async () => t?.close());

const HOUR = 3_600_000;
let serial = 0;
/** A product of Hà Nội; `readyHoursAgo` makes it ready to publish that long ago. */
async function product(readyHoursAgo: number | null = 48): Promise<string> {
  const response = await hanoi.post('/api/products', {
    guidanceYear: 2020,
    typeCode: 'article',
    title: `Lương hưu cho lao động tự do ${(serial += 1)}`,
    themeCodes: ['II.1.a'],
    audienceCodes: ['I.2'],
    channelCodes: ['tv'],
  });
  expect(response.statusCode, response.body).toBe(201);
  const { id } = response.json<TProductDetail>();
  // The appraisal flow that makes a product ready is built in parallel (issue 4 §3): set the state directly.
  if (readyHoursAgo !== null)
    await t.db.pool.query(
      `UPDATE products SET status = 'ready', ready_at = now() - $2 * interval '1 hour' WHERE id = $1`,
      [id, readyHoursAgo],
    );
  return id;
}
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
const publish = (session: Session, productId: string, overrides: Record<string, unknown> = {}) =>
  session.post('/api/publications', {
    productId,
    channel: 'facebook',
    outlet: 'Fanpage BHXH Hà Nội',
    url: `https://facebook.com/bhxhhanoi/posts/${(serial += 1)}`,
    publishedAt: ago(24),
    ...overrides,
  });
const created = async (session: Session, productId: string, overrides: Record<string, unknown> = {}) => {
  const response = await publish(session, productId, overrides);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TPublication>();
};
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const statusOf = async (id: string) =>
  (await t.db.pool.query<{ status: string }>('SELECT status FROM products WHERE id = $1', [id])).rows[0]!.status;
const count = async (table: string, id: string) =>
  (await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE publication_id = $1`, [id]))
    .rows[0]!.n;

describe('publications', () => {
  it('records a publication of a ready product, which becomes published, audited in one transaction', async () => {
    const id = await product();
    const seq = await t.lastAuditSeq();
    const publication = await created(hanoi, id, { channel: 'loudspeaker', url: null, outlet: 'Loa phường Ba Đình' });
    expect(publication).toMatchObject({ channel: 'loudspeaker', url: null, canEdit: true, product: { id } });
    expect(await statusOf(id)).toBe('published');
    const events = await t.auditSince(seq);
    expect(events.map((e) => `${e.entity_type}:${e.action}`).sort()).toEqual(['product:publish', 'publication:create']);
    expect(new Set(events.map((e) => e.xmin)).size).toBe(1);
    // A second publication keeps it published and writes no second "publish".
    const again = await t.lastAuditSeq();
    await created(hanoi, id);
    expect((await t.auditSince(again)).map((e) => e.action)).toEqual(['create']);
  });

  it('refuses a moment before approval on publishedAt, naming the approval date', async () => {
    const id = await product(2);
    const response = await publish(hanoi, id, { publishedAt: ago(3) });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ errors: { field: string; code: string; message: string }[] }>();
    expect(fieldsOf(body)).toEqual(['publishedAt:publication.before_approval']);
    expect(body.errors[0]!.message).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(await statusOf(id)).toBe('ready');
  });

  it('refuses a draft product, a missing link on an online channel and the future, writing nothing', async () => {
    const draft = await product(null);
    expect(fieldsOf((await publish(hanoi, draft)).json())).toEqual(['productId:publication.product_not_ready']);
    const id = await product();
    const bad = await publish(hanoi, id, { url: null, publishedAt: ago(-5) });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json()).sort()).toEqual(['publishedAt:publication.in_future', 'url:publication.url_required']);
    const list = (await hanoi.get(`/api/publications?productId=${id}`)).json<TPublicationPage>();
    expect(list.total).toBe(0);
  });

  it('refuses the same link twice for a product', async () => {
    const id = await product();
    const first = await created(hanoi, id);
    expect(fieldsOf((await publish(hanoi, id, { url: first.url })).json())).toEqual(['url:validation.duplicate']);
  });

  it('lets only officers who may edit the product record, change or delete', async () => {
    const id = await product();
    expect((await publish(danang, id)).statusCode).toBe(404);
    expect((await publish(viewer, id)).statusCode).toBe(403);
    const publication = await created(hanoi, id);
    // Published products are public: Đà Nẵng reads the publication but may not change it.
    const seen = (await danang.get(`/api/publications?productId=${id}`)).json<TPublicationPage>();
    expect(seen.items.map((p) => [p.id, p.canEdit])).toEqual([[publication.id, false]]);
    expect((await danang.patch(`/api/publications/${publication.id}`, { outlet: 'X', version: 1 })).statusCode).toBe(
      403,
    );
    expect(
      (
        await danang.post(`/api/publications/${publication.id}/metrics`, {
          readOn: ago(0).slice(0, 10),
          values: { views: 1 },
        })
      ).statusCode,
    ).toBe(403);
    expect((await danang.delete(`/api/publications/${publication.id}?version=1`)).statusCode).toBe(403);
  });

  it('updates with the version last read and deletes with its figures', async () => {
    const id = await product();
    const publication = await created(hanoi, id);
    const seq = await t.lastAuditSeq();
    const updated = await hanoi.patch(`/api/publications/${publication.id}`, { outlet: 'Báo Hà Nội Mới', version: 1 });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json<TPublication>()).toMatchObject({ outlet: 'Báo Hà Nội Mới', version: 2 });
    expect((await hanoi.patch(`/api/publications/${publication.id}`, { outlet: 'Y', version: 1 })).statusCode).toBe(
      409,
    );
    expect((await hanoi.delete(`/api/publications/${publication.id}?version=2`)).statusCode).toBe(204);
    expect((await hanoi.get(`/api/publications/${publication.id}`)).statusCode).toBe(404);
    const events = await t.auditSince(seq);
    expect(events.map((e) => e.action)).toEqual(['update', 'delete']);
    expect(events[0]!.before).toMatchObject({ outlet: 'Fanpage BHXH Hà Nội' });
  });

  it('uploads, downloads and removes a proof', async () => {
    const id = await product();
    const publication = await created(hanoi, id);
    const PNG = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082',
      'hex',
    );
    const added = await hanoi.post(`/api/publications/${publication.id}/proofs?kind=screenshot`, PNG, {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent('Ảnh chụp bài đăng.png'),
    });
    expect(added.statusCode, added.body).toBe(201);
    const [proof] = added.json<TPublication>().proofs;
    expect(proof).toMatchObject({ kind: 'screenshot', title: 'Ảnh chụp bài đăng' });
    const content = await danang.get(`/api/publications/${publication.id}/proofs/${proof!.file.id}/content`);
    expect(content.rawPayload.equals(PNG)).toBe(true);
    const seq = await t.lastAuditSeq();
    expect((await hanoi.delete(`/api/publications/${publication.id}/proofs/${proof!.file.id}`)).statusCode).toBe(204);
    expect(await count('publication_proofs', publication.id)).toBe(0);
    expect((await t.auditSince(seq)).map((e) => `${e.entity_type}:${e.action}`)).toEqual(['publication:detach']);
  });

  it('records figures by hand, a later entry of the same day replacing it, and sums the product reach', async () => {
    const id = await product();
    const a = await created(hanoi, id, { publishedAt: ago(30) });
    const b = await created(hanoi, id, { channel: 'radio', url: null, outlet: 'Đài Hà Nội', publishedAt: ago(30) });
    const today = new Date(Date.now() + 7 * HOUR).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() + 7 * HOUR - 24 * HOUR).toISOString().slice(0, 10);
    const record = (pub: string, readOn: string, values: Record<string, number>) =>
      hanoi.post(`/api/publications/${pub}/metrics`, { readOn, values });
    expect((await record(a.id, yesterday, { views: 100, shares: 3 })).statusCode).toBe(200);
    expect((await record(a.id, today, { views: 400 })).statusCode).toBe(200);
    expect((await record(a.id, today, { views: 500 })).statusCode).toBe(200);
    expect((await record(b.id, today, { listeners: 2000 })).statusCode).toBe(200);
    const history = (await hanoi.get(`/api/publications/${a.id}/metrics`)).json<TMetricReading[]>();
    expect(history.map((r) => `${r.readOn}:${r.metric}=${r.value}`)).toEqual([
      `${today}:views=500`,
      `${yesterday}:shares=3`,
      `${yesterday}:views=100`,
    ]);
    const page = (await hanoi.get(`/api/publications?productId=${id}`)).json<TPublicationPage>();
    expect(page.reach).toEqual({ views: 500, listeners: 2000, shares: 3, comments: 0, reactions: 0, reached: 2500 });
  });

  it('rejects negative and absurd figures on their fields, and a day before the publication', async () => {
    const id = await product();
    const publication = await created(hanoi, id, { publishedAt: ago(2) });
    const today = new Date(Date.now() + 7 * HOUR).toISOString().slice(0, 10);
    const bad = await hanoi.post(`/api/publications/${publication.id}/metrics`, {
      readOn: today,
      values: { views: -1, shares: 3.5 },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json()).sort()).toEqual([
      'values.shares:validation.not_integer',
      'values.views:validation.negative',
    ]);
    const absurd = await hanoi.post(`/api/publications/${publication.id}/metrics`, {
      readOn: '2000-01-01',
      values: { views: 5_000_000_000, reactions: 200_000_000 },
    });
    expect(fieldsOf(absurd.json()).sort()).toEqual([
      'readOn:metric.before_publication',
      'values.reactions:metric.absurd',
      'values.views:metric.absurd',
    ]);
    expect(await count('publication_metrics', publication.id)).toBe(0);
  });

  it('imports a platform CSV all or nothing: a dry run reports bad rows and writes nothing, then all rows', async () => {
    const id = await product();
    const a = await created(hanoi, id, { publishedAt: ago(30) });
    const b = await created(hanoi, id, { channel: 'youtube', outlet: 'Kênh YouTube', publishedAt: ago(30) });
    const foreign = await product();
    const other = await created(hanoi, foreign);
    await t.db.pool.query(`UPDATE products SET owner_unit_id = $2 WHERE id = $1`, [foreign, await t.unitId('P48')]);
    const post = (csv: string, dryRun: boolean) =>
      hanoi.post(`/api/publications/metrics/import?dryRun=${dryRun}`, Buffer.from(`\ufeff${csv}`), {
        'content-type': 'text/csv',
        'accept-language': 'en',
      });
    const bad = [
      'Permalink,Lượt xem,"Cảm xúc",Chia sẻ,Ngày',
      `${a.url},"1,200",35,4,`,
      `${b.url},-3,2,1,`,
      `https://example.vn/unknown,10,,,`,
      `${other.url},10,,,`,
      `${a.url},2000000000,,,01/01/2001`,
    ].join('\r\n');
    const report = await post(bad, true);
    expect(report.statusCode).toBe(422);
    const rejected = report.json<TImportReport>().rejected.map((r) => `${r.row}:${r.field}`);
    expect(rejected).toEqual(['3:views', '4:url', '5:url', '6:readOn', '6:views']);
    expect(await count('publication_metrics', a.id)).toBe(0);
    const good = ['Link,Views,Reactions,Comments', `${a.url},"1,200",35,2`, `${b.url}/,800,10,`].join('\n');
    const dry = await post(good, true);
    expect(dry.json<TImportReport>()).toMatchObject({ applied: false, created: 5, rejected: [] });
    expect(await count('publication_metrics', a.id)).toBe(0);
    const seq = await t.lastAuditSeq();
    const applied = await post(good, false);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json<TImportReport>()).toMatchObject({ applied: true, created: 5, updated: 0 });
    const page = (await hanoi.get(`/api/publications?productId=${id}`)).json<TPublicationPage>();
    expect(page.reach).toMatchObject({ views: 2000, reactions: 45, comments: 2, reached: 2000 });
    const events = await t.auditSince(seq);
    expect(events.map((e) => `${e.entity_type}:${e.action}:${e.entity_id}`).sort()).toEqual(
      [a.id, b.id].map((pub) => `publication:import:${pub}`).sort(),
    );
  });

  it('reads an Excel template back', async () => {
    const template = await hanoi.get('/api/publications/metrics/template');
    expect(template.statusCode).toBe(200);
    const id = await product();
    const publication = await created(hanoi, id, { publishedAt: ago(30) });
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    book.worksheets[0]!.addRow([publication.url, null, 321, 12]);
    const body = Buffer.from(await book.xlsx.writeBuffer());
    const imported = await hanoi.post('/api/publications/metrics/import', body, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const page = (await hanoi.get(`/api/publications?productId=${id}`)).json<TPublicationPage>();
    expect(page.reach).toMatchObject({ views: 321, listeners: 12, reached: 333 });
  });

  it('lists with filters and exports to Excel', async () => {
    const id = await product();
    await created(hanoi, id, { channel: 'tiktok', outlet: 'TikTok Bảo hiểm xã hội Hà Nội' });
    const byChannel = (await hanoi.get(`/api/publications?channel=tiktok&q=bao hiem ha noi`)).json<TPublicationPage>();
    expect(byChannel.items.every((p) => p.channel === 'tiktok')).toBe(true);
    expect(byChannel.items.some((p) => p.product.id === id)).toBe(true);
    const p48 = await t.unitId('P48');
    expect((await hanoi.get(`/api/publications?unitId=${p48}&productId=${id}`)).json<TPublicationPage>().total).toBe(0);
    const exported = await hanoi.get(`/api/publications/export.xlsx?productId=${id}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });
});
