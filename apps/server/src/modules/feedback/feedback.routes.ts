import {
  FEEDBACK_CATEGORY_LABELS,
  FEEDBACK_STATUS_LABELS,
  WORKING_ROLES,
  viDate,
  ZAnswerFeedbackRequest,
  ZCloseFeedbackRequest,
  ZCreateFeedbackRequest,
  ZFeedback,
  ZFeedbackDetail,
  ZFeedbackListQuery,
  ZId,
  ZReopenFeedbackRequest,
  ZRouteFeedbackRequest,
  ZUnitRef,
  zPage,
  type TFeedback,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { sendStoredFile } from '../files/index.js';
import { vnDay } from './feedback-notices.js';
import type { FeedbackService } from './feedback.service.js';

const tags = ['feedback'];
const ZIdParams = z.strictObject({ id: ZId });
const ZFileParams = z.strictObject({ id: ZId, fileId: ZId });
const dayOf = (iso: string | null) => (iso ? viDate(vnDay(new Date(iso))) : null);

const COLUMNS: ExcelColumn<TFeedback>[] = [
  { key: 'createdAt', header: 'Ngày gửi', width: 12, value: (r) => dayOf(r.createdAt) },
  { key: 'reporterUnit', header: 'Đơn vị báo cáo', width: 26, value: (r) => r.reporterUnit.name },
  { key: 'reportedBy', header: 'Người gửi', width: 22, value: (r) => r.reportedBy },
  { key: 'category', header: 'Lĩnh vực', width: 26, value: (r) => FEEDBACK_CATEGORY_LABELS[r.category].vi },
  { key: 'title', header: 'Vướng mắc', width: 50, value: (r) => r.title },
  { key: 'description', header: 'Nội dung', width: 70, value: (r) => r.description },
  { key: 'status', header: 'Trạng thái', width: 16, value: (r) => FEEDBACK_STATUS_LABELS[r.status].vi },
  { key: 'routedUnit', header: 'Đơn vị trả lời', width: 26, value: (r) => r.routedUnit?.name ?? null },
  { key: 'dueOn', header: 'Hạn trả lời', width: 12, value: (r) => (r.dueOn ? viDate(r.dueOn) : null) },
  { key: 'overdue', header: 'Quá hạn', width: 10, value: (r) => (r.overdue ? 'Có' : '') },
  { key: 'answeredAt', header: 'Ngày trả lời', width: 12, value: (r) => dayOf(r.answeredAt) },
  { key: 'reopenCount', header: 'Số lần mở lại', width: 12, value: (r) => r.reopenCount },
];

export function registerFeedbackRoutes(app: HttpApp, service: FeedbackService): void {
  app.get(
    '/api/feedback',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Difficulties reported by provinces and districts, as the caller may see them',
        querystring: ZFeedbackListQuery,
        response: { 200: zPage(ZFeedback) },
      },
    },
    async (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/feedback/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Feedback matching the filters, as Excel', querystring: ZFeedbackListQuery },
    },
    async (request, reply) => {
      const { items } = await service.list(actorOf(request), request.query, true);
      const body = await workbook('Vuong mac', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('vuong-mac.xlsx')).send(body);
    },
  );

  app.get(
    '/api/feedback/units',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'The central units feedback may be routed to',
        response: { 200: zPage(ZUnitRef) },
      },
    },
    async () => service.centralUnits(),
  );

  app.get(
    '/api/feedback/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'One feedback with its thread',
        params: ZIdParams,
        response: { 200: ZFeedbackDetail },
      },
    },
    async (request) => service.get(actorOf(request), request.params.id),
  );

  app.get(
    '/api/feedback/:id/files/:fileId',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Download a file of the thread', params: ZFileParams },
    },
    async (request, reply) => {
      const { file, content } = await service.openFile(actorOf(request), request.params.id, request.params.fileId);
      return sendStoredFile(reply, file, content);
    },
  );

  app.post(
    '/api/feedback',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Report a difficulty to the centre',
        body: ZCreateFeedbackRequest,
        response: { 201: ZFeedbackDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body)),
  );

  app.post(
    '/api/feedback/:id/route',
    {
      config: allow(['admin', 'comms_center'], 'unit'),
      schema: {
        tags,
        summary: 'Route to the owning central unit, with a due day (Communication Center)',
        params: ZIdParams,
        body: ZRouteFeedbackRequest,
        response: { 200: ZFeedbackDetail },
      },
    },
    async (request) => service.route(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/feedback/:id/answer',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Answer, signed by the officer of the routed unit',
        params: ZIdParams,
        body: ZAnswerFeedbackRequest,
        response: { 200: ZFeedbackDetail },
      },
    },
    async (request) => service.answer(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/feedback/:id/reopen',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Re-open with a comment when the answer does not solve it (reporter)',
        params: ZIdParams,
        body: ZReopenFeedbackRequest,
        response: { 200: ZFeedbackDetail },
      },
    },
    async (request) => service.reopen(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/feedback/:id/close',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Accept the answer and close (reporter)',
        params: ZIdParams,
        body: ZCloseFeedbackRequest,
        response: { 200: ZFeedbackDetail },
      },
    },
    async (request) => service.close(actorOf(request), request.params.id, request.body),
  );
}
