// Issue 10 §3: races on real PostgreSQL. Each race is repeated ROUNDS times, so that a missing lock shows: budget
// spending against one balance, appraisal decisions on one product, approving one press review twice, and one job
// queue worked by two runners. See docs/decisions/0048-concurrency-and-crash-safety.md.
import type { TProductAppraisals, TProductDetail } from '@loa/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { balancesAgainstLedgers, waitFor } from '../test/crash/race.js';
import { createTestApp, type Session, type TestApp } from '../test/test-app.js';
import { insertEdition } from './modules/press-review-delivery/review.fixtures.js';
import { defineJob, startJobs, type JobDefinition, type Jobs } from './platform/jobs/jobs.js';

const ROUNDS = 20;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Reply = Awaited<ReturnType<Session['post']>>;
const statusesOf = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode).sort();
const codeOf = (response: { body: string }) => (JSON.parse(response.body) as { code?: string }).code;

describe('budget spending', () => {
  const YEAR = 2031;
  const SHARE = 100_000;
  let admin: Session;
  let officer: Session;
  let root: string;
  let p01: string;
  let d001: string;

  beforeAll(async () => {
    await t.createUser({ username: 'race.bd', roles: ['district_officer'], unitCode: 'D001' });
    [admin, officer] = await Promise.all([t.loginAdmin(), t.login('race.bd')]);
    [root, p01, d001] = await Promise.all([t.unitId('BHXHVN'), t.unitId('P01'), t.unitId('D001')]);
    expect((await admin.post('/api/budget/years', { year: YEAR })).statusCode).toBe(201);
    for (const [from, to] of [
      [null, root],
      [root, p01],
    ] as const) {
      const response = await admin.post('/api/budget/allocations', {
        year: YEAR,
        ...(from ? { fromUnitId: from } : { source: 'bhxh' }),
        toUnitId: to,
        category: 'dialogue',
        amount: ROUNDS * 10 * SHARE,
        decisionNo: 'QĐ-RACE',
        decidedOn: `${YEAR}-01-05`,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
  });

  it(`spending, withdrawing the allocation and double reversals race ${ROUNDS} times; balances equal the ledgers`, async () => {
    let previous: string | null = null;
    for (let round = 0; round < ROUNDS; round++) {
      const allocation = await admin.post('/api/budget/allocations', {
        year: YEAR,
        fromUnitId: p01,
        toUnitId: d001,
        category: 'dialogue',
        amount: 5 * SHARE,
        decisionNo: `QĐ-${round}`,
        decidedOn: `${YEAR}-02-01`,
      });
      expect(allocation.statusCode, allocation.body).toBe(201);
      const allocationId = allocation.json<{ id: string }>().id;
      const before = await balancesAgainstLedgers(t.db, YEAR);
      const d001Before = before
        .find((b) => b.unit_id === d001)!
        .stored.split('/')
        .map(Number);
      const free = d001Before[0]! - d001Before[1]! - d001Before[2]! - d001Before[3]!;

      const spend: Promise<Reply>[] = Array.from({ length: 8 }, (_, i) =>
        officer.post('/api/budget/expenditures', {
          unitId: d001,
          category: 'dialogue',
          amount: SHARE,
          spentOn: `${YEAR}-03-01`,
          voucherNo: `R${round}-${i}`,
          description: `Hội nghị đối thoại vòng ${round + 1}`,
        }),
      );
      const withdraw = [0, 1].map(() =>
        admin.post(`/api/budget/allocations/${allocationId}/reverse`, { reason: 'Điều chỉnh dự toán' }),
      );
      const unspend: Promise<Reply>[] = previous
        ? [0, 1].map((i) =>
            officer.post(`/api/budget/expenditures/${previous}/reverse`, {
              reason: 'Chứng từ sai',
              voucherNo: `HUY-${round}-${i}`,
            }),
          )
        : [];
      const [spent, withdrawn, unspent] = await Promise.all([
        Promise.all(spend),
        Promise.all(withdraw),
        Promise.all(unspend),
      ]);

      // Every refusal is a clean 409 with the budget's own code, never a 500 or a deadlock.
      for (const r of [...spent, ...withdrawn, ...unspent])
        if (r.statusCode !== 201) expect(r.statusCode, r.body).toBe(409);
      for (const r of spent.filter((x) => x.statusCode !== 201)) expect(codeOf(r)).toBe('budget.insufficient');
      // An entry is reversed at most once; when the other reversal lost it was for that reason or for lack of money.
      expect(withdrawn.filter((r) => r.statusCode === 201).length).toBeLessThanOrEqual(1);
      expect(unspent.filter((r) => r.statusCode === 201).length).toBe(previous ? 1 : 0);
      for (const r of unspent.filter((x) => x.statusCode !== 201)) expect(codeOf(r)).toBe('budget.already_reversed');

      const okSpent = spent.filter((r) => r.statusCode === 201).length;
      const okWithdrawn = withdrawn.some((r) => r.statusCode === 201) ? 1 : 0;
      const returned = unspent.some((r) => r.statusCode === 201) ? SHARE : 0;
      // Whatever the order, the money used never exceeds the money there was at some point of the race.
      expect(okSpent * SHARE + okWithdrawn * 5 * SHARE).toBeLessThanOrEqual(free + returned);
      const checks = await balancesAgainstLedgers(t.db, YEAR);
      expect(checks.filter((c) => c.stored !== c.from_ledgers)).toEqual([]);
      const { rows } = await t.db.pool.query<{ reversals: number }>(
        `SELECT count(*)::int AS reversals FROM budget_allocations WHERE reverses_id = $1`,
        [allocationId],
      );
      expect(rows[0]!.reversals).toBe(okWithdrawn);
      const kept: Reply | undefined = spent.find((r) => r.statusCode === 201);
      previous = kept ? kept.json<{ id: string }>().id : null;
    }
    // The audit holds one event per entry written, no more, no less.
    const { rows } = await t.db.pool.query<{ audited: number; entries: number }>(
      `SELECT (SELECT count(*)::int FROM audit_events WHERE entity_type = 'budget_expenditure') AS audited,
              (SELECT count(*)::int FROM budget_expenditures WHERE fiscal_year = $1) AS entries`,
      [YEAR],
    );
    expect(rows[0]!.audited).toBe(rows[0]!.entries);
  });
});

describe('appraisal decisions', () => {
  let owner: Session;
  let thuA: Session;
  let thuB: Session;
  let pc: Session;
  let thu: string;
  let pcUnit: string;
  const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    for (const [username, role, unitCode] of [
      ['race.hn', 'province_officer', 'P01'],
      ['race.thu.a', 'unit_officer', 'THU'],
      ['race.thu.b', 'unit_officer', 'THU'],
      ['race.pc', 'unit_officer', 'PC'],
    ] as const)
      await t.createUser({ username, roles: [role], unitCode });
    [owner, thuA, thuB, pc] = await Promise.all([
      t.login('race.hn'),
      t.login('race.thu.a'),
      t.login('race.thu.b'),
      t.login('race.pc'),
    ]);
    [thu, pcUnit] = await Promise.all([t.unitId('THU'), t.unitId('PC')]);
  });

  const created = async <T>(response: Promise<{ statusCode: number; body: string; json<U>(): U }>, status = 201) => {
    const r = await response;
    expect(r.statusCode, r.body).toBe(status);
    return r.json<T>();
  };

  it(`marking ready, a rejection and an approval race ${ROUNDS} times; the product never ends ready against a rejection`, async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const product = await created<TProductDetail>(
        owner.post('/api/products', {
          guidanceYear: 2020,
          typeCode: 'article',
          title: `Bài viết thẩm định đồng thời ${round + 1}`,
          summary: 'Bài viết về BHXH tự nguyện.',
          body: 'Nội dung.\n',
          themeCodes: ['II.2.a'],
          audienceCodes: ['I.2'],
          channelCodes: ['tv'],
          authors: ['Nguyễn Văn An'],
        }),
      );
      const asked = await created<TProductAppraisals>(
        owner.post(`/api/products/${product.id}/appraisals`, { unitIds: [thu, pcUnit], dueOn: due }),
      );
      const [thuRequest, pcRequest] = ['THU', 'PC'].map(
        (code) => asked.appraisals.find((a) => a.unit.code === code)!.id,
      );
      const opinionUrl = (id: string) => `/api/products/${product.id}/appraisals/${id}/opinions`;
      await created(thuA.post(opinionUrl(thuRequest!), { verdict: 'approve' }));

      const [ready, rejected, approved, withdrawn, pcOpinion] = await Promise.all([
        owner.post(`/api/products/${product.id}/ready`),
        thuA.post(opinionUrl(thuRequest!), { verdict: 'reject', comments: 'Số liệu chưa đúng.' }),
        thuB.post(opinionUrl(thuRequest!), { verdict: 'approve' }),
        owner.delete(`/api/products/${product.id}/appraisals/${pcRequest}`),
        pc.post(opinionUrl(pcRequest!), { verdict: 'approve' }),
      ]);
      // Two officers of the asked unit both sign: each opinion is kept, the later one decides.
      expect([rejected.statusCode, approved.statusCode], rejected.body + approved.body).toEqual([201, 201]);
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      // The PC opinion raced its withdrawal: signed before it, or refused cleanly — 409 when PC still reads the
      // product, 404 when the withdrawal already ended PC's sight of it (0016: an asked unit reads while asked).
      if (pcOpinion.statusCode !== 201)
        expect([
          [409, 'appraisal.withdrawn'],
          [404, 'resource.not_found'],
        ]).toContainEqual([pcOpinion.statusCode, codeOf(pcOpinion)]);
      // Ready may lose to PC's pending request or to the rejection, always as a clean 409.
      if (ready.statusCode !== 200) expect(ready.statusCode, ready.body).toBe(409);

      const { rows: opinions } = await t.db.pool.query<{ verdict: string; unit: string }>(
        `SELECT o.verdict, u.code AS unit
           FROM appraisal_opinions o JOIN product_appraisals a ON a.id = o.appraisal_id
           JOIN org_units u ON u.id = a.unit_id
          WHERE a.product_id = $1 ORDER BY o.signed_at`,
        [product.id],
      );
      // In the audit chain's order (the order the transactions took the product's lock), PC's opinion, if kept,
      // comes before the withdrawal, never after it.
      const { rows: pcEvents } = await t.db.pool.query<{ action: string }>(
        `SELECT action FROM audit_events WHERE entity_id::text = $1 ORDER BY seq`,
        [pcRequest],
      );
      expect(pcEvents.map((e) => e.action)).toEqual([
        'request_appraisal',
        ...(pcOpinion.statusCode === 201 ? ['give_opinion'] : []),
        'withdraw',
      ]);
      expect(opinions.filter((o) => o.unit === 'PC')).toHaveLength(pcOpinion.statusCode === 201 ? 1 : 0);
      const latest = opinions.filter((o) => o.unit === 'THU').at(-1)!.verdict;
      const { rows } = await t.db.pool.query<{ status: string; ready_at: Date | null }>(
        'SELECT status, ready_at FROM products WHERE id = $1',
        [product.id],
      );
      const status = rows[0]!.status;
      // The invariant: ready only when the unit's latest word approves; a rejection leaves it in appraisal.
      if (status === 'ready') expect(latest).toBe('approve');
      if (latest === 'reject') expect(status).toBe('in_appraisal');
      expect(rows[0]!.ready_at === null).toBe(status !== 'ready');
      const view = await created<TProductAppraisals>(owner.get(`/api/products/${product.id}/appraisals`), 200);
      expect(view.status).toBe(status);
      expect(view.appraisals.find((a) => a.unit.code === 'THU')!.state).toBe(
        latest === 'approve' ? 'approved' : 'rejected',
      );
      outcomes.add(`${status}:${latest}`);
    }
    // Over the rounds the race was real: the states seen are all consistent ones (listed for the report).
    expect(
      [...outcomes].every((o) => ['ready:approve', 'in_appraisal:approve', 'in_appraisal:reject'].includes(o)),
    ).toBe(true);
  });
});

