import {
  CAMPAIGN_METRIC_LABELS,
  CAMPAIGN_STATUS_LABELS,
  WORKING_ROLES,
  ZCampaign,
  ZCampaignCandidate,
  ZCampaignCandidateQuery,
  ZCampaignDetail,
  ZCampaignLinkRequest,
  ZCampaignLinkType,
  ZCampaignListQuery,
  ZCampaignStatusRequest,
  ZCampaignUnitOption,
  ZListQuery,
  ZCreateCampaignRequest,
  ZId,
  ZUpdateCampaignRequest,
  zPage,
  type TCampaign,
  type TCampaignProgress,
  viDate,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { CampaignLinksService } from './campaign-links.service.js';
import type { CampaignsService } from './campaigns.service.js';

const tags = ['campaigns'];
const ZIdParams = z.strictObject({ id: ZId });
const ZLinkParams = z.strictObject({ id: ZId, type: ZCampaignLinkType, itemId: ZId });
const NO_DATA = 'Chưa có dữ liệu';

const COLUMNS: ExcelColumn<TCampaign>[] = [
  { key: 'name', header: 'Tên chiến dịch', width: 40, value: (c) => c.name },
  { key: 'status', header: 'Trạng thái', width: 16, value: (c) => CAMPAIGN_STATUS_LABELS[c.status].vi },
  { key: 'startsOn', header: 'Từ ngày', width: 12, value: (c) => viDate(c.startsOn) },
  { key: 'endsOn', header: 'Đến ngày', width: 12, value: (c) => viDate(c.endsOn) },
  { key: 'ownerUnit', header: 'Đơn vị chủ trì', width: 28, value: (c) => c.ownerUnit.name },
  {
    key: 'participatingUnits',
    header: 'Đơn vị tham gia',
    width: 40,
    value: (c) => c.participatingUnits.map((u) => u.name).join('; '),
  },
  { key: 'channels', header: 'Kênh truyền thông', width: 20, value: (c) => c.channelCodes.join(', ') },
  {
    key: 'goals',
    header: 'Mục tiêu',
    width: 50,
    value: (c) => c.goals.map((g) => `${CAMPAIGN_METRIC_LABELS[g.metric].vi}: ${g.target}`).join('; '),
  },
  { key: 'linkCount', header: 'Số mục liên kết', width: 14, value: (c) => c.linkCount },
];

/** One row per goal, then one per goal and participating unit when the figure is known by unit. */
interface ProgressLine {
  metric: TCampaignProgress['metric'];
  unit: string;
  target: number | null;
  value: number | null;
  percent: number | null;
}
const PROGRESS_COLUMNS: ExcelColumn<ProgressLine>[] = [
  { key: 'metric', header: 'Chỉ tiêu', width: 36, value: (l) => CAMPAIGN_METRIC_LABELS[l.metric].vi },
  { key: 'unit', header: 'Đơn vị', width: 32, value: (l) => l.unit },
  { key: 'target', header: 'Mục tiêu', width: 12, value: (l) => l.target },
  { key: 'value', header: 'Đạt được', width: 14, value: (l) => l.value ?? NO_DATA },
  { key: 'percent', header: 'Tỷ lệ (%)', width: 10, value: (l) => l.percent },
];

export function progressLines(progress: readonly TCampaignProgress[]): ProgressLine[] {
  return progress.flatMap((p) => [
    { metric: p.metric, unit: 'Toàn chiến dịch', target: p.target, value: p.value, percent: p.percent },
    ...(p.byUnit ?? []).map((u) => ({
      metric: p.metric,
      unit: u.unit.name,
      target: null,
      value: u.value,
      percent: null,
    })),
  ]);
}

export function registerCampaignsRoutes(app: HttpApp, service: CampaignsService, links: CampaignLinksService): void {
  app.get(
    '/api/campaigns',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Campaigns I read (owned in my scope, or in which my unit takes part)',
        querystring: ZCampaignListQuery,
        response: { 200: zPage(ZCampaign) },
      },
    },
    async (request) => service.listCampaigns(actorOf(request), request.query),
  );

  app.get(
    '/api/campaigns/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Campaigns matching the filters, as Excel', querystring: ZCampaignListQuery },
    },
    async (request, reply) => {
      const { items } = await service.listCampaigns(actorOf(request), request.query, true);
      const body = await workbook('Chien dich', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('chien-dich.xlsx')).send(body);
    },
  );

  app.get(
    '/api/campaigns/unit-options',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'Units that may be invited to take part in a campaign',
        querystring: ZListQuery,
        response: { 200: zPage(ZCampaignUnitOption) },
      },
    },
    async (request) => service.listUnitOptions(actorOf(request), request.query),
  );

  app.get(
    '/api/campaigns/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'One campaign with its live progress, linked items and timeline',
        params: ZIdParams,
        response: { 200: ZCampaignDetail },
      },
    },
    async (request) => service.getCampaign(actorOf(request), request.params.id),
  );

  app.get(
    '/api/campaigns/:id/progress.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: "A campaign's progress against its goals, by unit, as Excel", params: ZIdParams },
    },
    async (request, reply) => {
      const campaign = await service.getCampaign(actorOf(request), request.params.id);
      const body = await workbook('Tien do', PROGRESS_COLUMNS, progressLines(campaign.progress));
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('tien-do-chien-dich.xlsx')).send(body);
    },
  );

  app.post(
    '/api/campaigns',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Create a campaign (draft) owned by a unit of my scope',
        body: ZCreateCampaignRequest,
        response: { 201: ZCampaignDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createCampaign(actorOf(request), request.body)),
  );

  app.patch(
    '/api/campaigns/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Change a campaign that is not closed (optimistic version)',
        params: ZIdParams,
        body: ZUpdateCampaignRequest,
        response: { 200: ZCampaignDetail },
      },
    },
    async (request) => service.updateCampaign(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/campaigns/:id/status',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Launch, close or reopen a campaign',
        params: ZIdParams,
        body: ZCampaignStatusRequest,
        response: { 200: ZCampaignDetail },
      },
    },
    async (request) => service.changeStatus(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/campaigns/:id/candidates',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Products, publications or calendar items I could link to the campaign',
        params: ZIdParams,
        querystring: ZCampaignCandidateQuery,
        response: { 200: zPage(ZCampaignCandidate) },
      },
    },
    async (request) => links.listCandidates(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/campaigns/:id/links',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Link a product, publication or calendar item of a participating unit',
        params: ZIdParams,
        body: ZCampaignLinkRequest,
        response: { 201: ZCampaignDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await links.link(actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/campaigns/:id/links/:type/:itemId',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: { tags, summary: 'Remove a linked item from the campaign', params: ZLinkParams },
    },
    async (request, reply) => {
      const { id, type, itemId } = request.params;
      await links.unlink(actorOf(request), id, type, itemId);
      return reply.status(204).send();
    },
  );
}
