import {
  ZBudgetSummary,
  ZBudgetSummaryQuery,
  ZEstimate,
  ZFiscalYear,
  ZFiscalYearRow,
  ZId,
  ZOpenFiscalYearRequest,
  ZPutEstimateRequest,
  BUDGET_SPENDING_ROLES,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, XLSX_TYPE } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { BudgetSummaryService } from './budget-summary.service.js';
import { summaryWorkbook } from './budget-workbook.js';
import type { BudgetYearsService } from './budget-years.service.js';

const tags = ['budget'];
const ZYearParams = z.strictObject({ year: ZFiscalYear });
const ZEstimateParams = z.strictObject({ unitId: ZId, year: ZFiscalYear });
const ZEstimateQuery = z.strictObject({ year: ZFiscalYear, unitId: ZId });

/** Fiscal years, estimates and the summary view (issue 6 §1, §3). */
export function registerBudgetRoutes(app: HttpApp, years: BudgetYearsService, summary: BudgetSummaryService): void {
  app.get(
    '/api/budget/years',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'Fiscal years', response: { 200: z.array(ZFiscalYearRow) } },
    },
    async (request) => years.listYears(actorOf(request)),
  );

  app.post(
    '/api/budget/years',
    {
      config: allow(['admin'], 'global'),
      schema: {
        tags,
        summary: 'Open a fiscal year (administrators)',
        body: ZOpenFiscalYearRequest,
        response: { 201: ZFiscalYearRow },
      },
    },
    async (request, reply) => reply.status(201).send(await years.openYear(actorOf(request), request.body)),
  );

  app.post(
    '/api/budget/years/:year/close',
    {
      config: allow(['admin'], 'global'),
      schema: {
        tags,
        summary: 'Close a fiscal year for good (administrators)',
        params: ZYearParams,
        response: { 200: ZFiscalYearRow },
      },
    },
    async (request) => years.closeYear(actorOf(request), request.params.year),
  );

  app.get(
    '/api/budget/estimates',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: "A unit's estimate (dự toán) for a year",
        querystring: ZEstimateQuery,
        response: { 200: ZEstimate },
      },
    },
    async (request) => years.getEstimate(actorOf(request), request.query.unitId, request.query.year),
  );

  app.put(
    '/api/budget/estimates/:unitId/:year',
    {
      config: allow(BUDGET_SPENDING_ROLES, 'unit'),
      schema: {
        tags,
        summary: "Replace a unit's estimate for an open year",
        params: ZEstimateParams,
        body: ZPutEstimateRequest,
        response: { 200: ZEstimate },
      },
    },
    async (request) => years.putEstimate(actorOf(request), request.params.unitId, request.params.year, request.body),
  );

  app.get(
    '/api/budget/summary',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Allocated, allocated onward, spent, committed and remaining of a unit and year',
        querystring: ZBudgetSummaryQuery,
        response: { 200: ZBudgetSummary },
      },
    },
    async (request) => summary.getSummary(actorOf(request), request.query),
  );

  app.get(
    '/api/budget/summary/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'The summary as Excel, a sheet per view', querystring: ZBudgetSummaryQuery },
    },
    async (request, reply) => {
      const view = await summary.getSummary(actorOf(request), request.query);
      const body = await summaryWorkbook(view);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`ngan-sach-${view.unit.code}-${view.year}.xlsx`))
        .send(body);
    },
  );
}
