// What runs in the background (issue 8 §5): escalation of missed deadlines to leaders, and later articles of a case's
// stories (or matches of its saved query) joining the case as they arrive.
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import { DEADLINE_KINDS, type DeadlineKind } from './deadlines.js';
import type { IncidentCase, IncidentsDeps } from './incident-case.service.js';
import type { Arrival } from './incident-links.repository.js';
import { escalationNotice, escalationRecipients } from './notices.js';

/** Articles read per transaction by the arrivals reader. */
const ARRIVALS_BATCH = 500;

function byIncident(arrivals: readonly Arrival[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const { incidentId, articleId } of arrivals)
    grouped.set(incidentId, [...(grouped.get(incidentId) ?? []), articleId]);
  return grouped;
}

export function createIncidentWatch(deps: IncidentsDeps, cases: IncidentCase) {
  const { db, runInTransaction, repo, links } = deps;

  /** Escalates one deadline of one case, once: false when it no longer needs it or another run took it. */
  async function escalate(id: string, deadline: DeadlineKind, at: Date): Promise<boolean> {
    return runInTransaction(async (tx) => {
      if (!(await repo.claimEscalation(tx, id, deadline, at))) return false;
      const row = (await repo.findById(tx, id))!;
      const dueAt = deadline === 'assess' ? row.assessDueAt : row.respondDueAt;
      await cases.events(
        tx,
        SYSTEM_ACTOR,
        id,
        [{ kind: 'escalated', detail: { deadline, dueAt: dueAt.toISOString() } }],
        at,
      );
      await cases.audit(tx, SYSTEM_ACTOR, 'escalate', row, { after: { deadline, dueAt: dueAt.toISOString() } });
      // One dedupe key for both calls: a leader who is also an officer of the unit is told once.
      const notice = escalationNotice(row, deadline, dueAt);
      for (const recipients of escalationRecipients(row.owningUnitId, row.owningUnitParentId))
        await cases.tell(tx, SYSTEM_ACTOR, notice, recipients.orgUnitIds, recipients.roles);
      return true;
    });
  }

  return {
    /**
     * Job `incidents.escalate`: every deadline past due at `at` and unmet on an open case is reported to the leaders
     * of the owning unit and of its parent and to the owning unit's officers, once. Returns how many were escalated.
     */
    async escalateOverdue(at: Date = cases.now()): Promise<number> {
      let escalated = 0;
      let failure: unknown = null;
      for (const deadline of DEADLINE_KINDS)
        for (const id of await repo.findToEscalate(db, deadline, at)) {
          // One case that fails does not hold up the others; the run fails afterwards so the queue retries it.
          try {
            if (await escalate(id, deadline, at)) escalated++;
          } catch (error) {
            failure ??= error;
          }
        }
      if (failure !== null) throw failure;
      return escalated;
    },

    /**
     * Job `incidents.link-arrivals`: reads the articles that arrived since its watermark, batch by batch, and links
     * each to the open cases it belongs to (added by `matching`, an `item_linked` event each). Returns how many links.
     */
    async linkArrivals(): Promise<number> {
      let linked = 0;
      for (;;) {
        const done = await runInTransaction(async (tx) => {
          const from = await links.lockWatermark(tx);
          const to = await links.batchEnd(tx, from, ARRIVALS_BATCH);
          if (to === null) return null;
          const at = cases.now();
          let count = 0;
          for (const [incidentId, articleIds] of byIncident(await links.findArrivals(tx, from, to))) {
            const added = await links.insertItems(tx, incidentId, articleIds, 'matching', at);
            if (added.length === 0) continue;
            count += added.length;
            const row = (await repo.findById(tx, incidentId))!;
            await cases.events(
              tx,
              SYSTEM_ACTOR,
              incidentId,
              added.map((articleId) => ({ kind: 'item_linked', detail: { articleId, by: 'matching' } })),
              at,
            );
            await cases.audit(tx, SYSTEM_ACTOR, 'link_item', row, { after: { articleIds: added, by: 'matching' } });
          }
          await links.saveWatermark(tx, to);
          return count;
        });
        if (done === null) return linked;
        linked += done;
      }
    },
  };
}
