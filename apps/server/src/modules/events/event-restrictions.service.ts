import type { TEventOverride } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, Tx } from '../../platform/db/transaction.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { describeRestriction, type RestrictionRow } from '../restrictions/index.js';
import { restrictionDecision } from './event-rules.js';
import { toOverride, type NamedRestriction } from './event-view.service.js';
import type { EventRow, EventsRepository } from './events.repository.js';
import { eventsPolicy } from './events.policy.js';

/** Where and what an event is, as the restriction check and the territory check need it. */
export interface Setting {
  kind: string;
  startsAt: Date;
  unit: { id: string; kind: string; path: string };
  keeperPath: string | null;
}

export interface EventRestrictionDeps {
  repo: Pick<EventsRepository, 'listOverrides' | 'insertOverride'>;
  recordAudit: RecordAudit;
  restrictions: {
    blocking(tx: Executor, unitPath: string, at: Date, kind: string | null): Promise<RestrictionRow[]>;
    findById(tx: Executor, id: string): Promise<RestrictionRow | null>;
  };
}

const named = (r: RestrictionRow): NamedRestriction => ({
  id: r.id,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  ...describeRestriction(r),
});

/**
 * The epidemic rule as events meet it: which restrictions block an event, a leader's override of them, and the
 * overrides already recorded.
 */
export function createEventRestrictionChecks(deps: EventRestrictionDeps) {
  const { repo, recordAudit } = deps;

  async function overridesOf(tx: Executor, scope: string, ids: string[]): Promise<Map<string, TEventOverride[]>> {
    const rows = await repo.listOverrides(tx, scope, ids);
    const restrictions = new Map<string, NamedRestriction>();
    for (const id of new Set(rows.flatMap((r) => r.restrictionIds))) {
      const row = await deps.restrictions.findById(tx, id);
      if (row) restrictions.set(id, named(row));
    }
    const byEvent = new Map<string, TEventOverride[]>();
    for (const row of rows)
      byEvent.set(row.eventId, [...(byEvent.get(row.eventId) ?? []), toOverride(row, restrictions)]);
    return byEvent;
  }

  /**
   * The restrictions blocking the event where and when it takes place (by its organiser and by its place),
   * leaving out those a leader already overrode for it. Refuses, naming the first, unless a leader gives a reason.
   */
  async function restrictionGate(
    tx: Executor,
    actor: Actor,
    setting: Setting,
    override: { reason: string } | undefined,
    overridden: ReadonlySet<string>,
  ): Promise<RestrictionRow[]> {
    const found = new Map<string, RestrictionRow>();
    for (const path of [setting.unit.path, setting.keeperPath]) {
      if (path === null) continue;
      for (const r of await deps.restrictions.blocking(tx, path, setting.startsAt, setting.kind))
        if (!overridden.has(r.id)) found.set(r.id, r);
    }
    const blocking = [...found.values()];
    const decision = restrictionDecision({
      blocking: blocking.length,
      isLeader: eventsPolicy.mayOverride(actor),
      reason: override?.reason,
    });
    if (decision === 'refuse') {
      const first = describeRestriction(blocking[0]!);
      const fields: FieldError[] = blocking.map((r) => ({
        field: 'startsAt',
        code: 'event.restricted_by',
        params: describeRestriction(r),
      }));
      if (override && !eventsPolicy.mayOverride(actor))
        fields.push({ field: 'override', code: 'event.override_leader_only' });
      throw new AppError('event.restricted', first, fields);
    }
    return blocking;
  }

  async function recordOverride(
    tx: Tx,
    actor: Actor,
    row: EventRow,
    action: string,
    reason: string,
    blocking: RestrictionRow[],
  ) {
    if (blocking.length === 0) return;
    await repo.insertOverride(tx, {
      eventId: row.id,
      action,
      reason,
      restrictionIds: blocking.map((r) => r.id),
      decidedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'override_restriction',
      entityType: 'event',
      entityId: row.id,
      orgUnitId: row.orgUnitId,
      summary: `${row.title}: ${reason}`.slice(0, 300),
      after: { action, reason, restrictions: blocking.map((r) => ({ id: r.id, ...describeRestriction(r) })) },
    });
  }

  const overriddenIds = async (tx: Executor, eventId: string) =>
    new Set((await repo.listOverrides(tx, '/', [eventId])).flatMap((o) => o.restrictionIds));

  return { overridesOf, restrictionGate, recordOverride, overriddenIds };
}
