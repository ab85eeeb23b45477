import type { TNotificationKind } from '@loa/contracts';
import { type Actor, SYSTEM_ACTOR } from '../../platform/actor.js';
import type { RunInTransaction, Tx } from '../../platform/db/transaction.js';
import type { NotifyInput } from '../notifications/index.js';
import { digestNotice, previousVietnamDay } from './digest.js';
import type { MonitoringQueriesRepository } from './monitoring-queries.repository.js';

/** The kind the digest is filed under in users' notification settings (as the engine's immediate alerts). */
export const DIGEST_KIND: TNotificationKind = 'assignment';

export interface MonitoringDigestDeps {
  runInTransaction: RunInTransaction;
  repo: MonitoringQueriesRepository;
  notify: (tx: Tx, actor: Actor, input: NotifyInput) => Promise<number>;
}

export type MonitoringDigestService = ReturnType<typeof createMonitoringDigestService>;

export function createMonitoringDigestService(deps: MonitoringDigestDeps) {
  return {
    /**
     * For each enabled query with a daily digest, one notification to its unit with the number of matching articles
     * (at or above its alert relevance) that arrived the Vietnamese day before `now`; nothing for a query with none.
     * Running twice for one day sends nothing more (dedupe key per query and day). Returns the notifications sent.
     */
    async sendDailyDigest(now: Date): Promise<number> {
      const { day, start, end } = previousVietnamDay(now);
      return deps.runInTransaction(async (tx) => {
        let sent = 0;
        for (const query of await deps.repo.digestCounts(tx, start, end)) {
          sent += await deps.notify(tx, SYSTEM_ACTOR, {
            kind: DIGEST_KIND,
            ...digestNotice(query, day),
            recipients: { orgUnitIds: [query.orgUnitId] },
          });
        }
        return sent;
      });
    },
  };
}
