import type { TProductDetail, TProductStory, TStoryDetail } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let hanoi: Session;
let danang: Session;
let comms: Session;
let viewer: Session;

beforeAll(async () => {
  t = await createTestApp();
  const people = [
    ['hanoi.officer', 'province_officer', 'P01'],
    ['danang.officer', 'province_officer', 'P48'],
    ['tt.officer', 'comms_center', 'TT'],
    ['hanoi.viewer', 'viewer', 'P01'],
  ] as const;
  for (const [username, role, unitCode] of people) await t.createUser({ username, roles: [role], unitCode });
  [hanoi, danang, comms, viewer] = await Promise.all([
    t.login('hanoi.officer'),
    t.login('danang.officer'),
    t.login('tt.officer'),
    t.login('hanoi.viewer'),
  ]);
});
afterAll(async () => t?.close());

let serial = 0;
async function product(session: Session): Promise<TProductDetail> {
  const response = await session.post('/api/products', {
    guidanceYear: 2020,
    typeCode: 'article',
    title: `Gương sáng tham gia BHXH tự nguyện số ${(serial += 1)}`,
    themeCodes: ['II.1.g'],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TProductDetail>();
}

async function story(session: Session, title: string, usable: boolean): Promise<TStoryDetail> {
  const created = await session.post('/api/stories', {
    kind: 'good_person',
    title,
    story: 'Chị đi từng nhà giải thích lợi ích của BHXH tự nguyện cho người lao động tự do.',
    people: [{ name: 'Nguyễn Thị Lan', role: 'Nhân viên đại lý thu' }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const draft = created.json<TStoryDetail>();
  if (!usable) return draft;
  const consent = await session.post(`/api/stories/${draft.id}/consent`, {
    status: 'obtained',
    note: 'Đồng ý bằng văn bản',
    version: draft.version,
  });
  expect(consent.statusCode, consent.body).toBe(200);
  const status = await session.post(`/api/stories/${draft.id}/status`, {
    status: 'usable',
    version: consent.json<TStoryDetail>().version,
  });
  expect(status.statusCode, status.body).toBe(200);
  return status.json<TStoryDetail>();
}

const storiesOf = async (session: Session, productId: string) => {
  const response = await session.get(`/api/products/${productId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TProductDetail>().stories.map((s) => s.title);
};
const linkCount = async (column: 'product_id' | 'story_id', id: string) =>
  (await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM product_stories WHERE ${column} = $1`, [id]))
    .rows[0]!.n;
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);

describe('linking stories to products', () => {
  it('links a usable story and unlinks it, each audited once, for those who may edit the product', async () => {
    const p = await product(hanoi);
    const lan = await story(hanoi, 'Chị Lan vận động 300 người tham gia BHXH', true);
    const seq = await t.lastAuditSeq();

    const linked = await hanoi.post(`/api/products/${p.id}/stories`, { storyId: lan.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json<TProductStory[]>()).toEqual([{ id: lan.id, title: lan.title, kind: 'good_person' }]);
    // Linking again changes nothing and records nothing.
    expect((await hanoi.post(`/api/products/${p.id}/stories`, { storyId: lan.id })).statusCode).toBe(200);
    expect(await storiesOf(hanoi, p.id)).toEqual([lan.title]);
    expect(await storiesOf(comms, p.id)).toEqual([lan.title]);

    // Readers and units outside the product's owner cannot change its links.
    expect((await viewer.post(`/api/products/${p.id}/stories`, { storyId: lan.id })).statusCode).toBe(403);
    expect((await danang.delete(`/api/products/${p.id}/stories/${lan.id}`)).statusCode).toBe(404);
    expect((await comms.delete(`/api/products/${p.id}/stories/${lan.id}`)).statusCode).toBe(403);

    expect((await hanoi.delete(`/api/products/${p.id}/stories/${lan.id}`)).statusCode).toBe(204);
    expect(await storiesOf(hanoi, p.id)).toEqual([]);
    expect((await hanoi.delete(`/api/products/${p.id}/stories/${lan.id}`)).statusCode).toBe(404);

    const audit = await t.auditSince(seq);
    expect(audit.map((a) => [a.action, a.entity_type, a.entity_id])).toEqual([
      ['link_story', 'product', p.id],
      ['unlink_story', 'product', p.id],
    ]);
    expect(audit[0]!.after).toMatchObject({ storyId: lan.id, title: lan.title });
    expect(audit[1]!.before).toMatchObject({ storyId: lan.id });
  });

  it('links a usable story kept by another province: usable stories are shared', async () => {
    const p = await product(hanoi);
    const shared = await story(danang, 'Tập thể xã Hòa Vang 100% hộ gia đình tham gia BHYT', true);
    const linked = await hanoi.post(`/api/products/${p.id}/stories`, { storyId: shared.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(await storiesOf(hanoi, p.id)).toEqual([shared.title]);
  });

  it('refuses a draft story on the storyId field, linking and recording nothing', async () => {
    const p = await product(hanoi);
    const draft = await story(hanoi, 'Bản nháp chưa có sự đồng ý', false);
    const seq = await t.lastAuditSeq();
    const refused = await hanoi.post(`/api/products/${p.id}/stories`, { storyId: draft.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(refused.json())).toEqual(['storyId:validation.story_not_usable']);
    expect(await linkCount('product_id', p.id)).toBe(0);
    expect(await t.auditSince(seq)).toEqual([]);
  });

  it('refuses a story outside the actor’s reach the same way as one that does not exist', async () => {
    const p = await product(hanoi);
    const hidden = await story(danang, 'Nháp của Đà Nẵng', false);
    expect((await hanoi.get(`/api/stories/${hidden.id}`)).statusCode).toBe(404);
    for (const storyId of [hidden.id, '00000000-0000-4000-8000-000000000000']) {
      const refused = await hanoi.post(`/api/products/${p.id}/stories`, { storyId });
      expect(refused.statusCode).toBe(400);
      expect(fieldsOf(refused.json())).toEqual(['storyId:validation.story_not_usable']);
    }
    const malformed = await hanoi.post(`/api/products/${p.id}/stories`, { storyId: 'abc' });
    expect(malformed.statusCode).toBe(400);
    expect(fieldsOf(malformed.json()).map((f) => f.split(':')[0])).toEqual(['storyId']);
    expect(await linkCount('product_id', p.id)).toBe(0);
  });

  it('hides a linked story whose consent was withdrawn from readers outside its keeping unit', async () => {
    const p = await product(hanoi);
    const lan = await story(hanoi, 'Chị Lan rút lại sự đồng ý', true);
    expect((await hanoi.post(`/api/products/${p.id}/stories`, { storyId: lan.id })).statusCode).toBe(200);
    const withdrawn = await hanoi.post(`/api/stories/${lan.id}/consent`, { status: 'refused', version: lan.version });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await storiesOf(hanoi, p.id)).toEqual([lan.title]);
    expect(await storiesOf(comms, p.id)).toEqual([]);
  });

  it('refuses to change the links of an archived product', async () => {
    const p = await product(hanoi);
    const lan = await story(hanoi, 'Câu chuyện cho sản phẩm đã lưu trữ', true);
    expect((await hanoi.post(`/api/products/${p.id}/archive`, { version: p.version })).statusCode).toBe(200);
    const refused = await hanoi.post(`/api/products/${p.id}/stories`, { storyId: lan.id });
    expect(refused.json()).toMatchObject({ code: 'product.archived' });
    expect(await linkCount('product_id', p.id)).toBe(0);
  });

  it('drops the links when the product or the story is deleted', async () => {
    const [p1, p2] = [await product(hanoi), await product(hanoi)];
    const [s1, s2] = [await story(hanoi, 'Câu chuyện một', true), await story(hanoi, 'Câu chuyện hai', true)];
    for (const [p, s] of [
      [p1, s1],
      [p1, s2],
      [p2, s1],
    ] as const) {
      expect((await hanoi.post(`/api/products/${p.id}/stories`, { storyId: s.id })).statusCode).toBe(200);
    }
    await t.db.pool.query('DELETE FROM products WHERE id = $1', [p2.id]);
    expect(await linkCount('story_id', s1.id)).toBe(1);
    await t.db.pool.query('DELETE FROM stories WHERE id = $1', [s1.id]);
    expect(await linkCount('story_id', s1.id)).toBe(0);
    expect(await storiesOf(hanoi, p1.id)).toEqual([s2.title]);
  });
});
