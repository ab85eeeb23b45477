import { createHash } from 'node:crypto';

/** The fields of an audit event that its hash covers (everything but the hash itself). */
export interface ChainedFields {
  seq: number;
  prevHash: string;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgUnitId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so that jsonb's reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashEvent(fields: ChainedFields): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

export interface ChainProblem {
  seq: number;
  problem: 'hash_mismatch' | 'broken_link' | 'missing_events';
}

/** Checks events in seq order; reports edits (hash mismatch) and deletions (broken link, gap in seq). */
export function verifyChain(
  events: Iterable<ChainedFields & { hash: string }>,
  expected?: { seq: number; hash: string },
) {
  const problems: ChainProblem[] = [];
  let previous = expected ?? { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (const event of events) {
    count++;
    if (event.seq !== previous.seq + 1) problems.push({ seq: event.seq, problem: 'missing_events' });
    if (event.prevHash !== previous.hash) problems.push({ seq: event.seq, problem: 'broken_link' });
    const { hash, ...fields } = event;
    if (hashEvent(fields) !== hash) problems.push({ seq: event.seq, problem: 'hash_mismatch' });
    previous = { seq: event.seq, hash };
  }
  return { problems, count, head: previous };
}
