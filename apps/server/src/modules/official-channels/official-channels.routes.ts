import {
  CHANNEL_KIND_LABELS,
  CHANNEL_STATUS_LABELS,
  ZCreateOfficialChannelRequest,
  ZId,
  ZOfficialChannel,
  ZOfficialChannelListQuery,
  ZPublicCheckRequest,
  ZPublicCheckResult,
  ZUpdateOfficialChannelRequest,
  zPage,
  type TOfficialChannel,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { OfficialChannelsService } from './official-channels.service.js';

const tags = ['official-channels'];
const ZIdParams = z.strictObject({ id: ZId });

const viDateTime = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));

const COLUMNS: ExcelColumn<TOfficialChannel>[] = [
  { key: 'kind', header: 'Loại kênh', width: 20, value: (c) => CHANNEL_KIND_LABELS[c.kind].vi },
  { key: 'display', header: 'Kênh', width: 36, value: (c) => c.display },
  { key: 'value', header: 'Giá trị chuẩn hóa', width: 36, value: (c) => c.value },
  { key: 'status', header: 'Tình trạng', width: 26, value: (c) => CHANNEL_STATUS_LABELS[c.status].vi },
  { key: 'note', header: 'Ghi chú', width: 40, value: (c) => c.note },
  { key: 'source', header: 'Nguồn xác nhận', width: 40, value: (c) => c.source },
  { key: 'orgUnit', header: 'Đơn vị', width: 28, value: (c) => c.orgUnit.name },
  { key: 'addedBy', header: 'Người thêm', width: 24, value: (c) => c.addedBy },
  {
    key: 'retiredAt',
    header: 'Ngừng sử dụng từ',
    width: 18,
    value: (c) => (c.retiredAt ? viDateTime(c.retiredAt) : null),
  },
];

/** Checks per minute and address on the public check: plenty for a person, little for a scraper. */
const PUBLIC_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

export function registerOfficialChannelsRoutes(app: HttpApp, service: OfficialChannelsService): void {
  app.get(
    '/api/official-channels',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'The registry of official channels and reported fakes',
        querystring: ZOfficialChannelListQuery,
        response: { 200: zPage(ZOfficialChannel) },
      },
    },
    async (request) => service.listChannels(actorOf(request), request.query),
  );

  app.get(
    '/api/official-channels/export.xlsx',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'Registry entries matching the filters, as Excel',
        querystring: ZOfficialChannelListQuery,
      },
    },
    async (request, reply) => {
      const { items } = await service.listChannels(actorOf(request), request.query, true);
      const body = await workbook('Kenh chinh thuc', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('kenh-chinh-thuc.xlsx')).send(body);
    },
  );

  app.get(
    '/api/official-channels/:id',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'One registry entry', params: ZIdParams, response: { 200: ZOfficialChannel } },
    },
    async (request) => service.getChannel(actorOf(request), request.params.id),
  );

  app.post(
    '/api/official-channels',
    {
      config: allow(['admin', 'comms_center'], 'global'),
      schema: {
        tags,
        summary: 'Add an official channel or a reported fake',
        body: ZCreateOfficialChannelRequest,
        response: { 201: ZOfficialChannel },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createChannel(actorOf(request), request.body)),
  );

  app.patch(
    '/api/official-channels/:id',
    {
      config: allow(['admin', 'comms_center'], 'global'),
      schema: {
        tags,
        summary: 'Change a registry entry, retire it or bring it back',
        params: ZIdParams,
        body: ZUpdateOfficialChannelRequest,
        response: { 200: ZOfficialChannel },
      },
    },
    async (request) => service.updateChannel(actorOf(request), request.params.id, request.body),
  );

  // ---- Public: no session, rate-limited per address. ----
  const publicRoute = {
    config: { public: true, rateLimit: PUBLIC_RATE_LIMIT },
    schema: { tags, security: [], response: { 200: ZPublicCheckResult } },
  };

  app.get(
    '/api/public/check',
    {
      ...publicRoute,
      schema: {
        ...publicRoute.schema,
        summary: 'Is this link, domain or phone number official, reported fake, a look-alike or unknown? (no login)',
        querystring: ZPublicCheckRequest,
      },
    },
    async (request) => service.checkPublic(request.query.input),
  );

  app.post(
    '/api/public/check',
    {
      ...publicRoute,
      schema: {
        ...publicRoute.schema,
        summary: 'The same check for a longer text, such as a message received (no login)',
        body: ZPublicCheckRequest,
      },
    },
    async (request) => service.checkPublic(request.body.input),
  );
}
