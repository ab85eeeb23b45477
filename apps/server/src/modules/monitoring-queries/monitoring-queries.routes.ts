import {
  QUERY_ALERT_LABELS,
  RELEVANCE_LABELS,
  ZCheckQueryRequest,
  ZCheckQueryResponse,
  ZCreateQueryRequest,
  ZId,
  ZLexiconState,
  ZModelState,
  ZMonitoringQuery,
  ZQueryListQuery,
  ZUpdateLexiconRequest,
  ZUpdateQueryRequest,
  zPage,
  type TMonitoringQuery,
  WORKING_ROLES,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { ClassifierAdminService } from './classifier-admin.service.js';
import type { MonitoringQueriesService } from './monitoring-queries.service.js';

const tags = ['monitoring-queries'];
const classifierTags = ['monitoring-classifier'];
const ZIdParams = z.strictObject({ id: ZId });

const dateTime = (iso: string | null) => (iso ? new Date(iso) : null);

const COLUMNS: ExcelColumn<TMonitoringQuery>[] = [
  { key: 'name', header: 'Tên truy vấn', width: 36, value: (q) => q.name },
  { key: 'text', header: 'Biểu thức truy vấn', width: 70, value: (q) => q.text },
  { key: 'description', header: 'Mô tả', width: 40, value: (q) => q.description },
  { key: 'orgUnit', header: 'Đơn vị theo dõi', width: 28, value: (q) => q.orgUnit.name },
  { key: 'enabled', header: 'Đang dùng', width: 11, value: (q) => (q.enabled ? 'Có' : 'Không') },
  { key: 'alert', header: 'Cảnh báo', width: 20, value: (q) => QUERY_ALERT_LABELS[q.alert].vi },
  {
    key: 'alertMinRelevance',
    header: 'Cảnh báo từ mức',
    width: 18,
    value: (q) => RELEVANCE_LABELS[q.alertMinRelevance].vi,
  },
  { key: 'matches30d', header: 'Số tin 30 ngày', width: 14, value: (q) => q.matches30d },
  { key: 'lastMatchAt', header: 'Tin gần nhất', width: 20, value: (q) => dateTime(q.lastMatchAt) },
  { key: 'seeded', header: 'Truy vấn của Ngành', width: 16, value: (q) => (q.seeded ? 'Có' : 'Không') },
];

export function registerMonitoringQueriesRoutes(
  app: HttpApp,
  service: MonitoringQueriesService,
  classifier: ClassifierAdminService,
): void {
  app.get(
    '/api/monitoring/queries',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'Saved monitoring queries, with their matches of the last 30 days',
        querystring: ZQueryListQuery,
        response: { 200: zPage(ZMonitoringQuery) },
      },
    },
    async (request) => service.listQueries(actorOf(request), request.query),
  );

  app.get(
    '/api/monitoring/queries/export.xlsx',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'Saved queries matching the filters, as Excel', querystring: ZQueryListQuery },
    },
    async (request, reply) => {
      const { items } = await service.listQueries(actorOf(request), request.query, true);
      const body = await workbook('Truy van', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('truy-van-theo-doi.xlsx')).send(body);
    },
  );

  app.post(
    '/api/monitoring/queries/check',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: "Check a query's syntax and what it matches among the newest articles of the last 30 days",
        body: ZCheckQueryRequest,
        response: { 200: ZCheckQueryResponse },
      },
    },
    async (request) => service.checkQuery(actorOf(request), request.body.text, request.locale),
  );

  app.get(
    '/api/monitoring/queries/:id',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'One saved query', params: ZIdParams, response: { 200: ZMonitoringQuery } },
    },
    async (request) => service.getQuery(actorOf(request), request.params.id),
  );

  app.post(
    '/api/monitoring/queries',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Save a query (a syntax error is a 422 naming its column on `text`)',
        body: ZCreateQueryRequest,
        response: { 201: ZMonitoringQuery },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createQuery(actorOf(request), request.body)),
  );

  app.patch(
    '/api/monitoring/queries/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Change a saved query',
        params: ZIdParams,
        body: ZUpdateQueryRequest,
        response: { 200: ZMonitoringQuery },
      },
    },
    async (request) => service.updateQuery(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/monitoring/queries/:id',
    { config: allow(WORKING_ROLES, 'unit'), schema: { tags, summary: 'Delete a saved query', params: ZIdParams } },
    async (request, reply) => {
      await service.deleteQuery(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/monitoring/lexicon',
    {
      config: allow('signed-in', 'global'),
      schema: { tags: classifierTags, summary: "The classifier's lexicon in force", response: { 200: ZLexiconState } },
    },
    async (request) => classifier.getLexicon(actorOf(request)),
  );

  app.put(
    '/api/monitoring/lexicon',
    {
      config: allow(['admin', 'comms_center'], 'global'),
      schema: {
        tags: classifierTags,
        summary: 'Save a new version of the lexicon (from the version it was edited from)',
        body: ZUpdateLexiconRequest,
        response: { 200: ZLexiconState },
      },
    },
    async (request) => classifier.updateLexicon(actorOf(request), request.body),
  );

  app.get(
    '/api/monitoring/model',
    {
      config: allow('signed-in', 'global'),
      schema: { tags: classifierTags, summary: 'The trained model in force', response: { 200: ZModelState } },
    },
    async (request) => classifier.getModel(actorOf(request)),
  );

  app.post(
    '/api/monitoring/model/train',
    {
      config: allow(['admin', 'comms_center'], 'global'),
      schema: {
        tags: classifierTags,
        summary: 'Retrain the classifier from the labelled articles and the corrections (runs in the background)',
        response: { 202: ZModelState },
      },
    },
    async (request, reply) => reply.status(202).send(await classifier.requestTraining(actorOf(request))),
  );
}
