import {
  METRICS_SHEET_HEADERS,
  WORKING_ROLES,
  ZId,
  ZImportReport,
  ZMetricReading,
  ZMetricsImportQuery,
  ZPublication,
  ZRecordMetricsRequest,
} from '@loa/contracts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, readGrid, workbook, XLSX_TYPE } from '../../platform/http/excel.js';
import { messageFor } from '../../platform/http/problem.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { UPLOAD_TYPE } from '../files/index.js';
import { guessDelimiter, parseCsv } from './csv.js';
import { rowsOfGrid } from './metrics-sheet.js';
import type { PublicationMetricsService } from './publication-metrics.service.js';

const tags = ['publications'];
const ZIdParams = z.strictObject({ id: ZId });
const CSV_TYPE = 'text/csv';
const MAX_ROWS = 20_000;

/** The cells of an .xlsx (first sheet) or a CSV export (UTF-8, comma, semicolon or tab separated). */
async function gridOf(body: Buffer): Promise<(string | null)[][]> {
  const isZip = body.length > 3 && body[0] === 0x50 && body[1] === 0x4b && body[2] === 0x03 && body[3] === 0x04;
  if (!isZip) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
    try {
      return parseCsv(text, guessDelimiter(text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? ''));
    } catch (error) {
      throw new AppError('import.invalid_file', { reason: (error as Error).message });
    }
  }
  return readGrid(body);
}

export function registerPublicationMetricsRoutes(app: HttpApp, service: PublicationMetricsService): void {
  app.get(
    '/api/publications/metrics/template',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'An empty sheet with the columns the figures import reads' },
    },
    async (_request, reply) => {
      const columns = Object.entries(METRICS_SHEET_HEADERS).map(([key, header]) => ({
        key,
        header,
        width: key === 'url' ? 50 : 14,
        value: () => null,
      }));
      const body = await workbook('So lieu tiep can', columns, []);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('mau-so-lieu-tiep-can.xlsx')).send(body);
    },
  );

  // CSV bodies are read only by this route: the parser lives in its own scope, so other imports keep answering 415.
  void app.register(async (instance) => {
    const scoped = instance.withTypeProvider<ZodTypeProvider>();
    scoped.addContentTypeParser(CSV_TYPE, { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    scoped.post(
      '/api/publications/metrics/import',
      {
        config: allow(WORKING_ROLES, 'unit'),
        schema: {
          tags,
          summary: 'Import reach figures from Excel or a platform CSV export (all or nothing; dryRun only reports)',
          description:
            `Body: the file itself, Content-Type ${XLSX_TYPE}, ${CSV_TYPE} or ${UPLOAD_TYPE}. Rows name the ` +
            'publication by its link (URL, Link, Permalink, Liên kết); figures under Views/Lượt xem, Reach/Số người ' +
            'tiếp cận, Listeners/Người nghe, Shares/Chia sẻ, Comments/Bình luận, Reactions/Likes/Cảm xúc; the day ' +
            'read under Date/Ngày (today when empty).',
          querystring: ZMetricsImportQuery,
          response: { 200: ZImportReport, 422: ZImportReport },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('request.unsupported_media_type');
        const grid = await gridOf(request.body);
        if (grid.length > MAX_ROWS + 1)
          throw new AppError('import.invalid_file', { reason: `more than ${MAX_ROWS} rows` });
        const rows = rowsOfGrid(grid);
        if (!rows) throw new AppError('import.invalid_file', { reason: 'no link column or no figure column in row 1' });
        const dryRun = request.query.dryRun === 'true';
        const outcome = await service.importReadings(actorOf(request), rows, { dryRun });
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
  });

  app.get(
    '/api/publications/:id/metrics',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Every reading of a publication’s figures, newest day first',
        params: ZIdParams,
        response: { 200: z.array(ZMetricReading) },
      },
    },
    async (request) => service.history(actorOf(request), request.params.id),
  );

  app.post(
    '/api/publications/:id/metrics',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Record figures read by hand on one day (a later entry for the same day replaces it)',
        params: ZIdParams,
        body: ZRecordMetricsRequest,
        response: { 200: ZPublication },
      },
    },
    async (request) => service.record(actorOf(request), request.params.id, request.body),
  );
}
