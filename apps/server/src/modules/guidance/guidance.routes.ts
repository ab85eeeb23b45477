import {
  GUIDANCE_KIND_PATHS,
  ZCopyGuidanceRequest,
  ZGuidanceItem,
  ZGuidanceItemListQuery,
  ZGuidanceYear,
  ZGuidanceYearParams,
  ZId,
  ZListQuery,
  ZUpdateGuidanceItemRequest,
  zPage,
} from '@loa/contracts';
import { actorOf } from '../../platform/http/authentication.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { GuidanceService } from './guidance.service.js';

const tags = ['guidance'];

export function registerGuidanceRoutes(app: HttpApp, service: GuidanceService): void {
  app.get(
    '/api/guidance',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'Guidance years', querystring: ZListQuery, response: { 200: zPage(ZGuidanceYear) } },
    },
    async (request) => service.listYears(actorOf(request), request.query),
  );

  app.get(
    '/api/guidance/:year/items',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: "Every item of a year's guidance",
        params: ZGuidanceYearParams,
        querystring: ZGuidanceItemListQuery,
        response: { 200: zPage(ZGuidanceItem) },
      },
    },
    async (request) => service.listItems(actorOf(request), request.params.year, undefined, request.query),
  );

  for (const [segment, kind] of Object.entries(GUIDANCE_KIND_PATHS)) {
    app.get(
      `/api/guidance/:year/${segment}`,
      {
        config: allow('signed-in', 'global'),
        schema: {
          tags,
          summary: `The ${segment} of a year's guidance`,
          params: ZGuidanceYearParams,
          querystring: ZGuidanceItemListQuery,
          response: { 200: zPage(ZGuidanceItem) },
        },
      },
      async (request) => service.listItems(actorOf(request), request.params.year, kind, request.query),
    );
  }

  app.post(
    '/api/guidance/:year/copy',
    {
      config: allow(['admin', 'comms_center'], 'global'),
      schema: {
        tags,
        summary: "Open a new year's guidance as a copy of this one",
        params: ZGuidanceYearParams,
        body: ZCopyGuidanceRequest,
        response: { 201: ZGuidanceYear },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.copyYear(actorOf(request), request.params.year, request.body)),
  );

  app.patch(
    '/api/guidance/:year/items/:id',
    {
      config: allow(['admin', 'comms_center'], 'global'),
      schema: {
        tags,
        summary: 'Edit the wording of an item',
        params: ZGuidanceYearParams.extend({ id: ZId }),
        body: ZUpdateGuidanceItemRequest,
        response: { 200: ZGuidanceItem },
      },
    },
    async (request) => service.updateItem(actorOf(request), request.params.year, request.params.id, request.body),
  );
}