describe('press review approval', () => {
  let editorA: Session;
  let editorB: Session;

  beforeAll(async () => {
    for (const username of ['race.tt.a', 'race.tt.b'])
      await t.createUser({ username, roles: ['comms_center'], unitCode: 'TT', email: `${username}@bhxh.gov.vn` });
    await t.createUser({ username: 'race.reader', roles: ['viewer'], unitCode: 'P48', email: 'reader@bhxh.gov.vn' });
    [editorA, editorB] = await Promise.all([t.login('race.tt.a'), t.login('race.tt.b')]);
    const response = await editorA.post('/api/review-subscriptions', {
      kind: 'review',
      userId: (await t.db.pool.query<{ id: string }>(`SELECT id FROM users WHERE username = 'race.reader'`)).rows[0]!
        .id,
    });
    expect(response.statusCode, response.body).toBe(201);
  });

  it(`two approvals of one edition at once, ${ROUNDS} times: one approval, one delivery, one notification`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const day = `2027-03-${String(round + 1).padStart(2, '0')}`;
      const id = await insertEdition(t, {
        day,
        entries: [{ section: 'agency', headline: `Tin vòng ${round + 1}` }],
      });
      const responses = await Promise.all(
        [editorA, editorB, editorA].map((s) => s.post(`/api/reviews/${id}/approve`, { version: 1 })),
      );
      expect(statusesOf(responses)).toEqual([200, 409, 409]);
      for (const r of responses.filter((x) => x.statusCode === 409)) expect(codeOf(r)).toBe('review.already_approved');
      const { rows } = await t.db.pool.query<{ approvals: number; deliveries: number; notes: number; status: string }>(
        `SELECT (SELECT count(*)::int FROM audit_events WHERE entity_id::text = $1 AND action = 'approve') AS approvals,
                (SELECT count(*)::int FROM press_review_deliveries WHERE review_id::text = $1) AS deliveries,
                (SELECT count(*)::int FROM notifications WHERE entity_id::text = $1 AND kind = 'press_review') AS notes,
                (SELECT status FROM press_reviews WHERE id::text = $1) AS status`,
        [id],
      );
      expect(rows[0]).toEqual({ approvals: 1, deliveries: 1, notes: 1, status: 'approved' });
    }
  });
});

