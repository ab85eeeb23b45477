import type {
  TAgent,
  TAgentPlace,
  TAgentType,
  TCreateAgentRequest,
  TImportReport,
  TPage,
  TPublicAgentArea,
  TPublicAgentPage,
  TUpdateAgentRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';
import { postExcelImport } from '../../shared/excel-import';

export interface AgentFilters {
  q?: string | undefined;
  type?: TAgentType | undefined;
  provinceCode?: string | undefined;
  districtCode?: string | undefined;
  active?: 'true' | 'false' | undefined;
  sort?: string | undefined;
}

export interface PublicAgentFilters {
  province?: string | undefined;
  district?: string | undefined;
  commune?: string | undefined;
  q?: string | undefined;
}

export const agentKeys = {
  all: ['agents'] as const,
  list: (filters: AgentFilters, page: number, pageSize: number) =>
    ['agents', 'list', filters, { page, pageSize }] as const,
  places: (parent: string | null) => ['agents', 'places', parent] as const,
  public: (filters: PublicAgentFilters) => ['public-agents', 'list', filters] as const,
  publicProvinces: ['public-agents', 'provinces'] as const,
  publicPlaces: (province: string) => ['public-agents', 'places', province] as const,
};

const agentPath = (id: string) => `/api/agents/${encodeURIComponent(id)}`;

export function listAgents(filters: AgentFilters, page: number, pageSize: number): Promise<TPage<TAgent>> {
  return api.get<TPage<TAgent>>('/api/agents', { query: { ...filters, page, pageSize } });
}

export function createAgent(request: TCreateAgentRequest): Promise<TAgent> {
  return api.post<TAgent>('/api/agents', request);
}

export function updateAgent(id: string, request: TUpdateAgentRequest): Promise<TAgent> {
  return api.patch<TAgent>(agentPath(id), request);
}

export function deleteAgent(agent: TAgent): Promise<void> {
  return api.delete(agentPath(agent.id), { query: { version: agent.version } });
}

/** Provinces (no parent), or the districts and communes under a place, of the agency's structure. */
export function listPlaces(parent: string | null): Promise<TAgentPlace[]> {
  return api.get<TAgentPlace[]>('/api/agents/places', { query: { parent: parent ?? undefined } });
}

export function exportAgents(filters: AgentFilters): Promise<void> {
  return downloadFile('/api/agents/export.xlsx', { ...filters }, 'dai-ly-thu.xlsx');
}

export function downloadAgentTemplate(): Promise<void> {
  return downloadFile('/api/agents/import-template.xlsx', {}, 'mau-dai-ly-thu.xlsx');
}

export function importAgents(file: Blob, dryRun: boolean): Promise<TImportReport> {
  return postExcelImport('/api/agents/import', file, dryRun);
}

// ---- Public page (no session) ----

export function findPublicAgents(filters: PublicAgentFilters, page: number): Promise<TPublicAgentPage> {
  return api.get<TPublicAgentPage>('/api/public/agents', { query: { ...filters, page } });
}

export function listPublicProvinces(): Promise<TPublicAgentArea[]> {
  return api.get<TPublicAgentArea[]>('/api/public/agents/provinces');
}

export function listPublicPlaces(province: string): Promise<TPublicAgentArea[]> {
  return api.get<TPublicAgentArea[]>('/api/public/agents/places', { query: { province } });
}
