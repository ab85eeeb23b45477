import { ZPlanActual, ZPlanActualQuery } from '@loa/contracts';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, XLSX_TYPE } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { planActualWorkbook } from './plan-actual-workbook.js';
import type { PlanActualService } from './plan-actual.service.js';

const tags = ['dashboard'];

export function registerPlanActualRoutes(app: HttpApp, service: PlanActualService): void {
  app.get(
    '/api/dashboard/plan-actual',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: "A unit's targets of the year against its results, month by month, with its child units ranked",
        querystring: ZPlanActualQuery,
        response: { 200: ZPlanActual },
      },
    },
    async (request) => service.get(actorOf(request), request.query),
  );

  app.get(
    '/api/dashboard/plan-actual/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Plan versus actual as Excel: the scope, each child unit and the months (the numbers of the screen)',
        querystring: ZPlanActualQuery,
      },
    },
    async (request, reply) => {
      const data = await service.get(actorOf(request), request.query);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`ke-hoach-thuc-hien-${data.year}.xlsx`))
        .send(await planActualWorkbook(data));
    },
  );
}
