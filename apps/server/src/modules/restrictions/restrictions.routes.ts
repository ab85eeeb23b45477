import {
  EVENT_KIND_LABELS,
  ZActiveRestrictionQuery,
  ZCreateRestrictionRequest,
  ZId,
  ZLiftRestrictionRequest,
  ZRestriction,
  ZRestrictionListQuery,
  viDate,
  zPage,
  type TRestriction,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { RestrictionsService } from './restrictions.service.js';

const tags = ['restrictions'];
const ZIdParams = z.strictObject({ id: ZId });

const COLUMNS: ExcelColumn<TRestriction>[] = [
  { key: 'area', header: 'Địa bàn', width: 30, value: (r) => r.orgUnit.name },
  { key: 'startsOn', header: 'Từ ngày', width: 14, value: (r) => viDate(r.startsOn) },
  { key: 'endsOn', header: 'Đến ngày', width: 14, value: (r) => (r.endsOn ? viDate(r.endsOn) : null) },
  {
    key: 'basis',
    header: 'Căn cứ',
    width: 40,
    value: (r) => [r.regulation?.number, r.basisText].filter(Boolean).join('; '),
  },
  {
    key: 'kinds',
    header: 'Hình thức bị hạn chế',
    width: 50,
    value: (r) => r.kinds.map((k) => EVENT_KIND_LABELS[k].vi).join('; '),
  },
  { key: 'inForce', header: 'Đang hiệu lực', width: 14, value: (r) => (r.inForce ? 'Có' : 'Không') },
  { key: 'lifted', header: 'Dỡ bỏ lúc', width: 20, value: (r) => r.lifted?.at.slice(0, 16).replace('T', ' ') ?? null },
  { key: 'liftedBy', header: 'Người dỡ bỏ', width: 24, value: (r) => r.lifted?.by ?? null },
  { key: 'liftReason', header: 'Lý do dỡ bỏ', width: 40, value: (r) => r.lifted?.reason ?? null },
];

export function registerRestrictionsRoutes(app: HttpApp, service: RestrictionsService): void {
  app.get(
    '/api/restrictions',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Restrictions of direct communication in my scope and above it',
        querystring: ZRestrictionListQuery,
        response: { 200: zPage(ZRestriction) },
      },
    },
    async (request) => service.listRestrictions(actorOf(request), request.query),
  );

  app.get(
    '/api/restrictions/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Restrictions matching the filters, as Excel', querystring: ZRestrictionListQuery },
    },
    async (request, reply) => {
      const { items } = await service.listRestrictions(actorOf(request), request.query, true);
      const body = await workbook('Han che', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('han-che-truyen-thong.xlsx')).send(body);
    },
  );

  app.get(
    '/api/restrictions/active',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'The restrictions blocking a direct form at a unit at an instant',
        querystring: ZActiveRestrictionQuery,
        response: { 200: z.array(ZRestriction) },
      },
    },
    async (request) => service.findActive(actorOf(request), request.query),
  );

  app.get(
    '/api/restrictions/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'One restriction', params: ZIdParams, response: { 200: ZRestriction } },
    },
    async (request) => service.getRestriction(actorOf(request), request.params.id),
  );

  app.post(
    '/api/restrictions',
    {
      config: allow(['admin', 'leader', 'comms_center'], 'unit'),
      schema: {
        tags,
        summary: 'Declare a restriction of direct communication',
        body: ZCreateRestrictionRequest,
        response: { 201: ZRestriction },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createRestriction(actorOf(request), request.body)),
  );

  app.post(
    '/api/restrictions/:id/lift',
    {
      config: allow(['admin', 'leader', 'comms_center'], 'unit'),
      schema: {
        tags,
        summary: 'Lift a restriction, with the reason',
        params: ZIdParams,
        body: ZLiftRestrictionRequest,
        response: { 200: ZRestriction },
      },
    },
    async (request) => service.liftRestriction(actorOf(request), request.params.id, request.body),
  );
}
