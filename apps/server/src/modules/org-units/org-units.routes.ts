import {
  ZCreateOrgUnitRequest,
  ZId,
  ZImportReport,
  ZOrgUnit,
  ZOrgUnitListQuery,
  ZAdminUnitSuccessor,
  ZUpdateOrgUnitRequest,
  zPage,
  type TOrgUnit,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, readSheet, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { messageFor } from '../../platform/http/problem.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { AppError } from '../../platform/errors.js';
import type { OrgUnitsService } from './org-units.service.js';
import type { createOrgUnitsImportService } from './org-units-import.service.js';

const tags = ['org-units'];
const ZIdParams = z.strictObject({ id: ZId });

/** Columns of the org-tree spreadsheet; the same file can be exported, edited and imported back. */
function sheetColumns(byId: Map<string, TOrgUnit>): ExcelColumn<TOrgUnit>[] {
  return [
    { key: 'code', header: 'Mã đơn vị', width: 14, value: (u) => u.code },
    { key: 'name', header: 'Tên đơn vị', width: 45, value: (u) => u.name },
    { key: 'shortName', header: 'Tên viết tắt', width: 16, value: (u) => u.shortName },
    { key: 'kind', header: 'Loại', width: 14, value: (u) => u.kind },
    {
      key: 'parentCode',
      header: 'Mã đơn vị cấp trên',
      width: 18,
      value: (u) => (u.parentId ? (byId.get(u.parentId)?.code ?? null) : null),
    },
    { key: 'adminUnitCode', header: 'Mã ĐVHC', width: 10, value: (u) => u.adminUnitCode },
    { key: 'activeFrom', header: 'Hoạt động từ', width: 14, value: (u) => u.activeFrom },
    { key: 'activeTo', header: 'Hoạt động đến', width: 14, value: (u) => u.activeTo },
  ];
}

/** The columns an import reads (the CLI reads the same file). */
export const importColumns = () => sheetColumns(new Map());

export function registerOrgUnitsRoutes(
  app: HttpApp,
  service: OrgUnitsService,
  importer: ReturnType<typeof createOrgUnitsImportService>,
): void {
  app.get(
    '/api/org-units',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Units in my scope',
        querystring: ZOrgUnitListQuery,
        response: { 200: zPage(ZOrgUnit) },
      },
    },
    async (request) => service.listOrgUnits(actorOf(request), request.query),
  );

  app.get(
    '/api/org-units/export.xlsx',
    { config: allow('signed-in', 'unit'), schema: { tags, summary: 'The org tree of my scope as Excel' } },
    async (request, reply) => {
      const units = await service.listSubtree(actorOf(request));
      const body = await workbook('Co cau to chuc', sheetColumns(new Map(units.map((u) => [u.id, u]))), units);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('co-cau-to-chuc.xlsx')).send(body);
    },
  );

  app.post(
    '/api/org-units/import',
    {
      config: allow(['admin'], 'unit'),
      schema: {
        tags,
        summary: 'Import units from Excel (all or nothing; dryRun only reports)',
        description: `Body: the .xlsx file itself, Content-Type ${XLSX_TYPE}.`,
        querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') }),
        response: { 200: ZImportReport, 422: ZImportReport },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('request.unsupported_media_type');
      const rows = await readSheet(request.body, importColumns());
      const outcome = await importer.importOrgUnits(actorOf(request), rows, {
        dryRun: request.query.dryRun === 'true',
      });
      const report = {
        ...outcome,
        rejected: outcome.rejected.map((p) => ({
          row: p.row,
          ...(p.field ? { field: p.field } : {}),
          message: messageFor(p.code, request.locale, p.params),
        })),
      };
      return reply.status(report.rejected.length > 0 ? 422 : 200).send(report);
    },
  );

  app.get(
    '/api/org-units/successors',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Units of the 34-province structure formed from an administrative unit of the 63-province one',
        querystring: z.strictObject({ oldCode: z.string().trim().min(2).max(10) }),
        response: { 200: zPage(ZAdminUnitSuccessor) },
      },
    },
    async (request) => {
      const items = await service.findSuccessors(actorOf(request), request.query.oldCode);
      return { items: items.map((i) => ({ ...i, type: i.type as 'full' | 'partial' })), total: items.length };
    },
  );

  app.get(
    '/api/org-units/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'One unit', params: ZIdParams, response: { 200: ZOrgUnit } },
    },
    async (request) => service.getOrgUnit(actorOf(request), request.params.id),
  );

  app.post(
    '/api/org-units',
    {
      config: allow(['admin'], 'unit'),
      schema: { tags, summary: 'Create a unit', body: ZCreateOrgUnitRequest, response: { 201: ZOrgUnit } },
    },
    async (request, reply) => reply.status(201).send(await service.createOrgUnit(actorOf(request), request.body)),
  );

  app.patch(
    '/api/org-units/:id',
    {
      config: allow(['admin'], 'unit'),
      schema: {
        tags,
        summary: 'Change or move a unit',
        params: ZIdParams,
        body: ZUpdateOrgUnitRequest,
        response: { 200: ZOrgUnit },
      },
    },
    async (request) => service.updateOrgUnit(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/org-units/:id',
    {
      config: allow(['admin'], 'unit'),
      schema: { tags, summary: 'Delete a unit without children or users', params: ZIdParams },
    },
    async (request, reply) => {
      await service.deleteOrgUnit(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
