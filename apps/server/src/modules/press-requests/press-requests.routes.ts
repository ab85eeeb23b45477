import {
  ANSWER_CHANNEL_LABELS,
  PRESS_CONFERENCE_STATUS_LABELS,
  PRESS_REQUEST_STATUS_LABELS,
  viDate,
  ZApprovePressAnswer,
  ZCreatePressConference,
  ZCreatePressRequest,
  ZDeclinePressRequest,
  ZDraftPressAnswer,
  ZId,
  ZPressConference,
  ZPressConferenceListQuery,
  ZPressMaterialQuery,
  ZPressRequest,
  ZPressRequestDetail,
  ZPressRequestListQuery,
  ZReturnPressRequest,
  ZRoutePressRequest,
  ZSendPressAnswer,
  ZStoredFile,
  ZUpdatePressConference,
  zPage,
  type TPressConference,
  type TPressRequest,
  type TPressRequestDetail,
  WORKING_ROLES,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow, type RoutePolicy } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { sendStoredFile, UPLOAD_TYPE, uploadErrorHandler, uploadOf } from '../files/index.js';
import { vnDateTime } from './press-notices.js';
import type { PressConferencesService } from './press-conferences.service.js';
import type { PressRequestsService } from './press-requests.service.js';

const tags = ['press'];
const ZIdParams = z.strictObject({ id: ZId });
const ZFileParams = z.strictObject({ id: ZId, fileId: ZId });
const ZPeopleQuery = z.strictObject({ q: z.string().trim().max(200).optional() });
const ZPerson = z.object({ id: ZId, name: z.string(), unitName: z.string() });
const at = (iso: string) => vnDateTime(new Date(iso));

const REQUEST_COLUMNS: ExcelColumn<TPressRequest>[] = [
  { key: 'receivedAt', header: 'Tiếp nhận', width: 17, value: (r) => at(r.receivedAt) },
  { key: 'outletName', header: 'Cơ quan báo chí', width: 28, value: (r) => r.outletName },
  { key: 'journalistName', header: 'Phóng viên', width: 22, value: (r) => r.journalistName },
  { key: 'topic', header: 'Chủ đề', width: 45, value: (r) => r.topic },
  { key: 'deadline', header: 'Hạn trả lời', width: 17, value: (r) => at(r.deadline) },
  { key: 'receivingUnit', header: 'Đơn vị tiếp nhận', width: 26, value: (r) => r.receivingUnit.name },
  { key: 'owningUnit', header: 'Đơn vị chủ trì', width: 26, value: (r) => r.owningUnit?.name ?? null },
  { key: 'spokesperson', header: 'Người phát ngôn', width: 22, value: (r) => r.spokesperson?.name ?? null },
  { key: 'status', header: 'Trạng thái', width: 16, value: (r) => PRESS_REQUEST_STATUS_LABELS[r.status].vi },
  { key: 'overdue', header: 'Quá hạn', width: 10, value: (r) => (r.overdue ? 'Có' : '') },
  {
    key: 'answerSentOn',
    header: 'Ngày trả lời',
    width: 12,
    value: (r) => (r.answerSentOn ? viDate(r.answerSentOn) : null),
  },
  {
    key: 'answerChannel',
    header: 'Hình thức',
    width: 20,
    value: (r) => (r.answerChannel ? ANSWER_CHANNEL_LABELS[r.answerChannel].vi : null),
  },
];

const CONFERENCE_COLUMNS: ExcelColumn<TPressConference>[] = [
  { key: 'heldAt', header: 'Thời gian', width: 17, value: (r) => at(r.heldAt) },
  { key: 'title', header: 'Hội nghị', width: 45, value: (r) => r.title },
  { key: 'place', header: 'Địa điểm', width: 30, value: (r) => r.place },
  { key: 'hostUnit', header: 'Đơn vị chủ trì', width: 26, value: (r) => r.hostUnit.name },
  {
    key: 'spokespersons',
    header: 'Người phát ngôn',
    width: 30,
    value: (r) => r.spokespersons.map((p) => p.name).join(', '),
  },
  { key: 'invitees', header: 'Khách mời', width: 10, value: (r) => r.invitees.length },
  { key: 'coverage', header: 'Tin bài', width: 10, value: (r) => r.coverage.length },
  { key: 'status', header: 'Trạng thái', width: 14, value: (r) => PRESS_CONFERENCE_STATUS_LABELS[r.status].vi },
];

