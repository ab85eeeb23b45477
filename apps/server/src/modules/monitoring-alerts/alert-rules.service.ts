import type {
  TAlertRule,
  TAlertRuleListQuery,
  TCreateAlertRuleRequest,
  TPage,
  TUpdateAlertRuleRequest,
} from '@loa/contracts';
import { inScope, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, notFound, type FieldError } from '../../platform/errors.js';
import type { UnitInfo, UnitLookup } from '../org-units/index.js';
import type { AlertRulesRepository, NewRuleRow, RuleRow } from './alert-rules.repository.js';
import { seedAlertRules } from './alert-rules.seed.js';
import { monitoringAlertsPolicy as policy } from './monitoring-alerts.policy.js';
import { toAlertRule } from './present.js';
import { hasCondition } from './rule-match.js';

export interface AlertRulesDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: AlertRulesRepository;
  recordAudit: RecordAudit;
  units: UnitLookup;
}

/** What the audit log keeps of a rule. */
const snapshot = (row: RuleRow) => ({
  name: row.name,
  unit: row.orgUnitCode,
  routeToOwningUnit: row.routeToOwningUnit,
  queryIds: row.queryIds,
  minRelevance: row.minRelevance,
  sentiments: row.sentiments,
  flags: row.flags,
  units: row.units,
  enabled: row.enabled,
});

export type AlertRulesService = ReturnType<typeof createAlertRulesService>;

