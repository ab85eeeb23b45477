// The dashboard on national data (issue 9 §6, decision 0042): 63 provinces with their 696 districts, five years of
// records generated with SQL (≥ 2 million products, publications and events, ≥ 5 million expenditures at
// LOA_BENCH_SCALE=1, the default), the rollups rebuilt, then the same dashboards — root, a province, a district ×
// a month, a quarter, a year, five years and two unaligned periods — asked with rollups and, as the baseline in the
// same run, with direct aggregation of every figure. Both answers must be identical.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { bootstrap } from '../apps/server/src/bootstrap.js';
import { compose, type Services } from '../apps/server/src/composition-root.js';
import {
  createDashboardService,
  dashboardRepository,
  dashboardRollupsRepository,
} from '../apps/server/src/modules/dashboard/index.js';
import { ensureDatabase, openDatabase } from '../apps/server/src/platform/db/client.js';
import { startEmbeddedPostgres } from '../apps/server/src/platform/db/embedded.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { freePort, median, p95 } from './support.js';

const SCALE = Number(process.env.LOA_BENCH_SCALE ?? 1);
const COUNTS = {
  products: Math.round(2_000_000 * SCALE),
  events: Math.round(2_000_000 * SCALE),
  expenditures: Math.round(5_000_000 * SCALE),
  incidents: Math.round(50_000 * SCALE),
};
/** Five Vietnam calendar years of records: 2021–2025. */
const FIRST = '2020-12-31T17:00:00Z';
const SPAN = `interval '1826 days'`;
const PERIODS = [
  { name: 'month', from: '2024-05-01', to: '2024-05-31' },
  { name: 'quarter', from: '2024-04-01', to: '2024-06-30' },
  { name: 'year', from: '2024-01-01', to: '2024-12-31' },
  { name: '5 years', from: '2021-01-01', to: '2025-12-31' },
  { name: '12 months, unaligned', from: '2024-03-15', to: '2025-03-14' },
  { name: '40 days, unaligned', from: '2023-11-25', to: '2024-01-03' },
  { name: 'one week', from: '2025-06-02', to: '2025-06-08' },
];

/**
 * Times the generation of the national annual report (the reports module's generation, REPORTS-SERVER); the lead
 * passes it to `runReportsBenchmark` once that generation is exported. Target: ≤ 10 s.
 */
