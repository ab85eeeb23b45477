import type { TCampaignDetail, TCampaignProgress, TEvent, TPage, TCampaignCandidate, TProblem } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let centre: Session;
let badinh: Session;
let danang: Session;
let ids: Record<'TT' | 'P01' | 'P48' | 'D001', string>;

beforeAll(async () => {
  t = await createTestApp();
  const people = [
    ['cev.centre', 'comms_center', 'TT'],
    ['cev.badinh', 'district_officer', 'D001'],
    ['cev.danang', 'province_officer', 'P48'],
  ] as const;
  for (const [username, role, unitCode] of people) await t.createUser({ username, roles: [role], unitCode });
  [centre, badinh, danang] = await Promise.all([t.login('cev.centre'), t.login('cev.badinh'), t.login('cev.danang')]);
  ids = {
    TT: await t.unitId('TT'),
    P01: await t.unitId('P01'),
    P48: await t.unitId('P48'),
    D001: await t.unitId('D001'),
  };
});
afterAll(async () => t?.close());

const DAY = 86_400_000;
/** A Vietnam calendar day `offset` days from today. */
const day = (offset: number) => new Date(Date.now() + 7 * 3_600_000 + offset * DAY).toISOString().slice(0, 10);
const progressOf = (detail: TCampaignDetail, metric: string) =>
  detail.progress.find((p) => p.metric === metric) as TCampaignProgress;