export function registerPressRequestsRoutes(
  app: HttpApp,
  services: { requests: PressRequestsService; conferences: PressConferencesService },
  maxUploadBytes: number,
): void {
  const { requests, conferences } = services;

  app.get(
    '/api/press/requests',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Press requests the caller may see',
        querystring: ZPressRequestListQuery,
        response: { 200: zPage(ZPressRequest) },
      },
    },
    async (request) => requests.list(actorOf(request), request.query),
  );

  app.get(
    '/api/press/requests/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Press requests matching the filters, as Excel', querystring: ZPressRequestListQuery },
    },
    async (request, reply) => {
      const { items } = await requests.list(actorOf(request), request.query, true);
      const body = await workbook('Yeu cau bao chi', REQUEST_COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('yeu-cau-bao-chi.xlsx')).send(body);
    },
  );

  app.get(
    '/api/press/people',
    {
      config: allow(WORKING_ROLES, 'global'),
      schema: {
        tags,
        summary: 'People who may be designated spokesperson',
        querystring: ZPeopleQuery,
        response: { 200: zPage(ZPerson) },
      },
    },
    async (request) => requests.people(actorOf(request), request.query.q),
  );

  app.get(
    '/api/press/requests/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'One press request with its steps',
        params: ZIdParams,
        response: { 200: ZPressRequestDetail },
      },
    },
    async (request) => requests.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/press/requests',
    {
      config: allow(['admin', 'comms_center', 'press_office', 'province_officer'], 'unit'),
      schema: {
        tags,
        summary: 'Receive a press request (Communication Center, press office or province)',
        body: ZCreatePressRequest,
        response: { 201: ZPressRequestDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await requests.create(actorOf(request), request.body)),
  );

  // Who may take a step is decided per request (policy.ts): routing and drafting are officers' work; approving,
  // returning, recording the answer and declining are also the designated spokesperson's, who may hold any role.
  const step = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    run: (actor: ReturnType<typeof actorOf>, id: string, input: z.infer<S>) => Promise<TPressRequestDetail>,
    roles: RoutePolicy['roles'],
  ) =>
    app.post(
      `/api/press/requests/:id/${path}`,
      {
        config: allow(roles, 'unit'),
        schema: { tags, summary, params: ZIdParams, body, response: { 200: ZPressRequestDetail } },
      },
      async (request) => run(actorOf(request), (request.params as { id: string }).id, request.body as z.infer<S>),
    );
  step(
    'route',
    'Route to the owning unit and designate the spokesperson',
    ZRoutePressRequest,
    requests.route,
    WORKING_ROLES,
  );
  step('draft', 'Draft (or revise) the answer (owning unit)', ZDraftPressAnswer, requests.draft, WORKING_ROLES);
  step(
    'approve',
    'Approve the draft (spokesperson or leader, not the drafter)',
    ZApprovePressAnswer,
    requests.approve,
    'signed-in',
  );
  step(
    'return',
    'Return the draft for rework, with a comment',
    ZReturnPressRequest,
    requests.returnForRework,
    'signed-in',
  );
  step('answer', 'Record that the approved answer was sent', ZSendPressAnswer, requests.send, 'signed-in');
  step('decline', 'Decline the request with a reason', ZDeclinePressRequest, requests.decline, 'signed-in');

  app.get(
    '/api/press/conferences',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Press conferences the caller may see',
        querystring: ZPressConferenceListQuery,
        response: { 200: zPage(ZPressConference) },
      },
    },
    async (request) => conferences.list(actorOf(request), request.query),
  );

  app.get(
    '/api/press/conferences/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Press conferences as Excel', querystring: ZPressConferenceListQuery },
    },
    async (request, reply) => {
      const { items } = await conferences.list(actorOf(request), request.query, true);
      const body = await workbook('Hoi nghi bao chi', CONFERENCE_COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('hoi-nghi-bao-chi.xlsx')).send(body);
    },
  );

  app.get(
    '/api/press/conferences/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'One press conference', params: ZIdParams, response: { 200: ZPressConference } },
    },
    async (request) => conferences.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/press/conferences',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Plan a press conference',
        body: ZCreatePressConference,
        response: { 201: ZPressConference },
      },
    },
    async (request, reply) => reply.status(201).send(await conferences.create(actorOf(request), request.body)),
  );

  app.patch(
    '/api/press/conferences/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Update a press conference: invitees, coverage, status',
        params: ZIdParams,
        body: ZUpdatePressConference,
        response: { 200: ZPressConference },
      },
    },
    async (request) => conferences.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/press/conferences/:id/materials',
    {
      config: allow(WORKING_ROLES, 'unit'),
      errorHandler: uploadErrorHandler(app, maxUploadBytes),
      schema: {
        tags,
        summary: 'Upload a material of the conference',
        description: `Body: the file itself, Content-Type ${UPLOAD_TYPE}; its name in X-File-Name or \`name\`.`,
        params: ZIdParams,
        querystring: ZPressMaterialQuery,
        response: { 201: ZStoredFile },
      },
    },
    async (request, reply) => {
      const file = await conferences.addMaterial(
        actorOf(request),
        request.params.id,
        uploadOf(request, request.query.name),
      );
      return reply.status(201).send(file);
    },
  );

  app.get(
    '/api/press/conferences/:id/materials/:fileId',
    { config: allow('signed-in', 'unit'), schema: { tags, summary: 'Download a material', params: ZFileParams } },
    async (request, reply) => {
      const { file, content } = await conferences.openMaterial(
        actorOf(request),
        request.params.id,
        request.params.fileId,
      );
      return sendStoredFile(reply, file, content);
    },
  );

  app.delete(
    '/api/press/conferences/:id/materials/:fileId',
    { config: allow(WORKING_ROLES, 'unit'), schema: { tags, summary: 'Remove a material', params: ZFileParams } },
    async (request, reply) => {
      await conferences.removeMaterial(actorOf(request), request.params.id, request.params.fileId);
      return reply.status(204).send();
    },
  );
}