export type AnnualReportTimer = (services: Services, rootUnitId: string, year: number) => Promise<number | void>;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function runReportsBenchmark(annualReport?: AnnualReportTimer): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'loa-bench-'));
  const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: () => undefined });
  try {
    const database = openDatabase(await ensureDatabase(embedded.url, 'loa_bench'), 12);
    await migrate(database.pool);
    const services = compose(database.db, { sessionHours: 12 });
    await bootstrap(services, { orgPreset: '63-provinces', demo: false, adminPassword: 'Bench-password-2026' });
    const q = (text: string) => database.pool.query(text);

    console.log(`reports: national data set at scale ${SCALE} (LOA_BENCH_SCALE), 2021–2025`);
    let t0 = performance.now();
    const generated = await generate(database.pool);
    console.log(
      `  generated ${Object.entries(generated)
        .map(([table, n]) => `${n.toLocaleString('en')} ${table}`)
        .join(', ')} in ${seconds(performance.now() - t0)}`,
    );

    t0 = performance.now();
    const { rows: rollupRows, dayRows } = await services.dashboardRollups.rebuild();
    console.log(
      `  rollup rebuild: ${rollupRows.toLocaleString('en')} month cells, ${dayRows.toLocaleString('en')} day cells in ${seconds(
        performance.now() - t0,
      )}`,
    );
    await q('VACUUM ANALYZE dashboard_rollups');
    await q('VACUUM ANALYZE dashboard_rollup_days');

    const { rows: units } = await database.pool.query<{ id: string; code: string }>(
      `SELECT id, code FROM org_units WHERE code IN ('BHXHVN', 'P01', 'D001')`,
    );
    const unit = (code: string) => units.find((u) => u.code === code)!.id;
    const scopes = [
      { name: 'root', id: unit('BHXHVN') },
      { name: 'province P01', id: unit('P01') },
      { name: 'district D001', id: unit('D001') },
    ];
    // One clock for both passes: "incidents still open" is a snapshot at now (and a year before now), and the
    // passes run minutes apart — with the real clock an incident opening or closing between them differs.
    const at = new Date();
    const clock = () => at;
    const direct = createDashboardService({ db: database.db, repo: dashboardRepository, now: clock });
    const withRollups = createDashboardService({
      db: database.db,
      repo: dashboardRepository,
      rollups: dashboardRollupsRepository,
      now: clock,
    });
    const requests = scopes.flatMap((scope) => PERIODS.map((period) => ({ scope, period })));
    const measure = async (label: string, service: typeof direct) => {
      const latencies: number[] = [];
      const answers: string[] = [];
      const slowest = { ms: 0, what: '' };
      for (const { scope, period } of requests) {
        const start = performance.now();
        const answer = await service.internal.compute(scope.id, period.from, period.to);
        const ms = performance.now() - start;
        latencies.push(ms);
        answers.push(JSON.stringify(answer));
        if (ms > slowest.ms) Object.assign(slowest, { ms, what: `${scope.name}, ${period.name}` });
      }
      console.log(
        `  ${label.padEnd(22)} ${requests.length} dashboards: p50 ${median(latencies).toFixed(0)} ms, p95 ${p95(
          latencies,
        ).toFixed(0)} ms, slowest ${slowest.ms.toFixed(0)} ms (${slowest.what})`,
      );
      return { latencies, answers };
    };
    // One warm-up pass so both paths read from a warm cache.
    for (const { scope, period } of requests) await withRollups.internal.compute(scope.id, period.from, period.to);
    const rolled = await measure('with rollups', withRollups);
    const baseline = await measure('direct (baseline)', direct);
    const identical = rolled.answers.every((answer, i) => answer === baseline.answers[i]);
    requests.forEach(({ scope, period }, i) => {
      if (rolled.answers[i] === baseline.answers[i]) return;
      const figures = (answer: string) => (JSON.parse(answer) as { figures: unknown[] }).figures;
      const a = figures(rolled.answers[i]!);
      const b = figures(baseline.answers[i]!);
      const differing = a.filter((figure, k) => JSON.stringify(figure) !== JSON.stringify(b[k]));
      console.log(`  differs: ${scope.name}, ${period.name}: ${JSON.stringify(differing)} (figures; or other parts)`);
    });
    const target = p95(rolled.latencies) <= 300;
    console.log(
      `  with rollups vs direct: ×${(p95(baseline.latencies) / p95(rolled.latencies)).toFixed(1)} at p95; answers identical: ${
        identical ? 'yes' : 'NO'
      }; target p95 ≤ 300 ms: ${target ? 'met' : 'MISSED'}`,
    );
    if (!identical) process.exitCode = 1;

    if (annualReport) {
      t0 = performance.now();
      // The timer may return the time of the generation alone (without the breakdown it prints first).
      const own = await annualReport(services, unit('BHXHVN'), 2025);
      const ms = typeof own === 'number' ? own : performance.now() - t0;
      console.log(`  national annual report 2025: ${seconds(ms)} (target ≤ 10 s: ${ms <= 10_000 ? 'met' : 'MISSED'})`);
    } else console.log('  national annual report: not measured (no AnnualReportTimer passed)');
    await database.close();
  } finally {
    await embedded.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * The national data set, generated in the database. Triggers are off while loading (session_replication_role =
 * replica: the budget ledger's balances and the rollups' dirty marks are not what is measured; the rebuild follows),
 * and the trigram search indexes, which the dashboard does not use, are dropped first to load faster.
 */
async function generate(pool: Pool): Promise<Record<string, number>> {
  const client = await pool.connect();
  try {
    const q = (text: string) => client.query(text);
    await q(`SELECT setseed(0.2026)`);
    for (const index of ['products_search', 'publications_search', 'events_search', 'budget_expenditures_search'])
      await q(`DROP INDEX IF EXISTS ${index}`);
    await q(`SET session_replication_role = replica`);
    // The provinces and districts, as one array every generated row picks its unit from (spread evenly over time).
    await q(`CREATE TEMP TABLE bench_units AS
               SELECT array_agg(id ORDER BY code) AS ids FROM org_units WHERE kind IN ('district', 'province')`);
    const { rows } = await client.query<{ n: number }>(`SELECT cardinality(ids) AS n FROM bench_units`);
    const n = rows[0]!.n;
    const unitOf = (g: string) => `u.ids[1 + ((${g})::bigint * 7919) % ${n}]`;
    const at = (g: string, total: number) =>
      `'${FIRST}'::timestamptz + (${g}::float8 / ${total}) * ${SPAN} + random() * interval '20 hours'`;
    const { rows: types } = await client.query<{ year: number; codes: string[] }>(
      `SELECT year, array_agg(code ORDER BY code) AS codes FROM guidance_items WHERE kind = 'product_type'
        GROUP BY year ORDER BY year DESC LIMIT 1`,
    );
    const { year, codes } = types[0]!;
    await q(`INSERT INTO products (guidance_year, type_code, title, owner_unit_id, created_at, updated_at)
             SELECT ${year}, (ARRAY[${codes.map((c) => `'${c}'`).join(',')}])[1 + g % ${codes.length}], 'SP ' || g,
                    ${unitOf('g')}, t, t
               FROM bench_units u, generate_series(1, ${COUNTS.products}) g, LATERAL (SELECT ${at('g', COUNTS.products)} AS t) x`);
    await q(`INSERT INTO publications (product_id, channel, outlet, published_at, org_unit_id)
             SELECT id, (ARRAY['press', 'tv', 'radio', 'loudspeaker', 'printed', 'sms'])[1 + floor(random() * 6)::int],
                    'Báo', created_at + random() * interval '10 days', owner_unit_id
               FROM products`);
    await q(`INSERT INTO publication_metrics (publication_id, metric, value, read_on, source)
             SELECT id, CASE WHEN channel = 'radio' THEN 'listeners' ELSE 'views' END, floor(random() * 5000)::bigint,
                    (published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 2, 'import'
               FROM publications WHERE random() < 0.5`);
    await q(`INSERT INTO events (kind, title, org_unit_id, status, starts_at, extra_attendance, new_voluntary,
               new_household_bhyt)
             SELECT (ARRAY['conference', 'dialogue', 'group_household', 'group_residential', 'launch_day'])[1 + g % 5],
                    'HN ' || g, ${unitOf('g + 13')}, (ARRAY['held', 'reported', 'reported', 'planned'])[1 + g % 4],
                    ${at('g', COUNTS.events)}, floor(random() * 80)::int, floor(random() * 8)::int,
                    floor(random() * 8)::int
               FROM bench_units u, generate_series(1, ${COUNTS.events}) g`);
    await q(`INSERT INTO event_check_ins (event_id, full_name, sex)
             SELECT id, 'Người tham dự', 'female' FROM events WHERE random() < 0.25`);
    await q(`INSERT INTO budget_fiscal_years (year) SELECT generate_series(2020, 2026) ON CONFLICT DO NOTHING`);
    await q(`INSERT INTO budget_expenditures (unit_id, fiscal_year, category, amount, spent_on, voucher_no, description,
               created_by_name)
             SELECT ${unitOf('g + 29')}, extract(year FROM d)::int,
                    (ARRAY['event', 'printing', 'press_contract', 'dialogue', 'production'])[1 + g % 5],
                    (1 + floor(random() * 200)::bigint) * 50000, d, 'C' || g, 'Chi', 'Kế toán'
               FROM bench_units u, generate_series(1, ${COUNTS.expenditures}) g,
                    LATERAL (SELECT ((${at('g', COUNTS.expenditures)}) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS d) x`);
    await q(`INSERT INTO incidents (code, title, severity, guide, status, owning_unit_id, assess_due_at, respond_due_at,
               opened_at, closed_at)
             SELECT 'B-' || g, 'Sự cố ' || g, (ARRAY['low', 'medium', 'high'])[1 + g % 3], '{}', 'closed',
                    ${unitOf('g + 3')}, t + interval '1 day', t + interval '2 days', t, t + interval '5 days'
               FROM bench_units u, generate_series(1, ${COUNTS.incidents}) g, LATERAL (SELECT ${at('g', COUNTS.incidents)} AS t) x`);
    await q(`SET session_replication_role = origin`);
    await q(`ANALYZE`);
    const counted = await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM products) AS products, (SELECT count(*) FROM publications) AS publications,
              (SELECT count(*) FROM publication_metrics) AS "publication readings",
              (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM event_check_ins) AS "check-ins",
              (SELECT count(*) FROM budget_expenditures) AS expenditures, (SELECT count(*) FROM incidents) AS incidents`,
    );
    return Object.fromEntries(Object.entries(counted.rows[0]!).map(([k, v]) => [k, Number(v)]));
  } finally {
    client.release();
  }
}