export function createAlertRulesService(deps: AlertRulesDeps) {
  const { db, runInTransaction, repo, recordAudit, units } = deps;

  async function present(tx: Executor, actor: Actor, rows: RuleRow[]): Promise<TAlertRule[]> {
    const queries = await repo.queriesByIds(
      tx,
      rows.flatMap((r) => r.queryIds),
    );
    const names = new Map(queries.map((q) => [q.id, q.name]));
    return rows.map((row) => toAlertRule(row, names, policy.canEditRule(actor, row)));
  }

  async function found(tx: Executor, id: string, lock = false): Promise<RuleRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row) throw notFound('monitoring_alert_rule');
    return row;
  }

  /**
   * Every problem of a rule's values, field by field: its unit (known, in the actor's reach), routing to owning units
   * (administrators and the Communication Center only), its saved queries (existing) and at least one condition.
   */
  async function check(
    tx: Executor,
    actor: Actor,
    values: Pick<NewRuleRow, 'queryIds' | 'sentiments' | 'flags' | 'units'>,
    options: { orgUnitId?: string | undefined; newRouting: boolean },
  ): Promise<UnitInfo | null> {
    const problems: FieldError[] = [];
    let unit: UnitInfo | null = null;
    if (options.orgUnitId !== undefined) {
      unit = await units.findById(tx, options.orgUnitId);
      if (!unit) problems.push({ field: 'orgUnitId', code: 'validation.unknown_unit' });
      else if (!policy.managesAllRules(actor) && !inScope(actor, unit.path))
        problems.push({ field: 'orgUnitId', code: 'validation.unit_out_of_scope' });
    }
    if (options.newRouting && !policy.managesAllRules(actor))
      problems.push({ field: 'routeToOwningUnit', code: 'alert_rule.route_out_of_scope' });
    const queryIds = [...new Set(values.queryIds ?? [])];
    const known = await repo.queriesByIds(tx, queryIds);
    if (known.length < queryIds.length) problems.push({ field: 'queryIds', code: 'alert_rule.unknown_query' });
    const conditions = {
      queryIds: values.queryIds ?? [],
      sentiments: values.sentiments ?? [],
      flags: values.flags ?? [],
      units: values.units ?? [],
    };
    if (!hasCondition(conditions)) problems.push({ field: 'queryIds', code: 'alert_rule.no_condition' });
    if (problems.length > 0) throw new AppError('validation.failed', {}, problems);
    return unit;
  }

  async function audit(tx: Tx, actor: Actor, action: string, before: RuleRow | null, after: RuleRow) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'monitoring_alert_rule',
      entityId: after.id,
      orgUnitId: after.orgUnitId,
      summary: after.name.slice(0, 300),
      before: before ? snapshot(before) : null,
      after: action === 'delete' ? null : snapshot(after),
    });
  }

  return {
    /** The agency's seeded rules, brought up to date at every start (see seedAlertRules). */
    seedRules: (actor: Actor) => seedAlertRules({ runInTransaction, repo, recordAudit, units }, actor),

    /** Every signed-in user reads the rules; `canEdit` says which the caller may change. */
    async listRules(actor: Actor, query: TAlertRuleListQuery, all = false): Promise<TPage<TAlertRule>> {
      const { rows, total } = await repo.list(db, query, all);
      return { items: await present(db, actor, rows), total };
    },

    async getRule(actor: Actor, id: string): Promise<TAlertRule> {
      const [rule] = await present(db, actor, [await found(db, id)]);
      return rule!;
    },

    /** Adds a rule telling the unit asked for (the caller's own by default). */
    async createRule(actor: Actor, input: TCreateAlertRuleRequest): Promise<TAlertRule> {
      policy.assertCanWriteRules(actor);
      return runInTransaction(async (tx) => {
        const unit = await check(tx, actor, input, {
          orgUnitId: input.orgUnitId ?? actor.orgUnitId ?? '',
          newRouting: input.routeToOwningUnit,
        });
        const id = await repo.insert(tx, {
          name: input.name,
          description: input.description || null,
          orgUnitId: unit!.id,
          routeToOwningUnit: input.routeToOwningUnit,
          queryIds: [...new Set(input.queryIds)],
          minRelevance: input.minRelevance,
          sentiments: [...new Set(input.sentiments)],
          flags: [...new Set(input.flags)],
          units: [...new Set(input.units)],
          enabled: input.enabled,
          createdBy: actor.userId,
        });
        const created = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'create', null, created);
        const [rule] = await present(tx, actor, [created]);
        return rule!;
      });
    },

    /** Changes a rule (optimistic on `version`); the result must still have a condition. */
    async updateRule(actor: Actor, id: string, input: TUpdateAlertRuleRequest): Promise<TAlertRule> {
      policy.assertCanWriteRules(actor);
      return runInTransaction(async (tx) => {
        const before = await found(tx, id, true);
        policy.assertCanEditRule(actor, before);
        if (before.version !== input.version) throw new AppError('conflict.version');
        const merged = {
          queryIds: input.queryIds ? [...new Set(input.queryIds)] : before.queryIds,
          sentiments: input.sentiments ? [...new Set(input.sentiments)] : before.sentiments,
          flags: input.flags ? [...new Set(input.flags)] : before.flags,
          units: input.units ? [...new Set(input.units)] : before.units,
        };
        const unit = await check(tx, actor, merged, {
          orgUnitId: input.orgUnitId,
          newRouting: input.routeToOwningUnit === true && !before.routeToOwningUnit,
        });
        const updated = await repo.update(tx, id, input.version, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description || null } : {}),
          ...(unit ? { orgUnitId: unit.id } : {}),
          ...(input.routeToOwningUnit !== undefined ? { routeToOwningUnit: input.routeToOwningUnit } : {}),
          ...(input.minRelevance !== undefined ? { minRelevance: input.minRelevance } : {}),
          ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
          ...merged,
        });
        if (!updated) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'update', before, after);
        const [rule] = await present(tx, actor, [after]);
        return rule!;
      });
    },

    /** Deletes a rule of the caller's own (alerts it raised stay, naming the rules that still exist). */
    async deleteRule(actor: Actor, id: string): Promise<void> {
      policy.assertCanWriteRules(actor);
      await runInTransaction(async (tx) => {
        const before = await found(tx, id, true);
        policy.assertCanEditRule(actor, before);
        if (before.seedKey !== null) throw new AppError('alert_rule.seeded');
        await repo.delete(tx, id);
        await audit(tx, actor, 'delete', before, before);
      });
    },
  };
}
