// Accent-insensitive user search at national scale: 100,000 users in the 63-province tree, searched through
// the real service (scope filter, trigram-indexed folded text, Vietnamese collation, count), compared in the
// same run against the same query without the trigram index (the baseline).
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

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const RUNS = 40;
/** Selective searches (a username, a full three-word name) and broad ones (one common family name). */
const QUERY_CLASSES = {
  selective: ['u4242', 'u98765', 'dang ngoc trang', 'vo huu long', 'u31337'],
  broad: ['nguyen', 'tran', 'hoang', 'pham', 'thi'],
};

export async function runSearchBenchmark(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'loa-bench-'));
  const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: () => undefined });
  try {
    const database = openDatabase(await ensureDatabase(embedded.url, 'loa_bench'), 4);
    await migrate(database.pool);
    const services = compose(database.db, { sessionHours: 12 });
    await bootstrap(services, { orgPreset: '63-provinces', demo: false, adminPassword: 'Bench-password-2026' });
    const started = performance.now();
    // Vietnamese names from the most common family, middle and given names; spread over every unit.
    await database.pool.query(
      `WITH units AS (SELECT array_agg(id ORDER BY code) AS ids FROM org_units),
            parts AS (SELECT ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý'] AS fam,
                             ARRAY['Văn','Thị','Minh','Thu','Đức','Ngọc','Hữu','Thanh','Quốc','Thị Thu'] AS mid,
                             ARRAY['Hằng','Hùng','Dũng','Lan','Hương','Tuấn','Đức','Trang','Nam','Phương','Thảo','Long','Hà','Bình','Yến','Khoa','Việt','Đông'] AS giv)
       INSERT INTO users (username, full_name, roles, org_unit_id, password_hash)
       SELECT 'u' || i,
              fam[1 + (i * 7) % 16] || ' ' || mid[1 + (i * 13) % 10] || ' ' || giv[1 + (i * 31) % 18],
              ARRAY['viewer'], ids[1 + (i * 17) % cardinality(ids)], 'x'
         FROM generate_series(1, $1::int) AS i, units, parts`,
      [USERS],
    );
    await database.pool.query('ANALYZE users');
    console.log(`search benchmark: ${USERS} users loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const { rows } = await database.pool.query<{ path: string; id: string }>(
      "SELECT id, path FROM org_units WHERE code = 'BHXHVN'",
    );
    const admin: Actor = {
      userId: null,
      username: 'bench',
      fullName: 'bench',
      roles: ['admin'],
      orgUnitId: rows[0]!.id,
      scopePath: rows[0]!.path,
    };
    const measure = async (queries: string[]) => {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const q = queries[run % queries.length]!;
        const t0 = performance.now();
        await services.users.listUsers(admin, { q, page: 1, pageSize: 20, sort: 'fullName' });
        times.push(performance.now() - t0);
      }
      return times;
    };
    const runAll = async () => {
      const result: Record<string, number[]> = {};
      for (const [name, queries] of Object.entries(QUERY_CLASSES)) {
        await measure(queries);
        result[name] = await measure(queries);
      }
      return result;
    };
    const indexed = await runAll();
    await database.pool.query('DROP INDEX users_search');
    const baseline = await runAll();
    console.log(
      'query: users list, q=…, pageSize=20, sort=fullName, whole country in scope (service level, page + total)',
    );
    for (const name of Object.keys(QUERY_CLASSES)) {
      const a = indexed[name]!;
      const b = baseline[name]!;
      console.log(
        `  ${name.padEnd(9)} trigram index median ${median(a).toFixed(1)} ms (p95 ${p95(a).toFixed(1)})` +
          `   baseline without index median ${median(b).toFixed(1)} ms (p95 ${p95(b).toFixed(1)})   ×${(median(b) / median(a)).toFixed(1)}`,
      );
    }
    await database.close();
  } finally {
    await embedded.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
