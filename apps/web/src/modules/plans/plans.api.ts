import type {
  TCreatePlanRequest,
  TPlanDetail,
  TPlanStatus,
  TPlanTargetInput,
  TPlanTree,
  TUpdatePlanRequest,
} from '@loa/contracts';
import { api, downloadFile } from '../../shared/api';

export const planKeys = {
  all: ['plans'] as const,
  tree: (year: number) => ['plans', 'tree', year] as const,
  detail: (id: string) => ['plans', 'detail', id] as const,
};

const planPath = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

/** The units of the user's scope with their plan of `year` and headline figures. */
export function getPlanTree(year: number): Promise<TPlanTree> {
  return api.get<TPlanTree>('/api/plans/tree', { query: { year } });
}

export function getPlan(id: string): Promise<TPlanDetail> {
  return api.get<TPlanDetail>(planPath(id));
}

export function createPlan(request: TCreatePlanRequest): Promise<TPlanDetail> {
  return api.post<TPlanDetail>('/api/plans', request);
}

export function updatePlan(id: string, request: TUpdatePlanRequest): Promise<TPlanDetail> {
  return api.patch<TPlanDetail>(planPath(id), request);
}

export function replaceTargets(id: string, version: number, targets: TPlanTargetInput[]): Promise<TPlanDetail> {
  return api.put<TPlanDetail>(`${planPath(id)}/targets`, { version, targets });
}

export type PlanTransition = 'submit' | 'approve' | 'return';

export function transitionPlan(
  id: string,
  action: PlanTransition,
  version: number,
  reason?: string,
): Promise<TPlanDetail> {
  return api.post<TPlanDetail>(`${planPath(id)}/${action}`, { version, ...(reason !== undefined ? { reason } : {}) });
}

export function deletePlan(id: string): Promise<void> {
  return api.delete(planPath(id));
}

/** Downloads the plans of `year` in the user's scope, with their yearly targets, as Excel. */
export function exportPlans(year: number, status?: TPlanStatus): Promise<void> {
  return downloadFile('/api/plans/export.xlsx', { year, status, pageSize: 1000 }, `ke-hoach-${year}.xlsx`);
}
