import type {
  TAcceptProposalRequest,
  TCreateProposalRequest,
  TDeclineProposalRequest,
  TMergeProposalRequest,
  TPage,
  TProposal,
  TProposalDetail,
  TProposalKind,
  TProposalRules,
  TProposalStatus,
  TUnitRef,
  TUpdateProposalRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export interface ProposalFilters {
  q?: string | undefined;
  status?: TProposalStatus | undefined;
  kind?: TProposalKind | undefined;
  unitId?: string | undefined;
  themeCode?: string | undefined;
  month?: string | undefined;
  mine?: 'true' | undefined;
  sort?: string | undefined;
}

export const proposalKeys = {
  all: ['proposals'] as const,
  list: (filters: ProposalFilters, page: number, pageSize: number) =>
    ['proposals', 'list', filters, { page, pageSize }] as const,
  detail: (id: string) => ['proposals', 'detail', id] as const,
  search: (q: string) => ['proposals', 'search', q] as const,
  units: ['proposals', 'units'] as const,
  rules: ['proposals', 'rules'] as const,
};

const proposalPath = (id: string) => `/api/proposals/${encodeURIComponent(id)}`;

export function listProposals(filters: ProposalFilters, page: number, pageSize: number): Promise<TPage<TProposal>> {
  return api.get<TPage<TProposal>>('/api/proposals', { query: { ...filters, page, pageSize } });
}

/** A few proposals matching `q` that another one may be merged into (awaiting a decision or accepted). */
export async function searchMergeTargets(q: string, guidanceYear: number): Promise<TProposal[]> {
  const query = { q, guidanceYear, pageSize: 20 };
  const [open, accepted] = await Promise.all([
    api.get<TPage<TProposal>>('/api/proposals', { query: { ...query, status: 'submitted' } }),
    api.get<TPage<TProposal>>('/api/proposals', { query: { ...query, status: 'accepted' } }),
  ]);
  return [...open.items, ...accepted.items];
}

export function getProposal(id: string): Promise<TProposalDetail> {
  return api.get<TProposalDetail>(proposalPath(id));
}

export function createProposal(request: TCreateProposalRequest): Promise<TProposalDetail> {
  return api.post<TProposalDetail>('/api/proposals', request);
}

export function updateProposal(id: string, request: TUpdateProposalRequest): Promise<TProposalDetail> {
  return api.patch<TProposalDetail>(proposalPath(id), request);
}

export function withdrawProposal(id: string, version: number): Promise<TProposalDetail> {
  return api.post<TProposalDetail>(`${proposalPath(id)}/withdraw`, { version });
}

export function acceptProposal(id: string, request: TAcceptProposalRequest): Promise<TProposalDetail> {
  return api.post<TProposalDetail>(`${proposalPath(id)}/accept`, request);
}

export function mergeProposal(id: string, request: TMergeProposalRequest): Promise<TProposalDetail> {
  return api.post<TProposalDetail>(`${proposalPath(id)}/merge`, request);
}

export function declineProposal(id: string, request: TDeclineProposalRequest): Promise<TProposalDetail> {
  return api.post<TProposalDetail>(`${proposalPath(id)}/decline`, request);
}

/** Downloads the proposals matching the current filters as Excel. */
export function exportProposals(filters: ProposalFilters): Promise<void> {
  return downloadFile('/api/proposals/export.xlsx', { ...filters }, 'de-xuat-noi-dung.xlsx');
}

/** The proposing units of the proposals the user may see (the unit filter's options). */
export async function listProposingUnits(): Promise<TUnitRef[]> {
  return (await api.get<TPage<TUnitRef>>('/api/proposals/units')).items;
}

/** Today's period rules: the closing day and the first month still open. */
export function getProposalRules(): Promise<TProposalRules> {
  return api.get<TProposalRules>('/api/proposals/rules');
}
