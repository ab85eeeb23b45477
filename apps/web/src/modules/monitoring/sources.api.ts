import type {
  TCreateSourceRequest,
  TFetchLogEntry,
  TIngestResponse,
  TMonitoringSource,
  TPage,
  TSetSourceEnabledRequest,
  TSourceKind,
  TSourceTier,
  TSubmitUrlRequest,
  TUpdateSourceRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export interface SourceFilters {
  q?: string | undefined;
  kind?: TSourceKind | undefined;
  tier?: TSourceTier | undefined;
  enabled?: 'true' | 'false' | undefined;
  failing?: 'true' | 'false' | undefined;
  sort?: string | undefined;
}

export const sourceKeys = {
  all: ['monitoring-sources'] as const,
  list: (filters: SourceFilters, page: number, pageSize: number) =>
    ['monitoring-sources', 'list', filters, { page, pageSize }] as const,
  log: (id: string, page: number, pageSize: number) => ['monitoring-sources', 'log', id, { page, pageSize }] as const,
};

const sourcePath = (id: string) => `/api/monitoring/sources/${encodeURIComponent(id)}`;

export const listSources = (filters: SourceFilters, page: number, pageSize: number) =>
  api.get<TPage<TMonitoringSource>>('/api/monitoring/sources', { query: { ...filters, page, pageSize } });

export const exportSources = (filters: SourceFilters) =>
  downloadFile('/api/monitoring/sources/export.xlsx', { ...filters }, 'nguon-tin.xlsx');

export const createSource = (request: TCreateSourceRequest) =>
  api.post<TMonitoringSource>('/api/monitoring/sources', request);

export const updateSource = (id: string, request: TUpdateSourceRequest) =>
  api.patch<TMonitoringSource>(sourcePath(id), request);

export const deleteSource = (id: string) => api.delete<void>(sourcePath(id));

/** Enables a source (its failures are cleared) or disables it with the reason. */
export const setSourceEnabled = (id: string, request: TSetSourceEnabledRequest) =>
  api.post<TMonitoringSource>(`${sourcePath(id)}/enabled`, request);

/** Puts the source at the head of the fetch queue; the fetch itself stays paced (202). */
export const fetchSourceNow = (id: string) => api.post<{ queued: boolean }>(`${sourcePath(id)}/fetch`);

export const listFetchLog = (id: string, page: number, pageSize: number) =>
  api.get<TPage<TFetchLogEntry>>(`${sourcePath(id)}/log`, { query: { page, pageSize } });

/** Sends a CSV or JSONL file as the raw body, as every upload does; each row is ingested, bad rows reported. */
export function importIntoSource(id: string, file: File): Promise<TIngestResponse> {
  return api.post<TIngestResponse>(`${sourcePath(id)}/import`, undefined, {
    raw: { data: file, contentType: 'application/octet-stream' },
    query: { name: file.name },
  });
}

/** Fetches, extracts and ingests one article's address. */
export const submitUrl = (request: TSubmitUrlRequest) =>
  api.post<TIngestResponse>('/api/monitoring/submit-url', request);
