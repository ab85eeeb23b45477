import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { RunInTransaction } from '../../platform/db/transaction.js';
import type { UnitLookup } from '../org-units/index.js';
import type { MonitoringQueriesRepository, NewQueryRow } from './monitoring-queries.repository.js';
import { SEED_QUERIES, type SeedQuery } from './seed-queries.data.js';

// Serialises the seed when several instances start on one database.
const SEED_LOCK = 727_035;

export interface SeedQueriesDeps {
  runInTransaction: RunInTransaction;
  repo: MonitoringQueriesRepository;
  recordAudit: RecordAudit;
  units: UnitLookup;
}

/**
 * Seeds the agency's saved queries at every start, matched by key: a missing one is added (unless an officer deleted
 * it), one nobody has edited (version 1) is brought up to the seed's current text, and one an officer edited is left
 * alone. A query whose unit is not in the tree is skipped. Returns how many were added and refreshed.
 */
export async function seedMonitoringQueries(
  deps: SeedQueriesDeps,
  actor: Actor,
  seeds: readonly SeedQuery[] = SEED_QUERIES,
): Promise<{ added: number; refreshed: number }> {
  return deps.runInTransaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const { rows, removed } = await deps.repo.seededState(tx);
    const byKey = new Map(rows.map((row) => [row.seedKey, row]));
    let added = 0;
    let refreshed = 0;
    for (const seed of seeds) {
      const unit = await deps.units.findByCode(tx, seed.unitCode);
      if (!unit) continue;
      const values: NewQueryRow = {
        name: seed.name,
        text: seed.text,
        description: seed.description,
        orgUnitId: unit.id,
        alert: seed.alert,
        alertMinRelevance: seed.alertMinRelevance,
        seedKey: seed.key,
      };
      const current = byKey.get(seed.key);
      if (!current) {
        if (removed.has(seed.key)) continue;
        await deps.repo.insert(tx, values);
        added++;
      } else if (
        current.version === 1 &&
        (current.name !== values.name ||
          current.text !== values.text ||
          current.description !== values.description ||
          current.orgUnitId !== values.orgUnitId ||
          current.alert !== values.alert ||
          current.alertMinRelevance !== values.alertMinRelevance)
      ) {
        await deps.repo.refreshSeeded(tx, current.id, values);
        refreshed++;
      }
    }
    if (added + refreshed > 0) {
      await deps.recordAudit(tx, actor, {
        action: 'seed',
        entityType: 'monitoring_query',
        entityId: null,
        orgUnitId: null,
        summary: `Truy vấn theo dõi báo chí của Ngành: thêm ${added}, cập nhật ${refreshed}`,
        after: { added, refreshed },
      });
    }
    return { added, refreshed };
  });
}
