export { createReportsService, type ReportsService } from './reports.service.js';
export { createReportTemplatesService, type ReportTemplatesService } from './report-templates.service.js';
export {
  createReportGeneration,
  renderReportDocuments,
  type ReportFigureSources,
  type ReportFiles,
  type ReportGeneration,
} from './report-generation.service.js';
export { buildReportDocument, type ReportContent } from './report-document.js';
export { reportsRepository } from './reports.repository.js';
export { reportTemplatesRepository } from './report-templates.repository.js';
export { registerReportsRoutes } from './reports.routes.js';
export { generateReportJob, GENERATE_REPORT_JOB } from './generate-report.job.js';
