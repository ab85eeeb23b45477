import type { TPlanActual, TPlanActualQuery } from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export const planActualKeys = {
  all: ['plan-actual'] as const,
  view: (query: TPlanActualQuery) => ['plan-actual', query] as const,
};

/** A unit's targets of the year against its results, with its children ranked. */
export function getPlanActual(query: TPlanActualQuery, signal?: AbortSignal): Promise<TPlanActual> {
  return api.get<TPlanActual>('/api/dashboard/plan-actual', { query: { ...query }, signal });
}

/** The same view as Excel: the scope, one row per child, the months. */
export function exportPlanActual(query: TPlanActualQuery): Promise<void> {
  return downloadFile('/api/dashboard/plan-actual/export.xlsx', { ...query }, `ke-hoach-thuc-hien-${query.year}.xlsx`);
}
