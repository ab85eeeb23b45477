import type { TCalendarItem, TProblem } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let hanoi: Session;
let danang: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'danang.officer', roles: ['province_officer'], unitCode: 'P48' });
  [hanoi, danang] = await Promise.all([t.login('hanoi.officer'), t.login('danang.officer')]);
});
afterAll(async () => t?.close());

// Series are materialised to the end of next year (Vietnam's calendar): tests plan inside next year.
const Y = Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4)) + 1;
const iso = (date: Date) => date.toISOString().slice(0, 10);
const day = (month: number, d: number, year = Y) => iso(new Date(Date.UTC(year, month - 1, d)));
const plus = (isoDay: string, days: number) => iso(new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000));
/** The first Monday of a month of year Y. */
const firstMonday = (month: number) => {
  const first = new Date(Date.UTC(Y, month - 1, 1));
  return plus(iso(first), (8 - first.getUTCDay()) % 7);
};
/** The last Friday of a month of year Y. */
const lastFriday = (month: number) => {
  const last = new Date(Date.UTC(Y, month, 0));
  return plus(iso(last), -((last.getUTCDay() + 2) % 7));
};

interface Row {
  id: string;
  title: string;
  starts_on: string;
  ends_on: string | null;
  occurrence_on: string | null;
  is_exception: boolean;
  series_id: string | null;
  status: string;
}
/** Rows of the series an item belongs to, and of any series split from it (same title prefix), in date order. */
const rowsLike = async (prefix: string) =>
  (
    await t.db.pool.query<Row>(
      `SELECT id, title, starts_on::text, ends_on::text, occurrence_on::text, is_exception, series_id, status
         FROM calendar_items WHERE title LIKE $1 ORDER BY starts_on, id`,
      [`${prefix}%`],
    )
  ).rows;
const seriesRule = async (id: string) =>
  (await t.db.pool.query<{ rule: string }>('SELECT rule FROM calendar_series WHERE id = $1', [id])).rows[0]?.rule;
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);

