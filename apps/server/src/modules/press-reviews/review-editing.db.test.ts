import type { TProblem, TReview } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { storeArticle, storeSource } from './press-reviews.fixtures.js';

let t: TestApp;
let editor: Session;
let leader: Session;
let hanoi: Session;
let viewer: Session;
const ids: Record<string, string> = {};
let review: TReview;

// The review of 10/12/2025 covers 06:30 on the 9th to 06:30 on the 10th, Vietnam time.
const DAY = '2025-12-10';
const url = (path = '') => `/api/reviews/${review.id}${path}`;
const problem = (response: { json: <T>() => T }) => response.json<TProblem>();
const headlines = (r: TReview) => r.entries.map((e) => `${e.section}${e.position}:${e.headline}`);
const statusOf = async (id: string) =>
  (await t.db.pool.query<{ status: string }>('SELECT status FROM press_reviews WHERE id = $1', [id])).rows[0]!.status;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tt.editor', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'tgd.leader', roles: ['leader'], unitCode: 'BHXHVN', fullName: 'Nguyễn Lãnh Đạo' });
  await t.createUser({ username: 'p01.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'tt.viewer', roles: ['viewer'], unitCode: 'TT' });
  [editor, leader, hanoi, viewer] = await Promise.all([
    t.login('tt.editor'),
    t.login('tgd.leader'),
    t.login('p01.officer'),
    t.login('tt.viewer'),
  ]);
  const tuoitre = await storeSource(t, 'Báo Tuổi Trẻ', 'national');
  const thanhnien = await storeSource(t, 'Báo Thanh Niên', 'national');
  ids.a = await storeArticle(t, {
    source: tuoitre,
    title: 'Tăng mức hỗ trợ đóng BHYT hộ gia đình',
    at: '2025-12-09T01:00:00Z',
  });
  ids.b = await storeArticle(t, { source: thanhnien, title: 'Mở rộng BHXH tự nguyện', at: '2025-12-09T02:00:00Z' });
  ids.c = await storeArticle(t, {
    source: tuoitre,
    title: 'Phòng khám trục lợi quỹ BHYT',
    at: '2025-12-09T03:00:00Z',
    sentiment: 'negative',
    flags: ['fraud'],
  });
  ids.old = await storeArticle(t, {
    source: thanhnien,
    title: 'Sổ BHXH bị cầm cố trái phép',
    at: '2025-12-01T03:00:00Z',
    flags: ['book_trading'],
  });
  review = (await editor.post('/api/reviews', { editionDate: DAY })).json<TReview>();
  ids.second = (await editor.post('/api/reviews', { editionDate: '2025-12-11' })).json<TReview>().id;
});
afterAll(async () => t?.close());

