import {
  CALENDAR_SHEET_HEADERS,
  CALENDAR_STATUS_LABELS,
  WORKING_ROLES,
  ZCalendarFeedStatus,
  ZCalendarFeedToken,
  ZCalendarImportQuery,
  ZCalendarItem,
  ZCalendarListQuery,
  ZCalendarPage,
  ZCreateCalendarItemRequest,
  ZDeleteCalendarItemQuery,
  ZId,
  ZImportReport,
  ZUpdateCalendarItemRequest,
  viDate,
} from '@loa/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, readSheet, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { messageFor } from '../../platform/http/problem.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { CalendarFeedService } from './calendar-feed.service.js';
import type { CalendarImportService } from './calendar-import.service.js';
import type { CalendarService, SheetItem } from './calendar.service.js';

const tags = ['calendar'];
const ZIdParams = z.strictObject({ id: ZId });
const H = CALENDAR_SHEET_HEADERS;

/** The sheet officers fill in and get back: the import reads these columns (by header or key). */
const COLUMNS: ExcelColumn<SheetItem>[] = [
  { key: 'startsOn', header: H.startsOn, width: 14, value: (r) => viDate(r.startsOn) },
  { key: 'endsOn', header: H.endsOn, width: 14, value: (r) => (r.endsOn ? viDate(r.endsOn) : null) },
  { key: 'title', header: H.title, width: 50, value: (r) => r.title },
  { key: 'description', header: H.description, width: 50, value: (r) => r.description },
  { key: 'unitCode', header: H.unitCode, width: 12, value: (r) => r.unitCode },
  { key: 'themeCodes', header: H.themeCodes, width: 16, value: (r) => r.themeCodes.join(', ') },
  { key: 'audienceCodes', header: H.audienceCodes, width: 16, value: (r) => r.audienceCodes.join(', ') },
  { key: 'channelCode', header: H.channelCode, width: 14, value: (r) => r.channelCode },
  { key: 'formCode', header: H.formCode, width: 16, value: (r) => r.formCode },
  { key: 'status', header: H.status, width: 16, value: (r) => CALENDAR_STATUS_LABELS[r.status].vi },
  { key: 'assignee', header: H.assignee, width: 18, value: (r) => r.assignee },
];
/** Read-only columns of the export, for people (the import ignores them). */
const EXPORT_ONLY: ExcelColumn<SheetItem>[] = [
  { key: 'unitName', header: 'Tên đơn vị', width: 30, value: (r) => r.unitName },
  { key: 'rule', header: 'Lặp lại (RRULE)', width: 24, value: (r) => r.rule },
];

export function registerCalendarRoutes(
  app: HttpApp,
  service: CalendarService,
  importer: CalendarImportService,
  feed: CalendarFeedService,
): void {
  app.get(
    '/api/calendar',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Editorial items and regulation tasks of a period (month, week and list views)',
        querystring: ZCalendarListQuery,
        response: { 200: ZCalendarPage },
      },
    },
    async (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/calendar/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Items matching the filters, as Excel', querystring: ZCalendarListQuery },
    },
    async (request, reply) => {
      const rows = await service.listForExport(actorOf(request), request.query);
      const body = await workbook('Lich bien tap', [...COLUMNS, ...EXPORT_ONLY], rows);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('lich-bien-tap.xlsx')).send(body);
    },
  );

  app.get(
    '/api/calendar/import-template.xlsx',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'An empty sheet with the columns the import reads' },
    },
    async (_request, reply) => {
      const body = await workbook('Lich bien tap', COLUMNS, []);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('mau-lich-bien-tap.xlsx')).send(body);
    },
  );

  app.post(
    '/api/calendar/import',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Import items from Excel (all or nothing; dryRun only reports)',
        description: `Body: the .xlsx file itself, Content-Type ${XLSX_TYPE}.`,
        querystring: ZCalendarImportQuery,
        response: { 200: ZImportReport, 422: ZImportReport },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('request.unsupported_media_type');
      const rows = await readSheet(request.body, COLUMNS);
      const outcome = await importer.importItems(actorOf(request), rows, { dryRun: request.query.dryRun === 'true' });
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
    '/api/calendar/feed-token',
    {
      config: allow('signed-in', 'self'),
      schema: { tags, summary: 'Whether I have an iCalendar feed', response: { 200: ZCalendarFeedStatus } },
    },
    async (request) => feed.status(actorOf(request)),
  );

  app.post(
    '/api/calendar/feed-token',
    {
      config: allow('signed-in', 'self'),
      schema: {
        tags,
        summary: 'Create (or replace) my secret iCalendar feed address; the token is shown once',
        response: { 201: ZCalendarFeedToken },
      },
    },
    async (request, reply) => reply.status(201).send(await feed.rotate(actorOf(request))),
  );

  app.delete(
    '/api/calendar/feed-token',
    { config: allow('signed-in', 'self'), schema: { tags, summary: 'Stop my iCalendar feed' } },
    async (request, reply) => {
      await feed.revoke(actorOf(request));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/calendar/feed/:file',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'My calendar as iCalendar (RFC 5545), for calendar apps; the secret token is the authentication',
        params: z.strictObject({ file: z.string().max(200) }),
      },
    },
    async (request, reply) => {
      const token = request.params.file.endsWith('.ics') ? request.params.file.slice(0, -4) : '';
      const text = await feed.render(token);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="loa.ics"')
        .send(text);
    },
  );

  app.get(
    '/api/calendar/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'One item', params: ZIdParams, response: { 200: ZCalendarItem } },
    },
    async (request) => service.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/calendar',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Put an item on the calendar, or a recurring series (with `recurrence`)',
        body: ZCreateCalendarItemRequest,
        response: { 201: ZCalendarItem },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body)),
  );

  app.patch(
    '/api/calendar/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Change or move an item (scope one or future for an occurrence of a series)',
        params: ZIdParams,
        body: ZUpdateCalendarItemRequest,
        response: { 200: ZCalendarItem },
      },
    },
    async (request) => service.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/calendar/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Delete an item (scope one or future for an occurrence of a series)',
        params: ZIdParams,
        querystring: ZDeleteCalendarItemQuery,
      },
    },
    async (request, reply) => {
      await service.remove(actorOf(request), request.params.id, request.query);
      return reply.status(204).send();
    },
  );
}
