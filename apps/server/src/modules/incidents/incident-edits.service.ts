// Changing a case (issue 8 §5): its text, guide and severity, owning and supporting units, saved query and deadlines.
import type { TIncident, TUpdateIncidentRequest } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { rescheduled } from './deadlines.js';
import {
  assertFutureDeadlines,
  snapshot,
  target,
  type IncidentCase,
  type IncidentsDeps,
} from './incident-case.service.js';
import { incidentsPolicy } from './incidents.policy.js';
import type { IncidentChanges, IncidentRow } from './incidents.repository.js';
import { assignedNotice } from './notices.js';

const names = (units: IncidentRow['supportingUnits']) => units.map((u) => u.name);

export function createIncidentEdits(deps: IncidentsDeps, cases: IncidentCase) {
  const { runInTransaction, repo, links } = deps;

  return {
    /**
     * Changes a case (version-checked). A new severity recomputes the deadlines not met yet (unless the request sets
     * them); explicit deadlines must lie in the future. Severity, deadline and unit changes go on the timeline; a
     * newly owning or supporting unit is notified.
     */
    async updateIncident(actor: Actor, id: string, input: TUpdateIncidentRequest): Promise<TIncident> {
      incidentsPolicy.assertCanWrite(actor);
      const at = cases.now();
      const explicit = {
        ...(input.assessDueAt ? { assessDueAt: new Date(input.assessDueAt) } : {}),
        ...(input.respondDueAt ? { respondDueAt: new Date(input.respondDueAt) } : {}),
      };
      assertFutureDeadlines(explicit, at);
      return runInTransaction(async (tx) => {
        const before = await cases.visible(tx, actor, id, true);
        incidentsPolicy.assertCanEdit(actor, target(before));
        cases.assertOpen(before);
        if (before.version !== input.version) throw new AppError('conflict.version');

        let ownerId = before.owningUnitId;
        if (input.owningUnitId && input.owningUnitId !== before.owningUnitId) {
          const [owner] = await repo.findUnits(tx, [input.owningUnitId]);
          if (!owner || !incidentsPolicy.canOwnIn(actor, owner.path))
            throw fieldError('owningUnitId', 'validation.unit_out_of_scope');
          ownerId = owner.id;
        }
        const current = before.supportingUnits.map((u) => u.id);
        const supporting = [...new Set(input.supportingUnitIds ?? current)].filter((unitId) => unitId !== ownerId);
        if (input.supportingUnitIds && (await repo.findUnits(tx, supporting)).length !== supporting.length)
          throw fieldError('supportingUnitIds', 'validation.invalid_value');
        if (input.queryId && !(await links.findQuery(tx, input.queryId)))
          throw fieldError('queryId', 'validation.invalid_value');

        const severity = input.severity ?? before.severity;
        const schedule = rescheduled(
          before,
          { ...(severity !== before.severity ? { severity } : {}), ...explicit },
          await cases.settings(tx),
          at,
        );
        const values: IncidentChanges = {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.guide !== undefined ? { guide: input.guide } : {}),
          ...(input.queryId !== undefined ? { queryId: input.queryId } : {}),
          severity,
          owningUnitId: ownerId,
          ...schedule,
        };
        if (!(await repo.update(tx, id, input.version, values))) throw new AppError('conflict.version');
        const unitsChanged =
          supporting.length !== current.length || supporting.some((unitId) => !current.includes(unitId));
        const added = unitsChanged ? await repo.setSupportingUnits(tx, id, supporting) : [];
        const after = (await repo.findById(tx, id))!;

        const events: { kind: string; detail: Record<string, unknown> }[] = [];
        if (severity !== before.severity)
          events.push({ kind: 'severity_changed', detail: { from: before.severity, to: severity } });
        for (const deadline of ['assess', 'respond'] as const) {
          const [from, to] = [before[`${deadline}DueAt`], after[`${deadline}DueAt`]];
          if (from.getTime() !== to.getTime())
            events.push({
              kind: 'deadline_changed',
              detail: { deadline, from: from.toISOString(), to: to.toISOString() },
            });
        }
        if (ownerId !== before.owningUnitId || unitsChanged) {
          const kept = new Set(supporting);
          const removed = before.supportingUnits.filter((u) => !kept.has(u.id));
          events.push({
            kind: 'assigned',
            detail: {
              ...(ownerId !== before.owningUnitId
                ? { owningUnit: { from: before.owningUnitName, to: after.owningUnitName } }
                : {}),
              ...(unitsChanged
                ? {
                    supportingUnits: {
                      added: names(after.supportingUnits.filter((u) => added.includes(u.id))),
                      removed: names(removed),
                    },
                  }
                : {}),
            },
          });
        }
        await cases.events(tx, actor, id, events, at);
        await cases.audit(tx, actor, 'update', after, { before: snapshot(before), after: snapshot(after) });
        if (ownerId !== before.owningUnitId)
          await cases.tell(tx, actor, assignedNotice(after, 'owner', ownerId, after.version), [ownerId]);
        for (const unitId of added)
          await cases.tell(tx, actor, assignedNotice(after, 'supporting', unitId, after.version), [unitId]);
        return cases.detail(tx, actor, id);
      });
    },
  };
}
