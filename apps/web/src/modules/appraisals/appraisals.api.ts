import type {
  TAppraisalQueueItem,
  TAppraisalState,
  TGiveOpinionInput,
  TPage,
  TProductAppraisals,
  TRequestAppraisalRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export interface QueueFilters {
  q?: string | undefined;
  state?: Exclude<TAppraisalState, 'withdrawn'> | undefined;
  overdue?: 'true' | undefined;
  sort?: string | undefined;
}

export const appraisalKeys = {
  all: ['appraisals'] as const,
  product: (productId: string) => ['appraisals', 'product', productId] as const,
  queue: (filters: QueueFilters, page: number, pageSize: number) =>
    ['appraisals', 'queue', filters, { page, pageSize }] as const,
};

const base = (productId: string) => `/api/products/${encodeURIComponent(productId)}`;

export function getProductAppraisals(productId: string): Promise<TProductAppraisals> {
  return api.get<TProductAppraisals>(`${base(productId)}/appraisals`);
}

export function requestAppraisal(productId: string, request: TRequestAppraisalRequest): Promise<TProductAppraisals> {
  return api.post<TProductAppraisals>(`${base(productId)}/appraisals`, request);
}

export function withdrawAppraisal(productId: string, appraisalId: string): Promise<TProductAppraisals> {
  return api.delete<TProductAppraisals>(`${base(productId)}/appraisals/${encodeURIComponent(appraisalId)}`);
}

export function giveOpinion(
  productId: string,
  appraisalId: string,
  input: TGiveOpinionInput,
): Promise<TProductAppraisals> {
  return api.post<TProductAppraisals>(
    `${base(productId)}/appraisals/${encodeURIComponent(appraisalId)}/opinions`,
    input,
  );
}

export function markReady(productId: string): Promise<TProductAppraisals> {
  return api.post<TProductAppraisals>(`${base(productId)}/ready`);
}

export const opinionFileUrl = (productId: string, appraisalId: string, fileId: string) =>
  `${base(productId)}/appraisals/${encodeURIComponent(appraisalId)}/files/${encodeURIComponent(fileId)}`;

export function listQueue(filters: QueueFilters, page: number, pageSize: number): Promise<TPage<TAppraisalQueueItem>> {
  return api.get<TPage<TAppraisalQueueItem>>('/api/appraisals/queue', { query: { ...filters, page, pageSize } });
}

export function exportQueue(filters: QueueFilters): Promise<void> {
  return downloadFile('/api/appraisals/queue/export.xlsx', { ...filters }, 'hang-cho-tham-dinh.xlsx');
}
