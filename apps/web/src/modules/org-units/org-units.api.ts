import {
  MAX_PAGE_SIZE,
  type TCreateOrgUnitRequest,
  type TImportReport,
  type TOrgUnit,
  type TPage,
  type TUnitKind,
  type TUpdateOrgUnitRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';
import { postExcelImport } from '../../shared/excel-import';

export interface OrgUnitListParams {
  q?: string | undefined;
  kind?: TUnitKind | undefined;
  page: number;
  pageSize: number;
  sort?: string | undefined;
}

export const orgUnitKeys = {
  all: ['org-units'] as const,
  scope: ['org-units', 'scope'] as const,
  list: (params: OrgUnitListParams) => ['org-units', 'list', params] as const,
};

/** Every unit the user may see, sorted by code; fetched page by page so large trees arrive whole. */
export async function fetchUnitsInScope(): Promise<TOrgUnit[]> {
  const units: TOrgUnit[] = [];
  for (let page = 1; ; page += 1) {
    const result = await api.get<TPage<TOrgUnit>>('/api/org-units', {
      query: { page, pageSize: MAX_PAGE_SIZE, sort: 'code' },
    });
    units.push(...result.items);
    if (result.items.length < MAX_PAGE_SIZE || units.length >= result.total) return units;
  }
}

export function listUnits(params: OrgUnitListParams): Promise<TPage<TOrgUnit>> {
  return api.get<TPage<TOrgUnit>>('/api/org-units', { query: { ...params } });
}

export function createUnit(request: TCreateOrgUnitRequest): Promise<TOrgUnit> {
  return api.post<TOrgUnit>('/api/org-units', request);
}

/** Saves changed fields; `version` guards against overwriting someone else's edit. */
export function updateUnit(id: string, request: TUpdateOrgUnitRequest): Promise<TOrgUnit> {
  return api.patch<TOrgUnit>(`/api/org-units/${encodeURIComponent(id)}`, request);
}

export function deleteUnit(id: string): Promise<void> {
  return api.delete<void>(`/api/org-units/${encodeURIComponent(id)}`);
}

export function exportUnits(): Promise<void> {
  return downloadFile('/api/org-units/export.xlsx', {}, 'don-vi.xlsx');
}

/** Checks (`dryRun`) or imports an Excel file; rejected rows come back in the report and nothing is written. */
export function importUnits(file: Blob, dryRun: boolean): Promise<TImportReport> {
  return postExcelImport('/api/org-units/import', file, dryRun);
}
