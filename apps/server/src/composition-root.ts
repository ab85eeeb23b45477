// The one place where repositories, services and jobs are wired together.
import { recordAudit } from './platform/audit/audit.js';
import type { Db } from './platform/db/client.js';
import { transactionRunner } from './platform/db/transaction.js';
import type { JobDefinition } from './platform/jobs/jobs.js';
import { argon2Hasher, type PasswordHasher } from './platform/passwords.js';
import { auditRepository, createAuditService } from './modules/audit/index.js';
import { authRepository, createAuthService, sessionCleanupJob } from './modules/auth/index.js';
import { createGuidanceService, guidanceRepository } from './modules/guidance/index.js';
import { createOrgUnitsImportService, createOrgUnitsService, orgUnitsRepository } from './modules/org-units/index.js';
import { createUsersService, usersRepository } from './modules/users/index.js';

export interface CompositionOptions {
  sessionHours: number;
  passwords?: PasswordHasher;
}

export function compose(db: Db, options: CompositionOptions) {
  const runInTransaction = transactionRunner(db);
  const passwords = options.passwords ?? argon2Hasher;
  const base = { db, runInTransaction, recordAudit };
  const auth = createAuthService({
    ...base,
    repo: authRepository,
    users: usersRepository,
    passwords,
    sessionHours: options.sessionHours,
  });
  const orgUnits = createOrgUnitsService({ ...base, repo: orgUnitsRepository });
  const users = createUsersService({
    ...base,
    repo: usersRepository,
    passwords,
    unitPath: (tx, id) => orgUnitsRepository.findPath(tx, id),
    endSessions: auth.endSessions,
  });
  return {
    db,
    runInTransaction,
    passwords,
    auth,
    users,
    orgUnits,
    orgUnitsImport: createOrgUnitsImportService({ runInTransaction, orgUnits }),
    audit: createAuditService({ db, repo: auditRepository }),
    guidance: createGuidanceService({ ...base, repo: guidanceRepository }),
  };
}

export type Services = ReturnType<typeof compose>;

/** Every job type of Loa; workers process all of them. */
export function jobDefinitions(services: Services): JobDefinition<never>[] {
  return [sessionCleanupJob(services.auth.deleteExpiredSessions)] as JobDefinition<never>[];
}
