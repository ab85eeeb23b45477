import {
  BUDGET_CATEGORY_LABELS,
  FUNDING_SOURCE_LABELS,
  ZAllocation,
  ZAllocationListQuery,
  ZCreateAllocationRequest,
  ZCreateExpenditureRequest,
  ZExpenditure,
  ZExpenditureListQuery,
  ZId,
  ZReverseRequest,
  viDate,
  zPage,
  type TAllocation,
  type TExpenditure,
  BUDGET_SPENDING_ROLES,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { AllocationsService } from './allocations.service.js';
import type { ExpendituresService } from './expenditures.service.js';

const tags = ['budget'];
const ZIdParams = z.strictObject({ id: ZId });

const ALLOCATION_COLUMNS: ExcelColumn<TAllocation>[] = [
  { key: 'year', header: 'Năm', width: 8, value: (r) => r.year },
  { key: 'decisionNo', header: 'Số quyết định', width: 18, value: (r) => r.decisionNo },
  { key: 'decidedOn', header: 'Ngày quyết định', width: 14, value: (r) => viDate(r.decidedOn) },
  { key: 'fromUnit', header: 'Đơn vị giao', width: 28, value: (r) => r.fromUnit?.name ?? null },
  { key: 'toUnit', header: 'Đơn vị nhận', width: 28, value: (r) => r.toUnit.name },
  { key: 'category', header: 'Nội dung chi', width: 30, value: (r) => BUDGET_CATEGORY_LABELS[r.category].vi },
  {
    key: 'source',
    header: 'Nguồn kinh phí',
    width: 24,
    value: (r) => (r.source ? FUNDING_SOURCE_LABELS[r.source].vi : null),
  },
  { key: 'amount', header: 'Số tiền (đồng)', width: 18, value: (r) => r.amount },
  { key: 'note', header: 'Ghi chú', width: 30, value: (r) => r.note },
  { key: 'createdBy', header: 'Người lập', width: 24, value: (r) => r.createdBy.name },
];

const EXPENDITURE_COLUMNS: ExcelColumn<TExpenditure>[] = [
  { key: 'spentOn', header: 'Ngày chi', width: 12, value: (r) => viDate(r.spentOn) },
  { key: 'voucherNo', header: 'Số chứng từ', width: 16, value: (r) => r.voucherNo },
  { key: 'unit', header: 'Đơn vị', width: 28, value: (r) => r.unit.name },
  { key: 'category', header: 'Nội dung chi', width: 30, value: (r) => BUDGET_CATEGORY_LABELS[r.category].vi },
  { key: 'description', header: 'Diễn giải', width: 40, value: (r) => r.description },
  { key: 'amount', header: 'Số tiền (đồng)', width: 18, value: (r) => r.amount },
  { key: 'norm', header: 'Định mức', width: 18, value: (r) => r.norm?.code ?? null },
  { key: 'quantity', header: 'Số lượng', width: 10, value: (r) => r.quantity },
  { key: 'normLimit', header: 'Mức tối đa theo định mức', width: 18, value: (r) => r.normLimit },
  { key: 'exception', header: 'Chi vượt định mức được duyệt', width: 30, value: (r) => r.exception?.reason ?? null },
  { key: 'reason', header: 'Lý do điều chỉnh', width: 30, value: (r) => r.reason },
  { key: 'createdBy', header: 'Người lập', width: 24, value: (r) => r.createdBy.name },
];

/** Allocations and expenditures: lists, entries, reversals and Excel exports (issue 6 §1–§2). */
export function registerBudgetEntriesRoutes(
  app: HttpApp,
  allocations: AllocationsService,
  expenditures: ExpendituresService,
): void {
  app.get(
    '/api/budget/allocations',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Allocations in my scope',
        querystring: ZAllocationListQuery,
        response: { 200: zPage(ZAllocation) },
      },
    },
    async (request) => allocations.listAllocations(actorOf(request), request.query),
  );

  app.get(
    '/api/budget/allocations/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Allocations matching the filters, as Excel', querystring: ZAllocationListQuery },
    },
    async (request, reply) => {
      const { items } = await allocations.listAllocations(actorOf(request), request.query, true);
      const body = await workbook('Phan bo', ALLOCATION_COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('phan-bo-kinh-phi.xlsx')).send(body);
    },
  );

  app.post(
    '/api/budget/allocations',
    {
      config: allow(BUDGET_SPENDING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Allocate to a direct child unit (or appropriate to the root from a funding source)',
        body: ZCreateAllocationRequest,
        response: { 201: ZAllocation },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await allocations.createAllocation(actorOf(request), request.body)),
  );

  app.post(
    '/api/budget/allocations/:id/reverse',
    {
      config: allow(BUDGET_SPENDING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Reverse an allocation with a correcting entry',
        params: ZIdParams,
        body: ZReverseRequest,
        response: { 201: ZAllocation },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await allocations.reverseAllocation(actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/budget/expenditures',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Expenditures in my scope',
        querystring: ZExpenditureListQuery,
        response: { 200: zPage(ZExpenditure) },
      },
    },
    async (request) => expenditures.listExpenditures(actorOf(request), request.query),
  );

  app.get(
    '/api/budget/expenditures/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Expenditures matching the filters, as Excel', querystring: ZExpenditureListQuery },
    },
    async (request, reply) => {
      const { items } = await expenditures.listExpenditures(actorOf(request), request.query, true);
      const body = await workbook('Chi', EXPENDITURE_COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('khoan-chi.xlsx')).send(body);
    },
  );

  app.get(
    '/api/budget/expenditures/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'One expenditure', params: ZIdParams, response: { 200: ZExpenditure } },
    },
    async (request) => expenditures.getExpenditure(actorOf(request), request.params.id),
  );

  app.post(
    '/api/budget/expenditures',
    {
      config: allow(BUDGET_SPENDING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Record an expenditure (within the balance and the norm)',
        body: ZCreateExpenditureRequest,
        response: { 201: ZExpenditure },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await expenditures.createExpenditure(actorOf(request), request.body)),
  );

  app.post(
    '/api/budget/expenditures/:id/reverse',
    {
      config: allow(BUDGET_SPENDING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Reverse an expenditure with a correcting entry',
        params: ZIdParams,
        body: ZReverseRequest,
        response: { 201: ZExpenditure },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await expenditures.reverseExpenditure(actorOf(request), request.params.id, request.body)),
  );
}