describe('job execution across two runners on one database', () => {
  let first: Jobs;
  let second: Jobs;
  const quiet = { error: () => undefined, info: () => undefined };

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it(`a job's key is never run twice at once, each queued job runs once (${ROUNDS} keys, four sends each)`, async () => {
    const start = () => startJobs({ connectionString: t.db.url, schedule: false, log: quiet, pollingSeconds: 0.5 });
    [first, second] = await Promise.all([start(), start()]);
    const running = new Map<string, number>();
    const runs: { key: string; jobId: string; overlap: boolean }[] = [];
    const job = defineJob({
      name: 'test-race-keyed',
      payload: z.object({ key: z.string() }),
      retryLimit: 0,
      async handler({ key }, { jobId }) {
        const now = (running.get(key) ?? 0) + 1;
        running.set(key, now);
        await new Promise((resolve) => setTimeout(resolve, 100));
        runs.push({ key, jobId, overlap: now > 1 });
        running.set(key, running.get(key)! - 1);
      },
    });
    await first.work([job] as JobDefinition<never>[]);
    await second.work([job] as JobDefinition<never>[]);
    const queued: (string | null)[] = [];
    await Promise.all(
      Array.from({ length: ROUNDS }, async (_, round) => {
        const key = `khoa-${round}`;
        // Both runners queue the same key at once, twice: a waiting job absorbs the duplicates.
        queued.push(
          ...(await Promise.all(
            [first, second, first, second].map((j) => j.send(job, { key }, { idempotencyKey: key })),
          )),
        );
      }),
    );
    const ids = queued.filter((q): q is string => q !== null);
    expect(ids.length).toBeGreaterThanOrEqual(ROUNDS);
    await waitFor(`the ${ids.length} queued jobs to run`, () => runs.length >= ids.length, { timeoutMs: 40_000 });
    expect(runs.filter((r) => r.overlap)).toEqual([]);
    expect(runs.map((r) => r.jobId).sort()).toEqual([...ids].sort());
    // The handler returns before pg-boss records the completion: the last job may still read 'active' for a moment.
    const states = async () =>
      (
        await t.db.pool.query<{ state: string; n: number }>(
          `SELECT state, count(*)::int AS n FROM pgboss.job WHERE name = 'test-race-keyed' GROUP BY state`,
        )
      ).rows;
    await waitFor(
      'pg-boss to record every completion',
      async () => !(await states()).some((r) => r.state === 'active'),
      {
        timeoutMs: 10_000,
      },
    );
    expect(await states()).toEqual([{ state: 'completed', n: ids.length }]);
  });
});
