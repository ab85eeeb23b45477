import type {
  TLocale,
  TNotification,
  TNotificationListQuery,
  TNotificationPreference,
  TOutboxListQuery,
  TOutboxMessage,
  TOutboxStatus,
  TPage,
  TReadAllResponse,
  TUnreadCount,
  TUpdateNotificationPreferencesRequest,
} from '@loa/contracts';
import { inScope, SYSTEM_ACTOR, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { OutgoingMail } from '../../platform/mail/mailer.js';
import { deadlineNotice, type DueItem } from './deadlines.js';
import { renderEmail } from './email-content.js';
import {
  clip,
  effectivePreference,
  preferencesFor,
  selectRecipients,
  storedContent,
  type NotificationContent,
  type Recipients,
} from './notification-rules.js';
import type {
  NewNotificationRow,
  NewOutboxRow,
  NotificationRow,
  NotificationsRepository,
  OutboxRow,
} from './notifications.repository.js';
import { notificationsPolicy } from './notifications.policy.js';

/** How often an e-mail is tried before it is `failed`; the send job's queue retries one less time. */
export const MAX_EMAIL_ATTEMPTS = 6;

/** What `notify` takes: who, and what to tell them. */
export interface NotifyInput extends NotificationContent {
  recipients: Recipients;
  /** `false`: in the app only, for callers that e-mail the recipients themselves (a press review's delivery). */
  email?: false;
}

/** A module's records with deadlines, asked once a day which are due soon or missed. */
export interface DeadlineSource {
  /** Stable and unique (`regulation_tasks`): part of every dedupe key, so renaming it sends everything again. */
  name: string;
  /** The items due soon (`approaching`) or past due (`missed`) as of `now`; re-reporting one costs nothing. */
  findDue(tx: Tx, now: Date): Promise<DueItem[]>;
}

export interface NotificationsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: NotificationsRepository;
  recordAudit: RecordAudit;
  mailer: { readonly configured: boolean; send(mail: OutgoingMail): Promise<void> };
  /** Where users open Loa; e-mails link to it when set. */
  publicUrl: string | undefined;
}

/** What the send job did with one message. */
export type DeliveryOutcome = 'sent' | 'skipped' | 'held' | 'failed';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toNotification(row: NotificationRow): TNotification {
  return {
    id: row.id,
    kind: row.kind as TNotification['kind'],
    title: { vi: row.titleVi, en: row.titleEn },
    body: row.bodyVi !== null || row.bodyEn !== null ? { vi: row.bodyVi ?? '', en: row.bodyEn ?? '' } : null,
    link: row.link,
    entityType: row.entityType,
    entityId: row.entityId,
    createdAt: row.createdAt.toISOString(),
    readAt: iso(row.readAt),
  };
}

function toOutboxMessage(row: OutboxRow): TOutboxMessage {
  return {
    id: row.id,
    notificationId: row.notificationId,
    recipient: {
      id: row.userId,
      username: row.recipientUsername,
      fullName: row.recipientFullName,
      orgUnitCode: row.recipientOrgUnitCode,
    },
    toAddress: row.toAddress,
    subject: row.subject,
    text: row.text,
    status: row.status as TOutboxStatus,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: iso(row.sentAt),
  };
}

const errorText = (error: unknown) => clip(error instanceof Error ? error.message : String(error), 1000);

/** How long notifications and sent e-mails are kept, in days. */
export const NOTIFICATION_RETENTION = { readDays: 180, keepDays: 365, mailDays: 90 } as const;

export type NotificationsService = ReturnType<typeof createNotificationsService>;

