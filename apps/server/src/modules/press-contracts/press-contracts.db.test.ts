import type { TPage, TPressContract, TPressContractSummary, TProblem } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/test-app.js';

const YEAR = 2026;
let t: TestApp;
let center: Session;
let danang: Session;
let ttViewer: Session;
let nationalOutlet: string;
let danangOutlet: string;
let theme: string;

const query = async <R extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
  (await t.db.pool.query<R>(text, values)).rows;

/** Money for a unit's press contracts in YEAR: the root's appropriation, then an allocation down to the unit. */
async function fund(unitCode: string, amount: number) {
  const root = await t.unitId('BHXHVN');
  const unit = await t.unitId(unitCode);
  await query(
    `INSERT INTO budget_allocations (fiscal_year, from_unit_id, to_unit_id, category, source, amount, decision_no,
       decided_on, created_by_name) VALUES ($1, NULL, $2, 'press_contract', 'bhxh', $3, 'QĐ-01', '2026-01-05', 'Kế toán')`,
    [YEAR, root, amount],
  );
  await query(
    `INSERT INTO budget_allocations (fiscal_year, from_unit_id, to_unit_id, category, amount, decision_no, decided_on,
       created_by_name) VALUES ($1, $2, $3, 'press_contract', $4, 'QĐ-02', '2026-01-06', 'Kế toán')`,
    [YEAR, root, unit, amount],
  );
}

const balance = async (unitCode: string) =>
  (
    await query<{ spent: string; committed: string }>(
      `SELECT spent, committed FROM budget_balances WHERE unit_id = $1 AND fiscal_year = $2 AND category = 'press_contract'`,
      [await t.unitId(unitCode), YEAR],
    )
  ).map((r) => ({ spent: Number(r.spent), committed: Number(r.committed) }))[0] ?? { spent: 0, committed: 0 };

/** A published product of the unit and one publication of it on `day` (Vietnam time). */
async function publication(unitCode: string, day: string, outlet = 'VTV1'): Promise<string> {
  const unit = await t.unitId(unitCode);
  const [product] = await query<{ id: string }>(
    `INSERT INTO products (guidance_year, type_code, title, owner_unit_id, status)
     VALUES (2020, 'video', $1, $2, 'published') RETURNING id`,
    [`Phóng sự ${day} ${Math.random()}`, unit],
  );
  const [row] = await query<{ id: string }>(
    `INSERT INTO publications (product_id, channel, outlet, published_at, org_unit_id)
     VALUES ($1, 'tv', $2, $3, $4) RETURNING id`,
    [product!.id, outlet, `${day}T20:00:00+07:00`, unit],
  );
  return row!.id;
}

const draft = (number: string, value: number, outletId = nationalOutlet) => ({
  number,
  title: 'Tuyên truyền chính sách BHXH, BHYT trên sóng truyền hình',
  outletId,
  value,
  year: YEAR,
  periodFrom: '2026-02-01',
  periodTo: '2026-11-30',
  themes: [theme],
});

async function signed(number: string, value: number): Promise<TPressContract> {
  const created = (await center.post('/api/press/contracts', draft(number, value))).json<TPressContract>();
  const response = await center.post(`/api/press/contracts/${created.id}/sign`, {
    signedOn: '2026-02-01',
    version: created.version,
  });
  expect(response.statusCode).toBe(200);
  return response.json<TPressContract>();
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser({ username: 'tt.contracts', roles: ['comms_center'], unitCode: 'TT' });
  await t.createUser({ username: 'danang.contracts', roles: ['province_officer'], unitCode: 'P48' });
  await t.createUser({ username: 'tt.viewer', roles: ['viewer'], unitCode: 'TT' });
  [center, danang, ttViewer] = await Promise.all([
    t.login('tt.contracts'),
    t.login('danang.contracts'),
    t.login('tt.viewer'),
  ]);
  nationalOutlet = (await center.post('/api/press/outlets', { name: 'VTV1', kind: 'tv', area: 'national' })).json<{
    id: string;
  }>().id;
  danangOutlet = (
    await danang.post('/api/press/outlets', { name: 'Báo Đà Nẵng', kind: 'newspaper', area: '48' })
  ).json<{
    id: string;
  }>().id;
  await query(`INSERT INTO budget_fiscal_years (year) VALUES ($1) ON CONFLICT DO NOTHING`, [YEAR]);
  theme = (
    await query<{ code: string }>(`SELECT code FROM guidance_items WHERE kind = 'theme' AND year = 2020 LIMIT 1`)
  )[0]!.code;
});
afterAll(async () => t?.close());

