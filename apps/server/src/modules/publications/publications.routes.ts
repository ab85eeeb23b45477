import {
  METRIC_LABELS,
  PUBLICATION_CHANNEL_LABELS,
  WORKING_ROLES,
  ZAddProofQuery,
  ZCreatePublicationRequest,
  ZDeletePublicationQuery,
  ZId,
  ZPublication,
  ZPublicationListQuery,
  ZPublicationPage,
  ZUpdatePublicationRequest,
  type TPublication,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { sendStoredFile, UPLOAD_TYPE, uploadErrorHandler, uploadOf } from '../files/index.js';
import type { PublicationsService } from './publications.service.js';

const tags = ['publications'];
const ZIdParams = z.strictObject({ id: ZId });
const ZProofParams = z.strictObject({ id: ZId, fileId: ZId });
const vnDateTime = (iso: string) => {
  const local = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
};

const COLUMNS: ExcelColumn<TPublication>[] = [
  { key: 'product', header: 'Sản phẩm', width: 40, value: (p) => p.product.title },
  { key: 'unit', header: 'Đơn vị', width: 28, value: (p) => p.unit.name },
  { key: 'channel', header: 'Kênh', width: 22, value: (p) => PUBLICATION_CHANNEL_LABELS[p.channel].vi },
  { key: 'outlet', header: 'Cơ quan, trang đăng phát', width: 30, value: (p) => p.outlet },
  { key: 'url', header: 'Liên kết', width: 40, value: (p) => p.url },
  { key: 'publishedAt', header: 'Thời điểm đăng phát', width: 18, value: (p) => vnDateTime(p.publishedAt) },
  { key: 'proofs', header: 'Số minh chứng', width: 12, value: (p) => p.proofs.length },
  { key: 'reached', header: 'Người tiếp cận', width: 14, value: (p) => p.reach.reached },
  ...(['views', 'listeners', 'shares', 'comments', 'reactions'] as const).map((metric): ExcelColumn<TPublication> => ({
    key: metric,
    header: METRIC_LABELS[metric].vi,
    width: 12,
    value: (p) => p.reach[metric],
  })),
  { key: 'readOn', header: 'Ngày đọc số liệu', width: 14, value: (p) => p.readOn },
  { key: 'note', header: 'Ghi chú', width: 30, value: (p) => p.note },
];

export function registerPublicationsRoutes(app: HttpApp, service: PublicationsService, maxUploadBytes: number): void {
  app.get(
    '/api/publications',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Publications of products I may see, with the total reach of every match',
        querystring: ZPublicationListQuery,
        response: { 200: ZPublicationPage },
      },
    },
    async (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/publications/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Publications matching the filters, as Excel', querystring: ZPublicationListQuery },
    },
    async (request, reply) => {
      const { items } = await service.list(actorOf(request), request.query, true);
      const body = await workbook('Dang phat', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('dang-phat.xlsx')).send(body);
    },
  );

  app.get(
    '/api/publications/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'One publication', params: ZIdParams, response: { 200: ZPublication } },
    },
    async (request) => service.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/publications',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Record where and when a ready product went out (its first one marks it published)',
        body: ZCreatePublicationRequest,
        response: { 201: ZPublication },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body)),
  );

  app.patch(
    '/api/publications/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Change a publication (with the version last read)',
        params: ZIdParams,
        body: ZUpdatePublicationRequest,
        response: { 200: ZPublication },
      },
    },
    async (request) => service.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/publications/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Delete a publication recorded by mistake, with its figures',
        params: ZIdParams,
        querystring: ZDeletePublicationQuery,
      },
    },
    async (request, reply) => {
      await service.remove(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/publications/:id/proofs',
    {
      config: allow(WORKING_ROLES, 'unit'),
      errorHandler: uploadErrorHandler(app, maxUploadBytes),
      schema: {
        tags,
        summary: 'Upload a proof (clipping, screenshot, airtime log, photo) of a publication',
        description:
          `Body: the file itself, Content-Type ${UPLOAD_TYPE}; its name in X-File-Name (RFC 5987 or URI-encoded ` +
          'UTF-8) or `name`; `title` defaults to the name without extension. Checked like POST /api/files.',
        params: ZIdParams,
        querystring: ZAddProofQuery,
        response: { 201: ZPublication },
      },
    },
    async (request, reply) => {
      const upload = uploadOf(request, request.query.name);
      const { kind, title } = request.query;
      return reply.status(201).send(await service.addProof(actorOf(request), request.params.id, upload, kind, title));
    },
  );

  app.delete(
    '/api/publications/:id/proofs/:fileId',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: { tags, summary: 'Remove a proof from a publication', params: ZProofParams },
    },
    async (request, reply) => {
      await service.removeProof(actorOf(request), request.params.id, request.params.fileId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/publications/:id/proofs/:fileId/content',
    { config: allow('signed-in', 'unit'), schema: { tags, summary: 'Download a proof', params: ZProofParams } },
    async (request, reply) => {
      const { file, content } = await service.openProof(actorOf(request), request.params.id, request.params.fileId);
      return sendStoredFile(reply, file, content);
    },
  );
}
