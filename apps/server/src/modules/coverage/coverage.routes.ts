import { ZCoverageQuery, ZGuidanceCoverage } from '@loa/contracts';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, XLSX_TYPE } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { coverageWorkbook } from './coverage-workbook.js';
import type { CoverageService } from './coverage.service.js';

const tags = ['dashboard'];

export function registerCoverageRoutes(app: HttpApp, service: CoverageService): void {
  app.get(
    '/api/dashboard/coverage',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Which guidance themes reached which audiences or provinces in a period (counts per cell, gaps)',
        querystring: ZCoverageQuery,
        response: { 200: ZGuidanceCoverage },
      },
    },
    async (request) => service.getCoverage(actorOf(request), request.query),
  );

  app.get(
    '/api/dashboard/coverage/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'The coverage matrix as Excel: the matrix, every cell with its counts, the uncovered themes',
        querystring: ZCoverageQuery,
      },
    },
    async (request, reply) => {
      const body = await coverageWorkbook(await service.getCoverage(actorOf(request), request.query));
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('do-phu-noi-dung.xlsx')).send(body);
    },
  );
}
