import type {
  TCampaign,
  TCampaignCandidate,
  TCampaignDetail,
  TCampaignLinkRequest,
  TCampaignLinkType,
  TCampaignStatus,
  TCampaignStatusRequest,
  TCampaignUnitOption,
  TCreateCampaignRequest,
  TPage,
  TUpdateCampaignRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export interface CampaignFilters {
  q?: string | undefined;
  status?: TCampaignStatus | undefined;
  unitId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: string | undefined;
  eventId?: string | undefined;
}

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (filters: CampaignFilters, page: number, pageSize: number) =>
    ['campaigns', 'list', filters, { page, pageSize }] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
  candidates: (id: string, type: TCampaignLinkType, q: string) => ['campaigns', 'candidates', id, type, q] as const,
  units: (q: string) => ['campaigns', 'unit-options', q] as const,
};

const campaignPath = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

export function listCampaigns(filters: CampaignFilters, page: number, pageSize: number) {
  return api.get<TPage<TCampaign>>('/api/campaigns', { query: { ...filters, page, pageSize } });
}

export function getCampaign(id: string) {
  return api.get<TCampaignDetail>(campaignPath(id));
}

export function createCampaign(request: TCreateCampaignRequest) {
  return api.post<TCampaignDetail>('/api/campaigns', request);
}

export function updateCampaign(id: string, request: TUpdateCampaignRequest) {
  return api.patch<TCampaignDetail>(campaignPath(id), request);
}

export function changeCampaignStatus(id: string, request: TCampaignStatusRequest) {
  return api.post<TCampaignDetail>(`${campaignPath(id)}/status`, request);
}

export function linkItem(id: string, request: TCampaignLinkRequest) {
  return api.post<TCampaignDetail>(`${campaignPath(id)}/links`, request);
}

export function unlinkItem(id: string, type: TCampaignLinkType, itemId: string) {
  return api.delete<void>(`${campaignPath(id)}/links/${type}/${encodeURIComponent(itemId)}`);
}

export function listCandidates(id: string, type: TCampaignLinkType, q: string) {
  return api.get<TPage<TCampaignCandidate>>(`${campaignPath(id)}/candidates`, { query: { type, q, pageSize: 50 } });
}

export function listUnitOptions(q: string) {
  return api.get<TPage<TCampaignUnitOption>>('/api/campaigns/unit-options', { query: { q, pageSize: 50 } });
}

export function exportCampaigns(filters: CampaignFilters): Promise<void> {
  return downloadFile('/api/campaigns/export.xlsx', { ...filters }, 'chien-dich.xlsx');
}

export function exportProgress(id: string): Promise<void> {
  return downloadFile(`${campaignPath(id)}/progress.xlsx`, {}, 'tien-do-chien-dich.xlsx');
}
