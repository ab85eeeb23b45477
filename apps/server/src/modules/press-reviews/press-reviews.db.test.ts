import ExcelJS from 'exceljs';
import type { TPage, TProblem, TReview, TReviewSummary } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { storeArticle, storeSource } from './press-reviews.fixtures.js';

let t: TestApp;
let editor: Session;
let leader: Session;
let hanoi: Session;
let danang: Session;
let viewer: Session;
let admin: Session;
const ids: Record<string, string> = {};

// The review of 25/11/2025 covers 06:30 on the 24th to 06:30 on the 25th, Vietnam time.
const DAY = '2025-11-25';
const EMPTY_DAY = '2025-10-01';

const compile = (session: Session, body: Record<string, unknown>, base = '/api/reviews') => session.post(base, body);
const fieldsOf = (response: { json: <T>() => T }) => response.json<TProblem>().errors?.map((e) => [e.field, e.code]);

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tt.editor', roles: ['comms_center'], unitCode: 'TT', fullName: 'Biên tập viên TT' });
  await t.createUser({ username: 'tgd.leader', roles: ['leader'], unitCode: 'BHXHVN', fullName: 'Lãnh đạo Ngành' });
  await t.createUser({ username: 'p01.officer', roles: ['province_officer'], unitCode: 'P01' });
  const danangId = await t.createUser({ username: 'p48.officer', roles: ['province_officer'], unitCode: 'P48' });
  await t.createUser({ username: 'p79.viewer', roles: ['viewer'], unitCode: 'P79' });
  [editor, leader, hanoi, danang, viewer, admin] = await Promise.all([
    t.login('tt.editor'),
    t.login('tgd.leader'),
    t.login('p01.officer'),
    t.login('p48.officer'),
    t.login('p79.viewer'),
    t.loginAdmin(),
  ]);
  ids.danangUser = danangId;
  const laodong = await storeSource(t, 'Báo Lao Động', 'national');
  const hanoimoi = await storeSource(t, 'Báo Hà Nội Mới', 'provincial', 'P01', 'P01');
  const baodanang = await storeSource(t, 'Báo Đà Nẵng', 'provincial', 'P48', 'TT');
  const page = await storeSource(t, 'Trang cộng đồng Bảo hiểm', 'social');
  ids.agency = await storeArticle(t, {
    source: hanoimoi,
    title: 'Hà Nội: hướng dẫn tăng lương hưu từ tháng 7',
    at: '2025-11-24T02:00:00Z',
    body: 'Người nghỉ hưu được điều chỉnh lương. BHXH thành phố hướng dẫn chi trả. Câu thứ ba.',
  });
  ids.agencyCopy = await storeArticle(t, {
    source: laodong,
    title: 'BHXH Việt Nam hướng dẫn tăng lương hưu',
    at: '2025-11-24T03:00:00Z',
    lead: 'Từ tháng 7, lương hưu được điều chỉnh tăng.',
    storyOf: ids.agency,
  });
  ids.scam = await storeArticle(t, {
    source: page,
    title: 'Cảnh báo lừa đảo giả danh cán bộ BHXH',
    at: '2025-11-24T05:00:00Z',
    flags: ['scam_impersonation'],
    relevance: 'peripheral',
  });
  ids.hanoiLocal = await storeArticle(t, {
    source: hanoimoi,
    title: 'BHXH Hà Nội đối thoại với doanh nghiệp',
    at: '2025-11-24T06:00:00Z',
  });
  ids.danangLocal = await storeArticle(t, {
    source: baodanang,
    title: 'Đà Nẵng cấp thẻ BHYT cho học sinh',
    at: '2025-11-24T07:00:00Z',
    relevance: 'peripheral',
    unit: 'sothe',
  });
  await storeArticle(t, {
    source: laodong,
    title: 'Giá vàng hôm nay',
    at: '2025-11-24T08:00:00Z',
    relevance: 'unrelated',
  });
  await storeArticle(t, { source: laodong, title: 'Tin cũ về BHXH một lần', at: '2025-11-22T10:00:00Z' });
  await storeArticle(t, { source: laodong, title: 'Tin sau giờ tổng hợp', at: '2025-11-24T23:30:00Z' });
});
afterAll(async () => t?.close());

