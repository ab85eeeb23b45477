import type { TAuditEvent, TAuditListQuery, TPage } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/transaction.js';
import type { AuditEventRow, AuditRepository } from './audit.repository.js';
import { auditPolicy } from './audit.policy.js';

function toAuditEvent(row: AuditEventRow): TAuditEvent {
  return {
    id: String(row.id),
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    orgUnitId: row.orgUnitId,
    summary: row.summary,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
    ip: row.ip,
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService({ db, repo }: { db: Executor; repo: AuditRepository }) {
  return {
    async listAuditEvents(actor: Actor, query: TAuditListQuery): Promise<TPage<TAuditEvent>> {
      auditPolicy.assertCanRead(actor);
      const { rows, total } = await repo.list(db, actor.scopePath, auditPolicy.seesUnscoped(actor), query);
      return { items: rows.map(toAuditEvent), total };
    },
  };
}
