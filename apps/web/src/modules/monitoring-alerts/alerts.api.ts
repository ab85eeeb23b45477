import type {
  MonitoringFlag,
  TAlert,
  TAlertCounts,
  TAlertKind,
  TAlertRule,
  TCreateAlertRuleRequest,
  TPage,
  TUpdateAlertRequest,
  TUpdateAlertRuleRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

/** The inbox's filters as the API takes them (`status` is a comma-separated list; absent means every status). */
export interface AlertFilters {
  q?: string | undefined;
  status?: string | undefined;
  kind?: TAlertKind | undefined;
  orgUnitId?: string | undefined;
  ruleId?: string | undefined;
  flag?: MonitoringFlag | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: string | undefined;
}

export interface AlertRuleFilters {
  q?: string | undefined;
  enabled?: 'true' | 'false' | undefined;
  orgUnitId?: string | undefined;
  sort?: string | undefined;
}

export const alertKeys = {
  all: ['monitoring-alerts'] as const,
  list: (filters: AlertFilters, page: number, pageSize: number) =>
    ['monitoring-alerts', 'list', filters, { page, pageSize }] as const,
  one: (id: string) => ['monitoring-alerts', 'one', id] as const,
  counts: ['monitoring-alerts', 'counts'] as const,
};

export const alertRuleKeys = {
  all: ['monitoring-alert-rules'] as const,
  list: (filters: AlertRuleFilters, page: number, pageSize: number) =>
    ['monitoring-alert-rules', 'list', filters, { page, pageSize }] as const,
  one: (id: string) => ['monitoring-alert-rules', 'one', id] as const,
};

const alertPath = (id: string) => `/api/monitoring/alerts/${encodeURIComponent(id)}`;
const rulePath = (id: string) => `/api/monitoring/alert-rules/${encodeURIComponent(id)}`;

export const listAlerts = (filters: AlertFilters, page: number, pageSize: number) =>
  api.get<TPage<TAlert>>('/api/monitoring/alerts', { query: { ...filters, page, pageSize } });

export const exportAlerts = (filters: AlertFilters) =>
  downloadFile('/api/monitoring/alerts/export.xlsx', { ...filters }, 'canh-bao-tin-bao-chi.xlsx');

export const fetchAlertCounts = () => api.get<TAlertCounts>('/api/monitoring/alerts/counts');

export const getAlert = (id: string) => api.get<TAlert>(alertPath(id));

export const updateAlert = (id: string, request: TUpdateAlertRequest) => api.patch<TAlert>(alertPath(id), request);

export const listAlertRules = (filters: AlertRuleFilters, page: number, pageSize: number) =>
  api.get<TPage<TAlertRule>>('/api/monitoring/alert-rules', { query: { ...filters, page, pageSize } });

export const exportAlertRules = (filters: AlertRuleFilters) =>
  downloadFile('/api/monitoring/alert-rules/export.xlsx', { ...filters }, 'quy-tac-canh-bao.xlsx');

export const getAlertRule = (id: string) => api.get<TAlertRule>(rulePath(id));

export const createAlertRule = (request: TCreateAlertRuleRequest) =>
  api.post<TAlertRule>('/api/monitoring/alert-rules', request);

export const updateAlertRule = (id: string, request: TUpdateAlertRuleRequest) =>
  api.patch<TAlertRule>(rulePath(id), request);

export const deleteAlertRule = (id: string) => api.delete<void>(rulePath(id));
