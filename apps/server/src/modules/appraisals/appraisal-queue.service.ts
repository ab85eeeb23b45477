import type { TAppraisalQueueItem, TAppraisalQueueQuery, TPage, TProductStatus } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Executor, Tx } from '../../platform/db/transaction.js';
import { fieldError } from '../../platform/errors.js';
import type { DeadlineSource, DueItem } from '../notifications/index.js';
import { addDays, appraisalState, isAwaiting, isOverdue, REMINDER_DAYS_BEFORE, vnDay } from './appraisal-state.js';
import type { AppraisalsRepository, QueueRow } from './appraisals.repository.js';

export interface AppraisalQueueDeps {
  db: Executor;
  repo: AppraisalsRepository;
  /** The clock (tests move it); defaults to now. */
  now?: () => Date;
}

/** Where a product's appraisal is shown in the web app. */
export const productAppraisalLink = (productId: string) => `/products/${productId}?tab=appraisals`;
/** How many days after its due day an unanswered request is reported missed (once). */
const MISSED_WINDOW_DAYS = 7;

export type AppraisalQueueService = ReturnType<typeof createAppraisalQueueService>;

/** The appraising side's view: a unit's queue of requests, and the reminders of those it has not answered. */
export function createAppraisalQueueService(deps: AppraisalQueueDeps) {
  const { db, repo } = deps;
  const today = () => vnDay(deps.now?.() ?? new Date());

  function queueItem(row: QueueRow, day: string): TAppraisalQueueItem {
    const opinions = row.lastVerdict
      ? [{ productVersion: row.lastVersion!, verdict: row.lastVerdict, signedAt: row.lastSignedAt! }]
      : [];
    const state = appraisalState(row, opinions, row.currentVersion);
    return {
      id: row.id,
      product: {
        id: row.productId,
        title: row.productTitle,
        status: row.productStatus as TProductStatus,
        currentVersion: row.currentVersion,
        ownerUnit: { id: row.ownerUnitId, code: row.ownerUnitCode, name: row.ownerUnitName },
      },
      unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
      note: row.note,
      requestedBy: row.requestedByName,
      requestedAt: row.requestedAt.toISOString(),
      dueOn: row.dueOn,
      state,
      overdue: isOverdue(state, row.dueOn, day),
      lastOpinionAt: row.lastSignedAt?.toISOString() ?? null,
    };
  }

  /**
   * Reminders of unanswered requests, as two sources so each is sent once (the key holds the source, the
   * request and the state): `ahead` reports those due in one or two days, and once those missed in the last
   * week; `today` those due today.
   */
  function deadlineSource(name: string, when: 'ahead' | 'today'): DeadlineSource {
    return {
      name,
      async findDue(tx: Tx, now: Date): Promise<DueItem[]> {
        const day = vnDay(now);
        const rows =
          when === 'today'
            ? await repo.dueBetween(tx, day, day)
            : await repo.dueBetween(tx, addDays(day, -MISSED_WINDOW_DAYS), addDays(day, REMINDER_DAYS_BEFORE[0]));
        return rows.flatMap((row): DueItem[] => {
          if (when === 'ahead' && row.dueOn === day) return [];
          if (!isAwaiting(queueItem(row, day).state)) return [];
          return [
            {
              id: row.id,
              state: row.dueOn < day ? 'missed' : 'approaching',
              dueOn: row.dueOn,
              subject: {
                vi: `Thẩm định sản phẩm "${row.productTitle}" (${row.ownerUnitName})`,
                en: `Appraise the product "${row.productTitle}" (${row.ownerUnitName})`,
              },
              recipients: { orgUnitIds: [row.unitId] },
              link: productAppraisalLink(row.productId),
              entityType: 'product_appraisal',
            },
          ];
        });
      },
    };
  }

  return {
    /**
     * The queue of the actor's unit: its active requests (by default those awaiting its opinion), by due day.
     * States derive from the latest opinion, so filtering and paging happen after the query.
     */
    async queue(actor: Actor, query: TAppraisalQueueQuery, all = false): Promise<TPage<TAppraisalQueueItem>> {
      if (!actor.orgUnitId) return { items: [], total: 0 };
      const day = today();
      const items = (await repo.queueOf(db, actor.orgUnitId, query.q))
        .map((row) => queueItem(row, day))
        .filter((item) => (query.state ? item.state === query.state : isAwaiting(item.state)))
        .filter((item) => query.overdue !== 'true' || item.overdue);
      const descending = query.sort?.startsWith('-') ?? false;
      const key = query.sort?.replace(/^-/, '') ?? 'dueOn';
      if (!['dueOn', 'requestedAt'].includes(key)) throw fieldError('sort', 'validation.invalid_sort');
      const by = (item: TAppraisalQueueItem) => (key === 'dueOn' ? item.dueOn : item.requestedAt);
      items.sort((a, b) => (by(a) < by(b) ? -1 : by(a) > by(b) ? 1 : 0) * (descending ? -1 : 1));
      if (all) return { items, total: items.length };
      const start = (query.page - 1) * query.pageSize;
      return { items: items.slice(start, start + query.pageSize), total: items.length };
    },

    /** Reminders to the asked unit: two days before the due day, on it, and once when missed. */
    deadlineSources: [
      deadlineSource('product-appraisals', 'ahead'),
      deadlineSource('product-appraisals-today', 'today'),
    ],
  };
}
