import type pg from 'pg';
import { verifyChain, type ChainedFields, type ChainProblem } from './chain.js';

export interface AuditVerification {
  count: number;
  problems: ChainProblem[];
  head: { seq: number; hash: string };
}

/** Walks the whole audit log in seq order, in pages, and checks the hash chain. */
export async function verifyAuditLog(pool: pg.Pool): Promise<AuditVerification> {
  const problems: ChainProblem[] = [];
  let head = { seq: 0, hash: '' };
  let count = 0;
  let expected: { seq: number; hash: string } | undefined;
  for (;;) {
    const { rows } = await pool.query(
      `SELECT seq::float8 AS seq, prev_hash, occurred_at, actor_id, actor_name, action, entity_type, entity_id,
              org_unit_id, summary, before, after, request_id, ip, hash
         FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT 5000`,
      [expected?.seq ?? 0],
    );
    if (rows.length === 0) break;
    const events = rows.map((row): ChainedFields & { hash: string } => ({
      seq: Number(row.seq),
      prevHash: row.prev_hash,
      occurredAt: (row.occurred_at as Date).toISOString(),
      actorId: row.actor_id,
      actorName: row.actor_name,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      orgUnitId: row.org_unit_id,
      summary: row.summary,
      before: row.before,
      after: row.after,
      requestId: row.request_id,
      ip: row.ip,
      hash: row.hash,
    }));
    const result = verifyChain(events, expected);
    problems.push(...result.problems);
    count += result.count;
    head = result.head;
    expected = result.head;
  }
  return { count, problems, head };
}
