import {
  AGENT_SHEET_HEADERS as H,
  AGENT_TYPE_LABELS,
  WORKING_ROLES,
  ZAgent,
  ZAgentImportQuery,
  ZAgentListQuery,
  ZAgentPlace,
  ZAgentPlacesQuery,
  ZCreateAgentRequest,
  ZDeleteAgentQuery,
  ZId,
  ZImportReport,
  ZPublicAgentArea,
  ZPublicAgentPage,
  ZPublicAgentPlacesQuery,
  ZPublicAgentQuery,
  ZUpdateAgentRequest,
  formatVnPhone,
  viDate,
  zPage,
  type TAgent,
} from '@loa/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, readSheet, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { messageFor } from '../../platform/http/problem.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { AgentsImportService } from './agents-import.service.js';
import type { AgentsService } from './agents.service.js';

const tags = ['agents'];
const ZIdParams = z.strictObject({ id: ZId });

/** The sheet officers fill in and get back: the import reads these columns (by header or key). */
const COLUMNS: ExcelColumn<TAgent>[] = [
  { key: 'type', header: H.type, width: 22, value: (a) => AGENT_TYPE_LABELS[a.type].vi },
  { key: 'name', header: H.name, width: 36, value: (a) => a.name },
  { key: 'address', header: H.address, width: 36, value: (a) => a.address },
  { key: 'province', header: H.province, width: 22, value: (a) => a.province.name },
  { key: 'district', header: H.district, width: 22, value: (a) => a.district?.name ?? null },
  { key: 'commune', header: H.commune, width: 22, value: (a) => a.commune?.name ?? null },
  { key: 'phones', header: H.phones, width: 28, value: (a) => a.phones.map(formatVnPhone).join('; ') },
  { key: 'workingHours', header: H.workingHours, width: 28, value: (a) => a.workingHours },
  {
    key: 'activeFrom',
    header: H.activeFrom,
    width: 16,
    value: (a) => (a.activeFrom ? viDate(a.activeFrom) : null),
  },
  { key: 'activeTo', header: H.activeTo, width: 16, value: (a) => (a.activeTo ? viDate(a.activeTo) : null) },
  { key: 'note', header: H.note, width: 30, value: (a) => a.note },
];

/** Read-only columns of the export, for people (the import ignores them). */
const EXPORT_ONLY: ExcelColumn<TAgent>[] = [
  { key: 'active', header: 'Đang hoạt động', width: 14, value: (a) => (a.active ? 'Có' : 'Không') },
  { key: 'orgUnit', header: 'Đơn vị quản lý', width: 28, value: (a) => a.orgUnit.name },
];

/** Citizens' answers may be cached by browsers and proxies for five minutes. */
const PUBLIC_CACHE = 'public, max-age=300';

/** Requests per minute and address on each public endpoint: plenty for a person, little for a scraper. */
const PUBLIC_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

export function registerAgentsRoutes(app: HttpApp, service: AgentsService, importer: AgentsImportService): void {
  app.get(
    '/api/agents',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Collection agents kept in my scope',
        querystring: ZAgentListQuery,
        response: { 200: zPage(ZAgent) },
      },
    },
    async (request) => service.listAgents(actorOf(request), request.query),
  );

  app.get(
    '/api/agents/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Agents matching the filters, as Excel', querystring: ZAgentListQuery },
    },
    async (request, reply) => {
      const { items } = await service.listAgents(actorOf(request), request.query, true);
      const body = await workbook('Dai ly thu', [...COLUMNS, ...EXPORT_ONLY], items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('dai-ly-thu.xlsx')).send(body);
    },
  );

  app.get(
    '/api/agents/import-template.xlsx',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'An empty sheet with the columns the import reads' },
    },
    async (_request, reply) => {
      const body = await workbook('Dai ly thu', COLUMNS, []);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('mau-dai-ly-thu.xlsx')).send(body);
    },
  );

  app.post(
    '/api/agents/import',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Import agents from Excel (all or nothing; dryRun only reports)',
        description:
          `Body: the .xlsx file itself, Content-Type ${XLSX_TYPE}. Places by code or name (accents ignored); ` +
          'several phone numbers separated by ";".',
        querystring: ZAgentImportQuery,
        response: { 200: ZImportReport, 422: ZImportReport },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('request.unsupported_media_type');
      const rows = await readSheet(request.body, COLUMNS);
      const outcome = await importer.importAgents(actorOf(request), rows, { dryRun: request.query.dryRun === 'true' });
      const report = {
        ...outcome,
        rejected: outcome.rejected.map((p) => ({
          row: p.row,
          field: p.field,
          message: messageFor(p.code, request.locale, p.params),
        })),
      };
      return reply.status(report.rejected.length > 0 ? 422 : 200).send(report);
    },
  );

  app.get(
    '/api/agents/places',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'Provinces, or the districts and communes under a place, of the structure the agency works in',
        querystring: ZAgentPlacesQuery,
        response: { 200: z.array(ZAgentPlace) },
      },
    },
    async (request) => service.listPlaces(request.query.parent),
  );

  app.get(
    '/api/agents/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'One agent', params: ZIdParams, response: { 200: ZAgent } },
    },
    async (request) => service.getAgent(actorOf(request), request.params.id),
  );

  app.post(
    '/api/agents',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: { tags, summary: 'Add an agent', body: ZCreateAgentRequest, response: { 201: ZAgent } },
    },
    async (request, reply) => reply.status(201).send(await service.createAgent(actorOf(request), request.body)),
  );

  app.patch(
    '/api/agents/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Change an agent, or end its active period',
        params: ZIdParams,
        body: ZUpdateAgentRequest,
        response: { 200: ZAgent },
      },
    },
    async (request) => service.updateAgent(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/agents/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Remove an agent entered by mistake',
        params: ZIdParams,
        querystring: ZDeleteAgentQuery,
      },
    },
    async (request, reply) => {
      await service.deleteAgent(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  // ---- Public: no session, rate-limited per address, only the public fields of active agents. ----
  const publicConfig = { public: true, rateLimit: PUBLIC_RATE_LIMIT };

  app.get(
    '/api/public/agents',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Active collection agents for citizens (no login)',
        security: [],
        querystring: ZPublicAgentQuery,
        response: { 200: ZPublicAgentPage },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', PUBLIC_CACHE);
      return service.findPublicAgents(request.query);
    },
  );

  app.get(
    '/api/public/agents/provinces',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Provinces having active agents (no login)',
        security: [],
        response: { 200: z.array(ZPublicAgentArea) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', PUBLIC_CACHE);
      return service.findPublicProvinces();
    },
  );

  app.get(
    '/api/public/agents/places',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Districts or communes of a province having active agents (no login)',
        security: [],
        querystring: ZPublicAgentPlacesQuery,
        response: { 200: z.array(ZPublicAgentArea) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', PUBLIC_CACHE);
      return service.findPublicPlaces(request.query.province);
    },
  );
}