describe('POST /api/reviews', () => {
  let review: TReview;

  it('compiles a draft from the window: one entry per story, in sections, ranked, audited', async () => {
    const since = await t.lastAuditSeq();
    const response = await compile(editor, { editionDate: DAY });
    expect(response.statusCode).toBe(201);
    review = response.json<TReview>();
    ids.review = review.id;
    expect(review).toMatchObject({
      kind: 'review',
      title: 'Điểm báo ngày 25/11/2025',
      editionDate: DAY,
      windowFrom: '2025-11-23T23:30:00.000Z',
      windowTo: '2025-11-24T23:30:00.000Z',
      orgUnit: { code: 'TT' },
      status: 'draft',
      entryCount: 4,
      riskCount: 1,
      approvedAt: null,
      delivery: { pending: 0, sent: 0, failed: 0, held: 0 },
      canEdit: true,
      canApprove: true,
      version: 1,
    });
    expect(review.entries.map((e) => [e.section, e.position, e.headline])).toEqual([
      ['risk', 1, 'Cảnh báo lừa đảo giả danh cán bộ BHXH'],
      ['agency', 1, 'BHXH Việt Nam hướng dẫn tăng lương hưu'],
      ['provincial', 1, 'BHXH Hà Nội đối thoại với doanh nghiệp'],
      ['provincial', 2, 'Đà Nẵng cấp thẻ BHYT cho học sinh'],
    ]);
    const agency = review.entries[1]!;
    expect(agency).toMatchObject({
      clusterId: ids.agency,
      outlets: ['Báo Hà Nội Mới', 'Báo Lao Động'],
      extract: 'Từ tháng 7, lương hưu được điều chỉnh tăng.',
      province: null,
      comment: null,
      excluded: false,
    });
    expect(agency.links.map((l) => l.articleId)).toEqual([ids.agency, ids.agencyCopy]);
    expect(review.entries[3]).toMatchObject({ province: { code: 'P48' }, theme: 'sothe', relevance: 'peripheral' });
    const audit = await t.auditSince(since);
    expect(audit.map((a) => [a.action, a.entity_type, a.entity_id])).toEqual([['compile', 'press_review', review.id]]);
    expect(audit[0]!.after).toMatchObject({ entries: 4, risk: 1, articles: 5 });
  });

  it('returns the existing edition for the same unit, kind and day with 200, unchanged', async () => {
    const since = await t.lastAuditSeq();
    const again = await compile(editor, { editionDate: DAY });
    expect(again.statusCode).toBe(200);
    expect(again.json<TReview>()).toMatchObject({ id: review.id, version: review.version, entryCount: 4 });
    expect(await t.auditSince(since)).toEqual([]);
  });

  it('makes one edition when two compile the same day at once', async () => {
    const [a, b] = await Promise.all([
      compile(editor, { editionDate: '2025-11-20' }),
      compile(admin, { editionDate: '2025-11-20' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json<TReview>().id).toBe(b.json<TReview>().id);
    const { rows } = await t.db.pool.query(`SELECT id FROM press_reviews WHERE edition_date = '2025-11-20'`);
    expect(rows).toHaveLength(1);
  });

  it('compiles an honest empty edition when nothing was published', async () => {
    const response = await compile(editor, { editionDate: EMPTY_DAY });
    expect(response.statusCode).toBe(201);
    expect(response.json<TReview>()).toMatchObject({ entries: [], entryCount: 0, riskCount: 0, status: 'draft' });
  });

  it("compiles a province's edition from the sources of its subtree only", async () => {
    const response = await compile(hanoi, { editionDate: DAY });
    expect(response.statusCode).toBe(201);
    const own = response.json<TReview>();
    ids.hanoiReview = own.id;
    expect(own.orgUnit.code).toBe('P01');
    // Only the Hà Nội Mới copy of the national story is in scope: there it is provincial news.
    expect(own.entries.map((e) => [e.section, e.clusterId, e.outlets])).toEqual([
      ['provincial', ids.agency, ['Báo Hà Nội Mới']],
      ['provincial', ids.hanoiLocal, ['Báo Hà Nội Mới']],
    ]);
  });

  it('refuses a day still to come, a unit out of scope, a unit without an edition, and readers', async () => {
    expect(fieldsOf(await compile(editor, { editionDate: '2999-01-01' }))).toEqual([
      ['editionDate', 'review.future_edition'],
    ]);
    const tt = await t.unitId('TT');
    expect(fieldsOf(await compile(hanoi, { orgUnitId: tt }))).toEqual([['orgUnitId', 'validation.unit_out_of_scope']]);
    const thu = await t.unitId('THU');
    expect(fieldsOf(await compile(admin, { orgUnitId: thu }))).toEqual([['orgUnitId', 'review.no_edition_for_unit']]);
    expect((await compile(viewer, {})).statusCode).toBe(403);
    expect((await compile(editor, { editionDate: '25/11/2025' })).statusCode).toBe(400);
  });
});

describe('who sees what', () => {
  it('shows a draft to editors and approvers in scope only', async () => {
    const asEditor = (await editor.get(`/api/reviews/${ids.review}`)).json<TReview>();
    expect(asEditor).toMatchObject({ canEdit: true, canApprove: true });
    const asLeader = (await leader.get(`/api/reviews/${ids.review}`)).json<TReview>();
    expect(asLeader).toMatchObject({ canEdit: false, canApprove: true });
    expect((await hanoi.get(`/api/reviews/${ids.review}`)).statusCode).toBe(404);
    expect((await viewer.get(`/api/reviews/${ids.review}`)).statusCode).toBe(404);
    expect((await danang.get(`/api/reviews/${ids.hanoiReview}`)).statusCode).toBe(404);
    const listed = (await hanoi.get('/api/reviews')).json<TPage<TReviewSummary>>();
    expect(listed.items.map((r) => r.id)).toEqual([ids.hanoiReview]);
    expect((await viewer.get('/api/reviews')).json<TPage<TReviewSummary>>()).toEqual({ items: [], total: 0 });
  });

  it('shows an approved edition to every signed-in user, without the entries left out', async () => {
    const draft = (await editor.get(`/api/reviews/${ids.review}`)).json<TReview>();
    const left = draft.entries.find((e) => e.section === 'provincial' && e.position === 2)!;
    const edited = await editor.patch(`/api/reviews/${ids.review}/entries/${left.id}`, {
      version: draft.version,
      excluded: true,
      comment: 'Không đưa tin này',
    });
    expect(edited.statusCode).toBe(200);
    const approved = await leader.post(`/api/reviews/${ids.review}/approve`, {
      version: edited.json<TReview>().version,
    });
    expect(approved.statusCode).toBe(200);
    const seen = await viewer.get(`/api/reviews/${ids.review}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<TReview>()).toMatchObject({
      status: 'approved',
      entryCount: 3,
      canEdit: false,
      canApprove: false,
    });
    expect(seen.json<TReview>().entries.map((e) => e.id)).not.toContain(left.id);
    // The editor still sees what was left out.
    const asEditor = (await editor.get(`/api/reviews/${ids.review}`)).json<TReview>();
    expect(asEditor.entries.find((e) => e.id === left.id)).toMatchObject({ excluded: true });
    const listed = (await hanoi.get('/api/reviews')).json<TPage<TReviewSummary>>();
    expect(listed.items.map((r) => r.id).sort()).toEqual([ids.review, ids.hanoiReview].sort());
  });
});

describe('GET /api/reviews (archive)', () => {
  const search = async (session: Session, query: string) =>
    (await session.get(`/api/reviews?${query}`)).json<TPage<TReviewSummary>>();

  it('searches titles, headlines, extracts and comments without accents', async () => {
    expect((await search(viewer, 'q=diem%20bao')).items.map((r) => r.title)).toEqual(['Điểm báo ngày 25/11/2025']);
    expect((await search(editor, 'q=LUA%20DAO%20gia%20danh')).items.map((r) => r.id)).toEqual([ids.review]);
    expect((await search(editor, 'q=luong%20huu%20dieu%20chinh')).items.map((r) => r.id)).toContain(ids.review);
    // A left-out entry is not part of the edition: its headline and comment are not found.
    expect((await search(editor, 'q=khong%20dua%20tin')).total).toBe(0);
    expect((await search(editor, 'q=hoc%20sinh')).items.map((r) => r.id)).not.toContain(ids.review);
  });

  it('filters by status, unit and day, sorts and pages', async () => {
    const drafts = await search(editor, 'status=draft&sort=editionDate');
    expect(drafts.items.map((r) => r.editionDate)).toEqual([EMPTY_DAY, '2025-11-20']);
    const p01 = await t.unitId('P01');
    expect((await search(admin, `orgUnitId=${p01}`)).items.map((r) => r.id)).toEqual([ids.hanoiReview]);
    const paged = await search(admin, 'from=2025-11-01&to=2025-11-30&pageSize=1&page=2');
    expect(paged.total).toBe(3);
    expect(paged.items).toHaveLength(1);
    expect((await admin.get('/api/reviews?sort=-nope')).statusCode).toBe(400);
  });

  it('exports the same list as Excel', async () => {
    const response = await editor.get('/api/reviews/export.xlsx?status=approved');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('diem-bao.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 6)).toEqual([
      'Ngày',
      'Tiêu đề',
      'Đơn vị',
      'Trạng thái',
      'Số tin',
    ]);
    expect(sheet.rowCount).toBe(2);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 6)).toEqual([
      '25/11/2025',
      'Điểm báo ngày 25/11/2025',
      'Trung tâm Truyền thông',
      'Đã duyệt và gửi',
      3,
    ]);
  });
});

describe('POST /api/bulletins', () => {
  it('compiles the 24-hour bulletin with its own title and window, apart from the review', async () => {
    const response = await compile(editor, { editionDate: DAY }, '/api/bulletins');
    expect(response.statusCode).toBe(201);
    const bulletin = response.json<TReview>();
    expect(bulletin).toMatchObject({
      kind: 'bulletin',
      title: 'Thông tin báo chí – Bản tin 24 giờ ngày 25/11/2025',
      windowFrom: '2025-11-24T09:00:00.000Z',
      windowTo: '2025-11-25T09:00:00.000Z',
    });
    // Only the story published after 16:00 on the 24th falls in the bulletin's window.
    expect(bulletin.entries.map((e) => e.headline)).toEqual(['Tin sau giờ tổng hợp']);
    expect((await editor.get(`/api/reviews/${bulletin.id}`)).statusCode).toBe(404);
    expect((await editor.get(`/api/bulletins/${ids.review}`)).statusCode).toBe(404);
    const listed = (await editor.get('/api/bulletins')).json<TPage<TReviewSummary>>();
    expect(listed.items.map((r) => r.id)).toEqual([bulletin.id]);
  });
});

describe('the compile jobs', () => {
  it("compiles today's edition for the centre and each province with subscribers to its own, once", async () => {
    const p48 = await t.unitId('P48');
    await t.db.pool.query(
      `INSERT INTO press_review_subscriptions (kind, user_id, source_unit_id) VALUES ('bulletin', $1, $2)`,
      [ids.danangUser, p48],
    );
    const since = await t.lastAuditSeq();
    expect(await t.services.pressReviews.compileScheduled('bulletin')).toBe(2);
    expect(await t.services.pressReviews.compileScheduled('bulletin')).toBe(0);
    const { rows } = await t.db.pool.query<{ code: string; n: number }>(
      `SELECT u.code, count(*)::int AS n FROM press_reviews r JOIN org_units u ON u.id = r.org_unit_id
        WHERE r.kind = 'bulletin' AND r.edition_date <> $1 GROUP BY u.code ORDER BY u.code`,
      [DAY],
    );
    expect(rows).toEqual([
      { code: 'P48', n: 1 },
      { code: 'TT', n: 1 },
    ]);
    const audit = await t.auditSince(since);
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ['compile', null],
      ['compile', null],
    ]);
  });
});
