import {
  REVIEW_KIND_LABELS,
  viDate,
  type TDeliveryListQuery,
  type TDeliveryStatus,
  type TPage,
  type TReview,
  type TReviewDelivery,
  type TReviewKind,
  type TReviewSection,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { OutgoingMail } from '../../platform/mail/mailer.js';
import type { NotifyInput } from '../notifications/index.js';
import { editionPath } from './document.js';
import { reviewDeliveryPolicy } from './review-delivery.policy.js';
import type { DeliveryRecord, DeliveryRow, ReviewDeliveriesRepository } from './review-deliveries.repository.js';
import type { ReviewDocumentsService, ReviewSource } from './review-documents.service.js';
import type { ReviewSubscriptionsRepository } from './review-subscriptions.repository.js';

/** How often an edition's e-mail is tried before it is `failed`; the send job's queue retries one less time. */
export const MAX_DELIVERY_ATTEMPTS = 6;
/** What the delivery of a recipient without an e-mail address records. */
export const NO_ADDRESS = 'Người nhận chưa có địa chỉ thư điện tử; cập nhật địa chỉ rồi gửi lại.';

/** What the send job did with one delivery. */
export type DeliveryOutcome = 'sent' | 'skipped' | 'held' | 'failed';

export interface ReviewDeliveryDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  recordAudit: RecordAudit;
  repo: ReviewDeliveriesRepository;
  subscriptions: Pick<ReviewSubscriptionsRepository, 'findRecipients' | 'findUser'>;
  reviews: Pick<ReviewSource, 'getForDelivery'>;
  documents: Pick<ReviewDocumentsService, 'getVisible' | 'mailFor'>;
  notify(tx: Tx, actor: Actor, input: NotifyInput): Promise<number>;
  mailer: { readonly configured: boolean; send(mail: OutgoingMail): Promise<void> };
  /** Reports what could not be done after a commit (a lost wake-up: the flush job catches up). */
  warn?: (message: string) => void;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const errorText = (error: unknown) => {
  const text = error instanceof Error ? error.message : String(error);
  return [...text].length <= 1000 ? text : `${[...text].slice(0, 999).join('')}…`;
};

export function toDelivery(row: DeliveryRow): TReviewDelivery {
  return {
    id: row.id,
    reviewId: row.reviewId,
    user: { id: row.userId, username: row.username, fullName: row.fullName },
    toAddress: row.toAddress,
    status: row.status as TDeliveryStatus,
    attempts: row.attempts,
    lastError: row.lastError,
    sentAt: iso(row.sentAt),
    readAt: iso(row.readAt),
    createdAt: row.createdAt.toISOString(),
  };
}

const snapshot = (row: DeliveryRecord) => ({
  status: row.status,
  attempts: row.attempts,
  toAddress: row.toAddress,
  lastError: row.lastError,
});

export type ReviewDeliveryService = ReturnType<typeof createReviewDeliveryService>;

/** Sends approved editions to their subscribers: in the app at approval, by e-mail by a job, once each. */
export function createReviewDeliveryService(deps: ReviewDeliveryDeps) {
  const { db, runInTransaction, recordAudit, repo, mailer } = deps;
  const warn = deps.warn ?? ((message: string) => console.warn(message));
  /** Queues the send job of one delivery; bound by the job wiring (only processes that run jobs have a queue). */
  let queue: ((deliveryId: string) => Promise<void>) | null = null;

  async function send(ids: readonly string[]): Promise<void> {
    if (!queue) return;
    for (const id of ids) await queue(id);
  }

  return {
    /** Lets the job wiring say how to queue a delivery's send job (a late binding: jobs are defined after services). */
    useQueue(sendJob: (deliveryId: string) => Promise<void>): void {
      queue = sendJob;
    },

    /**
     * Inside the approval's transaction: notifies every active subscriber of the edition's unit and kind in the app,
     * and writes one e-mail delivery per subscriber who wants e-mail (their sections and provinces copied; pending,
     * or held without SMTP; failed at once, with the reason, for a user without an address). A delivery written
     * before is kept (never two per edition and user). Returns how many deliveries were written.
     */
    async enqueueDeliveries(tx: Tx, actor: Actor, review: TReview): Promise<number> {
      const recipients = await deps.subscriptions.findRecipients(tx, review.kind, review.orgUnit.id);
      if (recipients.length === 0) return 0;
      const label = REVIEW_KIND_LABELS[review.kind];
      const entries = review.entries.filter((e) => !e.excluded).length;
      await deps.notify(tx, actor, {
        recipients: { userIds: recipients.map((r) => r.userId) },
        kind: 'press_review',
        title: { vi: review.title, en: `${label.en}, ${viDate(review.editionDate)}` },
        body: {
          vi: `${review.orgUnit.name} đã duyệt và gửi ${label.vi.toLocaleLowerCase('vi')}: ${entries} tin bài.`,
          en: `${review.orgUnit.name} approved and sent the ${label.en.toLowerCase()}: ${entries} items.`,
        },
        link: editionPath(review.kind, review.id),
        entityType: 'press_review',
        entityId: review.id,
        dedupeKey: `press_review:${review.id}`,
        // The edition's own e-mail below is the e-mail: no second message announcing it.
        email: false,
      });
      const status: TDeliveryStatus = mailer.configured ? 'pending' : 'held';
      const inserted = await repo.insertMissing(
        tx,
        recipients
          .filter((r) => r.email)
          .map((r) => ({
            reviewId: review.id,
            subscriptionId: r.id,
            userId: r.userId,
            sections: r.sections,
            provinceIds: r.provinceIds,
            toAddress: r.userEmail,
            status: r.userEmail ? status : 'failed',
            lastError: r.userEmail ? null : NO_ADDRESS,
          })),
      );
      await recordAudit(tx, actor, {
        action: 'deliver',
        entityType: 'press_review',
        entityId: review.id,
        orgUnitId: review.orgUnit.id,
        summary: `${review.title}: ${recipients.length} người nhận, ${inserted.length} thư điện tử`,
        after: {
          recipients: recipients.length,
          emails: inserted.length,
          withoutAddress: inserted.filter((d) => d.status === 'failed').length,
        },
      });
      return inserted.length;
    },

    /** After the approval's commit: queues the send job of each pending delivery (the flush job catches a loss). */
    async wake(reviewId: string): Promise<void> {
      try {
        await send(await repo.pendingOf(db, reviewId));
      } catch (error) {
        warn(`press review ${reviewId}: deliveries not queued now (${errorText(error)}); the flush job will`);
      }
    },

    /**
     * Sends one delivery, idempotently: only a `pending` one, under a row lock a concurrent sender skips. The
     * recipient's copy honours their sections and provinces. A failed send records the attempt and its error and
     * throws, for the queue to retry with backoff; the last allowed attempt marks it `failed` instead.
     */
    async processDelivery(id: string): Promise<DeliveryOutcome> {
      const outcome = await runInTransaction(async (tx) => {
        const row = await repo.lockForSending(tx, id);
        if (!row || row.status !== 'pending') return { result: 'skipped' as const };
        if (!mailer.configured) {
          await repo.update(tx, id, { status: 'held' });
          return { result: 'held' as const };
        }
        const attempts = row.attempts + 1;
        const lastAttemptAt = new Date();
        const review = await deps.reviews.getForDelivery(tx, row.reviewId);
        if (!row.toAddress || !review || review.status !== 'approved') {
          const lastError = row.toAddress ? 'Bản tin không còn ở trạng thái đã duyệt.' : NO_ADDRESS;
          await repo.update(tx, id, { status: 'failed', attempts, lastAttemptAt, lastError });
          return { result: 'failed' as const };
        }
        try {
          const filter = { sections: row.sections as TReviewSection[], provinceIds: row.provinceIds };
          const mail = await deps.documents.mailFor(tx, review, filter);
          await mailer.send({ to: row.toAddress, ...mail });
        } catch (error) {
          const failed = attempts >= MAX_DELIVERY_ATTEMPTS;
          await repo.update(tx, id, {
            status: failed ? 'failed' : 'pending',
            attempts,
            lastAttemptAt,
            lastError: errorText(error),
          });
          return failed ? { result: 'failed' as const } : { result: 'retry' as const, error };
        }
        await repo.update(tx, id, { status: 'sent', attempts, lastAttemptAt, sentAt: new Date() });
        return { result: 'sent' as const };
      });
      if (outcome.result === 'retry') throw outcome.error;
      return outcome.result;
    },

    /** Ids of pending deliveries to queue (see the repository for which): the every-minute flush. */
    async findDeliveriesToQueue(limit = 1000): Promise<string[]> {
      return repo.findPendingToQueue(db, limit);
    },

    /** One edition's deliveries: every recipient's for its editors and approvers, one's own for others. */
    async listDeliveries(
      actor: Actor,
      kind: TReviewKind,
      reviewId: string,
      query: TDeliveryListQuery,
    ): Promise<TPage<TReviewDelivery>> {
      const { target } = await deps.documents.getVisible(db, actor, kind, reviewId);
      const only = reviewDeliveryPolicy.canSeeAllDeliveries(actor, target) ? null : (actor.userId ?? '');
      const { rows, total } = await repo.list(db, reviewId, only, query);
      return { items: rows.map(toDelivery), total };
    },

    /**
     * Puts a failed or held delivery back in line with a fresh count of attempts and the recipient's current address
     * (audited), and queues it. Refused while no SMTP server is configured or the recipient still has no address.
     */
    async retryDelivery(
      actor: Actor,
      kind: TReviewKind,
      reviewId: string,
      deliveryId: string,
    ): Promise<TReviewDelivery> {
      const after = await runInTransaction(async (tx) => {
        const { review, target } = await deps.documents.getVisible(tx, actor, kind, reviewId);
        const before = await repo.findById(tx, deliveryId, true);
        if (!before || before.reviewId !== reviewId) throw notFound('review_delivery');
        reviewDeliveryPolicy.assertCanRetry(actor, target);
        if (before.status !== 'failed' && before.status !== 'held')
          throw new AppError('review_delivery.not_retryable', { status: before.status });
        if (!mailer.configured) throw new AppError('notification.smtp_not_configured');
        const user = await deps.subscriptions.findUser(tx, before.userId);
        if (!user?.email) throw new AppError('review_delivery.no_address', { user: user?.fullName ?? '' });
        await repo.update(tx, deliveryId, {
          status: 'pending',
          attempts: 0,
          lastAttemptAt: null,
          toAddress: user.email,
        });
        const changed = (await repo.findById(tx, deliveryId))!;
        await recordAudit(tx, actor, {
          action: 'retry',
          entityType: 'review_delivery',
          entityId: deliveryId,
          orgUnitId: review.orgUnit.id,
          summary: `${review.title} — ${user.fullName} <${user.email}>`,
          before: snapshot(before),
          after: snapshot(changed),
        });
        const [listed] = (await repo.list(tx, reviewId, before.userId, { page: 1, pageSize: 1 })).rows;
        return listed!;
      });
      try {
        await send([deliveryId]);
      } catch (error) {
        warn(`delivery ${deliveryId}: not queued now (${errorText(error)}); the flush job will`);
      }
      return toDelivery(after);
    },

    /** Records that the actor read the edition in the app (their delivery's first reading); not audited. */
    async markRead(actor: Actor, kind: TReviewKind, reviewId: string): Promise<void> {
      await deps.documents.getVisible(db, actor, kind, reviewId);
      if (actor.userId) await repo.markRead(db, reviewId, actor.userId);
    },
  };
}
