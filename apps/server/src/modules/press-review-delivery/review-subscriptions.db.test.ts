import ExcelJS from 'exceljs';
import { DOMParser } from 'linkedom';
import type { TPage, TProblem, TReviewSubscription, TSubscriptionFeedToken } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { insertEdition } from './review.fixtures.js';

let t: TestApp;
let editor: Session;
let hanoiOfficer: Session;
let danangStaff: Session;
const id: Record<string, string> = {};
const unit: Record<string, string> = {};
const PUBLIC_URL = 'https://loa.bhxh.gov.vn';
const BASE = '/api/review-subscriptions';

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL });
  const users = [
    { username: 'tt.editor', roles: ['comms_center'], unitCode: 'TT', fullName: 'Trần Thị Thông' },
    { username: 'hn.officer', roles: ['province_officer'], unitCode: 'P01', fullName: 'Hoàng Văn Hà' },
    { username: 'hn.staff', roles: ['viewer'], unitCode: 'D001', fullName: 'Vũ Thị Đình' },
    { username: 'dn.staff', roles: ['viewer'], unitCode: 'P48', fullName: 'Phan Văn Nẵng' },
    { username: 'lanh.dao', roles: ['leader'], unitCode: 'BHXHVN', fullName: 'Nguyễn Văn Lãnh' },
  ] as const;
  for (const u of users) id[u.username] = await t.createUser({ ...u, roles: [...u.roles] });
  for (const code of ['TT', 'P01', 'P48', 'D001']) unit[code] = await t.unitId(code);
  [editor, hanoiOfficer, danangStaff] = await Promise.all([
    t.login('tt.editor'),
    t.login('hn.officer'),
    t.login('dn.staff'),
  ]);
});
afterAll(async () => t?.close());

