import {
  PLAN_METRIC_LABELS,
  PLAN_METRICS,
  PLAN_STATUS_LABELS,
  WORKING_ROLES,
  ZCreatePlanRequest,
  ZId,
  ZPlan,
  ZPlanActionRequest,
  ZPlanDetail,
  ZPlanListQuery,
  ZPlanTree,
  ZPlanTreeQuery,
  ZReplaceTargetsRequest,
  ZReturnPlanRequest,
  ZUpdatePlanRequest,
  zPage,
  type TPlan,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { PlansService } from './plans.service.js';

const tags = ['plans'];
const ZIdParams = z.strictObject({ id: ZId });

/** Vietnam's calendar day of an instant, as officers write it (dd/mm/yyyy). */
const vnDay = (value: string | null) =>
  value
    ? new Intl.DateTimeFormat('vi-VN', {
        timeZone: 'Asia/Ho_Chi_Minh',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
      }).format(new Date(value))
    : null;

const COLUMNS: ExcelColumn<TPlan>[] = [
  { key: 'year', header: 'Năm', width: 8, value: (p) => p.year },
  { key: 'unitCode', header: 'Mã đơn vị', width: 12, value: (p) => p.orgUnit.code },
  { key: 'unit', header: 'Đơn vị', width: 30, value: (p) => p.orgUnit.name },
  { key: 'title', header: 'Tên kế hoạch', width: 50, value: (p) => p.title },
  { key: 'status', header: 'Trạng thái', width: 18, value: (p) => PLAN_STATUS_LABELS[p.status].vi },
  { key: 'guidanceYear', header: 'Hướng dẫn năm', width: 14, value: (p) => p.guidanceYear },
  ...PLAN_METRICS.map((metric): ExcelColumn<TPlan> => ({
    key: metric,
    header: PLAN_METRIC_LABELS[metric].vi,
    width: 22,
    value: (p) => p.totals[metric],
  })),
  { key: 'submittedAt', header: 'Ngày trình', width: 14, value: (p) => vnDay(p.submittedAt) },
  { key: 'approvedAt', header: 'Ngày duyệt', width: 14, value: (p) => vnDay(p.approvedAt) },
  { key: 'returnedReason', header: 'Lý do trả lại', width: 40, value: (p) => p.returnedReason },
];

export function registerPlansRoutes(app: HttpApp, service: PlansService): void {
  app.get(
    '/api/plans',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Plans of the units in my scope (by year, unit subtree, status)',
        querystring: ZPlanListQuery,
        response: { 200: zPage(ZPlan) },
      },
    },
    async (request) => service.listPlans(actorOf(request), request.query),
  );

  app.get(
    '/api/plans/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Plans matching the filters, with yearly targets, as Excel',
        querystring: ZPlanListQuery,
      },
    },
    async (request, reply) => {
      const { items } = await service.listPlans(actorOf(request), request.query, true);
      const body = await workbook('Ke hoach', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('ke-hoach.xlsx')).send(body);
    },
  );

  app.get(
    '/api/plans/tree',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: "My subtree's units with their plan of the year: targets, children's sum, shortfall, progress",
        querystring: ZPlanTreeQuery,
        response: { 200: ZPlanTree },
      },
    },
    async (request) => service.getTree(actorOf(request), request.query),
  );

  app.get(
    '/api/plans/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'One plan with its targets, their split among child units and progress',
        params: ZIdParams,
        response: { 200: ZPlanDetail },
      },
    },
    async (request) => service.getPlan(actorOf(request), request.params.id),
  );

  app.post(
    '/api/plans',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: "Start a unit's plan for a year (draft)",
        body: ZCreatePlanRequest,
        response: { 201: ZPlanDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createPlan(actorOf(request), request.body)),
  );

  app.patch(
    '/api/plans/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Change the title, notes or guidance year of a draft or returned plan',
        params: ZIdParams,
        body: ZUpdatePlanRequest,
        response: { 200: ZPlanDetail },
      },
    },
    async (request) => service.updatePlan(actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/plans/:id/targets',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: "Replace a draft or returned plan's targets, all or nothing",
        params: ZIdParams,
        body: ZReplaceTargetsRequest,
        response: { 200: ZPlanDetail },
      },
    },
    async (request) => service.replaceTargets(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/plans/:id/submit',
    {
      config: allow([...WORKING_ROLES, 'leader'], 'unit'),
      schema: {
        tags,
        summary: 'Submit the plan for approval by the unit above',
        params: ZIdParams,
        body: ZPlanActionRequest,
        response: { 200: ZPlanDetail },
      },
    },
    async (request) => service.submitPlan(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/plans/:id/approve',
    {
      config: allow(['leader', 'comms_center'], 'unit'),
      schema: {
        tags,
        summary: 'Approve a submitted plan',
        params: ZIdParams,
        body: ZPlanActionRequest,
        response: { 200: ZPlanDetail },
      },
    },
    async (request) => service.approvePlan(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/plans/:id/return',
    {
      config: allow(['leader', 'comms_center'], 'unit'),
      schema: {
        tags,
        summary: 'Return a submitted or approved plan to its unit, with the reason',
        params: ZIdParams,
        body: ZReturnPlanRequest,
        response: { 200: ZPlanDetail },
      },
    },
    async (request) => service.returnPlan(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/plans/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: { tags, summary: 'Delete a draft plan with its targets', params: ZIdParams },
    },
    async (request, reply) => {
      await service.deletePlan(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
