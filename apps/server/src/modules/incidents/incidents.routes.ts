import {
  INCIDENT_SEVERITY_LABELS,
  INCIDENT_STATUS_LABELS,
  ZAddIncidentActionRequest,
  ZCreateIncidentRequest,
  ZId,
  ZIncident,
  ZIncidentDeadlineSettings,
  ZIncidentListQuery,
  ZIncidentSummary,
  ZIncidentTransitionRequest,
  ZLinkIncidentItemsRequest,
  ZUpdateIncidentRequest,
  zPage,
  type TIncidentSummary,
  WORKING_ROLES,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { IncidentsService } from './incidents.service.js';
import { vnTime } from './notices.js';

const tags = ['incidents'];
const ZIdParams = z.strictObject({ id: ZId });
const ZItemParams = z.strictObject({ id: ZId, articleId: ZId });

/** "14:05 25/11/2026", Vietnam's time. */
const at = (iso: string | null) => (iso ? vnTime(new Date(iso)) : null);

const COLUMNS: ExcelColumn<TIncidentSummary>[] = [
  { key: 'code', header: 'Mã sự cố', width: 16, value: (r) => r.code },
  { key: 'title', header: 'Tên sự cố', width: 60, value: (r) => r.title },
  { key: 'severity', header: 'Mức độ', width: 14, value: (r) => INCIDENT_SEVERITY_LABELS[r.severity].vi },
  { key: 'status', header: 'Trạng thái', width: 22, value: (r) => INCIDENT_STATUS_LABELS[r.status].vi },
  { key: 'owningUnit', header: 'Đơn vị chủ trì', width: 30, value: (r) => r.owningUnit.name },
  {
    key: 'supportingUnits',
    header: 'Đơn vị phối hợp',
    width: 36,
    value: (r) => r.supportingUnits.map((u) => u.name).join('; '),
  },
  { key: 'itemCount', header: 'Số tin bài', width: 12, value: (r) => r.itemCount },
  { key: 'nextDueAt', header: 'Hạn gần nhất', width: 20, value: (r) => at(r.nextDueAt) },
  { key: 'overdue', header: 'Quá hạn', width: 10, value: (r) => (r.overdue ? 'Có' : 'Không') },
  { key: 'openedAt', header: 'Thời điểm mở', width: 20, value: (r) => at(r.openedAt) },
  { key: 'closedAt', header: 'Thời điểm đóng', width: 20, value: (r) => at(r.closedAt) },
];

export function registerIncidentsRoutes(app: HttpApp, service: IncidentsService): void {
  app.get(
    '/api/incidents',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Media incidents I see (the board): filters, search, sorting by nextDueAt, severity, openedAt',
        querystring: ZIncidentListQuery,
        response: { 200: zPage(ZIncidentSummary) },
      },
    },
    async (request) => service.listIncidents(actorOf(request), request.query),
  );

  app.get(
    '/api/incidents/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Incidents matching the filters, as Excel', querystring: ZIncidentListQuery },
    },
    async (request, reply) => {
      const { items } = await service.listIncidents(actorOf(request), request.query, true);
      const body = await workbook('Su co truyen thong', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('su-co-truyen-thong.xlsx')).send(body);
    },
  );

  app.get(
    '/api/incidents/settings',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'Deadlines per severity, in minutes after opening',
        response: { 200: ZIncidentDeadlineSettings },
      },
    },
    async (request) => service.getSettings(actorOf(request)),
  );

  app.put(
    '/api/incidents/settings',
    {
      config: allow(['admin'], 'global'),
      schema: {
        tags,
        summary: 'Change the deadlines per severity (administrators; cases opened from now on)',
        body: ZIncidentDeadlineSettings,
        response: { 200: ZIncidentDeadlineSettings },
      },
    },
    async (request) => service.updateSettings(actorOf(request), request.body),
  );

  app.get(
    '/api/incidents/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'One incident with its items and timeline',
        params: ZIdParams,
        response: { 200: ZIncident },
      },
    },
    async (request) => service.getIncident(actorOf(request), request.params.id),
  );

  app.post(
    '/api/incidents',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Open an incident from articles, an alert, or by hand',
        body: ZCreateIncidentRequest,
        response: { 201: ZIncident },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createIncident(actorOf(request), request.body)),
  );

  app.patch(
    '/api/incidents/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Change an incident: title, guide, severity, units, saved query, deadlines',
        params: ZIdParams,
        body: ZUpdateIncidentRequest,
        response: { 200: ZIncident },
      },
    },
    async (request) => service.updateIncident(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/incidents/:id/transition',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Move an incident to another status (closing needs the required actions and lessons learnt)',
        params: ZIdParams,
        body: ZIncidentTransitionRequest,
        response: { 200: ZIncident },
      },
    },
    async (request) => service.transition(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/incidents/:id/actions',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Record an action: assessment, verified facts, response, correction, platform or police report',
        params: ZIdParams,
        body: ZAddIncidentActionRequest,
        response: { 201: ZIncident },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addAction(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/incidents/:id/items',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Link monitored articles to an incident',
        params: ZIdParams,
        body: ZLinkIncidentItemsRequest,
        response: { 200: ZIncident },
      },
    },
    async (request) => service.linkItems(actorOf(request), request.params.id, request.body.articleIds),
  );

  app.delete(
    '/api/incidents/:id/items/:articleId',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: { tags, summary: 'Take an article off an incident', params: ZItemParams },
    },
    async (request, reply) => {
      await service.unlinkItem(actorOf(request), request.params.id, request.params.articleId);
      return reply.status(204).send();
    },
  );
}
