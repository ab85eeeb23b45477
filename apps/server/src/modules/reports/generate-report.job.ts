import { z } from 'zod';
import { defineJob } from '../../platform/jobs/jobs.js';
import type { GenerationOutcome } from './report-generation.service.js';

export const GENERATE_REPORT_JOB = 'reports.generate';

/**
 * Generates one version of a report's documents (DOCX, PDF, XLSX), reporting progress in the report's row.
 * Idempotent: a report that has moved past `version` is left alone. A failed generation is recorded on the report for
 * the user to retry; the queue retries only when even that could not be written.
 */
export function generateReportJob(generate: (reportId: string, version: number) => Promise<GenerationOutcome>) {
  return defineJob({
    name: GENERATE_REPORT_JOB,
    payload: z.object({ reportId: z.uuid(), version: z.number().int().min(1) }),
    retryLimit: 2,
    retryDelaySeconds: 10,
    async handler({ reportId, version }) {
      await generate(reportId, version);
    },
  });
}