const createSeries = async (
  title: string,
  startsOn: string,
  recurrence: string,
  extra: Record<string, unknown> = {},
) => {
  const response = await hanoi.post('/api/calendar', { title, startsOn, recurrence, ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TCalendarItem>();
};
const patch = async (id: string, body: Record<string, unknown>) => {
  const version = (await hanoi.get(`/api/calendar/${id}`)).json<TCalendarItem>().version;
  return hanoi.patch(`/api/calendar/${id}`, { version, ...body });
};

describe('recurring calendar items', () => {
  it('materialises a monthly column on the last Friday, one row per occurrence, audited once', async () => {
    const seq = await t.lastAuditSeq();
    const first = await createSeries('Chuyên mục cuối tháng', day(1, 1), 'rrule:freq=monthly;byday=-1FR;count=6');
    expect(first.startsOn).toBe(lastFriday(1));
    expect(first.series).toMatchObject({
      rule: 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=6',
      occurrenceOn: lastFriday(1),
      exception: false,
      shiftable: false,
      recurrence: { freq: 'MONTHLY', byDay: [{ weekday: 'FR', nth: -1 }], count: 6 },
    });
    const rows = await rowsLike('Chuyên mục cuối tháng');
    expect(rows.map((r) => r.starts_on)).toEqual([1, 2, 3, 4, 5, 6].map(lastFriday));
    expect(new Set(rows.map((r) => r.series_id)).size).toBe(1);
    const events = await t.auditSince(seq);
    expect(events.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([
      ['create', 'calendar_series', first.series!.id],
    ]);
  });

  it('refuses a rule outside the supported subset, and one that never occurs', async () => {
    const invalid = await hanoi.post('/api/calendar', {
      title: 'Hằng ngày',
      startsOn: day(1, 1),
      recurrence: 'FREQ=DAILY',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<TProblem>().errors).toEqual([
      expect.objectContaining({ field: 'recurrence', code: 'validation.invalid_recurrence' }),
    ]);
    expect(invalid.json<TProblem>().errors![0]!.message).toMatch(/^Quy tắc lặp không hợp lệ/);
    const never = await hanoi.post('/api/calendar', {
      title: 'Không bao giờ',
      startsOn: day(2, 1),
      recurrence: `FREQ=MONTHLY;UNTIL=${day(1, 31).replace(/-/g, '')}`,
    });
    expect(fieldsOf(never.json())).toEqual(['recurrence:validation.recurrence_no_occurrence']);
    expect(await rowsLike('Hằng ngày')).toEqual([]);
  });

  it('edits one occurrence on its own: an exception the rest of the series leaves alone', async () => {
    const first = await createSeries('Bản tin tuần A', firstMonday(3), 'FREQ=WEEKLY;COUNT=4');
    const rows = await rowsLike('Bản tin tuần A');
    const response = await patch(rows[2]!.id, {
      title: 'Bản tin tuần A (đặc biệt)',
      startsOn: plus(rows[2]!.starts_on, 1),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<TCalendarItem>().series).toMatchObject({ exception: true, occurrenceOn: rows[2]!.starts_on });
    const after = await rowsLike('Bản tin tuần A');
    expect(after.map((r) => [r.title, r.is_exception])).toEqual([
      ['Bản tin tuần A', false],
      ['Bản tin tuần A', false],
      ['Bản tin tuần A (đặc biệt)', true],
      ['Bản tin tuần A', false],
    ]);
    // A series edit from the first occurrence keeps the exception as it is.
    const all = await patch(first.id, { status: 'in_production', scope: 'future' });
    expect(all.statusCode, all.body).toBe(200);
    const final = await rowsLike('Bản tin tuần A');
    expect(final.map((r) => r.status)).toEqual(['in_production', 'in_production', 'planned', 'in_production']);
  });

  it('edits an occurrence and all later ones by splitting the series, keeping row ids', async () => {
    await createSeries('Bản tin tuần B', firstMonday(4), 'FREQ=WEEKLY;COUNT=8');
    const rows = await rowsLike('Bản tin tuần B');
    const deleted = await hanoi.delete(`/api/calendar/${rows[5]!.id}?version=1`);
    expect(deleted.statusCode).toBe(204);
    const seq = await t.lastAuditSeq();
    const response = await patch(rows[3]!.id, { title: 'Bản tin tuần B — mới', scope: 'future' });
    expect(response.statusCode, response.body).toBe(200);
    const after = await rowsLike('Bản tin tuần B');
    expect(after.map((r) => r.id)).toEqual([...rows.slice(0, 5), ...rows.slice(6)].map((r) => r.id));
    expect(after.map((r) => r.title)).toEqual([
      'Bản tin tuần B',
      'Bản tin tuần B',
      'Bản tin tuần B',
      'Bản tin tuần B — mới',
      'Bản tin tuần B — mới',
      'Bản tin tuần B — mới',
      'Bản tin tuần B — mới',
    ]);
    const [oldSeries, newSeries] = [after[0]!.series_id!, after[3]!.series_id!];
    expect(newSeries).not.toBe(oldSeries);
    expect(await seriesRule(oldSeries)).toBe(`FREQ=WEEKLY;UNTIL=${plus(rows[3]!.starts_on, -1).replace(/-/g, '')}`);
    expect(await seriesRule(newSeries)).toBe('FREQ=WEEKLY;COUNT=5');
    const events = await t.auditSince(seq);
    expect(events.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([
      ['update', 'calendar_series', newSeries],
    ]);
  });

  it('moves an occurrence and every later one by dragging with scope future', async () => {
    await createSeries('Phát thanh tháng', day(1, 10), 'FREQ=MONTHLY;COUNT=4');
    const rows = await rowsLike('Phát thanh tháng');
    const response = await patch(rows[1]!.id, { startsOn: day(2, 12), endsOn: day(2, 13), scope: 'future' });
    expect(response.statusCode, response.body).toBe(200);
    const after = await rowsLike('Phát thanh tháng');
    expect(after.map((r) => [r.starts_on, r.ends_on])).toEqual([
      [day(1, 10), null],
      [day(2, 12), day(2, 13)],
      [day(3, 12), day(3, 13)],
      [day(4, 12), day(4, 13)],
    ]);
    expect(after.map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it('refuses to shift a series whose rule fixes its days, but moves the one occurrence', async () => {
    await createSeries('Tọa đàm thứ Sáu cuối', day(1, 1), 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=3');
    const rows = await rowsLike('Tọa đàm thứ Sáu cuối');
    const future = await patch(rows[1]!.id, { startsOn: plus(rows[1]!.starts_on, -1), scope: 'future' });
    expect(future.statusCode).toBe(400);
    expect(fieldsOf(future.json())).toEqual(['startsOn:validation.recurrence_fixed_dates']);
    const one = await patch(rows[1]!.id, { startsOn: plus(rows[1]!.starts_on, -1), scope: 'one' });
    expect(one.statusCode, one.body).toBe(200);
    expect((await rowsLike('Tọa đàm thứ Sáu cuối')).map((r) => r.starts_on)).toEqual([
      lastFriday(1),
      plus(lastFriday(2), -1),
      lastFriday(3),
    ]);
  });

  it('gives the rest of a series a new rule, and refuses a rule change for one occurrence', async () => {
    await createSeries('Chuyên đề giữa tháng', day(1, 5), 'FREQ=MONTHLY;COUNT=6');
    const rows = await rowsLike('Chuyên đề giữa tháng');
    const one = await patch(rows[2]!.id, { recurrence: 'FREQ=MONTHLY;BYMONTHDAY=15' });
    expect(fieldsOf(one.json())).toEqual(['scope:validation.invalid']);
    const response = await patch(rows[2]!.id, { recurrence: 'FREQ=MONTHLY;BYMONTHDAY=15;COUNT=2', scope: 'future' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<TCalendarItem>().id).toBe(rows[2]!.id);
    expect((await rowsLike('Chuyên đề giữa tháng')).map((r) => r.starts_on)).toEqual([
      day(1, 5),
      day(2, 5),
      day(3, 15),
      day(4, 15),
    ]);
  });

  it('makes a one-off item recurring: it becomes the first occurrence', async () => {
    const single = await hanoi.post('/api/calendar', { title: 'Kỷ niệm ngày thành lập', startsOn: day(7, 1) });
    const item = single.json<TCalendarItem>();
    const response = await hanoi.patch(`/api/calendar/${item.id}`, {
      recurrence: 'FREQ=YEARLY',
      version: item.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<TCalendarItem>()).toMatchObject({
      id: item.id,
      series: { rule: 'FREQ=YEARLY', shiftable: true },
    });
    // Materialised to the end of next year: this year's occurrence only.
    expect((await rowsLike('Kỷ niệm ngày thành lập')).map((r) => r.starts_on)).toEqual([day(7, 1)]);
  });

  it('extends open-ended series as the horizon moves, once', async () => {
    await createSeries('Cao điểm 1/7', day(7, 1), 'FREQ=YEARLY');
    const seq = await t.lastAuditSeq();
    const added = await t.services.calendar.extendSeries(new Date(`${Y + 1}-01-02T03:00:00Z`));
    expect(added).toBeGreaterThanOrEqual(2);
    expect((await rowsLike('Cao điểm 1/7')).map((r) => r.starts_on)).toEqual([
      day(7, 1),
      day(7, 1, Y + 1),
      day(7, 1, Y + 2),
    ]);
    const events = await t.auditSince(seq);
    expect(events.every((e) => e.actor_id === null && e.entity_type === 'calendar_series')).toBe(true);
    expect(await t.services.calendar.extendSeries(new Date(`${Y + 1}-01-02T03:00:00Z`))).toBe(0);
  });

  it('deletes an occurrence and every later one; from the first, the whole series', async () => {
    await createSeries('Loạt bài xóa', day(5, 4), 'FREQ=WEEKLY;COUNT=5');
    const rows = await rowsLike('Loạt bài xóa');
    const seriesId = rows[0]!.series_id!;
    expect((await hanoi.delete(`/api/calendar/${rows[2]!.id}?version=1&scope=future`)).statusCode).toBe(204);
    expect((await rowsLike('Loạt bài xóa')).map((r) => r.id)).toEqual([rows[0]!.id, rows[1]!.id]);
    expect(await seriesRule(seriesId)).toBe(`FREQ=WEEKLY;UNTIL=${plus(rows[2]!.starts_on, -1).replace(/-/g, '')}`);
    expect((await danang.delete(`/api/calendar/${rows[0]!.id}?version=1&scope=future`)).statusCode).toBe(404);
    const seq = await t.lastAuditSeq();
    expect((await hanoi.delete(`/api/calendar/${rows[0]!.id}?version=1&scope=future`)).statusCode).toBe(204);
    expect(await rowsLike('Loạt bài xóa')).toEqual([]);
    expect(await seriesRule(seriesId)).toBeUndefined();
    const events = await t.auditSince(seq);
    expect(events.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([
      ['delete', 'calendar_series', seriesId],
    ]);
  });
});
