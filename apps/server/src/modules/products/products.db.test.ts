import ExcelJS from 'exceljs';
import type {
  TCalendarItem,
  TPage,
  TProduct,
  TProductDetail,
  TProductDiff,
  TProductVersion,
  TProductVersionDetail,
} from '@loa/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedCount } from '../../platform/db/paging.js';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { SEARCH_WALK } from './products.repository.js';
import { products } from './products.table.js';

let t: TestApp;
let hanoi: Session;
let badinh: Session;
let danang: Session;
let comms: Session;
let viewer: Session;
let p01: string;
let d001: string;

beforeAll(async () => {
  t = await createTestApp();
  const people = [
    ['hanoi.officer', 'province_officer', 'P01'],
    ['badinh.officer', 'district_officer', 'D001'],
    ['danang.officer', 'province_officer', 'P48'],
    ['tt.officer', 'comms_center', 'TT'],
    ['hanoi.viewer', 'viewer', 'P01'],
  ] as const;
  for (const [username, role, unitCode] of people) await t.createUser({ username, roles: [role], unitCode });
  [hanoi, badinh, danang, comms, viewer] = await Promise.all([
    t.login('hanoi.officer'),
    t.login('badinh.officer'),
    t.login('danang.officer'),
    t.login('tt.officer'),
    t.login('hanoi.viewer'),
  ]);
  [p01, d001] = await Promise.all([t.unitId('P01'), t.unitId('D001')]);
});
afterAll(async () => t?.close());

