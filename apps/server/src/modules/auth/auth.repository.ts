import type { TListQuery } from '@loa/contracts';
import { and, count, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { ordering, paging } from '../../platform/db/paging.js';
import { matchesSearch } from '../../platform/db/search.js';
import { preparedStatement } from '../../platform/db/prepared.js';
import type { Executor } from '../../platform/db/transaction.js';
import { userColumns, users, type UserRow } from '../users/index.js';
import { apiTokens, sessions } from './auth.table.js';

export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

const TOKEN_SORTS = {
  createdAt: { column: apiTokens.createdAt },
  name: { column: apiTokens.name, text: true },
  lastUsedAt: { column: apiTokens.lastUsedAt },
  expiresAt: { column: apiTokens.expiresAt },
};

/** Every authenticated request reads its session: planned once per connection (decision 0054). */
const sessionWithUser = preparedStatement((tx) =>
  tx
    .select({ session: sessions, user: userColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('loa_session_with_user'),
);

export const authRepository = {
  async insertSession(tx: Executor, values: typeof sessions.$inferInsert): Promise<void> {
    await tx.insert(sessions).values(values);
  },

  async findSession(tx: Executor, id: string): Promise<SessionRow | null> {
    const [row] = await tx.select().from(sessions).where(eq(sessions.id, id));
    return row ?? null;
  },

  /** The session and its user in one statement: every authenticated request reads them (decision 0050). */
  async findSessionWithUser(tx: Executor, id: string): Promise<{ session: SessionRow; user: UserRow } | null> {
    const [row] = await sessionWithUser(tx, { id });
    return row ? { session: row.session, user: row.user as UserRow } : null;
  },

  /** Marks the session as seen, at most once a minute (keeps writes off the hot path). */
  async touchSession(tx: Executor, id: string): Promise<void> {
    await tx
      .update(sessions)
      .set({ lastSeenAt: new Date() })
      .where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, sql`now() - interval '1 minute'`)));
  },

  async deleteSession(tx: Executor, id: string): Promise<void> {
    await tx.delete(sessions).where(eq(sessions.id, id));
  },

  /** Ends every session of the user except `keepId`. */
  async deleteUserSessions(tx: Executor, userId: string, keepId?: string): Promise<void> {
    await tx.delete(sessions).where(and(eq(sessions.userId, userId), keepId ? ne(sessions.id, keepId) : undefined));
  },

  async deleteExpiredSessions(tx: Executor): Promise<number> {
    const deleted = await tx.delete(sessions).where(lt(sessions.expiresAt, new Date())).returning({ id: sessions.id });
    return deleted.length;
  },

  async insertToken(tx: Executor, values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
    const [row] = await tx.insert(apiTokens).values(values).returning();
    return row!;
  },

  /** A page of the user's tokens; `q` matches name and prefix. */
  async listTokens(tx: Executor, userId: string, query: TListQuery): Promise<{ rows: ApiTokenRow[]; total: number }> {
    const where = and(
      eq(apiTokens.userId, userId),
      matchesSearch(query.q, sql`loa_fold(${apiTokens.name} || ' ' || ${apiTokens.prefix})`),
    );
    const { limit, offset } = paging(query);
    const rows = await tx
      .select()
      .from(apiTokens)
      .where(where)
      .orderBy(...ordering(query.sort, TOKEN_SORTS, '-createdAt', apiTokens.id))
      .limit(limit)
      .offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(apiTokens).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findToken(tx: Executor, userId: string, id: string): Promise<ApiTokenRow | null> {
    const [row] = await tx
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)));
    return row ?? null;
  },

  /** A token that is neither revoked nor expired. */
  async findLiveTokenByHash(tx: Executor, tokenHash: string): Promise<ApiTokenRow | null> {
    const [row] = await tx
      .select()
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.tokenHash, tokenHash),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date())),
        ),
      );
    return row ?? null;
  },

  async markTokenUsed(tx: Executor, id: string): Promise<void> {
    await tx
      .update(apiTokens)
      .set({ lastUsedAt: new Date() })
      .where(
        and(
          eq(apiTokens.id, id),
          or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
        ),
      );
  },

  async revokeToken(tx: Executor, id: string): Promise<void> {
    await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
  },
};

export type AuthRepository = typeof authRepository;
