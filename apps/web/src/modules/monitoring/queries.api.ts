import type {
  TCheckQueryResponse,
  TCreateQueryRequest,
  TMonitoringQuery,
  TPage,
  TQueryAlert,
  TUpdateQueryRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export interface QueryFilters {
  q?: string | undefined;
  enabled?: 'true' | 'false' | undefined;
  alert?: TQueryAlert | undefined;
  orgUnitId?: string | undefined;
  sort?: string | undefined;
}

export const queryKeys = {
  all: ['monitoring-queries'] as const,
  list: (filters: QueryFilters, page: number, pageSize: number) =>
    ['monitoring-queries', 'list', filters, { page, pageSize }] as const,
  check: (text: string) => ['monitoring-queries', 'check', text] as const,
};

const queryPath = (id: string) => `/api/monitoring/queries/${encodeURIComponent(id)}`;

export const listQueries = (filters: QueryFilters, page: number, pageSize: number) =>
  api.get<TPage<TMonitoringQuery>>('/api/monitoring/queries', { query: { ...filters, page, pageSize } });

export const exportQueries = (filters: QueryFilters) =>
  downloadFile('/api/monitoring/queries/export.xlsx', { ...filters }, 'truy-van-theo-doi.xlsx');

export const createQuery = (request: TCreateQueryRequest) =>
  api.post<TMonitoringQuery>('/api/monitoring/queries', request);

export const updateQuery = (id: string, request: TUpdateQueryRequest) =>
  api.patch<TMonitoringQuery>(queryPath(id), request);

export const deleteQuery = (id: string) => api.delete<void>(queryPath(id));

/** Parses a query on the server and counts the recent articles it would have matched. */
export const checkQuery = (text: string, signal?: AbortSignal) =>
  api.post<TCheckQueryResponse>('/api/monitoring/queries/check', { text }, signal ? { signal } : {});
