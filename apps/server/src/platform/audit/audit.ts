import { desc, sql } from 'drizzle-orm';
import type { Actor } from '../actor.js';
import type { Executor } from '../db/transaction.js';
import { auditEvents } from './audit.table.js';
import { GENESIS_HASH, hashEvent, type ChainedFields } from './chain.js';

// One chain for the whole database: writers take this lock for the rest of their transaction.
const AUDIT_CHAIN_LOCK = 727_002;

export interface AuditEntry {
  /** `create`, `update`, `delete`, `login`, … */
  action: string;
  entityType: string;
  entityId: string | null;
  /** The unit the record belongs to: decides who may read the event. */
  orgUnitId: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** Keeps only JSON-representable values, as jsonb will store them, so the hash can be recomputed from the row. */
function asStored(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

/** Records an audit event in the caller's transaction, chained to the previous one by hash. */
export async function recordAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const occurredAt = new Date();
  const fields: ChainedFields = {
    seq: (last?.seq ?? 0) + 1,
    prevHash: last?.hash ?? GENESIS_HASH,
    occurredAt: occurredAt.toISOString(),
    actorId: actor.userId,
    actorName: actor.userId ? `${actor.fullName} (${actor.username})` : actor.fullName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    orgUnitId: entry.orgUnitId,
    summary: entry.summary,
    before: asStored(entry.before),
    after: asStored(entry.after),
    requestId: actor.requestId ?? null,
    ip: actor.ip ?? null,
  };
  await tx.insert(auditEvents).values({ ...fields, occurredAt, hash: hashEvent(fields) });
}

export type RecordAudit = typeof recordAudit;
