import type { TAuditEvent, TPage } from '@loa/contracts';
import { api } from '../../shared/api';

export interface AuditFilters {
  q?: string | undefined;
  entityType?: string | undefined;
  action?: string | undefined;
  actorId?: string | undefined;
  /** ISO datetimes with offset (start and end of Vietnamese calendar days). */
  from?: string | undefined;
  to?: string | undefined;
  sort?: string | undefined;
}

export const auditKeys = {
  all: ['audit-events'] as const,
  list: (filters: AuditFilters, page: number, pageSize: number) =>
    ['audit-events', filters, { page, pageSize }] as const,
};

export function listAuditEvents(filters: AuditFilters, page: number, pageSize: number): Promise<TPage<TAuditEvent>> {
  return api.get<TPage<TAuditEvent>>('/api/audit-events', { query: { ...filters, page, pageSize } });
}
