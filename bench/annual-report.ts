// The national annual report of the reports benchmark: a leader at the root starts it as the screen does, then the
// generation job's work (figures, children, plan versus actual, coverage, DOCX, PDF, XLSX, storing) runs once.
import { sql } from 'drizzle-orm';
import type { Services } from '../apps/server/src/composition-root.js';
import type { Actor } from '../apps/server/src/platform/actor.js';
import type { AnnualReportTimer } from './reports.bench.js';

export const timeAnnualReport: AnnualReportTimer = async (services: Services, rootUnitId: string, year: number) => {
  const system: Actor = {
    userId: null,
    username: 'bench',
    fullName: 'Đo hiệu năng',
    roles: ['admin'],
    orgUnitId: rootUnitId,
    scopePath: '/',
  };
  const { user } = await services.users.createUser(system, {
    username: 'bench.leader',
    fullName: 'Lãnh đạo đo hiệu năng',
    roles: ['leader'],
    orgUnitId: rootUnitId,
  });
  const { rows } = await services.db.execute<{ path: string }>(
    sql`SELECT path FROM org_units WHERE id = ${rootUnitId}`,
  );
  const leader: Actor = {
    ...system,
    userId: user.id,
    username: user.username,
    roles: ['leader'],
    scopePath: rows[0]!.path,
  };
  // Where the time goes: each source of the report's tables on its own, then the whole generation.
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const timed = async (label: string, work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    console.log(`    ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  await timed('figures (dashboard)', () => services.dashboard.internal.compute(rootUnitId, from, to));
  await timed('plan versus actual', () => services.planActual.internal.compute(rootUnitId, year, to));
  await timed('guidance coverage', () => services.coverage.internal.compute(rootUnitId, from, to, 'audiences'));
  const t0 = performance.now();
  const report = await services.reports.createReport(leader, { period: { kind: 'year', year, number: 1 } });
  const outcome = await services.reportGeneration.run(report.id, report.version);
  if (outcome !== 'done') throw new Error(`The annual report's generation ended ${String(outcome)}`);
  return performance.now() - t0;
};