describe('editing a draft', () => {
  it('changes the title and the opening paragraph, audited, with a version check', async () => {
    const since = await t.lastAuditSeq();
    const response = await editor.patch(url(), {
      version: review.version,
      title: 'Điểm báo sáng 10/12/2025',
      intro: 'Kính gửi lãnh đạo Ngành bản điểm báo.',
    });
    expect(response.statusCode).toBe(200);
    const updated = response.json<TReview>();
    expect(updated).toMatchObject({
      title: 'Điểm báo sáng 10/12/2025',
      intro: 'Kính gửi lãnh đạo Ngành bản điểm báo.',
    });
    expect(updated.version).toBe(review.version + 1);
    const stale = await editor.patch(url(), { version: review.version, title: 'Khác' });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('conflict.version');
    const audit = await t.auditSince(since);
    expect(audit.map((a) => [a.action, a.entity_type])).toEqual([['update', 'press_review']]);
    expect(audit[0]!.before).toMatchObject({ title: 'Điểm báo ngày 10/12/2025', intro: null });
    expect((await editor.patch(url(), { version: updated.version, title: '' })).statusCode).toBe(400);
    review = updated;
  });

  it('edits an entry: text, comment, left out, and a move to the end of another section', async () => {
    expect(headlines(review)).toEqual([
      'risk1:Phòng khám trục lợi quỹ BHYT',
      'agency1:Tăng mức hỗ trợ đóng BHYT hộ gia đình',
      'agency2:Mở rộng BHXH tự nguyện',
    ]);
    const first = review.entries[1]!;
    const since = await t.lastAuditSeq();
    let response = await editor.patch(url(`/entries/${first.id}`), {
      version: review.version,
      headline: 'Hỗ trợ đóng BHYT hộ gia đình tăng',
      comment: 'Đề nghị Ban Thu theo dõi',
      section: 'theme',
    });
    expect(response.statusCode).toBe(200);
    review = response.json<TReview>();
    expect(headlines(review)).toEqual([
      'risk1:Phòng khám trục lợi quỹ BHYT',
      'agency1:Mở rộng BHXH tự nguyện',
      'theme1:Hỗ trợ đóng BHYT hộ gia đình tăng',
    ]);
    expect(review.entries[2]!.comment).toBe('Đề nghị Ban Thu theo dõi');
    response = await editor.patch(url(`/entries/${first.id}`), { version: review.version, excluded: true });
    review = response.json<TReview>();
    expect(review).toMatchObject({ entryCount: 2 });
    expect(review.entries[2]).toMatchObject({ excluded: true });
    const audit = await t.auditSince(since);
    expect(audit.map((a) => a.action)).toEqual(['update_entry', 'update_entry']);
    expect(audit[0]!.before).toMatchObject({ section: 'agency', comment: null });
    expect(audit[0]!.after).toMatchObject({ section: 'theme', comment: 'Đề nghị Ban Thu theo dõi' });
    const missing = await editor.patch(url(`/entries/${ids.a}`), { version: review.version, excluded: false });
    expect(missing.statusCode).toBe(404);
  });

  it("adds an article's story the compiler did not pick, once", async () => {
    const since = await t.lastAuditSeq();
    const response = await editor.post(url('/entries'), { version: review.version, articleId: ids.old });
    expect(response.statusCode).toBe(201);
    review = response.json<TReview>();
    expect(headlines(review)[1]).toBe('risk2:Sổ BHXH bị cầm cố trái phép');
    expect((await t.auditSince(since)).map((a) => a.action)).toEqual(['add_entry']);
    const twice = await editor.post(url('/entries'), { version: review.version, articleId: ids.old });
    expect(twice.statusCode).toBe(409);
    expect(problem(twice).errors?.map((e) => [e.field, e.code])).toEqual([['articleId', 'review.story_present']]);
    const unknown = await editor.post(url('/entries'), {
      version: review.version,
      articleId: '00000000-0000-4000-8000-000000000000',
    });
    expect(problem(unknown).errors?.map((e) => [e.field, e.code])).toEqual([
      ['articleId', 'review.article_out_of_scope'],
    ]);
  });

  it('reorders when every entry is listed exactly once, and answers 422 on sections otherwise', async () => {
    const [risk1, risk2, agency1, theme1] = review.entries.map((e) => e.id) as [string, string, string, string];
    const order = (sections: { section: string; entryIds: string[] }[]) =>
      editor.put(url('/order'), { version: review.version, sections });
    for (const wrong of [
      [{ section: 'risk', entryIds: [risk1, risk2, agency1] }],
      [{ section: 'risk', entryIds: [risk1, risk2, agency1, theme1, theme1] }],
      [{ section: 'risk', entryIds: [risk1, risk2, agency1, ids.a!] }],
      [
        { section: 'risk', entryIds: [risk1, risk2] },
        { section: 'risk', entryIds: [agency1, theme1] },
      ],
    ]) {
      const response = await order(wrong);
      expect(response.statusCode).toBe(422);
      expect(problem(response)).toMatchObject({ code: 'review.order_mismatch' });
      expect(problem(response).errors?.map((e) => [e.field, e.code])).toEqual([['sections', 'review.order_mismatch']]);
    }
    const since = await t.lastAuditSeq();
    const response = await order([
      { section: 'risk', entryIds: [risk2, risk1] },
      { section: 'agency', entryIds: [theme1, agency1] },
    ]);
    expect(response.statusCode).toBe(200);
    review = response.json<TReview>();
    expect(review.entries.map((e) => [e.id, e.section, e.position])).toEqual([
      [risk2, 'risk', 1],
      [risk1, 'risk', 2],
      [theme1, 'agency', 1],
      [agency1, 'agency', 2],
    ]);
    const audit = await t.auditSince(since);
    expect(audit.map((a) => a.action)).toEqual(['reorder']);
    expect(audit[0]!.after).toMatchObject({ risk: [risk2, risk1], agency: [theme1, agency1], theme: [] });
  });

  it('lets neither a reader nor another unit edit', async () => {
    // A viewer never edits an edition: the route gate refuses the role before the draft is looked up.
    const reader = await viewer.patch(url(), { version: review.version, title: 'X' });
    expect(reader.statusCode).toBe(403);
    expect(reader.json().code).toBe('access.role_forbidden');
    expect((await hanoi.patch(url(), { version: review.version, title: 'X' })).statusCode).toBe(404);
    expect((await leader.patch(url(), { version: review.version, title: 'X' })).statusCode).toBe(403);
  });
});

