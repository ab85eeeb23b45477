import type { TDashboard, TDashboardFigure, TDashboardQuery, TDrillRecord, TPage } from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  figures: (query: TDashboardQuery) => ['dashboard', 'figures', query] as const,
  drill: (query: TDashboardQuery, figure: TDashboardFigure, page: number, pageSize: number) =>
    ['dashboard', 'drill', query, figure, { page, pageSize }] as const,
  map: (set: string) => ['dashboard', 'map', set] as const,
};

/** The figures of a period and scope, with last year's, the breakdowns, the months and the child units. */
export function getDashboard(query: TDashboardQuery, signal?: AbortSignal): Promise<TDashboard> {
  return api.get<TDashboard>('/api/dashboard', { query: { ...query }, signal });
}

/** One page of the records behind a figure. */
export function getDrill(
  query: TDashboardQuery,
  figure: TDashboardFigure,
  page: number,
  pageSize: number,
): Promise<TPage<TDrillRecord>> {
  return api.get<TPage<TDrillRecord>>('/api/dashboard/drill', { query: { ...query, figure, page, pageSize } });
}

/** The scope's figures and its child units' as Excel (the same numbers as the screen). */
export function exportDashboard(query: TDashboardQuery): Promise<void> {
  return downloadFile('/api/dashboard/export.xlsx', { ...query }, 'bang-dieu-khien.xlsx');
}

/** Every record behind a figure as Excel. */
export function exportDrill(query: TDashboardQuery, figure: TDashboardFigure): Promise<void> {
  return downloadFile('/api/dashboard/drill/export.xlsx', { ...query, figure }, `bang-dieu-khien-${figure}.xlsx`);
}
