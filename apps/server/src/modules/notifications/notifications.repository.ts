import { and, count, eq, getTableColumns, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { TNotificationListQuery, TOutboxListQuery, TOutboxStatus } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { emailOutbox, notificationPreferences, notifications } from './notifications.table.js';

const { searchText: _n, ...notificationColumns } = getTableColumns(notifications);
export type NotificationRow = Omit<typeof notifications.$inferSelect, 'searchText'>;
export type NewNotificationRow = Omit<typeof notifications.$inferInsert, 'searchText'>;
export type NewOutboxRow = Omit<typeof emailOutbox.$inferInsert, 'searchText'>;
export type PreferenceRow = { kind: string; inApp: boolean; email: boolean };

/** An enabled user a notification may go to, with what the e-mail needs. */
export interface RecipientRow {
  id: string;
  orgUnitId: string;
  roles: string[];
  email: string | null;
  locale: string;
}

const recipientOf = (column: string) => sql.raw(`(SELECT ${column} FROM users u WHERE u.id = email_outbox.user_id)`);
const { searchText: _o, html: _h, ...outboxColumns } = getTableColumns(emailOutbox);
const outboxListColumns = {
  ...outboxColumns,
  recipientUsername: sql<string>`${recipientOf('username')}`,
  recipientFullName: sql<string>`${recipientOf('full_name')}`,
  recipientOrgUnitId: sql<string>`${recipientOf('org_unit_id')}`,
  recipientOrgUnitCode: sql<string>`${recipientOf('(SELECT code FROM org_units o WHERE o.id = u.org_unit_id)')}`,
  recipientOrgUnitPath: sql<string>`${recipientOf('(SELECT path FROM org_units o WHERE o.id = u.org_unit_id)')}`,
};
export type OutboxRow = Omit<typeof emailOutbox.$inferSelect, 'searchText' | 'html'> & {
  recipientUsername: string;
  recipientFullName: string;
  recipientOrgUnitId: string;
  recipientOrgUnitCode: string;
  recipientOrgUnitPath: string;
};
export type OutboxMessageRow = Omit<typeof emailOutbox.$inferSelect, 'searchText'>;

const NOTIFICATION_SORTS = {
  createdAt: { column: notifications.createdAt },
  readAt: { column: notifications.readAt },
  kind: { column: notifications.kind },
};

const OUTBOX_SORTS = {
  createdAt: { column: emailOutbox.createdAt },
  sentAt: { column: emailOutbox.sentAt },
  status: { column: emailOutbox.status },
  attempts: { column: emailOutbox.attempts },
  toAddress: { column: emailOutbox.toAddress },
};

// Inserts carry up to a dozen parameters a row; PostgreSQL takes 65 535 per statement.
const CHUNK = 1000;
function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) result.push(items.slice(i, i + CHUNK));
  return result;
}

function notificationFilters(userId: string, query: TNotificationListQuery): SQL | undefined {
  return and(
    eq(notifications.userId, userId),
    matchesSearch(query.q, notifications.searchText),
    query.unread === 'true' ? isNull(notifications.readAt) : undefined,
    query.unread === 'false' ? sql`${notifications.readAt} IS NOT NULL` : undefined,
    query.kind ? eq(notifications.kind, query.kind) : undefined,
  );
}

function outboxFilters(scopePath: string, query: TOutboxListQuery): SQL | undefined {
  return and(
    sql`${emailOutbox.userId} IN (SELECT u.id FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE o.path LIKE ${`${scopePath}%`})`,
    matchesSearch(query.q, emailOutbox.searchText),
    query.status ? eq(emailOutbox.status, query.status) : undefined,
  );
}