const problem = (response: { statusCode: number; json: <T>() => T }) => {
  const body = response.json<TProblem>();
  return { status: response.statusCode, code: body.code, fields: body.errors?.map((e) => [e.field, e.code]) };
};
const countRows = async () =>
  (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM press_review_subscriptions')).rows[0]!.n;

describe('the people one may subscribe', () => {
  const names = async (session: Session, q: string) =>
    (await session.get(`${BASE}/people?q=${encodeURIComponent(q)}`))
      .json<{ fullName: string }[]>()
      .map((p) => p.fullName);

  it('offers the Communication Center anyone, searched without accents', async () => {
    expect(await names(editor, 'lanh')).toEqual(['Nguyễn Văn Lãnh']);
    expect(await names(editor, 'nang')).toEqual(['Phan Văn Nẵng']);
  });

  it("offers a province officer the province's users only, and others only themselves", async () => {
    expect(await names(hanoiOfficer, 'van')).toEqual(['Hoàng Văn Hà']);
    expect(await names(hanoiOfficer, 'dinh')).toEqual(['Vũ Thị Đình']);
    expect(await names(hanoiOfficer, 'lanh')).toEqual([]);
    expect(await names(danangStaff, '')).toEqual(['Phan Văn Nẵng']);
  });
});

describe('review subscriptions', () => {
  let leaderSubscription: TReviewSubscription;

  it('lets the Communication Center subscribe anyone: by default to its own editions, everything, by e-mail', async () => {
    const seq = await t.lastAuditSeq();
    const response = await editor.post(BASE, { kind: 'review', userId: id['lanh.dao'] });
    expect(response.statusCode, response.body).toBe(201);
    leaderSubscription = response.json<TReviewSubscription>();
    expect(leaderSubscription).toMatchObject({
      kind: 'review',
      user: { username: 'lanh.dao', fullName: 'Nguyễn Văn Lãnh' },
      sourceUnit: { id: unit.TT, code: 'TT' },
      sections: [],
      provinces: [],
      email: true,
      active: true,
      feedUrl: null,
      hasFeed: false,
      version: 1,
    });
    expect(await t.auditSince(seq)).toEqual([
      expect.objectContaining({
        action: 'create',
        entity_type: 'review_subscription',
        entity_id: leaderSubscription.id,
      }),
    ]);
  });

  it('refuses a province outside the caller’s scope with a 422 problem, field by field, writing nothing', async () => {
    const before = await countRows();
    const outside = await hanoiOfficer.post(BASE, {
      kind: 'review',
      userId: id['hn.staff'],
      sourceUnitId: unit.P01,
      provinceIds: [unit.P48],
    });
    expect(outside.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problem(outside)).toEqual({
      status: 422,
      code: 'subscription.province_out_of_scope',
      fields: [['provinceIds', 'subscription.province_out_of_scope']],
    });
    expect(outside.json<TProblem>().errors![0]!.message).toBe(
      'Chỉ chọn được tỉnh, thành phố thuộc phạm vi quản lý của bạn',
    );
    // A district is not a province, even inside the scope.
    const district = await hanoiOfficer.post(BASE, {
      kind: 'review',
      userId: id['hn.staff'],
      sourceUnitId: unit.P01,
      provinceIds: [unit.D001],
    });
    expect(problem(district).status).toBe(422);
    expect(await countRows()).toBe(before);
  });

  it("lets a province officer subscribe the province's users to the province's own edition only", async () => {
    const own = await hanoiOfficer.post(BASE, {
      kind: 'review',
      userId: id['hn.staff'],
      sourceUnitId: unit.P01,
      provinceIds: [unit.P01],
      sections: ['provincial', 'risk'],
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json<TReviewSubscription>().provinces.map((p) => p.code)).toEqual(['P01']);
    const centre = await hanoiOfficer.post(BASE, { kind: 'bulletin', userId: id['hn.staff'] });
    expect(problem(centre)).toMatchObject({
      status: 400,
      fields: [['sourceUnitId', 'subscription.source_unit_out_of_scope']],
    });
    const otherProvince = await hanoiOfficer.post(BASE, {
      kind: 'review',
      userId: id['dn.staff'],
      sourceUnitId: unit.P01,
    });
    expect(problem(otherProvince)).toMatchObject({
      status: 400,
      fields: [['userId', 'subscription.user_out_of_scope']],
    });
    const notAnEditionUnit = await editor.post(BASE, {
      kind: 'review',
      userId: id['hn.staff'],
      sourceUnitId: unit.D001,
    });
    expect(problem(notAnEditionUnit).fields).toEqual([['sourceUnitId', 'subscription.source_unit_invalid']]);
  });

  it('lets users subscribe themselves and change their own choice, under the version check', async () => {
    const created = await danangStaff.post(BASE, { kind: 'bulletin', userId: id['dn.staff'], email: false });
    expect(created.statusCode, created.body).toBe(201);
    const mine = created.json<TReviewSubscription>();
    const changed = await danangStaff.patch(`${BASE}/${mine.id}`, { version: 1, sections: ['risk'] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ sections: ['risk'], email: false, version: 2 });
    expect(problem(await danangStaff.patch(`${BASE}/${mine.id}`, { version: 1, active: false })).code).toBe(
      'conflict.version',
    );
    const list = (await danangStaff.get(BASE)).json<TPage<TReviewSubscription>>();
    expect(list.items.map((s) => s.id)).toEqual([mine.id]);
    expect((await danangStaff.get(`${BASE}/${leaderSubscription.id}`)).statusCode).toBe(404);
    expect((await danangStaff.post(BASE, { kind: 'review', userId: id['lanh.dao'] })).statusCode).toBe(400);
    expect(
      (await hanoiOfficer.patch(`${BASE}/${leaderSubscription.id}`, { version: 1, active: false })).statusCode,
    ).toBe(404);
  });

  it('keeps one subscription per user, kind and unit', async () => {
    const again = await editor.post(BASE, { kind: 'review', userId: id['lanh.dao'], sections: ['risk'] });
    expect(problem(again)).toEqual({
      status: 409,
      code: 'conflict.duplicate',
      fields: [['userId', 'subscription.duplicate']],
    });
  });

  it('lists with filters and an accent-insensitive search, and exports the same to Excel', async () => {
    const found = (await editor.get(`${BASE}?q=van%20lanh`)).json<TPage<TReviewSubscription>>();
    expect(found.items.map((s) => s.user.username)).toEqual(['lanh.dao']);
    const bulletins = (await editor.get(`${BASE}?kind=bulletin`)).json<TPage<TReviewSubscription>>();
    expect(bulletins.items.map((s) => s.user.username)).toEqual(['dn.staff']);
    const all = (await editor.get(`${BASE}?sort=user`)).json<TPage<TReviewSubscription>>();
    expect(all.total).toBe(3);
    const hanoiList = (await hanoiOfficer.get(BASE)).json<TPage<TReviewSubscription>>();
    expect(hanoiList.items.map((s) => s.user.username)).toEqual(['hn.staff']);

    const exported = await editor.get(`${BASE}/export.xlsx?sort=user`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/dang-ky-nhan-diem-bao\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Người nhận');
    expect(sheet.rowCount).toBe(1 + all.total);
    const names = [2, 3, 4].map((r) => sheet.getRow(r).getCell(2).value);
    expect(names).toEqual(all.items.map((s) => s.user.fullName));
    const hanoiRow = [2, 3, 4].find((r) => sheet.getRow(r).getCell(3).value === 'hn.staff')!;
    expect(sheet.getRow(hanoiRow).getCell(7).value).toBe('Tin tiêu cực, rủi ro cần lưu ý; Tin địa phương');
  });
});

describe('the secret feed of a subscription', () => {
  let subscription: TReviewSubscription;
  let token: TSubscriptionFeedToken;
  const path = (url: string) => url.slice(PUBLIC_URL.length);
  const fetchFeed = (url: string) => t.app.inject({ method: 'GET', url: path(url) });

  beforeAll(async () => {
    const created = await editor.post(BASE, {
      kind: 'bulletin',
      userId: id['hn.officer'],
      provinceIds: [unit.P01],
    });
    expect(created.statusCode, created.body).toBe(201);
    subscription = created.json<TReviewSubscription>();
    for (const day of ['2026-11-24', '2026-11-25']) {
      const editionId = await insertEdition(t, {
        kind: 'bulletin',
        day,
        entries: [
          { section: 'agency', headline: `Tin ngành ngày ${day}` },
          { section: 'agency', headline: `Tin bỏ ra ngày ${day}`, excluded: true },
          { section: 'provincial', headline: `Hà Nội ngày ${day}`, provinceCode: 'P01' },
          { section: 'provincial', headline: `Đà Nẵng ngày ${day}`, provinceCode: 'P48' },
        ],
      });
      const approved = await editor.post(`/api/bulletins/${editionId}/approve`, { version: 1 });
      expect(approved.statusCode, approved.body).toBe(200);
    }
    await insertEdition(t, {
      kind: 'bulletin',
      day: '2026-11-26',
      entries: [{ section: 'agency', headline: 'Bản nháp' }],
    });
    const seq = await t.lastAuditSeq();
    const rotated = await hanoiOfficer.post(`${BASE}/${subscription.id}/feed-token`);
    expect(rotated.statusCode, rotated.body).toBe(201);
    token = rotated.json<TSubscriptionFeedToken>();
    expect(await t.auditSince(seq)).toEqual([
      expect.objectContaining({ action: 'rotate_review_feed', entity_id: subscription.id }),
    ]);
  });

  it('gives a secret address, shown once', async () => {
    expect(token.feedUrl).toMatch(/^https:\/\/loa\.bhxh\.gov\.vn\/api\/feeds\/reviews\/[A-Za-z0-9_-]{43}\.atom$/);
    expect(token.rssUrl).toBe(token.feedUrl.replace(/\.atom$/, '.rss'));
    const read = (await hanoiOfficer.get(`${BASE}/${subscription.id}`)).json<TReviewSubscription>();
    expect([read.hasFeed, read.feedUrl]).toEqual([true, null]);
  });

  it('serves the approved editions as Atom without a session, newest first, filtered like the e-mail', async () => {
    const response = await fetchFeed(token.feedUrl);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = new DOMParser().parseFromString(response.body, 'text/xml');
    const entries = [...feed.querySelectorAll('entry')];
    expect(entries.map((e) => e.querySelector('title')!.textContent)).toEqual([
      'Thông tin báo chí – Bản tin 24 giờ ngày 2026-11-25',
      'Thông tin báo chí – Bản tin 24 giờ ngày 2026-11-24',
    ]);
    const content = entries[0]!.querySelector('content')!.textContent!;
    expect(content).toContain('Hà Nội ngày 2026-11-25');
    expect(content).toContain('Tin ngành ngày 2026-11-25');
    expect(content).not.toContain('Đà Nẵng ngày 2026-11-25');
    expect(content).not.toContain('Tin bỏ ra');
    expect(entries[0]!.querySelector('link')!.getAttribute('href')).toMatch(
      /^https:\/\/loa\.bhxh\.gov\.vn\/bulletins\//,
    );
  });

  it('serves the same as RSS 2.0', async () => {
    const response = await fetchFeed(token.rssUrl);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const feed = new DOMParser().parseFromString(response.body, 'text/xml');
    expect(feed.querySelectorAll('item')).toHaveLength(2);
  });

  it('answers 404 for an unknown or replaced token, and once the subscription is off', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: `/api/feeds/reviews/${'A'.repeat(43)}.atom` });
    expect([unknown.statusCode, unknown.json<TProblem>().code]).toEqual([404, 'resource.not_found']);
    expect((await t.app.inject({ method: 'GET', url: '/api/feeds/reviews/nonsense' })).statusCode).toBe(404);
    const replaced = (await hanoiOfficer.post(`${BASE}/${subscription.id}/feed-token`)).json<TSubscriptionFeedToken>();
    expect((await fetchFeed(token.feedUrl)).statusCode).toBe(404);
    expect((await fetchFeed(replaced.feedUrl)).statusCode).toBe(200);
    const off = await hanoiOfficer.patch(`${BASE}/${subscription.id}`, {
      version: subscription.version,
      active: false,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await fetchFeed(replaced.feedUrl)).statusCode).toBe(404);
  });

  it('deletes a subscription, audited', async () => {
    const seq = await t.lastAuditSeq();
    expect((await editor.delete(`${BASE}/${subscription.id}`)).statusCode).toBe(204);
    expect((await editor.get(`${BASE}/${subscription.id}`)).statusCode).toBe(404);
    expect(await t.auditSince(seq)).toEqual([
      expect.objectContaining({ action: 'delete', entity_type: 'review_subscription', entity_id: subscription.id }),
    ]);
  });
});
