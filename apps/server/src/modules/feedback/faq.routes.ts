import {
  FEEDBACK_CATEGORY_LABELS,
  WORKING_ROLES,
  ZCreateFaqRequest,
  ZFaqEntry,
  ZFaqListQuery,
  ZId,
  ZUpdateFaqRequest,
  zPage,
  type TFaqEntry,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { FaqService } from './faq.service.js';

const tags = ['faq'];
const ZIdParams = z.strictObject({ id: ZId });

const COLUMNS: ExcelColumn<TFaqEntry>[] = [
  { key: 'question', header: 'Câu hỏi', width: 50, value: (r) => r.question },
  { key: 'answer', header: 'Trả lời', width: 90, value: (r) => r.answer },
  { key: 'category', header: 'Lĩnh vực', width: 26, value: (r) => FEEDBACK_CATEGORY_LABELS[r.category].vi },
  { key: 'tags', header: 'Từ khóa', width: 24, value: (r) => r.tags.join(', ') },
  {
    key: 'regulations',
    header: 'Căn cứ pháp lý',
    width: 30,
    value: (r) => r.regulations.map((x) => x.number).join('; '),
  },
  { key: 'ownerUnit', header: 'Đơn vị phụ trách', width: 26, value: (r) => r.ownerUnit.name },
];

export function registerFaqRoutes(app: HttpApp, service: FaqService): void {
  app.get(
    '/api/faq',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'Search the Q&A knowledge base (accents ignored)',
        querystring: ZFaqListQuery,
        response: { 200: zPage(ZFaqEntry) },
      },
    },
    async (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/faq/export.xlsx',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'Q&A entries matching the filters, as Excel', querystring: ZFaqListQuery },
    },
    async (request, reply) => {
      const { items } = await service.list(actorOf(request), request.query, true);
      const body = await workbook('Hoi dap', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('hoi-dap.xlsx')).send(body);
    },
  );

  app.get(
    '/api/faq/:id',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'One Q&A entry', params: ZIdParams, response: { 200: ZFaqEntry } },
    },
    async (request) => service.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/faq',
    {
      config: allow(WORKING_ROLES, 'global'),
      schema: {
        tags,
        summary: 'Publish a Q&A entry (from an answered feedback, or written by the Communication Center)',
        body: ZCreateFaqRequest,
        response: { 201: ZFaqEntry },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body)),
  );

  app.patch(
    '/api/faq/:id',
    {
      config: allow(WORKING_ROLES, 'global'),
      schema: {
        tags,
        summary: 'Edit, archive or re-publish a Q&A entry',
        params: ZIdParams,
        body: ZUpdateFaqRequest,
        response: { 200: ZFaqEntry },
      },
    },
    async (request) => service.update(actorOf(request), request.params.id, request.body),
  );
}
