import {
  APPRAISAL_STATE_LABELS,
  PRODUCT_STATUS_LABELS,
  WORKING_ROLES,
  ZAppraisalQueueItem,
  ZAppraisalQueueQuery,
  ZGiveOpinionRequest,
  ZId,
  ZProductAppraisals,
  ZRequestAppraisalRequest,
  zPage,
  viDate,
  type TAppraisalQueueItem,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { sendStoredFile } from '../files/index.js';
import type { AppraisalQueueService } from './appraisal-queue.service.js';
import type { AppraisalsService } from './appraisals.service.js';

const tags = ['appraisals'];
const ZIdParams = z.strictObject({ id: ZId });
const ZAppraisalParams = z.strictObject({ id: ZId, appraisalId: ZId });
const ZFileParams = z.strictObject({ id: ZId, appraisalId: ZId, fileId: ZId });
const vnDay = (iso: string) => viDate(new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 10));

const COLUMNS: ExcelColumn<TAppraisalQueueItem>[] = [
  { key: 'title', header: 'Sản phẩm', width: 44, value: (a) => a.product.title },
  { key: 'owner', header: 'Đơn vị đề nghị', width: 28, value: (a) => a.product.ownerUnit.name },
  { key: 'version', header: 'Phiên bản', width: 10, value: (a) => a.product.currentVersion },
  {
    key: 'productStatus',
    header: 'Trạng thái sản phẩm',
    width: 18,
    value: (a) => PRODUCT_STATUS_LABELS[a.product.status].vi,
  },
  { key: 'state', header: 'Tình trạng thẩm định', width: 26, value: (a) => APPRAISAL_STATE_LABELS[a.state].vi },
  { key: 'requestedBy', header: 'Người đề nghị', width: 24, value: (a) => a.requestedBy },
  { key: 'requestedAt', header: 'Ngày đề nghị', width: 14, value: (a) => vnDay(a.requestedAt) },
  { key: 'dueOn', header: 'Hạn', width: 12, value: (a) => viDate(a.dueOn) },
  { key: 'overdue', header: 'Quá hạn', width: 10, value: (a) => (a.overdue ? 'Có' : '') },
  { key: 'note', header: 'Ghi chú', width: 40, value: (a) => a.note },
];

export function registerAppraisalsRoutes(app: HttpApp, service: AppraisalsService, queue: AppraisalQueueService): void {
  app.get(
    '/api/products/:id/appraisals',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'A product’s appraisal requests with their states and opinions, and the suggested units',
        params: ZIdParams,
        response: { 200: ZProductAppraisals },
      },
    },
    async (request) => service.getForProduct(actorOf(request), request.params.id),
  );

  app.post(
    '/api/products/:id/appraisals',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Ask central units to appraise the product (owner)',
        params: ZIdParams,
        body: ZRequestAppraisalRequest,
        response: { 201: ZProductAppraisals },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.request(actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/products/:id/appraisals/:appraisalId',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Withdraw an appraisal request (owner)',
        params: ZAppraisalParams,
        response: { 200: ZProductAppraisals },
      },
    },
    async (request) => service.withdraw(actorOf(request), request.params.id, request.params.appraisalId),
  );

  app.post(
    '/api/products/:id/appraisals/:appraisalId/opinions',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Sign the asked unit’s opinion on the current version (an officer of that unit)',
        description:
          'Attachments: upload each file first with POST /api/files (into your unit), then list their ids in `fileIds`.',
        params: ZAppraisalParams,
        body: ZGiveOpinionRequest,
        response: { 201: ZProductAppraisals },
      },
    },
    async (request, reply) => {
      const { id, appraisalId } = request.params;
      return reply.status(201).send(await service.giveOpinion(actorOf(request), id, appraisalId, request.body));
    },
  );

  app.get(
    '/api/products/:id/appraisals/:appraisalId/files/:fileId',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Download a file attached to an opinion', params: ZFileParams },
    },
    async (request, reply) => {
      const { id, appraisalId, fileId } = request.params;
      const { file, content } = await service.openOpinionFile(actorOf(request), id, appraisalId, fileId);
      return sendStoredFile(reply, file, content);
    },
  );

  app.post(
    '/api/products/:id/ready',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Mark the product ready to publish: every active appraisal must approve its current version',
        params: ZIdParams,
        response: { 200: ZProductAppraisals },
      },
    },
    async (request) => service.markReady(actorOf(request), request.params.id),
  );

  app.get(
    '/api/appraisals/queue',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'The appraisal queue of my unit (by default the requests awaiting its opinion), by due date',
        querystring: ZAppraisalQueueQuery,
        response: { 200: zPage(ZAppraisalQueueItem) },
      },
    },
    async (request) => queue.queue(actorOf(request), request.query),
  );

  app.get(
    '/api/appraisals/queue/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'My unit’s appraisal queue matching the filters, as Excel',
        querystring: ZAppraisalQueueQuery,
      },
    },
    async (request, reply) => {
      const { items } = await queue.queue(actorOf(request), request.query, true);
      const body = await workbook('Tham dinh', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('hang-cho-tham-dinh.xlsx')).send(body);
    },
  );
}
