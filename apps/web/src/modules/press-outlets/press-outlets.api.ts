import type {
  TAddContactHistoryRequest,
  TContact,
  TContactHistoryEntry,
  TContactRole,
  TCreateContactRequest,
  TCreateOutletRequest,
  TImportReport,
  TOutlet,
  TOutletKind,
  TPage,
  TUpdateContactRequest,
  TUpdateOutletRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';
import { postExcelImport } from '../../shared/excel-import';

export interface OutletFilters {
  q?: string | undefined;
  kind?: TOutletKind | undefined;
  active?: 'true' | 'false' | undefined;
  sort?: string | undefined;
}

export interface ContactFilters {
  q?: string | undefined;
  role?: TContactRole | undefined;
  outletId?: string | undefined;
  sort?: string | undefined;
}

export const pressKeys = {
  all: ['press-outlets'] as const,
  outlets: (filters: OutletFilters, page: number, pageSize: number) =>
    ['press-outlets', 'outlets', filters, { page, pageSize }] as const,
  contacts: (filters: ContactFilters, page: number, pageSize: number) =>
    ['press-outlets', 'contacts', filters, { page, pageSize }] as const,
  history: (contactId: string) => ['press-outlets', 'history', contactId] as const,
};

const outletPath = (id: string) => `/api/press/outlets/${encodeURIComponent(id)}`;
const contactPath = (id: string) => `/api/press/contacts/${encodeURIComponent(id)}`;

export const listOutlets = (filters: OutletFilters, page: number, pageSize: number) =>
  api.get<TPage<TOutlet>>('/api/press/outlets', { query: { ...filters, page, pageSize } });
export const createOutlet = (request: TCreateOutletRequest) => api.post<TOutlet>('/api/press/outlets', request);
export const updateOutlet = (id: string, request: TUpdateOutletRequest) => api.patch<TOutlet>(outletPath(id), request);

export const listContacts = (filters: ContactFilters, page: number, pageSize: number) =>
  api.get<TPage<TContact>>('/api/press/contacts', { query: { ...filters, page, pageSize } });
export const createContact = (request: TCreateContactRequest) => api.post<TContact>('/api/press/contacts', request);
export const updateContact = (id: string, request: TUpdateContactRequest) =>
  api.patch<TContact>(contactPath(id), request);
export const listHistory = (id: string) => api.get<TContactHistoryEntry[]>(`${contactPath(id)}/history`);
export const addHistory = (id: string, request: TAddContactHistoryRequest) =>
  api.post<TContactHistoryEntry>(`${contactPath(id)}/history`, request);

export const exportOutlets = (filters: OutletFilters) =>
  downloadFile('/api/press/outlets/export.xlsx', { ...filters }, 'co-quan-bao-chi.xlsx');
export const exportContacts = (filters: ContactFilters) =>
  downloadFile('/api/press/contacts/export.xlsx', { ...filters }, 'nguoi-lien-he-bao-chi.xlsx');
export const downloadOutletTemplate = () =>
  downloadFile('/api/press/outlets/import-template.xlsx', {}, 'mau-co-quan-bao-chi.xlsx');
export const downloadContactTemplate = () =>
  downloadFile('/api/press/contacts/import-template.xlsx', {}, 'mau-nguoi-lien-he.xlsx');
export const importOutlets = (file: Blob, dryRun: boolean): Promise<TImportReport> =>
  postExcelImport('/api/press/outlets/import', file, dryRun);
export const importContacts = (file: Blob, dryRun: boolean): Promise<TImportReport> =>
  postExcelImport('/api/press/contacts/import', file, dryRun);

/** The provinces of the agency's structure (the administrative units the agents directory serves), for the area. */
export const listProvinces = () => api.get<{ code: string; name: string }[]>('/api/agents/places');
