import ExcelJS from 'exceljs';
import type { TLeaderboard, TPage, TProductDetail, TProductShares, TShare, TShareableProduct } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let hanoi: Session;
let badinh: Session;
let danang: Session;
let danangLeader: Session;
let hanoiLeader: Session;
let comms: Session;
let viewer: Session;
let published: TProductDetail;

let serial = 0;
const createProduct = async (session: Session) => {
  const response = await session.post('/api/products', {
    guidanceYear: 2020,
    typeCode: 'article',
    title: `Lợi ích của BHXH tự nguyện số ${(serial += 1)}`,
    summary: 'Bài viết về lương hưu cho lao động tự do.',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TProductDetail>();
};
// The appraisal and publication flows that make a product ready and published are built in parallel (issue 4
// §3–4): the tests publish it directly, ready since 1 March 2026 (Vietnam time).
const publish = async (id: string, readyAt = '2026-03-01T00:00:00+07:00') =>
  t.db.pool.query(`UPDATE products SET status = 'published', ready_at = $2 WHERE id = $1`, [id, readyAt]);

const share = (overrides: Record<string, unknown> = {}) => ({
  network: 'facebook',
  url: `https://www.facebook.com/officer/posts/${(serial += 1)}`,
  sharedOn: '2026-03-05',
  ...overrides,
});
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const record = async (session: Session, productId: string, overrides: Record<string, unknown> = {}) => {
  const response = await session.post(`/api/products/${productId}/shares`, share(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TShare>();
};
const sharesOf = async (session: Session, productId: string) => {
  const response = await session.get(`/api/products/${productId}/shares`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TProductShares>();
};

beforeAll(async () => {
  t = await createTestApp();
  const people = [
    ['hanoi.officer', 'province_officer', 'P01', 'Nguyễn Văn An'],
    ['badinh.officer', 'district_officer', 'D001', 'Trần Thị Bình'],
    ['danang.officer', 'province_officer', 'P48', 'Lê Văn Cường'],
    ['danang.leader', 'leader', 'P48', 'Phạm Thị Dung'],
    ['hanoi.leader', 'leader', 'P01', 'Hoàng Văn Em'],
    ['tt.officer', 'comms_center', 'TT', 'Vũ Thị Giang'],
    ['hanoi.viewer', 'viewer', 'P01', 'Đỗ Văn Hùng'],
  ] as const;
  for (const [username, role, unitCode, fullName] of people) {
    await t.createUser({ username, roles: [role], unitCode, fullName });
  }
  [hanoi, badinh, danang, danangLeader, hanoiLeader, comms, viewer] = await Promise.all([
    t.login('hanoi.officer'),
    t.login('badinh.officer'),
    t.login('danang.officer'),
    t.login('danang.leader'),
    t.login('hanoi.leader'),
    t.login('tt.officer'),
    t.login('hanoi.viewer'),
  ]);
  published = await createProduct(hanoi);
  await publish(published.id);
});
afterAll(async () => t?.close());

describe('sharing routes', () => {
  describe('POST /api/products/:id/shares', () => {
    it('lets an officer of another unit share a published product, in their unit, audited in the same transaction', async () => {
      const seq = await t.lastAuditSeq();
      const created = await record(danang, published.id, { views: 120, reactions: 15, comments: null });
      expect(created).toMatchObject({
        product: { id: published.id, title: published.title },
        user: { fullName: 'Lê Văn Cường' },
        unit: { code: 'P48' },
        views: 120,
        reactions: 15,
        comments: null,
        shares: null,
        reach: 135,
        canEdit: true,
        canDelete: true,
      });
      const audit = await t.auditSince(seq);
      expect(audit.map((a) => [a.action, a.entity_type, a.entity_id])).toEqual([
        ['create', 'product_share', created.id],
      ]);
      expect(audit[0]!.org_unit_id).toBe(await t.unitId('P48'));
      expect(audit[0]!.after).toMatchObject({ url: created.url, network: 'facebook', views: 120 });
    });

    it('refuses a draft product with 409, and a product out of reach as not found', async () => {
      const draft = await createProduct(hanoi);
      const own = await hanoi.post(`/api/products/${draft.id}/shares`, share());
      expect(own.statusCode).toBe(409);
      expect(own.json()).toMatchObject({ code: 'share.product_not_published' });
      const foreign = await danang.post(`/api/products/${draft.id}/shares`, share());
      expect(foreign.statusCode).toBe(404);
      const { rows } = await t.db.pool.query('SELECT count(*)::int AS n FROM product_shares WHERE product_id = $1', [
        draft.id,
      ]);
      expect(rows[0].n).toBe(0);
    });

    it('reports a duplicate address of the same product on the url field with 409', async () => {
      const url = 'https://www.facebook.com/an.nguyen/posts/777';
      await record(hanoi, published.id, { url });
      const again = await badinh.post(`/api/products/${published.id}/shares`, share({ url }));
      expect(again.statusCode).toBe(409);
      expect(fieldsOf(again.json())).toEqual(['url:validation.duplicate']);
    });

    it('checks each field: address, network, future date, date before readiness, absurd reach', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ url: 'javascript:alert(1)' }, 'url:validation.share_url'],
        [{ url: 'https://example.com/post/1' }, 'url:validation.share_url_network'],
        [{ network: 'tiktok', url: 'https://www.facebook.com/x/posts/1' }, 'url:validation.share_url_network'],
        [{ sharedOn: '2999-01-01' }, 'sharedOn:validation.shared_in_future'],
        [{ sharedOn: '2026-02-28' }, 'sharedOn:validation.shared_before_ready'],
        [{ views: -1 }, 'views:validation.too_small'],
        [{ shares: 100_000_001 }, 'shares:validation.too_big'],
      ];
      for (const [overrides, expected] of cases) {
        const response = await hanoi.post(`/api/products/${published.id}/shares`, share(overrides));
        expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(fieldsOf(response.json())).toContain(expected);
      }
      const other = await hanoi.post(
        `/api/products/${published.id}/shares`,
        share({ network: 'other', url: 'https://example.com/a' }),
      );
      expect(other.statusCode, other.body).toBe(201);
    });

    it('does not let read-only accounts record shares', async () => {
      const response = await viewer.post(`/api/products/${published.id}/shares`, share());
      expect(response.statusCode).toBe(403);
    });
  });

  describe('PATCH and DELETE /api/shares/:id', () => {
    it('lets only the officer change their share, with optimistic versions, audited', async () => {
      const mine = await record(badinh, published.id);
      const foreign = await hanoi.patch(`/api/shares/${mine.id}`, { version: mine.version, views: 10 });
      expect(foreign.statusCode).toBe(403);
      const seq = await t.lastAuditSeq();
      const changed = await badinh.patch(`/api/shares/${mine.id}`, { version: mine.version, views: 500, shares: 4 });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json<TShare>()).toMatchObject({ views: 500, shares: 4, reach: 504, version: mine.version + 1 });
      const audit = await t.auditSince(seq);
      expect(audit.map((a) => `${a.action}:${a.entity_type}`)).toEqual(['update:product_share']);
      expect(audit[0]!.before).toMatchObject({ views: null });
      expect(audit[0]!.after).toMatchObject({ views: 500 });
      const stale = await badinh.patch(`/api/shares/${mine.id}`, { version: mine.version, views: 1 });
      expect(stale.statusCode).toBe(409);
      const network = await badinh.patch(`/api/shares/${mine.id}`, { version: mine.version + 1, network: 'youtube' });
      expect(fieldsOf(network.json())).toEqual(['url:validation.share_url_network']);
    });

    it('lets a leader of the unit delete a wrong share, but not a leader of another province', async () => {
      const wrong = await record(hanoi, published.id);
      const outside = await danangLeader.delete(`/api/shares/${wrong.id}`);
      expect(outside.statusCode).toBe(403);
      const peer = await badinh.delete(`/api/shares/${wrong.id}`);
      expect(peer.statusCode).toBe(403);
      const seq = await t.lastAuditSeq();
      const removed = await hanoiLeader.delete(`/api/shares/${wrong.id}`);
      expect(removed.statusCode).toBe(204);
      expect((await t.auditSince(seq)).map((a) => `${a.action}:${a.entity_type}:${a.entity_id}`)).toEqual([
        `delete:product_share:${wrong.id}`,
      ]);
      expect((await sharesOf(hanoi, published.id)).items.map((s) => s.id)).not.toContain(wrong.id);
    });
  });

  describe('reading', () => {
    it('shows every reader of the product who shared, with totals; my shares; shareable products', async () => {
      const product = await createProduct(hanoi);
      await publish(product.id);
      await record(hanoi, product.id, { views: 100, reactions: 10 });
      await record(hanoi, product.id, { network: 'zalo', url: 'https://zalo.me/s/abc', comments: 5 });
      await record(danang, product.id, { shares: 2 });
      const board = await sharesOf(comms, product.id);
      expect(board.totals).toEqual({
        shareCount: 3,
        sharerCount: 2,
        views: 100,
        reactions: 10,
        comments: 5,
        shares: 2,
        reach: 117,
      });
      expect(board.shareable).toBe(true);
      expect(board.items.every((s) => !s.canEdit)).toBe(true);

      const mine = (await danang.get('/api/shares/mine?pageSize=100')).json<TPage<TShare>>();
      expect(mine.items.every((s) => s.user.fullName === 'Lê Văn Cường')).toBe(true);
      expect(mine.items.map((s) => s.product.id)).toContain(product.id);

      const draft = await createProduct(hanoi);
      const shareable = (
        await danang.get(`/api/shares/shareable-products?pageSize=100&q=${encodeURIComponent(product.title)}`)
      ).json<TPage<TShareableProduct>>();
      expect(shareable.items.map((p) => [p.id, p.shareCount, p.sharedByMe])).toEqual([[product.id, 3, true]]);
      const all = (await danang.get('/api/shares/shareable-products?pageSize=100')).json<TPage<TShareableProduct>>();
      expect(all.items.map((p) => p.id)).not.toContain(draft.id);
    });
  });

  describe('GET /api/shares/leaderboard', () => {
    it('ranks officers by shares then reach in the period, and child units by shares per officer', async () => {
      const product = await createProduct(hanoi);
      await publish(product.id, '2025-06-01T00:00:00+07:00');
      // In June 2025 only: Ba Đình's officer shares twice, Hà Nội's once with more reach, Đà Nẵng's once.
      await record(badinh, product.id, { sharedOn: '2025-06-02', views: 10 });
      await record(badinh, product.id, { sharedOn: '2025-06-03' });
      await record(hanoi, product.id, { sharedOn: '2025-06-04', views: 1000 });
      await record(danang, product.id, { sharedOn: '2025-06-05' });
      await record(hanoi, product.id, { sharedOn: '2025-07-01' });
      const response = await hanoiLeader.get('/api/shares/leaderboard?from=2025-06-01&to=2025-06-30');
      expect(response.statusCode, response.body).toBe(200);
      const board = response.json<TLeaderboard>();
      expect(board.unit.code).toBe('P01');
      expect(board.officers.map((o) => [o.rank, o.user.fullName, o.shareCount, o.reach])).toEqual([
        [1, 'Trần Thị Bình', 2, 10],
        [2, 'Nguyễn Văn An', 1, 1000],
      ]);
      expect(board.totals).toMatchObject({ shareCount: 3, sharerCount: 2, views: 1010 });
      const d001 = board.childUnits.find((u) => u.unit.code === 'D001')!;
      // Ba Đình has one officer (the district officer) with two shares.
      expect(d001).toMatchObject({ rank: 1, officerCount: 1, shareCount: 2, sharesPerOfficer: 2 });
      expect(board.childUnits.filter((u) => u.shareCount === 0).every((u) => u.rank > 1)).toBe(true);

      const national = (
        await comms.get(`/api/shares/leaderboard?unitId=${await t.unitId('BHXHVN')}&from=2025-06-01&to=2025-06-30`)
      ).json<TLeaderboard>();
      expect(national.totals.shareCount).toBe(4);
      const provinces = national.childUnits.filter((u) => ['P01', 'P48'].includes(u.unit.code));
      expect(provinces.map((u) => [u.unit.code, u.shareCount])).toEqual(
        expect.arrayContaining([
          ['P01', 3],
          ['P48', 1],
        ]),
      );
    });

    it('keeps a leader within their scope and exports the ranking as Excel', async () => {
      const foreign = await danangLeader.get(`/api/shares/leaderboard?unitId=${await t.unitId('P01')}`);
      expect(foreign.statusCode).toBe(404);
      const badOrder = await hanoiLeader.get('/api/shares/leaderboard?from=2025-06-30&to=2025-06-01');
      expect(fieldsOf(badOrder.json())).toEqual(['to:validation.date_order']);

      const file = await hanoiLeader.get('/api/shares/leaderboard?from=2025-06-01&to=2025-06-30&format=xlsx');
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      expect(sheet.getRow(1).getCell(3).value).toBe('Cán bộ / Đơn vị');
      expect(sheet.getRow(2).getCell(3).value).toBe('Trần Thị Bình');
      expect(sheet.getRow(2).getCell(6).value).toBe(2);
    });
  });
});