export function createNotificationsService(deps: NotificationsDeps) {
  const { db, runInTransaction, repo, recordAudit, mailer } = deps;
  const deadlineSources = new Map<string, DeadlineSource>();

  async function getOutboxInScope(tx: Executor, actor: Actor, id: string, lock = false): Promise<OutboxRow> {
    const row = await repo.findOutboxById(tx, id, lock);
    if (!row || !inScope(actor, row.recipientOrgUnitPath)) throw notFound('outbox_message');
    return row;
  }

  /**
   * Notifies the recipients inside the caller's transaction `tx`, so a rolled-back change notifies nobody:
   * an in-app notification for those who want one, an e-mail (pending, or held without SMTP) for those with
   * an address who want one. Disabled users and the actor are left out; a `dedupeKey` a user already has is
   * skipped for them. Returns how many users were notified.
   */
  async function notify(tx: Tx, actor: Actor, input: NotifyInput): Promise<number> {
    const content = storedContent(input, input.recipients);
    const candidates = await repo.findRecipientCandidates(
      tx,
      input.recipients.userIds ?? [],
      input.recipients.orgUnitIds ?? [],
    );
    let recipients = selectRecipients(candidates, input.recipients, actor.userId);
    if (content.dedupeKey && recipients.length > 0) {
      const already = await repo.findAlreadyNotified(
        tx,
        recipients.map((r) => r.id),
        content.dedupeKey,
      );
      recipients = recipients.filter((r) => !already.has(r.id));
    }
    if (recipients.length === 0) return 0;

    const stored = await repo.findPreferencesForKind(
      tx,
      recipients.map((r) => r.id),
      content.kind,
    );
    const wants = new Map(recipients.map((r) => [r.id, effectivePreference(stored.get(r.id))]));
    const inApp: NewNotificationRow[] = recipients
      .filter((r) => wants.get(r.id)!.inApp)
      .map((r) => ({ userId: r.id, ...content }));
    const insertedInApp = await repo.insertNotifications(tx, inApp);
    const notificationOf = new Map(insertedInApp.map((n) => [n.userId, n.id]));

    const status: TOutboxStatus = mailer.configured ? 'pending' : 'held';
    const emails: NewOutboxRow[] = recipients
      // A user whose in-app copy lost a race to a concurrent notify with the same key has been notified already.
      .filter(
        (r) =>
          input.email !== false &&
          r.email &&
          wants.get(r.id)!.email &&
          (!wants.get(r.id)!.inApp || notificationOf.has(r.id)),
      )
      .map((r) => {
        const locale: TLocale = r.locale === 'en' ? 'en' : 'vi';
        const body = locale === 'vi' ? content.bodyVi : content.bodyEn;
        const email = renderEmail({
          locale,
          kind: content.kind,
          title: locale === 'vi' ? content.titleVi : content.titleEn,
          body,
          link: content.link,
          publicUrl: deps.publicUrl,
        });
        return {
          notificationId: notificationOf.get(r.id) ?? null,
          userId: r.id,
          dedupeKey: content.dedupeKey,
          toAddress: r.email!,
          subject: clip(email.subject, 300),
          text: email.text,
          html: email.html,
          status,
        };
      });
    const insertedEmails = await repo.insertOutbox(tx, emails);
    return new Set([...insertedInApp, ...insertedEmails].map((row) => row.userId)).size;
  }

  async function auditOutbox(tx: Tx, actor: Actor, before: OutboxRow, after: OutboxRow) {
    const snapshot = (row: OutboxRow) => ({ status: row.status, attempts: row.attempts, lastError: row.lastError });
    await recordAudit(tx, actor, {
      action: 'retry',
      entityType: 'outbox_message',
      entityId: before.id,
      orgUnitId: before.recipientOrgUnitId,
      summary: `${before.toAddress} — ${before.subject}`,
      before: snapshot(before),
      after: snapshot(after),
    });
  }

  return {
    notify,

    /** Adds a module's deadlines to the daily deadline job. Names are unique. */
    registerDeadlineSource(source: DeadlineSource): void {
      if (!/^[a-z0-9_.-]{1,60}$/.test(source.name)) throw new Error(`Invalid deadline source name "${source.name}"`);
      if (deadlineSources.has(source.name)) throw new Error(`Deadline source "${source.name}" is registered twice`);
      deadlineSources.set(source.name, source);
    },

    /**
     * The daily deadline run: asks every source what is due as of `now` and notifies each item once per state
     * (the dedupe key). Each source runs in its own transaction; one that fails does not stop the others, and
     * the run then throws so the queue tries again (the keys make that harmless). Returns users notified.
     */
    async notifyDueDeadlines(now: Date): Promise<number> {
      let notified = 0;
      const failures: { source: string; error: unknown }[] = [];
      for (const source of deadlineSources.values()) {
        try {
          notified += await runInTransaction(async (tx) => {
            let count = 0;
            for (const item of await source.findDue(tx, now)) {
              count += await notify(tx, SYSTEM_ACTOR, {
                ...deadlineNotice(source.name, item),
                recipients: item.recipients,
                link: item.link,
                entityType: item.entityType,
                entityId: item.id,
              });
            }
            return count;
          });
        } catch (error) {
          failures.push({ source: source.name, error });
        }
      }
      if (failures.length > 0) {
        throw new AggregateError(
          failures.map((f) => f.error),
          `Deadline sources failed: ${failures.map((f) => `${f.source} (${errorText(f.error)})`).join(', ')}`,
        );
      }
      return notified;
    },

    async listNotifications(actor: Actor, query: TNotificationListQuery): Promise<TPage<TNotification>> {
      const userId = notificationsPolicy.inboxOwner(actor);
      const { rows, total } = await repo.list(db, userId, query);
      return { items: rows.map(toNotification), total };
    },

    async countUnread(actor: Actor): Promise<TUnreadCount> {
      const userId = notificationsPolicy.inboxOwner(actor);
      return { count: await repo.countUnread(db, userId) };
    },

    /** Marks one of the actor's notifications read; another user's is not found. Not audited: inbox state. */
    async markRead(actor: Actor, id: string): Promise<TNotification> {
      const userId = notificationsPolicy.inboxOwner(actor);
      const row = await repo.markRead(db, userId, id);
      if (!row) throw notFound('notification');
      return toNotification(row);
    },

    async markAllRead(actor: Actor): Promise<TReadAllResponse> {
      const userId = notificationsPolicy.inboxOwner(actor);
      return { count: await repo.markAllRead(db, userId) };
    },

    /** The actor's switches for every kind, defaults filled in. */
    async getPreferences(actor: Actor): Promise<TNotificationPreference[]> {
      const userId = notificationsPolicy.inboxOwner(actor);
      return preferencesFor((await repo.findPreferences(db, userId)) as TNotificationPreference[]);
    },

    /** Changes the given kinds' switches, audited; returns every kind's switches. */
    async updatePreferences(
      actor: Actor,
      input: TUpdateNotificationPreferencesRequest,
    ): Promise<TNotificationPreference[]> {
      const userId = notificationsPolicy.inboxOwner(actor);
      return runInTransaction(async (tx) => {
        const before = preferencesFor((await repo.findPreferences(tx, userId)) as TNotificationPreference[]);
        await repo.upsertPreferences(tx, userId, input);
        const after = preferencesFor((await repo.findPreferences(tx, userId)) as TNotificationPreference[]);
        await recordAudit(tx, actor, {
          action: 'update',
          entityType: 'notification_preferences',
          entityId: userId,
          orgUnitId: actor.orgUnitId,
          summary: `${actor.username} — ${actor.fullName}`,
          before,
          after,
        });
        return after;
      });
    },

    /** Outgoing e-mails to users of the administrator's scope. */
    async listOutbox(actor: Actor, query: TOutboxListQuery): Promise<TPage<TOutboxMessage>> {
      notificationsPolicy.assertCanManageOutbox(actor);
      const { rows, total } = await repo.listOutbox(db, actor.scopePath, query);
      return { items: rows.map(toOutboxMessage), total };
    },

    /**
     * Puts a held, failed or pending e-mail back in line with a fresh count of attempts (audited); the outbox
     * flush queues it within a minute. Refused while no SMTP server is configured, and for one already sent.
     */
    async retryOutboxMessage(actor: Actor, id: string): Promise<TOutboxMessage> {
      notificationsPolicy.assertCanManageOutbox(actor);
      const row = await runInTransaction(async (tx) => {
        const before = await getOutboxInScope(tx, actor, id, true);
        if (before.status === 'sent') throw new AppError('notification.already_sent');
        if (!mailer.configured) throw new AppError('notification.smtp_not_configured');
        await repo.updateOutbox(tx, id, { status: 'pending', attempts: 0, lastAttemptAt: null });
        const after = (await repo.findOutboxById(tx, id))!;
        await auditOutbox(tx, actor, before, after);
        return after;
      });
      return toOutboxMessage(row);
    },

    /** Ids of pending e-mails to queue for sending (see the repository for which). */
    async findOutboxToQueue(limit = 1000): Promise<string[]> {
      return repo.findPendingToQueue(db, limit);
    },

    /**
     * Retention (SECURITY.md): read notifications go after READ_DAYS, any after KEEP_DAYS; sent or failed
     * e-mails (which hold names and addresses) after MAIL_DAYS. Pending and held e-mails stay.
     */
    async deleteOld(now = new Date()): Promise<{ notifications: number; emails: number }> {
      const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
      return repo.deleteOld(db, {
        readBefore: daysAgo(NOTIFICATION_RETENTION.readDays),
        createdBefore: daysAgo(NOTIFICATION_RETENTION.keepDays),
        mailBefore: daysAgo(NOTIFICATION_RETENTION.mailDays),
      });
    },

    /**
     * Sends one outgoing e-mail, idempotently: only a `pending` message is sent, under a row lock that a
     * concurrent sender skips. A refused or failed send records the attempt and its error and throws, for
     * the queue to retry with backoff; the last allowed attempt marks it `failed` instead.
     */
    async deliverOutboxMessage(id: string): Promise<DeliveryOutcome> {
      const outcome = await runInTransaction(async (tx) => {
        const row = await repo.lockForSending(tx, id);
        if (!row || row.status !== 'pending') return { result: 'skipped' as const };
        if (!mailer.configured) {
          await repo.updateOutbox(tx, id, { status: 'held' });
          return { result: 'held' as const };
        }
        const attempts = row.attempts + 1;
        const attemptedAt = new Date();
        try {
          await mailer.send({ to: row.toAddress, subject: row.subject, text: row.text, html: row.html });
        } catch (error) {
          const failed = attempts >= MAX_EMAIL_ATTEMPTS;
          await repo.updateOutbox(tx, id, {
            status: failed ? 'failed' : 'pending',
            attempts,
            lastAttemptAt: attemptedAt,
            lastError: errorText(error),
          });
          return failed ? { result: 'failed' as const } : { result: 'retry' as const, error };
        }
        await repo.updateOutbox(tx, id, { status: 'sent', attempts, lastAttemptAt: attemptedAt, sentAt: new Date() });
        return { result: 'sent' as const };
      });
      if (outcome.result === 'retry') throw outcome.error;
      return outcome.result;
    },
  };
}