const get = async (session: Session, id: string) => {
  const response = await session.get(`/api/campaigns/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TCampaignDetail>();
};
const link = (session: Session, campaignId: string, id: string) =>
  session.post(`/api/campaigns/${campaignId}/links`, { type: 'event', id });

/** An active campaign of the Center in which Hà Nội takes part, aiming at 100 new voluntary participants. */
const activeCampaign = async () => {
  const created = await centre.post('/api/campaigns', {
    name: 'Phát động BHXH tự nguyện tại Hà Nội',
    startsOn: day(-30),
    endsOn: day(30),
    ownerUnitId: ids.TT,
    participatingUnitIds: [ids.P01],
    goals: [
      { metric: 'new_voluntary_bhxh', target: 100 },
      { metric: 'events_held', target: 4 },
      { metric: 'event_attendance', target: 200 },
      { metric: 'new_household_bhyt', target: 20 },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  const campaign = created.json<TCampaignDetail>();
  const launched = await centre.post(`/api/campaigns/${campaign.id}/status`, { status: 'active', version: 1 });
  expect(launched.statusCode, launched.body).toBe(200);
  return launched.json<TCampaignDetail>();
};

let serial = 0;
/** A dialogue organised by `session`'s unit (`orgUnitId`), starting `offset` days from now. */
const createEvent = async (session: Session, orgUnitId: string, offset: number, place: object) => {
  const startsAt = new Date(Date.now() + offset * DAY);
  const response = await session.post('/api/events', {
    kind: 'dialogue',
    title: `Đối thoại chính sách BHXH tự nguyện số ${(serial += 1)}`,
    orgUnitId,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
    ...place,
    segments: ['household_business'],
    plannedAttendance: 40,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TEvent>();
};
const hanoiPlace = { provinceCode: '01', districtCode: '001', address: 'Nhà văn hóa tổ dân phố 5' };
const danangPlace = { provinceCode: '48', address: 'Trung tâm hội nghị quận Hải Châu' };

/** Holds the event with `extra` people counted by hand and reports `newVoluntary` new participants. */
const holdAndReport = async (event: TEvent, extra: number, newVoluntary: number) => {
  const held = await badinh.post(`/api/events/${event.id}/status`, { to: 'held', version: event.version });
  expect(held.statusCode, held.body).toBe(200);
  const saved = await badinh.patch(`/api/events/${event.id}`, {
    extraAttendance: extra,
    extraMale: 0,
    extraFemale: extra,
    newVoluntary,
    newHouseholdBhyt: 2,
    version: held.json<TEvent>().version,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const reported = await badinh.post(`/api/events/${event.id}/status`, {
    to: 'reported',
    version: saved.json<TEvent>().version,
  });
  expect(reported.statusCode, reported.body).toBe(200);
  return reported.json<TEvent>();
};

describe('events linked to campaigns', () => {
  let campaign: TCampaignDetail;
  let reported: TEvent;
  let planned: TEvent;

  it('offers the participating units’ events in the picker, not those of other units', async () => {
    campaign = await activeCampaign();
    reported = await holdAndReport(await createEvent(badinh, ids.D001, -3, hanoiPlace), 30, 12);
    expect(reported.attendance.total).toBe(30);
    planned = await createEvent(badinh, ids.D001, 5, hanoiPlace);
    const other = await createEvent(danang, ids.P48, 2, danangPlace);
    const picker = await centre.get(`/api/campaigns/${campaign.id}/candidates?type=event&pageSize=100`);
    expect(picker.statusCode, picker.body).toBe(200);
    const offered = picker.json<TPage<TCampaignCandidate>>().items.map((c) => c.id);
    expect(offered).toEqual(expect.arrayContaining([reported.id, planned.id]));
    expect(offered).not.toContain(other.id);

    const refused = await link(centre, campaign.id, other.id);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<TProblem>().errors).toEqual([
      expect.objectContaining({ field: 'id', code: 'validation.campaign_unit_not_taking_part' }),
    ]);
  });

  it('counts a reported event’s new participants and attendance; a planned one counts nothing', async () => {
    const seq = await t.lastAuditSeq();
    const linked = await link(badinh, campaign.id, reported.id);
    expect(linked.statusCode, linked.body).toBe(201);
    expect((await link(badinh, campaign.id, planned.id)).statusCode).toBe(201);
    expect((await t.auditSince(seq)).map((e) => `${e.entity_type}:${e.action}:${e.entity_id}`)).toEqual([
      `campaign:link_item:${campaign.id}`,
      `campaign:link_item:${campaign.id}`,
    ]);

    const detail = await get(centre, campaign.id);
    expect(progressOf(detail, 'new_voluntary_bhxh')).toMatchObject({
      target: 100,
      value: 12,
      percent: 12,
      byUnit: [
        { unit: { id: ids.TT }, value: 0 },
        { unit: { id: ids.P01 }, value: 12 },
      ],
    });
    expect(progressOf(detail, 'events_held')).toMatchObject({ value: 1, percent: 25 });
    expect(progressOf(detail, 'event_attendance')).toMatchObject({ value: 30, percent: 15 });
    expect(progressOf(detail, 'new_household_bhyt')).toMatchObject({ value: 2, percent: 10 });
    expect(detail.linkCount).toBe(2);
    expect(detail.links.map((l) => [l.type, l.id, l.status])).toEqual([
      ['event', reported.id, 'reported'],
      ['event', planned.id, 'planned'],
    ]);
    // The timeline follows the events' start days: the reported one (three days ago) before the planned one.
    expect(detail.timeline.map((l) => [l.id, l.date])).toEqual([
      [reported.id, day(-3)],
      [planned.id, day(5)],
    ]);
    const again = await link(badinh, campaign.id, reported.id);
    expect(again.statusCode).toBe(409);
    // The event page lists the campaigns the event belongs to, those the reader sees.
    const ofEvent = await badinh.get(`/api/campaigns?eventId=${reported.id}`);
    expect(ofEvent.json<TPage<TCampaignDetail>>().items.map((c) => c.id)).toEqual([campaign.id]);
    const hidden = await danang.get(`/api/campaigns?eventId=${reported.id}`);
    expect(hidden.json<TPage<TCampaignDetail>>().total).toBe(0);
  });

  it('unlinks an event, audited, and its figures leave the campaign', async () => {
    const seq = await t.lastAuditSeq();
    expect((await danang.delete(`/api/campaigns/${campaign.id}/links/event/${reported.id}`)).statusCode).toBe(404);
    const removed = await badinh.delete(`/api/campaigns/${campaign.id}/links/event/${reported.id}`);
    expect(removed.statusCode).toBe(204);
    const audit = await t.auditSince(seq);
    expect(audit.map((e) => `${e.entity_type}:${e.action}:${e.entity_id}`)).toEqual([
      `campaign:unlink_item:${campaign.id}`,
    ]);
    const detail = await get(centre, campaign.id);
    expect(progressOf(detail, 'new_voluntary_bhxh')).toMatchObject({ value: 0, percent: 0 });
    expect(detail.links.map((l) => l.id)).toEqual([planned.id]);
  });
});