export const notificationsRepository = {
  /** Enabled users among `userIds` or belonging to one of `orgUnitIds` (the units themselves, not below). */
  async findRecipientCandidates(
    tx: Executor,
    userIds: readonly string[],
    orgUnitIds: readonly string[],
  ): Promise<RecipientRow[]> {
    if (userIds.length === 0 && orgUnitIds.length === 0) return [];
    const { rows } = await tx.execute<{
      id: string;
      orgUnitId: string;
      roles: string[];
      email: string | null;
      locale: string;
    }>(sql`
      SELECT id, org_unit_id AS "orgUnitId", roles, email, locale
        FROM users
       WHERE NOT disabled
         AND (id = ANY(${sql.param([...userIds])}::uuid[]) OR org_unit_id = ANY(${sql.param([...orgUnitIds])}::uuid[]))
       ORDER BY username`);
    return rows;
  },

  /** The stored switches of `userIds` for one kind. */
  async findPreferencesForKind(
    tx: Executor,
    userIds: readonly string[],
    kind: string,
  ): Promise<Map<string, PreferenceRow>> {
    if (userIds.length === 0) return new Map();
    const rows = await tx
      .select({
        userId: notificationPreferences.userId,
        kind: notificationPreferences.kind,
        inApp: notificationPreferences.inApp,
        email: notificationPreferences.email,
      })
      .from(notificationPreferences)
      .where(and(inArray(notificationPreferences.userId, [...userIds]), eq(notificationPreferences.kind, kind)));
    return new Map(rows.map(({ userId, ...preference }) => [userId, preference]));
  },

  /** Those of `userIds` who already have a notification or an e-mail with `dedupeKey`. */
  async findAlreadyNotified(tx: Executor, userIds: readonly string[], dedupeKey: string): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const { rows } = await tx.execute<{ userId: string }>(sql`
      SELECT user_id AS "userId" FROM notifications
       WHERE dedupe_key = ${dedupeKey} AND user_id = ANY(${sql.param([...userIds])}::uuid[])
      UNION
      SELECT user_id FROM email_outbox
       WHERE dedupe_key = ${dedupeKey} AND user_id = ANY(${sql.param([...userIds])}::uuid[])`);
    return new Set(rows.map((r) => r.userId));
  },

  /** Inserts in-app notifications; one whose (user, dedupe key) exists is skipped. Returns those inserted. */
  async insertNotifications(
    tx: Executor,
    values: readonly NewNotificationRow[],
  ): Promise<{ id: string; userId: string }[]> {
    const inserted: { id: string; userId: string }[] = [];
    for (const chunk of chunks(values)) {
      inserted.push(
        ...(await tx
          .insert(notifications)
          .values(chunk)
          .onConflictDoNothing({
            target: [notifications.userId, notifications.dedupeKey],
            where: sql`dedupe_key IS NOT NULL`,
          })
          .returning({ id: notifications.id, userId: notifications.userId })),
      );
    }
    return inserted;
  },

  /** Inserts outgoing e-mails; one whose (user, dedupe key) exists is skipped. Returns those inserted. */
  async insertOutbox(tx: Executor, values: readonly NewOutboxRow[]): Promise<{ id: string; userId: string }[]> {
    const inserted: { id: string; userId: string }[] = [];
    for (const chunk of chunks(values)) {
      inserted.push(
        ...(await tx
          .insert(emailOutbox)
          .values(chunk)
          .onConflictDoNothing({
            target: [emailOutbox.userId, emailOutbox.dedupeKey],
            where: sql`dedupe_key IS NOT NULL`,
          })
          .returning({ id: emailOutbox.id, userId: emailOutbox.userId })),
      );
    }
    return inserted;
  },

  async list(
    tx: Executor,
    userId: string,
    query: TNotificationListQuery,
  ): Promise<{ rows: NotificationRow[]; total: number }> {
    const where = notificationFilters(userId, query);
    const { limit, offset } = paging(query);
    const rows = await tx
      .select(notificationColumns)
      .from(notifications)
      .where(where)
      .orderBy(...ordering(query.sort, NOTIFICATION_SORTS, '-createdAt', notifications.id))
      .limit(limit)
      .offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(notifications).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async countUnread(tx: Executor, userId: string): Promise<number> {
    const [row] = await tx
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return row?.n ?? 0;
  },

  /** Marks one of the user's notifications read (keeping the first read time); null when it is not theirs. */
  async markRead(tx: Executor, userId: string, id: string): Promise<NotificationRow | null> {
    const [row] = await tx
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
      .returning(notificationColumns);
    return row ?? null;
  },

  /** Marks every unread notification of the user read; returns how many. */
  async markAllRead(tx: Executor, userId: string): Promise<number> {
    const rows = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return rows.length;
  },

  async findPreferences(tx: Executor, userId: string): Promise<PreferenceRow[]> {
    return tx
      .select({
        kind: notificationPreferences.kind,
        inApp: notificationPreferences.inApp,
        email: notificationPreferences.email,
      })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId));
  },

  async upsertPreferences(tx: Executor, userId: string, preferences: readonly PreferenceRow[]): Promise<void> {
    if (preferences.length === 0) return;
    await tx
      .insert(notificationPreferences)
      .values(preferences.map((p) => ({ userId, ...p })))
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { inApp: sql`excluded.in_app`, email: sql`excluded.email`, updatedAt: sql`now()` },
      });
  },

  /** Outgoing e-mails to users of the scope. */
  async listOutbox(
    tx: Executor,
    scopePath: string,
    query: TOutboxListQuery,
  ): Promise<{ rows: OutboxRow[]; total: number }> {
    const where = outboxFilters(scopePath, query);
    const { limit, offset } = paging(query);
    const rows = await tx
      .select(outboxListColumns)
      .from(emailOutbox)
      .where(where)
      .orderBy(...ordering(query.sort, OUTBOX_SORTS, '-createdAt', emailOutbox.id))
      .limit(limit)
      .offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(emailOutbox).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findOutboxById(tx: Executor, id: string, lock = false): Promise<OutboxRow | null> {
    const query = tx.select(outboxListColumns).from(emailOutbox).where(eq(emailOutbox.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row ?? null;
  },

  /** The message, locked for sending; null when it does not exist or another sender holds it right now. */
  async lockForSending(tx: Executor, id: string): Promise<OutboxMessageRow | null> {
    const { searchText: _s, ...columns } = getTableColumns(emailOutbox);
    const [row] = await tx
      .select(columns)
      .from(emailOutbox)
      .where(eq(emailOutbox.id, id))
      .for('update', { skipLocked: true });
    return row ?? null;
  },

  async updateOutbox(
    tx: Executor,
    id: string,
    values: Partial<Pick<NewOutboxRow, 'status' | 'attempts' | 'lastError' | 'lastAttemptAt' | 'sentAt'>> & {
      status?: TOutboxStatus;
    },
  ): Promise<void> {
    await tx.update(emailOutbox).set(values).where(eq(emailOutbox.id, id));
  },

  /**
   * Pending e-mails no queued job is known to hold: never tried (written by `notify`, or released by an
   * administrator), or last tried longer ago than any backoff of the send job waits.
   */
  async findPendingToQueue(tx: Executor, limit: number): Promise<string[]> {
    const rows = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.status, 'pending'),
          or(isNull(emailOutbox.lastAttemptAt), lt(emailOutbox.lastAttemptAt, sql`now() - interval '30 minutes'`)),
        ),
      )
      .orderBy(emailOutbox.createdAt)
      .limit(limit);
    return rows.map((r) => r.id);
  },

  /** Removes notifications read before `readBefore` or created before `createdBefore`, and e-mails sent or failed before `mailBefore`. */
  async deleteOld(
    tx: Executor,
    cutoffs: { readBefore: Date; createdBefore: Date; mailBefore: Date },
  ): Promise<{ notifications: number; emails: number }> {
    const gone = await tx
      .delete(notifications)
      .where(or(lt(notifications.readAt, cutoffs.readBefore), lt(notifications.createdAt, cutoffs.createdBefore)))
      .returning({ id: notifications.id });
    const mails = await tx
      .delete(emailOutbox)
      .where(
        and(
          inArray(emailOutbox.status, ['sent', 'failed']),
          lt(
            sql`coalesce(${emailOutbox.sentAt}, ${emailOutbox.lastAttemptAt}, ${emailOutbox.createdAt})`,
            cutoffs.mailBefore,
          ),
        ),
      )
      .returning({ id: emailOutbox.id });
    return { notifications: gone.length, emails: mails.length };
  },
};

export type NotificationsRepository = typeof notificationsRepository;
