import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { RunInTransaction } from '../../platform/db/transaction.js';
import type { UnitLookup } from '../org-units/index.js';
import type { AlertRulesRepository, NewRuleRow } from './alert-rules.repository.js';
import { SEED_RULES, type SeedRule } from './seed-rules.data.js';

// Serialises the seed when several instances start on one database.
const SEED_LOCK = 727_039;

export interface SeedRulesDeps {
  runInTransaction: RunInTransaction;
  repo: AlertRulesRepository;
  recordAudit: RecordAudit;
  units: UnitLookup;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Seeds the agency's alert rules at every start, matched by key: a missing one is added, one nobody has edited
 * (version 1) is brought up to the seed, one an officer edited (or disabled) is left alone. Seeded rules cannot be
 * deleted (only disabled), so none comes back against an officer's will. A rule whose unit is not in the tree is
 * skipped. Returns how many were added and refreshed.
 */
export async function seedAlertRules(
  deps: SeedRulesDeps,
  actor: Actor,
  seeds: readonly SeedRule[] = SEED_RULES,
): Promise<{ added: number; refreshed: number }> {
  return deps.runInTransaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const byKey = new Map((await deps.repo.seededState(tx)).map((row) => [row.seedKey, row]));
    let added = 0;
    let refreshed = 0;
    for (const seed of seeds) {
      const unit = await deps.units.findByCode(tx, seed.unitCode);
      if (!unit) continue;
      const values: NewRuleRow = {
        name: seed.name,
        description: seed.description,
        orgUnitId: unit.id,
        routeToOwningUnit: seed.routeToOwningUnit,
        minRelevance: seed.minRelevance,
        sentiments: seed.sentiments,
        flags: seed.flags,
        units: seed.units,
        seedKey: seed.key,
      };
      const current = byKey.get(seed.key);
      if (!current) {
        await deps.repo.insert(tx, values);
        added++;
      } else if (
        current.version === 1 &&
        (current.name !== values.name ||
          current.description !== values.description ||
          current.orgUnitId !== values.orgUnitId ||
          current.routeToOwningUnit !== values.routeToOwningUnit ||
          current.minRelevance !== values.minRelevance ||
          !same(current.sentiments, seed.sentiments) ||
          !same(current.flags, seed.flags) ||
          !same(current.units, seed.units))
      ) {
        await deps.repo.refreshSeeded(tx, current.id, values);
        refreshed++;
      }
    }
    if (added + refreshed > 0) {
      await deps.recordAudit(tx, actor, {
        action: 'seed',
        entityType: 'monitoring_alert_rule',
        entityId: null,
        orgUnitId: null,
        summary: `Quy tắc cảnh báo tin báo chí của Ngành: thêm ${added}, cập nhật ${refreshed}`,
        after: { added, refreshed },
      });
    }
    return { added, refreshed };
  });
}
