import type {
  TCreatedUser,
  TCreateUserRequest,
  TPage,
  TPeopleQuery,
  TPerson,
  TRole,
  TUnitKind,
  TUpdateUserRequest,
  TUser,
  TUserListQuery,
} from '@loa/contracts';
import { passwordProblems } from '@loa/contracts';
import { inScope, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { PasswordHasher } from '../../platform/passwords.js';
import type { UserRow, UsersRepository } from './users.repository.js';
import { usersPolicy } from './users.policy.js';

export interface UsersDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: UsersRepository;
  recordAudit: RecordAudit;
  passwords: PasswordHasher;
  /** Path of a unit, or null when it does not exist (from the org-units module). */
  unitPath(tx: Executor, orgUnitId: string): Promise<string | null>;
  /** Ends every session of a user (after a reset or when disabled). */
  endSessions(tx: Executor, userId: string): Promise<void>;
  /**
   * Called once a change to a user has committed: this instance's sessions kept in memory forget the user at once
   * (decision 0055); other instances hear of it from PostgreSQL.
   */
  userChanged?(userId: string): void;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toUser(row: UserRow): TUser {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    fullName: row.fullName,
    phone: row.phone,
    title: row.title,
    roles: row.roles as TRole[],
    orgUnit: { id: row.orgUnitId, code: row.orgUnitCode, name: row.orgUnitName, kind: row.orgUnitKind as TUnitKind },
    disabled: row.disabled,
    lockedUntil: row.lockedUntil && row.lockedUntil > new Date() ? iso(row.lockedUntil) : null,
    lastLoginAt: iso(row.lastLoginAt),
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

/** What the audit log keeps of a user: never the password hash. */
function snapshot(row: UserRow) {
  const { lastLoginAt: _l, createdAt: _c, version: _v, ...rest } = toUser(row);
  return rest;
}

export type UsersService = ReturnType<typeof createUsersService>;

export function createUsersService(deps: UsersDeps) {
  const { db, runInTransaction, repo, recordAudit, passwords } = deps;

  async function getInScope(tx: Executor, actor: Actor, id: string, lock = false): Promise<UserRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row || !inScope(actor, row.orgUnitPath)) throw notFound('user');
    return row;
  }

  async function assertUnitInScope(tx: Executor, actor: Actor, orgUnitId: string): Promise<void> {
    const path = await deps.unitPath(tx, orgUnitId);
    if (!path || !inScope(actor, path)) {
      throw new AppError('validation.failed', {}, [{ field: 'orgUnitId', code: 'validation.invalid_value' }]);
    }
  }

  async function assertUnique(tx: Executor, username: string | null, email: string | null, exceptId?: string) {
    for (const conflict of await repo.findConflicts(tx, username, email, exceptId)) {
      const field = username && conflict.username === username ? 'username' : 'email';
      const value = field === 'username' ? username : email;
      throw new AppError('conflict.duplicate', { field, value }, [{ field, code: 'validation.duplicate' }]);
    }
  }

  async function audit(tx: Tx, actor: Actor, action: string, before: UserRow | null, after: UserRow | null) {
    const row = (after ?? before)!;
    await recordAudit(tx, actor, {
      action,
      entityType: 'user',
      entityId: row.id,
      orgUnitId: row.orgUnitId,
      summary: `${row.username} — ${row.fullName}`,
      before: before ? snapshot(before) : null,
      after: after ? snapshot(after) : null,
    });
  }

  return {
    async listUsers(actor: Actor, query: TUserListQuery, all = false): Promise<TPage<TUser>> {
      usersPolicy.assertCanRead(actor);
      const { rows, total } = await repo.list(db, actor.scopePath, query, all);
      return { items: rows.map(toUser), total };
    },

    /**
     * Active colleagues of the caller's scope (optionally of one unit's subtree) for assignee pickers: any signed-in
     * officer may look them up, but only name, title and unit — not the account details the users list shows.
     */
    async lookupPeople(actor: Actor, query: TPeopleQuery): Promise<TPerson[]> {
      if (query.orgUnitId) await assertUnitInScope(db, actor, query.orgUnitId);
      const { rows } = await repo.list(db, actor.scopePath, {
        q: query.q,
        orgUnitId: query.orgUnitId,
        status: 'active',
        page: 1,
        pageSize: query.limit,
      });
      return rows.map((r) => ({
        id: r.id,
        fullName: r.fullName,
        title: r.title,
        orgUnit: { id: r.orgUnitId, code: r.orgUnitCode, name: r.orgUnitName },
      }));
    },

    async getUser(actor: Actor, id: string): Promise<TUser> {
      usersPolicy.assertCanRead(actor);
      return toUser(await getInScope(db, actor, id));
    },

    /** Creates a user in the actor's scope; without a password, a one-time password is generated and returned once. */
    async createUser(actor: Actor, input: TCreateUserRequest): Promise<TCreatedUser> {
      usersPolicy.assertCanManage(actor);
      const problems = input.password ? passwordProblems(input.password, input.username) : [];
      if (problems.length > 0) {
        throw new AppError(
          'validation.failed',
          {},
          problems.map((p) => ({ field: 'password', code: `password.${p}` })),
        );
      }
      const temporaryPassword = input.password ? null : passwords.generate();
      const passwordHash = await passwords.hash(input.password ?? temporaryPassword!);
      const row = await runInTransaction(async (tx) => {
        await assertUnitInScope(tx, actor, input.orgUnitId);
        await assertUnique(tx, input.username, input.email ?? null);
        const id = await repo.insert(tx, {
          username: input.username,
          email: input.email ?? null,
          fullName: input.fullName,
          phone: input.phone ?? null,
          title: input.title ?? null,
          roles: [...new Set(input.roles)],
          orgUnitId: input.orgUnitId,
          passwordHash,
          mustChangePassword: true,
        });
        const created = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'create', null, created);
        return created;
      });
      return { user: toUser(row), temporaryPassword };
    },

    async updateUser(actor: Actor, id: string, input: TUpdateUserRequest): Promise<TUser> {
      usersPolicy.assertCanManage(actor);
      usersPolicy.assertSelfChangeAllowed(actor, id, input);
      const row = await runInTransaction(async (tx) => {
        const before = await getInScope(tx, actor, id, true);
        if (input.orgUnitId !== undefined) await assertUnitInScope(tx, actor, input.orgUnitId);
        if (input.email) await assertUnique(tx, null, input.email, id);
        const { version, roles, ...fields } = input;
        const changed = await repo.update(tx, id, version, {
          ...fields,
          ...(roles ? { roles: [...new Set(roles)] } : {}),
        });
        if (!changed) throw new AppError('conflict.version');
        if (input.disabled === true && !before.disabled) await deps.endSessions(tx, id);
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'update', before, after);
        return after;
      });
      deps.userChanged?.(id);
      return toUser(row);
    },

    /** Sets a new one-time password, ends the user's sessions, and returns the password once. */
    async resetPassword(actor: Actor, id: string): Promise<{ temporaryPassword: string }> {
      usersPolicy.assertCanManage(actor);
      const temporaryPassword = passwords.generate();
      const passwordHash = await passwords.hash(temporaryPassword);
      await runInTransaction(async (tx) => {
        const before = await getInScope(tx, actor, id, true);
        await repo.update(tx, id, null, {
          passwordHash,
          mustChangePassword: true,
          failedLogins: 0,
          lockedUntil: null,
          passwordChangedAt: new Date(),
        });
        await deps.endSessions(tx, id);
        await audit(tx, actor, 'reset_password', before, (await repo.findById(tx, id))!);
      });
      deps.userChanged?.(id);
      return { temporaryPassword };
    },

    async unlockUser(actor: Actor, id: string): Promise<TUser> {
      usersPolicy.assertCanManage(actor);
      const row = await runInTransaction(async (tx) => {
        const before = await getInScope(tx, actor, id, true);
        await repo.update(tx, id, null, { failedLogins: 0, lockedUntil: null });
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'unlock', before, after);
        return after;
      });
      return toUser(row);
    },
  };
}
