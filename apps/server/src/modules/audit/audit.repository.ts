import { and, count, eq, getTableColumns, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { TAuditListQuery } from '@loa/contracts';
import { auditEvents } from '../../platform/audit/audit.table.js';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';

export type AuditEventRow = Omit<typeof auditEvents.$inferSelect, 'searchText' | 'prevHash' | 'hash'>;

const SORTS = {
  seq: { column: auditEvents.seq },
  occurredAt: { column: auditEvents.occurredAt },
  action: { column: auditEvents.action },
  entityType: { column: auditEvents.entityType },
};

function filters(scopePath: string, seesUnscoped: boolean, query: TAuditListQuery): SQL | undefined {
  return and(
    seesUnscoped
      ? sql`(${auditEvents.orgUnitId} IS NULL OR ${auditEvents.orgUnitId} IN (SELECT id FROM org_units WHERE path LIKE ${`${scopePath}%`}))`
      : sql`${auditEvents.orgUnitId} IN (SELECT id FROM org_units WHERE path LIKE ${`${scopePath}%`})`,
    matchesSearch(query.q, auditEvents.searchText),
    query.entityType ? eq(auditEvents.entityType, query.entityType) : undefined,
    query.entityId ? eq(auditEvents.entityId, query.entityId) : undefined,
    query.action ? eq(auditEvents.action, query.action) : undefined,
    query.actorId ? eq(auditEvents.actorId, query.actorId) : undefined,
    query.from ? gte(auditEvents.occurredAt, new Date(query.from)) : undefined,
    query.to ? lte(auditEvents.occurredAt, new Date(query.to)) : undefined,
  );
}

export const auditRepository = {
  /** Events about units of the scope; events tied to no unit only for those who see the whole tree. */
  async list(tx: Executor, scopePath: string, seesUnscoped: boolean, query: TAuditListQuery) {
    const where = filters(scopePath, seesUnscoped, query);
    const { limit, offset } = paging(query);
    const { searchText: _s, prevHash: _p, hash: _h, ...columns } = getTableColumns(auditEvents);
    const rows: AuditEventRow[] = await tx
      .select(columns)
      .from(auditEvents)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, '-seq', auditEvents.id))
      .limit(limit)
      .offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(auditEvents).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },
};

export type AuditRepository = typeof auditRepository;
