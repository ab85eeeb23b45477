import {
  SOURCE_KIND_LABELS,
  SOURCE_TIER_LABELS,
  ZCreateSourceRequest,
  ZFetchLogEntry,
  ZId,
  ZIngestResponse,
  ZMonitoringSource,
  ZSetSourceEnabledRequest,
  ZSourceListQuery,
  ZSubmitUrlRequest,
  ZUpdateSourceRequest,
  zPage,
  type TMonitoringSource,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { uploadErrorHandler, uploadOf, UPLOAD_TYPE } from '../files/index.js';
import type { ItemFetchService } from './item-fetch.service.js';
import type { MonitoringSourcesService } from './monitoring-sources.service.js';
import type { SourceImportService } from './source-import.service.js';

const tags = ['monitoring-sources'];
const ZIdParams = z.strictObject({ id: ZId });
const ZLogQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
const ZImportQuery = z.strictObject({ name: z.string().max(300).optional() });
const viTime = (value: string | null) =>
  value ? new Date(value).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : null;

const COLUMNS: ExcelColumn<TMonitoringSource>[] = [
  { key: 'name', header: 'Tên nguồn', width: 36, value: (r) => r.name },
  { key: 'kind', header: 'Loại', width: 22, value: (r) => SOURCE_KIND_LABELS[r.kind].vi },
  { key: 'url', header: 'Địa chỉ', width: 50, value: (r) => r.url },
  { key: 'outlet', header: 'Cơ quan báo chí', width: 24, value: (r) => r.outlet?.name ?? null },
  { key: 'area', header: 'Địa bàn', width: 20, value: (r) => r.area?.name ?? null },
  { key: 'tier', header: 'Cấp', width: 20, value: (r) => SOURCE_TIER_LABELS[r.tier].vi },
  { key: 'orgUnit', header: 'Đơn vị quản lý', width: 24, value: (r) => r.orgUnit.name },
  { key: 'enabled', header: 'Đang bật', width: 10, value: (r) => (r.enabled ? 'Có' : 'Không') },
  { key: 'disabledReason', header: 'Lý do tắt', width: 36, value: (r) => r.disabledReason },
  { key: 'pollMinutes', header: 'Chu kỳ (phút)', width: 12, value: (r) => Math.round(r.pollSeconds / 60) },
  {
    key: 'lastSuccessAt',
    header: 'Lấy tin thành công gần nhất',
    width: 22,
    value: (r) => viTime(r.health.lastSuccessAt),
  },
  { key: 'lastError', header: 'Lỗi gần nhất', width: 36, value: (r) => r.health.lastError },
  { key: 'failures', header: 'Số lần lỗi liên tiếp', width: 12, value: (r) => r.health.consecutiveFailures },
  { key: 'itemsPerDay', header: 'Tin/ngày (7 ngày)', width: 12, value: (r) => r.health.itemsPerDay },
  { key: 'articlesTotal', header: 'Tổng số tin', width: 12, value: (r) => r.health.articlesTotal },
];

const IMPORT_DESCRIPTION =
  `Body: the file itself, Content-Type ${UPLOAD_TYPE}; its name in X-File-Name or \`?name=\`. ` +
  'CSV with a header row (url, title, lead, body, publishedAt, source, author — English or Vietnamese names such ' +
  'as "Đường dẫn", "Tiêu đề", "Sapo", "Nội dung", "Ngày đăng", "Nguồn") or JSON Lines. Results come in file ' +
  'order; a rejected row gives its line number as `index`.';

export function registerMonitoringSourcesRoutes(
  app: HttpApp,
  service: MonitoringSourcesService,
  items: ItemFetchService,
  imports: SourceImportService,
  maxUploadBytes: number,
): void {
  app.get(
    '/api/monitoring/sources',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'Monitored sources with their health',
        querystring: ZSourceListQuery,
        response: { 200: zPage(ZMonitoringSource) },
      },
    },
    async (request) => service.listSources(actorOf(request), request.query),
  );

  app.get(
    '/api/monitoring/sources/export.xlsx',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'Sources matching the filters, as Excel', querystring: ZSourceListQuery },
    },
    async (request, reply) => {
      const { items: rows } = await service.listSources(actorOf(request), request.query, true);
      const body = await workbook('Nguon tin', COLUMNS, rows);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('nguon-tin.xlsx')).send(body);
    },
  );

  app.post(
    '/api/monitoring/sources',
    {
      config: allow(['admin', 'comms_center', 'press_office', 'province_officer'], 'unit'),
      schema: {
        tags,
        summary: 'Add a source (feed, sitemap, listing page, manual or import)',
        body: ZCreateSourceRequest,
        response: { 201: ZMonitoringSource },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createSource(actorOf(request), request.body)),
  );

  app.get(
    '/api/monitoring/sources/:id',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'One source', params: ZIdParams, response: { 200: ZMonitoringSource } },
    },
    async (request) => service.getSource(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/monitoring/sources/:id',
    {
      config: allow(['admin', 'comms_center', 'press_office', 'province_officer'], 'unit'),
      schema: {
        tags,
        summary: 'Change a source',
        params: ZIdParams,
        body: ZUpdateSourceRequest,
        response: { 200: ZMonitoringSource },
      },
    },
    async (request) => service.updateSource(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/monitoring/sources/:id',
    {
      config: allow(['admin', 'comms_center', 'press_office', 'province_officer'], 'unit'),
      schema: { tags, summary: 'Delete a source (its articles stay, with its name)', params: ZIdParams },
    },
    async (request, reply) => {
      await service.deleteSource(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/monitoring/sources/:id/enabled',
    {
      config: allow(['admin', 'comms_center', 'press_office', 'province_officer'], 'unit'),
      schema: {
        tags,
        summary: 'Enable a source, or disable it with the reason',
        params: ZIdParams,
        body: ZSetSourceEnabledRequest,
        response: { 200: ZMonitoringSource },
      },
    },
    async (request) => service.setEnabled(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/monitoring/sources/:id/fetch',
    {
      config: allow(['admin', 'comms_center', 'press_office', 'province_officer'], 'unit'),
      schema: {
        tags,
        summary: 'Fetch an enabled source now (still paced politely)',
        params: ZIdParams,
        response: { 202: z.object({ queued: z.literal(true) }) },
      },
    },
    async (request, reply) => reply.status(202).send(await service.fetchNow(actorOf(request), request.params.id)),
  );

  app.get(
    '/api/monitoring/sources/:id/log',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: "A source's fetches, newest first",
        params: ZIdParams,
        querystring: ZLogQuery,
        response: { 200: zPage(ZFetchLogEntry) },
      },
    },
    async (request) => service.listLog(actorOf(request), request.params.id, request.query.page, request.query.pageSize),
  );

  app.post(
    '/api/monitoring/submit-url',
    {
      config: allow(['admin', 'comms_center', 'press_office', 'province_officer'], 'unit'),
      schema: {
        tags,
        summary: "Fetch one article's page politely, extract and ingest it",
        body: ZSubmitUrlRequest,
        response: { 200: ZIngestResponse },
      },
    },
    async (request) => items.submitUrl(actorOf(request), request.body, request.locale),
  );

  app.post(
    '/api/monitoring/sources/:id/import',
    {
      config: allow(['admin', 'comms_center', 'press_office', 'province_officer'], 'unit'),
      bodyLimit: maxUploadBytes,
      errorHandler: uploadErrorHandler(app, maxUploadBytes),
      schema: {
        tags,
        summary: 'Import a CSV or JSONL export of another tool into the source',
        description: IMPORT_DESCRIPTION,
        params: ZIdParams,
        querystring: ZImportQuery,
        response: { 200: ZIngestResponse },
      },
    },
    async (request) =>
      imports.importFile(actorOf(request), request.params.id, uploadOf(request, request.query.name), request.locale),
  );
}
