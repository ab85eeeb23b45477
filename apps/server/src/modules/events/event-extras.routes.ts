import {
  PARTICIPANT_SHEET_HEADERS as H,
  WORKING_ROLES,
  ZCheckInLink,
  ZCheckInRequest,
  ZCheckInResult,
  ZEventParticipant,
  ZEventPhoto,
  ZId,
  ZImportReport,
  ZOpenCheckInRequest,
  ZPublicCheckInEvent,
  type TEventParticipant,
} from '@loa/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, readSheet, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { messageFor } from '../../platform/http/problem.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { sendStoredFile, sendThumbnail, UPLOAD_TYPE, uploadErrorHandler, uploadOf } from '../files/index.js';
import type { EventExtrasService } from './event-extras.service.js';

const tags = ['events'];
const ZIdParams = z.strictObject({ id: ZId });
const ZPhotoParams = z.strictObject({ id: ZId, fileId: ZId });
const ZTokenParams = z.strictObject({ token: z.string().max(200) });
const ZImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });
const ZPhotoQuery = z.strictObject({ name: z.string().max(255).optional() });

const PROGRAM_NAMES = { voluntary: 'BHXH tự nguyện', household_bhyt: 'BHYT hộ gia đình' } as const;

/** The sheet of an outcome list: the import reads these columns (by header or key). */
const COLUMNS: ExcelColumn<TEventParticipant>[] = [
  { key: 'program', header: H.program, width: 20, value: (p) => PROGRAM_NAMES[p.program] },
  { key: 'fullName', header: H.fullName, width: 30, value: (p) => p.fullName },
  { key: 'insuranceCode', header: H.insuranceCode, width: 16, value: (p) => p.insuranceCode },
  { key: 'birthYear', header: H.birthYear, width: 10, value: (p) => p.birthYear },
  { key: 'phone', header: H.phone, width: 16, value: (p) => p.phone },
  { key: 'address', header: H.address, width: 40, value: (p) => p.address },
];

/** A participant checking in: a few tries a minute per address is plenty; a script gets little. */
const CHECK_IN_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

export function registerEventExtrasRoutes(app: HttpApp, service: EventExtrasService, maxUploadBytes: number): void {
  app.post(
    '/api/events/:id/check-in',
    {
      config: allow([...WORKING_ROLES, 'leader'], 'unit'),
      schema: {
        tags,
        summary: 'Open QR check-in: a signed link valid for some hours (earlier links stop working)',
        params: ZIdParams,
        body: ZOpenCheckInRequest,
        response: { 200: ZCheckInLink },
      },
    },
    async (request) => service.openCheckIn(actorOf(request), request.params.id, request.body.hours),
  );

  app.delete(
    '/api/events/:id/check-in',
    {
      config: allow([...WORKING_ROLES, 'leader'], 'unit'),
      schema: { tags, summary: 'Close QR check-in', params: ZIdParams },
    },
    async (request, reply) => {
      await service.closeCheckIn(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/events/:id/participants',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'The outcome list of an event',
        params: ZIdParams,
        response: { 200: z.array(ZEventParticipant) },
      },
    },
    async (request) => service.listParticipants(actorOf(request), request.params.id),
  );

  app.get(
    '/api/events/participants-template.xlsx',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'An empty outcome list with the columns the import reads' },
    },
    async (_request, reply) => {
      const body = await workbook('Nguoi tham gia moi', COLUMNS, []);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('mau-nguoi-tham-gia-moi.xlsx')).send(body);
    },
  );

  app.post(
    '/api/events/:id/participants/import',
    {
      config: allow([...WORKING_ROLES, 'leader'], 'unit'),
      schema: {
        tags,
        summary: 'Replace the outcome list from Excel (all or nothing; dryRun only reports)',
        description: `Body: the .xlsx file itself, Content-Type ${XLSX_TYPE}.`,
        params: ZIdParams,
        querystring: ZImportQuery,
        response: { 200: ZImportReport, 422: ZImportReport },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('request.unsupported_media_type');
      const rows = await readSheet(request.body, COLUMNS);
      const outcome = await service.importParticipants(actorOf(request), request.params.id, rows, {
        dryRun: request.query.dryRun === 'true',
      });
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

  app.post(
    '/api/events/:id/photos',
    {
      config: allow([...WORKING_ROLES, 'leader'], 'unit'),
      errorHandler: uploadErrorHandler(app, maxUploadBytes),
      schema: {
        tags,
        summary: 'Upload a photo of the event',
        description: `Body: the image itself, Content-Type ${UPLOAD_TYPE}; its name in X-File-Name or \`name\`.`,
        params: ZIdParams,
        querystring: ZPhotoQuery,
        response: { 201: ZEventPhoto },
      },
    },
    async (request, reply) => {
      const photo = await service.addPhoto(actorOf(request), request.params.id, uploadOf(request, request.query.name));
      return reply.status(201).send(photo);
    },
  );

  app.delete(
    '/api/events/:id/photos/:fileId',
    {
      config: allow([...WORKING_ROLES, 'leader'], 'unit'),
      schema: { tags, summary: 'Remove a photo from the event', params: ZPhotoParams },
    },
    async (request, reply) => {
      await service.removePhoto(actorOf(request), request.params.id, request.params.fileId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/events/:id/photos/:fileId/content',
    { config: allow('signed-in', 'unit'), schema: { tags, summary: 'A photo of the event', params: ZPhotoParams } },
    async (request, reply) => {
      const { file, content } = await service.openPhoto(
        actorOf(request),
        request.params.id,
        request.params.fileId,
        false,
      );
      return sendStoredFile(reply, file, content);
    },
  );

  app.get(
    '/api/events/:id/photos/:fileId/thumbnail',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'The thumbnail of a photo of the event', params: ZPhotoParams },
    },
    async (request, reply) => {
      const { file, content } = await service.openPhoto(
        actorOf(request),
        request.params.id,
        request.params.fileId,
        true,
      );
      return sendThumbnail(reply, file, content);
    },
  );

  // ---- Public: participants check in on their phones, no session, rate-limited per address. ----
  const publicConfig = { public: true, rateLimit: CHECK_IN_RATE_LIMIT };

  app.get(
    '/api/public/check-in/:token',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'The event a check-in code opens (no login)',
        security: [],
        params: ZTokenParams,
        response: { 200: ZPublicCheckInEvent },
      },
    },
    async (request) => service.publicEvent(request.params.token),
  );

  app.post(
    '/api/public/check-in/:token',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Check in to an event (no login); counts towards its attendance',
        security: [],
        params: ZTokenParams,
        body: ZCheckInRequest,
        response: { 200: ZCheckInResult },
      },
    },
    async (request) => service.checkIn(request.params.token, request.body),
  );
}
