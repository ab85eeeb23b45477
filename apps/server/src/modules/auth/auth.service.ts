import { createHash, randomBytes } from 'node:crypto';
import {
  passwordProblems,
  type TApiToken,
  type TChangePasswordRequest,
  type TCreateApiTokenRequest,
  type TCreatedApiToken,
  type TListQuery,
  type TLocale,
  type TPage,
  type TRole,
  type TSessionUser,
  type TUnitKind,
  type TUpdateMeRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { PasswordHasher } from '../../platform/passwords.js';
import type { UserRow, UsersRepository } from '../users/index.js';
import type { ApiTokenRow, AuthRepository, SessionRow } from './auth.repository.js';
import { afterFailure, isLocked, minutesLeft } from './lockout.js';
import { createSessionCache, type SessionCache, type SessionCacheOptions } from './session-cache.js';

export interface AuthDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: AuthRepository;
  users: UsersRepository;
  recordAudit: RecordAudit;
  passwords: PasswordHasher;
  sessionHours: number;
  /** Sessions read recently, with their users (decision 0055); without it every request reads the database. */
  sessionCache?: AuthSessionCache | undefined;
}

export type AuthSessionCache = SessionCache<{ session: SessionRow; user: UserRow }>;
export const createAuthSessionCache = (options?: SessionCacheOptions): AuthSessionCache => createSessionCache(options);

export interface Credentials {
  actor: Actor;
  sessionId: string | null;
  csrfToken: string | null;
  mustChangePassword: boolean;
  locale: TLocale;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const secret = (bytes = 32) => randomBytes(bytes).toString('base64url');
const TOKEN_PREFIX = 'loa_';
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function actorOf(user: UserRow): Actor {
  return {
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    roles: user.roles as TRole[],
    orgUnitId: user.orgUnitId,
    scopePath: user.orgUnitPath,
  };
}

export function toSessionUser(user: UserRow): TSessionUser {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    fullName: user.fullName,
    roles: user.roles as TRole[],
    locale: user.locale as TLocale,
    mustChangePassword: user.mustChangePassword,
    orgUnit: {
      id: user.orgUnitId,
      code: user.orgUnitCode,
      name: user.orgUnitName,
      kind: user.orgUnitKind as TUnitKind,
    },
  };
}

function toApiToken(row: ApiTokenRow): TApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: iso(row.expiresAt),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
  };
}

