import type { TRunJobResponse, TScheduledJobList } from '@loa/contracts';
import { api } from '../../shared/api';

export const scheduledJobsKey = ['scheduled-jobs'] as const;

export function listScheduledJobs(): Promise<TScheduledJobList> {
  return api.get<TScheduledJobList>('/api/admin/jobs');
}

export function runScheduledJob(name: string): Promise<TRunJobResponse> {
  return api.post<TRunJobResponse>(`/api/admin/jobs/${encodeURIComponent(name)}/run`, {});
}