describe('press contracts', () => {
  let contract: TPressContract;

  it('drafts a contract with a national outlet, audited; refuses a duplicate number and another unit’s outlet', async () => {
    const since = await t.lastAuditSeq();
    const response = await center.post('/api/press/contracts', draft('01/2026/HĐ-TT', 120_000_000));
    expect(response.statusCode).toBe(201);
    contract = response.json<TPressContract>();
    expect(contract).toMatchObject({ status: 'draft', value: 120_000_000, paid: 0, committed: 0, canEdit: true });
    expect(contract.unit.code).toBe('TT');
    const audit = await t.auditSince(since);
    expect(audit.map((a) => [a.action, a.entity_type])).toEqual([['create', 'press_contract']]);

    const duplicate = await center.post('/api/press/contracts', draft('01/2026/hđ-tt', 5_000_000));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json<TProblem>().errors?.[0]).toMatchObject({ field: 'number' });

    const foreign = await center.post('/api/press/contracts', draft('02/2026/HĐ-TT', 5_000_000, danangOutlet));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<TProblem>().errors?.[0]).toMatchObject({
      field: 'outletId',
      code: 'press_contract.outlet_out_of_scope',
    });

    const fractional = await center.post('/api/press/contracts', draft('03/2026/HĐ-TT', 1.5));
    expect(fractional.statusCode).toBe(400);
    expect(fractional.json<TProblem>().errors?.map((e) => e.field)).toEqual(['value']);
    const reversed = await center.post('/api/press/contracts', {
      ...draft('03/2026/HĐ-TT', 9),
      periodTo: '2026-01-01',
    });
    expect(reversed.json<TProblem>().errors?.map((e) => [e.field, e.code])).toEqual([
      ['periodTo', 'validation.end_before_start'],
    ]);
  });

  it('refuses to sign without budget, then signs and commits the value once the unit has money', async () => {
    const refused = await center.post(`/api/press/contracts/${contract.id}/sign`, {
      signedOn: '2026-02-01',
      version: contract.version,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<TProblem>().code).toBe('budget.insufficient');
    expect((await center.get(`/api/press/contracts/${contract.id}`)).json<TPressContract>().status).toBe('draft');

    await fund('TT', 500_000_000);
    const since = await t.lastAuditSeq();
    const response = await center.post(`/api/press/contracts/${contract.id}/sign`, {
      signedOn: '2026-02-01',
      version: contract.version,
    });
    expect(response.statusCode).toBe(200);
    contract = response.json<TPressContract>();
    expect(contract).toMatchObject({ status: 'signed', signedOn: '2026-02-01', committed: 120_000_000 });
    expect(await balance('TT')).toEqual({ spent: 0, committed: 120_000_000 });
    expect((await t.auditSince(since)).map((a) => a.action)).toContain('sign');
  });

  it('counts delivery from linked publications, once per contract, and unlinks before acceptance', async () => {
    let response = await center.post(`/api/press/contracts/${contract.id}/deliverables`, {
      kind: 'reportage',
      theme,
      planned: 4,
    });
    expect(response.statusCode).toBe(201);
    response = await center.post(`/api/press/contracts/${contract.id}/deliverables`, {
      kind: 'airtime_minutes',
      planned: 60,
    });
    contract = response.json<TPressContract>();
    const [reportage, airtime] = contract.deliverables;
    const first = await publication('TT', '2026-03-10');
    const second = await publication('TT', '2026-04-02');
    const broadcast = await publication('TT', '2026-05-20');
    for (const [deliverableId, publicationId, quantity] of [
      [reportage!.id, first, undefined],
      [reportage!.id, second, undefined],
      [airtime!.id, broadcast, 25],
    ] as const) {
      response = await center.post(`/api/press/contracts/${contract.id}/publications`, {
        deliverableId,
        publicationId,
        ...(quantity ? { quantity } : {}),
      });
      expect(response.statusCode).toBe(201);
    }
    contract = response.json<TPressContract>();
    expect(contract.deliverables.map((d) => [d.kind, d.planned, d.delivered])).toEqual([
      ['reportage', 4, 2],
      ['airtime_minutes', 60, 25],
    ]);

    const twice = await center.post(`/api/press/contracts/${contract.id}/publications`, {
      deliverableId: airtime!.id,
      publicationId: first,
    });
    expect(twice.statusCode).toBe(409);
    const late = await center.post(`/api/press/contracts/${contract.id}/publications`, {
      deliverableId: reportage!.id,
      publicationId: await publication('TT', '2026-12-15'),
    });
    expect(late.json<TProblem>().errors?.[0]?.code).toBe('press_contract.publication_outside_period');

    const link = contract.publications.find((p) => p.publication.id === second)!;
    expect((await center.delete(`/api/press/contracts/${contract.id}/publications/${link.id}`)).statusCode).toBe(204);
    contract = (await center.get(`/api/press/contracts/${contract.id}`)).json<TPressContract>();
    expect(contract.deliverables[0]!.delivered).toBe(1);
  });

  it('refuses an acceptance beyond what was delivered, then records it with a reason', async () => {
    const [reportage, airtime] = contract.deliverables;
    const body = {
      acceptedOn: '2026-06-01',
      lines: [
        { deliverableId: reportage!.id, quantity: 2 },
        { deliverableId: airtime!.id, quantity: 25 },
      ],
    };
    const refused = await center.post(`/api/press/contracts/${contract.id}/acceptances`, body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json<TProblem>()).toMatchObject({ code: 'press_contract.over_delivered' });
    expect(refused.json<TProblem>().errors?.map((e) => e.field)).toEqual(['lines.0.quantity']);

    const since = await t.lastAuditSeq();
    const reason = 'Đài phát lại phóng sự thứ hai trên kênh VTV8, chưa ghi nhận đăng phát';
    const response = await center.post(`/api/press/contracts/${contract.id}/acceptances`, {
      ...body,
      overDeliveryReason: reason,
    });
    expect(response.statusCode).toBe(201);
    contract = response.json<TPressContract>();
    expect(contract.deliverables.map((d) => d.accepted)).toEqual([2, 25]);
    expect(contract.acceptances[0]).toMatchObject({ overDeliveryReason: reason });
    const audit = (await t.auditSince(since)).find((a) => a.action === 'record_acceptance');
    expect(audit?.after).toMatchObject({ overDeliveryReason: reason });

    const accepted = contract.publications[0]!;
    expect(accepted.accepted).toBe(true);
    const unlink = await center.delete(`/api/press/contracts/${contract.id}/publications/${accepted.id}`);
    expect(unlink.statusCode).toBe(409);
  });

  it('records payments as expenditures and refuses paying beyond the value without a reason', async () => {
    const pay = (amount: number, voucherNo: string, overValueReason?: string) =>
      center.post(`/api/press/contracts/${contract.id}/payments`, {
        amount,
        paidOn: '2026-06-15',
        voucherNo,
        description: 'Thanh toán đợt theo biên bản nghiệm thu',
        ...(overValueReason ? { overValueReason } : {}),
      });
    let response = await pay(100_000_000, 'PC-101');
    expect(response.statusCode).toBe(201);
    expect(await balance('TT')).toEqual({ spent: 100_000_000, committed: 20_000_000 });

    // The budget's own expenditure route does not take a contract: it would skip the check against the value.
    response = await center.post('/api/budget/expenditures', {
      unitId: await t.unitId('TT'),
      category: 'press_contract',
      amount: 30_000_000,
      spentOn: '2026-06-15',
      voucherNo: 'PC-102',
      description: 'Thanh toán ngoài trang hợp đồng',
      contractId: contract.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<TProblem>().errors?.[0]).toMatchObject({
      field: 'contractId',
      code: 'validation.budget_contract_payment',
    });

    response = await pay(30_000_000, 'PC-102');
    expect(response.statusCode).toBe(422);
    expect(response.json<TProblem>()).toMatchObject({ code: 'press_contract.over_value' });
    expect(response.json<TProblem>().errors?.[0]).toMatchObject({ field: 'amount', code: 'press_contract.over_value' });

    const since = await t.lastAuditSeq();
    response = await pay(30_000_000, 'PC-102', 'Phụ lục bổ sung 10 phút phát sóng đã được lãnh đạo phê duyệt');
    expect(response.statusCode).toBe(201);
    contract = response.json<TPressContract>();
    expect(contract).toMatchObject({ paid: 130_000_000, committed: 0 });
    expect(contract.payments.map((p) => [p.amount, p.overValueReason !== null])).toEqual([
      [100_000_000, false],
      [30_000_000, true],
    ]);
    expect(await balance('TT')).toEqual({ spent: 130_000_000, committed: 0 });
    const actions = (await t.auditSince(since)).map((a) => `${a.action}:${a.entity_type}`);
    expect(actions).toEqual(expect.arrayContaining(['create:budget_expenditure', 'pay:press_contract']));
    const [expenditure] = await query<{ contract_id: string }>(
      `SELECT contract_id FROM budget_expenditures WHERE voucher_no = 'PC-102'`,
    );
    expect(expenditure?.contract_id).toBe(contract.id);
  });

  it('never lets two concurrent payments together exceed the value', async () => {
    const small = await signed('05/2026/HĐ-TT', 50_000_000);
    const responses = await Promise.all(
      ['PC-201', 'PC-202'].map((voucherNo) =>
        center.post(`/api/press/contracts/${small.id}/payments`, {
          amount: 30_000_000,
          paidOn: '2026-07-01',
          voucherNo,
          description: 'Thanh toán',
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    const after = (await center.get(`/api/press/contracts/${small.id}`)).json<TPressContract>();
    expect(after.paid).toBe(30_000_000);
    expect(after.payments).toHaveLength(1);
  });

  it('completes a contract and releases what remains committed', async () => {
    const other = await signed('06/2026/HĐ-TT', 40_000_000);
    const before = await balance('TT');
    const response = await center.post(`/api/press/contracts/${other.id}/complete`, { version: other.version });
    expect(response.statusCode).toBe(200);
    expect(response.json<TPressContract>()).toMatchObject({ status: 'completed', committed: 0 });
    expect((await balance('TT')).committed).toBe(before.committed - 40_000_000);
    const again = await center.post(`/api/press/contracts/${other.id}/terminate`, {
      reason: 'x',
      version: response.json<TPressContract>().version,
    });
    expect(again.statusCode).toBe(409);
  });

  it('keeps contracts within the signing unit’s scope: a province does not see the Center’s', async () => {
    expect((await danang.get(`/api/press/contracts/${contract.id}`)).statusCode).toBe(404);
    const list = (await danang.get('/api/press/contracts')).json<TPage<TPressContractSummary>>();
    expect(list.items.map((c) => c.unit.code)).not.toContain('TT');
    const pay = await danang.post(`/api/press/contracts/${contract.id}/payments`, {
      amount: 1,
      paidOn: '2026-06-15',
      voucherNo: 'X',
      description: 'x',
    });
    expect(pay.statusCode).toBe(404);

    const read = await ttViewer.get(`/api/press/contracts/${contract.id}`);
    expect(read.json<TPressContract>()).toMatchObject({ canEdit: false });
    const write = await ttViewer.post(`/api/press/contracts/${contract.id}/deliverables`, {
      kind: 'video',
      planned: 1,
    });
    expect(write.statusCode).toBe(403);

    const filtered = (await center.get(`/api/press/contracts?year=${YEAR}&status=signed&q=01%2F2026`)).json<
      TPage<TPressContractSummary>
    >();
    expect(filtered.items.map((c) => c.number)).toEqual(['01/2026/HĐ-TT']);
    const excel = await center.get('/api/press/contracts/export.xlsx?status=signed');
    expect(excel.statusCode).toBe(200);
    expect(excel.headers['content-type']).toContain('spreadsheetml');
  });

  it('lets a press office draft a contract but not sign it: signing commits budget, which it does not spend', async () => {
    await t.createUser({ username: 'tt.pressoffice', roles: ['press_office'], unitCode: 'TT' });
    const office = await t.login('tt.pressoffice');
    const created = await office.post('/api/press/contracts', draft('09/2026/HĐ-TT', 1_000_000));
    expect(created.statusCode).toBe(201);
    const sign = await office.post(`/api/press/contracts/${created.json<TPressContract>().id}/sign`, {
      signedOn: '2026-02-01',
      version: created.json<TPressContract>().version,
    });
    expect(sign.statusCode).toBe(403);
    expect(sign.json<TProblem>().code).toBe('access.role_forbidden');
  });
});
