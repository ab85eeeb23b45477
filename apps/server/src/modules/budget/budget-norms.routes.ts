import {
  BUDGET_CATEGORY_LABELS,
  NORM_UNIT_LABELS,
  ZCreateNormExceptionRequest,
  ZCreateNormRequest,
  ZDecideNormExceptionRequest,
  ZId,
  ZNorm,
  ZNormException,
  ZNormExceptionListQuery,
  ZNormListQuery,
  ZUpdateNormRequest,
  viDate,
  zPage,
  type TNorm,
  BUDGET_SPENDING_ROLES,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { NormExceptionsService } from './norm-exceptions.service.js';
import type { NormsService } from './norms.service.js';

const tags = ['budget'];
const ZIdParams = z.strictObject({ id: ZId });

const NORM_COLUMNS: ExcelColumn<TNorm>[] = [
  { key: 'code', header: 'Mã', width: 18, value: (r) => r.code },
  { key: 'name', header: 'Tên định mức', width: 60, value: (r) => r.name },
  {
    key: 'category',
    header: 'Nội dung chi',
    width: 28,
    value: (r) => (r.category ? BUDGET_CATEGORY_LABELS[r.category].vi : 'Mọi nội dung chi'),
  },
  { key: 'unit', header: 'Đơn vị tính', width: 20, value: (r) => NORM_UNIT_LABELS[r.unit].vi },
  { key: 'maxAmount', header: 'Mức tối đa (đồng)', width: 18, value: (r) => r.maxAmount },
  { key: 'legalBasis', header: 'Căn cứ pháp lý', width: 40, value: (r) => r.legalBasis },
  { key: 'validFrom', header: 'Hiệu lực từ', width: 14, value: (r) => viDate(r.validFrom) },
  { key: 'validTo', header: 'Hiệu lực đến', width: 14, value: (r) => (r.validTo ? viDate(r.validTo) : null) },
  { key: 'note', header: 'Ghi chú', width: 40, value: (r) => r.note },
];

/** The norms catalogue and over-norm exceptions (issue 6 §1–§2). */
export function registerBudgetNormsRoutes(app: HttpApp, norms: NormsService, exceptions: NormExceptionsService): void {
  app.get(
    '/api/budget/norms',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'Spending norms', querystring: ZNormListQuery, response: { 200: zPage(ZNorm) } },
    },
    async (request) => norms.listNorms(actorOf(request), request.query),
  );

  app.get(
    '/api/budget/norms/export.xlsx',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'Spending norms, as Excel', querystring: ZNormListQuery },
    },
    async (request, reply) => {
      const { items } = await norms.listNorms(actorOf(request), request.query, true);
      const body = await workbook('Dinh muc', NORM_COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('dinh-muc-chi.xlsx')).send(body);
    },
  );

  app.post(
    '/api/budget/norms',
    {
      config: allow(['admin'], 'global'),
      schema: {
        tags,
        summary: 'Add a spending norm (administrators)',
        body: ZCreateNormRequest,
        response: { 201: ZNorm },
      },
    },
    async (request, reply) => reply.status(201).send(await norms.createNorm(actorOf(request), request.body)),
  );

  app.patch(
    '/api/budget/norms/:id',
    {
      config: allow(['admin'], 'global'),
      schema: {
        tags,
        summary: 'Change or close a spending norm (administrators)',
        params: ZIdParams,
        body: ZUpdateNormRequest,
        response: { 200: ZNorm },
      },
    },
    async (request) => norms.updateNorm(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/budget/exceptions',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Over-norm spending requests in my scope',
        querystring: ZNormExceptionListQuery,
        response: { 200: zPage(ZNormException) },
      },
    },
    async (request) => exceptions.listExceptions(actorOf(request), request.query),
  );

  app.post(
    '/api/budget/exceptions',
    {
      config: allow(BUDGET_SPENDING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Ask a leader to approve spending above the norm',
        body: ZCreateNormExceptionRequest,
        response: { 201: ZNormException },
      },
    },
    async (request, reply) => reply.status(201).send(await exceptions.requestException(actorOf(request), request.body)),
  );

  app.post(
    '/api/budget/exceptions/:id/approve',
    {
      config: allow(['leader'], 'unit'),
      schema: {
        tags,
        summary: 'Approve an over-norm request (a leader, not the requester): the expenditure is recorded',
        params: ZIdParams,
        body: ZDecideNormExceptionRequest,
        response: { 200: ZNormException },
      },
    },
    async (request) => exceptions.approveException(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/budget/exceptions/:id/reject',
    {
      config: allow(['leader'], 'unit'),
      schema: {
        tags,
        summary: 'Reject an over-norm request (a leader, not the requester)',
        params: ZIdParams,
        body: ZDecideNormExceptionRequest,
        response: { 200: ZNormException },
      },
    },
    async (request) => exceptions.rejectException(actorOf(request), request.params.id, request.body),
  );
}
