import type { TCoverageQuery, TGuidanceCoverage } from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export const coverageKeys = {
  all: ['coverage'] as const,
  matrix: (query: TCoverageQuery) => ['coverage', 'matrix', query] as const,
};

/** The coverage matrix of a period, scope, axis and measure, with the uncovered themes. */
export function getCoverage(query: TCoverageQuery, signal?: AbortSignal): Promise<TGuidanceCoverage> {
  return api.get<TGuidanceCoverage>('/api/dashboard/coverage', { query: { ...query }, signal });
}

/** The same matrix as Excel: the matrix, every cell's counts, the uncovered themes. */
export function exportCoverage(query: TCoverageQuery): Promise<void> {
  return downloadFile('/api/dashboard/coverage/export.xlsx', { ...query }, 'do-phu-noi-dung.xlsx');
}
