import type {
  TCreateShareRequest,
  TLeaderboard,
  TPage,
  TProductShares,
  TShare,
  TShareableProduct,
  TUpdateShareRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export interface LeaderboardFilters {
  unitId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const sharingKeys = {
  all: ['sharing'] as const,
  product: (productId: string) => ['sharing', 'product', productId] as const,
  mine: (q: string, page: number, pageSize: number) => ['sharing', 'mine', q, { page, pageSize }] as const,
  shareable: (q: string, page: number, pageSize: number) => ['sharing', 'shareable', q, { page, pageSize }] as const,
  leaderboard: (filters: LeaderboardFilters) => ['sharing', 'leaderboard', filters] as const,
};

export function listProductShares(productId: string): Promise<TProductShares> {
  return api.get<TProductShares>(`/api/products/${encodeURIComponent(productId)}/shares`);
}

export function createShare(productId: string, request: TCreateShareRequest): Promise<TShare> {
  return api.post<TShare>(`/api/products/${encodeURIComponent(productId)}/shares`, request);
}

export function updateShare(id: string, request: TUpdateShareRequest): Promise<TShare> {
  return api.patch<TShare>(`/api/shares/${encodeURIComponent(id)}`, request);
}

export function deleteShare(id: string): Promise<void> {
  return api.delete<void>(`/api/shares/${encodeURIComponent(id)}`);
}

export function listMyShares(q: string, page: number, pageSize: number): Promise<TPage<TShare>> {
  return api.get<TPage<TShare>>('/api/shares/mine', { query: { q: q || undefined, page, pageSize } });
}

export function listShareableProducts(q: string, page: number, pageSize: number): Promise<TPage<TShareableProduct>> {
  return api.get<TPage<TShareableProduct>>('/api/shares/shareable-products', {
    query: { q: q || undefined, page, pageSize },
  });
}

export function getLeaderboard(filters: LeaderboardFilters): Promise<TLeaderboard> {
  return api.get<TLeaderboard>('/api/shares/leaderboard', { query: { ...filters } });
}

export function downloadLeaderboard(filters: LeaderboardFilters): Promise<void> {
  return downloadFile('/api/shares/leaderboard', { ...filters, format: 'xlsx' }, 'chia-se.xlsx');
}
