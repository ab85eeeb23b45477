import {
  FIGURE_UNITS,
  ZDashboard,
  ZDashboardQuery,
  ZDrillQuery,
  ZDrillRecord,
  viDate,
  zPage,
  type TDrillRecord,
} from '@loa/contracts';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, streamWorkbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { dashboardWorkbook } from './dashboard-workbook.js';
import type { DashboardService } from './dashboard.service.js';

const tags = ['dashboard'];
const VALUE_HEADERS = { count: 'Số lượng', people: 'Số người', vnd: 'Số tiền (đồng)' } as const;

function drillColumns(unit: keyof typeof VALUE_HEADERS): ExcelColumn<TDrillRecord>[] {
  return [
    { key: 'date', header: 'Ngày', width: 12, value: (r) => viDate(r.date) },
    { key: 'title', header: 'Nội dung', width: 70, value: (r) => r.title },
    { key: 'unitCode', header: 'Mã đơn vị', width: 12, value: (r) => r.unit?.code ?? null },
    { key: 'unit', header: 'Đơn vị', width: 32, value: (r) => r.unit?.name ?? null },
    { key: 'value', header: VALUE_HEADERS[unit], width: 18, value: (r) => r.value },
    { key: 'link', header: 'Đường dẫn trong Loa', width: 50, value: (r) => r.link },
  ];
}

export function registerDashboardRoutes(app: HttpApp, service: DashboardService): void {
  app.get(
    '/api/dashboard',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'The figures of a period and org scope against last year, with breakdowns, months and child units',
        querystring: ZDashboardQuery,
        response: { 200: ZDashboard },
      },
    },
    async (request) => service.getDashboard(actorOf(request), request.query),
  );

  app.get(
    '/api/dashboard/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'The dashboard as Excel: figures, breakdowns, months, child units',
        querystring: ZDashboardQuery,
      },
    },
    async (request, reply) => {
      const body = await dashboardWorkbook(await service.getDashboard(actorOf(request), request.query));
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('bang-dieu-khien.xlsx')).send(body);
    },
  );

  app.get(
    '/api/dashboard/drill',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'The records behind one figure, newest first, with links to their pages',
        querystring: ZDrillQuery,
        response: { 200: zPage(ZDrillRecord) },
      },
    },
    async (request) => service.drill(actorOf(request), request.query),
  );

  app.get(
    '/api/dashboard/drill/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Every record behind one figure, as Excel (streamed; paging is ignored)',
        querystring: ZDrillQuery,
      },
    },
    async (request, reply) => {
      const { figure } = request.query;
      const chunks = await service.drillChunks(actorOf(request), request.query);
      const body = streamWorkbook('Chi tiet', drillColumns(FIGURE_UNITS[figure]), chunks);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`bang-dieu-khien-${figure}.xlsx`))
        .send(body);
    },
  );
}
