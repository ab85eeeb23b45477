import type {
  TContractStatus,
  TCreateAcceptanceRequest,
  TCreateContractPaymentRequest,
  TCreateDeliverableRequest,
  TCreatePressContractRequest,
  TLinkPublicationRequest,
  TOutlet,
  TPage,
  TPressContract,
  TPressContractSummary,
  TPublication,
  TUpdatePressContractRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export interface ContractFilters {
  q?: string | undefined;
  year?: number | undefined;
  status?: TContractStatus | undefined;
  outletId?: string | undefined;
  sort?: string | undefined;
}

export const contractKeys = {
  all: ['press-contracts'] as const,
  list: (filters: ContractFilters, page: number, pageSize: number) =>
    ['press-contracts', 'list', filters, { page, pageSize }] as const,
  one: (id: string) => ['press-contracts', 'one', id] as const,
};

const path = (id: string) => `/api/press/contracts/${encodeURIComponent(id)}`;

export const listContracts = (filters: ContractFilters, page: number, pageSize: number) =>
  api.get<TPage<TPressContractSummary>>('/api/press/contracts', { query: { ...filters, page, pageSize } });
export const exportContracts = (filters: ContractFilters) =>
  downloadFile('/api/press/contracts/export.xlsx', { ...filters }, 'hop-dong-bao-chi.xlsx');
export const getContract = (id: string) => api.get<TPressContract>(path(id));
export const createContract = (request: TCreatePressContractRequest) =>
  api.post<TPressContract>('/api/press/contracts', request);
export const updateContract = (id: string, request: TUpdatePressContractRequest) =>
  api.patch<TPressContract>(path(id), request);
export const signContract = (id: string, signedOn: string, version: number) =>
  api.post<TPressContract>(`${path(id)}/sign`, { signedOn, version });
export const completeContract = (id: string, version: number) =>
  api.post<TPressContract>(`${path(id)}/complete`, { version });
export const terminateContract = (id: string, reason: string, version: number) =>
  api.post<TPressContract>(`${path(id)}/terminate`, { reason, version });
export const addDeliverable = (id: string, request: TCreateDeliverableRequest) =>
  api.post<TPressContract>(`${path(id)}/deliverables`, request);
export const removeDeliverable = (id: string, deliverableId: string) =>
  api.delete(`${path(id)}/deliverables/${encodeURIComponent(deliverableId)}`);
export const linkPublication = (id: string, request: TLinkPublicationRequest) =>
  api.post<TPressContract>(`${path(id)}/publications`, request);
export const unlinkPublication = (id: string, linkId: string) =>
  api.delete(`${path(id)}/publications/${encodeURIComponent(linkId)}`);
export const recordAcceptance = (id: string, request: TCreateAcceptanceRequest) =>
  api.post<TPressContract>(`${path(id)}/acceptances`, request);
export const recordPayment = (id: string, request: TCreateContractPaymentRequest) =>
  api.post<TPressContract>(`${path(id)}/payments`, request);
export const attachFile = (id: string, fileId: string) => api.post<TPressContract>(`${path(id)}/files`, { fileId });
export const detachFile = (id: string, fileId: string) => api.delete(`${path(id)}/files/${encodeURIComponent(fileId)}`);
export const contractFileUrl = (id: string, fileId: string) => `${path(id)}/files/${encodeURIComponent(fileId)}`;

/** Outlets the user may see (kept in their scope), for the contract form and the filter. */
export const listOutletOptions = (q: string | undefined) =>
  api.get<TPage<TOutlet>>('/api/press/outlets', { query: { q, active: 'true', page: 1, pageSize: 50 } });
/** Publications of the user's scope within the contract period, for the picker. */
export const searchPublications = (q: string | undefined, from: string, to: string) =>
  api.get<TPage<TPublication>>('/api/publications', { query: { q, from, to, page: 1, pageSize: 20 } });
