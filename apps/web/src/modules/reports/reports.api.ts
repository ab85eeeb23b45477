import type {
  TCreateReportRequest,
  TCreateReportTemplateRequest,
  TPage,
  TReport,
  TReportFormat,
  TReportPeriodKind,
  TReportStatus,
  TReportSummary,
  TReportTemplate,
  TUpdateReportRequest,
  TUpdateReportTemplateRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

/** The list's filters as they sit in the URL (and go to `GET /api/reports`). */
export interface ReportFilters {
  q?: string | undefined;
  status?: TReportStatus | undefined;
  periodKind?: TReportPeriodKind | undefined;
  year?: number | undefined;
  orgUnitId?: string | undefined;
  sort?: string | undefined;
}

export const reportKeys = {
  all: ['reports'] as const,
  lists: ['reports', 'list'] as const,
  list: (filters: ReportFilters, page: number, pageSize: number) =>
    ['reports', 'list', filters, { page, pageSize }] as const,
  detail: (id: string) => ['reports', 'detail', id] as const,
  templates: ['reports', 'templates'] as const,
};

const reportPath = (id: string) => `/api/reports/${encodeURIComponent(id)}`;
const templatePath = (id: string) => `/api/report-templates/${encodeURIComponent(id)}`;

export function listReports(filters: ReportFilters, page: number, pageSize: number): Promise<TPage<TReportSummary>> {
  return api.get<TPage<TReportSummary>>('/api/reports', { query: { ...filters, page, pageSize } });
}

/** The reports matching the filters as Excel (the same columns as the list). */
export function exportReports(filters: ReportFilters): Promise<void> {
  return downloadFile('/api/reports/export.xlsx', { ...filters }, 'bao-cao.xlsx');
}

export function getReport(id: string): Promise<TReport> {
  return api.get<TReport>(reportPath(id));
}

export function createReport(request: TCreateReportRequest): Promise<TReport> {
  return api.post<TReport>('/api/reports', request);
}

export function updateReport(id: string, request: TUpdateReportRequest): Promise<TReport> {
  return api.patch<TReport>(reportPath(id), request);
}

export function regenerateReport(id: string, version: number, resetText: boolean): Promise<TReport> {
  return api.post<TReport>(`${reportPath(id)}/regenerate`, { version, ...(resetText ? { resetText } : {}) });
}

export function approveReport(id: string, version: number): Promise<TReport> {
  return api.post<TReport>(`${reportPath(id)}/approve`, { version });
}

export function archiveReport(id: string, version: number): Promise<TReport> {
  return api.post<TReport>(`${reportPath(id)}/archive`, { version });
}

export function deleteReport(id: string): Promise<void> {
  return api.delete(reportPath(id));
}

/** Where a generated document downloads from (a plain link: the session cookie goes with it). */
export const documentUrl = (id: string, format: TReportFormat) => `${reportPath(id)}/document.${format}`;

/** Every template, the default first (a handful). */
export function listTemplates(): Promise<TReportTemplate[]> {
  return api.get<TReportTemplate[]>('/api/report-templates');
}

export function createTemplate(request: TCreateReportTemplateRequest): Promise<TReportTemplate> {
  return api.post<TReportTemplate>('/api/report-templates', request);
}

export function updateTemplate(id: string, request: TUpdateReportTemplateRequest): Promise<TReportTemplate> {
  return api.patch<TReportTemplate>(templatePath(id), request);
}

export function deleteTemplate(id: string): Promise<void> {
  return api.delete(templatePath(id));
}