let serial = 0;
const draft = (overrides: Record<string, unknown> = {}) => ({
  guidanceYear: 2020,
  typeCode: 'article',
  title: `Lợi ích của BHXH tự nguyện số ${(serial += 1)}`,
  summary: 'Bài viết về lương hưu cho lao động tự do.',
  body: 'Đoạn mở đầu.\nMức đóng thấp.\nKết luận.\n',
  themeCodes: ['II.1.a'],
  audienceCodes: ['I.2'],
  channelCodes: ['tv'],
  authors: ['Nguyễn Thị Lan'],
  ...overrides,
});
const create = async (session: Session, overrides: Record<string, unknown> = {}) => {
  const response = await session.post('/api/products', draft(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TProductDetail>();
};
const list = async (session: Session, query = '') => {
  const response = await session.get(`/api/products?pageSize=100&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TPage<TProduct>>();
};
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
const versionCount = async (id: string) =>
  (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM product_versions WHERE product_id = $1', [id]))
    .rows[0]!.n;

describe('products routes', () => {
  describe('POST /api/products', () => {
    it('creates a draft of the officer’s unit with version 1, audited in the same transaction', async () => {
      const seq = await t.lastAuditSeq();
      const product = await create(hanoi, { partnerOutlet: 'Báo Hà Nội Mới', language: 'km' });
      expect(product).toMatchObject({
        status: 'draft',
        currentVersion: 1,
        ownerUnit: { id: p01, code: 'P01' },
        partnerOutlet: 'Báo Hà Nội Mới',
        language: 'km',
        canEdit: true,
        files: [],
      });
      const versions = (await hanoi.get(`/api/products/${product.id}/versions`)).json<TProductVersion[]>();
      expect(versions.map((v) => v.number)).toEqual([1]);
      const audit = await t.auditSince(seq);
      expect(audit.map((a) => [a.action, a.entity_type])).toEqual([['create', 'product']]);
    });

    it('reports each unknown guidance code and a unit outside the scope, writing nothing', async () => {
      const before = (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM products')).rows[0]!.n;
      const bad = await hanoi.post('/api/products', draft({ typeCode: 'opera', themeCodes: ['II.1.a', 'Z.9'] }));
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(bad.json())).toEqual([
        'typeCode:validation.unknown_guidance_code',
        'themeCodes.1:validation.unknown_guidance_code',
      ]);
      const outside = await badinh.post('/api/products', draft({ ownerUnitId: p01 }));
      expect(fieldsOf(outside.json())).toEqual(['ownerUnitId:validation.unit_out_of_scope']);
      const empty = await hanoi.post('/api/products', draft({ title: '  ', language: 'fr' }));
      expect(fieldsOf(empty.json()).sort()).toEqual(['language:validation.invalid_value', 'title:validation.required']);
      const after = (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM products')).rows[0]!.n;
      expect(after).toBe(before);
    });

    it('refuses leaders and viewers', async () => {
      expect((await viewer.post('/api/products', draft())).statusCode).toBe(403);
    });

    it('links a calendar item only when the officer sees it', async () => {
      const response = await danang.post('/api/calendar', { title: 'Tọa đàm Đà Nẵng', startsOn: '2026-03-10' });
      expect(response.statusCode, response.body).toBe(201);
      const item = response.json<TCalendarItem>();
      const hidden = await hanoi.post('/api/products', draft({ calendarItemId: item.id }));
      expect(fieldsOf(hidden.json())).toEqual(['calendarItemId:validation.invalid_value']);
      const linked = await create(danang, { calendarItemId: item.id });
      expect(linked.calendarItem).toEqual({ id: item.id, title: 'Tọa đàm Đà Nẵng' });
    });
  });

  describe('PATCH /api/products/:id and versions', () => {
    it('saves every edit as the next version and compares any two', async () => {
      const product = await create(hanoi);
      const edit = await hanoi.patch(`/api/products/${product.id}`, {
        version: product.version,
        body: 'Đoạn mở đầu.\nMức đóng hợp lý.\nKết luận.\n',
        themeCodes: ['II.1.a', 'II.1.b'],
        note: 'Sửa theo góp ý',
      });
      expect(edit.statusCode, edit.body).toBe(200);
      const edited = edit.json<TProductDetail>();
      expect(edited.currentVersion).toBe(2);
      const third = await hanoi.patch(`/api/products/${product.id}`, { version: edited.version, title: 'Tiêu đề mới' });
      expect(third.json<TProductDetail>().currentVersion).toBe(3);

      const versions = (await hanoi.get(`/api/products/${product.id}/versions`)).json<TProductVersion[]>();
      expect(versions.map((v) => [v.number, v.note])).toEqual([
        [3, null],
        [2, 'Sửa theo góp ý'],
        [1, null],
      ]);
      const v1 = (await hanoi.get(`/api/products/${product.id}/versions/1`)).json<TProductVersionDetail>();
      expect(v1.snapshot).toMatchObject({ title: product.title, body: product.body, themeCodes: ['II.1.a'] });

      const diff = (await hanoi.get(`/api/products/${product.id}/diff?from=1&to=2`)).json<TProductDiff>();
      expect(diff.fields.filter((f) => f.changed).map((f) => f.field)).toEqual(['body', 'themeCodes']);
      const body = diff.fields.find((f) => f.field === 'body');
      expect(body).toMatchObject({
        segments: [
          { op: 'equal', text: 'Đoạn mở đầu.\nMức đóng ' },
          { op: 'delete', text: 'thấp.' },
          { op: 'insert', text: 'hợp lý.' },
          // Text is stored trimmed: the final line break is gone.
          { op: 'equal', text: '\nKết luận.' },
        ],
      });
      expect(diff.fields.find((f) => f.field === 'themeCodes')).toMatchObject({ added: ['II.1.b'], removed: [] });
      const missing = await hanoi.get(`/api/products/${product.id}/diff?from=1&to=9`);
      expect(missing.statusCode).toBe(404);
    });

    it('writes no version for a save that changes nothing, and refuses a stale version', async () => {
      const product = await create(hanoi);
      const same = await hanoi.patch(`/api/products/${product.id}`, { version: product.version, title: product.title });
      expect(same.json<TProductDetail>().currentVersion).toBe(1);
      expect(await versionCount(product.id)).toBe(1);
      await hanoi.patch(`/api/products/${product.id}`, { version: product.version, title: 'Lần một' });
      const stale = await hanoi.patch(`/api/products/${product.id}`, { version: product.version, title: 'Lần hai' });
      expect(stale.statusCode).toBe(409);
      expect(await versionCount(product.id)).toBe(2);
    });

    it('hides another province’s product and forbids editing it to those who only read it, nothing half-written', async () => {
      const product = await create(hanoi);
      const seq = await t.lastAuditSeq();
      expect((await danang.get(`/api/products/${product.id}`)).statusCode).toBe(404);
      const foreign = await danang.patch(`/api/products/${product.id}`, { version: product.version, title: 'Đà Nẵng' });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json()).toMatchObject({ code: 'resource.not_found' });
      expect((await comms.get(`/api/products/${product.id}`)).json<TProductDetail>().canEdit).toBe(false);
      const reader = await comms.patch(`/api/products/${product.id}`, { version: product.version, title: 'TT sửa' });
      expect(reader.statusCode).toBe(403);
      expect(reader.headers['content-type']).toContain('application/problem+json');
      expect(reader.json()).toMatchObject({ code: 'access.forbidden' });
      // A district does not reach its province's products at all.
      const upper = await badinh.patch(`/api/products/${product.id}`, { version: product.version, title: 'Ba Đình' });
      expect(upper.statusCode).toBe(404);
      expect(await versionCount(product.id)).toBe(1);
      expect((await hanoi.get(`/api/products/${product.id}`)).json<TProductDetail>().title).toBe(product.title);
      expect(await t.auditSince(seq)).toEqual([]);
    });

    it('archives a product, after which it no longer changes', async () => {
      const product = await create(hanoi);
      const archived = await hanoi.post(`/api/products/${product.id}/archive`, { version: product.version });
      expect(archived.json<TProductDetail>()).toMatchObject({ status: 'archived', canEdit: false });
      const edit = await hanoi.patch(`/api/products/${product.id}`, { version: product.version + 1, title: 'Sửa' });
      expect(edit.statusCode).toBe(409);
      expect(edit.json()).toMatchObject({ code: 'product.archived' });
    });
  });

  describe('GET /api/products', () => {
    it('lists the subtree only, with filters by type, theme, audience, channel, unit, status, period and text', async () => {
      const video = await create(badinh, { typeCode: 'video', title: 'Video Ba Đình về BHYT hộ gia đình' });
      const poster = await create(hanoi, { typeCode: 'poster', channelCodes: ['press'], audienceCodes: [] });
      const theirs = await create(danang, { typeCode: 'video' });

      const ids = (page: TPage<TProduct>) => page.items.map((p) => p.id);
      expect(ids(await list(hanoi))).toEqual(expect.arrayContaining([video.id, poster.id]));
      expect(ids(await list(hanoi))).not.toContain(theirs.id);
      expect(ids(await list(badinh))).not.toContain(poster.id);
      expect(ids(await list(comms))).toEqual(expect.arrayContaining([video.id, poster.id, theirs.id]));

      expect(ids(await list(hanoi, 'typeCode=video'))).toEqual([video.id]);
      expect(ids(await list(hanoi, 'channelCode=press'))).toEqual([poster.id]);
      expect(ids(await list(hanoi, 'audienceCode=I.2'))).not.toContain(poster.id);
      expect(ids(await list(hanoi, `unitId=${d001}&typeCode=video`))).toEqual([video.id]);
      expect((await list(danang, `unitId=${d001}`)).total).toBe(0);
      expect(ids(await list(comms, `unitId=${d001}&typeCode=video`))).toEqual([video.id]);
      expect(ids(await list(hanoi, 'q=ho gia dinh'))).toEqual([video.id]);
      expect((await list(hanoi, 'status=archived')).items.every((p) => p.status === 'archived')).toBe(true);
      expect((await list(hanoi, 'to=2000-01-01')).total).toBe(0);
      expect((await list(hanoi, 'from=2000-01-01')).total).toBeGreaterThanOrEqual(2);
      const order = await hanoi.get('/api/products?from=2026-05-01&to=2026-04-01');
      expect(fieldsOf(order.json())).toEqual(['to:validation.date_order']);
    });

    it('counts the matches exactly up to the cap, then says "more than" (decision 0053)', async () => {
      for (let i = 0; i < 4; i++)
        await create(danang, { typeCode: 'special_page', title: `Chuyên trang Đà Nẵng số ${i}` });
      const page = (await danang.get('/api/products?typeCode=special_page&pageSize=2')).json<TPage<TProduct>>();
      expect({ total: page.total, totalCapped: page.totalCapped, shown: page.items.length }).toEqual({
        total: 4,
        totalCapped: false,
        shown: 2,
      });
      const where = eq(products.typeCode, 'special_page');
      expect(await boundedCount(t.db.db, products, where, 3)).toEqual({ total: 3, totalCapped: true });
      expect(await boundedCount(t.db.db, products, where, 4)).toEqual({ total: 4, totalCapped: false });
      expect(await boundedCount(t.db.db, products, eq(products.typeCode, 'no-such-type'), 3)).toEqual({
        total: 0,
        totalCapped: false,
      });
    });

    it('pages a province merged from its units exactly as the whole ordered list, in every order (decision 0054)', async () => {
      const made = [];
      for (let i = 0; i < 7; i++) {
        made.push(await create(i % 2 ? badinh : hanoi, { title: `${['Ắc', 'Ba', 'Đà', 'An', 'Ắc'][i % 5]} quy ${i}` }));
      }
      // Equal change times and statuses across units: the id must break the ties the same way.
      await t.db.pool.query(
        `UPDATE products SET updated_at = '2026-03-01T00:00:00Z', status = 'ready' WHERE id = ANY($1::uuid[])`,
        [made.filter((_, i) => i % 3 === 0).map((p) => p.id)],
      );
      const { rows: scope } = await t.db.pool.query<{ path: string }>(`SELECT path FROM org_units WHERE id = $1`, [
        p01,
      ]);
      const expected = async (orderBy: string, status?: string) =>
        (
          await t.db.pool.query<{ id: string }>(
            `SELECT p.id FROM products p JOIN org_units o ON o.id = p.owner_unit_id
              WHERE o.path LIKE $1 || '%' AND ($2::text IS NULL OR p.status = $2) ORDER BY ${orderBy}`,
            [scope[0]!.path, status ?? null],
          )
        ).rows.map((r) => r.id);
      const orders: [string, string][] = [
        ['-updatedAt', 'p.updated_at DESC, p.id'],
        ['updatedAt', 'p.updated_at, p.id'],
        ['-createdAt', 'p.created_at DESC, p.id'],
        ['title', 'p.title COLLATE "vi-x-icu", p.id'],
        ['-title', 'p.title COLLATE "vi-x-icu" DESC, p.id'],
        ['status', 'p.status, p.id'],
        ['ownerUnit', 'o.name COLLATE "vi-x-icu", p.id'],
      ];
      for (const [sort, orderBy] of orders) {
        for (const status of [undefined, 'ready']) {
          const want = await expected(orderBy, status);
          const got: string[] = [];
          for (let page = 1; page <= Math.ceil(want.length / 3) + 1; page++) {
            const query = `sort=${sort}&pageSize=3&page=${page}${status ? `&status=${status}` : ''}`;
            const response = await hanoi.get(`/api/products?${query}`);
            expect(response.statusCode, response.body).toBe(200);
            got.push(...response.json<TPage<TProduct>>().items.map((p) => p.id));
          }
          expect(got, `${sort} ${status ?? ''}`).toEqual(want);
        }
      }
    });

    it('counts a search up to a thousand, unit by unit, and pages it in order (decision 0054)', async () => {
      const { rows: units } = await t.db.pool.query<{ id: string }>(
        `SELECT id FROM org_units WHERE path LIKE (SELECT path FROM org_units WHERE id = $1) || '%' ORDER BY code`,
        [p01],
      );
      // 1,203 products of Hà Nội's units whose title holds "Tỉ giá hiếm", 301 of them Ba Đình's.
      await t.db.pool.query(
        `INSERT INTO products (guidance_year, type_code, title, summary, body, owner_unit_id, authors, updated_at)
         SELECT 2020, 'article', 'Tỉ giá hiếm số ' || g, 'Tóm tắt', 'Nội dung',
                CASE WHEN g % 4 = 0 THEN $1::uuid ELSE ($2::uuid[])[1 + g % cardinality($2::uuid[])] END,
                ARRAY['Lê Văn An'], now() - g * interval '1 minute'
           FROM generate_series(1, 1203) g`,
        [d001, units.map((u) => u.id).filter((id) => id !== d001)],
      );
      try {
        const page = async (session: Session, query: string) => {
          const response = await session.get(`/api/products?q=ti gia hiem&${query}`);
          expect(response.statusCode, response.body).toBe(200);
          return response.json<TPage<TProduct>>();
        };
        const province = await page(hanoi, 'pageSize=5&page=2');
        expect({ total: province.total, capped: province.totalCapped }).toEqual({ total: 1000, capped: true });
        // Newest change first: minutes 6 to 10 before now.
        expect(province.items.map((p) => p.title)).toEqual([6, 7, 8, 9, 10].map((g) => `Tỉ giá hiếm số ${g}`));
        const district = await page(badinh, 'pageSize=3');
        expect({ total: district.total, capped: district.totalCapped }).toEqual({ total: 300, capped: false });
        expect(district.items.map((p) => p.title)).toEqual([4, 8, 12].map((g) => `Tỉ giá hiếm số ${g}`));
        const country = await page(comms, 'pageSize=1&sort=title');
        expect({ total: country.total, capped: country.totalCapped }).toEqual({ total: 1000, capped: true });
        expect(country.items.map((p) => p.title)).toEqual(['Tỉ giá hiếm số 1']);
        expect((await page(danang, '')).total).toBe(0);
      } finally {
        await t.db.pool.query(`DELETE FROM products WHERE title LIKE 'Tỉ giá hiếm số %'`);
      }
    });

    it('searches the country newest first in its newest entries, and in the trigram index past them (decision 0056)', async () => {
      // 22,000 products, one minute apart; every tenth is "Mùa lúa chín", and the three oldest "Làng Vũ Đại".
      const count = SEARCH_WALK + 2_000;
      await t.db.pool.query(
        `INSERT INTO products (guidance_year, type_code, title, summary, body, owner_unit_id, authors, updated_at)
         SELECT 2020, 'article',
                CASE WHEN g > $2 - 3 THEN 'Làng Vũ Đại số ' WHEN g % 10 = 0 THEN 'Mùa lúa chín số ' ELSE 'Tin số ' END || g,
                'Tóm tắt', 'Nội dung', $1, ARRAY['Lê Văn An'], now() - g * interval '1 minute'
           FROM generate_series(1, $2) g`,
        [d001, count],
      );
      try {
        const page = async (query: string) => {
          const response = await comms.get(`/api/products?${query}`);
          expect(response.statusCode, response.body).toBe(200);
          const body = response.json<TPage<TProduct>>();
          return { total: body.total, capped: body.totalCapped, titles: body.items.map((p) => p.title) };
        };
        // Within the newest entries: the page and the capped count.
        expect(await page('q=mua lua chin&pageSize=5&page=3')).toEqual({
          total: 1000,
          capped: true,
          titles: [110, 120, 130, 140, 150].map((g) => `Mùa lúa chín số ${g}`),
        });
        // A page past them.
        const deep = await page('q=mua lua chin&pageSize=100&page=21');
        expect(deep.titles.slice(0, 2)).toEqual([20_010, 20_020].map((g) => `Mùa lúa chín số ${g}`));
        expect(deep.titles).toHaveLength(100);
        // Matches only past them: counted and paged by the trigram index.
        expect(await page('q=vu dai')).toEqual({
          total: 3,
          capped: false,
          titles: [count - 2, count - 1, count].map((g) => `Làng Vũ Đại số ${g}`),
        });
        // Another order or another filter: as before.
        expect((await page('q=vu dai&sort=-title')).titles[0]).toBe(`Làng Vũ Đại số ${count}`);
        expect((await page('q=mua lua chin&status=published')).total).toBe(0);
      } finally {
        await t.db.pool.query(`DELETE FROM products WHERE title ~ '^(Làng Vũ Đại|Mùa lúa chín|Tin) số [0-9]+$'`);
      }
    });

    it('exports the filtered list as Excel', async () => {
      const product = await create(hanoi, { typeCode: 'infographic', title: 'Infographic lương hưu' });
      const response = await hanoi.get('/api/products/export.xlsx?typeCode=infographic');
      expect(response.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      expect(sheet.getRow(1).getCell(1).value).toBe('Tên sản phẩm');
      const titles = sheet.getColumn(1).values.slice(2);
      expect(titles).toEqual([product.title]);
    });
  });

  describe('product files', () => {
    const PDF = Buffer.from('%PDF-1.7\n% Kịch bản video\n%%EOF\n');
    const upload = (session: Session, id: string) =>
      session.post(`/api/products/${id}/files`, PDF, {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('Kịch bản.pdf'),
      });

    it('adds, serves and removes a file for those who may edit; others see or touch nothing', async () => {
      const product = await create(hanoi);
      const added = await upload(hanoi, product.id);
      expect(added.statusCode, added.body).toBe(201);
      const file = added.json<TProductDetail['files'][number]>();
      expect(file.title).toBe('Kịch bản');
      const content = await hanoi.get(`/api/products/${product.id}/files/${file.file.id}/content`);
      expect(content.rawPayload).toEqual(PDF);
      expect((await danang.get(`/api/products/${product.id}/files/${file.file.id}/content`)).statusCode).toBe(404);
      expect((await upload(comms, product.id)).statusCode).toBe(403);
      expect((await hanoi.get(`/api/products/${product.id}`)).json<TProductDetail>().files).toHaveLength(1);
      const removed = await hanoi.delete(`/api/products/${product.id}/files/${file.file.id}`);
      expect(removed.statusCode).toBe(204);
      expect((await hanoi.get(`/api/products/${product.id}`)).json<TProductDetail>().files).toEqual([]);
    });
  });
});