describe('approval', () => {
  it('approves once: delivery is prepared inside the transaction and woken after it, a second approval is a 409', async () => {
    const inside: string[] = [];
    const after: string[] = [];
    t.services.pressReviews.setApprovalHooks({
      async onApproved(_tx, actor, approved) {
        // Not committed yet: another connection still sees the draft.
        inside.push(`${actor.username}:${approved.status}:${approved.id}:${await statusOf(approved.id)}`);
      },
      async afterApproved(id) {
        after.push(`${id}:${await statusOf(id)}`);
      },
    });
    const since = await t.lastAuditSeq();
    const response = await leader.post(url('/approve'), { version: review.version });
    expect(response.statusCode).toBe(200);
    const approved = response.json<TReview>();
    expect(approved).toMatchObject({
      status: 'approved',
      approvedBy: 'Nguyễn Lãnh Đạo',
      canEdit: false,
      canApprove: false,
    });
    expect(approved.approvedAt).not.toBeNull();
    expect(inside).toEqual([`tgd.leader:approved:${review.id}:draft`]);
    expect(after).toEqual([`${review.id}:approved`]);
    const audit = await t.auditSince(since);
    expect(audit.map((a) => [a.action, a.entity_type, a.entity_id])).toEqual([['approve', 'press_review', review.id]]);

    const again = await editor.post(url('/approve'), { version: approved.version });
    expect(again.statusCode).toBe(409);
    expect(problem(again).code).toBe('review.already_approved');
    expect((await leader.post(url('/approve'), { version: review.version })).statusCode).toBe(409);
    expect(inside).toHaveLength(1);
    expect(after).toHaveLength(1);
    review = approved;
  });

  it('refuses every change to an approved edition', async () => {
    const entry = review.entries[0]!;
    for (const response of [
      await editor.patch(url(), { version: review.version, title: 'Sửa sau khi duyệt' }),
      await editor.patch(url(`/entries/${entry.id}`), { version: review.version, comment: 'Muộn' }),
      await editor.post(url('/entries'), { version: review.version, articleId: ids.a }),
      await editor.put(url('/order'), {
        version: review.version,
        sections: [{ section: 'risk', entryIds: review.entries.map((e) => e.id) }],
      }),
    ]) {
      expect(response.statusCode).toBe(409);
      expect(problem(response).code).toBe('review.already_approved');
    }
  });

  it('approves exactly once when two approve at the same time', async () => {
    let calls = 0;
    t.services.pressReviews.setApprovalHooks({
      async onApproved() {
        calls += 1;
      },
    });
    const draft = (await editor.get(`/api/reviews/${ids.second}`)).json<TReview>();
    const [a, b] = await Promise.all([
      editor.post(`/api/reviews/${ids.second}/approve`, { version: draft.version }),
      leader.post(`/api/reviews/${ids.second}/approve`, { version: draft.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(problem([a, b].find((r) => r.statusCode === 409)!).code).toBe('review.already_approved');
    expect(calls).toBe(1);
  });

  it('rolls the approval back when preparing the delivery fails', async () => {
    t.services.pressReviews.setApprovalHooks({
      async onApproved() {
        throw new Error('delivery could not be prepared');
      },
    });
    const draft = (await editor.post('/api/reviews', { editionDate: '2025-12-12' })).json<TReview>();
    const response = await editor.post(`/api/reviews/${draft.id}/approve`, { version: draft.version });
    expect(response.statusCode).toBe(500);
    expect(await statusOf(draft.id)).toBe('draft');
  });
});

describe('what the delivery module reads', () => {
  it('gets the whole edition with left-out entries flagged, and the approved ones newest first', async () => {
    const whole = await t.services.pressReviews.getForDelivery(t.services.db, review.id);
    expect(whole).toMatchObject({ id: review.id, canEdit: false, canApprove: false });
    expect(whole!.entries.map((e) => e.excluded)).toEqual([false, false, true, false]);
    expect(await t.services.pressReviews.getForDelivery(t.services.db, ids.a!)).toBeNull();
    const tt = await t.unitId('TT');
    const approved = await t.services.pressReviews.listApproved(t.services.db, {
      kind: 'review',
      orgUnitId: tt,
      limit: 5,
    });
    expect(approved.map((r) => r.id)).toEqual([ids.second, review.id]);
    expect(approved[1]!.entries).toHaveLength(4);
    const none = await t.services.pressReviews.listApproved(t.services.db, {
      kind: 'bulletin',
      orgUnitId: tt,
      limit: 5,
    });
    expect(none).toEqual([]);
  });
});
