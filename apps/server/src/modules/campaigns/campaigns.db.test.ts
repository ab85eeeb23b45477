import type {
  TCampaign,
  TCampaignDetail,
  TCampaignProgress,
  TPage,
  TProductDetail,
  TPublication,
} from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let centre: Session;
let hanoi: Session;
let badinh: Session;
let danang: Session;
let ids: Record<'TT' | 'P01' | 'P48' | 'D001', string>;

beforeAll(async () => {
  t = await createTestApp();
  const people = [
    ['camp.centre', 'comms_center', 'TT'],
    ['camp.hanoi', 'province_officer', 'P01'],
    ['camp.badinh', 'district_officer', 'D001'],
    ['camp.danang', 'province_officer', 'P48'],
  ] as const;
  for (const [username, role, unitCode] of people) await t.createUser({ username, roles: [role], unitCode });
  [centre, hanoi, badinh, danang] = await Promise.all([
    t.login('camp.centre'),
    t.login('camp.hanoi'),
    t.login('camp.badinh'),
    t.login('camp.danang'),
  ]);
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
const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => `${e.field}:${e.code}`);
let serial = 0;

const campaignBody = (overrides: Record<string, unknown> = {}) => ({
  name: `Truyền thông Xúc cảm ${(serial += 1)}`,
  description: 'Chiến dịch phát động BHXH tự nguyện',
  startsOn: day(-30),
  endsOn: day(30),
  ownerUnitId: ids.TT,
  participatingUnitIds: [ids.P01],
  channelCodes: ['facebook', 'tv'],
  goals: [
    { metric: 'products', target: 4 },
    { metric: 'publications', target: 2 },
    { metric: 'people_reached', target: 10_000 },
    { metric: 'staff_shares', target: 5 },
    { metric: 'new_voluntary_bhxh', target: 50 },
  ],
  ...overrides,
});
const createCampaign = async (overrides: Record<string, unknown> = {}) => {
  const response = await centre.post('/api/campaigns', campaignBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TCampaignDetail>();
};
/** A product of `session`'s unit, ready to publish since yesterday (the appraisal flow is tested in its module). */
const product = async (session: Session) => {
  const response = await session.post('/api/products', {
    guidanceYear: 2020,
    typeCode: 'article',
    title: `Lương hưu cho lao động tự do ${(serial += 1)}`,
    channelCodes: ['facebook'],
  });
  expect(response.statusCode, response.body).toBe(201);
  const { id } = response.json<TProductDetail>();
  await t.db.pool.query(`UPDATE products SET status = 'ready', ready_at = now() - interval '2 days' WHERE id = $1`, [
    id,
  ]);
  return id;
};
const publish = async (session: Session, productId: string) => {
  const response = await session.post('/api/publications', {
    productId,
    channel: 'facebook',
    outlet: 'Fanpage BHXH Hà Nội',
    url: `https://facebook.com/bhxhhanoi/posts/${(serial += 1)}`,
    publishedAt: new Date(Date.now() - 20 * 3_600_000).toISOString(),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TPublication>();
};
const link = (session: Session, campaignId: string, type: string, id: string) =>
  session.post(`/api/campaigns/${campaignId}/links`, { type, id });
const progressOf = (detail: TCampaignDetail, metric: string) =>
  detail.progress.find((p) => p.metric === metric) as TCampaignProgress;
const get = async (session: Session, id: string) => {
  const response = await session.get(`/api/campaigns/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TCampaignDetail>();
};

describe('campaigns', () => {
  it('creates a draft campaign, audited, every goal measured from nothing linked yet', async () => {
    const seq = await t.lastAuditSeq();
    const campaign = await createCampaign();
    expect(campaign).toMatchObject({
      status: 'draft',
      ownerUnit: { id: ids.TT },
      participatingUnits: [{ id: ids.P01 }],
      guidanceYear: 2020,
      can: { edit: true, link: true },
    });
    expect(progressOf(campaign, 'products')).toMatchObject({ value: 0, percent: 0 });
    expect(progressOf(campaign, 'new_voluntary_bhxh')).toEqual({
      metric: 'new_voluntary_bhxh',
      target: 50,
      value: 0,
      percent: 0,
      byUnit: [
        { unit: { id: ids.TT, code: 'TT', name: expect.any(String) }, value: 0 },
        { unit: { id: ids.P01, code: 'P01', name: expect.any(String) }, value: 0 },
      ],
    });
    const audit = await t.auditSince(seq);
    expect(audit.map((e) => `${e.entity_type}:${e.action}:${e.entity_id}`)).toEqual([`campaign:create:${campaign.id}`]);
  });

  it('counts a linked product of a participating province, its publication and the people it reached', async () => {
    const campaign = await createCampaign();
    const productId = await product(hanoi);
    const linked = await link(hanoi, campaign.id, 'product', productId);
    expect(linked.statusCode, linked.body).toBe(201);
    const publication = await publish(hanoi, productId);
    const today = day(0);
    const reading = await hanoi.post(`/api/publications/${publication.id}/metrics`, {
      readOn: today,
      values: { views: 1200, listeners: 300, shares: 7 },
    });
    expect(reading.statusCode, reading.body).toBe(200);
    // A later reading of a metric replaces the earlier one: only the latest counts.
    await hanoi.post(`/api/publications/${publication.id}/metrics`, { readOn: today, values: { views: 1500 } });
    const share = await badinh.post(`/api/products/${productId}/shares`, {
      network: 'facebook',
      url: `https://www.facebook.com/officer/posts/${(serial += 1)}`,
      sharedOn: today,
    });
    expect(share.statusCode, share.body).toBe(201);

    const detail = await get(centre, campaign.id);
    expect(progressOf(detail, 'products')).toMatchObject({ value: 1, percent: 25 });
    expect(progressOf(detail, 'publications')).toMatchObject({ value: 1, percent: 50 });
    expect(progressOf(detail, 'people_reached')).toMatchObject({ value: 1800, percent: 18 });
    expect(progressOf(detail, 'staff_shares')).toMatchObject({ value: 1, percent: 20 });
    expect(progressOf(detail, 'people_reached').byUnit).toEqual([
      { unit: expect.objectContaining({ id: ids.TT }), value: 0 },
      { unit: expect.objectContaining({ id: ids.P01 }), value: 1800 },
    ]);
    expect(detail.links.map((l) => `${l.type}:${l.id}`)).toEqual([`product:${productId}`]);
    const publishedDay = new Date(Date.parse(publication.publishedAt) + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(detail.timeline.map((l) => `${l.type}:${l.date}`)).toEqual([`product:${publishedDay}`]);

    // Linking the publication too does not count it twice; a calendar item joins the timeline.
    expect((await link(centre, campaign.id, 'publication', publication.id)).statusCode).toBe(201);
    const item = await hanoi.post('/api/calendar', { title: 'Lễ phát động BHXH tự nguyện', startsOn: day(-10) });
    expect(item.statusCode, item.body).toBe(201);
    expect((await link(hanoi, campaign.id, 'calendar_item', item.json<{ id: string }>().id)).statusCode).toBe(201);
    const after = await get(hanoi, campaign.id);
    expect(progressOf(after, 'publications').value).toBe(1);
    expect(after.timeline.map((l) => l.type)).toEqual(['calendar_item', 'product', 'publication']);
    expect(after.can).toEqual({ edit: false, link: true });

    const again = await link(hanoi, campaign.id, 'product', productId);
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again.json())).toEqual(['id:validation.duplicate']);
  });

  it('lets participating units and their districts read it, hides it from a province that does not take part', async () => {
    const campaign = await createCampaign();
    const listed = async (session: Session) =>
      (await session.get('/api/campaigns?pageSize=1000'))
        .json<TPage<TCampaign>>()
        .items.some((c) => c.id === campaign.id);
    expect(await listed(hanoi)).toBe(true);
    expect(await listed(badinh)).toBe(true);
    expect(await listed(danang)).toBe(false);
    expect((await badinh.get(`/api/campaigns/${campaign.id}`)).statusCode).toBe(200);
    expect((await danang.get(`/api/campaigns/${campaign.id}`)).statusCode).toBe(404);
    expect((await danang.get(`/api/campaigns/${campaign.id}/progress.xlsx`)).statusCode).toBe(404);
    const danangProduct = await product(danang);
    expect((await link(danang, campaign.id, 'product', danangProduct)).statusCode).toBe(404);
    // Even the Center, which sees every product, cannot link one of a unit that does not take part.
    const outsider = await link(centre, campaign.id, 'product', danangProduct);
    expect(outsider.statusCode).toBe(400);
    expect(fieldsOf(outsider.json())).toEqual(['id:validation.campaign_unit_not_taking_part']);
    // Hà Nội does not see an unpublished product of the Center, so it cannot link it.
    const centreProduct = await product(centre);
    expect(fieldsOf((await link(hanoi, campaign.id, 'product', centreProduct)).json())).toEqual([
      'id:validation.invalid_value',
    ]);
    // A participant reads but does not change the campaign.
    expect((await hanoi.patch(`/api/campaigns/${campaign.id}`, { name: 'Khác', version: 1 })).statusCode).toBe(403);
    // Filters: by unit and by period.
    const byUnit = (await centre.get(`/api/campaigns?unitId=${ids.P48}&pageSize=1000`)).json<TPage<TCampaign>>();
    expect(byUnit.items.some((c) => c.id === campaign.id)).toBe(false);
    const later = (await centre.get(`/api/campaigns?from=${day(40)}&pageSize=1000`)).json<TPage<TCampaign>>();
    expect(later.items.some((c) => c.id === campaign.id)).toBe(false);
  });

  it('reports bad input field by field and refuses an owner outside the scope', async () => {
    const bad = await centre.post(
      '/api/campaigns',
      campaignBody({ endsOn: day(-40), channelCodes: ['facebook', 'pigeon'] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(['endsOn:validation.campaign_ends_before_start']);
    const channel = await centre.post('/api/campaigns', campaignBody({ channelCodes: ['facebook', 'pigeon'] }));
    expect(fieldsOf(channel.json())).toEqual(['channelCodes.1:validation.unknown_guidance_code']);
    const owner = await hanoi.post('/api/campaigns', campaignBody({ ownerUnitId: ids.P48 }));
    expect(fieldsOf(owner.json())).toEqual(['ownerUnitId:validation.unit_out_of_scope']);
  });

  it('changes status along the allowed paths, with optimistic versions, audited', async () => {
    const empty = await createCampaign({ goals: [] });
    const noGoals = await centre.post(`/api/campaigns/${empty.id}/status`, { status: 'active', version: 1 });
    expect(noGoals.json()).toMatchObject({ code: 'campaign.no_goals' });
    const campaign = await createCampaign();
    expect(
      (await centre.post(`/api/campaigns/${campaign.id}/status`, { status: 'closed', version: 1 })).json(),
    ).toMatchObject({ code: 'campaign.invalid_transition' });
    const seq = await t.lastAuditSeq();
    const active = await centre.post(`/api/campaigns/${campaign.id}/status`, { status: 'active', version: 1 });
    expect(active.json<TCampaignDetail>()).toMatchObject({ status: 'active', version: 2 });
    const stale = await centre.patch(`/api/campaigns/${campaign.id}`, { name: 'Tên mới', version: 1 });
    expect(stale.statusCode).toBe(409);
    const renamed = await centre.patch(`/api/campaigns/${campaign.id}`, {
      name: 'Tên mới',
      participatingUnitIds: [ids.P01, ids.P48],
      version: 2,
    });
    expect(
      renamed
        .json<TCampaignDetail>()
        .participatingUnits.map((u) => u.id)
        .sort(),
    ).toEqual([ids.P01, ids.P48].sort());
    expect((await danang.get(`/api/campaigns/${campaign.id}`)).statusCode).toBe(200);
    await centre.post(`/api/campaigns/${campaign.id}/status`, { status: 'closed', version: 3 });
    const closed = await centre.post(`/api/campaigns/${campaign.id}/links`, {
      type: 'product',
      id: await product(hanoi),
    });
    expect(closed.json()).toMatchObject({ code: 'campaign.closed' });
    const audit = (await t.auditSince(seq)).filter((e) => e.entity_type === 'campaign');
    expect(audit.map((e) => `${e.entity_type}:${e.action}`)).toEqual([
      'campaign:change_status',
      'campaign:update',
      'campaign:change_status',
    ]);
  });

  it('unlinks an item, audited, and exports the list and the progress as Excel', async () => {
    const campaign = await createCampaign();
    const productId = await product(hanoi);
    expect((await link(hanoi, campaign.id, 'product', productId)).statusCode).toBe(201);
    const candidates = await hanoi.get(`/api/campaigns/${campaign.id}/candidates?type=product&pageSize=1000`);
    expect(candidates.json<TPage<{ id: string }>>().items.some((c) => c.id === productId)).toBe(false);
    const seq = await t.lastAuditSeq();
    expect((await danang.delete(`/api/campaigns/${campaign.id}/links/product/${productId}`)).statusCode).toBe(404);
    expect((await hanoi.delete(`/api/campaigns/${campaign.id}/links/product/${productId}`)).statusCode).toBe(204);
    expect((await t.auditSince(seq)).map((e) => `${e.entity_type}:${e.action}`)).toEqual(['campaign:unlink_item']);
    expect(progressOf(await get(centre, campaign.id), 'products').value).toBe(0);
    const again = await hanoi.get(`/api/campaigns/${campaign.id}/candidates?type=product&pageSize=1000`);
    expect(again.json<TPage<{ id: string }>>().items.some((c) => c.id === productId)).toBe(true);
    const list = await centre.get('/api/campaigns/export.xlsx');
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toContain('spreadsheetml');
    const progress = await centre.get(`/api/campaigns/${campaign.id}/progress.xlsx`);
    expect(progress.statusCode).toBe(200);
    // The Center invites units outside its own subtree: the picker offers the whole tree.
    const options = await centre.get('/api/campaigns/unit-options?q=da%20nang');
    expect(options.json<TPage<{ id: string }>>().items.map((u) => u.id)).toContain(ids.P48);
  });
});
