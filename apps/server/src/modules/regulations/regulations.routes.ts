import {
  REGULATION_KIND_LABELS,
  ZCreateRegulationRequest,
  ZCreateRelationRequest,
  ZCreateTaskRequest,
  ZGenerateTasksResponse,
  ZId,
  ZListQuery,
  ZMyTaskListQuery,
  ZRegulation,
  ZRegulationDetail,
  ZRegulationListQuery,
  ZRegulationTask,
  ZRegulationTaskListQuery,
  ZRegulationUnitOption,
  ZTaskListQuery,
  ZTaskTemplateItem,
  ZUpdateRegulationRequest,
  ZUpdateTaskRequest,
  ZUpdateTaskTemplateRequest,
  zPage,
  type TRegulation,
  viDate,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { RegulationTasksService } from './regulation-tasks.service.js';
import type { TaskTemplatesService } from './task-templates.service.js';
import type { RegulationsService } from './regulations.service.js';

const tags = ['regulations'];
const taskTags = ['regulation-tasks'];
const ZIdParams = z.strictObject({ id: ZId });
const ZRelationParams = z.strictObject({ id: ZId, relatedId: ZId });

const dayOrEmpty = (value: string | null) => (value ? viDate(value) : null);

const COLUMNS: ExcelColumn<TRegulation>[] = [
  { key: 'number', header: 'Số hiệu', width: 18, value: (r) => r.number },
  { key: 'kind', header: 'Loại văn bản', width: 14, value: (r) => REGULATION_KIND_LABELS[r.kind].vi },
  { key: 'issuer', header: 'Cơ quan ban hành', width: 20, value: (r) => r.issuer },
  { key: 'issuedOn', header: 'Ngày ban hành', width: 14, value: (r) => dayOrEmpty(r.issuedOn) },
  { key: 'effectiveOn', header: 'Ngày hiệu lực', width: 14, value: (r) => dayOrEmpty(r.effectiveOn) },
  { key: 'summary', header: 'Trích yếu', width: 70, value: (r) => r.summary },
  {
    key: 'draftingUnit',
    header: 'Đơn vị chủ trì soạn thảo',
    width: 28,
    value: (r) => r.draftingUnitName ?? r.draftingUnit?.name ?? null,
  },
  { key: 'recipients', header: 'Nơi nhận', width: 30, value: (r) => r.recipients },
  { key: 'signer', header: 'Người ký', width: 26, value: (r) => r.signer },
  { key: 'tags', header: 'Từ khóa', width: 20, value: (r) => r.tags.join(', ') },
  {
    key: 'needsCommunication',
    header: 'Cần truyền thông',
    width: 16,
    value: (r) => (r.needsCommunication ? 'Có' : 'Không'),
  },
  { key: 'orgUnit', header: 'Đơn vị quản lý', width: 24, value: (r) => r.orgUnit.name },
];

export function registerRegulationsRoutes(
  app: HttpApp,
  service: RegulationsService,
  tasks: RegulationTasksService,
  templates: TaskTemplatesService,
): void {
  app.get(
    '/api/regulations',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'Legal and guidance documents',
        querystring: ZRegulationListQuery,
        response: { 200: zPage(ZRegulation) },
      },
    },
    async (request) => service.listRegulations(actorOf(request), request.query),
  );

  app.get(
    '/api/regulations/export.xlsx',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'Documents matching the filters, as Excel', querystring: ZRegulationListQuery },
    },
    async (request, reply) => {
      const { items } = await service.listRegulations(actorOf(request), request.query, true);
      const body = await workbook('Van ban', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('van-ban.xlsx')).send(body);
    },
  );

  app.get(
    '/api/regulations/drafting-units',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'Units that may be named as drafting unit (the central agency and my scope)',
        querystring: ZListQuery,
        response: { 200: zPage(ZRegulationUnitOption) },
      },
    },
    async (request) => service.listUnitOptions(actorOf(request), request.query),
  );

  app.get(
    '/api/regulations/:id',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'One document, with its relations',
        params: ZIdParams,
        response: { 200: ZRegulationDetail },
      },
    },
    async (request) => service.getRegulation(actorOf(request), request.params.id),
  );

  app.post(
    '/api/regulations',
    {
      config: allow(['admin', 'comms_center', 'unit_officer', 'province_officer'], 'global'),
      schema: {
        tags,
        summary: 'Register a document (with its communication tasks when it needs communication)',
        body: ZCreateRegulationRequest,
        response: { 201: ZRegulationDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createRegulation(actorOf(request), request.body)),
  );

  app.patch(
    '/api/regulations/:id',
    {
      config: allow(['admin', 'comms_center', 'unit_officer', 'province_officer'], 'global'),
      schema: {
        tags,
        summary: 'Change a document',
        params: ZIdParams,
        body: ZUpdateRegulationRequest,
        response: { 200: ZRegulationDetail },
      },
    },
    async (request) => service.updateRegulation(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/regulations/:id',
    {
      config: allow(['admin', 'comms_center', 'unit_officer', 'province_officer'], 'global'),
      schema: { tags, summary: 'Delete a document none of whose tasks is done', params: ZIdParams },
    },
    async (request, reply) => {
      await service.deleteRegulation(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/regulations/:id/relations',
    {
      config: allow(['admin', 'comms_center', 'unit_officer', 'province_officer'], 'global'),
      schema: {
        tags,
        summary: 'Record that this document replaces, amends or guides another',
        params: ZIdParams,
        body: ZCreateRelationRequest,
        response: { 201: ZRegulationDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addRelation(actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/regulations/:id/relations/:relatedId',
    {
      config: allow(['admin', 'comms_center', 'unit_officer', 'province_officer'], 'global'),
      schema: { tags, summary: 'Remove the relation between two documents', params: ZRelationParams },
    },
    async (request, reply) => {
      await service.removeRelation(actorOf(request), request.params.id, request.params.relatedId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/regulations/:id/tasks',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags: taskTags,
        summary: "A document's communication tasks in my scope: before, during, after",
        params: ZIdParams,
        querystring: ZRegulationTaskListQuery,
        response: { 200: zPage(ZRegulationTask) },
      },
    },
    async (request) => tasks.listRegulationTasks(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/regulations/:id/tasks/generate',
    {
      config: allow(['admin', 'comms_center', 'unit_officer', 'province_officer'], 'global'),
      schema: {
        tags: taskTags,
        summary: 'Create the tasks of the active template that the document does not have yet',
        params: ZIdParams,
        response: { 200: ZGenerateTasksResponse },
      },
    },
    async (request) => tasks.generateTasks(actorOf(request), request.params.id),
  );

  app.post(
    '/api/regulations/:id/tasks',
    {
      config: allow(['admin', 'comms_center', 'unit_officer', 'province_officer'], 'global'),
      schema: {
        tags: taskTags,
        summary: 'Add an ad-hoc task, owned by a unit of my scope',
        params: ZIdParams,
        body: ZCreateTaskRequest,
        response: { 201: ZRegulationTask },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tasks.createTask(actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/regulation-tasks',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags: taskTags,
        summary: 'Communication tasks in my scope (e.g. for the calendar: dueFrom, dueTo)',
        querystring: ZTaskListQuery,
        response: { 200: zPage(ZRegulationTask) },
      },
    },
    async (request) => tasks.listTasks(actorOf(request), request.query),
  );

  app.get(
    '/api/regulation-tasks/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags: taskTags, summary: 'One task', params: ZIdParams, response: { 200: ZRegulationTask } },
    },
    async (request) => tasks.getTask(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/regulation-tasks/:id',
    {
      config: allow(
        ['admin', 'comms_center', 'unit_officer', 'press_office', 'province_officer', 'district_officer'],
        'unit',
      ),
      schema: {
        tags: taskTags,
        summary: 'Change a task: status, owner unit, assignee, due date, title',
        params: ZIdParams,
        body: ZUpdateTaskRequest,
        response: { 200: ZRegulationTask },
      },
    },
    async (request) => tasks.updateTask(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/tasks/mine',
    {
      config: allow('signed-in', 'self'),
      schema: {
        tags: taskTags,
        summary: 'My to-do list: tasks owned by my unit or assigned to me',
        querystring: ZMyTaskListQuery,
        response: { 200: zPage(ZRegulationTask) },
      },
    },
    async (request) => tasks.listMyTasks(actorOf(request), request.query),
  );

  app.get(
    '/api/task-templates',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags: taskTags,
        summary: 'The "before, during, after" template',
        querystring: ZListQuery,
        response: { 200: zPage(ZTaskTemplateItem) },
      },
    },
    async (request) => templates.listTemplate(actorOf(request), request.query),
  );

  app.put(
    '/api/task-templates',
    {
      config: allow(['admin', 'comms_center'], 'global'),
      schema: {
        tags: taskTags,
        summary: 'Replace the template (affects later generations only)',
        body: ZUpdateTaskTemplateRequest,
        response: { 200: zPage(ZTaskTemplateItem) },
      },
    },
    async (request) => {
      const items = await templates.updateTemplate(actorOf(request), request.body);
      return { items, total: items.length };
    },
  );
}
