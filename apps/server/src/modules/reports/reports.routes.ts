import {
  REPORT_FORMATS,
  REPORT_PERIOD_KIND_LABELS,
  REPORT_STATUS_LABELS,
  reportPeriodLabel,
  viDate,
  ZCreateReportRequest,
  ZCreateReportTemplateRequest,
  ZId,
  ZRegenerateReportRequest,
  ZReport,
  ZReportActionRequest,
  ZReportListQuery,
  ZReportSummary,
  ZReportTemplate,
  ZUpdateReportRequest,
  ZUpdateReportTemplateRequest,
  zPage,
  type TReportFormat,
  type TReportSummary,
  type TRole,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { ReportTemplatesService } from './report-templates.service.js';
import type { ReportsService } from './reports.service.js';

const tags = ['reports'];
const ZIdParams = z.strictObject({ id: ZId });

const CONTENT_TYPES: Record<TReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: XLSX_TYPE,
};

const COLUMNS: ExcelColumn<TReportSummary>[] = [
  { key: 'unit', header: 'Đơn vị', width: 32, value: (r) => r.orgUnit.name },
  { key: 'kind', header: 'Loại báo cáo', width: 18, value: (r) => REPORT_PERIOD_KIND_LABELS[r.period.kind].vi },
  { key: 'period', header: 'Kỳ báo cáo', width: 22, value: (r) => reportPeriodLabel(r.period, 'vi') },
  { key: 'from', header: 'Từ ngày', width: 12, value: (r) => viDate(r.from) },
  { key: 'to', header: 'Đến ngày', width: 12, value: (r) => viDate(r.to) },
  { key: 'number', header: 'Số, ký hiệu', width: 16, value: (r) => r.number },
  { key: 'subject', header: 'Trích yếu', width: 60, value: (r) => r.subject },
  { key: 'status', header: 'Trạng thái', width: 14, value: (r) => REPORT_STATUS_LABELS[r.status].vi },
  { key: 'createdBy', header: 'Người lập', width: 24, value: (r) => r.createdBy.fullName },
  { key: 'approvedBy', header: 'Người duyệt', width: 24, value: (r) => r.approvedBy?.fullName ?? null },
  {
    key: 'approvedAt',
    header: 'Ngày duyệt',
    width: 14,
    value: (r) => (r.approvedAt ? viDate(vietnamDay(r.approvedAt)) : null),
  },
];

/** The Vietnam calendar day (UTC+7) of an instant. */
function vietnamDay(instant: string): string {
  return new Date(new Date(instant).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The roles that draft reports (reports.policy.ts `canDraft`); the creator of a draft is one of them. */
const DRAFTERS: TRole[] = ['admin', 'leader', 'comms_center', 'unit_officer', 'province_officer', 'district_officer'];

export function registerReportsRoutes(app: HttpApp, service: ReportsService, templates: ReportTemplatesService): void {
  app.get(
    '/api/reports',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Reports of my scope',
        querystring: ZReportListQuery,
        response: { 200: zPage(ZReportSummary) },
      },
    },
    async (request) => service.listReports(actorOf(request), request.query),
  );

  app.get(
    '/api/reports/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Reports matching the filters, as Excel', querystring: ZReportListQuery },
    },
    async (request, reply) => {
      const { items } = await service.listReports(actorOf(request), request.query, true);
      const body = await workbook('Bao cao', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('bao-cao.xlsx')).send(body);
    },
  );

  app.post(
    '/api/reports',
    {
      config: allow(DRAFTERS, 'unit'),
      schema: {
        tags,
        summary: 'Start a report of a unit and period (its generation is queued); 409 when one exists',
        body: ZCreateReportRequest,
        response: { 201: ZReport },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createReport(actorOf(request), request.body)),
  );

  app.get(
    '/api/reports/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'One report, with its generation progress',
        params: ZIdParams,
        response: { 200: ZReport },
      },
    },
    async (request) => service.getReport(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/reports/:id',
    {
      config: allow(DRAFTERS, 'unit'),
      schema: {
        tags,
        summary: 'Edit a draft; its documents are generated again',
        params: ZIdParams,
        body: ZUpdateReportRequest,
        response: { 200: ZReport },
      },
    },
    async (request) => service.updateReport(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/reports/:id/regenerate',
    {
      config: allow(DRAFTERS, 'unit'),
      schema: {
        tags,
        summary: "Read the figures again and regenerate a draft's documents",
        params: ZIdParams,
        body: ZRegenerateReportRequest,
        response: { 200: ZReport },
      },
    },
    async (request) => service.regenerateReport(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/reports/:id/approve',
    {
      config: allow(['leader'], 'unit'),
      schema: {
        tags,
        summary: 'Approve a draft (leaders of the unit); its documents are frozen',
        params: ZIdParams,
        body: ZReportActionRequest,
        response: { 200: ZReport },
      },
    },
    async (request) => service.approveReport(actorOf(request), request.params.id, request.body.version),
  );

  app.post(
    '/api/reports/:id/archive',
    {
      config: allow(['leader'], 'unit'),
      schema: {
        tags,
        summary: 'Archive a report (leaders)',
        params: ZIdParams,
        body: ZReportActionRequest,
        response: { 200: ZReport },
      },
    },
    async (request) => service.archiveReport(actorOf(request), request.params.id, request.body.version),
  );

  app.delete(
    '/api/reports/:id',
    {
      config: allow(DRAFTERS, 'unit'),
      schema: { tags, summary: 'Delete a draft (its creator or a leader)', params: ZIdParams },
    },
    async (request, reply) => {
      await service.deleteReport(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  for (const format of REPORT_FORMATS) {
    app.get(
      `/api/reports/:id/document.${format}`,
      {
        config: allow('signed-in', 'unit'),
        schema: { tags, summary: `The report as ${format.toUpperCase()} (409 while not generated)`, params: ZIdParams },
      },
      async (request, reply) => {
        const { content, filename } = await service.getDocument(actorOf(request), request.params.id, format);
        return reply.type(CONTENT_TYPES[format]).header('content-disposition', attachment(filename)).send(content);
      },
    );
  }

  app.get(
    '/api/report-templates',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'Report templates, the default first', response: { 200: z.array(ZReportTemplate) } },
    },
    async (request) => templates.listTemplates(actorOf(request)),
  );

  app.get(
    '/api/report-templates/:id',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'One report template', params: ZIdParams, response: { 200: ZReportTemplate } },
    },
    async (request) => templates.getTemplate(actorOf(request), request.params.id),
  );

  app.post(
    '/api/report-templates',
    {
      config: allow(['admin', 'comms_center'], 'global'),
      schema: {
        tags,
        summary: 'Add a report template (administrators, Communication Center)',
        body: ZCreateReportTemplateRequest,
        response: { 201: ZReportTemplate },
      },
    },
    async (request, reply) => reply.status(201).send(await templates.createTemplate(actorOf(request), request.body)),
  );

  app.patch(
    '/api/report-templates/:id',
    {
      config: allow(['admin', 'comms_center'], 'global'),
      schema: {
        tags,
        summary: 'Change a report template',
        params: ZIdParams,
        body: ZUpdateReportTemplateRequest,
        response: { 200: ZReportTemplate },
      },
    },
    async (request) => templates.updateTemplate(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/report-templates/:id',
    {
      config: allow(['admin', 'comms_center'], 'global'),
      schema: { tags, summary: 'Delete a report template (its reports keep their text)', params: ZIdParams },
    },
    async (request, reply) => {
      await templates.deleteTemplate(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
