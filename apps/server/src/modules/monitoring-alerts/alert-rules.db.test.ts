import type { TAlertRule, TPage, TProblem } from '@loa/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let tt: Session;
let hanoi: Session;
let thu: Session;
let viewer: Session;

const create = (session: Session, body: Record<string, unknown>, lang = 'vi') =>
  session.post(
    '/api/monitoring/alert-rules',
    { name: 'Tin sai lệch về BHXH Hà Nội', ...body },
    { 'accept-language': lang },
  );

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tt.monitor', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'hanoi.officer', roles: ['province_officer'], unitCode: 'P01' });
  await t.createUser({ username: 'thu.officer', roles: ['unit_officer'], unitCode: 'THU' });
  await t.createUser({ username: 'viewer', roles: ['viewer'], unitCode: 'P01' });
  [tt, hanoi, thu, viewer] = await Promise.all([
    t.login('tt.monitor'),
    t.login('hanoi.officer'),
    t.login('thu.officer'),
    t.login('viewer'),
  ]);
});
afterAll(async () => t?.close());

describe('seeded rules', () => {
  it("holds the agency's three rules, and seeding again changes nothing", async () => {
    const list = (await viewer.get('/api/monitoring/alert-rules?sort=name')).json<TPage<TAlertRule>>();
    expect(list.items.map((r) => [r.name, r.orgUnit.code, r.routeToOwningUnit, r.seeded, r.canEdit])).toEqual([
      ['Mạo danh cơ quan BHXH để lừa đảo', 'TT', true, true, false],
      ['Mua bán, cầm cố sổ BHXH', 'ST', false, true, false],
      ['Tin cốt lõi, tiêu cực', 'TT', true, true, false],
    ]);
    const since = await t.lastAuditSeq();
    expect(await t.services.monitoringAlertRules.seedRules(SYSTEM_ACTOR)).toEqual({ added: 0, refreshed: 0 });
    expect(await t.auditSince(since)).toEqual([]);
  });

  it('cannot be deleted, only disabled; a disabled one stays as the officer left it', async () => {
    const [scams] = (await tt.get('/api/monitoring/alert-rules?q=mao%20danh')).json<TPage<TAlertRule>>().items;
    const refused = await tt.delete(`/api/monitoring/alert-rules/${scams!.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<TProblem>().code).toBe('alert_rule.seeded');
    const disabled = await tt.patch(`/api/monitoring/alert-rules/${scams!.id}`, { version: 1, enabled: false });
    expect(disabled.json<TAlertRule>()).toMatchObject({ enabled: false, version: 2 });
    expect(await t.services.monitoringAlertRules.seedRules(SYSTEM_ACTOR)).toEqual({ added: 0, refreshed: 0 });
    expect((await tt.get(`/api/monitoring/alert-rules/${scams!.id}`)).json<TAlertRule>().enabled).toBe(false);
  });
});

describe('POST /api/monitoring/alert-rules', () => {
  it("adds a rule for the caller's own unit, audited", async () => {
    const since = await t.lastAuditSeq();
    const response = await create(hanoi, { flags: ['misinformation'], sentiments: ['negative'] });
    expect(response.statusCode).toBe(201);
    const rule = response.json<TAlertRule>();
    expect(rule).toMatchObject({
      orgUnit: { code: 'P01' },
      routeToOwningUnit: false,
      minRelevance: 'peripheral',
      flags: ['misinformation'],
      sentiments: ['negative'],
      enabled: true,
      seeded: false,
      canEdit: true,
      alerts30d: 0,
      version: 1,
    });
    const audit = await t.auditSince(since);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entity_type: 'monitoring_alert_rule', entity_id: rule.id });
  });

  it('refuses a rule with no condition besides relevance, field by field', async () => {
    const response = await create(hanoi, { minRelevance: 'core' }, 'en');
    expect(response.statusCode).toBe(400);
    expect(response.json<TProblem>().errors).toEqual([
      {
        field: 'queryIds',
        code: 'alert_rule.no_condition',
        message:
          'A rule needs at least one condition besides relevance: a query, a sentiment, a flag or an owning unit',
      },
    ]);
  });

  it('refuses a unit out of reach, routing to owning units and unknown queries', async () => {
    const response = await create(hanoi, {
      orgUnitId: await t.unitId('TT'),
      routeToOwningUnit: true,
      queryIds: ['00000000-0000-4000-8000-000000000001'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<TProblem>().errors!.map((e) => [e.field, e.code])).toEqual([
      ['orgUnitId', 'validation.unit_out_of_scope'],
      ['routeToOwningUnit', 'alert_rule.route_out_of_scope'],
      ['queryIds', 'alert_rule.unknown_query'],
    ]);
    expect((await create(viewer, { flags: ['fraud'] })).statusCode).toBe(403);
  });

  it('lets the Communication Center add a rule for any unit on a saved query, routed to owning units', async () => {
    const { rows } = await t.db.pool.query<{ id: string; name: string }>(
      `SELECT id, name FROM monitoring_queries WHERE seed_key = 'thu.evasion-debt'`,
    );
    const response = await create(tt, {
      name: 'Nợ đóng, trốn đóng',
      orgUnitId: await t.unitId('THU'),
      routeToOwningUnit: true,
      queryIds: [rows[0]!.id],
      minRelevance: 'core',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<TAlertRule>()).toMatchObject({ orgUnit: { code: 'THU' }, queries: [rows[0]] });
  });
});

describe('PATCH and DELETE /api/monitoring/alert-rules/:id', () => {
  it("lets the unit's officers change their rules, with a version check", async () => {
    const [rule] = (await hanoi.get('/api/monitoring/alert-rules?q=tin%20sai%20lech%20ve%20bhxh')).json<
      TPage<TAlertRule>
    >().items;
    expect(
      (await thu.patch(`/api/monitoring/alert-rules/${rule!.id}`, { version: 1, enabled: false })).statusCode,
    ).toBe(403);
    const emptied = await hanoi.patch(`/api/monitoring/alert-rules/${rule!.id}`, {
      version: 1,
      flags: [],
      sentiments: [],
    });
    expect(emptied.statusCode).toBe(400);
    expect(emptied.json<TProblem>().errors![0]!.code).toBe('alert_rule.no_condition');
    const changed = await hanoi.patch(`/api/monitoring/alert-rules/${rule!.id}`, { version: 1, units: ['csxh'] });
    expect(changed.json<TAlertRule>()).toMatchObject({ units: ['csxh'], flags: ['misinformation'], version: 2 });
    const stale = await hanoi.patch(`/api/monitoring/alert-rules/${rule!.id}`, { version: 1, enabled: false });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<TProblem>().code).toBe('conflict.version');
  });

  it('deletes a rule of the caller’s own, audited', async () => {
    const [rule] = (await hanoi.get('/api/monitoring/alert-rules?q=tin%20sai%20lech%20ve%20bhxh')).json<
      TPage<TAlertRule>
    >().items;
    const since = await t.lastAuditSeq();
    expect((await hanoi.delete(`/api/monitoring/alert-rules/${rule!.id}`)).statusCode).toBe(204);
    expect((await hanoi.get(`/api/monitoring/alert-rules/${rule!.id}`)).statusCode).toBe(404);
    expect((await t.auditSince(since))[0]).toMatchObject({ action: 'delete', entity_type: 'monitoring_alert_rule' });
  });
});

describe('GET /api/monitoring/alert-rules/export.xlsx', () => {
  it('exports the rules matching the filters', async () => {
    const response = await tt.get('/api/monitoring/alert-rules/export.xlsx?enabled=true', { 'accept-language': 'en' });
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Rule');
    const names = [];
    for (let r = 2; r <= sheet.rowCount; r++) names.push(sheet.getRow(r).getCell(1).value);
    expect(names.sort()).toEqual(['Mua bán, cầm cố sổ BHXH', 'Nợ đóng, trốn đóng', 'Tin cốt lõi, tiêu cực']);
  });
});
