import type {
  TCreateRestrictionRequest,
  TEventKind,
  TLiftRestrictionRequest,
  TPage,
  TRestriction,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export interface RestrictionFilters {
  q?: string | undefined;
  unitId?: string | undefined;
  state?: 'in_force' | 'lifted' | 'ended' | undefined;
  sort?: string | undefined;
}

export const restrictionKeys = {
  all: ['restrictions'] as const,
  list: (filters: RestrictionFilters, page: number, pageSize: number) =>
    ['restrictions', 'list', filters, { page, pageSize }] as const,
  active: (unitId: string, at: string, kind: TEventKind) => ['restrictions', 'active', unitId, at, kind] as const,
};

export function listRestrictions(filters: RestrictionFilters, page: number, pageSize: number) {
  return api.get<TPage<TRestriction>>('/api/restrictions', { query: { ...filters, page, pageSize } });
}

/** The restrictions blocking a direct form at a unit at an instant. */
export function findActiveRestrictions(unitId: string, at: string, kind: TEventKind) {
  return api.get<TRestriction[]>('/api/restrictions/active', { query: { unitId, at, kind } });
}

export function createRestriction(request: TCreateRestrictionRequest) {
  return api.post<TRestriction>('/api/restrictions', request);
}

export function liftRestriction(id: string, request: TLiftRestrictionRequest) {
  return api.post<TRestriction>(`/api/restrictions/${encodeURIComponent(id)}/lift`, request);
}

export function exportRestrictions(filters: RestrictionFilters): Promise<void> {
  return downloadFile('/api/restrictions/export.xlsx', { ...filters }, 'han-che-truyen-thong.xlsx');
}
