import { ZImportReport, type TImportReport } from '@loa/contracts';
import { api, ApiError } from './api';

// Apart from api.ts: only the screens that import a sheet load zod to read a rejected import's report.
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends an Excel file as the raw request body of an import endpoint; with `dryRun` nothing is written. The report
 * comes back with 200, or with 422 when rows are rejected (then nothing is written either).
 */
export async function postExcelImport(path: string, file: Blob, dryRun: boolean): Promise<TImportReport> {
  try {
    return await api.post<TImportReport>(path, undefined, {
      query: { dryRun: dryRun ? 'true' : 'false' },
      raw: { data: file, contentType: XLSX_CONTENT_TYPE },
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 422) {
      const report = ZImportReport.safeParse(error.body);
      if (report.success) return report.data;
    }
    throw error;
  }
}
