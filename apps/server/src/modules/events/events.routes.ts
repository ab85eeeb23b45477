import {
  EVENT_KIND_LABELS,
  EVENT_PARTNER_LABELS,
  EVENT_SEGMENT_LABELS,
  EVENT_STATUS_LABELS,
  WORKING_ROLES,
  ZCreateEventRequest,
  ZEvent,
  ZEventDetail,
  ZEventListQuery,
  ZEventOverride,
  ZEventTransitionRequest,
  ZId,
  ZUpdateEventRequest,
  zPage,
  type TEvent,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { EventsService } from './events.service.js';

const tags = ['events'];
const ZIdParams = z.strictObject({ id: ZId });

/** Vietnam's wall-clock time of an instant, dd/mm/yyyy hh:mm. */
function viTime(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

const COLUMNS: ExcelColumn<TEvent>[] = [
  { key: 'startsAt', header: 'Thời gian', width: 18, value: (e) => viTime(e.startsAt) },
  { key: 'kind', header: 'Hình thức', width: 28, value: (e) => EVENT_KIND_LABELS[e.kind].vi },
  { key: 'title', header: 'Tên sự kiện', width: 40, value: (e) => e.title },
  { key: 'status', header: 'Trạng thái', width: 18, value: (e) => EVENT_STATUS_LABELS[e.status].vi },
  { key: 'orgUnit', header: 'Đơn vị tổ chức', width: 28, value: (e) => e.orgUnit.name },
  {
    key: 'place',
    header: 'Địa điểm',
    width: 40,
    value: (e) => [e.address, e.commune?.name, e.district?.name, e.province?.name].filter(Boolean).join(', '),
  },
  {
    key: 'segments',
    header: 'Nhóm đối tượng',
    width: 40,
    value: (e) => e.segments.map((s) => EVENT_SEGMENT_LABELS[s].vi).join('; '),
  },
  {
    key: 'partners',
    header: 'Đơn vị phối hợp',
    width: 30,
    value: (e) => [...e.partners.map((p) => EVENT_PARTNER_LABELS[p].vi), e.partnerNote].filter(Boolean).join('; '),
  },
  { key: 'planned', header: 'Dự kiến (người)', width: 14, value: (e) => e.plannedAttendance },
  { key: 'attendance', header: 'Số người dự', width: 12, value: (e) => e.attendance.total },
  { key: 'female', header: 'Trong đó nữ', width: 12, value: (e) => e.attendance.female },
  { key: 'checkedIn', header: 'Điểm danh QR', width: 12, value: (e) => e.attendance.checkedIn },
  { key: 'questions', header: 'Câu hỏi nêu ra', width: 12, value: (e) => e.questionsRaised },
  { key: 'answered', header: 'Đã giải đáp', width: 12, value: (e) => e.questionsAnswered },
  { key: 'voluntary', header: 'BHXH tự nguyện mới', width: 14, value: (e) => e.outcomes.voluntary },
  { key: 'householdBhyt', header: 'BHYT hộ gia đình mới', width: 14, value: (e) => e.outcomes.householdBhyt },
  { key: 'cost', header: 'Kinh phí (đồng)', width: 16, value: (e) => e.costVnd },
  {
    key: 'override',
    header: 'Lãnh đạo cho phép khi đang hạn chế',
    width: 40,
    value: (e) => e.overrides.map((o) => `${o.by ?? ''}: ${o.reason}`).join('; ') || null,
  },
  { key: 'cancelReason', header: 'Lý do hủy', width: 30, value: (e) => e.cancelReason },
];

export function registerEventsRoutes(app: HttpApp, service: EventsService): void {
  app.get(
    '/api/events',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Direct communication events in my scope',
        querystring: ZEventListQuery,
        response: { 200: zPage(ZEvent) },
      },
    },
    async (request) => service.listEvents(actorOf(request), request.query),
  );

  app.get(
    '/api/events/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Events matching the filters, as Excel', querystring: ZEventListQuery },
    },
    async (request, reply) => {
      const { items } = await service.listEvents(actorOf(request), request.query, true);
      const body = await workbook('Su kien', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('su-kien-truyen-thong.xlsx')).send(body);
    },
  );

  app.get(
    '/api/events/overrides',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: "Leaders' decisions to go ahead despite a restriction",
        response: { 200: z.array(ZEventOverride) },
      },
    },
    async (request) => service.listOverrides(actorOf(request)),
  );

  app.get(
    '/api/events/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'One event with its photos', params: ZIdParams, response: { 200: ZEventDetail } },
    },
    async (request) => service.getEvent(actorOf(request), request.params.id),
  );

  app.post(
    '/api/events',
    {
      config: allow([...WORKING_ROLES, 'leader'], 'unit'),
      schema: {
        tags,
        summary: 'Plan an event (refused inside an active restriction unless a leader overrides with a reason)',
        body: ZCreateEventRequest,
        response: { 201: ZEvent },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createEvent(actorOf(request), request.body)),
  );

  app.patch(
    '/api/events/:id',
    {
      config: allow([...WORKING_ROLES, 'leader'], 'unit'),
      schema: {
        tags,
        summary: 'Change or reschedule an event, or record its figures',
        params: ZIdParams,
        body: ZUpdateEventRequest,
        response: { 200: ZEvent },
      },
    },
    async (request) => service.updateEvent(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/events/:id/status',
    {
      config: allow([...WORKING_ROLES, 'leader'], 'unit'),
      schema: {
        tags,
        summary: 'Mark an event held or reported, or cancel it with a reason',
        params: ZIdParams,
        body: ZEventTransitionRequest,
        response: { 200: ZEvent },
      },
    },
    async (request) => service.transition(actorOf(request), request.params.id, request.body),
  );
}
