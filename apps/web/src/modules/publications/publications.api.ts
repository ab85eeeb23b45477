import type {
  TCreatePublicationRequest,
  TImportReport,
  TMetricReading,
  TPublication,
  TPublicationChannel,
  TPublicationPage,
  TRecordMetricsRequest,
  TUpdatePublicationRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';
import { postExcelImport } from '../../shared/excel-import';

export interface PublicationFilters {
  q?: string | undefined;
  productId?: string | undefined;
  channel?: TPublicationChannel | undefined;
  unitId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: string | undefined;
}

export const publicationKeys = {
  all: ['publications'] as const,
  list: (filters: PublicationFilters, page: number, pageSize: number) =>
    ['publications', 'list', filters, { page, pageSize }] as const,
  metrics: (id: string) => ['publications', 'metrics', id] as const,
};

const path = (id: string) => `/api/publications/${encodeURIComponent(id)}`;

export function listPublications(
  filters: PublicationFilters,
  page: number,
  pageSize: number,
): Promise<TPublicationPage> {
  return api.get<TPublicationPage>('/api/publications', { query: { ...filters, page, pageSize } });
}

export function exportPublications(filters: PublicationFilters): Promise<void> {
  return downloadFile('/api/publications/export.xlsx', { ...filters }, 'dang-phat.xlsx');
}

export function createPublication(request: TCreatePublicationRequest): Promise<TPublication> {
  return api.post<TPublication>('/api/publications', request);
}

export function updatePublication(id: string, request: TUpdatePublicationRequest): Promise<TPublication> {
  return api.patch<TPublication>(path(id), request);
}

export function deletePublication(id: string, version: number): Promise<void> {
  return api.delete<void>(path(id), { query: { version } });
}

export const proofsUrl = (id: string) => `${path(id)}/proofs`;
export const proofContentUrl = (id: string, fileId: string) => `${proofsUrl(id)}/${encodeURIComponent(fileId)}/content`;

export function removeProof(id: string, fileId: string): Promise<void> {
  return api.delete<void>(`${proofsUrl(id)}/${encodeURIComponent(fileId)}`);
}

export function metricHistory(id: string): Promise<TMetricReading[]> {
  return api.get<TMetricReading[]>(`${path(id)}/metrics`);
}

export function recordMetrics(id: string, request: TRecordMetricsRequest): Promise<TPublication> {
  return api.post<TPublication>(`${path(id)}/metrics`, request);
}

export function downloadMetricsTemplate(): Promise<void> {
  return downloadFile('/api/publications/metrics/template', {}, 'mau-so-lieu-tiep-can.xlsx');
}

/** Sends an .xlsx or a platform's .csv export (the server tells them apart by their content). */
export function importMetrics(file: File, dryRun: boolean): Promise<TImportReport> {
  return postExcelImport('/api/publications/metrics/import', file, dryRun);
}