// Verified against when the login is unknown, so that timing does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(deps: AuthDeps) {
  const { db, runInTransaction, repo, users, recordAudit, passwords, sessionCache: cache } = deps;

  const auditUser = (_actor: Actor, user: UserRow, action: string, summary: string) => ({
    action,
    entityType: 'user',
    entityId: user.id,
    orgUnitId: user.orgUnitId,
    summary,
  });

  return {
    /** Checks a password (username or e-mail), applying the lockout, and opens a session. */
    async login(login: string, password: string, client: { ip: string; userAgent: string | null; requestId: string }) {
      const now = new Date();
      const user = await users.findByLogin(db, login.trim());
      if (!user) {
        dummyHash ??= passwords.hash('loa-dummy-password-1');
        await passwords.verify(await dummyHash, password);
        throw new AppError('auth.invalid_credentials');
      }
      if (isLocked(user.lockedUntil, now)) {
        throw new AppError('auth.locked', { minutes: minutesLeft(user.lockedUntil!, now) });
      }
      const actor: Actor = { ...actorOf(user), ip: client.ip, requestId: client.requestId };
      if (!(await passwords.verify(user.passwordHash, password))) {
        const next = afterFailure(user.failedLogins, now);
        // Whoever typed the wrong password is not known to be the user.
        const anonymous: Actor = {
          ...actor,
          userId: null,
          username: 'anonymous',
          fullName: `Đăng nhập từ ${client.ip}`,
        };
        await runInTransaction(async (tx) => {
          await users.recordLogin(tx, user.id, next);
          await recordAudit(
            tx,
            anonymous,
            auditUser(anonymous, user, next.lockedUntil ? 'lockout' : 'login_failed', user.username),
          );
        });
        if (next.lockedUntil) throw new AppError('auth.locked', { minutes: minutesLeft(next.lockedUntil, now) });
        throw new AppError('auth.invalid_credentials');
      }
      if (user.disabled) throw new AppError('auth.disabled');
      const token = secret();
      const csrfToken = secret();
      await runInTransaction(async (tx) => {
        await users.recordLogin(tx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
        await repo.insertSession(tx, {
          id: sha256(token),
          userId: user.id,
          csrfToken,
          expiresAt: new Date(now.getTime() + deps.sessionHours * 3_600_000),
          ip: client.ip,
          userAgent: client.userAgent?.slice(0, 300) ?? null,
        });
        await recordAudit(tx, actor, auditUser(actor, user, 'login', user.username));
      });
      return { token, csrfToken, user: toSessionUser(user), expiresInSeconds: deps.sessionHours * 3600 };
    },

    async logout(actor: Actor, sessionId: string | null): Promise<void> {
      if (!sessionId || !actor.userId) return;
      await runInTransaction(async (tx) => {
        await repo.deleteSession(tx, sessionId);
        const user = await users.findById(tx, actor.userId!);
        if (user) await recordAudit(tx, actor, auditUser(actor, user, 'logout', user.username));
      });
      cache?.evictSession(sessionId);
    },

    /** The session behind a cookie; 'expired' when it timed out, null when unknown or the user is disabled. */
    async fromSession(token: string): Promise<Credentials | 'expired' | null> {
      const id = sha256(token);
      // The cache answers only what PostgreSQL would (decision 0055): the ticket keeps a read that crossed a change out.
      const ticket = cache?.ticket() ?? 0;
      let found = cache?.get(id);
      if (!found) {
        found = (await repo.findSessionWithUser(db, id)) ?? undefined;
        if (!found) return null;
        cache?.put(id, found, ticket);
      }
      const { session, user } = found;
      if (session.expiresAt <= new Date()) {
        cache?.evictSession(id);
        await repo.deleteSession(db, id);
        return 'expired';
      }
      if (user.disabled) return null;
      // The touch writes at most once a minute: skip its round trip while the row says it is not due (decision 0050).
      if (session.lastSeenAt.getTime() < Date.now() - 60_000) {
        await repo.touchSession(db, id);
        session.lastSeenAt = new Date();
      }
      return {
        actor: actorOf(user),
        sessionId: id,
        csrfToken: session.csrfToken,
        mustChangePassword: user.mustChangePassword,
        locale: user.locale as TLocale,
      };
    },

    /** The user behind a personal API token (`Authorization: Bearer loa_…`). */
    async fromApiToken(token: string): Promise<Credentials | null> {
      if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
      const row = await repo.findLiveTokenByHash(db, sha256(token));
      if (!row) return null;
      const user = await users.findById(db, row.userId);
      if (!user || user.disabled) return null;
      if (!row.lastUsedAt || row.lastUsedAt.getTime() < Date.now() - 60_000) await repo.markTokenUsed(db, row.id);
      return {
        actor: actorOf(user),
        sessionId: null,
        csrfToken: null,
        mustChangePassword: false,
        locale: user.locale as TLocale,
      };
    },

    async me(actor: Actor): Promise<TSessionUser> {
      const user = actor.userId ? await users.findById(db, actor.userId) : null;
      if (!user) throw new AppError('auth.required');
      return toSessionUser(user);
    },

    async updateMe(actor: Actor, input: TUpdateMeRequest): Promise<TSessionUser> {
      const user = await runInTransaction(async (tx) => {
        const before = await users.findById(tx, actor.userId!, true);
        if (!before) throw new AppError('auth.required');
        await users.update(tx, before.id, null, input);
        const after = (await users.findById(tx, before.id))!;
        await recordAudit(tx, actor, {
          ...auditUser(actor, after, 'update_profile', after.username),
          before: { fullName: before.fullName, locale: before.locale },
          after: { fullName: after.fullName, locale: after.locale },
        });
        return after;
      });
      cache?.evictUser(user.id);
      return toSessionUser(user);
    },

    /** Changes one's own password after checking the current one; other sessions end. */
    async changePassword(actor: Actor, sessionId: string | null, input: TChangePasswordRequest): Promise<void> {
      const user = await users.findById(db, actor.userId!);
      if (!user) throw new AppError('auth.required');
      if (!(await passwords.verify(user.passwordHash, input.currentPassword))) {
        throw new AppError('auth.wrong_current_password', {}, [
          { field: 'currentPassword', code: 'validation.invalid' },
        ]);
      }
      const problems = passwordProblems(input.newPassword, user.username);
      if (input.newPassword === input.currentPassword) problems.push('same_as_current');
      if (problems.length > 0) {
        throw new AppError(
          'validation.failed',
          {},
          problems.map((p) => ({ field: 'newPassword', code: `password.${p}` })),
        );
      }
      const passwordHash = await passwords.hash(input.newPassword);
      await runInTransaction(async (tx) => {
        await users.update(tx, user.id, null, {
          passwordHash,
          mustChangePassword: false,
          passwordChangedAt: new Date(),
        });
        await repo.deleteUserSessions(tx, user.id, sessionId ?? undefined);
        await recordAudit(tx, actor, auditUser(actor, user, 'change_password', user.username));
      });
      cache?.evictUser(user.id);
    },

    async listTokens(actor: Actor, query: TListQuery): Promise<TPage<TApiToken>> {
      const { rows, total } = await repo.listTokens(db, actor.userId!, query);
      return { items: rows.map(toApiToken), total };
    },

    /** Creates a personal API token; its secret is returned this once and stored only as a hash. */
    async createToken(actor: Actor, input: TCreateApiTokenRequest): Promise<TCreatedApiToken> {
      const token = `${TOKEN_PREFIX}${secret()}`;
      const row = await runInTransaction(async (tx) => {
        const created = await repo.insertToken(tx, {
          userId: actor.userId!,
          name: input.name,
          prefix: token.slice(0, 10),
          tokenHash: sha256(token),
          expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
        });
        await recordAudit(tx, actor, {
          action: 'create',
          entityType: 'api_token',
          entityId: created.id,
          orgUnitId: actor.orgUnitId,
          summary: `${input.name} (${created.prefix}…)`,
          after: toApiToken(created),
        });
        return created;
      });
      return { ...toApiToken(row), token };
    },

    async revokeToken(actor: Actor, id: string): Promise<void> {
      await runInTransaction(async (tx) => {
        const row = await repo.findToken(tx, actor.userId!, id);
        if (!row) throw notFound('api_token');
        await repo.revokeToken(tx, id);
        await recordAudit(tx, actor, {
          action: 'revoke',
          entityType: 'api_token',
          entityId: id,
          orgUnitId: actor.orgUnitId,
          summary: `${row.name} (${row.prefix}…)`,
          before: toApiToken(row),
        });
      });
    },

    /** Ends every session of a user (used by the users module). */
    endSessions: (tx: Executor, userId: string) => repo.deleteUserSessions(tx, userId),

    /** Forgets this instance's copies of a user's sessions, once a change to the user has committed (0055). */
    userChanged: (userId: string) => cache?.evictUser(userId),

    /** Housekeeping job: drops sessions past their expiry. */
    deleteExpiredSessions: () => repo.deleteExpiredSessions(db),
  };
}
