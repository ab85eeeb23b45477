// Concurrent expenditures through the real service (validation, scope, transaction, audit, balance trigger and its
// CHECK): many officers spending at once against ONE balance (one province's dialogue money — every write contends
// for the same row) compared in the same run with the same load spread over MANY balances (63 provinces, the
// baseline without row contention). After each run the invariant is checked from the ledger itself: nothing
// overspent, nothing lost, every balance row equal to the sum of its entries.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bootstrap } from '../apps/server/src/bootstrap.js';
import { compose } from '../apps/server/src/composition-root.js';
import type { Actor } from '../apps/server/src/platform/actor.js';
import { ensureDatabase, openDatabase } from '../apps/server/src/platform/db/client.js';
import { startEmbeddedPostgres } from '../apps/server/src/platform/db/embedded.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { freePort, median, p95 } from './support.js';

const REQUESTS = Number(process.env.BENCH_EXPENDITURES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const AMOUNT = 150_000;
/** On the single balance only this many fit: the rest must be refused, never half-written. */
const FITTING = Math.floor(REQUESTS * 0.75);
const YEAR = 2030;

type Outcome = { ok: number; refused: number; failed: string[]; latencies: number[]; seconds: number };

export async function runBudgetBenchmark(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'loa-bench-'));
  const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: () => undefined });
  try {
    const database = openDatabase(await ensureDatabase(embedded.url, 'loa_bench'), CONCURRENCY + 2);
    await migrate(database.pool);
    const services = compose(database.db, { sessionHours: 12 });
    await bootstrap(services, { orgPreset: '63-provinces', demo: false, adminPassword: 'Bench-password-2026' });
    const { rows: units } = await database.pool.query<{ id: string; code: string; path: string; kind: string }>(
      "SELECT id, code, path, kind FROM org_units WHERE code = 'BHXHVN' OR kind = 'province' ORDER BY code",
    );
    const root = units.find((u) => u.code === 'BHXHVN')!;
    const provinces = units.filter((u) => u.kind === 'province');
    const admin: Actor = {
      userId: null,
      username: 'bench',
      fullName: 'Đo hiệu năng',
      roles: ['admin'],
      orgUnitId: root.id,
      scopePath: root.path,
    };
    await services.budget.years.openYear(admin, { year: YEAR });
    const perProvince = AMOUNT * REQUESTS; // enough for the whole load on any one province
    await services.budget.allocations.createAllocation(admin, {
      year: YEAR,
      toUnitId: root.id,
      category: 'dialogue',
      source: 'bhxh',
      amount: perProvince * provinces.length + AMOUNT * FITTING,
      decisionNo: '01/QĐ-BENCH',
      decidedOn: `${YEAR}-01-05`,
    });
    for (const province of provinces) {
      await services.budget.allocations.createAllocation(admin, {
        year: YEAR,
        fromUnitId: root.id,
        toUnitId: province.id,
        category: 'dialogue',
        amount: province.code === 'P01' ? AMOUNT * FITTING : perProvince,
        decisionNo: `02/QĐ-${province.code}`,
        decidedOn: `${YEAR}-01-06`,
      });
    }
    const p01 = provinces.find((p) => p.code === 'P01')!;
    const others = provinces.filter((p) => p.code !== 'P01');

    const run = async (label: string, unitFor: (i: number) => string): Promise<Outcome> => {
      const outcome: Outcome = { ok: 0, refused: 0, failed: [], latencies: [], seconds: 0 };
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        while (next < REQUESTS) {
          const i = next++;
          const t0 = performance.now();
          try {
            await services.budget.expenditures.createExpenditure(admin, {
              unitId: unitFor(i),
              category: 'dialogue',
              amount: AMOUNT,
              spentOn: `${YEAR}-03-${String(1 + (i % 28)).padStart(2, '0')}`,
              voucherNo: `${label}-${i}`,
              description: 'Tiền ăn hội nghị đối thoại',
            });
            outcome.ok++;
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (code === 'budget.insufficient') outcome.refused++;
            else outcome.failed.push(String(code ?? error));
          }
          outcome.latencies.push(performance.now() - t0);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      outcome.seconds = (performance.now() - started) / 1000;
      return outcome;
    };

    const one = await run('ONE', () => p01.id);
    const many = await run('MANY', (i) => others[i % others.length]!.id);

    // The invariant, read from the entries themselves and from the balance rows the CHECK guards.
    const { rows: check } = await database.pool.query<{ mismatched: number; overspent: number; p01_spent: string }>(
      `WITH sums AS (
         SELECT unit_id, sum(amount) AS spent FROM budget_expenditures WHERE fiscal_year = $1 GROUP BY unit_id)
       SELECT (SELECT count(*)::int FROM budget_balances b LEFT JOIN sums s ON s.unit_id = b.unit_id
                WHERE b.fiscal_year = $1 AND b.category = 'dialogue' AND b.spent <> coalesce(s.spent, 0)) AS mismatched,
              (SELECT count(*)::int FROM budget_balances
                WHERE fiscal_year = $1 AND allocated_out + spent + committed > allocated_in) AS overspent,
              (SELECT spent::text FROM budget_balances WHERE fiscal_year = $1 AND category = 'dialogue' AND unit_id = $2)
                AS p01_spent`,
      [YEAR, p01.id],
    );
    const invariant = check[0]!;
    const report = (name: string, o: Outcome) =>
      console.log(
        `  ${name.padEnd(13)} ${(REQUESTS / o.seconds).toFixed(0).padStart(5)} requests/s` +
          ` (${(o.ok / o.seconds).toFixed(0)} recorded/s)   recorded ${o.ok}, refused ${o.refused}, errors ${o.failed.length}` +
          `   latency median ${median(o.latencies).toFixed(1)} ms, p95 ${p95(o.latencies).toFixed(1)} ms`,
      );
    console.log(
      `budget: ${REQUESTS} expenditures of ${AMOUNT} đ each, ${CONCURRENCY} at a time, service level (validation, scope, transaction, audit, balance CHECK)`,
    );
    report('one balance', one);
    report('many (62)', many);
    console.log(
      `  one balance vs many: ×${(REQUESTS / one.seconds / (REQUESTS / many.seconds)).toFixed(2)} throughput`,
    );
    const expectedSpent = AMOUNT * FITTING;
    const ok =
      one.ok === FITTING &&
      one.refused === REQUESTS - FITTING &&
      many.ok === REQUESTS &&
      one.failed.length + many.failed.length === 0 &&
      invariant.mismatched === 0 &&
      invariant.overspent === 0 &&
      Number(invariant.p01_spent) === expectedSpent;
    console.log(
      `  invariant: P01 spent ${invariant.p01_spent} of ${expectedSpent} allocated; balances differing from their entries: ${invariant.mismatched}; overspent balances: ${invariant.overspent} → ${ok ? 'HOLDS' : 'BROKEN'}`,
    );
    if (!ok) {
      console.error('  errors:', [...new Set([...one.failed, ...many.failed])].slice(0, 5));
      process.exitCode = 1;
    }
    await database.close();
  } finally {
    await embedded.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
