import type { TOfficialChannel, TPage, TPublicCheckResult } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';
import { CHANNEL_SEEDS } from './official-channels.data.js';

let t: TestApp;
let tt: Session;
let provinceAdmin: Session;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tt.officer', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'hanoi.admin', roles: ['admin'], unitCode: 'P01' });
  await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  [tt, provinceAdmin, officer] = await Promise.all([
    t.login('tt.officer'),
    t.login('hanoi.admin'),
    t.login('hanoi.officer'),
  ]);
});
afterAll(async () => t?.close());

const channelCount = async () =>
  (await t.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM official_channels')).rows[0]!.n;
const check = (input: string, remoteAddress = '127.0.9.1') =>
  t.app.inject({ method: 'POST', url: '/api/public/check', payload: { input }, remoteAddress });

describe('official channels', () => {
  describe('seed', () => {
    it('loaded the shared data at bootstrap, and a second run adds nothing', async () => {
      expect(await channelCount()).toBe(CHANNEL_SEEDS.length);
      const since = await t.lastAuditSeq();
      expect(await t.services.officialChannels.seedChannels(SYSTEM_ACTOR)).toBe(0);
      expect(await channelCount()).toBe(CHANNEL_SEEDS.length);
      expect(await t.auditSince(since)).toEqual([]);
    });
  });

  describe('registry routes', () => {
    let created: TOfficialChannel;

    it('lists the registry to every signed-in user, with filters, search and sort', async () => {
      const page = (await officer.get('/api/official-channels?kind=phone&sort=value')).json<TPage<TOfficialChannel>>();
      expect(page.items.map((c) => c.value)).toEqual(['02436285231', '02436285232', '19009068']);
      expect(page.items.every((c) => !c.canEdit)).toBe(true);
      const fakes = (await officer.get('/api/official-channels?status=reported_fake&q=trang%20gia%20mao')).json<
        TPage<TOfficialChannel>
      >();
      expect(fakes.items.map((c) => c.value).sort()).toEqual(['facebook.com/bhxhvn999', 'facebook.com/dvbhxh121']);
    });

    it('lets a Communication Center officer add an entry, normalised and audited', async () => {
      const since = await t.lastAuditSeq();
      const response = await tt.post('/api/official-channels', {
        kind: 'domain',
        value: 'https://www.Fake-BaoHiemXaHoi.com/login',
        status: 'reported_fake',
        source: 'Cảnh báo ngày 01/3/2025',
      });
      expect(response.statusCode).toBe(201);
      created = response.json<TOfficialChannel>();
      expect(created).toMatchObject({
        value: 'fake-baohiemxahoi.com',
        display: 'https://www.Fake-BaoHiemXaHoi.com/login',
        orgUnit: { code: 'BHXHVN' },
        addedBy: 'Người dùng tt.officer',
        canEdit: true,
      });
      const audit = await t.auditSince(since);
      expect(audit.map((a) => [a.action, a.entity_type, a.entity_id])).toEqual([
        ['create', 'official_channel', created.id],
      ]);
      expect(audit[0]!.after).toMatchObject({ value: 'fake-baohiemxahoi.com', status: 'reported_fake' });
    });

    it('refuses a duplicate value and a value not of its kind, field by field', async () => {
      const duplicate = await tt.post('/api/official-channels', {
        kind: 'domain',
        value: 'fake-baohiemxahoi.com',
        status: 'reported_fake',
      });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().errors).toEqual([
        expect.objectContaining({ field: 'value', code: 'validation.duplicate_channel' }),
      ]);
      const wrong = await tt.post('/api/official-channels', { kind: 'phone', value: 'gọi ngay', status: 'official' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors).toEqual([
        expect.objectContaining({ field: 'value', code: 'validation.invalid_channel_value' }),
      ]);
    });

    it('keeps other roles out, and province administrators within their subtree', async () => {
      const body = { kind: 'phone', value: '0243 999 8888', status: 'official' };
      expect((await officer.post('/api/official-channels', body)).statusCode).toBe(403);
      const atRoot = await provinceAdmin.post('/api/official-channels', body);
      expect(atRoot.statusCode).toBe(400);
      expect(atRoot.json().errors[0]).toMatchObject({ field: 'orgUnitId', code: 'validation.unit_out_of_scope' });
      const own = await provinceAdmin.post('/api/official-channels', { ...body, orgUnitId: await t.unitId('P01') });
      expect(own.statusCode).toBe(201);
      expect(own.json<TOfficialChannel>()).toMatchObject({ value: '02439998888', orgUnit: { code: 'P01' } });
      const patch = await provinceAdmin.patch(`/api/official-channels/${created.id}`, { version: 1, note: 'x' });
      expect(patch.statusCode).toBe(403);
    });

    it('retires an entry and brings it back, each audited, optimistic on version', async () => {
      const since = await t.lastAuditSeq();
      const retired = await tt.patch(`/api/official-channels/${created.id}`, {
        version: created.version,
        retired: true,
      });
      expect(retired.statusCode).toBe(200);
      expect(retired.json<TOfficialChannel>().retiredAt).not.toBeNull();
      const stale = await tt.patch(`/api/official-channels/${created.id}`, {
        version: created.version,
        retired: false,
      });
      expect(stale.statusCode).toBe(409);
      const inForce = (await tt.get('/api/official-channels?kind=domain')).json<TPage<TOfficialChannel>>();
      expect(inForce.items.map((c) => c.id)).not.toContain(created.id);
      const restored = await tt.patch(`/api/official-channels/${created.id}`, {
        version: created.version + 1,
        retired: false,
      });
      expect(restored.json<TOfficialChannel>()).toMatchObject({ retiredAt: null, version: created.version + 2 });
      expect((await t.auditSince(since)).map((a) => a.action)).toEqual(['retire', 'restore']);
    });

    it('exports the filtered registry as Excel', async () => {
      const response = await officer.get('/api/official-channels/export.xlsx?status=official');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain('kenh-chinh-thuc.xlsx');
      expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });
  });

  describe('public check', () => {
    it('answers without a session: official, with the entry', async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/public/check?input=${encodeURIComponent('https://dichvucong.baohiemxahoi.gov.vn')}`,
        remoteAddress: '127.0.9.2',
      });
      expect(response.statusCode).toBe(200);
      const result = response.json<TPublicCheckResult>();
      expect(result).toMatchObject({ verdict: 'official', findings: [{ reasons: ['subdomain'] }] });
      expect(result.message.vi).toContain('chính thức');
    });

    it('names what a look-alike imitates, in Vietnamese and English', async () => {
      const result = (await check('Cập nhật VssID tại baohiemxahoi-vn.com để nhận tiền')).json<TPublicCheckResult>();
      expect(result.verdict).toBe('lookalike');
      expect(result.findings[0]!.entry?.value).toBe('baohiemxahoi.gov.vn');
      expect(result.message.vi).toContain('baohiemxahoi.gov.vn');
      expect(result.message.vi).toContain('1900 9068');
      expect(result.message.en).toContain('OTP');
    });

    it('knows the entries added since, and reported fakes', async () => {
      expect((await check('fake-baohiemxahoi.com')).json<TPublicCheckResult>().verdict).toBe('reported_fake');
      expect((await check('facebook.com/bhxhvn999')).json<TPublicCheckResult>().verdict).toBe('reported_fake');
      expect((await check('Tổng đài BHXH: 0912.345.678')).json<TPublicCheckResult>().verdict).toBe('lookalike');
      expect((await check('vnexpress.net')).json<TPublicCheckResult>().verdict).toBe('unknown');
    });

    it('refuses an input with nothing to check, field by field', async () => {
      const response = await check('xin chào');
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([
        expect.objectContaining({ field: 'input', code: 'validation.nothing_to_check' }),
      ]);
    });
  });
});
