import type {
  TAllocation,
  TBudgetCategory,
  TBudgetSummary,
  TCreateAllocationRequest,
  TCreateExpenditureRequest,
  TCreateNormExceptionRequest,
  TCreateNormRequest,
  TEstimate,
  TEvent,
  TExceptionStatus,
  TExpenditure,
  TFiscalYearRow,
  TNorm,
  TNormException,
  TPage,
  TProduct,
  TPublicationPage,
  TPutEstimateRequest,
  TReverseRequest,
  TUpdateNormRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export interface AllocationFilters {
  q?: string | undefined;
  year?: number | undefined;
  unitId?: string | undefined;
  category?: TBudgetCategory | undefined;
  sort?: string | undefined;
}

export interface ExpenditureFilters {
  q?: string | undefined;
  year?: number | undefined;
  unitId?: string | undefined;
  subtree?: 'true' | 'false' | undefined;
  category?: TBudgetCategory | undefined;
  month?: number | undefined;
  eventId?: string | undefined;
  sort?: string | undefined;
}

export interface NormFilters {
  q?: string | undefined;
  category?: TBudgetCategory | undefined;
  validOn?: string | undefined;
  sort?: string | undefined;
}

export interface ExceptionFilters {
  status?: TExceptionStatus | undefined;
  year?: number | undefined;
  sort?: string | undefined;
}

export const budgetKeys = {
  all: ['budget'] as const,
  years: ['budget', 'years'] as const,
  summary: (year: number, unitId: string | undefined) => ['budget', 'summary', year, unitId] as const,
  allocations: (filters: AllocationFilters, page: number, pageSize: number) =>
    ['budget', 'allocations', filters, { page, pageSize }] as const,
  expenditures: (filters: ExpenditureFilters, page: number, pageSize: number) =>
    ['budget', 'expenditures', filters, { page, pageSize }] as const,
  expenditure: (id: string) => ['budget', 'expenditure', id] as const,
  norms: (filters: NormFilters, page: number, pageSize: number) =>
    ['budget', 'norms', filters, { page, pageSize }] as const,
  exceptions: (filters: ExceptionFilters, page: number, pageSize: number) =>
    ['budget', 'exceptions', filters, { page, pageSize }] as const,
  estimate: (year: number, unitId: string) => ['budget', 'estimate', year, unitId] as const,
};

const B = '/api/budget';
const id = (value: string) => encodeURIComponent(value);

export const listYears = () => api.get<TFiscalYearRow[]>(`${B}/years`);
export const openYear = (year: number) => api.post<TFiscalYearRow>(`${B}/years`, { year });
export const closeYear = (year: number) => api.post<TFiscalYearRow>(`${B}/years/${year}/close`);

export const getSummary = (year: number, unitId: string | undefined) =>
  api.get<TBudgetSummary>(`${B}/summary`, { query: { year, unitId } });
export const exportSummary = (year: number, unitId: string | undefined) =>
  downloadFile(`${B}/summary/export.xlsx`, { year, unitId }, `kinh-phi-${year}.xlsx`);

export const getEstimate = (year: number, unitId: string) =>
  api.get<TEstimate>(`${B}/estimates`, { query: { year, unitId } });
export const putEstimate = (unitId: string, year: number, request: TPutEstimateRequest) =>
  api.put<TEstimate>(`${B}/estimates/${id(unitId)}/${year}`, request);

export const listAllocations = (filters: AllocationFilters, page: number, pageSize: number) =>
  api.get<TPage<TAllocation>>(`${B}/allocations`, { query: { ...filters, page, pageSize } });
export const createAllocation = (request: TCreateAllocationRequest) =>
  api.post<TAllocation>(`${B}/allocations`, request);
export const reverseAllocation = (allocationId: string, request: TReverseRequest) =>
  api.post<TAllocation>(`${B}/allocations/${id(allocationId)}/reverse`, request);
export const exportAllocations = (filters: AllocationFilters) =>
  downloadFile(`${B}/allocations/export.xlsx`, { ...filters }, 'phan-bo-kinh-phi.xlsx');

export const listExpenditures = (filters: ExpenditureFilters, page: number, pageSize: number) =>
  api.get<TPage<TExpenditure>>(`${B}/expenditures`, { query: { ...filters, page, pageSize } });
export const getExpenditure = (expenditureId: string) =>
  api.get<TExpenditure>(`${B}/expenditures/${id(expenditureId)}`);
export const createExpenditure = (request: TCreateExpenditureRequest) =>
  api.post<TExpenditure>(`${B}/expenditures`, request);
export const reverseExpenditure = (expenditureId: string, request: TReverseRequest) =>
  api.post<TExpenditure>(`${B}/expenditures/${id(expenditureId)}/reverse`, request);
export const exportExpenditures = (filters: ExpenditureFilters) =>
  downloadFile(`${B}/expenditures/export.xlsx`, { ...filters }, 'chi-kinh-phi.xlsx');

export const listNorms = (filters: NormFilters, page: number, pageSize: number) =>
  api.get<TPage<TNorm>>(`${B}/norms`, { query: { ...filters, page, pageSize } });
export const createNorm = (request: TCreateNormRequest) => api.post<TNorm>(`${B}/norms`, request);
export const updateNorm = (normId: string, request: TUpdateNormRequest) =>
  api.patch<TNorm>(`${B}/norms/${id(normId)}`, request);
export const exportNorms = (filters: NormFilters) =>
  downloadFile(`${B}/norms/export.xlsx`, { ...filters }, 'dinh-muc-chi.xlsx');

export const listExceptions = (filters: ExceptionFilters, page: number, pageSize: number) =>
  api.get<TPage<TNormException>>(`${B}/exceptions`, { query: { ...filters, page, pageSize } });
export const requestException = (request: TCreateNormExceptionRequest) =>
  api.post<TNormException>(`${B}/exceptions`, request);
export const decideException = (exceptionId: string, decision: 'approve' | 'reject', reason: string) =>
  api.post<TNormException>(`${B}/exceptions/${id(exceptionId)}/${decision}`, { reason });

/** Records an expenditure may point at: searched in their own lists (the reader's scope applies there). */
export const searchEvents = (q: string) =>
  api.get<TPage<TEvent>>('/api/events', { query: { q, page: 1, pageSize: 20 } });
export const searchProducts = (q: string) =>
  api.get<TPage<TProduct>>('/api/products', { query: { q, page: 1, pageSize: 20 } });
export const searchPublications = (q: string) =>
  api.get<TPublicationPage>('/api/publications', { query: { q, page: 1, pageSize: 20 } });
